//go:build js && wasm

package scene

import (
	"slices"
	"sort"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/material"
	"github.com/g3n/engine/math32"
)

// Stage keeps a Model on a g3n node, changing only what changes between
// two models: parts whose shapes are the same keep their mesh and are only
// moved, stretched or hidden; materials are recoloured in place. It needs
// no WebGL context until the Viewer renders it, so it is unit-tested under
// Node.
type Stage struct {
	root      *core.Node
	parts     map[string]*stagePart
	materials map[string]*material.Physical
	// colors are the materials' colours as last set, which g3n does not
	// let us read back.
	colors map[string]string
	// Builds counts the meshes built since the stage was made.
	Builds int
}

type stagePart struct {
	mesh     *graphic.Mesh
	shapes   []Shape
	material string
}

// NewStage returns an empty stage.
func NewStage() *Stage {
	return &Stage{root: core.NewNode(), parts: map[string]*stagePart{}, materials: map[string]*material.Physical{},
		colors: map[string]string{}}
}

// Root is the node holding the stage's meshes, to add to a Viewer.
func (s *Stage) Root() *core.Node { return s.root }

// Show makes the stage show m.
func (s *Stage) Show(m Model) {
	for _, mat := range m.Materials {
		s.material(mat)
	}
	shown := map[string]bool{}
	for _, p := range m.Parts {
		shown[p.Key] = true
		sp := s.parts[p.Key]
		if sp == nil || sp.material != p.Material || !slices.Equal(sp.shapes, p.Shapes) {
			sp = s.build(p, sp)
		}
		sc := p.ScaleOrOne()
		sp.mesh.SetPosition(p.Position.X, p.Position.Y, p.Position.Z)
		sp.mesh.SetScale(sc.X, sc.Y, sc.Z)
		sp.mesh.SetVisible(true)
	}
	for key, sp := range s.parts {
		if !shown[key] {
			sp.mesh.SetVisible(false)
		}
	}
}

// build makes p's mesh, replacing old's.
func (s *Stage) build(p Part, old *stagePart) *stagePart {
	if old != nil {
		s.root.Remove(old.mesh)
		old.mesh.Dispose()
	}
	data := Build(p.Shapes)
	geom := geometry.NewGeometry()
	geom.SetIndices(math32.ArrayU32(data.Indices))
	geom.AddVBO(gls.NewVBO(math32.ArrayF32(data.Positions)).AddAttrib(gls.VertexPosition))
	geom.AddVBO(gls.NewVBO(math32.ArrayF32(data.Normals)).AddAttrib(gls.VertexNormal))
	mat := s.materials[p.Material]
	if mat == nil {
		mat = s.material(Material{Name: p.Material, Color: "#999999", Roughness: 0.8})
	}
	// The mesh holds a reference of its own: disposing it must not reset a
	// material other parts still use.
	mat.Incref()
	mesh := graphic.NewMesh(geom, mat)
	mesh.SetName(p.Key)
	s.root.Add(mesh)
	sp := &stagePart{mesh: mesh, shapes: p.Shapes, material: p.Material}
	s.parts[p.Key] = sp
	s.Builds++
	return sp
}

// material returns the stage's material m.Name, set to m.
func (s *Stage) material(m Material) *material.Physical {
	pm := s.materials[m.Name]
	if pm == nil {
		pm = material.NewPhysical()
		s.materials[m.Name] = pm
	}
	s.colors[m.Name] = m.Color
	r, g, b, ok := LinearColor(m.Color)
	if !ok {
		r, g, b = 0.3, 0.3, 0.3
	}
	pm.SetBaseColorFactor(&math32.Color4{R: r, G: g, B: b, A: 1})
	pm.SetMetallicFactor(m.Metalness)
	pm.SetRoughnessFactor(m.Roughness)
	er, eg, eb, _ := LinearColor(m.Emissive)
	pm.SetEmissiveFactor(&math32.Color{R: er, G: eg, B: eb})
	return pm
}

// Visible returns the keys of the parts shown, sorted.
func (s *Stage) Visible() []string {
	var out []string
	for key, sp := range s.parts {
		if sp.mesh.Visible() {
			out = append(out, key)
		}
	}
	sort.Strings(out)
	return out
}

// Mesh returns the mesh of part key, or nil.
func (s *Stage) Mesh(key string) *graphic.Mesh {
	if sp := s.parts[key]; sp != nil {
		return sp.mesh
	}
	return nil
}

// MaterialOf returns the stage's material name, or nil.
func (s *Stage) MaterialOf(name string) *material.Physical { return s.materials[name] }

// ColorOf returns the colour material name was last given.
func (s *Stage) ColorOf(name string) string { return s.colors[name] }

// Dispose releases every mesh and material.
func (s *Stage) Dispose() {
	for _, sp := range s.parts {
		s.root.Remove(sp.mesh)
		sp.mesh.Dispose()
	}
	for _, m := range s.materials {
		m.Dispose()
	}
	s.parts, s.materials = map[string]*stagePart{}, map[string]*material.Physical{}
}

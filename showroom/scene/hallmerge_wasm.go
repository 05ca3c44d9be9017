//go:build js && wasm

package scene

import (
	"sort"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/geometry"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/material"
	"github.com/g3n/engine/math32"
)

// bakedName returns the name of the baked node a mesh was loaded into:
// a kind of surface ("matte", "satin", "metal") or "shell"; "" for a mesh
// that was not baked.
func bakedName(n core.INode) string {
	for p := n; p != nil; p = p.GetNode().Parent() {
		switch name := p.GetNode().Name(); name {
		case "matte", "satin", "metal", "shell":
			return name
		}
	}
	return ""
}

// kindOf returns the kind of surface a baked mesh is merged into: the
// shell is matte enough to share the matte mesh.
func kindOf(n core.INode) string {
	if name := bakedName(n); name != "shell" {
		return name
	}
	return "matte"
}

// bakedMesh gathers triangles for one merged mesh, and the material it is
// drawn with: a stand's own for that kind (the shell's only when no stand
// has one), so the metalness and roughness stay the baker's.
type bakedMesh struct {
	pos, nrm, col []float32
	idx           []uint32
	mat           material.IMaterial
	matFromShell  bool
}

// mergeKinds merges every baked mesh under roots into one mesh per kind of
// surface. Each stand arrives as up to three meshes, so that it can be
// shown as soon as it loads; once all are in, the whole hall costs one
// draw call per kind instead of three per stand, and each draw call costs
// Go time in the browser (design.md). Frustum culling is lost, which the
// GPU can afford: the demo hall is a few tens of thousands of vertices.
// Meshes that are not baked (no vertex colours) are left out.
func mergeKinds(roots []core.INode) []*graphic.Mesh {
	acc := map[string]*bakedMesh{}
	var walk func(n core.INode)
	walk = func(n core.INode) {
		if m, ok := n.(*graphic.Mesh); ok {
			if kind := kindOf(n); kind != "" && m.GetGeometry().VBO(gls.VertexColor) != nil {
				if acc[kind] == nil {
					acc[kind] = &bakedMesh{}
				}
				b, shell := acc[kind], bakedName(n) == "shell"
				if b.mat == nil || b.matFromShell && !shell {
					b.mat, b.matFromShell = m.GetMaterial(0), shell
				}
				appendMesh(b, m)
			}
		}
		for _, c := range n.GetNode().Children() {
			walk(c)
		}
	}
	for _, r := range roots {
		if r != nil {
			r.UpdateMatrixWorld()
			walk(r)
		}
	}
	kinds := make([]string, 0, len(acc))
	for k := range acc {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var out []*graphic.Mesh
	for _, k := range kinds {
		b := acc[k]
		g := geometry.NewGeometry()
		g.SetIndices(math32.ArrayU32(b.idx))
		g.AddVBO(gls.NewVBO(math32.ArrayF32(b.pos)).AddAttrib(gls.VertexPosition))
		g.AddVBO(gls.NewVBO(math32.ArrayF32(b.nrm)).AddAttrib(gls.VertexNormal))
		g.AddVBO(gls.NewVBO(math32.ArrayF32(b.col)).AddAttrib(gls.VertexColor))
		// The merged mesh holds a reference of its own: the loaded nodes,
		// and their hold on the material, are disposed once merged.
		b.mat.GetMaterial().Incref()
		b.mat.GetMaterial().SetShader(hallShader)
		mesh := graphic.NewMesh(g, b.mat)
		mesh.SetName("merged-" + k)
		out = append(out, mesh)
	}
	return out
}

// appendMesh adds m's triangles to b, moved by m's world transform (the
// baked meshes are already in hall coordinates, so it is the identity, but
// a moved node must not land in the wrong place).
func appendMesh(b *bakedMesh, m *graphic.Mesh) {
	g := m.GetGeometry()
	world := m.MatrixWorld()
	var normalMat math32.Matrix3
	normalMat.GetNormalMatrix(&world)
	base := uint32(len(b.pos) / 3)
	g.VBO(gls.VertexPosition).ReadVectors3(gls.VertexPosition, func(p math32.Vector3) bool {
		p.ApplyMatrix4(&world)
		b.pos = append(b.pos, p.X, p.Y, p.Z)
		return false
	})
	count := uint32(len(b.pos)/3) - base
	if vbo := g.VBO(gls.VertexNormal); vbo != nil {
		vbo.ReadVectors3(gls.VertexNormal, func(n math32.Vector3) bool {
			n.ApplyMatrix3(&normalMat)
			n.Normalize()
			b.nrm = append(b.nrm, n.X, n.Y, n.Z)
			return false
		})
	}
	for len(b.nrm) < len(b.pos) {
		b.nrm = append(b.nrm, 0, 1, 0)
	}
	g.VBO(gls.VertexColor).ReadVectors3(gls.VertexColor, func(c math32.Vector3) bool {
		b.col = append(b.col, c.X, c.Y, c.Z)
		return false
	})
	for len(b.col) < len(b.pos) {
		b.col = append(b.col, 1, 1, 1)
	}
	b.nrm, b.col = b.nrm[:len(b.pos)], b.col[:len(b.pos)]
	idx := g.Indices()
	if len(idx) == 0 {
		for i := uint32(0); i < count; i++ {
			b.idx = append(b.idx, base+i)
		}
		return
	}
	for _, i := range idx {
		b.idx = append(b.idx, base+i)
	}
}

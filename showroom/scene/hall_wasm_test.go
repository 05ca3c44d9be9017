//go:build js && wasm

package scene

import (
	"bytes"
	"strings"
	"testing"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/gls"
	"github.com/g3n/engine/graphic"
	"github.com/g3n/engine/math32"
	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHallShaderIsPhysicalWithVertexColours(t *testing.T) {
	vs, fs, err := hallShaderSources()
	require.NoError(t, err, "g3n's physical shader still has the lines we edit")
	assert.Contains(t, vs, "VColor = VertexColor;")
	assert.Contains(t, fs, "baseColor.rgb *= VColor;")
	assert.Contains(t, fs, "pbrModel", "the rest is g3n's physical shading")
	assert.Equal(t, 1, strings.Count(fs, "in vec3 VColor;"))
}

// colouredGLB writes a GLB with one triangle coloured per vertex (as the
// server bakes stands) and one without colours.
func colouredGLB(t *testing.T) []byte {
	doc := gltf.NewDocument()
	pos := modeler.WritePosition(doc, [][3]float32{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}})
	nrm := modeler.WriteNormal(doc, [][3]float32{{0, 0, 1}, {0, 0, 1}, {0, 0, 1}})
	col := modeler.WriteColor(doc, [][3]float32{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})
	idx := modeler.WriteIndices(doc, []uint32{0, 1, 2})
	doc.Materials = []*gltf.Material{
		{Name: "matte", PBRMetallicRoughness: &gltf.PBRMetallicRoughness{
			BaseColorFactor: &[4]float64{1, 1, 1, 1}, MetallicFactor: gltf.Float(0), RoughnessFactor: gltf.Float(0.85)}},
		{Name: "plain", PBRMetallicRoughness: &gltf.PBRMetallicRoughness{
			BaseColorFactor: &[4]float64{0.5, 0.5, 0.5, 1}, MetallicFactor: gltf.Float(0), RoughnessFactor: gltf.Float(0.5)}},
	}
	doc.Meshes = []*gltf.Mesh{
		{Name: "matte", Primitives: []*gltf.Primitive{{Indices: gltf.Index(idx), Material: gltf.Index(0),
			Attributes: gltf.PrimitiveAttributes{gltf.POSITION: pos, gltf.NORMAL: nrm, gltf.COLOR_0: col}}}},
		{Name: "plain", Primitives: []*gltf.Primitive{{Indices: gltf.Index(idx), Material: gltf.Index(1),
			Attributes: gltf.PrimitiveAttributes{gltf.POSITION: pos, gltf.NORMAL: nrm}}}},
	}
	doc.Nodes = []*gltf.Node{{Name: "matte", Mesh: gltf.Index(0)}, {Name: "plain", Mesh: gltf.Index(1), Translation: [3]float64{2, 0, 0}}}
	doc.Scenes[0].Nodes = append(doc.Scenes[0].Nodes, 0, 1)
	var buf bytes.Buffer
	enc := gltf.NewEncoder(&buf)
	enc.AsBinary = true
	require.NoError(t, enc.Encode(doc))
	return buf.Bytes()
}

func TestBakedMeshesUseTheHallShader(t *testing.T) {
	n, err := ParseGLB(colouredGLB(t))
	require.NoError(t, err)
	assert.Equal(t, 1, useVertexColors(n), "only the mesh with colours switches")
	shaders := map[string]int{}
	var walk func(core.INode)
	walk = func(x core.INode) {
		if m, ok := x.(*graphic.Mesh); ok {
			for _, gm := range m.Materials() {
				shaders[gm.IMaterial().GetMaterial().Shader()]++
			}
			if m.GetGeometry().VBO(gls.VertexColor) != nil {
				assert.Equal(t, hallShader, m.Materials()[0].IMaterial().GetMaterial().Shader())
			}
		}
		for _, c := range x.GetNode().Children() {
			walk(c)
		}
	}
	walk(n)
	assert.Equal(t, map[string]int{hallShader: 1, "physical": 1}, shaders)
}

func TestSignGeometryHasAQuadPerStand(t *testing.T) {
	l := *testHall()
	g := signGeometry(l)
	assert.Equal(t, 6*len(l.Stands), len(g.Indices()))
	require.NotNil(t, g.VBO(gls.VertexTexcoord), "mapped to the sign texture")
	uv := g.VBO(gls.VertexTexcoord).Buffer()
	assert.Equal(t, 2*4*len(l.Stands), uv.Len())
	// Each sign takes its own row of the texture.
	assert.InDelta(t, 0.5, (*uv)[1], 1e-6, "the first sign's bottom is half way down a two-row texture")
	assert.InDelta(t, 0.5, (*uv)[8+5], 1e-6, "the second sign's top row starts there")
}

func TestNodeBoundsFollowTheNodesTransforms(t *testing.T) {
	n, err := ParseGLB(colouredGLB(t))
	require.NoError(t, err)
	b := NodeBounds(n)
	assert.InDelta(t, 0, b.Min.X, 1e-6)
	assert.InDelta(t, 3, b.Max.X, 1e-6, "the second triangle is moved 2 m along x")
	assert.InDelta(t, 1, b.Max.Y, 1e-6)
	n.GetNode().SetScale(0.5, 0.5, 0.5)
	b = NodeBounds(n)
	assert.InDelta(t, 1.5, b.Max.X, 1e-6, "the node's own scale counts")
}

func TestMergeKindsMakesOneMeshPerKindOfSurface(t *testing.T) {
	a, err := ParseGLB(colouredGLB(t))
	require.NoError(t, err)
	b, err := ParseGLB(colouredGLB(t))
	require.NoError(t, err)
	b.GetNode().SetPosition(0, 0, -5) // a stand further down the hall
	merged := mergeKinds([]core.INode{a, b})
	require.Len(t, merged, 1, "both files' matte meshes become one; the uncoloured mesh is left out")
	m := merged[0]
	assert.Equal(t, "merged-matte", m.Name())
	assert.Equal(t, hallShader, m.Materials()[0].IMaterial().GetMaterial().Shader())
	g := m.GetGeometry()
	assert.Equal(t, []uint32{0, 1, 2, 3, 4, 5}, []uint32(g.Indices()), "the second file's indices follow the first's vertices")
	var zs, reds []float32
	g.VBO(gls.VertexPosition).ReadVectors3(gls.VertexPosition, func(p math32.Vector3) bool { zs = append(zs, p.Z); return false })
	g.VBO(gls.VertexColor).ReadVectors3(gls.VertexColor, func(c math32.Vector3) bool { reds = append(reds, c.X); return false })
	assert.Equal(t, []float32{0, 0, 0, -5, -5, -5}, zs, "each mesh lands where its node put it")
	assert.Equal(t, []float32{1, 0, 0, 1, 0, 0}, reds, "colours travel with their vertices")
}

func TestKindOf(t *testing.T) {
	for name, want := range map[string]string{"matte": "matte", "satin": "satin", "metal": "metal", "shell": "matte", "signs": ""} {
		parent := core.NewNode()
		parent.SetName(name)
		child := core.NewNode()
		parent.Add(child)
		assert.Equal(t, want, kindOf(child), name)
	}
}

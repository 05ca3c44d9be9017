//go:build js && wasm

package scene

import (
	"bytes"
	"context"
	"encoding/base64"
	"testing"

	"github.com/g3n/engine/core"
	"github.com/g3n/engine/graphic"
	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

// These run under Node without WebGL: building meshes, materials and
// nodes, and parsing glTF, need no context (design.md).

func TestStageChangesOnlyWhatChanged(t *testing.T) {
	s := NewStage()
	s.Show(modelOf(t, "modular-sofa"))
	assert.Equal(t, []string{"arms", FloorPart, "legs", "seats"}, s.Visible())
	assert.Equal(t, 4, s.Builds)
	seats, floor := s.Mesh("seats"), s.Mesh(FloorPart)

	t.Run("a colour recolours without building", func(t *testing.T) {
		s.Show(modelOf(t, "modular-sofa", catalog.ConfigChange{Part: "colour", Option: "rust"}))
		assert.Equal(t, 4, s.Builds)
		assert.Same(t, seats, s.Mesh("seats"))
		assert.Equal(t, "#a4502a", s.ColorOf("fabric"))
	})

	t.Run("a chaise appears, disappears and comes back without building twice", func(t *testing.T) {
		s.Show(modelOf(t, "modular-sofa", catalog.ConfigChange{Part: "chaise", Option: "left"}))
		assert.Contains(t, s.Visible(), "chaise")
		built := s.Builds
		chaise := s.Mesh("chaise")
		s.Show(modelOf(t, "modular-sofa"))
		assert.NotContains(t, s.Visible(), "chaise")
		assert.NotNil(t, s.Mesh("chaise"), "hidden, kept for later")
		s.Show(modelOf(t, "modular-sofa", catalog.ConfigChange{Part: "chaise", Option: "left"}))
		assert.Same(t, chaise, s.Mesh("chaise"))
		assert.Equal(t, built+2, s.Builds, "only the legs, which follow the chaise, were built again, twice")
	})

	t.Run("more modules rebuild the parts that grew, and the floor stretches", func(t *testing.T) {
		before := s.Builds
		s.Show(modelOf(t, "modular-sofa", catalog.ConfigChange{Part: "modules", Value: 5}))
		assert.NotSame(t, seats, s.Mesh("seats"))
		assert.Same(t, floor, s.Mesh(FloorPart))
		assert.Equal(t, before+3, s.Builds, "seats, arms and legs")
		sc := floor.Scale()
		assert.Greater(t, sc.X, float32(2.4))
		assert.Len(t, s.Root().Children(), 5, "replaced meshes leave the scene")
	})

	s.Dispose()
	assert.Empty(t, s.Visible())
	assert.Empty(t, s.Root().Children())
}

func TestStageStretchesTheDeskTop(t *testing.T) {
	s := NewStage()
	s.Show(modelOf(t, "standing-desk"))
	top := s.Mesh("top")
	s.Show(modelOf(t, "standing-desk", catalog.ConfigChange{Part: "width", Value: 180}))
	assert.Same(t, top, s.Mesh("top"), "the top is not rebuilt")
	sc := top.Scale()
	assert.InDelta(t, 180.0/140, sc.X, 1e-5)
	// The mesh's geometry is the box of its shapes.
	bb := top.GetGeometry().BoundingBox()
	assert.InDelta(t, 1.4, bb.Max.X-bb.Min.X, 1e-4)
	var meshes int
	for _, c := range s.Root().Children() {
		if _, ok := c.(*graphic.Mesh); ok {
			meshes++
		}
	}
	assert.Equal(t, 3, meshes)
	s.Dispose()
}

// testGLB writes a GLB of one triangle in a node named like a product part.
func testGLB(t *testing.T) []byte {
	doc := gltf.NewDocument()
	pos := modeler.WritePosition(doc, [][3]float32{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}})
	idx := modeler.WriteIndices(doc, []uint16{0, 1, 2})
	doc.Meshes = []*gltf.Mesh{{Name: "drawer-unit", Primitives: []*gltf.Primitive{{
		Indices: gltf.Index(idx), Attributes: gltf.PrimitiveAttributes{gltf.POSITION: pos}}}}}
	doc.Nodes = []*gltf.Node{{Name: "drawer-unit", Mesh: gltf.Index(0), Translation: [3]float64{0.5, 0, 0}}}
	doc.Scenes[0].Nodes = append(doc.Scenes[0].Nodes, 0)
	var buf bytes.Buffer
	enc := gltf.NewEncoder(&buf)
	enc.AsBinary = true
	require.NoError(t, enc.Encode(doc))
	return buf.Bytes()
}

func TestParseGLB(t *testing.T) {
	n, err := ParseGLB(testGLB(t))
	require.NoError(t, err)
	found := n.GetNode().FindPath("drawer-unit")
	if found == nil {
		// g3n names the node; its mesh is a child or the node itself.
		for _, c := range n.GetNode().Children() {
			if c.GetNode().Name() == "drawer-unit" {
				found = c
			}
		}
	}
	require.NotNil(t, found, "the part's node keeps its name")
	var meshes int
	var walk func(core.INode)
	walk = func(x core.INode) {
		if _, ok := x.(*graphic.Mesh); ok {
			meshes++
		}
		for _, c := range x.GetNode().Children() {
			walk(c)
		}
	}
	walk(n)
	assert.Equal(t, 1, meshes)

	_, err = ParseGLB([]byte("not a glb"))
	assert.Error(t, err)
}

func TestLoadGLBFromFetchedBytes(t *testing.T) {
	// Node's fetch reads data: URLs, standing in for the server.
	url := "data:model/gltf-binary;base64," + base64.StdEncoding.EncodeToString(testGLB(t))
	n, err := LoadGLB(context.Background(), url)
	require.NoError(t, err)
	assert.NotEmpty(t, n.GetNode().Children())

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = LoadGLB(ctx, url)
	assert.Error(t, err, "a cancelled load stops")
}

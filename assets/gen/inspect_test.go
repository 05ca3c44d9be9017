package gen

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

// unitBoxDoc is a document with one mesh spanning (0,0,0)–(1,1,1) under a
// single node, which each case then bends to its purpose.
func unitBoxDoc() *gltf.Document {
	doc := gltf.NewDocument()
	pos := modeler.WritePosition(doc, [][3]float32{{0, 0, 0}, {1, 0, 0}, {1, 1, 1}, {0, 1, 1}})
	idx := modeler.WriteIndices(doc, []uint16{0, 1, 2, 0, 2, 3})
	doc.Meshes = []*gltf.Mesh{{Primitives: []*gltf.Primitive{{Attributes: gltf.PrimitiveAttributes{gltf.POSITION: pos}, Indices: gltf.Index(idx)}}}}
	doc.Nodes = []*gltf.Node{{Mesh: gltf.Index(0)}}
	doc.Scenes[0].Nodes = []int{0}
	return doc
}

func encode(t *testing.T, doc *gltf.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := gltf.NewEncoder(&b)
	enc.AsBinary = true
	require.NoError(t, enc.Encode(doc))
	return b.Bytes()
}

func TestInspectMeasuresBoundsThroughNodeTransforms(t *testing.T) {
	for _, tc := range []struct {
		name     string
		edit     func(doc *gltf.Document)
		min, max [3]float64
	}{
		{"plain mesh", func(*gltf.Document) {}, [3]float64{0, 0, 0}, [3]float64{1, 1, 1}},
		{"translated and scaled", func(d *gltf.Document) {
			d.Nodes[0].Translation = [3]float64{5, -1, 0}
			d.Nodes[0].Scale = [3]float64{2, 2, 2}
		}, [3]float64{5, -1, 0}, [3]float64{7, 1, 2}},
		{"rotated 90° about y", func(d *gltf.Document) {
			s := math.Sqrt(0.5)
			d.Nodes[0].Rotation = [4]float64{0, s, 0, s} // x → -z, z → x
		}, [3]float64{0, 0, -1}, [3]float64{1, 1, 0}},
		{"matrix on a parent node", func(d *gltf.Document) {
			d.Nodes = append(d.Nodes, &gltf.Node{Children: []int{0}, Matrix: [16]float64{100, 0, 0, 0, 0, 100, 0, 0, 0, 0, 100, 0, 0, 0, 0, 1}})
			d.Scenes[0].Nodes = []int{1}
		}, [3]float64{0, 0, 0}, [3]float64{100, 100, 100}},
		{"no scene: root nodes found", func(d *gltf.Document) {
			d.Scenes, d.Scene = nil, nil
		}, [3]float64{0, 0, 0}, [3]float64{1, 1, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := unitBoxDoc()
			tc.edit(doc)
			b, err := Inspect(encode(t, doc), 0)
			require.NoError(t, err)
			for k := 0; k < 3; k++ {
				assert.InDelta(t, tc.min[k], b.Min[k], 1e-6, "min[%d]", k)
				assert.InDelta(t, tc.max[k], b.Max[k], 1e-6, "max[%d]", k)
			}
		})
	}
}

func TestInspectAcceptsEveryGeneratedModel(t *testing.T) {
	for _, slug := range Products() {
		glb, err := Model(slug)
		require.NoError(t, err)
		b, err := Inspect(glb, 0)
		require.NoError(t, err, slug)
		scale, tr := b.Fit([3]float64{1, 1, 1})
		assert.Greater(t, scale, 0.0, slug)
		assert.InDelta(t, 0, scale*b.Min[1]+tr[1], 1e-9, "%s fitted stands on the floor", slug)
	}
}

func TestInspectRejectsBadFiles(t *testing.T) {
	good, err := Model("u-lock")
	require.NoError(t, err)
	withHeader := func(edit func(h []byte)) []byte {
		b := append([]byte(nil), good...)
		edit(b[:12])
		return b
	}
	external := unitBoxDoc()
	external.Buffers[0].URI = "mesh.bin"
	externalImage := unitBoxDoc()
	externalImage.Images = []*gltf.Image{{URI: "wood.png"}}
	extension := unitBoxDoc()
	extension.ExtensionsUsed = []string{"KHR_draco_mesh_compression"}
	extension.ExtensionsRequired = []string{"KHR_draco_mesh_compression"}
	empty := unitBoxDoc()
	empty.Nodes[0].Mesh = nil
	loop := unitBoxDoc()
	loop.Nodes[0].Children = []int{0}
	overflow := unitBoxDoc()
	overflow.Accessors[0].Count = 1 << 30
	missingNode := unitBoxDoc()
	missingNode.Scenes[0].Nodes = []int{7}

	for _, tc := range []struct {
		name     string
		glb      []byte
		maxBytes int64
		code     string
		key      string
	}{
		{"empty file", nil, 0, catalog.EINVALID, "models.err.not_glb"},
		{"plain text", []byte("hello, this is not a model at all"), 0, catalog.EINVALID, "models.err.not_glb"},
		{"glTF JSON instead of GLB", []byte(`{"asset":{"version":"2.0"}}`), 0, catalog.EINVALID, "models.err.not_glb"},
		{"glTF 1.0 binary", withHeader(func(h []byte) { binary.LittleEndian.PutUint32(h[4:], 1) }), 0, catalog.EINVALID, "models.err.version"},
		{"truncated", good[:len(good)/2], 0, catalog.EINVALID, "models.err.truncated"},
		{"trailing garbage", append(append([]byte(nil), good...), 1, 2, 3, 4), 0, catalog.EINVALID, "models.err.damaged"},
		{"over the caller's limit", good, 1000, catalog.ETOOLARGE, "models.err.too_large"},
		{"over the default 25 MB", make([]byte, MaxModelBytes+1), 0, catalog.ETOOLARGE, "models.err.too_large"},
		{"external buffer", encode(t, external), 0, catalog.EINVALID, "models.err.external_uri"},
		{"external image", encode(t, externalImage), 0, catalog.EINVALID, "models.err.external_uri"},
		{"required extension", encode(t, extension), 0, catalog.EINVALID, "models.err.extension"},
		{"no geometry", encode(t, empty), 0, catalog.EINVALID, "models.err.empty"},
		{"node is its own child", encode(t, loop), 0, catalog.EINVALID, "models.err.damaged"},
		{"accessor count past its buffer", encode(t, overflow), 0, catalog.EINVALID, "models.err.damaged"},
		{"scene names a missing node", encode(t, missingNode), 0, catalog.EINVALID, "models.err.damaged"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Inspect(tc.glb, tc.maxBytes)
			require.Error(t, err)
			assert.Equal(t, tc.code, catalog.ErrorCode(err))
			var ce *catalog.Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, tc.key, ce.Key)
			assert.NotEmpty(t, ce.Message)
		})
	}
}

func TestFitScalesIntoTheSlotCentredOnTheFloor(t *testing.T) {
	for _, tc := range []struct {
		name   string
		b      Bounds
		slot   [3]float64
		scale  float64
		offset [3]float64
	}{
		{"metre model shrinks to its tallest side", Bounds{Min: [3]float64{-1, 2, -3}, Max: [3]float64{1, 4, 3}}, [3]float64{1, 1, 1}, 1.0 / 6, [3]float64{0, -2.0 / 6, 0}},
		{"centimetre model is scaled down", Bounds{Min: [3]float64{0, 0, 0}, Max: [3]float64{200, 80, 90}}, [3]float64{2.5, 1.5, 1.2}, 2.5 / 200, [3]float64{-1.25, 0, -90 * 2.5 / 200 / 2}},
		{"small model grows to fill", Bounds{Min: [3]float64{-0.05, 0, -0.05}, Max: [3]float64{0.05, 0.1, 0.05}}, [3]float64{0.5, 0.5, 0.5}, 5, [3]float64{0, 0, 0}},
		{"flat model ignores its zero height", Bounds{Min: [3]float64{0, 1, 0}, Max: [3]float64{2, 1, 2}}, [3]float64{1, 1, 1}, 0.5, [3]float64{-0.5, -0.5, -0.5}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, off := tc.b.Fit(tc.slot)
			assert.InDelta(t, tc.scale, s, 1e-9)
			for k := 0; k < 3; k++ {
				assert.InDelta(t, tc.offset[k], off[k], 1e-9, "offset[%d]", k)
			}
		})
	}
}

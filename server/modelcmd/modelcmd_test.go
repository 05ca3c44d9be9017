package modelcmd_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/assets"
	"vitrine/assets/gen"
	"vitrine/server/demo"
	"vitrine/server/modelcmd"
	"vitrine/server/sqlite"
)

// store makes a data folder with the demo catalog and returns it.
func store(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sqlite.Open(ctx, filepath.Join(dir, "vitrine.db"))
	require.NoError(t, err)
	defer db.Close()
	c := sqlite.NewCatalogStore(db)
	for _, cat := range demo.Categories() {
		require.NoError(t, c.PutCategory(ctx, cat))
	}
	for _, p := range demo.Products() {
		require.NoError(t, c.PutProduct(ctx, p))
	}
	return dir
}

func productModel(t *testing.T, dir, slug string) string {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "vitrine.db"))
	require.NoError(t, err)
	defer db.Close()
	p, err := sqlite.NewCatalogStore(db).Product(context.Background(), slug)
	require.NoError(t, err)
	return p.Model
}

func encode(t *testing.T, doc *gltf.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := gltf.NewEncoder(&b)
	enc.AsBinary = true
	require.NoError(t, enc.Encode(doc))
	return b.Bytes()
}

// inCentimetres is a generated model as a merchant's tool exports it in
// centimetres: the same scene under a node that scales it by 100.
func inCentimetres(t *testing.T, slug string) []byte {
	t.Helper()
	glb, err := gen.Model(slug)
	require.NoError(t, err)
	doc := new(gltf.Document)
	require.NoError(t, gltf.NewDecoder(bytes.NewReader(glb)).Decode(doc))
	doc.Nodes = append(doc.Nodes, &gltf.Node{Name: "cm", Children: doc.Scenes[0].Nodes, Scale: [3]float64{100, 100, 100}})
	doc.Scenes[0].Nodes = []int{len(doc.Nodes) - 1}
	return encode(t, doc)
}

func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, data, 0o644))
	return p
}

func run(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := modelcmd.Run(context.Background(), args, assets.Web(), &out, &errOut)
	return out.String(), err
}

func TestImportThenRemove(t *testing.T) {
	dir := store(t)
	file := write(t, "lamp.glb", inCentimetres(t, "desk-lamp"))
	out, err := run(t, "import", "-product", "desk-lamp", "-file", file, "-data", dir)
	require.NoError(t, err)
	assert.Contains(t, out, "Imported lamp.glb for desk-lamp")
	assert.Contains(t, out, "read as centimetres")
	path := productModel(t, dir, "desk-lamp")
	assert.Regexp(t, `^/media/models/desk-lamp-[0-9a-f]{12}\.glb$`, path)
	assert.Contains(t, out, path)

	out, err = run(t, "list", "-data", dir)
	require.NoError(t, err)
	assert.Regexp(t, `desk-lamp\s+own, imported \d{4}-\d\d-\d\d\s+\d+ KB\s+/media/models/desk-lamp-`, out)
	assert.Regexp(t, `modular-sofa\s+generated\s+\d+ KB\s+/web/models/modular-sofa\.glb`, out)

	out, err = run(t, "remove", "-product", "desk-lamp", "-data", dir)
	require.NoError(t, err)
	assert.Contains(t, out, "generated model (/web/models/desk-lamp.glb)")
	assert.Equal(t, "/web/models/desk-lamp.glb", productModel(t, dir, "desk-lamp"))

	_, err = run(t, "remove", "-product", "desk-lamp", "-data", dir)
	require.Error(t, err)
	assert.Equal(t, "The product desk-lamp has no model of its own.", err.Error())
}

func TestImportRefusals(t *testing.T) {
	good, err := gen.Model("desk-lamp")
	require.NoError(t, err)

	external := gltf.NewDocument()
	pos := modeler.WritePosition(external, [][3]float32{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}})
	external.Meshes = []*gltf.Mesh{{Primitives: []*gltf.Primitive{{Attributes: gltf.PrimitiveAttributes{gltf.POSITION: pos}}}}}
	external.Nodes = []*gltf.Node{{Mesh: gltf.Index(0)}}
	external.Scenes[0].Nodes = []int{0}
	external.Buffers = append(external.Buffers, &gltf.Buffer{URI: "textures.bin", ByteLength: 4})

	tooLarge := filepath.Join(t.TempDir(), "huge.glb")
	f, err := os.Create(tooLarge)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(gen.MaxModelBytes+1))
	f.Close()

	for _, tc := range []struct {
		name string
		args func(dir string) []string
		want string
	}{
		{"not a GLB", func(dir string) []string {
			return []string{"import", "-product", "desk-lamp", "-file", write(t, "lamp.glb", []byte("PNG? no")), "-data", dir}
		}, "The file is not a GLB model (glTF binary)."},
		{"glTF text", func(dir string) []string {
			return []string{"import", "-product", "desk-lamp", "-file", write(t, "lamp.gltf", []byte(`{"asset":{"version":"2.0"}}`)), "-data", dir}
		}, "export it as a binary .glb"},
		{"truncated", func(dir string) []string {
			return []string{"import", "-product", "desk-lamp", "-file", write(t, "lamp.glb", good[:len(good)/2]), "-data", dir}
		}, "The model file is truncated"},
		{"too large", func(dir string) []string {
			return []string{"import", "-product", "desk-lamp", "-file", tooLarge, "-data", dir}
		}, "(26214401 bytes), over the limit of 25 MB"},
		{"external file", func(dir string) []string {
			return []string{"import", "-product", "desk-lamp", "-file", write(t, "lamp.glb", encode(t, external)), "-data", dir}
		}, `refers to the external file "textures.bin"`},
		{"no geometry", func(dir string) []string {
			return []string{"import", "-product", "desk-lamp", "-file", write(t, "lamp.glb", encode(t, gltf.NewDocument())), "-data", dir}
		}, "The model has no visible geometry."},
		{"missing file", func(dir string) []string {
			return []string{"import", "-product", "desk-lamp", "-file", filepath.Join(dir, "nope.glb"), "-data", dir}
		}, "cannot open the model file"},
		{"unknown product", func(dir string) []string {
			return []string{"import", "-product", "desk-lampp", "-file", write(t, "lamp.glb", good), "-data", dir}
		}, `no product has the slug "desk-lampp"`},
		{"no product", func(dir string) []string {
			return []string{"import", "-file", write(t, "lamp.glb", good), "-data", dir}
		}, "-product is required"},
		{"no file", func(dir string) []string { return []string{"import", "-product", "desk-lamp", "-data", dir} }, "-file is required"},
		{"no database", func(string) []string {
			return []string{"import", "-product", "desk-lamp", "-file", write(t, "lamp.glb", good), "-data", t.TempDir()}
		}, "start the store once"},
		{"unknown subcommand", func(string) []string { return []string{"upload"} }, "unknown or missing subcommand"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := store(t)
			out, err := run(t, tc.args(dir)...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Empty(t, out)
			assert.Equal(t, "/web/models/desk-lamp.glb", productModel(t, dir, "desk-lamp"), "nothing changed")
		})
	}
}

func TestListShowsProductsWithoutModels(t *testing.T) {
	dir := store(t)
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "vitrine.db"))
	require.NoError(t, err)
	p := demo.Products()[0]
	p.Model = ""
	require.NoError(t, sqlite.NewCatalogStore(db).PutProduct(context.Background(), p))
	db.Close()
	out, err := run(t, "list", "-data", dir)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Len(t, lines, 1+len(demo.Products()), "a header and one line per product")
	assert.Regexp(t, p.Slug+`\s+none\s+-\s+-`, out)
}

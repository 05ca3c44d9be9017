package server_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"math"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/server/api"
	"vitrine/server/demo"
	"vitrine/server/sqlite"
	"vitrine/showroom/catalog"
	"vitrine/showroom/hall"
)

func (e *env) showroom(t *testing.T) api.ShowroomResponse {
	t.Helper()
	resp, b := e.do(t, "GET", "/api/v1/showroom", nil)
	require.Equal(t, 200, resp.StatusCode, string(b))
	return decode[api.ShowroomResponse](t, b)
}

// glbVertex is a vertex of a baked GLB with its colour.
type glbVertex struct {
	pos, col [3]float32
}

func glbVertices(t *testing.T, glb []byte) []glbVertex {
	t.Helper()
	doc := new(gltf.Document)
	require.NoError(t, gltf.NewDecoder(bytes.NewReader(glb)).Decode(doc))
	var out []glbVertex
	for _, m := range doc.Meshes {
		for _, p := range m.Primitives {
			pos, err := modeler.ReadPosition(doc, doc.Accessors[p.Attributes[gltf.POSITION]], nil)
			require.NoError(t, err)
			c, err := modeler.ReadAccessor(doc, doc.Accessors[p.Attributes[gltf.COLOR_0]], nil)
			require.NoError(t, err)
			for i, v := range pos {
				out = append(out, glbVertex{v, c.([][3]float32)[i]})
			}
		}
	}
	return out
}

// boxInCentimetres is a merchant's model of a plain box, exported in
// centimetres (40 wide, 60 high, 30 deep), in one vivid colour that is
// easy to find once baked.
func boxInCentimetres(t *testing.T, colour [3]float64) []byte {
	t.Helper()
	doc := gltf.NewDocument()
	var pos [][3]float32
	for _, c := range [][3]float32{{-20, 0, -15}, {20, 0, -15}, {20, 60, -15}, {-20, 60, -15}, {-20, 0, 15}, {20, 0, 15}, {20, 60, 15}, {-20, 60, 15}} {
		pos = append(pos, c)
	}
	idx := []uint16{0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 7, 6, 3, 6, 2, 0, 4, 7, 0, 7, 3, 1, 2, 6, 1, 6, 5}
	doc.Materials = []*gltf.Material{{PBRMetallicRoughness: &gltf.PBRMetallicRoughness{
		BaseColorFactor: &[4]float64{colour[0], colour[1], colour[2], 1}, MetallicFactor: gltf.Float(0), RoughnessFactor: gltf.Float(0.9)}}}
	doc.Meshes = []*gltf.Mesh{{Primitives: []*gltf.Primitive{{
		Attributes: gltf.PrimitiveAttributes{gltf.POSITION: modeler.WritePosition(doc, pos)},
		Indices:    gltf.Index(modeler.WriteIndices(doc, idx)),
		Material:   gltf.Index(0),
	}}}}
	doc.Nodes = []*gltf.Node{{Mesh: gltf.Index(0)}}
	doc.Scenes[0].Nodes = []int{0}
	var b bytes.Buffer
	enc := gltf.NewEncoder(&b)
	enc.AsBinary = true
	require.NoError(t, enc.Encode(doc))
	return b.Bytes()
}

func TestShowroomLayout(t *testing.T) {
	e := newEnv(t)
	r := e.showroom(t)
	cats := demo.Categories()
	require.Len(t, r.Layout.Stands, len(cats), "one stand per category")
	require.Len(t, r.Stands, len(cats))
	require.Len(t, r.StandModels, len(cats))
	for i, st := range r.Layout.Stands {
		assert.Equal(t, cats[i].Slug, st.Slug, "in category order")
		assert.Equal(t, cats[i].Slug, r.Stands[i].Category.Slug)
		require.Len(t, st.Slots, len(r.Stands[i].Products), "one slot per product")
		for j, s := range st.Slots {
			assert.Equal(t, r.Stands[i].Products[j].Slug, s.Product)
			// The demo models are in metres; only the parasol is larger
			// than a stand takes, and shrinks to fit.
			assert.True(t, s.Scale == 1 || s.Product == "patio-parasol" && s.Scale > 0.7, "%s scale %v", s.Product, s.Scale)
		}
		assert.Regexp(t, `^/api/v1/showroom/stands/`+st.Slug+`\.glb\?v=[0-9a-f]{16}$`, r.StandModels[i])
	}
	assert.Regexp(t, `^/api/v1/showroom/shell\.glb\?v=[0-9a-f]{16}$`, r.Shell)
	assert.Equal(t, r, e.showroom(t), "the same catalog plans the same hall")
}

func TestShowroomModels(t *testing.T) {
	e := newEnv(t)
	r := e.showroom(t)
	urls := append([]string{r.Shell}, r.StandModels...)
	bodies := map[string][]byte{}
	for _, u := range urls {
		t.Run(u, func(t *testing.T) {
			resp, b := e.do(t, "GET", u, nil)
			require.Equal(t, 200, resp.StatusCode, string(b))
			assert.Equal(t, "model/gltf-binary", resp.Header.Get("Content-Type"))
			assert.Equal(t, "public, max-age=31536000, immutable", resp.Header.Get("Cache-Control"))
			v := strings.SplitN(u, "?v=", 2)[1]
			assert.Equal(t, `"`+v+`"`, resp.Header.Get("ETag"))
			assert.Equal(t, "glTF", string(b[:4]))
			assert.NotContains(t, bodies, string(b), "every file differs")
			bodies[string(b)] = b
		})
	}
	stand := r.StandModels[0]
	raw := func() []byte { _, b := e.do(t, "GET", stand, nil); return b }()
	etag := `"` + strings.SplitN(stand, "?v=", 2)[1] + `"`
	for _, tc := range []struct {
		name     string
		path     string
		header   []string
		status   int
		encoding string
		cache    string
	}{
		{"revalidation", stand, []string{"If-None-Match", etag}, 304, "", "public, max-age=31536000, immutable"},
		{"a weak match revalidates too", stand, []string{"If-None-Match", `"nope", W/` + etag}, 304, "", "public, max-age=31536000, immutable"},
		{"another version is sent again", stand, []string{"If-None-Match", `"0000000000000000"`}, 200, "", "public, max-age=31536000, immutable"},
		{"gzip when accepted", stand, []string{"Accept-Encoding", "gzip, br"}, 200, "gzip", "public, max-age=31536000, immutable"},
		{"gzip refused", stand, []string{"Accept-Encoding", "gzip;q=0"}, 200, "", "public, max-age=31536000, immutable"},
		{"without the version it must revalidate", strings.SplitN(stand, "?", 2)[0], nil, 200, "", "no-cache"},
		{"an old version must revalidate", strings.SplitN(stand, "?", 2)[0] + "?v=0123456789abcdef", nil, 200, "", "no-cache"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := e.do(t, "GET", tc.path, nil, tc.header...)
			require.Equal(t, tc.status, resp.StatusCode)
			assert.Equal(t, tc.cache, resp.Header.Get("Cache-Control"))
			assert.Equal(t, "Accept-Encoding", resp.Header.Get("Vary"))
			assert.Equal(t, tc.encoding, resp.Header.Get("Content-Encoding"))
			switch {
			case tc.status == 304:
				assert.Empty(t, b)
			case tc.encoding == "gzip":
				assert.Less(t, len(b), len(raw))
				zr, err := gzip.NewReader(bytes.NewReader(b))
				require.NoError(t, err)
				unzipped, err := io.ReadAll(zr)
				require.NoError(t, err)
				assert.Equal(t, raw, unzipped)
				assert.NotEqual(t, etag, resp.Header.Get("ETag"), "each encoding has its own strong ETag")
			default:
				assert.Equal(t, raw, b)
			}
		})
	}
	for _, path := range []string{"/api/v1/showroom/stands/spaceships.glb", "/api/v1/showroom/stands/living-room", "/api/v1/showroom/stands/Living-Room.glb"} {
		t.Run("unknown stand "+path, func(t *testing.T) {
			resp, b := e.do(t, "GET", path, nil)
			assert.Equal(t, 404, resp.StatusCode)
			assert.Equal(t, "not_found", decode[api.ErrorBody](t, b).Error.Code)
		})
	}
}

func TestShowroomConcurrentRequestsGetTheSameBytes(t *testing.T) {
	e := newEnv(t)
	r := e.showroom(t)
	var wg sync.WaitGroup
	got := make([][]byte, 8)
	for i := range got {
		wg.Go(func() {
			_, got[i] = e.do(t, "GET", r.StandModels[i%2], nil)
		})
	}
	wg.Wait()
	for i := range got {
		assert.Equal(t, got[i%2], got[i])
	}
}

func TestShowroomAfterAMerchantImport(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	before := e.showroom(t)
	_, oldStand := e.do(t, "GET", before.StandModels[1], nil)

	// The import runs in another process in real life: all it shares with
	// the server is the database.
	magenta := [3]float64{0.9, 0.05, 0.7}
	m, err := sqlite.NewModelStore(e.db).PutModel(ctx, "desk-lamp", boxInCentimetres(t, magenta))
	require.NoError(t, err)

	after := e.showroom(t)
	i := 1
	require.Equal(t, "home-office", after.Layout.Stands[i].Slug)
	assert.NotEqual(t, before.StandModels[i], after.StandModels[i], "a new URL for the changed stand")
	var slot hall.Slot
	for _, s := range after.Layout.Stands[i].Slots {
		if s.Product == "desk-lamp" {
			slot = s
		}
	}
	require.Equal(t, "desk-lamp", slot.Product)
	assert.Equal(t, 0.01, slot.Scale, "centimetres are read as such")
	size := slot.Box.Size()
	// Turned to face the aisle, the box's depth lies along x.
	assert.InDelta(t, 0.30, size[0], 1e-9)
	assert.InDelta(t, 0.60, size[1], 1e-9)
	assert.InDelta(t, 0.40, size[2], 1e-9)
	var lamp catalog.Product
	for _, p := range after.Stands[i].Products {
		if p.Slug == "desk-lamp" {
			lamp = p
		}
	}
	assert.Equal(t, m.Path(), lamp.Model, "the product page gets the merchant's model")

	resp, newStand := e.do(t, "GET", after.StandModels[i], nil)
	require.Equal(t, 200, resp.StatusCode)
	assert.NotEqual(t, oldStand, newStand)
	// The box's vertices are the magenta ones, and they fill the slot.
	lo := [3]float64{math.Inf(1), math.Inf(1), math.Inf(1)}
	hi := [3]float64{math.Inf(-1), math.Inf(-1), math.Inf(-1)}
	n := 0
	for _, v := range glbVertices(t, newStand) {
		if math.Abs(float64(v.col[0])-magenta[0]) > 1e-3 || math.Abs(float64(v.col[1])-magenta[1]) > 1e-3 || math.Abs(float64(v.col[2])-magenta[2]) > 1e-3 {
			continue
		}
		n++
		for k := 0; k < 3; k++ {
			lo[k], hi[k] = math.Min(lo[k], float64(v.pos[k])), math.Max(hi[k], float64(v.pos[k]))
		}
	}
	require.Positive(t, n, "the merchant's box is in the stand")
	for k := 0; k < 3; k++ {
		assert.InDelta(t, slot.Box.Min[k], lo[k], 0.002, "min[%d]", k)
		assert.InDelta(t, slot.Box.Max[k], hi[k], 0.002, "max[%d]", k)
	}

	t.Run("the model itself is served under its hash", func(t *testing.T) {
		resp, b := e.do(t, "GET", m.Path(), nil)
		require.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, "model/gltf-binary", resp.Header.Get("Content-Type"))
		assert.Equal(t, "public, max-age=31536000, immutable", resp.Header.Get("Cache-Control"))
		assert.Equal(t, `"`+m.SHA256+`"`, resp.Header.Get("ETag"))
		_, data, err := sqlite.NewModelStore(e.db).ModelData(ctx, "desk-lamp")
		require.NoError(t, err)
		assert.Equal(t, data, b)
		resp, b = e.do(t, "GET", m.Path(), nil, "If-None-Match", `"`+m.SHA256+`"`)
		assert.Equal(t, 304, resp.StatusCode)
		assert.Empty(t, b)
	})
	for _, path := range []string{
		"/media/models/desk-lamp-000000000000.glb", // an older upload
		"/media/models/sofa-" + m.SHA256[:12] + ".glb",
		"/media/models/desk-lamp.glb",
		"/media/models/" + url.PathEscape("../vitrine.db"),
	} {
		t.Run("not found "+path, func(t *testing.T) {
			resp, _ := e.do(t, "GET", path, nil)
			assert.Equal(t, 404, resp.StatusCode)
		})
	}

	t.Run("removing it goes back", func(t *testing.T) {
		require.NoError(t, sqlite.NewModelStore(e.db).RemoveModel(ctx, "desk-lamp", "/web/models/desk-lamp.glb"))
		again := e.showroom(t)
		assert.Equal(t, before.StandModels, again.StandModels, "the same hall, the same URLs")
		resp, _ := e.do(t, "GET", m.Path(), nil)
		assert.Equal(t, 404, resp.StatusCode)
	})
}

func TestShowroomPlacesProductsWithoutAUsableModel(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	store := sqlite.NewCatalogStore(e.db)
	for slug, model := range map[string]string{
		"u-lock":              "",
		"bike-light-set":      "/media/models/bike-light-set-0123456789ab.glb",
		"cycling-helmet":      "/web/models/no-such-file.glb",
		"mechanical-keyboard": "https://elsewhere.example/k.glb",
	} {
		p, err := store.Product(ctx, slug)
		require.NoError(t, err)
		p.Model = model
		require.NoError(t, store.PutProduct(ctx, *p))
	}
	r := e.showroom(t)
	e.showroom(t)
	for _, st := range r.Layout.Stands {
		for _, s := range st.Slots {
			switch s.Product {
			case "u-lock", "bike-light-set", "cycling-helmet", "mechanical-keyboard":
				assert.Equal(t, 1.0, s.Scale, s.Product)
				assert.InDelta(t, 0.5, s.Box.Size()[1], 1e-9, "%s: planned from the default box", s.Product)
			}
		}
	}
	for _, u := range r.StandModels {
		resp, b := e.do(t, "GET", u, nil)
		assert.Equal(t, 200, resp.StatusCode, string(b))
	}
	logs := e.logs.String()
	for _, slug := range []string{"u-lock", "bike-light-set", "cycling-helmet", "mechanical-keyboard"} {
		n := len(regexp.MustCompile(`"msg":"showroom: product shown with a placeholder box","product":"`+slug+`"`).FindAllString(logs, -1))
		assert.Equal(t, 1, n, "%s is logged once", slug)
	}
}

package gen

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

const regenerate = "run `go run ./assets/gen/cmd/genmodels -out assets/web`"

// span is an accepted range of one dimension, in metres.
type span struct{ min, max float64 }

// expectedSizes are real-world sizes of the products (width x, height y,
// depth z), loose enough to allow styling but tight enough to catch a model
// built in the wrong units or lying on its side.
var expectedSizes = map[string][3]span{
	"modular-sofa":        {{1.8, 2.6}, {0.7, 0.95}, {0.8, 1.1}},
	"oak-coffee-table":    {{0.8, 1.0}, {0.38, 0.48}, {0.8, 1.0}},
	"linen-armchair":      {{0.65, 0.9}, {0.7, 0.95}, {0.7, 0.95}},
	"arc-floor-lamp":      {{1.3, 2.2}, {1.7, 2.4}, {0.3, 0.5}},
	"standing-desk":       {{1.3, 1.5}, {0.7, 0.8}, {0.65, 0.8}},
	"ergonomic-chair":     {{0.55, 0.75}, {1.0, 1.35}, {0.55, 0.75}},
	"desk-lamp":           {{0.3, 0.7}, {0.35, 0.7}, {0.1, 0.25}},
	"oak-bookshelf":       {{0.8, 1.0}, {1.8, 2.0}, {0.28, 0.4}},
	"platform-bed":        {{1.65, 1.85}, {0.9, 1.15}, {2.05, 2.3}},
	"oak-wardrobe":        {{0.9, 1.1}, {1.9, 2.1}, {0.5, 0.7}},
	"bedside-table":       {{0.4, 0.55}, {0.45, 0.65}, {0.33, 0.5}},
	"chest-of-drawers":    {{1.1, 1.3}, {0.75, 0.9}, {0.4, 0.55}},
	"city-bike":           {{1.6, 1.9}, {0.95, 1.15}, {0.5, 0.7}},
	"cycling-helmet":      {{0.19, 0.25}, {0.13, 0.22}, {0.25, 0.32}},
	"bike-light-set":      {{0.1, 0.2}, {0.03, 0.07}, {0.05, 0.12}},
	"u-lock":              {{0.10, 0.12}, {0.23, 0.26}, {0.03, 0.07}},
	"laptop-14":           {{0.3, 0.33}, {0.2, 0.24}, {0.25, 0.32}},
	"monitor-27":          {{0.6, 0.63}, {0.55, 0.7}, {0.18, 0.3}},
	"mechanical-keyboard": {{0.34, 0.38}, {0.03, 0.06}, {0.12, 0.16}},
	"wireless-mouse":      {{0.06, 0.08}, {0.035, 0.05}, {0.11, 0.13}},
	"garden-bench":        {{1.1, 1.3}, {0.8, 0.95}, {0.55, 0.7}},
	"patio-parasol":       {{2.9, 3.1}, {2.4, 2.8}, {2.9, 3.1}},
	"camping-tent":        {{2.0, 2.2}, {1.1, 1.3}, {1.7, 1.9}},
	"sun-lounger":         {{1.6, 2.0}, {0.8, 1.0}, {0.6, 0.8}},
}

func TestProductsCoverTheDemoCatalog(t *testing.T) {
	slugs := Products()
	require.Len(t, slugs, 24)
	for _, s := range slugs {
		assert.Contains(t, expectedSizes, s, "no expected size for %s", s)
	}
	got := append([]string(nil), slugs...)
	sort.Strings(got)
	for i := 1; i < len(got); i++ {
		assert.NotEqual(t, got[i-1], got[i], "duplicate slug")
	}
}

func TestModelIsAValidSelfContainedGLB(t *testing.T) {
	total := 0
	for _, slug := range Products() {
		t.Run(slug, func(t *testing.T) {
			glb, err := Model(slug)
			require.NoError(t, err)
			total += len(glb)
			assert.LessOrEqual(t, len(glb), 150<<10, "model is too heavy for the hall")

			doc := new(gltf.Document)
			require.NoError(t, gltf.NewDecoder(bytes.NewReader(glb)).Decode(doc))
			for _, b := range doc.Buffers {
				assert.Empty(t, b.URI, "buffer must live in the GLB")
			}
			for _, im := range doc.Images {
				assert.Empty(t, im.URI, "image must live in the GLB")
				assert.NotNil(t, im.BufferView)
			}
			assert.Empty(t, doc.ExtensionsUsed, "g3n's loader rejects material extensions")

			prims := 0
			for _, m := range doc.Meshes {
				assert.NotEmpty(t, m.Name)
				for _, p := range m.Primitives {
					prims++
					require.Contains(t, p.Attributes, gltf.NORMAL)
					require.NotNil(t, p.Material)
					mat := doc.Materials[*p.Material]
					if mat.PBRMetallicRoughness.BaseColorTexture != nil || mat.EmissiveTexture != nil {
						assert.Contains(t, p.Attributes, gltf.TEXCOORD_0, "textured mesh %s needs UVs", m.Name)
					}
					nrm, err := modeler.ReadNormal(doc, doc.Accessors[p.Attributes[gltf.NORMAL]], nil)
					require.NoError(t, err)
					for _, n := range nrm {
						l := math.Sqrt(float64(n[0]*n[0] + n[1]*n[1] + n[2]*n[2]))
						if !assert.InDelta(t, 1, l, 1e-3, "normal of %s", m.Name) {
							break
						}
					}
				}
			}
			assert.GreaterOrEqual(t, prims, 1)
			assert.LessOrEqual(t, prims, 6, "each primitive is a draw call in the hall")

			b, err := Inspect(glb, 0)
			require.NoError(t, err)
			assert.InDelta(t, 0, b.Min[1], 1e-3, "stands on the floor")
			assert.InDelta(t, 0, b.Min[0]+b.Max[0], 1e-3, "centred in x")
			assert.InDelta(t, 0, b.Min[2]+b.Max[2], 1e-3, "centred in z")
			size := b.Size()
			for k, axis := range []string{"width", "height", "depth"} {
				want := expectedSizes[slug][k]
				assert.True(t, size[k] >= want.min && size[k] <= want.max, "%s %.3f m not in [%.2f, %.2f]", axis, size[k], want.min, want.max)
			}
			t.Logf("%-20s %7d bytes  %d primitives  %.2f × %.2f × %.2f m", slug, len(glb), prims, size[0], size[1], size[2])
		})
	}
	assert.Less(t, total, 4<<20, "all models together")
	t.Logf("total %d bytes", total)
}

// TestTrianglesFaceOutwards checks the winding: a triangle whose geometric
// normal disagrees with its vertex normals is inside out and would vanish
// under back-face culling in the browser.
func TestTrianglesFaceOutwards(t *testing.T) {
	for _, b := range builders {
		t.Run(b.slug, func(t *testing.T) {
			md := b.build().finish()
			for _, p := range md.parts {
				m := &p.mesh
				bad, all := 0, 0
				for i := 0; i+2 < len(m.idx); i += 3 {
					a, bb, c := m.idx[i], m.idx[i+1], m.idx[i+2]
					g := m.pos[bb].sub(m.pos[a]).cross(m.pos[c].sub(m.pos[a]))
					if g.length() < 1e-9 {
						continue
					}
					all++
					if g.norm().dot(m.nrm[a].add(m.nrm[bb]).add(m.nrm[c]).norm()) < 0 {
						bad++
					}
				}
				assert.Zero(t, bad, "part %s has %d of %d triangles inside out", p.name, bad, all)
			}
		})
	}
}

// sparseThumbnails lowers the coverage floor for products that are mostly
// air: a lamp is a thin arm and a shade however it is framed, and a U-lock
// 108 mm wide and 245 mm tall is a tall, narrow loop of 16 mm bar.
var sparseThumbnails = map[string]float64{
	"arc-floor-lamp": 0.05,
	"desk-lamp":      0.10,
	"u-lock":         0.10,
}

func TestThumbnailShowsTheProduct(t *testing.T) {
	for _, b := range builders {
		t.Run(b.slug, func(t *testing.T) {
			im, coverage := render(b.build().finish())
			least := 0.15
			if l, ok := sparseThumbnails[b.slug]; ok {
				least = l
			}
			assert.GreaterOrEqual(t, coverage, least, "product too small in its thumbnail")
			assert.LessOrEqual(t, coverage, 0.80, "product overflows its thumbnail")

			data, err := encodePNG(im)
			require.NoError(t, err)
			dec, err := png.Decode(bytes.NewReader(data))
			require.NoError(t, err)
			assert.Equal(t, 256, dec.Bounds().Dx())
			assert.Equal(t, 256, dec.Bounds().Dy())
			colours := map[uint32]bool{}
			for y := 0; y < 256; y++ {
				for x := 0; x < 256; x++ {
					r, g, bl, _ := dec.At(x, y).RGBA()
					colours[r>>8<<16|g>>8<<8|bl>>8] = true
				}
			}
			assert.Greater(t, len(colours), 200, "a shaded picture has many colours")
		})
	}
}

func TestGenerationIsDeterministic(t *testing.T) {
	for _, slug := range Products() {
		a, err := Model(slug)
		require.NoError(t, err)
		b, err := Model(slug)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(a, b), "model %s differs between runs", slug)
	}
	for _, slug := range []string{"modular-sofa", "city-bike", "laptop-14"} {
		a, err := Thumbnail(slug)
		require.NoError(t, err)
		b, err := Thumbnail(slug)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(a, b), "thumbnail %s differs between runs", slug)
	}
}

// TestCommittedFilesAreFresh fails when someone changed the generator and
// did not regenerate, or left files of products that no longer exist.
func TestCommittedFilesAreFresh(t *testing.T) {
	dir := filepath.Join("..", "web")
	for _, slug := range Products() {
		t.Run(slug, func(t *testing.T) {
			glb, err := Model(slug)
			require.NoError(t, err)
			committed, err := os.ReadFile(filepath.Join(dir, "models", slug+".glb"))
			require.NoError(t, err, "missing model: %s", regenerate)
			assert.True(t, bytes.Equal(glb, committed), "models/%s.glb is stale: %s", slug, regenerate)

			thumb, err := Thumbnail(slug)
			require.NoError(t, err)
			committed, err = os.ReadFile(filepath.Join(dir, "thumbs", slug+".png"))
			require.NoError(t, err, "missing thumbnail: %s", regenerate)
			assert.True(t, bytes.Equal(thumb, committed), "thumbs/%s.png is stale: %s", slug, regenerate)
		})
	}
	known := map[string]bool{}
	for _, slug := range Products() {
		known["models/"+slug+".glb"] = true
		known["thumbs/"+slug+".png"] = true
	}
	for _, sub := range []string{"models", "thumbs"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		require.NoError(t, err)
		for _, e := range entries {
			assert.True(t, known[sub+"/"+e.Name()], "%s/%s belongs to no product: delete it and %s", sub, e.Name(), regenerate)
		}
	}
}

func TestModelOfUnknownProductIsNotFound(t *testing.T) {
	_, err := Model("flying-carpet")
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
	_, err = Thumbnail("flying-carpet")
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
}

func TestWriteAllWritesEveryModelAndThumbnail(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every thumbnail")
	}
	dir := t.TempDir()
	require.NoError(t, WriteAll(dir))
	for _, slug := range Products() {
		assert.FileExists(t, filepath.Join(dir, "models", slug+".glb"))
		assert.FileExists(t, filepath.Join(dir, "thumbs", slug+".png"))
	}
}

package gen

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"math"
	"strings"
	"testing"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/assets"
	"vitrine/server/demo"
	"vitrine/showroom/catalog"
	"vitrine/showroom/hall"
)

// demoHall is the demo catalog's hall with the committed models, as the
// server plans it.
func demoHall(t testing.TB) []HallStand {
	t.Helper()
	var stands []HallStand
	at := map[string]int{}
	for _, c := range demo.Categories() {
		at[c.Slug] = len(stands)
		stands = append(stands, HallStand{Slug: c.Slug})
	}
	for _, p := range demo.Products() {
		b, err := fs.ReadFile(assets.Web(), strings.TrimPrefix(p.Model, "/web/"))
		require.NoError(t, err)
		st := &stands[at[p.Category]]
		st.Products = append(st.Products, HallProduct{Slug: p.Slug, Model: b})
	}
	return stands
}

// bakedNode is one mesh of a baked GLB, read back.
type bakedNode struct {
	name                string
	metallic, roughness float64
	pos, nrm, col       [][3]float32
	idx                 []uint32
}

func readBaked(t testing.TB, glb []byte) []bakedNode {
	t.Helper()
	doc := new(gltf.Document)
	require.NoError(t, gltf.NewDecoder(bytes.NewReader(glb)).Decode(doc))
	var out []bakedNode
	for _, ni := range doc.Scenes[0].Nodes {
		n := doc.Nodes[ni]
		require.NotNil(t, n.Mesh)
		m := doc.Meshes[*n.Mesh]
		require.Len(t, m.Primitives, 1, "one primitive per mesh")
		p := m.Primitives[0]
		require.Equal(t, n.Name, m.Name)
		mat := doc.Materials[*p.Material]
		assert.Equal(t, [4]float64{1, 1, 1, 1}, mat.PBRMetallicRoughness.BaseColorFactorOrDefault(), "colour lives in the vertices")
		b := bakedNode{name: n.Name, metallic: mat.PBRMetallicRoughness.MetallicFactorOrDefault(), roughness: mat.PBRMetallicRoughness.RoughnessFactorOrDefault()}
		var err error
		b.pos, err = modeler.ReadPosition(doc, doc.Accessors[p.Attributes[gltf.POSITION]], nil)
		require.NoError(t, err)
		b.nrm, err = modeler.ReadNormal(doc, doc.Accessors[p.Attributes[gltf.NORMAL]], nil)
		require.NoError(t, err)
		ca := doc.Accessors[p.Attributes[gltf.COLOR_0]]
		require.Equal(t, gltf.ComponentFloat, ca.ComponentType)
		require.Equal(t, gltf.AccessorVec3, ca.Type)
		c, err := modeler.ReadAccessor(doc, ca, nil)
		require.NoError(t, err)
		b.col = c.([][3]float32)
		ia := doc.Accessors[*p.Indices]
		require.Equal(t, gltf.ComponentUint, ia.ComponentType, "32-bit indices")
		b.idx, err = modeler.ReadIndices(doc, ia, nil)
		require.NoError(t, err)
		out = append(out, b)
	}
	return out
}

func boundsOf(nodes []bakedNode) hall.Box {
	b := hall.Box{Min: hall.Vec3{math.Inf(1), math.Inf(1), math.Inf(1)}, Max: hall.Vec3{math.Inf(-1), math.Inf(-1), math.Inf(-1)}}
	for _, n := range nodes {
		for _, p := range n.pos {
			for k := 0; k < 3; k++ {
				b.Min[k] = math.Min(b.Min[k], float64(p[k]))
				b.Max[k] = math.Max(b.Max[k], float64(p[k]))
			}
		}
	}
	return b
}

func union(a, b hall.Box) hall.Box {
	for k := 0; k < 3; k++ {
		a.Min[k] = math.Min(a.Min[k], b.Min[k])
		a.Max[k] = math.Max(a.Max[k], b.Max[k])
	}
	return a
}

func TestBakeHallIsDeterministic(t *testing.T) {
	a, err := BakeHall(demoHall(t))
	require.NoError(t, err)
	b, err := BakeHall(demoHall(t))
	require.NoError(t, err)
	assert.Empty(t, a.Problems, "every demo model bakes")
	assert.Equal(t, a.Shell, b.Shell)
	require.Len(t, a.Stands, 6)
	for i := range a.Stands {
		assert.Equal(t, a.Stands[i], b.Stands[i], a.Layout.Stands[i].Slug)
	}
}

func TestBakedStandsFillTheirSlotsBoxes(t *testing.T) {
	h, err := BakeHall(demoHall(t))
	require.NoError(t, err)
	for i, st := range h.Layout.Stands {
		t.Run(st.Slug, func(t *testing.T) {
			nodes := readBaked(t, h.Stands[i])
			want := st.Slots[0].Box
			for _, s := range st.Slots[1:] {
				want = union(want, s.Box)
			}
			got := boundsOf(nodes)
			for k := 0; k < 3; k++ {
				assert.InDelta(t, want.Min[k], got.Min[k], 0.003, "min[%d]", k)
				assert.InDelta(t, want.Max[k], got.Max[k], 0.003, "max[%d]", k)
			}
		})
	}
}

func TestBakedGeometryIsWellFormed(t *testing.T) {
	h, err := BakeHall(demoHall(t))
	require.NoError(t, err)
	files := map[string][]byte{"shell": h.Shell}
	for i, st := range h.Layout.Stands {
		files[st.Slug] = h.Stands[i]
	}
	for name, glb := range files {
		t.Run(name, func(t *testing.T) {
			for _, n := range readBaked(t, glb) {
				require.Equal(t, len(n.pos), len(n.nrm))
				require.Equal(t, len(n.pos), len(n.col))
				assert.Zero(t, len(n.idx)%3)
				for i, c := range n.col {
					for k := 0; k < 3; k++ {
						if c[k] < 0 || c[k] > 1 || math.IsNaN(float64(c[k])) {
							t.Fatalf("%s vertex %d colour %v is outside [0, 1]", n.name, i, c)
						}
					}
				}
				for i, v := range n.nrm {
					l := math.Sqrt(float64(v[0]*v[0] + v[1]*v[1] + v[2]*v[2]))
					if math.Abs(l-1) > 1e-4 {
						t.Fatalf("%s normal %d has length %v", n.name, i, l)
					}
				}
				for _, i := range n.idx {
					require.Less(t, int(i), len(n.pos))
				}
			}
		})
	}
}

// facing returns a triangle's geometric normal (from its winding, counter-
// clockwise seen from the front) and area.
func facing(n bakedNode, tri int) (hall.Vec3, float64) {
	p := func(k int) hall.Vec3 {
		v := n.pos[n.idx[tri*3+k]]
		return hall.Vec3{float64(v[0]), float64(v[1]), float64(v[2])}
	}
	a, b, c := p(0), p(1), p(2)
	u, v := b.Sub(a), c.Sub(a)
	cr := hall.Vec3{u[1]*v[2] - u[2]*v[1], u[2]*v[0] - u[0]*v[2], u[0]*v[1] - u[1]*v[0]}
	l := cr.Len()
	return cr.Scale(1 / l), l / 2
}

func TestShell(t *testing.T) {
	h, err := BakeHall(demoHall(t))
	require.NoError(t, err)
	l := h.Layout
	nodes := readBaked(t, h.Shell)
	require.Len(t, nodes, 1, "the shell is one mesh")
	shell := nodes[0]
	assert.Equal(t, 0.0, shell.metallic)
	assert.InDelta(t, 0.9, shell.roughness, 0.05)

	t.Run("windings agree with the normals", func(t *testing.T) {
		for tri := 0; tri < len(shell.idx)/3; tri++ {
			g, _ := facing(shell, tri)
			for k := 0; k < 3; k++ {
				nv := shell.nrm[shell.idx[tri*3+k]]
				require.Greater(t, g.Dot(hall.Vec3{float64(nv[0]), float64(nv[1]), float64(nv[2])}), 0.99, "triangle %d", tri)
			}
		}
	})
	t.Run("floor covers the hall", func(t *testing.T) {
		area := 0.0
		lo, hi := hall.Vec3{math.Inf(1), 0, math.Inf(1)}, hall.Vec3{math.Inf(-1), 0, math.Inf(-1)}
		for tri := 0; tri < len(shell.idx)/3; tri++ {
			g, a := facing(shell, tri)
			v := shell.pos[shell.idx[tri*3]]
			if g[1] < 0.99 || v[1] != 0 {
				continue
			}
			area += a
			for k := 0; k < 3; k++ {
				p := shell.pos[shell.idx[tri*3+k]]
				lo[0], hi[0] = math.Min(lo[0], float64(p[0])), math.Max(hi[0], float64(p[0]))
				lo[2], hi[2] = math.Min(lo[2], float64(p[2])), math.Max(hi[2], float64(p[2]))
			}
		}
		assert.InDelta(t, l.Width*l.Length, area, 0.01, "floor area")
		assert.InDelta(t, -l.Width/2, lo[0], 0.001)
		assert.InDelta(t, l.Width/2, hi[0], 0.001)
		assert.InDelta(t, -l.Length, lo[2], 0.001)
		assert.InDelta(t, 0, hi[2], 0.001)
	})
	t.Run("walls face in and the ceiling faces down", func(t *testing.T) {
		found := map[string]bool{}
		for tri := 0; tri < len(shell.idx)/3; tri++ {
			g, _ := facing(shell, tri)
			v := shell.pos[shell.idx[tri*3]]
			x, y, z := float64(v[0]), float64(v[1]), float64(v[2])
			switch {
			case math.Abs(x+l.Width/2) < 1e-3 && g[0] > 0.99:
				found["left"] = true
			case math.Abs(x-l.Width/2) < 1e-3 && g[0] < -0.99:
				found["right"] = true
			case math.Abs(z+l.Length) < 1e-3 && g[2] > 0.99:
				found["end"] = true
			case math.Abs(z) < 1e-3 && g[2] < -0.99:
				found["entrance"] = true
			case math.Abs(y-l.Height) < 1e-3 && g[1] < -0.99:
				found["ceiling"] = true
			}
		}
		assert.Equal(t, map[string]bool{"left": true, "right": true, "end": true, "entrance": true, "ceiling": true}, found)
	})
}

func TestContactShadows(t *testing.T) {
	h, err := BakeHall(demoHall(t))
	require.NoError(t, err)
	shell := readBaked(t, h.Shell)[0]
	// The colour of a surface is the colour of its up-facing vertices at
	// its height that are not part of a shadow.
	colourAt := func(x, y, z float64) [3]float32 {
		for i, p := range shell.pos {
			if shell.nrm[i][1] > 0.99 && math.Abs(float64(p[1])-y) < 1e-4 && math.Abs(float64(p[0])-x) < 1e-4 && math.Abs(float64(p[2])-z) < 1e-4 {
				return shell.col[i]
			}
		}
		t.Fatalf("no surface vertex at %v %v %v", x, y, z)
		return [3]float32{}
	}
	for _, st := range h.Layout.Stands {
		platform := colourAt(st.Platform.MaxX, hall.PlatformHeight, st.Platform.MaxZ)
		if st.Side > 0 {
			platform = colourAt(st.Platform.MinX, hall.PlatformHeight, st.Platform.MaxZ)
		}
		for _, s := range st.Slots {
			surface, y := platform, hall.PlatformHeight
			if s.Pedestal != nil {
				surface, y = colourAt(s.Pedestal.Min[0], s.Pedestal.Max[1], s.Pedestal.Min[2]), s.Pedestal.Max[1]
			}
			c := s.Box.Center()
			rx, rz := s.Box.Size()[0]/2+shadowMargin, s.Box.Size()[2]/2+shadowMargin
			var centre, rim int
			for i, p := range shell.pos {
				if math.Abs(float64(p[1])-(y+shadowLift)) > 1e-4 {
					continue
				}
				dx, dz := (float64(p[0])-c[0])/rx, (float64(p[2])-c[2])/rz
				d := math.Hypot(dx, dz)
				switch {
				case d < 1e-3:
					centre++
					for k := 0; k < 3; k++ {
						assert.Less(t, shell.col[i][k], surface[k], "%s: the middle is darker", s.Product)
					}
				case math.Abs(d-1) < 1e-3:
					rim++
					assert.Equal(t, surface, shell.col[i], "%s: the rim is the surface colour", s.Product)
				}
			}
			assert.Equal(t, 1, centre, s.Product)
			assert.Equal(t, shadowSegs, rim, s.Product)
		}
	}
}

// solidPNG is a 2×2 image of one sRGB colour.
func solidPNG(t testing.TB, c color.NRGBA) []byte {
	im := image.NewNRGBA(image.Rect(0, 0, 2, 2))
	for y := 0; y < 2; y++ {
		for x := 0; x < 2; x++ {
			im.SetNRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, im))
	return b.Bytes()
}

// triangleModel is a model of one triangle per material, each facing +Z
// (its front) and spread along x, without normals unless withNormals.
func triangleModel(t testing.TB, mats []*gltf.Material, withNormals bool) []byte {
	doc := gltf.NewDocument()
	doc.Materials = mats
	var prims []*gltf.Primitive
	for i := range mats {
		x := float32(i)
		pos := [][3]float32{{x, 0, 0}, {x + 1, 0, 0}, {x, 1, 0}}
		attrs := gltf.PrimitiveAttributes{gltf.POSITION: modeler.WritePosition(doc, pos)}
		if withNormals {
			attrs[gltf.NORMAL] = modeler.WriteNormal(doc, [][3]float32{{0, 0, 1}, {0, 0, 1}, {0, 0, 1}})
		}
		prims = append(prims, &gltf.Primitive{Attributes: attrs, Material: gltf.Index(i)})
	}
	doc.Meshes = []*gltf.Mesh{{Primitives: prims}}
	doc.Nodes = []*gltf.Node{{Mesh: gltf.Index(0)}}
	doc.Scenes[0].Nodes = []int{0}
	return encodeDoc(t, doc)
}

func encodeDoc(t testing.TB, doc *gltf.Document) []byte {
	var b bytes.Buffer
	enc := gltf.NewEncoder(&b)
	enc.AsBinary = true
	require.NoError(t, enc.Encode(doc))
	return b.Bytes()
}

func pbr(base [4]float64, metallic, roughness float64) *gltf.Material {
	return &gltf.Material{PBRMetallicRoughness: &gltf.PBRMetallicRoughness{BaseColorFactor: &base, MetallicFactor: gltf.Float(metallic), RoughnessFactor: gltf.Float(roughness)}}
}

// plan places models on one stand, as the server does.
func plan(t testing.TB, models map[string][]byte, order ...string) hall.Stand {
	in := hall.StandInput{Slug: "stand"}
	for _, slug := range order {
		pi, err := PlanInput(slug, models[slug])
		if err != nil {
			pi.Bounds = DefaultProductBounds
		}
		in.Products = append(in.Products, pi)
	}
	return hall.Plan([]hall.StandInput{in}).Stands[0]
}

func TestBakeStandMergesSurfacesByKind(t *testing.T) {
	red := [4]float64{0.8, 0.1, 0.1, 1}
	for _, tc := range []struct {
		name  string
		mats  []*gltf.Material
		nodes []string
	}{
		{"one of each", []*gltf.Material{pbr(red, 0.95, 0.3), pbr(red, 0, 0.4), pbr(red, 0, 0.9)}, []string{"metal", "satin", "matte"}},
		{"metallic by default", []*gltf.Material{{Name: "no factors"}}, []string{"metal"}},
		{"half metallic is metal", []*gltf.Material{pbr(red, 0.5, 0.9)}, []string{"metal"}},
		{"roughness 0.6 is matte", []*gltf.Material{pbr(red, 0, 0.6), pbr(red, 0.1, 0.59)}, []string{"satin", "matte"}},
		{"only matte", []*gltf.Material{pbr(red, 0, 0.9), pbr(red, 0.2, 0.7)}, []string{"matte"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			models := map[string][]byte{"thing": triangleModel(t, tc.mats, false)}
			st := plan(t, models, "thing")
			glb, skipped, err := BakeStand(st.Slots, models)
			require.NoError(t, err)
			assert.Empty(t, skipped)
			var names []string
			for _, n := range readBaked(t, glb) {
				names = append(names, n.name)
				want := map[string][2]float64{"metal": {0.9, 0.35}, "satin": {0, 0.4}, "matte": {0, 0.85}}[n.name]
				assert.InDelta(t, want[0], n.metallic, 1e-9)
				assert.InDelta(t, want[1], n.roughness, 1e-9)
			}
			assert.Equal(t, tc.nodes, names)
		})
	}
}

func TestBakeStandColours(t *testing.T) {
	grey := color.NRGBA{R: 188, G: 188, B: 188, A: 255} // sRGB 188 is linear 0.5
	linGrey := srgbToLinear(188.0 / 255)
	for _, tc := range []struct {
		name string
		mat  func(doc *gltf.Document) *gltf.Material
		want [3]float64
	}{
		{"base colour factor", func(*gltf.Document) *gltf.Material { return pbr([4]float64{0.8, 0.4, 0.2, 1}, 0, 0.9) }, [3]float64{0.8, 0.4, 0.2}},
		{"factor times the texture's mean", func(doc *gltf.Document) *gltf.Material {
			img, err := modeler.WriteImage(doc, "grey", "image/png", bytes.NewReader(solidPNG(t, grey)))
			require.NoError(t, err)
			doc.Textures = append(doc.Textures, &gltf.Texture{Source: gltf.Index(img)})
			m := pbr([4]float64{0.8, 0.4, 1, 1}, 0, 0.9)
			m.PBRMetallicRoughness.BaseColorTexture = &gltf.TextureInfo{Index: len(doc.Textures) - 1}
			return m
		}, [3]float64{0.8 * linGrey, 0.4 * linGrey, linGrey}},
		{"glow is added and clamped", func(*gltf.Document) *gltf.Material {
			m := pbr([4]float64{0.9, 0.5, 0.1, 1}, 0, 0.9)
			m.EmissiveFactor = [3]float64{0.5, 0.3, 0.2}
			return m
		}, [3]float64{1, 0.8, 0.3}},
		{"no material is white", nil, [3]float64{1, 1, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := gltf.NewDocument()
			prim := &gltf.Primitive{Attributes: gltf.PrimitiveAttributes{gltf.POSITION: modeler.WritePosition(doc, [][3]float32{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}})}}
			if tc.mat != nil {
				doc.Materials = []*gltf.Material{tc.mat(doc)}
				prim.Material = gltf.Index(0)
			}
			doc.Meshes = []*gltf.Mesh{{Primitives: []*gltf.Primitive{prim}}}
			doc.Nodes = []*gltf.Node{{Mesh: gltf.Index(0)}}
			doc.Scenes[0].Nodes = []int{0}
			models := map[string][]byte{"thing": encodeDoc(t, doc)}
			glb, skipped, err := BakeStand(plan(t, models, "thing").Slots, models)
			require.NoError(t, err)
			require.Empty(t, skipped)
			nodes := readBaked(t, glb)
			require.Len(t, nodes, 1)
			for _, c := range nodes[0].col {
				for k := 0; k < 3; k++ {
					assert.InDelta(t, tc.want[k], c[k], 1e-3)
				}
			}
		})
	}
}

func TestBakeStandTurnsProductsToTheAisle(t *testing.T) {
	for _, tc := range []struct {
		name        string
		withNormals bool
		mirror      bool
	}{
		{"given normals", true, false},
		{"computed flat normals", false, false},
		{"mirrored node", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			glb := triangleModel(t, []*gltf.Material{pbr([4]float64{1, 1, 1, 1}, 0, 0.9)}, tc.withNormals)
			if tc.mirror {
				doc := new(gltf.Document)
				require.NoError(t, gltf.NewDecoder(bytes.NewReader(glb)).Decode(doc))
				doc.Nodes[0].Scale = [3]float64{-1, 1, 1}
				glb = encodeDoc(t, doc)
			}
			// Two stands: the first is on the left (facing +X), the second
			// on the right (facing -X).
			models := map[string][]byte{"a": glb, "b": glb}
			l := hall.Plan([]hall.StandInput{{Slug: "left", Products: []hall.ProductInput{mustInput(t, "a", glb)}}, {Slug: "right", Products: []hall.ProductInput{mustInput(t, "b", glb)}}})
			for _, st := range l.Stands {
				out, skipped, err := BakeStand(st.Slots, models)
				require.NoError(t, err)
				require.Empty(t, skipped)
				n := readBaked(t, out)[0]
				towards := hall.Vec3{-float64(st.Side), 0, 0}
				for tri := 0; tri < len(n.idx)/3; tri++ {
					g, _ := facing(n, tri)
					assert.Greater(t, g.Dot(towards), 0.99, "%s: the front faces the aisle", st.Slug)
				}
				for _, v := range n.nrm {
					assert.Greater(t, hall.Vec3{float64(v[0]), float64(v[1]), float64(v[2])}.Dot(towards), 0.99, st.Slug)
				}
			}
		})
	}
}

func mustInput(t testing.TB, slug string, glb []byte) hall.ProductInput {
	pi, err := PlanInput(slug, glb)
	require.NoError(t, err)
	return pi
}

func TestBakeStandSkipsWhatItCannotRead(t *testing.T) {
	good := triangleModel(t, []*gltf.Material{pbr([4]float64{1, 1, 1, 1}, 0, 0.9)}, true)
	models := map[string][]byte{
		"good":      good,
		"truncated": good[:len(good)/2],
		"not-glb":   []byte("hello"),
	}
	st := plan(t, models, "good", "truncated", "missing", "not-glb")
	glb, skipped, err := BakeStand(st.Slots, models)
	require.NoError(t, err)
	require.Len(t, skipped, 3)
	for i, slug := range []string{"truncated", "missing", "not-glb"} {
		assert.Contains(t, skipped[i].Error(), "product "+slug+":")
	}
	assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(skipped[0]))
	got := boundsOf(readBaked(t, glb))
	want := st.Slots[0].Box
	for k := 0; k < 3; k++ {
		assert.InDelta(t, want.Min[k], got.Min[k], 0.003)
		assert.InDelta(t, want.Max[k], got.Max[k], 0.003)
	}
}

func TestBakeStandWithoutProductsIsAnEmptyScene(t *testing.T) {
	glb, skipped, err := BakeStand(nil, nil)
	require.NoError(t, err)
	assert.Empty(t, skipped)
	assert.Empty(t, readBaked(t, glb))
}

func TestPlanInputFallsBackToTheDefaultBox(t *testing.T) {
	for _, tc := range []struct {
		name string
		glb  []byte
		code string
	}{
		{"no model", nil, catalog.ENOTFOUND},
		{"not a model", []byte("nope"), catalog.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pi, err := PlanInput("x", tc.glb)
			assert.Equal(t, tc.code, catalog.ErrorCode(err))
			assert.Equal(t, DefaultProductBounds, pi.Bounds)
		})
	}
}

func BenchmarkBakeDemoHall(b *testing.B) {
	stands := demoHall(b)
	b.ReportAllocs()
	for b.Loop() {
		h, err := BakeHall(stands)
		if err != nil {
			b.Fatal(err)
		}
		if len(h.Problems) > 0 {
			b.Fatal(fmt.Sprint(h.Problems))
		}
	}
}

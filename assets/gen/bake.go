package gen

import (
	"bytes"
	"fmt"
	"math"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"vitrine/showroom/hall"
)

// BakeVersion changes whenever the baker writes different bytes for the same
// input. Callers that cache baked GLBs under a hash of their input (the
// server does, and tells browsers to keep them forever) include it in that
// hash, so a new baker never hides behind an old URL.
const BakeVersion = 1

// The hall's palette, in sRGB as an artist picks it. Everything is warm and
// light so the products, not the room, carry the colour.
var (
	floorStone   = srgb(0xD6CBBB) // warm light stone
	wallPaint    = srgb(0xEFEBE4) // warm off-white
	skirting     = srgb(0x8A8176) // darker band at the foot of the walls
	ceilingPaint = srgb(0xF3F1EC)
	lightPanel   = srgb(0xFBFBF7) // near white, reads as lit
	platformOak  = srgb(0xC9A77C) // light oak
	pedestalTop  = srgb(0xF1F1EE)
	pedestalSide = srgb(0xE0E0DC)
	// standAccents colour the stands' back walls in turn: calm, light
	// enough to be a backdrop, different enough to tell stands apart.
	standAccents = [][3]float64{
		srgb(0x9DB3A4), // sage
		srgb(0xC99A80), // terracotta
		srgb(0x92A9C0), // dusty blue
		srgb(0xD4B978), // ochre
		srgb(0xAE9AB0), // heather
		srgb(0x86B0AC), // teal
		srgb(0xB8AE9C), // sand
	}
)

// Shape of the baked details, in metres.
const (
	skirtingHeight = 0.10
	tileSize       = 1.0
	// shadowLift keeps a contact shadow above the surface it lies on, far
	// enough not to flicker against it in a 24-bit depth buffer and close
	// enough that nobody sees it float.
	shadowLift = 0.002
	// shadowMargin is added to a product's footprint (on each side) so the
	// shadow shows around it.
	shadowMargin = 0.075
	// shadowDarkest is how much of the surface colour is left at a shadow's
	// middle.
	shadowDarkest = 0.55
	shadowSegs    = 32
)

// shadowRings are the rings of a contact shadow, as fractions of its radii;
// the darkness falls off smoothly from the middle to nothing at the rim.
var shadowRings = []float64{0.35, 0.7, 1}

// bakedMesh is one mesh of a baked GLB: flat arrays ready for the buffer,
// with colours in the vertices.
type bakedMesh struct {
	name      string
	metallic  float64
	roughness float64
	pos       [][3]float32
	nrm       [][3]float32
	col       [][3]float32
	idx       []uint32
}

// Baked output is quantised like the generated models (see posStep) so that
// floating-point differences between machines cannot change the bytes: app
// servers behind one address then serve the same file for the same URL.
const bakeNrmStep = 1.0 / (1 << 20)

func (m *bakedMesh) vert(p, n, c [3]float64) uint32 {
	var sp, sn, sc [3]float32
	for k := 0; k < 3; k++ {
		sp[k] = float32(snap(p[k], posStep))
		sn[k] = float32(snap(n[k], bakeNrmStep))
		sc[k] = float32(snap(clamp01(c[k]), nrmStep))
	}
	m.pos = append(m.pos, sp)
	m.nrm = append(m.nrm, sn)
	m.col = append(m.col, sc)
	return uint32(len(m.pos) - 1)
}

func sub3(a, b [3]float64) [3]float64 { return [3]float64{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }

func cross3(a, b [3]float64) [3]float64 {
	return [3]float64{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}

func dot3(a, b [3]float64) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

func unit3(a [3]float64) ([3]float64, bool) {
	l := math.Sqrt(dot3(a, a))
	if l < 1e-12 || math.IsNaN(l) || math.IsInf(l, 0) {
		return a, false
	}
	return [3]float64{a[0] / l, a[1] / l, a[2] / l}, true
}

func mulColor(c [3]float64, f float64) [3]float64 { return [3]float64{c[0] * f, c[1] * f, c[2] * f} }

// quad adds the rectangle a b c d (corners in order around it) facing n,
// with one colour per corner. It winds the triangles counter-clockwise as
// seen from the side n points to, whatever order the corners come in, so
// callers only say which way a face looks.
func (m *bakedMesh) quad(a, b, c, d, n [3]float64, ca, cb, cc, cd [3]float64) {
	if dot3(cross3(sub3(b, a), sub3(c, a)), n) < 0 {
		b, d = d, b
		cb, cd = cd, cb
	}
	i := m.vert(a, n, ca)
	m.vert(b, n, cb)
	m.vert(c, n, cc)
	m.vert(d, n, cd)
	m.idx = append(m.idx, i, i+1, i+2, i, i+2, i+3)
}

// flatQuad is quad with one colour.
func (m *bakedMesh) flatQuad(a, b, c, d, n, col [3]float64) {
	m.quad(a, b, c, d, n, col, col, col, col)
}

// box adds the faces of b that can be seen: never the bottom, which stands
// on something, and not the faces for which hidden reports true (a face
// against the hall's wall).
func (m *bakedMesh) box(b hall.Box, top, side [3]float64, hidden func(n [3]float64) bool) {
	x0, y0, z0 := b.Min[0], b.Min[1], b.Min[2]
	x1, y1, z1 := b.Max[0], b.Max[1], b.Max[2]
	faces := []struct {
		n          [3]float64
		a, b, c, d [3]float64
		col        [3]float64
	}{
		{[3]float64{0, 1, 0}, [3]float64{x0, y1, z0}, [3]float64{x1, y1, z0}, [3]float64{x1, y1, z1}, [3]float64{x0, y1, z1}, top},
		{[3]float64{-1, 0, 0}, [3]float64{x0, y0, z0}, [3]float64{x0, y0, z1}, [3]float64{x0, y1, z1}, [3]float64{x0, y1, z0}, side},
		{[3]float64{1, 0, 0}, [3]float64{x1, y0, z0}, [3]float64{x1, y0, z1}, [3]float64{x1, y1, z1}, [3]float64{x1, y1, z0}, side},
		{[3]float64{0, 0, -1}, [3]float64{x0, y0, z0}, [3]float64{x1, y0, z0}, [3]float64{x1, y1, z0}, [3]float64{x0, y1, z0}, side},
		{[3]float64{0, 0, 1}, [3]float64{x0, y0, z1}, [3]float64{x1, y0, z1}, [3]float64{x1, y1, z1}, [3]float64{x0, y1, z1}, side},
	}
	for _, f := range faces {
		if hidden != nil && hidden(f.n) {
			continue
		}
		m.flatQuad(f.a, f.b, f.c, f.d, f.n, f.col)
	}
}

// ellipseShadow adds a soft contact shadow: an ellipse of radii rx and rz
// around (cx, y, cz), facing up, from the surface colour darkened at the
// middle to exactly the surface colour at the rim, so its edge vanishes
// into the surface without any transparency.
func (m *bakedMesh) ellipseShadow(cx, y, cz, rx, rz float64, surface [3]float64) {
	up := [3]float64{0, 1, 0}
	shade := func(t float64) [3]float64 {
		if t >= 1 {
			return surface
		}
		f := 1 - t*t
		return mulColor(surface, 1-(1-shadowDarkest)*f*f)
	}
	centre := m.vert([3]float64{cx, y, cz}, up, shade(0))
	ring := func(r int) uint32 { return centre + 1 + uint32(r*shadowSegs) }
	for _, t := range shadowRings {
		c := shade(t)
		for s := 0; s < shadowSegs; s++ {
			a := 2 * math.Pi * float64(s) / shadowSegs
			m.vert([3]float64{cx + rx*t*math.Cos(a), y, cz - rz*t*math.Sin(a)}, up, c)
		}
	}
	// Angles run counter-clockwise seen from above (x right, -z ahead), so
	// centre, s, s+1 winds counter-clockwise around +Y.
	for s := 0; s < shadowSegs; s++ {
		n := uint32((s + 1) % shadowSegs)
		m.idx = append(m.idx, centre, ring(0)+uint32(s), ring(0)+n)
	}
	for r := 0; r+1 < len(shadowRings); r++ {
		for s := 0; s < shadowSegs; s++ {
			n := uint32((s + 1) % shadowSegs)
			a, b := ring(r)+uint32(s), ring(r)+n
			c, d := ring(r+1)+n, ring(r+1)+uint32(s)
			m.idx = append(m.idx, a, d, c, a, c, b)
		}
	}
}

// BakeShell returns the GLB of everything in the hall that never moves, in
// hall coordinates: the floor in 1 m stone tiles, the four walls with a
// skirting band, the ceiling with its light panels, every stand's platform,
// back wall and pedestals, and a soft contact shadow under every product.
// It is one mesh with one material (white, matte) and the colours in the
// vertices, so the whole room is a single draw call. The same layout always
// gives the same bytes.
func BakeShell(l hall.Layout) ([]byte, error) {
	if !(l.Width > 0 && l.Length > 0 && l.Height > 0) {
		return nil, fmt.Errorf("bake shell: the layout has no size (%gx%gx%g)", l.Width, l.Length, l.Height)
	}
	m := &bakedMesh{name: "shell", roughness: 0.9}
	halfW := l.Width / 2
	x0, x1, z0, z1, h := -halfW, halfW, -l.Length, 0.0, l.Height
	up, down := [3]float64{0, 1, 0}, [3]float64{0, -1, 0}

	// Floor tiles line up with the aisle's middle (x = 0) and the entrance
	// (z = 0); each is a shade lighter or darker, like real stone, so the
	// floor reads as a surface and gives a sense of distance.
	for ix := int(math.Floor(x0 / tileSize)); float64(ix)*tileSize < x1; ix++ {
		for iz := int(math.Floor(z0 / tileSize)); float64(iz)*tileSize < z1; iz++ {
			tx0, tx1 := math.Max(x0, float64(ix)*tileSize), math.Min(x1, float64(ix+1)*tileSize)
			tz0, tz1 := math.Max(z0, float64(iz)*tileSize), math.Min(z1, float64(iz+1)*tileSize)
			if tx1-tx0 < 1e-9 || tz1-tz0 < 1e-9 {
				continue
			}
			v := 1 + 0.07*(hash2(ix, iz, 41)-0.5)
			warm := 0.015 * (hash2(ix, iz, 43) - 0.5)
			c := [3]float64{floorStone[0] * v * (1 + warm), floorStone[1] * v, floorStone[2] * v * (1 - warm)}
			m.flatQuad([3]float64{tx0, 0, tz0}, [3]float64{tx1, 0, tz0}, [3]float64{tx1, 0, tz1}, [3]float64{tx0, 0, tz1}, up, c)
		}
	}

	// Walls face into the hall. Above the skirting the paint darkens a
	// little towards the floor, as a room's walls do where less light
	// reaches.
	walls := []struct{ a, b, n [3]float64 }{
		{[3]float64{x0, 0, z1}, [3]float64{x0, 0, z0}, [3]float64{1, 0, 0}},  // left
		{[3]float64{x1, 0, z0}, [3]float64{x1, 0, z1}, [3]float64{-1, 0, 0}}, // right
		{[3]float64{x0, 0, z0}, [3]float64{x1, 0, z0}, [3]float64{0, 0, 1}},  // far end
		{[3]float64{x1, 0, z1}, [3]float64{x0, 0, z1}, [3]float64{0, 0, -1}}, // entrance
	}
	low := mulColor(wallPaint, 0.9)
	for _, w := range walls {
		at := func(p [3]float64, y float64) [3]float64 { return [3]float64{p[0], y, p[2]} }
		m.flatQuad(at(w.a, 0), at(w.b, 0), at(w.b, skirtingHeight), at(w.a, skirtingHeight), w.n, skirting)
		m.quad(at(w.a, skirtingHeight), at(w.b, skirtingHeight), at(w.b, h), at(w.a, h), w.n, low, low, wallPaint, wallPaint)
	}

	// The ceiling, and light panels just below it down the aisle.
	m.flatQuad([3]float64{x0, h, z0}, [3]float64{x1, h, z0}, [3]float64{x1, h, z1}, [3]float64{x0, h, z1}, down, ceilingPaint)
	panels := max(1, int(math.Floor((l.Length-2)/5)))
	for i := 0; i < panels; i++ {
		cz := -l.Length * (float64(i) + 0.5) / float64(panels)
		px, pz, y := 0.6, 1.2, h-0.01
		m.flatQuad([3]float64{-px, y, cz - pz}, [3]float64{px, y, cz - pz}, [3]float64{px, y, cz + pz}, [3]float64{-px, y, cz + pz}, down, lightPanel)
	}

	// Stands: faces against the hall's side walls cannot be seen.
	for i, st := range l.Stands {
		againstWall := func(n [3]float64) bool { return n[0] == float64(st.Side) }
		plat := hall.Box{Min: hall.Vec3{st.Platform.MinX, 0, st.Platform.MinZ}, Max: hall.Vec3{st.Platform.MaxX, hall.PlatformHeight, st.Platform.MaxZ}}
		m.box(plat, platformOak, mulColor(platformOak, 0.82), againstWall)
		accent := standAccents[i%len(standAccents)]
		m.box(st.BackWall, mulColor(accent, 0.92), accent, againstWall)
		for _, s := range st.Slots {
			surface, y := platformOak, hall.PlatformHeight
			if s.Pedestal != nil {
				m.box(*s.Pedestal, pedestalTop, pedestalSide, nil)
				surface, y = pedestalTop, s.Pedestal.Max[1]
			}
			c, size := s.Box.Center(), s.Box.Size()
			m.ellipseShadow(c[0], y+shadowLift, c[2], size[0]/2+shadowMargin, size[2]/2+shadowMargin, surface)
		}
	}
	return encodeBaked([]*bakedMesh{m})
}

// encodeBaked writes meshes as a GLB: one node, mesh and material per
// non-empty mesh, named alike, with POSITION, NORMAL and COLOR_0 (float,
// linear) and 32-bit indices. Materials are white: the colour is in the
// vertices, which the browser's shader multiplies with it.
func encodeBaked(meshes []*bakedMesh) ([]byte, error) {
	doc := gltf.NewDocument()
	doc.Asset.Generator = "Vitrine assets/gen bake"
	doc.Scenes[0].Name = "hall"
	for _, m := range meshes {
		if len(m.idx) == 0 {
			continue
		}
		doc.Materials = append(doc.Materials, &gltf.Material{
			Name: m.name,
			PBRMetallicRoughness: &gltf.PBRMetallicRoughness{
				BaseColorFactor: &[4]float64{1, 1, 1, 1},
				MetallicFactor:  gltf.Float(m.metallic),
				RoughnessFactor: gltf.Float(m.roughness),
			},
		})
		attrs := gltf.PrimitiveAttributes{
			gltf.POSITION: modeler.WritePosition(doc, m.pos),
			gltf.NORMAL:   modeler.WriteNormal(doc, m.nrm),
			gltf.COLOR_0:  modeler.WriteColor(doc, m.col),
		}
		indices := modeler.WriteIndices(doc, m.idx)
		doc.Meshes = append(doc.Meshes, &gltf.Mesh{Name: m.name, Primitives: []*gltf.Primitive{{
			Attributes: attrs,
			Indices:    gltf.Index(indices),
			Material:   gltf.Index(len(doc.Materials) - 1),
		}}})
		doc.Nodes = append(doc.Nodes, &gltf.Node{Name: m.name, Mesh: gltf.Index(len(doc.Meshes) - 1)})
		doc.Scenes[0].Nodes = append(doc.Scenes[0].Nodes, len(doc.Nodes)-1)
	}
	var b bytes.Buffer
	enc := gltf.NewEncoder(&b)
	enc.AsBinary = true
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("encode baked GLB: %w", err)
	}
	return b.Bytes(), nil
}

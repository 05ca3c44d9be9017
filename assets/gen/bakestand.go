package gen

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // merchants' textures are JPEG as often as PNG
	"math"
	"strings"
	"sync"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"

	"vitrine/showroom/hall"
)

// surfaceKind sorts a product's surfaces into the few looks the hall draws,
// one mesh (one draw call) each.
type surfaceKind int

const (
	kindMetal surfaceKind = iota
	kindSatin
	kindMatte
	kindCount
)

// kindMeshes are the merged meshes' names and materials, in output order.
var kindMeshes = [kindCount]struct {
	name                string
	metallic, roughness float64
}{
	kindMetal: {"metal", 0.9, 0.35},
	kindSatin: {"satin", 0, 0.4},
	kindMatte: {"matte", 0, 0.85},
}

// maxTexturePixels bounds the textures the baker decodes to average their
// colour: 4096×4096 holds any sensible product texture, while a damaged or
// hostile header declaring a gigapixel image must not make the server
// allocate gigabytes.
const maxTexturePixels = 4096 * 4096

// BakeStand returns the GLB of one stand's products, already placed in the
// hall by their slots: every triangle of every product's default scene,
// merged into at most three meshes by kind of surface ("metal", "satin"
// and "matte", empty ones left out), with each material's colour (its base
// colour times its texture's mean colour, plus its glow) in the vertices.
// A stand is then at most three draw calls however many parts its products
// have. models maps a product's slug to its GLB.
//
// A product whose model is missing or cannot be read is left out and
// reported in skipped (one error per product, naming it), so one broken
// upload never hides a whole stand. err is only for a failure to write the
// GLB. The same input always gives the same bytes.
func BakeStand(slots []hall.Slot, models map[string][]byte) (glb []byte, skipped []error, err error) {
	var out [kindCount]*bakedMesh
	for k := range out {
		out[k] = &bakedMesh{name: kindMeshes[k].name, metallic: kindMeshes[k].metallic, roughness: kindMeshes[k].roughness}
	}
	for _, s := range slots {
		data, ok := models[s.Product]
		if !ok || len(data) == 0 {
			skipped = append(skipped, fmt.Errorf("product %s: no model to bake", s.Product))
			continue
		}
		parts, err := readProduct(data, s)
		if err != nil {
			skipped = append(skipped, fmt.Errorf("product %s: %w", s.Product, err))
			continue
		}
		for k, p := range parts {
			out[k].append(p)
		}
	}
	glb, err = encodeBaked(out[:])
	return glb, skipped, err
}

// append adds o's vertices and triangles to m.
func (m *bakedMesh) append(o *bakedMesh) {
	base := uint32(len(m.pos))
	m.pos = append(m.pos, o.pos...)
	m.nrm = append(m.nrm, o.nrm...)
	m.col = append(m.col, o.col...)
	for _, i := range o.idx {
		m.idx = append(m.idx, base+i)
	}
}

// productReader turns one product's model into hall geometry.
type productReader struct {
	doc   *gltf.Document
	slot  hall.Slot
	parts [kindCount]*bakedMesh
	// means caches each image's mean colour; linear images (metallic and
	// roughness) are keyed apart from colour ones (sRGB).
	means map[imageKey]imageMean
}

type imageKey struct {
	image  int
	linear bool
}

type imageMean struct {
	rgb [3]float64
	ok  bool
}

// readProduct reads glb (checked as Inspect checks it) and returns its
// triangles by kind, placed by slot. A malformed file is an EINVALID error,
// never a panic.
func readProduct(glb []byte, slot hall.Slot) (parts [kindCount]*bakedMesh, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = invalid("models.err.damaged", "The model file is damaged and cannot be read.")
		}
	}()
	doc, err := decodeModel(glb, 0)
	if err != nil {
		return parts, err
	}
	r := &productReader{doc: doc, slot: slot, means: map[imageKey]imageMean{}}
	for k := range r.parts {
		r.parts[k] = &bakedMesh{}
	}
	if err := walkScene(doc, r.mesh); err != nil {
		return parts, err
	}
	n := 0
	for _, p := range r.parts {
		n += len(p.idx)
	}
	if n == 0 {
		return parts, invalid("models.err.empty", "The model has no triangles to show.")
	}
	return r.parts, nil
}

func (r *productReader) mesh(i int, m mat4) error {
	if i < 0 || i >= len(r.doc.Meshes) {
		return invalid("models.err.damaged", "The model refers to mesh %d, which does not exist.", i)
	}
	for _, p := range r.doc.Meshes[i].Primitives {
		if err := r.primitive(p, m); err != nil {
			return err
		}
	}
	return nil
}

// accessor returns the accessor i after checking that its data lies inside
// its buffer, before anything is allocated for it: a damaged count must not
// make the server allocate gigabytes.
func (r *productReader) accessor(i int) (*gltf.Accessor, error) {
	damaged := invalid("models.err.damaged", "The model's accessor %d is malformed or runs past its data.", i)
	if i < 0 || i >= len(r.doc.Accessors) {
		return nil, damaged
	}
	acc := r.doc.Accessors[i]
	size := gltf.SizeOfElement(acc.ComponentType, acc.Type)
	if acc.Count <= 0 || size <= 0 || acc.ByteOffset < 0 || acc.Sparse != nil || acc.BufferView == nil {
		// Sparse and data-less accessors are legal glTF but no exporter
		// writes them for plain geometry; refusing them keeps this reader
		// small and safe.
		return nil, damaged
	}
	bvi := *acc.BufferView
	if bvi < 0 || bvi >= len(r.doc.BufferViews) {
		return nil, damaged
	}
	bv := r.doc.BufferViews[bvi]
	stride := bv.ByteStride
	if stride == 0 {
		stride = size
	}
	if stride < size || bv.ByteOffset < 0 || bv.ByteLength < 0 ||
		int64(acc.ByteOffset)+int64(stride)*int64(acc.Count-1)+int64(size) > int64(bv.ByteLength) ||
		bv.Buffer < 0 || bv.Buffer >= len(r.doc.Buffers) ||
		int64(bv.ByteOffset)+int64(bv.ByteLength) > int64(len(r.doc.Buffers[bv.Buffer].Data)) {
		return nil, damaged
	}
	return acc, nil
}

func (r *productReader) primitive(p *gltf.Primitive, m mat4) error {
	switch p.Mode {
	case gltf.PrimitiveTriangles, gltf.PrimitiveTriangleStrip, gltf.PrimitiveTriangleFan:
	default:
		return nil // points and lines have no surface to show
	}
	pi, ok := p.Attributes[gltf.POSITION]
	if !ok {
		return nil
	}
	acc, err := r.accessor(pi)
	if err != nil {
		return err
	}
	pos, err := modeler.ReadPosition(r.doc, acc, nil)
	if err != nil {
		return invalid("models.err.damaged", "The model's vertex positions cannot be read (%v).", err)
	}
	var idx []uint32
	if p.Indices != nil {
		acc, err := r.accessor(*p.Indices)
		if err != nil {
			return err
		}
		if idx, err = modeler.ReadIndices(r.doc, acc, nil); err != nil {
			return invalid("models.err.damaged", "The model's triangles cannot be read (%v).", err)
		}
		for _, v := range idx {
			if int(v) >= len(pos) {
				return invalid("models.err.damaged", "A triangle of the model refers to vertex %d of %d.", v, len(pos))
			}
		}
	} else {
		idx = make([]uint32, len(pos))
		for i := range idx {
			idx[i] = uint32(i)
		}
	}
	tris := triangles(p.Mode, idx)

	// Optional attributes are used when they are readable and match the
	// positions, and ignored otherwise: a product without its normals or
	// vertex colours still shows.
	var nrm [][3]float32
	if ni, ok := p.Attributes[gltf.NORMAL]; ok {
		if acc, err := r.accessor(ni); err == nil && acc.Count == len(pos) {
			nrm, _ = modeler.ReadNormal(r.doc, acc, nil)
		}
	}
	var vcol [][3]float64
	if ci, ok := p.Attributes[gltf.COLOR_0]; ok {
		if acc, err := r.accessor(ci); err == nil && acc.Count == len(pos) {
			vcol = r.colors(acc)
		}
	}

	kind, col := r.material(p.Material)
	out := r.parts[kind]
	// Normals go through the inverse transpose of the node's linear part,
	// which is its cofactor matrix up to a positive or negative factor;
	// a mirroring transform (negative determinant) also turns triangles
	// inside out, so their winding is reversed to keep them facing out.
	lin := [3][3]float64{{m[0], m[4], m[8]}, {m[1], m[5], m[9]}, {m[2], m[6], m[10]}}
	det := lin[0][0]*(lin[1][1]*lin[2][2]-lin[1][2]*lin[2][1]) - lin[0][1]*(lin[1][0]*lin[2][2]-lin[1][2]*lin[2][0]) + lin[0][2]*(lin[1][0]*lin[2][1]-lin[1][1]*lin[2][0])
	if det == 0 || math.IsNaN(det) {
		return nil // a node scaled to nothing shows nothing
	}
	var cof [3][3]float64
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			a, b := lin[(i+1)%3], lin[(i+2)%3]
			cof[i][j] = a[(j+1)%3]*b[(j+2)%3] - a[(j+2)%3]*b[(j+1)%3]
		}
	}
	if det < 0 {
		for i := range cof {
			for j := range cof[i] {
				cof[i][j] = -cof[i][j]
			}
		}
	}
	place := func(v uint32) [3]float64 { return [3]float64(r.slot.Transform(hall.Vec3(m.point(pos[v])))) }
	turn := func(n [3]float64) [3]float64 {
		t := [3]float64{dot3(cof[0], n), dot3(cof[1], n), dot3(cof[2], n)}
		return [3]float64(hall.RotY(hall.Vec3(t), r.slot.Yaw))
	}
	colorOf := func(v uint32) [3]float64 {
		if vcol == nil {
			return col.at(nil)
		}
		return col.at(&vcol[v])
	}

	// seen maps a source vertex to its output vertex (plus one; 0 is not
	// yet), so vertices that share a normal stay shared.
	var seen []uint32
	if nrm != nil {
		seen = make([]uint32, len(pos))
	}
	for _, t := range tris {
		if det < 0 {
			t[1], t[2] = t[2], t[1]
		}
		a, b, c := place(t[0]), place(t[1]), place(t[2])
		face, ok := unit3(cross3(sub3(b, a), sub3(c, a)))
		if !ok {
			continue // a triangle with no area cannot be seen
		}
		if nrm == nil {
			// Without normals glTF asks for flat shading: each triangle gets
			// its own corners with the face's normal.
			i := out.vert(a, face, colorOf(t[0]))
			out.vert(b, face, colorOf(t[1]))
			out.vert(c, face, colorOf(t[2]))
			out.idx = append(out.idx, i, i+1, i+2)
			continue
		}
		corners := [3][3]float64{a, b, c}
		for k, v := range t {
			if seen[v] == 0 {
				n, good := unit3(turn([3]float64{float64(nrm[v][0]), float64(nrm[v][1]), float64(nrm[v][2])}))
				if !good {
					n = face
				}
				seen[v] = out.vert(corners[k], n, colorOf(v)) + 1
			}
			out.idx = append(out.idx, seen[v]-1)
		}
	}
	return nil
}

// triangles lists the triangles of a primitive's indices in its mode.
func triangles(mode gltf.PrimitiveMode, idx []uint32) [][3]uint32 {
	var out [][3]uint32
	switch mode {
	case gltf.PrimitiveTriangleStrip:
		for i := 0; i+2 < len(idx); i++ {
			// Every other triangle of a strip is wound the other way round.
			if i%2 == 0 {
				out = append(out, [3]uint32{idx[i], idx[i+1], idx[i+2]})
			} else {
				out = append(out, [3]uint32{idx[i+1], idx[i], idx[i+2]})
			}
		}
	case gltf.PrimitiveTriangleFan:
		for i := 1; i+1 < len(idx); i++ {
			out = append(out, [3]uint32{idx[0], idx[i], idx[i+1]})
		}
	default:
		for i := 0; i+2 < len(idx); i += 3 {
			out = append(out, [3]uint32{idx[i], idx[i+1], idx[i+2]})
		}
	}
	return out
}

// colors reads a COLOR_0 accessor as linear RGB; glTF stores vertex colours
// linear already, as floats or as normalised integers.
func (r *productReader) colors(acc *gltf.Accessor) [][3]float64 {
	data, err := modeler.ReadAccessor(r.doc, acc, nil)
	if err != nil {
		return nil
	}
	out := make([][3]float64, acc.Count)
	switch d := data.(type) {
	case [][3]float32:
		for i, c := range d {
			out[i] = [3]float64{float64(c[0]), float64(c[1]), float64(c[2])}
		}
	case [][4]float32:
		for i, c := range d {
			out[i] = [3]float64{float64(c[0]), float64(c[1]), float64(c[2])}
		}
	case [][3]uint8:
		for i, c := range d {
			out[i] = [3]float64{float64(c[0]) / 255, float64(c[1]) / 255, float64(c[2]) / 255}
		}
	case [][4]uint8:
		for i, c := range d {
			out[i] = [3]float64{float64(c[0]) / 255, float64(c[1]) / 255, float64(c[2]) / 255}
		}
	case [][3]uint16:
		for i, c := range d {
			out[i] = [3]float64{float64(c[0]) / 65535, float64(c[1]) / 65535, float64(c[2]) / 65535}
		}
	case [][4]uint16:
		for i, c := range d {
			out[i] = [3]float64{float64(c[0]) / 65535, float64(c[1]) / 65535, float64(c[2]) / 65535}
		}
	default:
		return nil
	}
	return out
}

// surfaceColor is a material's colour in the vertices: base × vertex colour
// + glow, clamped to 1.
type surfaceColor struct{ base, glow [3]float64 }

func (s surfaceColor) at(vertex *[3]float64) [3]float64 {
	var c [3]float64
	for k := 0; k < 3; k++ {
		b := s.base[k]
		if vertex != nil {
			b *= vertex[k]
		}
		c[k] = clamp01(b + s.glow[k])
	}
	return c
}

// material classifies material i and returns its colour. Factors follow the
// glTF defaults (a material without metallicFactor is fully metallic),
// modulated by the mean of their textures. A primitive without any material
// is read as plain matte white: such files come from tools that exported no
// look at all, and the spec's default (white metal) would draw them as dark
// mirrors in a room with no reflections.
func (r *productReader) material(i *int) (surfaceKind, surfaceColor) {
	if i == nil || *i < 0 || *i >= len(r.doc.Materials) {
		return kindMatte, surfaceColor{base: [3]float64{1, 1, 1}}
	}
	mat := r.doc.Materials[*i]
	pbr := mat.PBRMetallicRoughness
	if pbr == nil {
		pbr = &gltf.PBRMetallicRoughness{}
	}
	f := pbr.BaseColorFactorOrDefault()
	col := surfaceColor{base: [3]float64{f[0], f[1], f[2]}}
	if t := r.textureMean(pbr.BaseColorTexture, false); t.ok {
		for k := range col.base {
			col.base[k] *= t.rgb[k]
		}
	}
	col.glow = mat.EmissiveFactor
	if t := r.textureMean(mat.EmissiveTexture, false); t.ok {
		for k := range col.glow {
			col.glow[k] *= t.rgb[k]
		}
	}
	metallic, roughness := pbr.MetallicFactorOrDefault(), pbr.RoughnessFactorOrDefault()
	// The metallic-roughness texture holds roughness in green and metalness
	// in blue, as linear data.
	if t := r.textureMean(pbr.MetallicRoughnessTexture, true); t.ok {
		roughness *= t.rgb[1]
		metallic *= t.rgb[2]
	}
	switch {
	case metallic >= 0.5:
		return kindMetal, col
	case roughness < 0.6:
		return kindSatin, col
	default:
		return kindMatte, col
	}
}

// textureMean returns the mean colour of a texture's image, linearised
// unless the image already holds linear data. ok is false when there is no
// texture or its image cannot be decoded; the factor alone then applies.
func (r *productReader) textureMean(info *gltf.TextureInfo, linear bool) imageMean {
	if info == nil || info.Index < 0 || info.Index >= len(r.doc.Textures) || r.doc.Textures[info.Index].Source == nil {
		return imageMean{}
	}
	key := imageKey{*r.doc.Textures[info.Index].Source, linear}
	if m, ok := r.means[key]; ok {
		return m
	}
	m := r.decodeMean(key)
	r.means[key] = m
	return m
}

func (r *productReader) decodeMean(key imageKey) imageMean {
	if key.image < 0 || key.image >= len(r.doc.Images) {
		return imageMean{}
	}
	im := r.doc.Images[key.image]
	var data []byte
	switch {
	case im.BufferView != nil:
		if *im.BufferView < 0 || *im.BufferView >= len(r.doc.BufferViews) {
			return imageMean{}
		}
		b, err := modeler.ReadBufferView(r.doc, r.doc.BufferViews[*im.BufferView])
		if err != nil {
			return imageMean{}
		}
		data = b
	case strings.HasPrefix(im.URI, "data:"):
		_, enc, ok := strings.Cut(im.URI, ",")
		if !ok {
			return imageMean{}
		}
		b, err := base64.StdEncoding.DecodeString(enc)
		if err != nil {
			return imageMean{}
		}
		data = b
	default:
		return imageMean{}
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxTexturePixels {
		return imageMean{}
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return imageMean{}
	}
	return imageMean{rgb: meanColor(img, key.linear), ok: true}
}

// srgbTable linearises 8-bit sRGB values; a table is ten times faster than
// math.Pow per texel, and 8 bits are all a mean colour needs.
var srgbTable = sync.OnceValue(func() *[256]float64 {
	var t [256]float64
	for i := range t {
		t[i] = srgbToLinear(float64(i) / 255)
	}
	return &t
})

// meanColor averages an image over a grid of at most 256×256 samples, which
// is as good as every pixel for a mean and keeps large textures cheap.
func meanColor(img image.Image, linear bool) [3]float64 {
	b := img.Bounds()
	step := func(n int) int { return max(1, n/256) }
	sx, sy := step(b.Dx()), step(b.Dy())
	var sum [3]float64
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y += sy {
		for x := b.Min.X; x < b.Max.X; x += sx {
			// Unpremultiplied, so that a texture's transparent texels do
			// not darken the colour of its opaque ones.
			c := color.NRGBA64Model.Convert(img.At(x, y)).(color.NRGBA64)
			for k, c := range [3]uint16{c.R, c.G, c.B} {
				if linear {
					sum[k] += float64(c) / 0xFFFF
				} else {
					sum[k] += srgbTable()[c>>8]
				}
			}
			n++
		}
	}
	return [3]float64{sum[0] / float64(n), sum[1] / float64(n), sum[2] / float64(n)}
}

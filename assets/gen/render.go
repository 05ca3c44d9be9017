package gen

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
)

// Thumbnail geometry: 256 px squares, drawn at twice the size and averaged
// down, which is enough anti-aliasing for product cards.
const (
	thumbSize   = 256
	superSample = 2
)

// background is the light neutral backdrop of every thumbnail (sRGB).
var background = [3]float64{0.945, 0.937, 0.922}

// camera is a perspective camera looking at a model from the front-right,
// a little from above: the three-quarter view of a catalogue photo.
type camera struct {
	eye, right, up, fwd vec3
	scale, cx, cy       float64 // projected (x/z, y/z) → pixels
	size                float64
}

func newCamera(lo, hi vec3, size int) camera {
	const azimuth, elevation = 35 * math.Pi / 180, 20 * math.Pi / 180
	c := lo.add(hi).mul(0.5)
	radius := hi.sub(lo).length() / 2
	d := vec3{math.Sin(azimuth) * math.Cos(elevation), math.Sin(elevation), math.Cos(azimuth) * math.Cos(elevation)}
	cam := camera{eye: c.add(d.mul(radius * 4.5)), fwd: d.mul(-1), size: float64(size)}
	cam.right = cam.fwd.cross(vec3{0, 1, 0}).norm()
	cam.up = cam.right.cross(cam.fwd)
	return cam
}

// project returns x/z and y/z in camera space, and z.
func (c camera) project(p vec3) (float64, float64, float64) {
	r := p.sub(c.eye)
	z := r.dot(c.fwd)
	return r.dot(c.right) / z, r.dot(c.up) / z, z
}

// fit scales and centres the projection so the model's silhouette fills
// the frame with a margin.
func (c *camera) fit(md *model, margin float64) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range md.parts {
		for _, v := range p.mesh.pos {
			x, y, _ := c.project(v)
			minX, maxX = math.Min(minX, x), math.Max(maxX, x)
			minY, maxY = math.Min(minY, y), math.Max(maxY, y)
		}
	}
	span := math.Max(maxX-minX, maxY-minY)
	c.scale = c.size * (1 - 2*margin) / span
	c.cx, c.cy = (minX+maxX)/2, (minY+maxY)/2
}

func (c camera) toScreen(p vec3) (sx, sy, z float64) {
	x, y, z := c.project(p)
	return c.size/2 + (x-c.cx)*c.scale, c.size/2 - (y-c.cy)*c.scale, z
}

// ray returns the direction through the centre of a screen pixel.
func (c camera) ray(sx, sy float64) vec3 {
	x := (sx-c.size/2)/c.scale + c.cx
	y := -(sy-c.size/2)/c.scale + c.cy
	return c.right.mul(x).add(c.up.mul(y)).add(c.fwd).norm()
}

// linearImage is a texture decoded to linear RGB, with a chain of
// box-filtered mip levels: a weave sampled texel by texel at thumbnail size
// would shimmer into noise, as it would on a GPU without mipmaps.
type linearImage struct {
	levels []mipLevel
}

type mipLevel struct {
	w, h int
	px   [][3]float64
}

func decodeLinear(t *texture) *linearImage {
	im := t.img()
	b := im.Bounds()
	l0 := mipLevel{w: b.Dx(), h: b.Dy(), px: make([][3]float64, b.Dx()*b.Dy())}
	for y := 0; y < l0.h; y++ {
		for x := 0; x < l0.w; x++ {
			c := color.RGBAModel.Convert(im.At(b.Min.X+x, b.Min.Y+y)).(color.RGBA)
			l0.px[y*l0.w+x] = [3]float64{srgbToLinear(float64(c.R) / 255), srgbToLinear(float64(c.G) / 255), srgbToLinear(float64(c.B) / 255)}
		}
	}
	li := &linearImage{levels: []mipLevel{l0}}
	for cur := l0; cur.w > 1 && cur.h > 1; {
		next := mipLevel{w: cur.w / 2, h: cur.h / 2}
		next.px = make([][3]float64, next.w*next.h)
		for y := 0; y < next.h; y++ {
			for x := 0; x < next.w; x++ {
				var acc [3]float64
				for _, o := range [4][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
					p := cur.px[(2*y+o[1])*cur.w+2*x+o[0]]
					for k := range acc {
						acc[k] += p[k] / 4
					}
				}
				next.px[y*next.w+x] = acc
			}
		}
		li.levels = append(li.levels, next)
		cur = next
	}
	return li
}

// sample reads the texel under (u, v) with repeat wrapping, from the mip
// level where one texel is about footprint texels of the full image.
func (li *linearImage) sample(u, v, footprint float64) [3]float64 {
	level := 0
	if footprint > 1 {
		level = min(int(math.Log2(footprint)+0.5), len(li.levels)-1)
	}
	l := li.levels[level]
	x := int(math.Floor((u - math.Floor(u)) * float64(l.w)))
	y := int(math.Floor((v - math.Floor(v)) * float64(l.h)))
	x, y = min(max(x, 0), l.w-1), min(max(y, 0), l.h-1)
	return l.px[y*l.w+x]
}

// gbuffer holds, per supersampled pixel, what the nearest surface is; shading
// happens once per pixel after every triangle is in.
type gbuffer struct {
	n     int
	depth []float64 // 1/z; 0 = nothing drawn
	part  []int
	nrm   []vec3
	pos   []vec3
	uv    [][2]float64
}

// render draws a finished model and returns the image at thumbnail size and
// the fraction of it that the product covers.
func render(md *model) (*image.RGBA, float64) {
	S := thumbSize * superSample
	lo, hi := md.bounds()
	cam := newCamera(lo, hi, S)
	cam.fit(md, 0.05)

	g := &gbuffer{n: S, depth: make([]float64, S*S), part: make([]int, S*S), nrm: make([]vec3, S*S), pos: make([]vec3, S*S), uv: make([][2]float64, S*S)}
	for pi, p := range md.parts {
		m := &p.mesh
		sx := make([]float64, len(m.pos))
		sy := make([]float64, len(m.pos))
		iz := make([]float64, len(m.pos))
		for i, v := range m.pos {
			var z float64
			sx[i], sy[i], z = cam.toScreen(v)
			iz[i] = 1 / z
		}
		for t := 0; t+2 < len(m.idx); t += 3 {
			g.triangle(pi, m, [3]uint32{m.idx[t], m.idx[t+1], m.idx[t+2]}, sx, sy, iz)
		}
	}

	shadow := newShadowMap(md, lo, hi)
	tex := map[*texture]*linearImage{}
	for _, p := range md.parts {
		for _, t := range []*texture{p.mat.tex, p.mat.emissiveTex} {
			if t != nil && tex[t] == nil {
				tex[t] = decodeLinear(t)
			}
		}
	}

	hiRes := make([][3]float64, S*S)
	covered := 0
	for y := 0; y < S; y++ {
		for x := 0; x < S; x++ {
			i := y*S + x
			if g.depth[i] == 0 {
				k := 1.0
				dir := cam.ray(float64(x)+0.5, float64(y)+0.5)
				if dir[1] < 0 {
					t := -cam.eye[1] / dir[1]
					fp := cam.eye.add(dir.mul(t))
					k = 1 - 0.5*shadow.at(fp[0], fp[2])
				}
				for c := 0; c < 3; c++ {
					hiRes[i][c] = srgbToLinear(background[c]) * k
				}
				continue
			}
			covered++
			// World size of this pixel, to pick texture detail.
			pixel := 1 / (g.depth[i] * cam.scale)
			hiRes[i] = shade(md.parts[g.part[i]].mat, g.pos[i], g.nrm[i], g.uv[i], cam.eye, tex, pixel)
		}
	}

	out := image.NewRGBA(image.Rect(0, 0, thumbSize, thumbSize))
	for y := 0; y < thumbSize; y++ {
		for x := 0; x < thumbSize; x++ {
			var acc [3]float64
			for sy := 0; sy < superSample; sy++ {
				for sx := 0; sx < superSample; sx++ {
					c := hiRes[(y*superSample+sy)*S+x*superSample+sx]
					for k := 0; k < 3; k++ {
						acc[k] += linearToSRGB(c[k])
					}
				}
			}
			n := float64(superSample * superSample)
			out.SetRGBA(x, y, color.RGBA{
				R: uint8(math.Round(acc[0] / n * 255)),
				G: uint8(math.Round(acc[1] / n * 255)),
				B: uint8(math.Round(acc[2] / n * 255)),
				A: 255,
			})
		}
	}
	return out, float64(covered) / float64(S*S)
}

// triangle rasterises one triangle into the g-buffer with a depth test and
// perspective-correct attributes. Both faces are drawn: a few surfaces
// (screens, canopies) are seen from behind.
func (g *gbuffer) triangle(part int, m *mesh, ix [3]uint32, sx, sy, iz []float64) {
	x0, y0 := sx[ix[0]], sy[ix[0]]
	x1, y1 := sx[ix[1]], sy[ix[1]]
	x2, y2 := sx[ix[2]], sy[ix[2]]
	area := (x1-x0)*(y2-y0) - (x2-x0)*(y1-y0)
	if area == 0 {
		return
	}
	minX := max(int(math.Floor(math.Min(x0, math.Min(x1, x2)))), 0)
	maxX := min(int(math.Ceil(math.Max(x0, math.Max(x1, x2)))), g.n-1)
	minY := max(int(math.Floor(math.Min(y0, math.Min(y1, y2)))), 0)
	maxY := min(int(math.Ceil(math.Max(y0, math.Max(y1, y2)))), g.n-1)
	for py := minY; py <= maxY; py++ {
		for px := minX; px <= maxX; px++ {
			cx, cy := float64(px)+0.5, float64(py)+0.5
			w0 := ((x1-cx)*(y2-cy) - (x2-cx)*(y1-cy)) / area
			w1 := ((x2-cx)*(y0-cy) - (x0-cx)*(y2-cy)) / area
			w2 := 1 - w0 - w1
			if w0 < 0 || w1 < 0 || w2 < 0 {
				continue
			}
			d := w0*iz[ix[0]] + w1*iz[ix[1]] + w2*iz[ix[2]]
			i := py*g.n + px
			if d <= g.depth[i] {
				continue
			}
			// Perspective-correct weights.
			p0, p1, p2 := w0*iz[ix[0]]/d, w1*iz[ix[1]]/d, w2*iz[ix[2]]/d
			g.depth[i] = d
			g.part[i] = part
			g.nrm[i] = m.nrm[ix[0]].mul(p0).add(m.nrm[ix[1]].mul(p1)).add(m.nrm[ix[2]].mul(p2))
			g.pos[i] = m.pos[ix[0]].mul(p0).add(m.pos[ix[1]].mul(p1)).add(m.pos[ix[2]].mul(p2))
			g.uv[i] = [2]float64{
				m.uv[ix[0]][0]*p0 + m.uv[ix[1]][0]*p1 + m.uv[ix[2]][0]*p2,
				m.uv[ix[0]][1]*p0 + m.uv[ix[1]][1]*p1 + m.uv[ix[2]][1]*p2,
			}
		}
	}
}

// Lights, as directions towards them: a key from the upper left of the
// camera, a weaker fill from the right, and a sky/ground ambient.
var (
	keyLight  = vec3{-0.45, 0.8, 0.45}.norm()
	fillLight = vec3{0.8, 0.35, 0.1}.norm()
)

// shade is a small approximation of metallic-roughness shading: Lambert
// diffuse for dielectrics, a Blinn-Phong highlight whose size follows the
// roughness, and a sky/floor reflection that lets metals read as metal.
func shade(mat *material, p, n vec3, uv [2]float64, eye vec3, tex map[*texture]*linearImage, pixel float64) [3]float64 {
	n = n.norm()
	v := eye.sub(p).norm()
	if n.dot(v) < 0 {
		n = n.mul(-1)
	}
	base := mat.baseFactor()
	if mat.tex != nil {
		// Texels per pixel, stretched on surfaces seen at a grazing angle.
		footprint := 0.0
		if mat.texSize > 0 {
			texel := mat.texSize / float64(tex[mat.tex].levels[0].w)
			footprint = pixel / texel / math.Max(n.dot(v), 0.3)
		}
		t := tex[mat.tex].sample(uv[0], uv[1], footprint)
		for k := range base {
			base[k] *= t[k]
		}
	}
	kd := math.Max(0, n.dot(keyLight))
	fd := math.Max(0, n.dot(fillLight))
	amb := 0.32 + 0.14*n[1]
	diffuse := amb + 0.95*kd + 0.3*fd

	h := keyLight.add(v).norm()
	rough := math.Max(mat.roughness, 0.08)
	shin := 2/(rough*rough*rough*rough) - 2
	shin = math.Min(math.Max(shin, 1), 2000)
	specPow := math.Pow(math.Max(0, n.dot(h)), shin) * (shin + 8) / (8 * math.Pi) * kd
	r := n.mul(2 * n.dot(v)).sub(v)
	sky := 0.5 + 0.5*r[1]
	env := 0.25 + 0.75*(sky*sky*(3-2*sky))
	env = env*(1-rough) + 0.55*rough

	var out [3]float64
	for k := 0; k < 3; k++ {
		f0 := 0.04*(1-mat.metallic) + base[k]*mat.metallic
		c := base[k] * (1 - mat.metallic) * diffuse
		c += f0 * specPow * 0.8
		c += base[k] * mat.metallic * (env*1.05 + 0.35*kd)
		e := mat.emissive[k]
		if mat.emissiveTex != nil {
			e *= tex[mat.emissiveTex].sample(uv[0], uv[1], 0)[k]
		}
		out[k] = c + e
	}
	return out
}

// shadowMap is a soft contact shadow on the floor: every surface casts
// straight down, more darkly the lower it is, blurred.
type shadowMap struct {
	n        int
	x0, z0   float64
	cell     float64
	strength []float64
}

func newShadowMap(md *model, lo, hi vec3) *shadowMap {
	const n = 160
	size := hi.sub(lo)
	extent := math.Max(size[0], size[2])*0.5 + 0.25*math.Max(size[0], math.Max(size[1], size[2]))
	s := &shadowMap{n: n, x0: -extent, z0: -extent, cell: 2 * extent / n, strength: make([]float64, n*n)}
	falloff := 0.35 * math.Max(math.Max(size[0], size[2]), 0.5*size[1])
	minY := make([]float64, n*n)
	for i := range minY {
		minY[i] = math.Inf(1)
	}
	for _, p := range md.parts {
		m := &p.mesh
		for t := 0; t+2 < len(m.idx); t += 3 {
			a, b, c := m.pos[m.idx[t]], m.pos[m.idx[t+1]], m.pos[m.idx[t+2]]
			s.splat(a, b, c, minY)
		}
	}
	for i, y := range minY {
		if !math.IsInf(y, 1) {
			s.strength[i] = math.Exp(-math.Max(y, 0) / falloff)
		}
	}
	r := max(n/45, 1)
	for pass := 0; pass < 3; pass++ {
		s.strength = boxBlur(s.strength, n, r)
	}
	return s
}

// splat records the lowest height of a triangle over each cell it covers.
func (s *shadowMap) splat(a, b, c vec3, minY []float64) {
	gx := func(p vec3) (float64, float64) { return (p[0] - s.x0) / s.cell, (p[2] - s.z0) / s.cell }
	ax, az := gx(a)
	bx, bz := gx(b)
	cx, cz := gx(c)
	area := (bx-ax)*(cz-az) - (cx-ax)*(bz-az)
	if math.Abs(area) < 1e-12 {
		return
	}
	x0 := max(int(math.Floor(math.Min(ax, math.Min(bx, cx)))), 0)
	x1 := min(int(math.Ceil(math.Max(ax, math.Max(bx, cx)))), s.n-1)
	z0 := max(int(math.Floor(math.Min(az, math.Min(bz, cz)))), 0)
	z1 := min(int(math.Ceil(math.Max(az, math.Max(bz, cz)))), s.n-1)
	for z := z0; z <= z1; z++ {
		for x := x0; x <= x1; x++ {
			px, pz := float64(x)+0.5, float64(z)+0.5
			w0 := ((bx-px)*(cz-pz) - (cx-px)*(bz-pz)) / area
			w1 := ((cx-px)*(az-pz) - (ax-px)*(cz-pz)) / area
			w2 := 1 - w0 - w1
			if w0 < 0 || w1 < 0 || w2 < 0 {
				continue
			}
			y := w0*a[1] + w1*b[1] + w2*c[1]
			if i := z*s.n + x; y < minY[i] {
				minY[i] = y
			}
		}
	}
}

func (s *shadowMap) at(x, z float64) float64 {
	i := int(math.Floor((x - s.x0) / s.cell))
	j := int(math.Floor((z - s.z0) / s.cell))
	if i < 0 || j < 0 || i >= s.n || j >= s.n {
		return 0
	}
	return s.strength[j*s.n+i]
}

func boxBlur(src []float64, n, r int) []float64 {
	tmp := make([]float64, len(src))
	dst := make([]float64, len(src))
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			sum, cnt := 0.0, 0
			for k := -r; k <= r; k++ {
				if xx := x + k; xx >= 0 && xx < n {
					sum += src[y*n+xx]
				}
				cnt++
			}
			tmp[y*n+x] = sum / float64(cnt)
		}
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			sum, cnt := 0.0, 0
			for k := -r; k <= r; k++ {
				if yy := y + k; yy >= 0 && yy < n {
					sum += tmp[yy*n+x]
				}
				cnt++
			}
			dst[y*n+x] = sum / float64(cnt)
		}
	}
	return dst
}

// encodePNG writes an image as PNG; Go's encoder is deterministic.
func encodePNG(im image.Image) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, im); err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	return b.Bytes(), nil
}

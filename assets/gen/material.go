package gen

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"
)

// material is a glTF metallic-roughness material. Colours are linear (glTF
// factors are linear); write them with srgb() from the hex an artist would
// pick.
type material struct {
	name      string
	color     [3]float64
	metallic  float64
	roughness float64
	emissive  [3]float64
	// tex, when set, is multiplied with color; texSize is the length in
	// metres that one repeat of it covers (0 means the mesh's texture
	// coordinates already run 0..1, as on screens).
	tex     *texture
	texSize float64
	// emissiveTex lights a screen with a picture.
	emissiveTex *texture
}

// texture is a small procedural image, made once and embedded as PNG in
// every model that uses it.
type texture struct {
	name string
	img  func() image.Image
	png  func() []byte
	// meanLinear is the average linear brightness of the image, used to
	// scale colour factors so a textured surface keeps the intended colour.
	meanLinear func() float64
}

func newTexture(name string, build func() image.Image) *texture {
	img := sync.OnceValue(build)
	return &texture{
		name: name,
		img:  img,
		png: sync.OnceValue(func() []byte {
			var b bytes.Buffer
			enc := png.Encoder{CompressionLevel: png.BestCompression}
			if err := enc.Encode(&b, img()); err != nil {
				panic(err) // encoding an in-memory image cannot fail
			}
			return b.Bytes()
		}),
		meanLinear: sync.OnceValue(func() float64 {
			im := img()
			r := im.Bounds()
			sum := 0.0
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					c := color.GrayModel.Convert(im.At(x, y)).(color.Gray)
					sum += srgbToLinear(float64(c.Y) / 255)
				}
			}
			return sum / float64(r.Dx()*r.Dy())
		}),
	}
}

// baseFactor is the glTF baseColorFactor: the colour divided by the
// texture's mean, so the surface averages to the intended colour.
func (m *material) baseFactor() [3]float64 {
	if m.tex == nil {
		return m.color
	}
	mean := m.tex.meanLinear()
	var f [3]float64
	for i, c := range m.color {
		f[i] = math.Min(1, c/mean)
	}
	return f
}

func srgbToLinear(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func linearToSRGB(c float64) float64 {
	if c <= 0 {
		return 0
	}
	if c >= 1 {
		return 1
	}
	if c <= 0.0031308 {
		return c * 12.92
	}
	return 1.055*math.Pow(c, 1/2.4) - 0.055
}

// srgb converts a hex colour such as 0xC49A6C to linear factors, rounded
// to 4 decimals so the JSON stays short and stable.
func srgb(hex uint32) [3]float64 {
	var out [3]float64
	for i := 0; i < 3; i++ {
		c := float64((hex>>(16-8*uint(i)))&0xFF) / 255
		out[i] = math.Round(srgbToLinear(c)*10000) / 10000
	}
	return out
}

// hash2 is a small integer hash for repeatable noise; no random generator
// state means the same texture on every run and platform.
func hash2(x, y, seed int) float64 {
	h := uint32(x)*0x8da6b343 ^ uint32(y)*0xd8163841 ^ uint32(seed)*0xcb1ab31f
	h ^= h >> 13
	h *= 0x5bd1e995
	h ^= h >> 15
	return float64(h&0xFFFFFF) / float64(0x1000000)
}

// noise is tileable value noise: lattice coordinates wrap at period.
func noise(x, y float64, px, py, seed int) float64 {
	x0, y0 := math.Floor(x), math.Floor(y)
	fx, fy := x-x0, y-y0
	fx, fy = fx*fx*(3-2*fx), fy*fy*(3-2*fy)
	ix, iy := int(x0), int(y0)
	wrap := func(i, p int) int { return ((i % p) + p) % p }
	a := hash2(wrap(ix, px), wrap(iy, py), seed)
	b := hash2(wrap(ix+1, px), wrap(iy, py), seed)
	c := hash2(wrap(ix, px), wrap(iy+1, py), seed)
	d := hash2(wrap(ix+1, px), wrap(iy+1, py), seed)
	return (a*(1-fx)+b*fx)*(1-fy) + (c*(1-fx)+d*fx)*fy
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

func gray(v float64) color.Gray { return color.Gray{Y: uint8(math.Round(clamp01(v) * 255))} }

// woodGrain is a tileable grey grain: growth rings run along v, bent by
// low-frequency noise, with fine pores. It tints any wood colour, so oak,
// walnut and teak share it.
var woodGrain = newTexture("wood-grain", func() image.Image {
	const n = 128
	im := image.NewGray(image.Rect(0, 0, n, n))
	for py := 0; py < n; py++ {
		for px := 0; px < n; px++ {
			u, v := float64(px)/n, float64(py)/n
			warp := 0.35*noise(u*3, v*2, 3, 2, 1) + 0.12*noise(u*6, v*4, 6, 4, 2)
			t := u*9 + warp
			ring := math.Pow(0.5+0.5*math.Cos(2*math.Pi*t), 4)
			pores := noise(u*64, v*6, 64, 6, 3)
			val := 0.92 - 0.11*ring - 0.06*pores + 0.05*noise(u*4, v*3, 4, 3, 4)
			im.SetGray(px, py, gray(val))
		}
	}
	return im
})

// linenWeave is a plain weave of slubby threads: four pixels a thread,
// sixteen threads a repeat, each thread a little lighter or darker.
var linenWeave = newTexture("linen-weave", func() image.Image {
	const n, w = 64, 4
	im := image.NewGray(image.Rect(0, 0, n, n))
	for py := 0; py < n; py++ {
		for px := 0; px < n; px++ {
			cx, cy := px/w, py/w
			ox, oy := float64(px%w)+0.5, float64(py%w)+0.5
			var across, thread float64
			if (cx+cy)%2 == 0 { // warp thread on top
				across = math.Sin(math.Pi * ox / w)
				thread = hash2(cx, 0, 11)
			} else { // weft thread on top
				across = math.Sin(math.Pi * oy / w)
				thread = hash2(0, cy, 12)
			}
			val := 0.70 + 0.22*across + 0.10*(thread-0.5)
			im.SetGray(px, py, gray(val))
		}
	}
	return im
})

// openMesh is the open weave of an office chair back or a textilene sling:
// strands with small dark gaps between them.
var openMesh = newTexture("open-mesh", func() image.Image {
	const n, w = 64, 8
	im := image.NewGray(image.Rect(0, 0, n, n))
	for py := 0; py < n; py++ {
		for px := 0; px < n; px++ {
			ox, oy := px%w, py%w
			val := 0.9
			switch {
			case ox >= w-2 && oy >= w-2:
				val = 0.25
			case ox >= w-2 || oy >= w-2:
				val = 0.6
			}
			im.SetGray(px, py, gray(val))
		}
	}
	return im
})

// wallpaper is what the laptop and monitor screens show: a soft gradient
// with a few windows, so a screen reads as switched on.
var wallpaper = newTexture("screen", func() image.Image {
	const w, h = 128, 64
	im := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			u, v := float64(x)/w, float64(y)/h
			wave := 0.5 + 0.5*math.Sin(u*5+v*3)
			r := 0.10 + 0.35*u*wave
			g := 0.22 + 0.25*(1-v)
			b := 0.45 + 0.35*(1-u)
			// Two application windows and a dock.
			inWin := func(x0, y0, x1, y1 int) bool { return x >= x0 && x < x1 && y >= y0 && y < y1 }
			switch {
			case inWin(14, 10, 70, 14), inWin(76, 20, 116, 24):
				r, g, b = 0.80, 0.82, 0.86
			case inWin(14, 14, 70, 44), inWin(76, 24, 116, 50):
				r, g, b = 0.96, 0.96, 0.97
				if (y%5 == 2 && x%40 < 30) && !inWin(76, 24, 116, 50) {
					r, g, b = 0.65, 0.68, 0.72
				}
			case inWin(44, 56, 84, 61):
				r, g, b = 0.85, 0.87, 0.90
			}
			im.SetRGBA(x, y, color.RGBA{uint8(clamp01(r) * 255), uint8(clamp01(g) * 255), uint8(clamp01(b) * 255), 255})
		}
	}
	return im
})

// The palette. Names say what a shopper should read in the surface.
var (
	oak          = &material{name: "oak", color: srgb(0xC89B68), roughness: 0.62, tex: woodGrain, texSize: 0.45}
	lightOak     = &material{name: "light oak", color: srgb(0xD8B58A), roughness: 0.6, tex: woodGrain, texSize: 0.45}
	walnut       = &material{name: "walnut", color: srgb(0x6B4A33), roughness: 0.55, tex: woodGrain, texSize: 0.4}
	teak         = &material{name: "teak", color: srgb(0xA8743F), roughness: 0.7, tex: woodGrain, texSize: 0.4}
	linen        = &material{name: "linen", color: srgb(0xD9D0C1), roughness: 0.92, tex: linenWeave, texSize: 0.06}
	sofaFabric   = &material{name: "fabric grey-blue", color: srgb(0x7D8A96), roughness: 0.9, tex: linenWeave, texSize: 0.07}
	velvet       = &material{name: "velvet green", color: srgb(0x3F5E4E), roughness: 0.78, tex: linenWeave, texSize: 0.03}
	bedLinen     = &material{name: "bed linen", color: srgb(0xEEEAE2), roughness: 0.9, tex: linenWeave, texSize: 0.05}
	shadeLinen   = &material{name: "shade linen", color: srgb(0xEFE6D2), roughness: 0.85, emissive: [3]float64{0.08, 0.065, 0.04}, tex: linenWeave, texSize: 0.05}
	brass        = &material{name: "brass", color: srgb(0xD9B45A), metallic: 0.95, roughness: 0.32}
	blackMetal   = &material{name: "black metal", color: srgb(0x1E1E20), metallic: 0.6, roughness: 0.45}
	aluminium    = &material{name: "aluminium", color: srgb(0xC8CACC), metallic: 0.95, roughness: 0.35}
	darkAlu      = &material{name: "space grey aluminium", color: srgb(0x5A5D62), metallic: 0.95, roughness: 0.4}
	chrome       = &material{name: "chrome", color: srgb(0xE0E2E4), metallic: 0.95, roughness: 0.12}
	blackPlas    = &material{name: "black plastic", color: srgb(0x232426), roughness: 0.45}
	whitePlas    = &material{name: "white plastic", color: srgb(0xECECEA), roughness: 0.4}
	greyPlas     = &material{name: "grey plastic", color: srgb(0x8E9196), roughness: 0.5}
	blackVinyl   = &material{name: "black vinyl coating", color: srgb(0x18181A), roughness: 0.6}
	rubber       = &material{name: "rubber", color: srgb(0x1A1A1A), roughness: 0.92}
	leather      = &material{name: "brown leather", color: srgb(0x6A4128), roughness: 0.55}
	chairMesh    = &material{name: "mesh fabric", color: srgb(0x2E3033), roughness: 0.85, tex: openMesh, texSize: 0.02}
	textilene    = &material{name: "textilene", color: srgb(0x9A968E), roughness: 0.8, tex: openMesh, texSize: 0.025}
	bikePaint    = &material{name: "bike paint sage", color: srgb(0x6F8F7A), metallic: 0.35, roughness: 0.3}
	helmetShel   = &material{name: "helmet shell matte navy", color: srgb(0x2B3A55), roughness: 0.42}
	eps          = &material{name: "foam liner", color: srgb(0x3A3A3C), roughness: 0.95}
	tentNylon    = &material{name: "tent nylon green", color: srgb(0x5E7F4A), roughness: 0.7, tex: linenWeave, texSize: 0.04}
	tentFly      = &material{name: "tent nylon sand", color: srgb(0xC9B48A), roughness: 0.7, tex: linenWeave, texSize: 0.04}
	canopy       = &material{name: "canopy sand", color: srgb(0xC9B89B), roughness: 0.85, tex: linenWeave, texSize: 0.05}
	screen       = &material{name: "screen", color: srgb(0x0A0B0D), roughness: 0.12, emissive: [3]float64{1, 1, 1}, emissiveTex: wallpaper}
	glassBlack   = &material{name: "black glass", color: srgb(0x0B0C0E), roughness: 0.1}
	ledWhite     = &material{name: "LED white", color: srgb(0xFFFFFF), roughness: 0.2, emissive: [3]float64{1, 0.96, 0.88}}
	ledRed       = &material{name: "LED red", color: srgb(0xE02020), roughness: 0.2, emissive: [3]float64{1, 0.08, 0.05}}
	bulbWarm     = &material{name: "warm bulb", color: srgb(0xFFF4DC), roughness: 0.3, emissive: [3]float64{1, 0.85, 0.6}}
	marble       = &material{name: "white marble", color: srgb(0xE8E6E1), roughness: 0.25}
	seatFabric   = &material{name: "seat fabric charcoal", color: srgb(0x35373B), roughness: 0.9, tex: linenWeave, texSize: 0.04}
	graphite     = &material{name: "graphite plastic", color: srgb(0x4E5156), roughness: 0.5}
	stone        = &material{name: "dark stone", color: srgb(0x55534F), roughness: 0.85}
	accentOrange = &material{name: "accent orange", color: srgb(0xD9652B), roughness: 0.5}
	keycapGrey   = &material{name: "keycap grey", color: srgb(0xD9D9D4), roughness: 0.55}
)

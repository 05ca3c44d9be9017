package server

import (
	"image"
	"math"
)

// areaScale returns img scaled down to w×h by area averaging: each pixel
// of the result is the mean of the part of the image it covers, with
// fractional weights at the edges. It is the right filter for shrinking
// photos (every source pixel counts, so fine damage such as a scratch
// darkens its pixel rather than vanishing or aliasing), and it streams: it
// keeps two rows of accumulators, not a copy of the image. The kernel
// scalers of golang.org/x/image/draw keep a float64 buffer of the result's
// width times the source's height, about 200 MB for a 12-megapixel photo,
// which made photo uploads the server's most memory-hungry request.
//
// w and h must not exceed img's size (it only shrinks).
func areaScale(img image.Image, w, h int) *image.RGBA {
	b := img.Bounds()
	sw, sh := b.Dx(), b.Dy()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	if w < 1 || h < 1 || sw < 1 || sh < 1 {
		return dst
	}
	rx, ry := float64(sw)/float64(w), float64(sh)/float64(h)
	// Horizontal weights: dst column x covers source [x·rx, (x+1)·rx).
	type tap struct {
		sx int
		wt float32
	}
	// All columns' taps in one slice; column x's are taps[start[x]:start[x+1]].
	taps := make([]tap, 0, sw+w)
	start := make([]int, w+1)
	for x := 0; x < w; x++ {
		start[x] = len(taps)
		lo, hi := float64(x)*rx, float64(x+1)*rx
		for sx := int(lo); sx < sw && float64(sx) < hi; sx++ {
			wt := math.Min(hi, float64(sx+1)) - math.Max(lo, float64(sx))
			if wt > 0 {
				taps = append(taps, tap{sx, float32(wt / rx)})
			}
		}
	}
	start[w] = len(taps)
	src := rowReader(img)
	row := make([]float32, 4*sw) // one source row, RGBA
	hrow := make([]float32, 4*w) // that row shrunk to the result's width
	acc := [2][]float32{make([]float32, 4*w), make([]float32, 4*w)}
	cur := 0 // dst row acc[0] collects
	flush := func(dy int) {
		a := acc[0]
		o := dst.PixOffset(0, dy)
		for i := range a {
			v := a[i]/257 + 0.5
			dst.Pix[o+i] = uint8(min(255, max(0, v)))
			a[i] = 0
		}
		acc[0], acc[1] = acc[1], acc[0]
	}
	for sy := 0; sy < sh; sy++ {
		src(sy, row)
		for x := 0; x < w; x++ {
			var r, g, bl, a float32
			for _, t := range taps[start[x]:start[x+1]] {
				p := row[4*t.sx : 4*t.sx+4]
				r, g, bl, a = r+p[0]*t.wt, g+p[1]*t.wt, bl+p[2]*t.wt, a+p[3]*t.wt
			}
			hrow[4*x], hrow[4*x+1], hrow[4*x+2], hrow[4*x+3] = r, g, bl, a
		}
		// Source row sy covers [sy/ry, (sy+1)/ry) of the result: part of
		// row cur and, across a boundary, the start of row cur+1.
		lo, hi := float64(sy)/ry, float64(sy+1)/ry
		for part := 0; part < 2 && cur+part < h; part++ {
			edge := float64(cur + part)
			wt := math.Min(hi, edge+1) - math.Max(lo, edge)
			if wt <= 0 {
				continue
			}
			a, f := acc[part], float32(wt)
			for i, v := range hrow {
				a[i] += v * f
			}
		}
		for cur < h && hi >= float64(cur+1)-1e-9 {
			flush(cur)
			cur++
		}
	}
	for ; cur < h; cur++ {
		flush(cur)
	}
	return dst
}

// rowReader returns a function that reads source row y (from the top of
// img's bounds) into row as premultiplied RGBA on a 0–65535 scale, with a
// fast path for the decoders' own image types and RGBA64At, which does not
// allocate, for the rest.
func rowReader(img image.Image) func(y int, row []float32) {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.RGBA:
		return func(y int, row []float32) {
			o := m.PixOffset(b.Min.X, b.Min.Y+y)
			for i := range row {
				row[i] = float32(m.Pix[o+i]) * 257
			}
		}
	case image.RGBA64Image:
		return func(y int, row []float32) {
			for x := 0; x < b.Dx(); x++ {
				c := m.RGBA64At(b.Min.X+x, b.Min.Y+y)
				row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = float32(c.R), float32(c.G), float32(c.B), float32(c.A)
			}
		}
	default:
		return func(y int, row []float32) {
			for x := 0; x < b.Dx(); x++ {
				r, g, bl, a := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
				row[4*x], row[4*x+1], row[4*x+2], row[4*x+3] = float32(r), float32(g), float32(bl), float32(a)
			}
		}
	}
}

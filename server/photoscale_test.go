package server

import (
	"image"
	"image/color"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAreaScale(t *testing.T) {
	t.Run("a flat colour stays that colour", func(t *testing.T) {
		src := image.NewRGBA(image.Rect(0, 0, 301, 199))
		for i := 0; i < len(src.Pix); i += 4 {
			copy(src.Pix[i:], []byte{200, 100, 50, 255})
		}
		dst := areaScale(src, 97, 64)
		require.Equal(t, image.Rect(0, 0, 97, 64), dst.Bounds())
		for i := 0; i < len(dst.Pix); i += 4 {
			require.Equal(t, []byte{200, 100, 50, 255}, dst.Pix[i:i+4], "pixel %d", i/4)
		}
	})
	t.Run("a fine checkerboard halves to its mean", func(t *testing.T) {
		src := image.NewGray(image.Rect(0, 0, 64, 64))
		for y := 0; y < 64; y++ {
			for x := 0; x < 64; x++ {
				if (x+y)%2 == 0 {
					src.SetGray(x, y, color.Gray{255})
				}
			}
		}
		dst := areaScale(src, 32, 32)
		for i := 0; i < len(dst.Pix); i += 4 {
			assert.InDelta(t, 128, int(dst.Pix[i]), 1, "no aliasing: every pixel is the mean")
		}
	})
	t.Run("a thin dark scratch stays visible", func(t *testing.T) {
		src := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
		for i := range src.Pix {
			src.Pix[i] = 255
		}
		for y := 0; y < 3000; y++ { // one pixel wide, at x = 2001
			copy(src.Pix[src.PixOffset(2001, y):], []byte{0, 0, 0, 255})
		}
		dst := areaScale(src, 2048, 1536)
		darkest := 255
		for x := 0; x < 2048; x++ {
			darkest = min(darkest, int(dst.Pix[dst.PixOffset(x, 700)]))
		}
		assert.Less(t, darkest, 160, "the scratch darkens the column it falls in")
	})
	t.Run("edges keep their place", func(t *testing.T) {
		// Left half black, right half white: the result's left half is
		// black and its right half white, with at most one grey column.
		src := image.NewRGBA(image.Rect(0, 0, 300, 10))
		for y := 0; y < 10; y++ {
			for x := 0; x < 300; x++ {
				v := uint8(0)
				if x >= 150 {
					v = 255
				}
				copy(src.Pix[src.PixOffset(x, y):], []byte{v, v, v, 255})
			}
		}
		dst := areaScale(src, 100, 5)
		assert.Equal(t, uint8(0), dst.Pix[dst.PixOffset(49, 2)])
		assert.Equal(t, uint8(255), dst.Pix[dst.PixOffset(50, 2)])
	})
	t.Run("a photo decoded as YCbCr scales without copying it", func(t *testing.T) {
		src := image.NewYCbCr(image.Rect(0, 0, 400, 300), image.YCbCrSubsampleRatio420)
		for i := range src.Y {
			src.Y[i] = 128
		}
		for i := range src.Cb {
			src.Cb[i], src.Cr[i] = 128, 128
		}
		allocs := testing.AllocsPerRun(3, func() { areaScale(src, 200, 150) })
		assert.Less(t, allocs, 20.0, "a few buffers, not one allocation per pixel or per column")
		dst := areaScale(src, 200, 150)
		assert.InDelta(t, 128, int(dst.Pix[0]), 2)
	})
}

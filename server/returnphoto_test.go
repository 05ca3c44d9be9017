package server

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corners is a 3×2 image whose four corners have distinct colours, to see
// where each corner ends up.
func corners() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	img.Set(0, 0, color.RGBA{255, 0, 0, 255})   // top left: red
	img.Set(2, 0, color.RGBA{0, 255, 0, 255})   // top right: green
	img.Set(0, 1, color.RGBA{0, 0, 255, 255})   // bottom left: blue
	img.Set(2, 1, color.RGBA{255, 255, 0, 255}) // bottom right: yellow
	return img
}

func TestOrientTurnsPhotosUpright(t *testing.T) {
	red, green, blue, yellow := color.RGBA{255, 0, 0, 255}, color.RGBA{0, 255, 0, 255}, color.RGBA{0, 0, 255, 255}, color.RGBA{255, 255, 0, 255}
	for _, tc := range []struct {
		name        string
		o           int
		w, h        int
		topLeft     color.RGBA
		topRight    color.RGBA
		bottomLeft  color.RGBA
		bottomRight color.RGBA
	}{
		{"1 upright", 1, 3, 2, red, green, blue, yellow},
		{"2 mirrored", 2, 3, 2, green, red, yellow, blue},
		{"3 upside down", 3, 3, 2, yellow, blue, green, red},
		{"4 mirrored upside down", 4, 3, 2, blue, yellow, red, green},
		{"5 transposed", 5, 2, 3, red, blue, green, yellow},
		{"6 a quarter turn right", 6, 2, 3, blue, red, yellow, green},
		{"7 transverse", 7, 2, 3, yellow, green, blue, red},
		{"8 a quarter turn left", 8, 2, 3, green, yellow, red, blue},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := orient(corners(), tc.o)
			b := got.Bounds()
			require.Equal(t, [2]int{tc.w, tc.h}, [2]int{b.Dx(), b.Dy()})
			at := func(x, y int) color.RGBA { return color.RGBAModel.Convert(got.At(x, y)).(color.RGBA) }
			assert.Equal(t, tc.topLeft, at(0, 0), "top left")
			assert.Equal(t, tc.topRight, at(tc.w-1, 0), "top right")
			assert.Equal(t, tc.bottomLeft, at(0, tc.h-1), "bottom left")
			assert.Equal(t, tc.bottomRight, at(tc.w-1, tc.h-1), "bottom right")
		})
	}
}

func TestSniffPhoto(t *testing.T) {
	for _, tc := range []struct {
		name, head, want string
	}{
		{"jpeg", "\xff\xd8\xff\xe0\x00\x10JFIF", typeJPEG},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\x0d", typePNG},
		{"webp", "RIFF\x1a\x00\x00\x00WEBPVP8L", typeWebP},
		{"gif", "GIF89a\x01\x00\x01\x00", ""},
		{"riff that is not webp", "RIFF\x1a\x00\x00\x00WAVEfmt ", ""},
		{"too short", "\xff\xd8", ""},
		{"html", "<!doctype html>", ""},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, sniffPhoto([]byte(tc.head))) })
	}
}

func TestPhotoClaimingTooManyPixelsIsRefusedBeforeDecoding(t *testing.T) {
	// A tiny PNG whose header claims 20000×20000 pixels: refused from the
	// header, before any pixel is allocated.
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := []byte{'I', 'H', 'D', 'R', 0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 8, 2, 0, 0, 0}
	binary.Write(&b, binary.BigEndian, uint32(len(chunk)-4))
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	_, err := processPhoto(b.Bytes(), typePNG)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "too many pixels")
}

// BenchmarkProcessPhoto measures what one upload costs the server: a
// 12-megapixel phone photo decoded, scaled to 2048 px and encoded again.
func BenchmarkProcessPhoto(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	for y := 0; y < 3000; y++ {
		for x := 0; x < 4000; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x + y), 255})
		}
	}
	var src bytes.Buffer
	if err := jpeg.Encode(&src, img, &jpeg.Options{Quality: 90}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(src.Len()))
	b.ResetTimer()
	for b.Loop() {
		if _, err := processPhoto(src.Bytes(), typeJPEG); err != nil {
			b.Fatal(err)
		}
	}
}

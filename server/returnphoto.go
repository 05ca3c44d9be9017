package server

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strconv"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/webp"

	"vitrine/showroom/catalog"
)

// Photos customers upload for damaged or defective items are never kept as
// sent. The server decodes each one and encodes it again, which drops every
// byte of metadata the phone added (EXIF with the camera, the time and the
// GPS position where the photo was taken; XMP; comments), scales it down to
// what staff need to judge damage, and turns the camera's orientation tag
// into real rotated pixels so the photo stays upright without it.

// Photo limits.
const (
	// maxPhotoSide is the longest side a stored photo keeps.
	maxPhotoSide = 2048
	// maxPhotoPixels bounds the pixels decoded, checked from the header
	// before decoding: a small file can claim a huge image and make the
	// decoder allocate gigabytes ("decompression bomb"). 50 megapixels
	// covers the largest phone cameras.
	maxPhotoPixels = 50_000_000
	// photoQuality is the JPEG quality of stored photos: damage stays
	// visible, the file stays a few hundred kilobytes.
	photoQuality = 85
)

// photoWork bounds how many photos are decoded at once: a decoded
// 50-megapixel photo alone takes 75 MB (200 MB as RGBA), and a few
// customers uploading at the same moment must not exhaust the server.
var photoWork = make(chan struct{}, 2)

// Content types of photos.
const (
	typeJPEG = "image/jpeg"
	typePNG  = "image/png"
	typeWebP = "image/webp"
)

// sniffPhoto returns the type of the image whose first bytes are head, from
// its magic number, or "" if it is not a JPEG, PNG or WebP. The name and the
// Content-Type a browser sends are not trusted: they are whatever the file
// was called.
func sniffPhoto(head []byte) string {
	switch {
	case len(head) >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF:
		return typeJPEG
	case len(head) >= 8 && bytes.Equal(head[:8], []byte("\x89PNG\r\n\x1a\n")):
		return typePNG
	case len(head) >= 12 && string(head[:4]) == "RIFF" && string(head[8:12]) == "WEBP":
		return typeWebP
	}
	return ""
}

func errPhotoCorrupt() error {
	return &catalog.Error{Code: catalog.EINVALID, Field: "photo", Key: "returns.err.photo_corrupt",
		Message: "This photo could not be read. Take it again or choose another one."}
}

// processedPhoto is a photo ready to store.
type processedPhoto struct {
	data          []byte
	contentType   string
	width, height int
}

// processPhoto decodes data, an image of type kind (from sniffPhoto), and
// encodes it again without metadata, upright and at most maxPhotoSide
// pixels on its longest side. PNGs stay PNG (screenshots, transparency);
// JPEGs and WebPs become JPEG (Go encodes no WebP). A file that does not
// decode is EINVALID with the key returns.err.photo_corrupt, and one too
// large in pixels returns.err.photo_dimensions.
func processPhoto(data []byte, kind string) (*processedPhoto, error) {
	var decodeConfig func([]byte) (image.Config, error)
	var decode func([]byte) (image.Image, error)
	switch kind {
	case typeJPEG:
		decodeConfig = func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) }
	case typePNG:
		decodeConfig = func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }
	case typeWebP:
		decodeConfig = func(b []byte) (image.Config, error) { return webp.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return webp.Decode(bytes.NewReader(b)) }
	default:
		return nil, errPhotoType()
	}
	cfg, err := decodeConfig(data)
	if err != nil || cfg.Width < 1 || cfg.Height < 1 {
		return nil, errPhotoCorrupt()
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxPhotoPixels {
		return nil, &catalog.Error{Code: catalog.EINVALID, Field: "photo", Key: "returns.err.photo_dimensions",
			Message: "This photo has too many pixels. Choose a smaller one.",
			Params:  map[string]string{"max": strconv.Itoa(maxPhotoPixels / 1_000_000)}}
	}

	photoWork <- struct{}{}
	defer func() { <-photoWork }()
	img, err := decode(data)
	if err != nil {
		return nil, errPhotoCorrupt()
	}
	orientation := 1
	if kind == typeJPEG {
		orientation = jpegOrientation(data)
	}
	img = scaleDown(img, maxPhotoSide)
	img = orient(img, orientation)

	var out bytes.Buffer
	contentType := typeJPEG
	if kind == typePNG {
		contentType = typePNG
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&out, img)
	} else {
		err = jpeg.Encode(&out, onWhite(img), &jpeg.Options{Quality: photoQuality})
	}
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	return &processedPhoto{data: out.Bytes(), contentType: contentType, width: b.Dx(), height: b.Dy()}, nil
}

// scaleDown returns img scaled so its longest side is at most side, or img
// itself when it is small enough. Area averaging (areaScale) keeps a
// scratch or a crack visible where a nearest or approximate bilinear
// scaler would skip or alias it, in little memory.
func scaleDown(img image.Image, side int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= side && h <= side {
		return img
	}
	if w >= h {
		w, h = side, max(1, h*side/w)
	} else {
		w, h = max(1, w*side/h), side
	}
	return areaScale(img, w, h)
}

// onWhite returns img over a white background when it has transparency,
// since JPEG has none (a transparent WebP would otherwise turn black).
func onWhite(img image.Image) image.Image {
	if o, ok := img.(interface{ Opaque() bool }); ok && o.Opaque() {
		return img
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	xdraw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, xdraw.Src)
	xdraw.Draw(dst, dst.Bounds(), img, b.Min, xdraw.Over)
	return dst
}

// orient returns img turned upright according to the EXIF orientation o
// (1 to 8; 1 is already upright). Re-encoding drops the tag, so the pixels
// themselves must be turned, or a phone photo taken upright would be stored
// on its side.
func orient(img image.Image, o int) image.Image {
	if o < 2 || o > 8 {
		return img
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	src := image.NewRGBA(image.Rect(0, 0, w, h))
	xdraw.Draw(src, src.Bounds(), img, b.Min, xdraw.Src)
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < dh; y++ {
		for x := 0; x < dw; x++ {
			var sx, sy int
			switch o {
			case 2: // mirrored
				sx, sy = w-1-x, y
			case 3: // upside down
				sx, sy = w-1-x, h-1-y
			case 4: // mirrored upside down
				sx, sy = x, h-1-y
			case 5: // mirrored, turned a quarter left
				sx, sy = y, x
			case 6: // turned a quarter left: turn right to fix
				sx, sy = y, h-1-x
			case 7: // mirrored, turned a quarter right
				sx, sy = w-1-y, h-1-x
			case 8: // turned a quarter right: turn left to fix
				sx, sy = w-1-y, x
			}
			si, di := src.PixOffset(sx, sy), dst.PixOffset(x, y)
			copy(dst.Pix[di:di+4], src.Pix[si:si+4])
		}
	}
	return dst
}

// jpegOrientation reads the EXIF orientation (tag 0x0112 of IFD0) from a
// JPEG's APP1 segment; 1 when there is none or it cannot be read.
func jpegOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 1
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return 1
		}
		marker := data[i+1]
		if marker == 0xDA || marker == 0xD9 { // image data or end: no EXIF before it
			return 1
		}
		size := int(binary.BigEndian.Uint16(data[i+2:]))
		if size < 2 || i+2+size > len(data) {
			return 1
		}
		seg := data[i+4 : i+2+size]
		if marker == 0xE1 && len(seg) > 14 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		i += 2 + size
	}
	return 1
}

// tiffOrientation reads the orientation tag from the TIFF structure inside
// an EXIF segment.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	off := int(bo.Uint32(t[4:]))
	if off < 8 || off+2 > len(t) {
		return 1
	}
	n := int(bo.Uint16(t[off:]))
	for k := range n {
		e := off + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if bo.Uint16(t[e:]) == 0x0112 && bo.Uint16(t[e+2:]) == 3 { // SHORT
			if o := int(bo.Uint16(t[e+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
	}
	return 1
}

func errPhotoType() error {
	return &catalog.Error{Code: catalog.EINVALID, Field: "photo", Key: "returns.err.photo_type",
		Message: "Photos must be JPEG, PNG or WebP images."}
}

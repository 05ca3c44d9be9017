package server

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	qrcode "github.com/skip2/go-qrcode"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The QR code and the label a customer shows or sticks on the parcel. The
// QR code holds the request's number only: the drop-off point scans it to
// book the parcel in, and the number is all our warehouse needs to find the
// request. It never holds the customer's name or address.

// qrPNG returns the QR code of content as a PNG of size×size pixels.
func qrPNG(content string, size int) ([]byte, error) {
	return qrcode.Encode(content, qrcode.Medium, size)
}

// label is what the printable label shows.
type label struct {
	// Title heads the label ("VITRINE · RETURN"); Order names the order
	// ("Order VT-1001"), both in the customer's language.
	Title, Order string
	Number       string
	// Lines of text under the title, already in the customer's language:
	// the deadline, how it travels, what is inside.
	Notes []string
	// From is the sender (the customer), To the store's returns address.
	From, To []string
	// FromTitle and ToTitle head the two address blocks.
	FromTitle, ToTitle string
}

// Label size: 4 × 6 inches at 200 dpi, the size of a courier's label.
const (
	labelWidth  = 800
	labelHeight = 1200
	labelMargin = 40
)

var (
	labelFontsOnce sync.Once
	labelRegular   *opentype.Font
	labelBold      *opentype.Font
	labelFontsErr  error
	labelFaces     = map[string]font.Face{}
	labelFacesMu   sync.Mutex
)

func labelFonts() error {
	labelFontsOnce.Do(func() {
		if labelRegular, labelFontsErr = opentype.Parse(goregular.TTF); labelFontsErr != nil {
			return
		}
		labelBold, labelFontsErr = opentype.Parse(gobold.TTF)
	})
	return labelFontsErr
}

// labelFace returns a face of the Go font (regular or bold) at size points.
// Faces are cached; font.Face is not safe for concurrent use, so callers
// hold labelFacesMu while drawing.
func labelFace(bold bool, size float64) (font.Face, error) {
	key := fmt.Sprintf("%v/%v", bold, size)
	if f, ok := labelFaces[key]; ok {
		return f, nil
	}
	f := labelRegular
	if bold {
		f = labelBold
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	labelFaces[key] = face
	return face, nil
}

// drawable returns s with the characters the Go font cannot draw left out
// (it covers Latin, Greek and Cyrillic, not Chinese), and whether enough is
// left to print: a line mostly of Chinese is dropped rather than printed as
// a few stray digits. The number and the QR code identify the parcel anyway.
func drawable(face font.Face, s string) (string, bool) {
	var b strings.Builder
	total, kept := 0, 0
	for _, r := range s {
		if r == ' ' {
			b.WriteRune(r)
			continue
		}
		total++
		if _, ok := face.GlyphAdvance(r); ok && r >= 0x20 {
			b.WriteRune(r)
			kept++
		}
	}
	return strings.Join(strings.Fields(b.String()), " "), kept > 0 && kept*2 >= total
}

// labelPNG draws l as a PNG: the title and number, the QR code, the notes,
// and the two addresses.
func labelPNG(l label) ([]byte, error) {
	if err := labelFonts(); err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, labelWidth, labelHeight))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	// A frame to cut along.
	black := image.NewUniform(color.Black)
	for _, r := range []image.Rectangle{
		image.Rect(10, 10, labelWidth-10, 14), image.Rect(10, labelHeight-14, labelWidth-10, labelHeight-10),
		image.Rect(10, 10, 14, labelHeight-10), image.Rect(labelWidth-14, 10, labelWidth-10, labelHeight-10),
	} {
		draw.Draw(img, r, black, image.Point{}, draw.Src)
	}

	labelFacesMu.Lock()
	defer labelFacesMu.Unlock()
	y := labelMargin + 10
	text := func(s string, bold bool, size float64) error {
		face, err := labelFace(bold, size)
		if err != nil {
			return err
		}
		s, ok := drawable(face, s)
		if !ok || s == "" {
			return nil
		}
		m := face.Metrics()
		y += m.Ascent.Ceil()
		d := &font.Drawer{Dst: img, Src: black, Face: face, Dot: fixed.P(labelMargin, y)}
		// Lines longer than the label are cut rather than run off it.
		for d.MeasureString(s) > fixed.I(labelWidth-2*labelMargin) && len(s) > 1 {
			s = strings.TrimRight(s[:len(s)-1], " ")
		}
		d.DrawString(s)
		y += m.Descent.Ceil() + 6
		return nil
	}

	if err := text(l.Title, true, 28); err != nil {
		return nil, err
	}
	if err := text(l.Number, true, 64); err != nil {
		return nil, err
	}
	if err := text(l.Order, false, 24); err != nil {
		return nil, err
	}

	qr, err := qrcode.New(l.Number, qrcode.Medium)
	if err != nil {
		return nil, err
	}
	qr.DisableBorder = false
	const qrSize = 420
	qrImg := qr.Image(qrSize)
	qrAt := image.Pt((labelWidth-qrSize)/2, y+10)
	draw.Draw(img, image.Rectangle{Min: qrAt, Max: qrAt.Add(image.Pt(qrSize, qrSize))}, qrImg, image.Point{}, draw.Src)
	y = qrAt.Y + qrSize + 10

	for _, n := range l.Notes {
		if err := text(n, false, 24); err != nil {
			return nil, err
		}
	}
	y += 16
	if err := text(l.ToTitle, true, 22); err != nil {
		return nil, err
	}
	for _, a := range l.To {
		if err := text(a, true, 30); err != nil {
			return nil, err
		}
	}
	y += 16
	if err := text(l.FromTitle, true, 22); err != nil {
		return nil, err
	}
	for _, a := range l.From {
		if err := text(a, false, 24); err != nil {
			return nil, err
		}
	}

	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

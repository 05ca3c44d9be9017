package scene

import (
	"strconv"

	"github.com/g3n/engine/math32"
)

// Part is one piece of a product's model: shapes in one material, drawn as
// one mesh. Parts are named by Key; between two models of the same
// product, a part keeps its mesh when its shapes are the same, and only its
// Position, Scale and material's colour are updated.
type Part struct {
	Key      string
	Material string
	Shapes   []Shape
	// Position moves the part and Scale stretches it about its origin
	// (a zero Scale means 1 on every axis).
	Position math32.Vector3
	Scale    math32.Vector3
}

// Material is a PBR-like surface: a base colour, how metallic and how
// rough it is, and an optional emitted colour for lamps.
type Material struct {
	Name      string
	Color     string // "#rrggbb"
	Metalness float32
	Roughness float32
	Emissive  string // "#rrggbb", or "" for none
}

// Model is what a preview shows: its parts and the materials they use.
type Model struct {
	Parts     []Part
	Materials []Material
}

// Part returns the part with key, or nil.
func (m Model) Part(key string) *Part {
	for i := range m.Parts {
		if m.Parts[i].Key == key {
			return &m.Parts[i]
		}
	}
	return nil
}

// Material returns the material named name, or nil.
func (m Model) Material(name string) *Material {
	for i := range m.Materials {
		if m.Materials[i].Name == name {
			return &m.Materials[i]
		}
	}
	return nil
}

// ScaleOrOne returns p's scale with zeros read as 1.
func (p *Part) ScaleOrOne() math32.Vector3 {
	s := p.Scale
	if s.X == 0 {
		s.X = 1
	}
	if s.Y == 0 {
		s.Y = 1
	}
	if s.Z == 0 {
		s.Z = 1
	}
	return s
}

// Bounds returns the box p fills once moved and scaled.
func (p *Part) Bounds() math32.Box3 {
	b := Bounds(p.Shapes)
	s := p.ScaleOrOne()
	b.Min, b.Max = add(mul(b.Min, s), p.Position), add(mul(b.Max, s), p.Position)
	return b
}

// Bounds returns the box the model's parts fill, leaving out the parts
// named in except (the floor, which should not count when framing the
// camera).
func (m Model) Bounds(except ...string) math32.Box3 {
	b := math32.Box3{Min: v(math32.Inf(1), math32.Inf(1), math32.Inf(1)), Max: v(math32.Inf(-1), math32.Inf(-1), math32.Inf(-1))}
outer:
	for i := range m.Parts {
		for _, e := range except {
			if m.Parts[i].Key == e {
				continue outer
			}
		}
		pb := m.Parts[i].Bounds()
		b.Union(&pb)
	}
	return b
}

// ParseColor reads "#rrggbb" into components from 0 to 1; ok is false for
// anything else.
func ParseColor(s string) (r, g, b float32, ok bool) {
	if len(s) != 7 || s[0] != '#' {
		return 0, 0, 0, false
	}
	n, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return float32(n>>16&0xff) / 255, float32(n>>8&0xff) / 255, float32(n&0xff) / 255, true
}

// LinearColor is ParseColor converted from sRGB, in which colours are
// written, to the linear light the renderer computes in (g3n's PBR shader
// turns its result back to sRGB); without it every colour looks washed out.
func LinearColor(s string) (r, g, b float32, ok bool) {
	r, g, b, ok = ParseColor(s)
	lin := func(c float32) float32 {
		if c <= 0.04045 {
			return c / 12.92
		}
		return math32.Pow((c+0.055)/1.055, 2.4)
	}
	return lin(r), lin(g), lin(b), ok
}

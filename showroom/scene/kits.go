package scene

import (
	"github.com/g3n/engine/math32"

	"vitrine/showroom/catalog"
)

// FloorPart is the key of the floor every model stands on.
const FloorPart = "floor"

// ConfiguredModel builds the model of a configurable product from the
// model hints of a configuration (catalog.Configurator.Models): node names
// say which parts are there, Scale and Repeat size them, and Material with
// Color recolour them. It reads the node and material names of the demo's
// configurators (server/demo/configurators.go); a product without a kit of
// its own gets a neutral placeholder in its first colour, so a new
// configurable product still shows something.
func ConfiguredModel(product string, hints []catalog.ConfigModel) Model {
	h := newHintSet(hints)
	var m Model
	switch product {
	case "modular-sofa":
		m = sofaModel(h)
	case "standing-desk":
		m = deskModel(h)
	case "city-bike":
		m = bikeModel(h)
	default:
		m = placeholderModel(h)
	}
	return withFloor(m)
}

// hintSet indexes the hints by node and by material.
type hintSet struct {
	nodes  map[string]catalog.ConfigModel
	colors map[string]string
	// first is the first colour hinted, for the placeholder.
	first string
}

func newHintSet(hints []catalog.ConfigModel) hintSet {
	h := hintSet{nodes: map[string]catalog.ConfigModel{}, colors: map[string]string{}}
	for _, m := range hints {
		for _, n := range m.Nodes {
			h.nodes[n] = m
		}
		if m.Material != "" && m.Color != "" {
			h.colors[m.Material] = m.Color
			if h.first == "" {
				h.first = m.Color
			}
		}
	}
	return h
}

func (h hintSet) has(node string) bool { _, ok := h.nodes[node]; return ok }

// scale returns the node's scale hint, 1 if it has none.
func (h hintSet) scale(node string) float32 {
	if s := h.nodes[node].Scale; s > 0 {
		return float32(s)
	}
	return 1
}

// repeat returns the node's repeat hint, def if it has none.
func (h hintSet) repeat(node string, def int) int {
	if r := h.nodes[node].Repeat; r > 0 {
		return r
	}
	return def
}

// color returns the colour hinted for material, def if none is.
func (h hintSet) color(material, def string) string {
	if _, _, _, ok := ParseColor(h.colors[material]); ok {
		return h.colors[material]
	}
	return def
}

// Metals are kept mildly metallic: without an environment to reflect, a
// PBR metal shows almost black.

// withFloor adds a round floor under m, wide enough for its footprint.
func withFloor(m Model) Model {
	p, mat := floorFor(m.Bounds())
	m.Parts = append(m.Parts, p)
	m.Materials = append(m.Materials, mat)
	return m
}

// floorFor returns a round floor, and its material, wide enough for the
// footprint of b (a model standing on y = 0 around the origin).
func floorFor(b math32.Box3) (Part, Material) {
	r := float32(1.2)
	if !b.Empty() {
		r = max(math32.Abs(b.Min.X), math32.Abs(b.Max.X), math32.Abs(b.Min.Z), math32.Abs(b.Max.Z)) + 0.45
	}
	return Part{Key: FloorPart, Material: FloorPart,
			Shapes: []Shape{{Kind: ShapeCylinder, A: v(0, -0.02, 0), B: v(0, 0, 0), Radius: 1, Segments: 64}}, Scale: v(r, 1, r)},
		Material{Name: FloorPart, Color: "#e4ddd2", Roughness: 1}
}

// sofaModel: seat modules side by side (the "seat-module" node repeated),
// slim, rounded or no arms, an optional chaise on either end, and oak,
// walnut or black metal legs; the "fabric" and "legs" colours.
func sofaModel(h hintSet) Model {
	const modW, depth = 0.8, 0.95
	n := max(h.repeat("seat-module", 3), 1)
	w := float32(n) * modW
	armW := float32(0)
	switch {
	case h.has("arm-slim"):
		armW = 0.14
	case h.has("arm-rounded"):
		armW = 0.22
	}
	var seats []Shape
	for i := range n {
		x := -w/2 + float32(i)*modW + modW/2
		seats = append(seats,
			Box(v(x, 0.2, 0), v(modW-0.01, 0.2, depth)),
			Box(v(x, 0.37, 0.07), v(modW-0.03, 0.14, 0.76)),
			Box(v(x, 0.56, -0.4), v(modW-0.01, 0.52, 0.15)),
			Box(v(x, 0.62, -0.24), v(modW-0.05, 0.36, 0.17)),
		)
	}
	m := Model{Parts: []Part{{Key: "seats", Material: "fabric", Shapes: seats}}}
	chaiseX := float32(0)
	if left, right := h.has("chaise-left"), h.has("chaise-right"); left || right {
		chaiseX = -w/2 + modW/2
		if right {
			chaiseX = -chaiseX
		}
		m.Parts = append(m.Parts, Part{Key: "chaise", Material: "fabric", Shapes: []Shape{
			Box(v(chaiseX, 0.2, depth/2+0.35), v(modW-0.01, 0.2, 0.7)),
			Box(v(chaiseX, 0.37, depth/2+0.32), v(modW-0.03, 0.14, 0.74)),
		}})
	}
	if armW > 0 {
		var arms []Shape
		for _, side := range []float32{-1, 1} {
			x := side * (w/2 + armW/2)
			if h.has("arm-rounded") {
				arms = append(arms, Box(v(x, 0.3, 0), v(armW, 0.4, depth)),
					Cylinder(v(x, 0.5, -depth/2), v(x, 0.5, depth/2), armW/2, 0))
			} else {
				arms = append(arms, Box(v(x, 0.36, 0), v(armW, 0.52, depth)))
			}
		}
		m.Parts = append(m.Parts, Part{Key: "arms", Material: "fabric", Shapes: arms})
	}
	metal := h.has("legs-metal")
	type spot struct{ x, z float32 }
	edge := w/2 + armW - 0.07
	spots := []spot{{-edge, -depth/2 + 0.08}, {edge, -depth/2 + 0.08}, {-edge, depth/2 - 0.08}, {edge, depth/2 - 0.08}}
	if n >= 3 {
		spots = append(spots, spot{0, -depth/2 + 0.08}, spot{0, depth/2 - 0.08})
	}
	if chaiseX != 0 {
		spots = append(spots, spot{chaiseX - modW/2 + 0.07, depth/2 + 0.62}, spot{chaiseX + modW/2 - 0.07, depth/2 + 0.62})
	}
	var legs []Shape
	for _, s := range spots {
		if metal {
			legs = append(legs, Box(v(s.x, 0.05, s.z), v(0.025, 0.1, 0.025)))
		} else {
			legs = append(legs, Cylinder(v(s.x, 0.1, s.z), v(s.x, 0, s.z), 0.025, 0.016))
		}
	}
	m.Parts = append(m.Parts, Part{Key: "legs", Material: "legs", Shapes: legs})
	legMat := Material{Name: "legs", Color: h.color("legs", "#c49a6c"), Roughness: 0.6}
	if metal {
		legMat.Metalness, legMat.Roughness = 0.5, 0.35
	}
	m.Materials = []Material{{Name: "fabric", Color: h.color("fabric", "#d8c8a8"), Roughness: 0.95}, legMat}
	return m
}

// deskModel: a top as wide as the "top" node's scale says (modelled at
// 140 cm), a two-legged frame under it, and the optional drawer unit,
// cable tray and monitor arm; the "top" and "frame" colours.
func deskModel(h hintSet) Model {
	const depth, topY = 0.75, 0.7325
	w := 1.4 * h.scale("top")
	legX := w/2 - 0.14
	var frame []Shape
	for _, side := range []float32{-1, 1} {
		x := side * legX
		frame = append(frame,
			Box(v(x, 0.02, 0), v(0.07, 0.04, 0.68)),
			Box(v(x, 0.36, 0), v(0.075, 0.64, 0.055)),
			Box(v(x, 0.705, 0), v(0.06, 0.03, 0.62)),
		)
	}
	frame = append(frame, Box(v(0, 0.7, 0), v(2*legX, 0.035, 0.05)))
	m := Model{Parts: []Part{
		{Key: "top", Material: "top", Shapes: []Shape{Box(v(0, topY, 0), v(1.4, 0.025, depth))}, Scale: v(w/1.4, 1, 1)},
		{Key: "frame", Material: "frame", Shapes: frame},
	}}
	if h.has("drawer-unit") {
		m.Parts = append(m.Parts, Part{Key: "drawer-unit", Material: "drawer", Position: v(w/2-0.36, 0, 0), Shapes: []Shape{
			Box(v(0, 0.585, 0), v(0.42, 0.25, 0.55)),
			Box(v(0, 0.647, 0.28), v(0.4, 0.108, 0.014)),
			Box(v(0, 0.527, 0.28), v(0.4, 0.108, 0.014)),
		}})
	}
	if h.has("cable-tray") {
		m.Parts = append(m.Parts, Part{Key: "cable-tray", Material: "tray", Scale: v(w*0.55, 1, 1), Shapes: []Shape{
			Box(v(0, 0.655, -0.25), v(1, 0.05, 0.12)),
		}})
	}
	if h.has("monitor-arm") {
		m.Parts = append(m.Parts, Part{Key: "monitor-arm", Material: "arm", Position: v(w/2-0.3, 0, 0), Shapes: []Shape{
			Box(v(0, 0.71, -0.35), v(0.06, 0.06, 0.08)),
			Cylinder(v(0, 0.745, -0.34), v(0, 1.15, -0.34), 0.02, 0),
			Cylinder(v(0, 1.1, -0.34), v(-0.25, 1.1, -0.18), 0.016, 0),
			Cylinder(v(-0.25, 1.1, -0.18), v(-0.4, 1.12, -0.05), 0.014, 0),
			Box(v(-0.4, 1.12, -0.03), v(0.12, 0.12, 0.015)),
		}})
	}
	m.Materials = []Material{
		{Name: "top", Color: h.color("top", "#c8a27a"), Roughness: 0.55},
		{Name: "frame", Color: h.color("frame", "#1d1d1f"), Metalness: 0.25, Roughness: 0.45},
		{Name: "drawer", Color: "#dedcd6", Roughness: 0.5},
		{Name: "tray", Color: "#2c2c2e", Metalness: 0.3, Roughness: 0.5},
		{Name: "arm", Color: "#3a3b3e", Metalness: 0.3, Roughness: 0.4},
	}
	return m
}

// bikeModel: a city bike whose frame grows with the "bike-frame" scale,
// 26- or 28-inch wheels, three handlebars, two saddle shapes, and optional
// lights and racks; the "bike-frame" colour. Parts are modelled with the
// axles at height 0 and all lifted by the wheel radius, so changing the
// wheels rebuilds only the wheels and racks.
func bikeModel(h hintSet) Model {
	r := float32(0.355)
	if h.has("wheels-26") {
		r = 0.335
	}
	s := h.scale("bike-frame")
	ra, fa := v(-0.45, 0, 0), v(0.62, 0, 0)
	bb := v(0, -0.04, 0)
	seat := v(-0.16*s, -0.04+0.5*s, 0)
	headTop := v(0.44, -0.04+0.46*s, 0)
	headBottom := add(headTop, v(0.05, -0.17*s, 0))
	z := func(p math32.Vector3, dz float32) math32.Vector3 { return v(p.X, p.Y, p.Z+dz) }
	frame := []Shape{
		Cylinder(bb, headBottom, 0.022, 0),
		Cylinder(bb, seat, 0.018, 0),
		Cylinder(add(seat, v(0.01, -0.04, 0)), headTop, 0.017, 0),
		Cylinder(headBottom, headTop, 0.023, 0),
		Cylinder(z(bb, -0.045), z(bb, 0.045), 0.026, 0),
		Box(add(headBottom, v(0, -0.01, 0)), v(0.05, 0.03, 0.12)),
	}
	for _, dz := range []float32{-0.05, 0.05} {
		frame = append(frame,
			Cylinder(z(bb, dz*0.6), z(ra, dz), 0.011, 0),
			Cylinder(z(seat, dz*0.3), z(ra, dz), 0.01, 0),
			Cylinder(z(headBottom, dz), z(fa, dz), 0.014, 0.01),
		)
	}
	var tyres, metal []Shape
	const spokes = 16
	for _, c := range []math32.Vector3{ra, fa} {
		tyres = append(tyres, Torus(c, v(0, 0, 1), r-0.022, 0.022))
		metal = append(metal, Torus(c, v(0, 0, 1), r-0.05, 0.011), Cylinder(z(c, -0.05), z(c, 0.05), 0.02, 0))
		for k := range spokes {
			a := float32(k) / spokes * 2 * math32.Pi
			side := float32(0.03)
			if k%2 == 1 {
				side = -0.03
			}
			metal = append(metal, Cylinder(z(c, side), add(c, v((r-0.055)*math32.Cos(a), (r-0.055)*math32.Sin(a), 0)), 0.0025, 0))
		}
	}
	metal = append(metal,
		Torus(z(bb, 0.06), v(0, 0, 1), 0.09, 0.007),
		Cylinder(z(bb, 0.07), add(z(bb, 0.07), v(0.07, -0.15, 0)), 0.011, 0),
		Cylinder(z(bb, -0.07), add(z(bb, -0.07), v(-0.07, 0.15, 0)), 0.011, 0),
		Box(add(z(bb, 0.11), v(0.07, -0.15, 0)), v(0.09, 0.02, 0.07)),
		Box(add(z(bb, -0.11), v(-0.07, 0.15, 0)), v(0.09, 0.02, 0.07)),
		Cylinder(add(z(bb, 0.06), v(0, 0.09, 0)), add(z(ra, 0.06), v(0, 0.04, 0)), 0.005, 0),
		Cylinder(add(z(bb, 0.06), v(0, -0.09, 0)), add(z(ra, 0.06), v(0, -0.04, 0)), 0.005, 0),
	)
	lift := v(0.5*(ra.X+fa.X)*-1, r, 0)
	at := func(p math32.Vector3) math32.Vector3 { return add(lift, p) }
	saddle := []Shape{Cylinder(v(0, 0, 0), v(-0.02, 0.16, 0), 0.014, 0)}
	saddleColor := "#4a3426"
	if h.has("saddle-sport") {
		saddleColor = "#1b1b1b"
		saddle = append(saddle, Box(v(-0.04, 0.185, 0), v(0.2, 0.035, 0.12)), Box(v(0.09, 0.18, 0), v(0.12, 0.028, 0.05)))
	} else {
		saddle = append(saddle, Box(v(-0.04, 0.195, 0), v(0.22, 0.06, 0.2)),
			Cylinder(v(-0.15, 0.195, -0.1), v(-0.15, 0.195, 0.1), 0.03, 0), Box(v(0.1, 0.19, 0), v(0.1, 0.04, 0.08)))
	}
	bar := []Shape{Cylinder(v(0, 0, 0), v(0.04, 0.12, 0), 0.014, 0)}
	grip := func(a, b math32.Vector3) Shape { return Cylinder(a, b, 0.017, 0) }
	switch {
	case h.has("handlebar-flat"):
		bar = append(bar, Cylinder(v(0.04, 0.12, -0.3), v(0.04, 0.12, 0.3), 0.012, 0),
			grip(v(0.04, 0.12, -0.3), v(0.04, 0.12, -0.2)), grip(v(0.04, 0.12, 0.2), v(0.04, 0.12, 0.3)))
	case h.has("handlebar-riser"):
		bar = append(bar, Cylinder(v(0.04, 0.12, -0.12), v(0.04, 0.12, 0.12), 0.012, 0))
		for _, sd := range []float32{-1, 1} {
			bar = append(bar, Cylinder(v(0.04, 0.12, 0.12*sd), v(0.03, 0.18, 0.2*sd), 0.012, 0),
				Cylinder(v(0.03, 0.18, 0.2*sd), v(0.03, 0.18, 0.33*sd), 0.012, 0),
				grip(v(0.03, 0.18, 0.23*sd), v(0.03, 0.18, 0.33*sd)))
		}
	default: // swept back
		bar = append(bar, Cylinder(v(0.04, 0.12, -0.1), v(0.04, 0.12, 0.1), 0.012, 0))
		for _, sd := range []float32{-1, 1} {
			bar = append(bar, Cylinder(v(0.04, 0.12, 0.1*sd), v(-0.1, 0.14, 0.27*sd), 0.012, 0),
				grip(v(-0.1, 0.14, 0.27*sd), v(-0.22, 0.14, 0.3*sd)))
		}
	}
	m := Model{Parts: []Part{
		{Key: "frame", Material: "bike-frame", Shapes: frame, Position: lift},
		{Key: "tyres", Material: "rubber", Shapes: tyres, Position: lift},
		{Key: "metal", Material: "metal", Shapes: metal, Position: lift},
		{Key: "saddle", Material: "saddle", Shapes: saddle, Position: at(seat)},
		{Key: "handlebar", Material: "grip", Shapes: bar, Position: at(headTop)},
	}}
	if h.has("lights") {
		m.Parts = append(m.Parts, Part{Key: "lights", Material: "lamp", Position: lift, Shapes: []Shape{
			Cylinder(add(headBottom, v(0.03, 0.02, 0)), add(headBottom, v(0.1, 0.02, 0)), 0.028, 0.036),
			Box(add(ra, v(0.06, r-0.02, 0)), v(0.03, 0.05, 0.04)),
		}})
	}
	if h.has("rack-rear") {
		top := r + 0.04
		rack := []Shape{Box(v(-0.5, top, 0), v(0.42, 0.012, 0.13))}
		for _, dz := range []float32{-0.06, 0.06} {
			rack = append(rack, Cylinder(v(-0.45, 0, dz), v(-0.6, top, dz), 0.006, 0),
				Cylinder(v(-0.32, top, dz), add(seat, v(0.0, -0.05, dz)), 0.006, 0))
		}
		m.Parts = append(m.Parts, Part{Key: "rack-rear", Material: "rack", Shapes: rack, Position: lift})
	}
	if h.has("rack-front") {
		top := r + 0.07
		rack := []Shape{Box(v(0.68, top, 0), v(0.28, 0.012, 0.24))}
		for _, dz := range []float32{-0.05, 0.05} {
			rack = append(rack, Cylinder(v(0.62, 0, dz), v(0.7, top, dz), 0.006, 0),
				Cylinder(v(0.58, top, dz), add(headBottom, v(0.02, -0.04, dz)), 0.006, 0))
		}
		m.Parts = append(m.Parts, Part{Key: "rack-front", Material: "rack", Shapes: rack, Position: lift})
	}
	m.Materials = []Material{
		{Name: "bike-frame", Color: h.color("bike-frame", "#3b3d40"), Metalness: 0.2, Roughness: 0.35},
		{Name: "rubber", Color: "#1e1e1e", Roughness: 0.9},
		{Name: "metal", Color: "#c9cdd2", Metalness: 0.45, Roughness: 0.3},
		{Name: "saddle", Color: saddleColor, Roughness: 0.7},
		{Name: "grip", Color: "#232323", Roughness: 0.6},
		{Name: "lamp", Color: "#fff4c8", Roughness: 0.3, Emissive: "#ffe08a"},
		{Name: "rack", Color: "#2a2a2a", Metalness: 0.3, Roughness: 0.45},
	}
	return m
}

// placeholderModel is a plinth with a block in the first hinted colour.
func placeholderModel(h hintSet) Model {
	c := "#b9b2a6"
	if _, _, _, ok := ParseColor(h.first); ok {
		c = h.first
	}
	return Model{
		Parts: []Part{{Key: "block", Material: "block", Shapes: []Shape{
			Box(v(0, 0.05, 0), v(0.9, 0.1, 0.9)), Box(v(0, 0.45, 0), v(0.6, 0.7, 0.6))}}},
		Materials: []Material{{Name: "block", Color: c, Roughness: 0.7}},
	}
}

package scene

import "math"

// gesture follows the pointers pressed on a canvas, for the controllers:
// one pointer down drags, two pinch.
type gesture struct {
	pointers map[int]PointerEvent
	pinch    float64 // distance between the two pointers at the last move
}

// motion is what a pointer's move means.
type motion struct {
	kind int // noMotion, dragMotion or pinchMotion
	// dx and dy are a drag's step in CSS pixels.
	dx, dy float64
	// from and to are a pinch's distance between the fingers before and
	// after the step; from is 0 on its first step.
	from, to float64
}

const (
	noMotion = iota
	dragMotion
	pinchMotion
)

func (g *gesture) down(e PointerEvent) {
	if g.pointers == nil {
		g.pointers = map[int]PointerEvent{}
	}
	g.pointers[e.ID] = e
	if len(g.pointers) == 2 {
		g.pinch = g.distance()
	}
}

// move records e and says what it does.
func (g *gesture) move(e PointerEvent) motion {
	prev, ok := g.pointers[e.ID]
	if !ok {
		return motion{}
	}
	g.pointers[e.ID] = e
	switch len(g.pointers) {
	case 1:
		return motion{kind: dragMotion, dx: e.X - prev.X, dy: e.Y - prev.Y}
	case 2:
		d := g.distance()
		m := motion{kind: pinchMotion, from: g.pinch, to: d}
		g.pinch = d
		return m
	}
	return motion{}
}

func (g *gesture) up(e PointerEvent) {
	delete(g.pointers, e.ID)
	g.pinch = 0
}

func (g *gesture) distance() float64 {
	var ps []PointerEvent
	for _, p := range g.pointers {
		ps = append(ps, p)
	}
	if len(ps) != 2 {
		return 0
	}
	return math.Hypot(ps[0].X-ps[1].X, ps[0].Y-ps[1].Y)
}

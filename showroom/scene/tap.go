package scene

import "math"

// tapDetector tells a tap (or click) from a drag: a pointer that went down
// and up again within tapTime without moving more than tapSlop pixels. A
// second tap soon after and near the first is a double tap (a double-click
// with a mouse).
type tapDetector struct {
	down    map[int]tapStart
	lastTap PointerEvent
	hasLast bool
}

type tapStart struct {
	e     PointerEvent
	moved float64
	multi bool // another pointer was down too: a pinch, not a tap
}

const (
	tapSlop       = 8.0   // CSS px
	tapTime       = 600.0 // ms
	doubleTapTime = 450.0 // ms
	doubleTapSlop = 24.0  // CSS px
)

func (d *tapDetector) pointerDown(e PointerEvent) {
	if d.down == nil {
		d.down = map[int]tapStart{}
	}
	multi := len(d.down) > 0
	for id, s := range d.down {
		s.multi = true
		d.down[id] = s
	}
	d.down[e.ID] = tapStart{e: e, multi: multi}
}

func (d *tapDetector) pointerMove(e PointerEvent) {
	if s, ok := d.down[e.ID]; ok {
		s.moved = math.Max(s.moved, math.Hypot(e.X-s.e.X, e.Y-s.e.Y))
		d.down[e.ID] = s
	}
}

// pointerUp reports whether the pointer's press was a tap, and whether it
// was the second of a double tap.
func (d *tapDetector) pointerUp(e PointerEvent) (tap, double bool) {
	s, ok := d.down[e.ID]
	delete(d.down, e.ID)
	if !ok || s.multi {
		return false, false
	}
	moved := math.Max(s.moved, math.Hypot(e.X-s.e.X, e.Y-s.e.Y))
	if moved > tapSlop || e.Time-s.e.Time > tapTime {
		return false, false
	}
	double = d.hasLast && e.Time-d.lastTap.Time <= doubleTapTime &&
		math.Hypot(e.X-d.lastTap.X, e.Y-d.lastTap.Y) <= doubleTapSlop
	// A double tap is not the first tap of the next one.
	d.lastTap, d.hasLast = e, !double
	return true, double
}

// cancel forgets a pointer the browser took away (pointercancel).
func (d *tapDetector) cancel(e PointerEvent) { delete(d.down, e.ID) }

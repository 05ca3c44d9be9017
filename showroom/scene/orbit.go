package scene

import (
	"time"

	"github.com/g3n/engine/math32"
)

// PointerEvent is a pointer (mouse, pen or finger) on the canvas, in CSS
// pixels from the canvas's top-left corner, with the canvas's CSS size so
// that controls can move by fractions of the view.
type PointerEvent struct {
	ID            int
	X, Y          float64
	Width, Height float64
	// Kind is the PointerEvent's pointerType: "mouse", "touch" or "pen".
	Kind string
	// Time is the event's time stamp in milliseconds.
	Time float64
}

// NDC returns where the pointer is in normalised device coordinates: x
// from -1 (left edge) to 1, y from -1 (bottom edge) to 1.
func (e PointerEvent) NDC() (x, y float64) {
	if e.Width <= 0 || e.Height <= 0 {
		return 0, 0
	}
	return e.X/e.Width*2 - 1, 1 - e.Y/e.Height*2
}

// Controller turns the customer's input into camera moves. The Viewer
// feeds it the canvas's events; each method reports whether the view
// changed (so the Viewer renders a frame), and Step lets a controller
// animate. Orbit is the configurator's; the showroom hall can bring its own
// (walking), on the same Viewer.
type Controller interface {
	PointerDown(e PointerEvent) bool
	PointerMove(e PointerEvent) bool
	PointerUp(e PointerEvent) bool
	// Wheel gets the wheel's vertical delta in CSS pixels.
	Wheel(deltaY float64) bool
	// Key gets KeyboardEvent.key ("ArrowLeft", "+", "Home"); it returns
	// false for keys it does not use, so the page keeps them.
	Key(key string) bool
	// KeyUp gets the key released, for controllers that act while a key
	// is held.
	KeyUp(key string) bool
	// Step moves by dt and reports whether the controller is still moving
	// (the Viewer keeps rendering while it is).
	Step(dt time.Duration) bool
	// View returns where the camera is, what it looks at, and which way is
	// up.
	View() (eye, target, up math32.Vector3)
}

// Orbit turns the camera around a target: dragging turns it (sideways
// around the vertical, up and down within limits), pinching, the wheel and
// +/- zoom, the arrow keys turn it by steps, and Home returns to where Fit
// put it. Angles are in radians; azimuth 0 looks at the model's front
// (from +Z), positive azimuths from its right.
type Orbit struct {
	Target             math32.Vector3
	Azimuth, Elevation float32
	Distance           float32
	MinDistance        float32
	MaxDistance        float32
	MinElevation       float32
	MaxElevation       float32
	// FOV is the camera's vertical field of view in degrees, for Fit.
	FOV float32

	home    [3]float32 // azimuth, elevation, distance after Fit
	gesture gesture
}

var _ Controller = (*Orbit)(nil)

// NewOrbit returns an orbit looking at the origin from the front left and
// a little above.
func NewOrbit() *Orbit {
	o := &Orbit{Azimuth: -0.6, Elevation: 0.32, Distance: 3, MinDistance: 0.5, MaxDistance: 12,
		MinElevation: 0.03, MaxElevation: 1.35, FOV: 40}
	o.home = [3]float32{o.Azimuth, o.Elevation, o.Distance}
	return o
}

// Eye returns the camera's position.
func (o *Orbit) Eye() math32.Vector3 {
	ce := math32.Cos(o.Elevation)
	return add(o.Target, v(o.Distance*ce*math32.Sin(o.Azimuth), o.Distance*math32.Sin(o.Elevation), o.Distance*ce*math32.Cos(o.Azimuth)))
}

// View implements Controller.
func (o *Orbit) View() (eye, target, up math32.Vector3) { return o.Eye(), o.Target, v(0, 1, 0) }

// Rotate turns the camera by the given angles, keeping the elevation
// within its limits.
func (o *Orbit) Rotate(dAzimuth, dElevation float32) {
	o.Azimuth += dAzimuth
	// Keep the azimuth small so that it never loses precision.
	for o.Azimuth > math32.Pi {
		o.Azimuth -= 2 * math32.Pi
	}
	for o.Azimuth < -math32.Pi {
		o.Azimuth += 2 * math32.Pi
	}
	o.Elevation = clamp(o.Elevation+dElevation, o.MinElevation, o.MaxElevation)
}

// Zoom multiplies the distance by factor (below 1 comes closer), within
// its limits.
func (o *Orbit) Zoom(factor float32) {
	o.Distance = clamp(o.Distance*factor, o.MinDistance, o.MaxDistance)
}

// Fit aims at the centre of b from far enough to see all of it in a view
// of the given aspect (width / height), and makes that the Home view. An
// empty box leaves the orbit as it is.
func (o *Orbit) Fit(b math32.Box3, aspect float32) {
	if b.Empty() {
		return
	}
	o.Target = *b.Center(nil)
	o.Distance = o.FitDistance(b, aspect)
	o.MinDistance = o.Distance * 0.3
	o.MaxDistance = o.Distance * 3
	o.home = [3]float32{o.Azimuth, o.Elevation, o.Distance}
}

// FitDistance returns the distance from which b's bounding sphere fills
// the view of the given aspect, with a small margin.
func (o *Orbit) FitDistance(b math32.Box3, aspect float32) float32 {
	radius := b.Size(nil).Length() / 2
	half := o.FOV / 2 * math32.Pi / 180
	if aspect > 0 && aspect < 1 {
		// A portrait view is narrower than it is tall: fit the width.
		half = math32.Atan(math32.Tan(half) * aspect)
	}
	return radius / math32.Sin(half) * 1.05
}

// Reset returns to the view Fit chose.
func (o *Orbit) Reset() {
	o.Azimuth, o.Elevation, o.Distance = o.home[0], o.home[1], o.home[2]
}

// dragTurn is how far a drag across the whole view turns the model.
const dragTurn = 1.5 * math32.Pi

// PointerDown implements Controller.
func (o *Orbit) PointerDown(e PointerEvent) bool {
	o.gesture.down(e)
	return false
}

// PointerMove implements Controller: one pointer turns, two pinch.
func (o *Orbit) PointerMove(e PointerEvent) bool {
	switch m := o.gesture.move(e); m.kind {
	case dragMotion:
		if e.Width <= 0 || e.Height <= 0 {
			return false
		}
		o.Rotate(-float32(m.dx/e.Width)*dragTurn, float32(m.dy/e.Height)*dragTurn/2)
		return true
	case pinchMotion:
		if m.from > 0 && m.to > 0 {
			o.Zoom(float32(m.from / m.to))
		}
		return true
	}
	return false
}

// PointerUp implements Controller.
func (o *Orbit) PointerUp(e PointerEvent) bool {
	o.gesture.up(e)
	return false
}

// Wheel implements Controller: a notch (100 px) zooms by about 10 %.
func (o *Orbit) Wheel(deltaY float64) bool {
	if deltaY == 0 {
		return false
	}
	o.Zoom(math32.Pow(1.1, float32(clamp(float32(deltaY)/100, -5, 5))))
	return true
}

// keyTurn is how far an arrow key turns the model.
const keyTurn = math32.Pi / 12

// Key implements Controller.
func (o *Orbit) Key(key string) bool {
	switch key {
	case "ArrowLeft":
		o.Rotate(keyTurn, 0)
	case "ArrowRight":
		o.Rotate(-keyTurn, 0)
	case "ArrowUp":
		o.Rotate(0, keyTurn/2)
	case "ArrowDown":
		o.Rotate(0, -keyTurn/2)
	case "+", "=":
		o.Zoom(1 / 1.15)
	case "-", "_":
		o.Zoom(1.15)
	case "Home":
		o.Reset()
	default:
		return false
	}
	return true
}

// KeyUp implements Controller; an orbit acts on key presses only.
func (o *Orbit) KeyUp(string) bool { return false }

// Step implements Controller; an orbit moves only with the input.
func (o *Orbit) Step(time.Duration) bool { return false }

func clamp(x, lo, hi float32) float32 { return max(lo, min(hi, x)) }

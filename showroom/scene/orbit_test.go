package scene

import (
	"testing"

	"github.com/g3n/engine/math32"
	"github.com/stretchr/testify/assert"
)

func TestOrbitEye(t *testing.T) {
	o := NewOrbit()
	o.Target, o.Azimuth, o.Elevation, o.Distance = v(1, 0.5, 0), 0, 0, 2
	assert.InDeltaSlice(t, []float32{1, 0.5, 2}, vec(o.Eye()), 1e-5, "azimuth 0 looks at the front, from +Z")
	o.Azimuth = math32.Pi / 2
	assert.InDeltaSlice(t, []float32{3, 0.5, 0}, vec(o.Eye()), 1e-5, "a quarter turn looks from the right")
	o.Azimuth, o.Elevation = 0, math32.Pi/2
	assert.InDeltaSlice(t, []float32{1, 2.5, 0}, vec(o.Eye()), 1e-5, "straight above")
	eye, target, up := o.View()
	assert.Equal(t, o.Eye(), eye)
	assert.Equal(t, o.Target, target)
	assert.Equal(t, v(0, 1, 0), up)
}

func vec(p math32.Vector3) []float32 { return []float32{p.X, p.Y, p.Z} }

func TestOrbitFit(t *testing.T) {
	o := NewOrbit()
	b := math32.Box3{Min: v(-1, 0, -0.5), Max: v(1, 1, 0.5)}
	o.Fit(b, 16.0/9)
	assert.Equal(t, v(0, 0.5, 0), o.Target)
	radius := b.Size(nil).Length() / 2
	// The bounding sphere seen from Distance fills the vertical field of view.
	half := math32.Asin(radius / o.Distance)
	assert.InDelta(t, 20*math32.Pi/180/1.05, half, 0.01)

	portrait := NewOrbit()
	portrait.Fit(b, 0.5)
	assert.Greater(t, portrait.Distance, o.Distance, "a narrow phone view steps back")

	empty := NewOrbit()
	empty.Fit(math32.Box3{Min: v(1, 1, 1), Max: v(-1, -1, -1)}, 1)
	assert.Equal(t, NewOrbit().Distance, empty.Distance, "an empty box changes nothing")
}

func TestOrbitDragTurns(t *testing.T) {
	o := NewOrbit()
	o.Azimuth, o.Elevation = 0, 0.3
	ev := func(id int, x, y float64) PointerEvent {
		return PointerEvent{ID: id, X: x, Y: y, Width: 400, Height: 300}
	}
	assert.False(t, o.PointerMove(ev(1, 10, 10)), "moving without pressing does nothing")
	o.PointerDown(ev(1, 100, 100))
	assert.True(t, o.PointerMove(ev(1, 200, 100)))
	assert.InDelta(t, -dragTurn/4, o.Azimuth, 1e-5, "dragging a quarter of the width to the right turns the model by a quarter of a drag turn")
	o.PointerMove(ev(1, 200, 2000))
	assert.Equal(t, o.MaxElevation, o.Elevation, "the camera never goes over the top")
	o.PointerUp(ev(1, 200, 2000))
	assert.False(t, o.PointerMove(ev(1, 0, 0)), "released")
}

func TestOrbitPinchZooms(t *testing.T) {
	o := NewOrbit()
	o.Distance = 4
	ev := func(id int, x float64) PointerEvent {
		return PointerEvent{ID: id, X: x, Y: 100, Width: 400, Height: 300}
	}
	o.PointerDown(ev(1, 100))
	o.PointerDown(ev(2, 200))
	assert.True(t, o.PointerMove(ev(2, 300)))
	assert.InDelta(t, 2, o.Distance, 1e-5, "fingers twice as far apart come twice as close")
	az := o.Azimuth
	o.PointerMove(ev(1, 50))
	assert.Equal(t, az, o.Azimuth, "pinching does not turn")
}

func TestOrbitWheelAndKeys(t *testing.T) {
	o := NewOrbit()
	o.Fit(math32.Box3{Min: v(-1, 0, -1), Max: v(1, 1, 1)}, 1)
	d := o.Distance
	assert.True(t, o.Wheel(100))
	assert.InDelta(t, d*1.1, o.Distance, 1e-4, "scrolling down steps back")
	assert.False(t, o.Wheel(0))
	for range 100 {
		o.Wheel(-500)
	}
	assert.Equal(t, o.MinDistance, o.Distance, "zoom stops at the limit")

	az := o.Azimuth
	assert.True(t, o.Key("ArrowLeft"))
	assert.InDelta(t, az+keyTurn, o.Azimuth, 1e-5)
	assert.True(t, o.Key("Home"))
	assert.Equal(t, az, o.Azimuth)
	assert.Equal(t, d, o.Distance)
	assert.False(t, o.Key("Tab"), "other keys are left to the page")
	for range 30 {
		o.Key("ArrowRight")
	}
	assert.LessOrEqual(t, math32.Abs(o.Azimuth), float32(math32.Pi), "the azimuth stays within a turn")
}

package scene

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/hall"
)

func testHall() *hall.Layout {
	b := func(w, h, d float64) hall.Box {
		return hall.Box{Min: hall.Vec3{-w / 2, 0, -d / 2}, Max: hall.Vec3{w / 2, h, d / 2}}
	}
	l := hall.Plan([]hall.StandInput{
		{Slug: "living", Products: []hall.ProductInput{{Slug: "sofa", Bounds: b(2.8, 0.85, 1)}, {Slug: "table", Bounds: b(1.1, 0.45, 0.6)}}},
		{Slug: "office", Products: []hall.ProductInput{{Slug: "desk", Bounds: b(1.6, 0.75, 0.8)}}},
	})
	return &l
}

// run steps the walker for d in frames of 1/60 s and returns how many
// frames it still moved.
func run(w *Walker, d time.Duration) int {
	moving := 0
	for t := time.Duration(0); t < d; t += time.Second / 60 {
		if w.Step(time.Second / 60) {
			moving++
		}
	}
	return moving
}

func TestWalkerStartsAtTheEntranceAndIsStill(t *testing.T) {
	l := testHall()
	w := NewWalker(l)
	assert.Equal(t, l.Start, w.Pose())
	assert.False(t, w.Moving())
	assert.False(t, w.Step(time.Second/60), "nothing moves: no frame is needed")
	eye, target, up := w.View()
	assert.InDelta(t, hall.EyeHeight, eye.Y, 1e-6)
	assert.Less(t, target.Z, eye.Z, "it looks down the hall")
	assert.Equal(t, v(0, 1, 0), up)
}

func TestWalkerHeldKeysWalkEasedAndStopOnRelease(t *testing.T) {
	w := NewWalker(testHall())
	z0 := w.Pose().Eye[2]
	require.True(t, w.Key("ArrowUp"))
	w.Step(time.Second / 60)
	first := z0 - w.Pose().Eye[2]
	assert.Greater(t, first, 0.0, "it walks forward (-Z)")
	assert.Less(t, first, walkSpeed/60, "it starts slower than full speed: eased")
	run(w, time.Second)
	walked := z0 - w.Pose().Eye[2]
	assert.InDelta(t, walkSpeed, walked, 0.5, "about a second at walking speed")
	assert.True(t, w.KeyUp("ArrowUp"))
	assert.False(t, w.KeyUp("ArrowUp"), "released once")
	frames := run(w, 2*time.Second)
	assert.Less(t, frames, 60, "it comes to a stop soon after the key is released")
	assert.False(t, w.Moving())

	t.Run("W, A, S, D walk and turn too", func(t *testing.T) {
		w := NewWalker(testHall())
		require.True(t, w.Key("a"))
		run(w, time.Second/2)
		assert.Greater(t, w.Pose().Yaw, 0.3, "A turns left")
		w.KeyUp("A")
		run(w, time.Second)
		assert.False(t, w.Moving())
	})
	t.Run("unknown keys are left to the page", func(t *testing.T) {
		assert.False(t, NewWalker(testHall()).Key("Tab"))
		assert.False(t, NewWalker(testHall()).Key("x"))
	})
	t.Run("losing focus lets go of the keys", func(t *testing.T) {
		w := NewWalker(testHall())
		w.Key("ArrowUp")
		w.ReleaseKeys()
		run(w, time.Second)
		assert.False(t, w.Moving())
	})
}

func TestWalkerNeverWalksThroughAStand(t *testing.T) {
	l := testHall()
	st := l.Stands[0]
	_, cz := st.Platform.Center()
	w := NewWalker(l)
	// Stand in the aisle facing the stand (left: yaw π/2 looks at -X).
	w.pose = hall.Pose{Eye: hall.Vec3{st.Platform.MaxX + 2, hall.EyeHeight, cz}, Yaw: math.Pi / 2}
	w.Key("ArrowUp")
	run(w, 5*time.Second)
	x := w.Pose().Eye[0]
	assert.GreaterOrEqual(t, x, st.Platform.MaxX+hall.Radius, "stopped at the stand's edge")
	assert.InDelta(t, st.Platform.MaxX+hall.Radius, x, 0.1)
}

func TestWalkerWheelAndPinchStepForward(t *testing.T) {
	w := NewWalker(testHall())
	z0 := w.Pose().Eye[2]
	require.True(t, w.Wheel(-100), "wheel up")
	require.True(t, w.Wheel(-100), "notches add up")
	run(w, 3*time.Second)
	assert.InDelta(t, 2*wheelStep, z0-w.Pose().Eye[2], 1e-3, "two notches forward")
	assert.False(t, w.Moving(), "the glide settles")
	w.Wheel(100)
	run(w, 3*time.Second)
	assert.InDelta(t, wheelStep, z0-w.Pose().Eye[2], 1e-3, "one back")
	assert.False(t, w.Wheel(0))

	t.Run("spreading two fingers walks forward", func(t *testing.T) {
		w := NewWalker(testHall())
		z0 := w.Pose().Eye[2]
		ev := func(id int, x float64) PointerEvent {
			return PointerEvent{ID: id, X: x, Y: 100, Width: 360, Height: 600}
		}
		w.PointerDown(ev(1, 150))
		w.PointerDown(ev(2, 210))
		assert.True(t, w.PointerMove(ev(2, 330)))
		w.PointerUp(ev(1, 150))
		w.PointerUp(ev(2, 330))
		run(w, 3*time.Second)
		assert.InDelta(t, 120.0/360*6, z0-w.Pose().Eye[2], 1e-3)
	})
}

func TestWalkerDragLooksAround(t *testing.T) {
	w := NewWalker(testHall())
	ev := func(x, y float64) PointerEvent { return PointerEvent{ID: 1, X: x, Y: y, Width: 800, Height: 600} }
	assert.False(t, w.PointerMove(ev(10, 10)), "moving without pressing does nothing")
	w.PointerDown(ev(400, 300))
	assert.True(t, w.PointerMove(ev(600, 300)))
	assert.InDelta(t, 0.25*lookTurn*0.5, w.Pose().Yaw, 1e-9, "dragging right turns left, pulling the scene")
	w.PointerMove(ev(600, 30000))
	assert.Equal(t, maxPitch, w.Pose().Pitch, "it never looks past straight up")
	w.PointerUp(ev(600, 30000))
	assert.False(t, w.Moving(), "looking is immediate: nothing left to animate")
}

func TestWalkerWalkToAndFlyTo(t *testing.T) {
	l := testHall()
	t.Run("walking to a point glides there and keeps the view", func(t *testing.T) {
		w := NewWalker(l)
		yaw := w.Pose().Yaw
		w.WalkTo(1, -3)
		assert.Greater(t, run(w, 3*time.Second), 5, "it glides, over several frames")
		assert.InDelta(t, 1, w.Pose().Eye[0], 1e-9)
		assert.InDelta(t, -3, w.Pose().Eye[2], 1e-9)
		assert.Equal(t, yaw, w.Pose().Yaw)
	})
	t.Run("walking to a point on a stand stops beside it", func(t *testing.T) {
		w := NewWalker(l)
		x, z := l.Stands[0].Platform.Center()
		w.WalkTo(x, z)
		run(w, 5*time.Second)
		assert.True(t, l.Valid(w.Pose().Eye[0], w.Pose().Eye[2]))
	})
	t.Run("flying to a product's view arrives exactly", func(t *testing.T) {
		w := NewWalker(l)
		target := l.Stands[1].Slots[0].View
		w.FlyTo(target)
		assert.True(t, w.Moving())
		run(w, 4*time.Second)
		assert.False(t, w.Moving())
		assert.InDelta(t, target.Eye[0], w.Pose().Eye[0], 1e-9)
		assert.InDelta(t, target.Eye[2], w.Pose().Eye[2], 1e-9)
		assert.InDelta(t, target.Yaw, w.Pose().Yaw, 1e-9)
		assert.InDelta(t, target.Pitch, w.Pose().Pitch, 1e-9)
	})
	t.Run("a flight turns the short way round", func(t *testing.T) {
		w := NewWalker(l)
		w.pose.Yaw = 3
		w.FlyTo(hall.Pose{Eye: w.pose.Eye, Yaw: -3})
		w.Step(time.Second / 60)
		assert.Greater(t, w.Pose().Yaw, 3.0, "from 3 to -3 rad is 0.28 rad through π, not 6 back")
	})
	t.Run("with reduced motion, every move is a cut", func(t *testing.T) {
		w := NewWalker(l)
		w.Instant = true
		target := l.Stands[0].View
		w.FlyTo(target)
		assert.Equal(t, target, w.Pose())
		assert.False(t, w.Moving())
		w.WalkTo(0.5, -2)
		assert.Equal(t, 0.5, w.Pose().Eye[0])
	})
	t.Run("Home flies back to the entrance", func(t *testing.T) {
		w := NewWalker(l)
		w.FlyTo(l.Stands[1].View)
		run(w, 4*time.Second)
		require.True(t, w.Key("Home"))
		run(w, 4*time.Second)
		assert.InDelta(t, l.Start.Eye[2], w.Pose().Eye[2], 1e-9)
	})
	t.Run("taking over ends a flight", func(t *testing.T) {
		w := NewWalker(l)
		w.FlyTo(l.Stands[1].View)
		w.Step(time.Second / 60)
		w.PointerDown(PointerEvent{ID: 1, X: 0, Y: 0, Width: 100, Height: 100})
		w.PointerMove(PointerEvent{ID: 1, X: 10, Y: 0, Width: 100, Height: 100})
		w.PointerUp(PointerEvent{ID: 1, X: 10, Y: 0, Width: 100, Height: 100})
		assert.False(t, w.Moving())
	})
}

func TestWalkerStalledTabDoesNotJump(t *testing.T) {
	w := NewWalker(testHall())
	w.Key("ArrowUp")
	z0 := w.Pose().Eye[2]
	w.Step(10 * time.Second)
	assert.Less(t, z0-w.Pose().Eye[2], walkSpeed*0.1+1e-9, "a frame counts at most a tenth of a second")
}

func TestTapDetector(t *testing.T) {
	ev := func(id int, x, y, ms float64) PointerEvent {
		return PointerEvent{ID: id, X: x, Y: y, Width: 400, Height: 300, Time: ms}
	}
	t.Run("a quick press without moving is a tap", func(t *testing.T) {
		var d tapDetector
		d.pointerDown(ev(1, 100, 100, 0))
		d.pointerMove(ev(1, 103, 101, 50))
		tap, double := d.pointerUp(ev(1, 103, 101, 120))
		assert.True(t, tap)
		assert.False(t, double)
	})
	t.Run("a drag is not a tap", func(t *testing.T) {
		var d tapDetector
		d.pointerDown(ev(1, 100, 100, 0))
		d.pointerMove(ev(1, 160, 100, 50))
		tap, _ := d.pointerUp(ev(1, 101, 100, 120))
		assert.False(t, tap, "even if it comes back to where it started")
	})
	t.Run("a long press is not a tap", func(t *testing.T) {
		var d tapDetector
		d.pointerDown(ev(1, 100, 100, 0))
		tap, _ := d.pointerUp(ev(1, 100, 100, 900))
		assert.False(t, tap)
	})
	t.Run("a pinch is not a tap", func(t *testing.T) {
		var d tapDetector
		d.pointerDown(ev(1, 100, 100, 0))
		d.pointerDown(ev(2, 200, 100, 10))
		tap1, _ := d.pointerUp(ev(1, 100, 100, 100))
		tap2, _ := d.pointerUp(ev(2, 200, 100, 110))
		assert.False(t, tap1)
		assert.False(t, tap2)
	})
	t.Run("two quick taps in one place are a double tap, and a third starts over", func(t *testing.T) {
		var d tapDetector
		d.pointerDown(ev(1, 100, 100, 0))
		_, double := d.pointerUp(ev(1, 100, 100, 80))
		assert.False(t, double)
		d.pointerDown(ev(1, 104, 102, 250))
		tap, double := d.pointerUp(ev(1, 104, 102, 320))
		assert.True(t, tap)
		assert.True(t, double)
		d.pointerDown(ev(1, 104, 102, 400))
		_, double = d.pointerUp(ev(1, 104, 102, 470))
		assert.False(t, double)
	})
	t.Run("two taps far apart are two taps", func(t *testing.T) {
		var d tapDetector
		d.pointerDown(ev(1, 100, 100, 0))
		d.pointerUp(ev(1, 100, 100, 80))
		d.pointerDown(ev(1, 300, 100, 200))
		_, double := d.pointerUp(ev(1, 300, 100, 260))
		assert.False(t, double)
	})
}

func TestPointerNDC(t *testing.T) {
	x, y := PointerEvent{X: 0, Y: 0, Width: 200, Height: 100}.NDC()
	assert.Equal(t, [2]float64{-1, 1}, [2]float64{x, y}, "top left")
	x, y = PointerEvent{X: 150, Y: 75, Width: 200, Height: 100}.NDC()
	assert.Equal(t, [2]float64{0.5, -0.5}, [2]float64{x, y})
}

func TestHighlightFramesTheFootprint(t *testing.T) {
	b := hall.Box{Min: hall.Vec3{1, 0.12, -3}, Max: hall.Vec3{2, 1, -1}}
	m := Build(highlightShapes(b))
	bb := Bounds(highlightShapes(b))
	assert.Greater(t, m.Triangles(), 0)
	assert.Less(t, bb.Min.X, float32(1))
	assert.Greater(t, bb.Max.X, float32(2))
	assert.Less(t, bb.Min.Z, float32(-3))
	assert.Greater(t, bb.Max.Z, float32(-1))
	assert.InDelta(t, 0.12, bb.Min.Y, 0.01, "on the surface the target stands on")
	assert.Less(t, bb.Max.Y, float32(0.2), "flat on it, not in the way of the view")
}

func TestSignCornersFaceTheAisle(t *testing.T) {
	s := hall.Sign{Center: hall.Vec3{-5, 2, -8}, Width: 3, Height: 0.7, Normal: hall.Vec3{1, 0, 0}}
	c := signCorners(s)
	// Counter-clockwise seen from the front (+X) means the face's normal,
	// by the right-hand rule, points at +X.
	e1, e2 := sub(c[1], c[0]), sub(c[2], c[0])
	n := v(e1.Y*e2.Z-e1.Z*e2.Y, e1.Z*e2.X-e1.X*e2.Z, e1.X*e2.Y-e1.Y*e2.X)
	assert.Greater(t, n.X, float32(0))
	d := sub(c[1], c[0])
	assert.InDelta(t, 3, d.Length(), 1e-5, "as wide as the sign")
	assert.InDelta(t, 0.7, c[3].Y-c[0].Y, 1e-5, "as tall as the sign")
	// Seen from the aisle (+X, looking at -X), left is +Z.
	assert.Greater(t, c[0].Z, c[1].Z, "the text starts on the visitor's left")
}

package scene

import (
	"math"
	"time"

	"github.com/g3n/engine/math32"

	"vitrine/showroom/hall"
)

// Walker is the showroom hall's camera: a visitor walking at eye height.
// Dragging looks around, the wheel and a pinch step forward and back, held
// arrow keys or WASD walk (up/down, W/S) and turn (left/right, A/D), and
// WalkTo and FlyTo glide to a point or a view. Every move is eased, kept
// inside the walls and off the stands (hall.Layout.Move), so the visitor
// never passes through a stand.
type Walker struct {
	layout *hall.Layout
	pose   hall.Pose

	// goal is where a wheel step, a pinch or WalkTo is heading (eye x, z);
	// walking is set while it is.
	goal    [2]float64
	walking bool
	// flight is the view FlyTo glides to; flying is set while it does.
	flight hall.Pose
	flying bool
	// speed is the current walking speed along the view (m/s, negative
	// backwards) and turn the current turning speed (rad/s), eased towards
	// what the held keys ask.
	speed, turn float64
	keys        map[string]bool

	gesture gesture
	// Instant makes every glide a cut (prefers-reduced-motion).
	Instant bool
}

var _ Controller = (*Walker)(nil)

// Movement rates. Walking speed is a stroll; turning takes about four
// seconds for a full turn; glides settle in well under a second.
const (
	walkSpeed  = 2.4 // m/s
	turnSpeed  = 1.6 // rad/s
	accelRate  = 8.0 // 1/s: how fast speed follows the keys
	glideRate  = 5.0 // 1/s: how fast a glide closes the distance
	wheelStep  = 0.9 // m per wheel notch
	lookTurn   = 1.2 * math.Pi
	minPitch   = -0.75
	maxPitch   = 0.55
	settleDist = 0.004 // m and rad: closer than this a glide is done
)

// NewWalker returns a walker standing at the layout's entrance.
func NewWalker(l *hall.Layout) *Walker {
	return &Walker{layout: l, pose: l.Start, keys: map[string]bool{}}
}

// Pose returns where the visitor is and looks.
func (w *Walker) Pose() hall.Pose { return w.pose }

// Moving reports whether a glide or a walk is under way.
func (w *Walker) Moving() bool {
	return w.walking || w.flying || w.speed != 0 || w.turn != 0 || w.heldMove() != 0 || w.heldTurn() != 0
}

// View implements Controller.
func (w *Walker) View() (eye, target, up math32.Vector3) {
	f := w.pose.Forward()
	e := w.pose.Eye
	return v(float32(e[0]), float32(e[1]), float32(e[2])),
		v(float32(e[0]+f[0]), float32(e[1]+f[1]), float32(e[2]+f[2])), v(0, 1, 0)
}

// FlyTo glides to a view (a stand's or a product's), or cuts to it when
// Instant.
func (w *Walker) FlyTo(p hall.Pose) {
	w.walking = false
	w.flight = p
	w.flying = true
	// Turn the short way round.
	for w.flight.Yaw-w.pose.Yaw > math.Pi {
		w.flight.Yaw -= 2 * math.Pi
	}
	for w.flight.Yaw-w.pose.Yaw < -math.Pi {
		w.flight.Yaw += 2 * math.Pi
	}
	if w.Instant {
		w.pose, w.flying = w.flight, false
	}
}

// WalkTo walks to the floor point (x, z), or to the free point nearest it,
// keeping the direction of view.
func (w *Walker) WalkTo(x, z float64) {
	w.flying = false
	x, z = w.layout.Nearest(x, z)
	w.goal = [2]float64{x, z}
	w.walking = true
	if w.Instant {
		w.pose.Eye[0], w.pose.Eye[2], w.walking = x, z, false
	}
}

// step walks d metres along the view (backwards when negative), from the
// goal of a walk already under way so that wheel notches add up.
func (w *Walker) stepForward(d float64) {
	from := [2]float64{w.pose.Eye[0], w.pose.Eye[2]}
	if w.walking {
		from = w.goal
	}
	w.WalkTo(from[0]-math.Sin(w.pose.Yaw)*d, from[1]-math.Cos(w.pose.Yaw)*d)
}

// Look turns the view by the given angles, keeping the pitch within
// limits; it ends a flight, since the visitor took over.
func (w *Walker) Look(dYaw, dPitch float64) {
	w.flying = false
	w.pose.Yaw = wrapAngle(w.pose.Yaw + dYaw)
	w.pose.Pitch = math.Max(minPitch, math.Min(maxPitch, w.pose.Pitch+dPitch))
}

func wrapAngle(a float64) float64 {
	for a > math.Pi {
		a -= 2 * math.Pi
	}
	for a < -math.Pi {
		a += 2 * math.Pi
	}
	return a
}

// PointerDown implements Controller.
func (w *Walker) PointerDown(e PointerEvent) bool {
	w.gesture.down(e)
	return false
}

// PointerMove implements Controller: one pointer looks around, two pinch
// to walk (spreading the fingers walks forward, as zooming in would).
func (w *Walker) PointerMove(e PointerEvent) bool {
	if e.Width <= 0 || e.Height <= 0 {
		return false
	}
	switch m := w.gesture.move(e); m.kind {
	case dragMotion:
		// Dragging moves the view with the finger, as if pulling the
		// scene: dragging right turns left.
		w.Look(m.dx/e.Width*lookTurn*0.5, m.dy/e.Height*lookTurn*0.25)
		return true
	case pinchMotion:
		if m.from > 0 && m.to > 0 {
			w.stepForward((m.to - m.from) / e.Width * 6)
		}
		return true
	}
	return false
}

// PointerUp implements Controller.
func (w *Walker) PointerUp(e PointerEvent) bool {
	w.gesture.up(e)
	return false
}

// Wheel implements Controller: a notch (100 px) steps wheelStep forward
// (wheel up) or back.
func (w *Walker) Wheel(deltaY float64) bool {
	if deltaY == 0 {
		return false
	}
	w.stepForward(-math.Max(-3, math.Min(3, deltaY/100)) * wheelStep)
	return true
}

// Key implements Controller: walking and turning keys are held (KeyUp
// releases them); Home goes back to the entrance.
func (w *Walker) Key(key string) bool {
	switch key {
	case "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "w", "a", "s", "d", "W", "A", "S", "D":
		w.keys[normKey(key)] = true
		w.flying, w.walking = false, false
	case "Home":
		w.FlyTo(w.layout.Start)
	default:
		return false
	}
	return true
}

// KeyUp implements Controller.
func (w *Walker) KeyUp(key string) bool {
	k := normKey(key)
	if !w.keys[k] {
		return false
	}
	delete(w.keys, k)
	return true
}

// ReleaseKeys forgets every held key (the canvas lost focus, so it will
// not hear them come up).
func (w *Walker) ReleaseKeys() { clear(w.keys) }

func normKey(k string) string {
	switch k {
	case "w", "W":
		return "ArrowUp"
	case "s", "S":
		return "ArrowDown"
	case "a", "A":
		return "ArrowLeft"
	case "d", "D":
		return "ArrowRight"
	}
	return k
}

func (w *Walker) heldMove() float64 {
	m := 0.0
	if w.keys["ArrowUp"] {
		m++
	}
	if w.keys["ArrowDown"] {
		m--
	}
	return m
}

func (w *Walker) heldTurn() float64 {
	t := 0.0
	if w.keys["ArrowLeft"] {
		t++
	}
	if w.keys["ArrowRight"] {
		t--
	}
	return t
}

// Step implements Controller: it eases the speeds towards the held keys,
// walks (sliding along what is in the way), and glides towards a goal.
func (w *Walker) Step(dt time.Duration) bool {
	s := dt.Seconds()
	if s <= 0 {
		return w.Moving()
	}
	s = math.Min(s, 0.1) // a stalled tab must not jump across the hall
	ease := 1 - math.Exp(-accelRate*s)
	w.speed += (w.heldMove()*walkSpeed - w.speed) * ease
	w.turn += (w.heldTurn()*turnSpeed - w.turn) * ease
	if math.Abs(w.speed) < 0.01 && w.heldMove() == 0 {
		w.speed = 0
	}
	if math.Abs(w.turn) < 0.01 && w.heldTurn() == 0 {
		w.turn = 0
	}
	if w.turn != 0 {
		w.pose.Yaw = wrapAngle(w.pose.Yaw + w.turn*s)
	}
	if w.speed != 0 {
		d := w.speed * s
		w.move(w.pose.Eye[0]-math.Sin(w.pose.Yaw)*d, w.pose.Eye[2]-math.Cos(w.pose.Yaw)*d)
	}
	g := 1 - math.Exp(-glideRate*s)
	if w.walking {
		x, z := w.pose.Eye[0], w.pose.Eye[2]
		nx, nz := x+(w.goal[0]-x)*g, z+(w.goal[1]-z)*g
		if math.Hypot(w.goal[0]-nx, w.goal[1]-nz) < settleDist {
			nx, nz = w.goal[0], w.goal[1]
		}
		w.move(nx, nz)
		// Done when there, or when something is in the way.
		if w.pose.Eye[0] == w.goal[0] && w.pose.Eye[2] == w.goal[1] || w.pose.Eye[0] == x && w.pose.Eye[2] == z {
			w.walking = false
		}
	}
	if w.flying {
		// A flight goes from one free view to another along the aisle,
		// which has no stand in it, so it does not collide.
		p, t := &w.pose, w.flight
		done := true
		for k := 0; k < 3; k++ {
			p.Eye[k] += (t.Eye[k] - p.Eye[k]) * g
			done = done && math.Abs(t.Eye[k]-p.Eye[k]) < settleDist
		}
		p.Yaw += (t.Yaw - p.Yaw) * g
		p.Pitch += (t.Pitch - p.Pitch) * g
		done = done && math.Abs(t.Yaw-p.Yaw) < settleDist && math.Abs(t.Pitch-p.Pitch) < settleDist
		if done {
			*p = t
			p.Yaw = wrapAngle(p.Yaw)
			w.flying = false
		}
	}
	return w.Moving()
}

func (w *Walker) move(x, z float64) {
	w.pose.Eye[0], w.pose.Eye[2] = w.layout.Move(w.pose.Eye[0], w.pose.Eye[2], x, z)
}

package scene

import (
	"github.com/g3n/engine/math32"

	"vitrine/showroom/hall"
)

// HallData is what the showroom hall is drawn from, as the API gives it
// (api.ShowroomResponse) with the stands' names in the visitor's language.
type HallData struct {
	Layout hall.Layout
	// Shell is the URL of the hall's static architecture (GLB).
	Shell string
	// StandModels are the URLs of each stand's baked products (GLB), in
	// the order of Layout.Stands.
	StandModels []string
	// Signs are the stands' names, in the order of Layout.Stands.
	Signs []string
}

// HallOptions are a HallView's hooks. Every hook is optional.
type HallOptions struct {
	// OnFrame is called after every rendered frame.
	OnFrame func(FrameStats)
	// OnLost is called once if the hall stops working (the WebGL context
	// was lost or a frame failed); the page shows its 2D list instead.
	OnLost func()
	// OnProgress is called as the hall's models arrive: loaded of total
	// files (the shell and each stand).
	OnProgress func(loaded, total int)
	// OnFocus is called when Tab moves the keyboard focus to a stand or a
	// product (Targets()[index]); index -1 means the focus left the hall.
	OnFocus func(index int)
	// OnSelect is called when the visitor taps, clicks or presses Enter
	// on a product (to inspect it) or a stand (product empty).
	OnSelect func(stand, product string)
	// OnEscape is called when the visitor presses Escape in the hall.
	OnEscape func()
	// OnView is called when the view settles, with what is in it: the
	// stand most of it shows and its products, nearest first.
	OnView func(stand string, products []string)
	// ReducedMotion makes every camera move a cut.
	ReducedMotion bool
}

// viewDistance is how far the description of the view reaches.
const viewDistance = 14.0

// highlightShapes frames the floor of a focused target: four thin bars
// around its box's footprint, a little outside it, at its base.
func highlightShapes(b hall.Box) []Shape {
	const gap, bar, h = 0.12, 0.05, 0.025
	minX, maxX := float32(b.Min[0]-gap), float32(b.Max[0]+gap)
	minZ, maxZ := float32(b.Min[2]-gap), float32(b.Max[2]+gap)
	y := float32(b.Min[1]) + h/2 + 0.004
	w, d := maxX-minX, maxZ-minZ
	cx, cz := (minX+maxX)/2, (minZ+maxZ)/2
	return []Shape{
		Box(v(cx, y, minZ), v(w+bar, h, bar)),
		Box(v(cx, y, maxZ), v(w+bar, h, bar)),
		Box(v(minX, y, cz), v(bar, h, d-bar)),
		Box(v(maxX, y, cz), v(bar, h, d-bar)),
	}
}

// signCorners returns the corners of a sign's face, seen from the aisle:
// bottom left, bottom right, top right, top left (counter-clockwise from
// the front).
func signCorners(s hall.Sign) [4]math32.Vector3 {
	// The right of someone facing the sign (looking along -Normal) is
	// -Normal × up.
	right := hall.Vec3{s.Normal[2], 0, -s.Normal[0]}
	hw, hh := s.Width/2, s.Height/2
	c := s.Center
	at := func(r, u float64) math32.Vector3 {
		p := c.Add(right.Scale(r)).Add(hall.Vec3{0, u, 0})
		return v(float32(p[0]), float32(p[1]), float32(p[2]))
	}
	return [4]math32.Vector3{at(-hw, -hh), at(hw, -hh), at(hw, hh), at(-hw, hh)}
}

// signAtlasRow is the height in pixels of one sign in the sign texture;
// its width is signAtlasWidth. Their ratio is the sign's.
const (
	signAtlasWidth = 1024
	signAtlasRow   = 216 // signAtlasWidth · hall.SignHeight / hall.SignWidth
)

// Package hall lays out the 3D showroom: where each stand stands in the
// hall, where each product stands on its stand and how large it is drawn,
// where the walls are, where a visitor may walk, and where the camera goes
// to show a stand or a product.
//
// It is pure Go on float64 and imports neither g3n nor anything of HTTP or
// SQL, so both builds share it: the server plans the hall from the catalog
// and bakes its meshes from the Layout (assets/gen), and the browser walks,
// collides, picks and flies the camera with the very same Layout it gets
// from the API.
//
// Coordinates are metres with +Y up. The hall's entrance is at z = 0 and
// the hall runs towards -Z; x = 0 is the middle of the central aisle.
// Stands line both long walls, alternating left (x < 0) and right, so the
// first two stands are the nearest to the entrance. Every product faces the
// aisle. A camera yaw of 0 looks down the hall (-Z) and positive yaws turn
// left; a positive pitch looks up.
package hall

import (
	"math"
)

// Vec3 is a point or direction in metres.
type Vec3 [3]float64

// Add returns a + b.
func (a Vec3) Add(b Vec3) Vec3 { return Vec3{a[0] + b[0], a[1] + b[1], a[2] + b[2]} }

// Sub returns a - b.
func (a Vec3) Sub(b Vec3) Vec3 { return Vec3{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }

// Scale returns a·s.
func (a Vec3) Scale(s float64) Vec3 { return Vec3{a[0] * s, a[1] * s, a[2] * s} }

// Dot returns a·b.
func (a Vec3) Dot(b Vec3) float64 { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }

// Len returns |a|.
func (a Vec3) Len() float64 { return math.Sqrt(a.Dot(a)) }

// Box is an axis-aligned box.
type Box struct {
	Min Vec3 `json:"min"`
	Max Vec3 `json:"max"`
}

// Size returns the box's extent along x, y and z.
func (b Box) Size() Vec3 { return b.Max.Sub(b.Min) }

// Center returns the middle of the box.
func (b Box) Center() Vec3 { return b.Min.Add(b.Max).Scale(0.5) }

// Empty reports whether the box holds no point.
func (b Box) Empty() bool { return b.Max[0] < b.Min[0] || b.Max[1] < b.Min[1] || b.Max[2] < b.Min[2] }

// Rect is a rectangle on the floor, in x and z.
type Rect struct {
	MinX float64 `json:"minX"`
	MinZ float64 `json:"minZ"`
	MaxX float64 `json:"maxX"`
	MaxZ float64 `json:"maxZ"`
}

// Contains reports whether (x, z) is inside r (edges included).
func (r Rect) Contains(x, z float64) bool {
	return x >= r.MinX && x <= r.MaxX && z >= r.MinZ && z <= r.MaxZ
}

// Grow returns r with every side moved out by d (in by -d).
func (r Rect) Grow(d float64) Rect { return Rect{r.MinX - d, r.MinZ - d, r.MaxX + d, r.MaxZ + d} }

// Center returns the middle of r.
func (r Rect) Center() (x, z float64) { return (r.MinX + r.MaxX) / 2, (r.MinZ + r.MaxZ) / 2 }

// Pose is where the visitor's eye is and which way it looks.
type Pose struct {
	Eye   Vec3    `json:"eye"`
	Yaw   float64 `json:"yaw"`
	Pitch float64 `json:"pitch"`
}

// Forward returns the unit vector the pose looks along.
func (p Pose) Forward() Vec3 {
	cp := math.Cos(p.Pitch)
	return Vec3{-math.Sin(p.Yaw) * cp, math.Sin(p.Pitch), -math.Cos(p.Yaw) * cp}
}

// Looking returns the pose at eye that looks at target.
func Looking(eye, target Vec3) Pose {
	d := target.Sub(eye)
	horiz := math.Hypot(d[0], d[2])
	return Pose{Eye: eye, Yaw: math.Atan2(-d[0], -d[2]), Pitch: math.Atan2(d[1], horiz)}
}

// Dimensions of the hall and its furniture, in metres. They are chosen for
// the eye: an aisle wide enough to see a whole stand from across it, stands
// deep enough for a bed, and a ceiling high enough not to press down.
const (
	EyeHeight      = 1.6
	Radius         = 0.35 // the visitor's body, kept away from walls and stands
	HallHeight     = 4.6
	AisleWidth     = 6.0
	PlatformHeight = 0.12
	PedestalHeight = 0.75
	BackWallHeight = 2.7
	BackWallDepth  = 0.12
	SignWidth      = 3.4
	SignHeight     = 0.72
	entranceDepth  = 5.0 // open floor between the entrance and the first stands
	endDepth       = 3.0 // open floor behind the last stands
	standGap       = 1.6 // between two stands of a row
	slotGap        = 0.7 // between two products on a stand
	standMargin    = 0.5 // between a stand's edge and its first product
	frontMargin    = 0.45
	backMargin     = 0.55 // between the back wall and the deepest product
	minStandWidth  = 5.0
	minStandDepth  = 2.6
	// DefaultFOV is the camera's vertical field of view in degrees.
	DefaultFOV = 60.0
)

// MaxProduct is the largest box a product is drawn in, in metres (x y z,
// model axes): a merchant's model larger than this is scaled down to fit
// its stand slot.
var MaxProduct = Vec3{3.2, 2.8, 2.4}

// ProductInput is a product to place: its slug and the bounds of its model
// in the model's own units and axes (+Z its front).
type ProductInput struct {
	Slug   string
	Bounds Box
}

// StandInput is a stand to place, with its products in display order.
type StandInput struct {
	Slug     string
	Products []ProductInput
}

// Layout is a planned hall.
type Layout struct {
	// Width (x, centred on 0), Length (z, from 0 to -Length) and Height.
	Width  float64 `json:"width"`
	Length float64 `json:"length"`
	Height float64 `json:"height"`
	// Start is where a visitor enters.
	Start Pose `json:"start"`
	// Walk bounds where the visitor's eye may go (the walls, minus
	// Radius); the stands' platforms are obstacles within it.
	Walk   Rect    `json:"walk"`
	Stands []Stand `json:"stands"`
}

// Stand is one product line's place in the hall.
type Stand struct {
	Slug string `json:"slug"`
	// Side is -1 for the left row (x < 0, facing +X) and +1 for the right.
	Side int `json:"side"`
	// Platform is the raised floor the products stand on, PlatformHeight
	// high; the back wall and the sign stand at its back.
	Platform Rect   `json:"platform"`
	BackWall Box    `json:"backWall"`
	Sign     Sign   `json:"sign"`
	Slots    []Slot `json:"slots"`
	// View is where the camera goes to show the whole stand.
	View Pose `json:"view"`
}

// Sign is the panel with the stand's name, facing the aisle.
type Sign struct {
	Center Vec3    `json:"center"`
	Width  float64 `json:"width"`
	Height float64 `json:"height"`
	// Normal points out of the sign's face, towards the aisle.
	Normal Vec3 `json:"normal"`
}

// Slot is one product's place on a stand. The model's points p go to the
// hall as Position + RotY(Yaw)·(Scale·p + Offset), where RotY turns about
// +Y (counter-clockwise seen from above).
type Slot struct {
	Product  string  `json:"product"`
	Position Vec3    `json:"position"`
	Yaw      float64 `json:"yaw"`
	Scale    float64 `json:"scale"`
	Offset   Vec3    `json:"offset"`
	// Box is the model's box in the hall, for picking and framing.
	Box Box `json:"box"`
	// Pedestal, when set, is the plinth a small product stands on.
	Pedestal *Box `json:"pedestal,omitempty"`
	// View is where the camera goes to show this product.
	View Pose `json:"view"`
}

// Transform returns where the model's point p is in the hall.
func (s Slot) Transform(p Vec3) Vec3 {
	q := p.Scale(s.Scale).Add(s.Offset)
	return s.Position.Add(RotY(q, s.Yaw))
}

// RotY turns p about +Y by yaw radians (counter-clockwise seen from above,
// so a yaw of π/2 turns +Z into +X).
func RotY(p Vec3, yaw float64) Vec3 {
	c, s := math.Cos(yaw), math.Sin(yaw)
	return Vec3{p[0]*c + p[2]*s, p[1], -p[0]*s + p[2]*c}
}

// AutoFrame returns the scale and offset that make a model of bounds b
// stand on the floor (lowest point at y = 0), centred on the origin in x
// and z, at its real size. Merchants export in centimetres, millimetres or
// inches as often as in metres, so a model whose largest side is not
// between 5 cm and MaxProduct's largest side is read in the first of those
// units that makes it so; whatever the units, a model larger than
// MaxProduct is scaled down to fit it. An empty box gets scale 1.
func AutoFrame(b Box) (scale float64, offset Vec3) {
	if b.Empty() {
		return 1, Vec3{}
	}
	size := b.Size()
	largest := math.Max(size[0], math.Max(size[1], size[2]))
	scale = 1
	if largest > 0 {
		for _, unit := range []float64{1, 0.01, 0.001, 0.0254} {
			if l := largest * unit; l >= 0.05 && l <= MaxProduct[1]*1.5 {
				scale = unit
				break
			}
		}
	}
	for k := 0; k < 3; k++ {
		if size[k]*scale > MaxProduct[k] {
			scale = MaxProduct[k] / size[k]
		}
	}
	c := b.Center()
	// Adding 0 turns -0 into 0, so that layouts print the same everywhere.
	offset = Vec3{-c[0]*scale + 0, -b.Min[1]*scale + 0, -c[2]*scale + 0}
	return scale, offset
}

// footprint is a product's size once framed, in model axes.
type footprint struct {
	scale    float64
	offset   Vec3
	size     Vec3 // x: width along the stand, y: height, z: depth towards the wall
	pedestal bool
}

func frame(p ProductInput) footprint {
	scale, offset := AutoFrame(p.Bounds)
	size := p.Bounds.Size().Scale(scale)
	if p.Bounds.Empty() {
		size = Vec3{0.5, 0.5, 0.5}
	}
	// Small things (a mouse, a helmet, a lamp for the desk) are shown at
	// hand height on a plinth, where they can be seen from the aisle.
	ped := size[1] < 0.7 && math.Max(size[0], size[2]) < 0.9
	return footprint{scale: scale, offset: offset, size: size, pedestal: ped}
}

// pedestalSide is the side of a small product's plinth.
func pedestalSide(width float64) float64 { return math.Max(0.45, width+0.2) }

// Plan lays out the hall for stands in display order. It is deterministic:
// the same input gives the same Layout.
func Plan(stands []StandInput) Layout {
	type planned struct {
		in     StandInput
		fp     []footprint
		width  float64 // along z
		depth  float64 // along x
		slotWs []float64
	}
	ps := make([]planned, len(stands))
	maxDepth := minStandDepth
	for i, s := range stands {
		p := planned{in: s}
		deepest := 0.0
		width := 2 * standMargin
		for j, pr := range s.Products {
			f := frame(pr)
			p.fp = append(p.fp, f)
			w := f.size[0]
			if f.pedestal {
				w = math.Max(w, pedestalSide(f.size[0]))
			}
			p.slotWs = append(p.slotWs, w)
			width += w
			if j > 0 {
				width += slotGap
			}
			deepest = math.Max(deepest, f.size[2])
		}
		p.width = math.Max(minStandWidth, width)
		p.depth = math.Max(minStandDepth, frontMargin+deepest+backMargin+BackWallDepth)
		maxDepth = math.Max(maxDepth, p.depth)
		ps[i] = p
	}
	l := Layout{Height: HallHeight, Width: 2*maxDepth + AisleWidth}
	halfW := l.Width / 2
	// Each row fills from the entrance down the hall.
	rowZ := [2]float64{-entranceDepth, -entranceDepth}
	for i, p := range ps {
		row := i % 2
		side := -1
		if row == 1 {
			side = 1
		}
		fs := float64(side)
		zFront, zBack := rowZ[row], rowZ[row]-p.width
		rowZ[row] = zBack - standGap
		// The platform runs from the side wall to its front edge.
		wallX := fs * halfW
		frontX := wallX - fs*p.depth
		st := Stand{Slug: p.in.Slug, Side: side,
			Platform: Rect{MinX: math.Min(wallX, frontX), MaxX: math.Max(wallX, frontX), MinZ: zBack, MaxZ: zFront}}
		innerWallX := wallX - fs*BackWallDepth
		st.BackWall = Box{Min: Vec3{math.Min(wallX, innerWallX), 0, zBack}, Max: Vec3{math.Max(wallX, innerWallX), BackWallHeight, zFront}}
		midZ := (zFront + zBack) / 2
		st.Sign = Sign{Center: Vec3{innerWallX - fs*0.01, BackWallHeight - SignHeight/2 - 0.12, midZ},
			Width: math.Min(SignWidth, p.width-0.4), Height: SignHeight, Normal: Vec3{-fs, 0, 0}}
		// Products face the aisle: a left stand turns +Z (the model's front)
		// to +X.
		yaw := -fs * math.Pi / 2
		// Products are centred as a group along the stand.
		used := 0.0
		for j, w := range p.slotWs {
			used += w
			if j > 0 {
				used += slotGap
			}
		}
		z := midZ + used/2 // walking from the entrance side (higher z) down
		for j, pr := range p.in.Products {
			f := p.fp[j]
			w := p.slotWs[j]
			cz := z - w/2
			z -= w + slotGap
			// Aligned to the front edge, so that everything shows from the
			// aisle whatever its depth.
			cx := frontX + fs*(frontMargin+f.size[2]/2)
			base := PlatformHeight
			var ped *Box
			if f.pedestal {
				side := pedestalSide(math.Max(f.size[0], f.size[2]))
				ped = &Box{Min: Vec3{cx - side/2, PlatformHeight, cz - side/2}, Max: Vec3{cx + side/2, PlatformHeight + PedestalHeight, cz + side/2}}
				base += PedestalHeight
			}
			slot := Slot{Product: pr.Slug, Position: Vec3{cx, base, cz}, Yaw: yaw, Scale: f.scale, Offset: f.offset, Pedestal: ped}
			// Turned a quarter, the model's depth lies along x.
			slot.Box = Box{Min: Vec3{cx - f.size[2]/2, base, cz - f.size[0]/2}, Max: Vec3{cx + f.size[2]/2, base + f.size[1], cz + f.size[0]/2}}
			st.Slots = append(st.Slots, slot)
		}
		l.Stands = append(l.Stands, st)
	}
	// The rows end one gap past their last stand.
	l.Length = endDepth - math.Min(rowZ[0], rowZ[1]) - standGap
	l.Length = math.Max(l.Length, entranceDepth+endDepth+minStandWidth)
	l.Walk = Rect{MinX: -halfW + Radius, MaxX: halfW - Radius, MinZ: -l.Length + Radius, MaxZ: -Radius}
	l.Start = Pose{Eye: Vec3{0, EyeHeight, -1.2}, Pitch: -0.06}
	for i := range l.Stands {
		st := &l.Stands[i]
		st.View = l.standView(st)
		for j := range st.Slots {
			st.Slots[j].View = l.productView(st, &st.Slots[j])
		}
	}
	return l
}

// aisle returns the x range a visitor's eye may take between the two rows
// of stands.
func (l *Layout) aisle() (minX, maxX float64) {
	minX, maxX = l.Walk.MinX, l.Walk.MaxX
	for _, st := range l.Stands {
		if st.Side < 0 {
			minX = math.Max(minX, st.Platform.MaxX+Radius)
		} else {
			maxX = math.Min(maxX, st.Platform.MinX-Radius)
		}
	}
	return minX, maxX
}

// standView looks at the stand from across the aisle, far enough back to
// see most of it.
func (l *Layout) standView(st *Stand) Pose {
	lo, hi := l.aisle()
	x := hi - 0.2
	if st.Side > 0 {
		x = lo + 0.2
	}
	_, z := st.Platform.Center()
	target := Vec3{st.Sign.Center[0], 1.1, z}
	return Looking(Vec3{x, EyeHeight, z}, target)
}

// productView looks at a product from the aisle, close enough that it
// fills much of the view.
func (l *Layout) productView(st *Stand, s *Slot) Pose {
	c := s.Box.Center()
	size := s.Box.Size()
	extent := math.Max(size[1], math.Max(size[0], size[2]))
	half := DefaultFOV / 2 * math.Pi / 180
	dist := math.Max(1.3, extent/2/math.Tan(half)*1.5+size[0]/2)
	lo, hi := l.aisle()
	x := c[0] - float64(st.Side)*dist
	x = math.Max(lo, math.Min(hi, x))
	eyeY := EyeHeight
	return Looking(Vec3{x, eyeY, c[2]}, c)
}

// Valid reports whether the visitor may stand with the eye above (x, z):
// inside the walls and off every stand.
func (l *Layout) Valid(x, z float64) bool {
	if !l.Walk.Contains(x, z) {
		return false
	}
	for _, st := range l.Stands {
		if st.Platform.Grow(Radius).Contains(x, z) {
			return false
		}
	}
	return true
}

// Move returns where a visitor at from ends up when trying to go to to:
// to itself if it is free; a step through a wall ends on the wall; a step
// into a stand slides along its edge if it can, else stays at from. Steps are small (one frame's), so
// sliding on one axis is enough to follow walls and platform edges.
func (l *Layout) Move(fromX, fromZ, toX, toZ float64) (x, z float64) {
	// The walls are straight: a step through one ends on it.
	toX = math.Max(l.Walk.MinX, math.Min(l.Walk.MaxX, toX))
	toZ = math.Max(l.Walk.MinZ, math.Min(l.Walk.MaxZ, toZ))
	switch {
	case l.Valid(toX, toZ):
		return toX, toZ
	case l.Valid(toX, fromZ):
		return toX, fromZ
	case l.Valid(fromX, toZ):
		return fromX, toZ
	}
	return fromX, fromZ
}

// Nearest returns the free point nearest to (x, z): (x, z) itself when it
// is free, else the closest point just outside the wall or the stand it is
// in.
func (l *Layout) Nearest(x, z float64) (float64, float64) {
	x = math.Max(l.Walk.MinX, math.Min(l.Walk.MaxX, x))
	z = math.Max(l.Walk.MinZ, math.Min(l.Walk.MaxZ, z))
	for i := 0; i < 4 && !l.Valid(x, z); i++ {
		for _, st := range l.Stands {
			r := st.Platform.Grow(Radius + 0.01)
			if !r.Contains(x, z) {
				continue
			}
			// Leave by the nearest side that is inside the walls.
			best, bx, bz := math.Inf(1), x, z
			for _, c := range [][2]float64{{r.MinX, z}, {r.MaxX, z}, {x, r.MinZ}, {x, r.MaxZ}} {
				d := math.Hypot(c[0]-x, c[1]-z)
				if d < best && l.Walk.Contains(c[0], c[1]) {
					best, bx, bz = d, c[0], c[1]
				}
			}
			x, z = bx, bz
		}
	}
	return x, z
}

// Target is something a visitor can focus and fly to: a stand, or a
// product on it (Product set).
type Target struct {
	Stand   string
	Product string
	View    Pose
	// Box is what to highlight: the product's box, or the stand's
	// platform.
	Box Box
}

// Targets returns every stand followed by its products, in the order Tab
// moves through them.
func (l *Layout) Targets() []Target {
	var out []Target
	for _, st := range l.Stands {
		out = append(out, Target{Stand: st.Slug, View: st.View,
			Box: Box{Min: Vec3{st.Platform.MinX, 0, st.Platform.MinZ}, Max: Vec3{st.Platform.MaxX, PlatformHeight, st.Platform.MaxZ}}})
		for _, s := range st.Slots {
			out = append(out, Target{Stand: st.Slug, Product: s.Product, View: s.View, Box: s.Box})
		}
	}
	return out
}

// Find returns the index in Targets of the stand (product empty) or of the
// product on it, or -1.
func (l *Layout) Find(stand, product string) int {
	for i, t := range l.Targets() {
		if t.Stand == stand && t.Product == product {
			return i
		}
	}
	return -1
}

// StandOf returns the slug of the stand product is on, or "".
func (l *Layout) StandOf(product string) string {
	for _, st := range l.Stands {
		for _, s := range st.Slots {
			if s.Product == product {
				return st.Slug
			}
		}
	}
	return ""
}

package scene

import (
	"github.com/g3n/engine/math32"
)

// ShapeKind says which primitive a Shape is.
type ShapeKind uint8

// Shape kinds.
const (
	ShapeBox ShapeKind = iota + 1
	ShapeCylinder
	ShapeTorus
	ShapeSphere
)

// Shape is one primitive of a part, in the part's own coordinates (metres,
// y up). It is a plain comparable value, so a part can tell cheaply whether
// its shapes changed and its mesh must be rebuilt.
type Shape struct {
	Kind ShapeKind
	// A and B are, for a box, its centre and size; for a cylinder, the
	// centres of its two ends; for a torus, its centre and the axis it turns
	// around; for a sphere, A is its centre.
	A, B math32.Vector3
	// Radius is the radius of a sphere, of a torus (to the tube's centre)
	// and of a cylinder at A; R2 is a cylinder's radius at B (0 means
	// Radius) and a torus's tube radius.
	Radius, R2 float32
	// Segments is how many sides a cylinder has; 0 means
	// cylinderSegments. Big round things (a floor) need more.
	Segments uint8
}

// Box is a box centred on c with the given size.
func Box(c, size math32.Vector3) Shape { return Shape{Kind: ShapeBox, A: c, B: size} }

// Cylinder is a capped cylinder from a to b; r2 (when not 0) tapers it.
func Cylinder(a, b math32.Vector3, r, r2 float32) Shape {
	return Shape{Kind: ShapeCylinder, A: a, B: b, Radius: r, R2: r2}
}

// Torus is a ring around axis through c, of radius r and tube radius tube.
func Torus(c, axis math32.Vector3, r, tube float32) Shape {
	return Shape{Kind: ShapeTorus, A: c, B: axis, Radius: r, R2: tube}
}

// Sphere is a sphere of radius r centred on c.
func Sphere(c math32.Vector3, r float32) Shape { return Shape{Kind: ShapeSphere, A: c, Radius: r} }

// v is a short constructor for vectors in model code.
func v(x, y, z float32) math32.Vector3 { return math32.Vector3{X: x, Y: y, Z: z} }

// Tessellation of the round shapes: enough to read as round at the
// preview's size, few enough that a bicycle stays a few thousand vertices.
const (
	cylinderSegments = 14
	torusRadial      = 10
	torusTubular     = 36
	sphereSegments   = 14
)

// MeshData is triangles ready for the GPU: a position and a normal per
// vertex, and three vertex indices per triangle, counter-clockwise seen
// from outside.
type MeshData struct {
	Positions []float32
	Normals   []float32
	Indices   []uint32
}

// Vertices returns the number of vertices.
func (m *MeshData) Vertices() int { return len(m.Positions) / 3 }

// Triangles returns the number of triangles.
func (m *MeshData) Triangles() int { return len(m.Indices) / 3 }

func (m *MeshData) vertex(p, n math32.Vector3) uint32 {
	i := uint32(m.Vertices())
	m.Positions = append(m.Positions, p.X, p.Y, p.Z)
	m.Normals = append(m.Normals, n.X, n.Y, n.Z)
	return i
}

// Build tessellates shapes into one mesh.
func Build(shapes []Shape) *MeshData {
	m := &MeshData{}
	for _, s := range shapes {
		m.Add(s)
	}
	return m
}

// Add appends the triangles of s.
func (m *MeshData) Add(s Shape) {
	switch s.Kind {
	case ShapeBox:
		m.addBox(s.A, s.B)
	case ShapeCylinder:
		r2 := s.R2
		if r2 == 0 {
			r2 = s.Radius
		}
		segs := int(s.Segments)
		if segs < 3 {
			segs = cylinderSegments
		}
		m.addCylinder(s.A, s.B, s.Radius, r2, segs)
	case ShapeTorus:
		m.addTorus(s.A, s.B, s.Radius, s.R2)
	case ShapeSphere:
		m.addSphere(s.A, s.Radius)
	}
}

func (m *MeshData) addBox(c, size math32.Vector3) {
	h := v(size.X/2, size.Y/2, size.Z/2)
	// Each face: its normal and two axes spanning it, so that n = u × w and
	// the winding is counter-clockwise from outside.
	faces := []struct{ n, u, w math32.Vector3 }{
		{v(1, 0, 0), v(0, 1, 0), v(0, 0, 1)},
		{v(-1, 0, 0), v(0, 0, 1), v(0, 1, 0)},
		{v(0, 1, 0), v(0, 0, 1), v(1, 0, 0)},
		{v(0, -1, 0), v(1, 0, 0), v(0, 0, 1)},
		{v(0, 0, 1), v(1, 0, 0), v(0, 1, 0)},
		{v(0, 0, -1), v(0, 1, 0), v(1, 0, 0)},
	}
	for _, f := range faces {
		center := mul(f.n, h)
		u, w := mul(f.u, h), mul(f.w, h)
		corner := func(a, b float32) math32.Vector3 {
			return add(add(c, center), add(scale(u, a), scale(w, b)))
		}
		i0 := m.vertex(corner(-1, -1), f.n)
		i1 := m.vertex(corner(1, -1), f.n)
		i2 := m.vertex(corner(1, 1), f.n)
		i3 := m.vertex(corner(-1, 1), f.n)
		m.Indices = append(m.Indices, i0, i1, i2, i0, i2, i3)
	}
}

// basis returns two unit vectors perpendicular to axis and to each other,
// such that u × w points along axis.
func basis(axis math32.Vector3) (u, w math32.Vector3) {
	a := axis
	a.Normalize()
	ref := v(0, 1, 0)
	if math32.Abs(a.Y) > 0.9 {
		ref = v(1, 0, 0)
	}
	u = cross(ref, a)
	u.Normalize()
	w = cross(a, u)
	return u, w
}

func (m *MeshData) addCylinder(a, b math32.Vector3, ra, rb float32, segments int) {
	axis := sub(b, a)
	length := axis.Length()
	if length == 0 {
		return
	}
	dir := scale(axis, 1/length)
	u, w := basis(dir)
	// The side's normals lean along the axis by the taper.
	slope := (ra - rb) / length
	base := uint32(m.Vertices())
	for i := 0; i <= segments; i++ {
		t := float32(i) / float32(segments) * 2 * math32.Pi
		radial := add(scale(u, math32.Cos(t)), scale(w, math32.Sin(t)))
		n := add(radial, scale(dir, slope))
		n.Normalize()
		m.vertex(add(a, scale(radial, ra)), n)
		m.vertex(add(b, scale(radial, rb)), n)
	}
	for i := uint32(0); i < uint32(segments); i++ {
		p := base + 2*i
		m.Indices = append(m.Indices, p, p+2, p+1, p+1, p+2, p+3)
	}
	for _, end := range []struct {
		c math32.Vector3
		r float32
		n math32.Vector3
	}{{a, ra, scale(dir, -1)}, {b, rb, dir}} {
		if end.r == 0 {
			continue
		}
		center := m.vertex(end.c, end.n)
		first := uint32(m.Vertices())
		for i := 0; i < segments; i++ {
			t := float32(i) / float32(segments) * 2 * math32.Pi
			m.vertex(add(end.c, scale(add(scale(u, math32.Cos(t)), scale(w, math32.Sin(t))), end.r)), end.n)
		}
		for i := uint32(0); i < uint32(segments); i++ {
			p, q := first+i, first+(i+1)%uint32(segments)
			if end.n.Dot(&dir) > 0 {
				m.Indices = append(m.Indices, center, p, q)
			} else {
				m.Indices = append(m.Indices, center, q, p)
			}
		}
	}
}

func (m *MeshData) addTorus(c, axis math32.Vector3, r, tube float32) {
	u, w := basis(axis)
	a := axis
	a.Normalize()
	base := uint32(m.Vertices())
	for i := 0; i <= torusTubular; i++ {
		t := float32(i) / torusTubular * 2 * math32.Pi
		radial := add(scale(u, math32.Cos(t)), scale(w, math32.Sin(t)))
		ring := add(c, scale(radial, r))
		for j := 0; j <= torusRadial; j++ {
			p := float32(j) / torusRadial * 2 * math32.Pi
			n := add(scale(radial, math32.Cos(p)), scale(a, math32.Sin(p)))
			m.vertex(add(ring, scale(n, tube)), n)
		}
	}
	row := uint32(torusRadial + 1)
	for i := uint32(0); i < torusTubular; i++ {
		for j := uint32(0); j < torusRadial; j++ {
			p := base + i*row + j
			q := p + row
			m.Indices = append(m.Indices, p, q, p+1, q, q+1, p+1)
		}
	}
}

func (m *MeshData) addSphere(c math32.Vector3, r float32) {
	base := uint32(m.Vertices())
	rings, segs := sphereSegments/2, sphereSegments
	for i := 0; i <= rings; i++ {
		phi := float32(i) / float32(rings) * math32.Pi
		for j := 0; j <= segs; j++ {
			th := float32(j) / float32(segs) * 2 * math32.Pi
			n := v(math32.Sin(phi)*math32.Cos(th), math32.Cos(phi), math32.Sin(phi)*math32.Sin(th))
			m.vertex(add(c, scale(n, r)), n)
		}
	}
	row := uint32(segs + 1)
	for i := uint32(0); i < uint32(rings); i++ {
		for j := uint32(0); j < uint32(segs); j++ {
			p := base + i*row + j
			q := p + row
			m.Indices = append(m.Indices, p, p+1, q, q, p+1, q+1)
		}
	}
}

// Bounds returns the box the shapes fill, computed from the shapes rather
// than their tessellation.
func Bounds(shapes []Shape) math32.Box3 {
	b := math32.Box3{Min: v(math32.Inf(1), math32.Inf(1), math32.Inf(1)), Max: v(math32.Inf(-1), math32.Inf(-1), math32.Inf(-1))}
	grow := func(p math32.Vector3, r float32) {
		b.ExpandByPoint(&math32.Vector3{X: p.X - r, Y: p.Y - r, Z: p.Z - r})
		b.ExpandByPoint(&math32.Vector3{X: p.X + r, Y: p.Y + r, Z: p.Z + r})
	}
	for _, s := range shapes {
		switch s.Kind {
		case ShapeBox:
			grow(s.A, 0)
			b.ExpandByPoint(&math32.Vector3{X: s.A.X - s.B.X/2, Y: s.A.Y - s.B.Y/2, Z: s.A.Z - s.B.Z/2})
			b.ExpandByPoint(&math32.Vector3{X: s.A.X + s.B.X/2, Y: s.A.Y + s.B.Y/2, Z: s.A.Z + s.B.Z/2})
		case ShapeCylinder:
			// Each end is a disc across the axis: along a world axis it
			// reaches r·sin(angle between that axis and the cylinder's).
			dir := sub(s.B, s.A)
			dir.Normalize()
			ext := func(r float32) math32.Vector3 {
				e := func(d float32) float32 { return r * math32.Sqrt(max(0, 1-d*d)) }
				return v(e(dir.X), e(dir.Y), e(dir.Z))
			}
			r2 := s.R2
			if r2 == 0 {
				r2 = s.Radius
			}
			for _, end := range []struct {
				c math32.Vector3
				r float32
			}{{s.A, s.Radius}, {s.B, r2}} {
				e := ext(end.r)
				lo, hi := sub(end.c, e), add(end.c, e)
				b.ExpandByPoint(&lo)
				b.ExpandByPoint(&hi)
			}
		case ShapeTorus:
			// The ring lies across its axis; the tube adds all round.
			axis := s.B
			axis.Normalize()
			e := func(d float32) float32 { return s.Radius*math32.Sqrt(max(0, 1-d*d)) + s.R2 }
			ext := v(e(axis.X), e(axis.Y), e(axis.Z))
			lo, hi := sub(s.A, ext), add(s.A, ext)
			b.ExpandByPoint(&lo)
			b.ExpandByPoint(&hi)
		case ShapeSphere:
			grow(s.A, s.Radius)
		}
	}
	return b
}

// Small vector helpers that return values, which keeps shape code readable
// (math32's methods modify their receiver).
func add(a, b math32.Vector3) math32.Vector3 { return v(a.X+b.X, a.Y+b.Y, a.Z+b.Z) }
func sub(a, b math32.Vector3) math32.Vector3 { return v(a.X-b.X, a.Y-b.Y, a.Z-b.Z) }
func mul(a, b math32.Vector3) math32.Vector3 { return v(a.X*b.X, a.Y*b.Y, a.Z*b.Z) }
func scale(a math32.Vector3, s float32) math32.Vector3 {
	return v(a.X*s, a.Y*s, a.Z*s)
}
func cross(a, b math32.Vector3) math32.Vector3 {
	return v(a.Y*b.Z-a.Z*b.Y, a.Z*b.X-a.X*b.Z, a.X*b.Y-a.Y*b.X)
}

package gen

import "math"

// vec3 is a point or direction in model space, in metres.
type vec3 [3]float64

func v3(x, y, z float64) vec3 { return vec3{x, y, z} }

func (a vec3) add(b vec3) vec3             { return vec3{a[0] + b[0], a[1] + b[1], a[2] + b[2]} }
func (a vec3) sub(b vec3) vec3             { return vec3{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }
func (a vec3) mul(s float64) vec3          { return vec3{a[0] * s, a[1] * s, a[2] * s} }
func (a vec3) dot(b vec3) float64          { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }
func (a vec3) length() float64             { return math.Sqrt(a.dot(a)) }
func (a vec3) lerp(b vec3, t float64) vec3 { return a.add(b.sub(a).mul(t)) }

func (a vec3) cross(b vec3) vec3 {
	return vec3{a[1]*b[2] - a[2]*b[1], a[2]*b[0] - a[0]*b[2], a[0]*b[1] - a[1]*b[0]}
}

// norm returns a unit vector; a zero vector stays zero rather than turning
// into NaNs that would poison the whole buffer.
func (a vec3) norm() vec3 {
	l := a.length()
	if l == 0 {
		return a
	}
	return a.mul(1 / l)
}

// xform is an affine transform p' = m·p + t. Models are assembled by placing
// primitives built around the origin, so this is all the algebra needed.
type xform struct {
	m [3][3]float64
	t vec3
}

var identity = xform{m: [3][3]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}

func translate(x, y, z float64) xform {
	x1 := identity
	x1.t = vec3{x, y, z}
	return x1
}

func scale3(x, y, z float64) xform {
	return xform{m: [3][3]float64{{x, 0, 0}, {0, y, 0}, {0, 0, z}}}
}

// rotX, rotY and rotZ rotate counter-clockwise by a radians when looking
// from the positive end of the axis towards the origin.
func rotX(a float64) xform {
	c, s := math.Cos(a), math.Sin(a)
	return xform{m: [3][3]float64{{1, 0, 0}, {0, c, -s}, {0, s, c}}}
}

func rotY(a float64) xform {
	c, s := math.Cos(a), math.Sin(a)
	return xform{m: [3][3]float64{{c, 0, s}, {0, 1, 0}, {-s, 0, c}}}
}

func rotZ(a float64) xform {
	c, s := math.Cos(a), math.Sin(a)
	return xform{m: [3][3]float64{{c, -s, 0}, {s, c, 0}, {0, 0, 1}}}
}

// then returns the transform that applies x first and y second.
func (x xform) then(y xform) xform {
	var r xform
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			r.m[i][j] = y.m[i][0]*x.m[0][j] + y.m[i][1]*x.m[1][j] + y.m[i][2]*x.m[2][j]
		}
	}
	r.t = y.point(x.t)
	return r
}

func (x xform) point(p vec3) vec3 {
	return vec3{
		x.m[0][0]*p[0] + x.m[0][1]*p[1] + x.m[0][2]*p[2] + x.t[0],
		x.m[1][0]*p[0] + x.m[1][1]*p[1] + x.m[1][2]*p[2] + x.t[1],
		x.m[2][0]*p[0] + x.m[2][1]*p[1] + x.m[2][2]*p[2] + x.t[2],
	}
}

func (x xform) det() float64 {
	m := x.m
	return m[0][0]*(m[1][1]*m[2][2]-m[1][2]*m[2][1]) -
		m[0][1]*(m[1][0]*m[2][2]-m[1][2]*m[2][0]) +
		m[0][2]*(m[1][0]*m[2][1]-m[1][1]*m[2][0])
}

// normal transforms a surface normal with the cofactor matrix (the inverse
// transpose scaled by the determinant), so non-uniform scales such as the
// squashed sphere of a helmet keep their normals perpendicular to the surface.
func (x xform) normal(n vec3) vec3 {
	m := x.m
	c := [3][3]float64{
		{m[1][1]*m[2][2] - m[1][2]*m[2][1], m[1][2]*m[2][0] - m[1][0]*m[2][2], m[1][0]*m[2][1] - m[1][1]*m[2][0]},
		{m[0][2]*m[2][1] - m[0][1]*m[2][2], m[0][0]*m[2][2] - m[0][2]*m[2][0], m[0][1]*m[2][0] - m[0][0]*m[2][1]},
		{m[0][1]*m[1][2] - m[0][2]*m[1][1], m[0][2]*m[1][0] - m[0][0]*m[1][2], m[0][0]*m[1][1] - m[0][1]*m[1][0]},
	}
	r := vec3{
		c[0][0]*n[0] + c[0][1]*n[1] + c[0][2]*n[2],
		c[1][0]*n[0] + c[1][1]*n[1] + c[1][2]*n[2],
		c[2][0]*n[0] + c[2][1]*n[1] + c[2][2]*n[2],
	}
	if x.det() < 0 {
		r = r.mul(-1)
	}
	return r.norm()
}

// mesh is an indexed triangle list with a normal and a texture coordinate per
// vertex. Texture coordinates are in metres along the surface, with the wood
// grain running along v; materials turn them into texture repeats.
// Triangles are counter-clockwise seen from outside, as glTF requires.
type mesh struct {
	pos []vec3
	nrm []vec3
	uv  [][2]float64
	idx []uint32
}

func (m *mesh) vert(p, n vec3, u, v float64) uint32 {
	m.pos = append(m.pos, p)
	m.nrm = append(m.nrm, n)
	m.uv = append(m.uv, [2]float64{u, v})
	return uint32(len(m.pos) - 1)
}

func (m *mesh) tri(a, b, c uint32) { m.idx = append(m.idx, a, b, c) }

// quad adds two triangles for the counter-clockwise corners a, b, c, d.
func (m *mesh) quad(a, b, c, d uint32) { m.idx = append(m.idx, a, b, c, a, c, d) }

// add appends the geometry of others to m.
func (m *mesh) add(others ...*mesh) *mesh {
	for _, o := range others {
		base := uint32(len(m.pos))
		m.pos = append(m.pos, o.pos...)
		m.nrm = append(m.nrm, o.nrm...)
		m.uv = append(m.uv, o.uv...)
		for _, i := range o.idx {
			m.idx = append(m.idx, base+i)
		}
	}
	return m
}

// apply transforms m in place. A mirroring transform would turn every
// triangle inside out, so it also reverses the winding.
func (m *mesh) apply(x xform) *mesh {
	for i := range m.pos {
		m.pos[i] = x.point(m.pos[i])
		m.nrm[i] = x.normal(m.nrm[i])
	}
	if x.det() < 0 {
		for i := 0; i+2 < len(m.idx); i += 3 {
			m.idx[i+1], m.idx[i+2] = m.idx[i+2], m.idx[i+1]
		}
	}
	return m
}

func (m *mesh) at(x, y, z float64) *mesh { return m.apply(translate(x, y, z)) }

// bounds returns the axis-aligned box of m's vertices.
func (m *mesh) bounds() (lo, hi vec3) {
	lo = vec3{math.Inf(1), math.Inf(1), math.Inf(1)}
	hi = vec3{math.Inf(-1), math.Inf(-1), math.Inf(-1)}
	for _, p := range m.pos {
		for k := 0; k < 3; k++ {
			lo[k] = math.Min(lo[k], p[k])
			hi[k] = math.Max(hi[k], p[k])
		}
	}
	return lo, hi
}

// boxFaces lists the six faces of a box as (normal, u axis, v axis) with
// u × v = normal, so corners walked -u-v, +u-v, +u+v, -u+v are
// counter-clockwise seen from outside.
var boxFaces = [6][3]vec3{
	{{1, 0, 0}, {0, 0, -1}, {0, 1, 0}},
	{{-1, 0, 0}, {0, 0, 1}, {0, 1, 0}},
	{{0, 1, 0}, {1, 0, 0}, {0, 0, -1}},
	{{0, -1, 0}, {1, 0, 0}, {0, 0, 1}},
	{{0, 0, 1}, {1, 0, 0}, {0, 1, 0}},
	{{0, 0, -1}, {-1, 0, 0}, {0, 1, 0}},
}

func absv(a vec3) vec3 { return vec3{math.Abs(a[0]), math.Abs(a[1]), math.Abs(a[2])} }

// faceUV maps a point of a flat face to texture metres so that the grain
// (v) runs along the longer side of the face, as it does on real boards.
func faceUV(p, u, v vec3, lenU, lenV float64) (float64, float64) {
	s, t := p.dot(u), p.dot(v)
	if lenU > lenV {
		return t, s
	}
	return s, t
}

// box is an axis-aligned box between lo and hi with flat faces.
func box(lo, hi vec3) *mesh {
	m := &mesh{}
	c := lo.add(hi).mul(0.5)
	h := hi.sub(lo).mul(0.5)
	for _, f := range boxFaces {
		n, u, v := f[0], f[1], f[2]
		hn, hu, hv := absv(n).dot(h), absv(u).dot(h), absv(v).dot(h)
		fc := c.add(n.mul(hn))
		var ids [4]uint32
		for k, s := range [4][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}} {
			p := fc.add(u.mul(s[0] * hu)).add(v.mul(s[1] * hv))
			tu, tv := faceUV(p, u, v, hu, hv)
			ids[k] = m.vert(p, n, tu, tv)
		}
		m.quad(ids[0], ids[1], ids[2], ids[3])
	}
	return m
}

// roundBox is a box between lo and hi whose edges and corners are rounded
// with radius r in seg steps. It is built as a subdivided cube whose points
// are pushed out from an inner box, so faces meet without seams and the
// rounding gets smooth normals: this is what makes cushions and table tops
// catch the light like real ones.
func roundBox(lo, hi vec3, r float64, seg int) *mesh {
	c := lo.add(hi).mul(0.5)
	h := hi.sub(lo).mul(0.5)
	r = math.Min(r, 0.95*math.Min(h[0], math.Min(h[1], h[2])))
	if r <= 0 || seg < 1 {
		return box(lo, hi)
	}
	// Grid coordinates along one axis of half-extent hh: flat middle, then
	// seg steps into each rounded edge.
	coords := func(hh float64) []float64 {
		var out []float64
		for k := seg; k >= 0; k-- {
			out = append(out, -(hh - r + r*math.Sin(float64(k)/float64(seg)*math.Pi/2)))
		}
		for k := 0; k <= seg; k++ {
			out = append(out, hh-r+r*math.Sin(float64(k)/float64(seg)*math.Pi/2))
		}
		return out
	}
	inner := h.sub(vec3{r, r, r})
	m := &mesh{}
	for _, f := range boxFaces {
		n, u, v := f[0], f[1], f[2]
		hn, hu, hv := absv(n).dot(h), absv(u).dot(h), absv(v).dot(h)
		cu, cv := coords(hu), coords(hv)
		base := uint32(len(m.pos))
		for _, b := range cv {
			for _, a := range cu {
				p := n.mul(hn).add(u.mul(a)).add(v.mul(b))
				var in vec3
				for k := 0; k < 3; k++ {
					in[k] = math.Max(-inner[k], math.Min(inner[k], p[k]))
				}
				d := p.sub(in)
				nn := n
				if d.length() > 1e-12 {
					nn = d.norm()
					p = in.add(nn.mul(r))
				}
				wp := p.add(c)
				tu, tv := faceUV(wp, u, v, hu, hv)
				m.vert(wp, nn, tu, tv)
			}
		}
		w := uint32(len(cu))
		for j := uint32(0); j+1 < uint32(len(cv)); j++ {
			for i := uint32(0); i+1 < w; i++ {
				a := base + j*w + i
				m.quad(a, a+1, a+1+w, a+w)
			}
		}
	}
	return m
}

// perpendicular returns unit vectors u, v with u × v = w for a unit w.
func perpendicular(w vec3) (vec3, vec3) {
	ref := vec3{0, 1, 0}
	if math.Abs(w[1]) > 0.9 {
		ref = vec3{1, 0, 0}
	}
	u := ref.cross(w).norm()
	return u, w.cross(u)
}

// cone is a truncated cone from a (radius ra) to b (radius rb) with n sides
// and optional end caps; with ra == rb it is a cylinder. The grain of its
// texture runs along the axis.
func cone(a, b vec3, ra, rb float64, n int, capA, capB bool) *mesh {
	m := &mesh{}
	axis := b.sub(a)
	h := axis.length()
	w := axis.norm()
	u, v := perpendicular(w)
	ravg := (ra + rb) / 2
	var bottom, top []uint32
	for i := 0; i <= n; i++ {
		th := 2 * math.Pi * float64(i) / float64(n)
		dir := u.mul(math.Cos(th)).add(v.mul(math.Sin(th)))
		nn := dir.mul(h).add(w.mul(ra - rb)).norm()
		bottom = append(bottom, m.vert(a.add(dir.mul(ra)), nn, th*ravg, 0))
		top = append(top, m.vert(b.add(dir.mul(rb)), nn, th*ravg, h))
	}
	for i := 0; i < n; i++ {
		if rb == 0 {
			m.tri(bottom[i], bottom[i+1], top[i])
			continue
		}
		if ra == 0 {
			m.tri(bottom[i], top[i+1], top[i])
			continue
		}
		m.quad(bottom[i], bottom[i+1], top[i+1], top[i])
	}
	capAt := func(c vec3, r float64, nn vec3, flip bool) {
		center := m.vert(c, nn, c.dot(u), c.dot(v))
		var ring []uint32
		for i := 0; i <= n; i++ {
			th := 2 * math.Pi * float64(i) / float64(n)
			p := c.add(u.mul(math.Cos(th) * r)).add(v.mul(math.Sin(th) * r))
			ring = append(ring, m.vert(p, nn, p.dot(u), p.dot(v)))
		}
		for i := 0; i < n; i++ {
			if flip {
				m.tri(center, ring[i+1], ring[i])
			} else {
				m.tri(center, ring[i], ring[i+1])
			}
		}
	}
	if capA && ra > 0 {
		capAt(a, ra, w.mul(-1), true)
	}
	if capB && rb > 0 {
		capAt(b, rb, w, false)
	}
	return m
}

// cylinder is a capped cylinder from a to b.
func cylinder(a, b vec3, r float64, n int) *mesh { return cone(a, b, r, r, n, true, true) }

// rod is an open cylinder, for tubes whose ends are hidden inside other parts.
func rod(a, b vec3, r float64, n int) *mesh { return cone(a, b, r, r, n, false, false) }

// pt2 is a point of a lathe profile: r is the distance from the Y axis.
type pt2 struct{ r, y float64 }

// lathe revolves a profile around the Y axis with n segments. Walk the
// profile with the outside of the surface on your right (up the outside of a
// vase, down its inside). Corners sharper than 35° keep a crease; gentler
// ones are smoothed, so one profile can describe both the rounded rim and
// the flat base of a lamp.
func lathe(profile []pt2, n int) *mesh {
	m := &mesh{}
	segN := make([][2]float64, len(profile)-1)
	for i := 0; i+1 < len(profile); i++ {
		dr, dy := profile[i+1].r-profile[i].r, profile[i+1].y-profile[i].y
		l := math.Hypot(dr, dy)
		if l == 0 {
			segN[i] = [2]float64{0, 0}
			continue
		}
		segN[i] = [2]float64{dy / l, -dr / l}
	}
	length := 0.0
	ring := func(p pt2, nr [2]float64, t float64) []uint32 {
		ids := make([]uint32, 0, n+1)
		for k := 0; k <= n; k++ {
			th := 2 * math.Pi * float64(k) / float64(n)
			c, s := math.Cos(th), -math.Sin(th)
			pos := vec3{p.r * c, p.y, p.r * s}
			nn := vec3{nr[0] * c, nr[1], nr[0] * s}.norm()
			ids = append(ids, m.vert(pos, nn, th*math.Max(p.r, 0.02), t))
		}
		return ids
	}
	const creaseCos = 0.82 // cos 35°
	var prevEnd []uint32
	for i := 0; i+1 < len(profile); i++ {
		a, b := profile[i], profile[i+1]
		segLen := math.Hypot(b.r-a.r, b.y-a.y)
		if segLen == 0 {
			continue
		}
		na := segN[i]
		// A smooth corner reuses the previous segment's end ring, which was
		// made with the averaged normal; a crease starts a fresh ring.
		var start []uint32
		if i > 0 && prevEnd != nil && segN[i-1][0]*na[0]+segN[i-1][1]*na[1] >= creaseCos {
			start = prevEnd
		} else {
			start = ring(a, na, length)
		}
		nb := na
		if i+2 < len(profile) && segN[i+1][0]*na[0]+segN[i+1][1]*na[1] >= creaseCos {
			nb = [2]float64{na[0] + segN[i+1][0], na[1] + segN[i+1][1]}
			l := math.Hypot(nb[0], nb[1])
			nb = [2]float64{nb[0] / l, nb[1] / l}
		}
		end := ring(b, nb, length+segLen)
		for k := 0; k < n; k++ {
			switch {
			case a.r == 0 && b.r == 0:
			case a.r == 0:
				m.tri(start[k], end[k+1], end[k])
			case b.r == 0:
				m.tri(start[k], start[k+1], end[k])
			default:
				m.quad(start[k], start[k+1], end[k+1], end[k])
			}
		}
		length += segLen
		prevEnd = end
	}
	return m
}

// torus lies in the XY plane around the Z axis, like a bicycle wheel rolling
// along X: R is the distance from the centre to the tube's centre.
func torus(R, r float64, nu, nv int) *mesh {
	m := &mesh{}
	w := uint32(nv + 1)
	for i := 0; i <= nu; i++ {
		phi := 2 * math.Pi * float64(i) / float64(nu)
		radial := vec3{math.Cos(phi), math.Sin(phi), 0}
		for j := 0; j <= nv; j++ {
			psi := 2 * math.Pi * float64(j) / float64(nv)
			d := radial.mul(math.Cos(psi)).add(vec3{0, 0, math.Sin(psi)})
			p := radial.mul(R).add(d.mul(r))
			m.vert(p, d, phi*R, psi*r)
		}
	}
	for i := uint32(0); i < uint32(nu); i++ {
		for j := uint32(0); j < uint32(nv); j++ {
			a := i*w + j
			m.quad(a, a+w, a+w+1, a+1)
		}
	}
	return m
}

// sphere is a UV sphere of radius r centred on the origin.
func sphere(r float64, n int) *mesh {
	var prof []pt2
	rings := n / 2
	for i := 0; i <= rings; i++ {
		a := -math.Pi/2 + math.Pi*float64(i)/float64(rings)
		prof = append(prof, pt2{r * math.Cos(a), r * math.Sin(a)})
	}
	prof[0].r, prof[rings].r = 0, 0
	return lathe(prof, n)
}

// tube sweeps a circle of radius r along a polyline. Frames are carried
// along by projection so the tube does not twist; sharp corners pinch a
// little, so callers pass finely sampled curves for bends.
func tube(path []vec3, r float64, n int, capStart, capEnd bool) *mesh {
	m := &mesh{}
	if len(path) < 2 {
		return m
	}
	tangent := func(i int) vec3 {
		switch i {
		case 0:
			return path[1].sub(path[0]).norm()
		case len(path) - 1:
			return path[i].sub(path[i-1]).norm()
		}
		return path[i+1].sub(path[i]).norm().add(path[i].sub(path[i-1]).norm()).norm()
	}
	t0 := tangent(0)
	u, _ := perpendicular(t0)
	var rings [][]uint32
	length := 0.0
	for i, p := range path {
		t := tangent(i)
		u = u.sub(t.mul(u.dot(t))).norm()
		v := t.cross(u)
		if i > 0 {
			length += p.sub(path[i-1]).length()
		}
		var ids []uint32
		for k := 0; k <= n; k++ {
			th := 2 * math.Pi * float64(k) / float64(n)
			d := u.mul(math.Cos(th)).add(v.mul(math.Sin(th)))
			ids = append(ids, m.vert(p.add(d.mul(r)), d, th*r, length))
		}
		rings = append(rings, ids)
		if (i == 0 && capStart) || (i == len(path)-1 && capEnd) {
			nn := t
			if i == 0 {
				nn = t.mul(-1)
			}
			center := m.vert(p, nn, 0, 0)
			var rim []uint32
			for k := 0; k <= n; k++ {
				th := 2 * math.Pi * float64(k) / float64(n)
				d := u.mul(math.Cos(th)).add(v.mul(math.Sin(th)))
				rim = append(rim, m.vert(p.add(d.mul(r)), nn, d[0]*r, d[2]*r))
			}
			for k := 0; k < n; k++ {
				if i == 0 {
					m.tri(center, rim[k+1], rim[k])
				} else {
					m.tri(center, rim[k], rim[k+1])
				}
			}
		}
	}
	for i := 0; i+1 < len(rings); i++ {
		a, b := rings[i], rings[i+1]
		for k := 0; k < n; k++ {
			m.quad(a[k], a[k+1], b[k+1], b[k])
		}
	}
	return m
}

// arc returns points on a circular arc of radius r around c, in the plane
// spanned by unit vectors e1 and e2, from angle a0 to a1 in steps segments.
func arc(c, e1, e2 vec3, r, a0, a1 float64, steps int) []vec3 {
	out := make([]vec3, 0, steps+1)
	for i := 0; i <= steps; i++ {
		a := a0 + (a1-a0)*float64(i)/float64(steps)
		out = append(out, c.add(e1.mul(r*math.Cos(a))).add(e2.mul(r*math.Sin(a))))
	}
	return out
}

// hull is a six-sided solid from four bottom and four top corners, each
// listed in the same rotational order; faces are flat and their winding is
// fixed up from the centroid, so tapered keycaps, sloped backs and splayed
// legs need no bookkeeping. bottomFace chooses whether the bottom is closed.
func hull(bottom, top [4]vec3, bottomFace bool) *mesh {
	m := &mesh{}
	var centroid vec3
	for i := 0; i < 4; i++ {
		centroid = centroid.add(bottom[i]).add(top[i])
	}
	centroid = centroid.mul(1.0 / 8)
	faces := [][4]vec3{{top[0], top[1], top[2], top[3]}}
	if bottomFace {
		faces = append(faces, [4]vec3{bottom[3], bottom[2], bottom[1], bottom[0]})
	}
	for i := 0; i < 4; i++ {
		j := (i + 1) % 4
		faces = append(faces, [4]vec3{bottom[i], bottom[j], top[j], top[i]})
	}
	for _, f := range faces {
		n := f[2].sub(f[0]).cross(f[3].sub(f[1])).norm()
		fc := f[0].add(f[1]).add(f[2]).add(f[3]).mul(0.25)
		if n.dot(fc.sub(centroid)) < 0 {
			f = [4]vec3{f[3], f[2], f[1], f[0]}
			n = n.mul(-1)
		}
		u, v := perpendicular(n)
		e1, e2 := f[1].sub(f[0]).length(), f[3].sub(f[0]).length()
		var ids [4]uint32
		for k, p := range f {
			tu, tv := faceUV(p, u, v, e1, e2)
			ids[k] = m.vert(p, n, tu, tv)
		}
		m.quad(ids[0], ids[1], ids[2], ids[3])
	}
	return m
}

// panel is a single-sided rectangle centred on c facing n, with texture
// coordinates 0..1 across it (u along right, v downwards as images are
// stored), for screens that show a picture.
func panel(c, right, up vec3, w, h float64) *mesh {
	m := &mesh{}
	n := right.cross(up).norm()
	r, u := right.mul(w/2), up.mul(h/2)
	a := m.vert(c.sub(r).sub(u), n, 0, 1)
	b := m.vert(c.add(r).sub(u), n, 1, 1)
	d := m.vert(c.add(r).add(u), n, 1, 0)
	e := m.vert(c.sub(r).add(u), n, 0, 0)
	m.quad(a, b, d, e)
	return m
}

package gen

import "math"

// Shorthands used by the product builders, which read best as lists of
// extents in metres.

// bx is a sharp box from (x0, y0, z0) to (x1, y1, z1).
func bx(x0, y0, z0, x1, y1, z1 float64) *mesh { return box(v3(x0, y0, z0), v3(x1, y1, z1)) }

// bev is a box whose edges are eased with radius r: cheap (one rounding
// step) but enough to catch a highlight along the edge of a board.
func bev(x0, y0, z0, x1, y1, z1, r float64) *mesh {
	return roundBox(v3(x0, y0, z0), v3(x1, y1, z1), r, 1)
}

// soft is a well-rounded box, for cushions and mattresses.
func soft(x0, y0, z0, x1, y1, z1, r float64) *mesh {
	return roundBox(v3(x0, y0, z0), v3(x1, y1, z1), r, 2)
}

// leg is a tapered round leg standing on the floor at (x, z), splayed so its
// foot moves by (dx, dz) relative to its top.
func leg(x, z, top, rTop, rFoot, dx, dz float64) *mesh {
	return cone(v3(x+dx, 0, z+dz), v3(x, top, z), rFoot, rTop, 12, true, true)
}

// planarUV re-maps texture coordinates by projecting onto the floor plane,
// grain along x: for round table tops, where a lathe's own mapping would
// make the grain radiate from the centre.
func planarUV(m *mesh) *mesh {
	for i, p := range m.pos {
		m.uv[i] = [2]float64{p[2], p[0]}
	}
	return m
}

// smoothNormals recomputes normals from the triangles, averaging over
// vertices at the same position, after a deformation has bent a surface.
func smoothNormals(m *mesh) *mesh {
	type key [3]int64
	k := func(p vec3) key {
		return key{int64(math.Round(p[0] * 1e6)), int64(math.Round(p[1] * 1e6)), int64(math.Round(p[2] * 1e6))}
	}
	acc := map[key]vec3{}
	for t := 0; t+2 < len(m.idx); t += 3 {
		a, b, c := m.pos[m.idx[t]], m.pos[m.idx[t+1]], m.pos[m.idx[t+2]]
		n := b.sub(a).cross(c.sub(a)) // area-weighted
		for _, p := range []vec3{a, b, c} {
			acc[k(p)] = acc[k(p)].add(n)
		}
	}
	for i, p := range m.pos {
		if n := acc[k(p)]; n.length() > 0 {
			m.nrm[i] = n.norm()
		}
	}
	return m
}

// deform moves every vertex with f; call smoothNormals afterwards.
func deform(m *mesh, f func(vec3) vec3) *mesh {
	for i, p := range m.pos {
		m.pos[i] = f(p)
	}
	return m
}

// split divides m into the triangles whose centroid satisfies in and the
// rest, so one surface can carry two materials (a tent's door panel).
func split(m *mesh, in func(c vec3) bool) (yes, no *mesh) {
	yes, no = &mesh{}, &mesh{}
	for t := 0; t+2 < len(m.idx); t += 3 {
		ids := [3]uint32{m.idx[t], m.idx[t+1], m.idx[t+2]}
		c := m.pos[ids[0]].add(m.pos[ids[1]]).add(m.pos[ids[2]]).mul(1.0 / 3)
		dst := no
		if in(c) {
			dst = yes
		}
		var out [3]uint32
		for k, i := range ids {
			out[k] = dst.vert(m.pos[i], m.nrm[i], m.uv[i][0], m.uv[i][1])
		}
		dst.tri(out[0], out[1], out[2])
	}
	return yes, no
}

// about rotates a mesh by x around the point (cx, cy, cz).
func about(m *mesh, x xform, cx, cy, cz float64) *mesh {
	return m.apply(translate(-cx, -cy, -cz).then(x).then(translate(cx, cy, cz)))
}

// deg converts degrees to radians.
func deg(d float64) float64 { return d * math.Pi / 180 }

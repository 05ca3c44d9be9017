package gen

import "math"

// standingDesk is an electric sit-stand desk in its default 140 × 70 cm
// size at sitting height (75 cm): an oak top on a black steel frame with
// telescopic columns and a control panel.
func standingDesk() *model {
	md := newModel("standing-desk")
	const w, d, h = 1.40, 0.70, 0.75
	md.part("top", oak).add(bev(-w/2, h-0.026, -d/2, w/2, h, d/2, 0.006))
	frame := md.part("frame", blackMetal)
	for _, x := range []float64{-0.56, 0.56} {
		frame.add(
			soft(x-0.035, 0.012, -0.33, x+0.035, 0.05, 0.33, 0.012), // foot
			bx(x-0.045, 0.04, -0.03, x+0.045, 0.42, 0.03),           // outer column
			bx(x-0.037, 0.42, -0.024, x+0.037, 0.70, 0.024),         // inner column
			bx(x-0.03, 0.70, -0.30, x+0.03, h-0.026, 0.30),          // top bracket
		)
		for _, z := range []float64{-0.3, 0.3} {
			frame.add(cylinder(v3(x, 0, z), v3(x, 0.013, z), 0.018, 12)) // glides
		}
	}
	frame.add(bx(-0.52, 0.66, -0.025, 0.52, 0.71, 0.025)) // crossbar
	ctl := md.part("controls", blackPlas)
	ctl.add(bev(0.42, h-0.05, d/2-0.075, 0.58, h-0.026, d/2-0.01, 0.004))
	for i := 0; i < 4; i++ {
		x := 0.45 + 0.03*float64(i)
		ctl.add(cylinder(v3(x, h-0.05, d/2-0.042), v3(x, h-0.054, d/2-0.042), 0.008, 10))
	}
	md.part("display", ledWhite).add(panel(v3(0.50, h-0.038, d/2-0.0099), v3(1, 0, 0), v3(0, 1, 0), 0.04, 0.012))
	return md
}

// sheet builds a thin two-sided panel from a parametric surface f over
// [0,1]², thickness t behind it, with closed edges: the curved mesh back of
// an office chair, a sun lounger's sling.
func sheet(nu, nv int, f func(u, v float64) vec3, t float64) *mesh {
	m := &mesh{}
	// normalAt uses central differences; where the surface pinches to a
	// point (a parasol's apex) it looks a little way inside instead.
	normalAt := func(u, v float64) vec3 {
		const e = 1e-4
		for _, nudge := range []float64{0, 0.01, 0.03, 0.1} {
			uu := u + nudge*(0.5-u)
			vv := v + nudge*(0.5-v)
			du := f(math.Min(uu+e, 1), vv).sub(f(math.Max(uu-e, 0), vv))
			dv := f(uu, math.Min(vv+e, 1)).sub(f(uu, math.Max(vv-e, 0)))
			if n := du.cross(dv); n.length() > 1e-14 {
				return n.norm()
			}
		}
		return vec3{0, 1, 0}
	}
	lu := f(1, 0.5).sub(f(0, 0.5)).length()
	lv := f(0.5, 1).sub(f(0.5, 0)).length()
	grid := func(back bool) []uint32 {
		ids := make([]uint32, 0, (nu+1)*(nv+1))
		for j := 0; j <= nv; j++ {
			for i := 0; i <= nu; i++ {
				u, v := float64(i)/float64(nu), float64(j)/float64(nv)
				n := normalAt(u, v)
				p := f(u, v)
				if back {
					p, n = p.sub(n.mul(t)), n.mul(-1)
				}
				ids = append(ids, m.vert(p, n, u*lu, v*lv))
			}
		}
		w := uint32(nu + 1)
		for j := uint32(0); j < uint32(nv); j++ {
			for i := uint32(0); i < uint32(nu); i++ {
				a := ids[j*w+i]
				if back {
					m.quad(a, ids[(j+1)*w+i], ids[(j+1)*w+i+1], ids[j*w+i+1])
				} else {
					m.quad(a, ids[j*w+i+1], ids[(j+1)*w+i+1], ids[(j+1)*w+i])
				}
			}
		}
		return ids
	}
	grid(false)
	grid(true)
	// Edges: a strip along each border, normal pointing outwards.
	edge := func(n int, at func(k int) (float64, float64), outward func(u, v float64) vec3) {
		for k := 0; k < n; k++ {
			u0, v0 := at(k)
			u1, v1 := at(k + 1)
			p0, p1 := f(u0, v0), f(u1, v1)
			q0, q1 := p0.sub(normalAt(u0, v0).mul(t)), p1.sub(normalAt(u1, v1).mul(t))
			o := outward(u0, v0)
			a, b, c, d := m.vert(p0, o, 0, 0), m.vert(p1, o, 0, 0), m.vert(q1, o, 0, 0), m.vert(q0, o, 0, 0)
			if m.pos[b].sub(m.pos[a]).cross(m.pos[d].sub(m.pos[a])).dot(o) >= 0 {
				m.quad(a, b, c, d)
			} else {
				m.quad(d, c, b, a)
			}
		}
	}
	// fu and fv are the directions of increasing u and v in the surface,
	// nudged inwards like normalAt where the surface pinches.
	along := func(u, v float64, du, dv float64) vec3 {
		for _, nudge := range []float64{0, 0.01, 0.03, 0.1} {
			uu := u + nudge*(0.5-u)
			vv := v + nudge*(0.5-v)
			d := f(math.Min(uu+du, 1), math.Min(vv+dv, 1)).sub(f(math.Max(uu-du, 0), math.Max(vv-dv, 0)))
			if d.length() > 1e-9 {
				return d.norm()
			}
		}
		return vec3{0, 1, 0}
	}
	fu := func(u, v float64) vec3 { return along(u, v, 1e-4, 0) }
	fv := func(u, v float64) vec3 { return along(u, v, 0, 1e-4) }
	edge(nu, func(k int) (float64, float64) { return float64(k) / float64(nu), 0 }, func(u, v float64) vec3 { return fv(u, v).mul(-1) })
	edge(nu, func(k int) (float64, float64) { return float64(k) / float64(nu), 1 }, fv)
	edge(nv, func(k int) (float64, float64) { return 0, float64(k) / float64(nv) }, func(u, v float64) vec3 { return fu(u, v).mul(-1) })
	edge(nv, func(k int) (float64, float64) { return 1, float64(k) / float64(nv) }, fu)
	return m
}

// ergonomicChair is a mesh-back office chair on a five-star aluminium base
// with casters, gas lift, padded seat, armrests and headrest; 66 cm wide,
// 122 cm tall.
func ergonomicChair() *model {
	md := newModel("ergonomic-chair")
	base := md.part("base", aluminium)
	base.add(cylinder(v3(0, 0.07, 0), v3(0, 0.15, 0), 0.05, 20))
	frame := md.part("frame", blackPlas)
	for i := 0; i < 5; i++ {
		a := deg(270 + 72*float64(i)) // one leg straight back, under the sitter's weight
		dir := v3(math.Cos(a), 0, math.Sin(a))
		side := v3(-dir[2], 0, dir[0])
		in, out := dir.mul(0.04), dir.mul(0.31)
		base.add(hull(
			[4]vec3{in.add(side.mul(0.024)).add(v3(0, 0.08, 0)), out.add(side.mul(0.016)).add(v3(0, 0.075, 0)), out.sub(side.mul(0.016)).add(v3(0, 0.075, 0)), in.sub(side.mul(0.024)).add(v3(0, 0.08, 0))},
			[4]vec3{in.add(side.mul(0.024)).add(v3(0, 0.14, 0)), out.add(side.mul(0.016)).add(v3(0, 0.1, 0)), out.sub(side.mul(0.016)).add(v3(0, 0.1, 0)), in.sub(side.mul(0.024)).add(v3(0, 0.14, 0))},
			true))
		tip := dir.mul(0.29)
		// Caster: a stem, a hood and twin wheels turned along the leg.
		frame.add(cylinder(tip.add(v3(0, 0.05, 0)), tip.add(v3(0, 0.08, 0)), 0.01, 8))
		w0 := tip.add(dir.mul(0.025)).add(side.mul(-0.022)).add(v3(0, 0.03, 0))
		w1 := tip.add(dir.mul(0.025)).add(side.mul(0.022)).add(v3(0, 0.03, 0))
		frame.add(cylinder(w0, w1, 0.03, 16))
		frame.add(bev(tip[0]-0.02, 0.045, tip[2]-0.02, tip[0]+0.02, 0.065, tip[2]+0.02, 0.006))
	}
	frame.add(
		cylinder(v3(0, 0.15, 0), v3(0, 0.31, 0), 0.027, 16),                                                                // gas lift sleeve
		bev(-0.1, 0.39, -0.14, 0.1, 0.445, 0.12, 0.015),                                                                    // mechanism
		tube([]vec3{v3(0, 0.42, -0.1), v3(0, 0.44, -0.2), v3(0, 0.5, -0.235), v3(0, 0.62, -0.255)}, 0.022, 10, true, true), // spine
	)
	for _, s := range []float64{-1, 1} {
		x := s * 0.27
		frame.add(
			tube([]vec3{v3(s*0.1, 0.43, 0.0), v3(x, 0.43, 0.0), v3(x, 0.5, 0.02), v3(x, 0.65, 0.02)}, 0.014, 10, true, false),
			soft(x-0.045, 0.65, -0.1, x+0.045, 0.68, 0.14, 0.012),
		)
	}
	md.part("lift", chrome).add(cylinder(v3(0, 0.31, 0), v3(0, 0.40, 0), 0.018, 14))
	md.part("seat", seatFabric).add(soft(-0.25, 0.445, -0.22, 0.25, 0.525, 0.26, 0.035))
	// The back is curved around the sitter, reclined about 12° and bulges
	// forward low down for the lumbar; the headrest follows the same plane.
	back := func(x0, x1, y0, y1, curve, lumbar float64) func(u, v float64) vec3 {
		return func(u, v float64) vec3 {
			x := x0 + (x1-x0)*u
			y := y0 + (y1-y0)*v
			half := (x1 - x0) / 2
			z := -0.25 + curve*(x/half)*(x/half) - (y-0.58)*0.17 + lumbar*math.Exp(-math.Pow((v-0.25)/0.15, 2))
			return v3(x, y, z)
		}
	}
	f := back(-0.23, 0.23, 0.58, 1.08, 0.05, 0.025)
	meshPart := md.part("back", chairMesh)
	meshPart.add(sheet(12, 10, f, 0.006))
	meshPart.add(sheet(8, 3, back(-0.14, 0.14, 1.13, 1.22, 0.03, 0), 0.025))
	// Frame around the mesh: follow the sheet's border.
	var loop []vec3
	for i := 0; i <= 12; i++ {
		loop = append(loop, f(float64(i)/12, 0))
	}
	for j := 1; j <= 10; j++ {
		loop = append(loop, f(1, float64(j)/10))
	}
	for i := 11; i >= 0; i-- {
		loop = append(loop, f(float64(i)/12, 1))
	}
	for j := 9; j >= 0; j-- {
		loop = append(loop, f(0, float64(j)/10))
	}
	frame.add(tube(loop, 0.012, 8, false, false))
	top := f(0.5, 1)
	frame.add(cylinder(top.add(v3(0, -0.02, -0.02)), top.add(v3(0, 0.07, -0.04)), 0.012, 8)) // headrest post
	return md
}

// deskLamp is a black architect lamp with an LED head: a weighted base, two
// parallel-rod arms and a conical shade, about 50 cm tall.
func deskLamp() *model {
	md := newModel("desk-lamp")
	body := md.part("body", blackMetal)
	body.add(lathe([]pt2{{0, 0}, {0.085, 0}, {0.088, 0.006}, {0.088, 0.022}, {0.08, 0.03}, {0.02, 0.032}, {0.02, 0.05}, {0, 0.05}}, 40))
	base := v3(-0.02, 0.06, 0)
	elbow := v3(0.10, 0.42, 0)
	head := v3(0.36, 0.40, 0)
	for _, z := range []float64{-0.012, 0.012} {
		body.add(
			rod(base.add(v3(0, 0, z)), elbow.add(v3(0, 0, z)), 0.005, 8),
			rod(elbow.add(v3(0, 0, z)), head.add(v3(0, 0, z)), 0.005, 8),
		)
	}
	// Joints are short cylinders across the arms.
	for _, j := range []vec3{base, elbow, head} {
		body.add(cylinder(j.add(v3(0, 0, -0.02)), j.add(v3(0, 0, 0.02)), 0.013, 14))
	}
	body.add(cylinder(v3(-0.02, 0.04, 0), base, 0.012, 12))
	// Springs along the lower arm.
	body.add(rod(base.add(v3(0.03, 0.02, 0)), elbow.add(v3(0.02, -0.06, 0)), 0.006, 8))
	// Shade: a thin cone pointing down and forward from the head joint.
	shade := lathe([]pt2{{0.075, -0.13}, {0.032, -0.01}, {0.02, 0}, {0, 0}, {0, -0.002}, {0.018, -0.002}, {0.07, -0.13}, {0.075, -0.13}}, 32)
	tilt := rotZ(deg(20)).then(translate(head[0]+0.02, head[1]-0.005, 0))
	body.add(shade.apply(tilt))
	md.part("led", ledWhite).add(cylinder(v3(0, -0.12, 0), v3(0, -0.118, 0), 0.066, 32).apply(tilt))
	return md
}

// oakBookshelf is a five-shelf oak bookcase, 90 × 35 × 190 cm. Its back is
// open, as the catalogue promises, so it can stand in a room as a divider:
// the shelves run the full depth and a recessed plinth at the front and at
// the back keeps it tidy from either side.
func oakBookshelf() *model {
	md := newModel("oak-bookshelf")
	const w, d, h, t = 0.90, 0.35, 1.90, 0.025
	x0, x1, z0, z1 := -w/2, w/2, -d/2, d/2
	c := md.part("carcass", oak)
	c.add(
		bev(x0, 0, z0, x0+t, h, z1, 0.003),
		bev(x1-t, 0, z0, x1, h, z1, 0.003),
		bev(x0, h-t, z0, x1, h, z1, 0.003),
		bx(x0+t, 0, z1-0.04, x1-t, 0.07, z1-0.02), // plinths
		bx(x0+t, 0, z0+0.02, x1-t, 0.07, z0+0.04),
	)
	const bottom = 0.07
	step := (h - t - bottom) / 5
	for i := 0; i < 5; i++ {
		y := bottom + float64(i)*step
		c.add(bev(x0+t, y, z0+0.005, x1-t, y+t, z1-0.005, 0.003))
	}
	return md
}

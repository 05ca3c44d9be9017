package gen

import "math"

// bezier samples a quadratic Bézier curve, for bent tubes.
func bezier(p0, p1, p2 vec3, steps int) []vec3 {
	out := make([]vec3, 0, steps+1)
	for i := 0; i <= steps; i++ {
		t := float64(i) / float64(steps)
		a := p0.lerp(p1, t)
		b := p1.lerp(p2, t)
		out = append(out, a.lerp(b, t))
	}
	return out
}

// wheel adds a 700×40C wheel centred at c: tyre, rim, hub and sixteen
// spokes laced to alternate hub flanges (a real wheel has more; these are
// enough to read as spokes and cheap to draw).
func wheel(c vec3, tyres, metal *part) {
	const rimR = 0.305
	tyres.add(torus(0.331, 0.02, 40, 8).at(c[0], c[1], c[2]))
	metal.add(torus(rimR, 0.011, 40, 6).at(c[0], c[1], c[2]))
	metal.add(cylinder(c.add(v3(0, 0, -0.05)), c.add(v3(0, 0, 0.05)), 0.014, 12))
	for _, z := range []float64{-0.032, 0.032} {
		metal.add(cylinder(c.add(v3(0, 0, z-0.003)), c.add(v3(0, 0, z+0.003)), 0.03, 16))
	}
	for i := 0; i < 16; i++ {
		a := 2 * math.Pi * float64(i) / 16
		z := 0.03
		if i%2 == 1 {
			z = -0.03
		}
		hub := c.add(v3(0.027*math.Cos(a+0.3), 0.027*math.Sin(a+0.3), z))
		rim := c.add(v3((rimR-0.005)*math.Cos(a), (rimR-0.005)*math.Sin(a), 0))
		metal.add(rod(hub, rim, 0.0016, 4))
	}
}

// fender is a mudguard: a shallow C-section strip around a wheel centred at
// c, from angle a0 to a1 (radians, counter-clockwise from +x).
func fender(c vec3, a0, a1 float64) *mesh {
	return sheet(18, 2, func(u, v float64) vec3 {
		a := a0 + (a1-a0)*u
		r := 0.372 - 0.012*math.Pow(2*v-1, 2)
		return c.add(v3(r*math.Cos(a), r*math.Sin(a), (v-0.5)*0.06))
	}, 0.003)
}

// cityBike is a step-through city bike with an aluminium frame, 700C
// wheels, mudguards, rear rack, chain guard, swept-back bar and a sprung
// leather saddle: 178 cm long, 104 cm high. It rolls along x.
func cityBike() *model {
	md := newModel("city-bike")
	frame := md.part("frame", bikePaint)
	tyres := md.part("tyres", rubber)
	metal := md.part("fittings", aluminium)
	saddle := md.part("saddle", leather)
	drive := md.part("drivetrain", blackMetal)

	rear, front := v3(-0.56, 0.351, 0), v3(0.50, 0.351, 0)
	bb := v3(-0.04, 0.29, 0)
	seat := v3(-0.22, 0.80, 0)
	htTop, htBot := v3(0.355, 0.78, 0), v3(0.40, 0.585, 0)
	wheel(rear, tyres, metal)
	wheel(front, tyres, metal)

	frame.add(
		tube([]vec3{bb.add(v3(0.01, -0.02, 0)), seat.add(v3(0, 0.03, 0))}, 0.016, 12, true, true), // seat tube
		cylinder(htBot.add(v3(0.005, -0.02, 0)), htTop.add(v3(-0.002, 0.01, 0)), 0.021, 14),       // head tube
		tube(bezier(v3(0.39, 0.66, 0), v3(0.20, 0.30, 0), bb.add(v3(-0.01, 0, 0)), 10), 0.022, 12, false, true),
		tube(bezier(v3(0.375, 0.72, 0), v3(0.08, 0.40, 0), v3(-0.11, 0.5, 0), 10), 0.016, 10, false, false),
		cylinder(bb.add(v3(0, 0, -0.045)), bb.add(v3(0, 0, 0.045)), 0.022, 14), // bottom bracket shell
	)
	for _, s := range []float64{-1, 1} {
		frame.add(
			rod(bb.add(v3(-0.02, 0, s*0.022)), rear.add(v3(0, 0, s*0.04)), 0.01, 8),
			rod(seat.add(v3(-0.01, -0.02, s*0.018)), rear.add(v3(0, 0, s*0.04)), 0.0085, 8),
			tube(bezier(htBot.add(v3(0, 0, s*0.035)), v3(0.47, 0.45, s*0.045), front.add(v3(0, 0, s*0.045)), 8), 0.011, 8, false, true), // fork legs
		)
	}
	frame.add(bev(0.37, 0.565, -0.045, 0.43, 0.59, 0.045, 0.008)) // fork crown
	frame.add(fender(rear, deg(15), deg(200)), fender(front, deg(-20), deg(150)))

	// Cockpit: stem, swept-back bar, grips.
	stemTop := v3(0.345, 0.90, 0)
	metal.add(cylinder(htTop, stemTop, 0.014, 12))
	metal.add(cylinder(stemTop, v3(0.40, 0.93, 0), 0.013, 10))
	bar := []vec3{v3(0.27, 0.955, -0.3), v3(0.33, 0.945, -0.26), v3(0.39, 0.935, -0.15), v3(0.40, 0.93, 0), v3(0.39, 0.935, 0.15), v3(0.33, 0.945, 0.26), v3(0.27, 0.955, 0.3)}
	metal.add(tube(bar, 0.011, 10, true, true))
	for _, s := range []float64{-1, 1} {
		saddle.add(tube([]vec3{v3(0.31, 0.948, s*0.27), v3(0.26, 0.956, s*0.305)}, 0.016, 12, true, true))
	}

	// Seat post and sprung leather saddle, narrow at the nose (+x).
	postTop := seat.add(v3(-0.05, 0.15, 0))
	metal.add(cylinder(seat, postTop, 0.0135, 12))
	metal.add(bx(postTop[0]-0.09, postTop[1], -0.03, postTop[0]+0.06, postTop[1]+0.012, 0.03))
	for _, z := range []float64{-0.05, 0.05} {
		metal.add(cylinder(v3(postTop[0]-0.08, postTop[1], z), v3(postTop[0]-0.08, postTop[1]+0.045, z), 0.013, 10))
	}
	s := deform(sphere(1, 20), func(p vec3) vec3 {
		width := 0.085 * (0.42 + 0.58*(1-smoothstep(-0.3, 0.9, p[0])))
		y := p[1] * 0.035
		if y < 0 {
			y *= 0.5
		}
		return v3(p[0]*0.14, y, p[2]*width)
	})
	saddle.add(smoothNormals(s).at(postTop[0]-0.02, postTop[1]+0.06, 0))

	// Drive side: chainring, cranks, pedals and a chain guard; rack and stand.
	drive.add(cylinder(bb.add(v3(0, 0, 0.05)), bb.add(v3(0, 0, 0.056)), 0.095, 32))
	for _, side := range []float64{-1, 1} {
		a := deg(-35)
		if side < 0 {
			a += math.Pi
		}
		end := bb.add(v3(0.17*math.Cos(a), 0.17*math.Sin(a), side*0.075))
		drive.add(tube([]vec3{bb.add(v3(0, 0, side*0.07)), end}, 0.011, 8, true, true))
		drive.add(bev(end[0]-0.05, end[1]-0.012, end[2]+side*0.005-0.04, end[0]+0.05, end[1]+0.012, end[2]+side*0.005+0.04, 0.006).at(0, 0, side*0.04))
	}
	guard := bev(-0.57, -0.03, 0.064, 0.1, 0.045, 0.07, 0.012)
	drive.add(about(guard, rotZ(math.Atan2(rear[1]-bb[1], rear[0]-bb[0])+math.Pi), 0, 0, 0).at(bb[0]-0.02, bb[1]+0.03, 0))
	for _, z := range []float64{-0.07, 0.07} {
		drive.add(
			tube([]vec3{v3(-0.24, 0.77, z), v3(-0.84, 0.77, z)}, 0.006, 8, true, true),
			rod(v3(-0.78, 0.77, z), rear.add(v3(0, 0, z)), 0.005, 6),
			rod(v3(-0.3, 0.77, z), seat.add(v3(-0.04, -0.05, z*0.4)), 0.005, 6),
		)
	}
	for _, x := range []float64{-0.34, -0.52, -0.7} {
		drive.add(rod(v3(x, 0.77, -0.07), v3(x, 0.77, 0.07), 0.005, 6))
	}
	drive.add(tube([]vec3{rear.add(v3(0.1, 0.02, -0.05)), v3(-0.50, 0.02, -0.12)}, 0.008, 8, true, true)) // kickstand
	return md
}

func smoothstep(a, b, x float64) float64 {
	t := clamp01((x - a) / (b - a))
	return t * t * (3 - 2*t)
}

// cyclingHelmet is an urban helmet, 21 × 29 × 16 cm: a matte shell whose
// edge rises over the brow and dips over the neck, a rubber edge trim, dark
// foam liner, five top vents and an integrated red rear light. Its front
// faces +z.
func cyclingHelmet() *model {
	md := newModel("cycling-helmet")
	const ax, az, hy = 0.105, 0.145, 0.155
	const power = 0.75 // profile r = cos(t)^power, y = sin(t): a full, round dome
	var outer, inner []pt2
	for i := 0; i <= 14; i++ {
		t := deg(90 * float64(i) / 14)
		outer = append(outer, pt2{math.Pow(math.Cos(t), power), math.Sin(t)})
	}
	outer[14].r = 0
	for i := 14; i >= 0; i-- {
		t := deg(90 * float64(i) / 14)
		inner = append(inner, pt2{0.9 * math.Pow(math.Cos(t), power), 0.88 * math.Sin(t)})
	}
	inner[0].r = 0
	rim := []pt2{{0.9, 0}, {1, 0}}
	// The edge dips over the neck and rises over the brow; the crown sits
	// a little behind the middle, so the front slopes like a forehead.
	shapeAt := func(p vec3) vec3 {
		low := 1 - p[1]/hy
		back := smoothstep(0, -az, p[2])
		front := smoothstep(0.3*az, az, p[2])
		y := p[1] - 0.045*back*low*low + 0.03*front*low*low
		return v3(p[0], y, p[2]-0.012*p[1]/hy)
	}
	shape := func(m *mesh) *mesh {
		m.apply(scale3(ax, hy, az))
		return smoothNormals(deform(m, shapeAt))
	}
	// surface is the outer shell point above (x, z), sunk by depth.
	surface := func(x, z, depth float64) vec3 {
		rho := math.Min(math.Hypot(x/ax, z/az), 1)
		y := hy * math.Sin(math.Acos(math.Pow(rho, 1/power)))
		return shapeAt(v3(x, y-depth, z))
	}
	md.part("shell", helmetShel).add(shape(lathe(append(rim, outer...), 40)))
	liner := md.part("liner", eps)
	liner.add(shape(lathe(inner, 40)))
	var edge []vec3
	for k := 0; k <= 40; k++ {
		a := 2 * math.Pi * float64(k) / 40
		edge = append(edge, shapeAt(v3(ax*0.98*math.Cos(a), 0.004, -az*0.98*math.Sin(a))))
	}
	liner.add(tube(edge, 0.0065, 8, false, false))
	// Vents: dark slots just proud of the shell, following its curve.
	for i := -2; i <= 2; i++ {
		x := float64(i) * 0.026
		var path []vec3
		for k := 0; k <= 6; k++ {
			z := 0.075 - 0.1*float64(k)/6 - 0.012*math.Abs(float64(i))
			path = append(path, surface(x*(1-0.1*float64(k)/6), z, 0.003))
		}
		liner.add(tube(path, 0.0048, 8, true, true))
	}
	light := surface(0, -az*0.97, 0)
	md.part("light", ledRed).add(soft(-0.026, light[1]+0.006, light[2]-0.012, 0.026, light[1]+0.022, light[2]+0.006, 0.006))
	return md
}

// bikeLightSet is a pair of USB rechargeable lights side by side: a white
// front lamp and a red rear lamp on silicone mounts, lenses facing +z.
func bikeLightSet() *model {
	md := newModel("bike-light-set")
	bodies := md.part("bodies", blackPlas)
	mounts := md.part("mounts", rubber)
	// Front: a longer body with a round lens.
	bodies.add(soft(-0.075, 0.012, -0.045, -0.035, 0.05, 0.045, 0.012))
	md.part("front lens", ledWhite).add(cylinder(v3(-0.055, 0.031, 0.044), v3(-0.055, 0.031, 0.05), 0.014, 24))
	bodies.add(lathe([]pt2{{0.019, 0}, {0.019, 0.004}, {0.015, 0.007}}, 24).apply(rotX(deg(90))).at(-0.055, 0.031, 0.044))
	// Rear: a shorter body with a tall rectangular lens.
	bodies.add(soft(0.035, 0.012, -0.03, 0.07, 0.052, 0.03, 0.01))
	md.part("rear lens", ledRed).add(soft(0.039, 0.016, 0.026, 0.066, 0.048, 0.034, 0.004))
	for _, x := range []float64{-0.055, 0.0525} {
		mounts.add(soft(x-0.015, 0, -0.02, x+0.015, 0.014, 0.02, 0.005))
		mounts.add(cylinder(v3(x-0.004, 0.05, -0.01), v3(x+0.004, 0.05, -0.01), 0.004, 8)) // button
	}
	return md
}

// uLock is a hardened steel U-lock standing on its crossbar, black as the
// catalogue sells it: a 16 mm shackle and a crossbar in black vinyl
// coating, black end caps and a bare chrome key cylinder; 108 × 245 mm
// overall, the width and height the catalogue
// gives. That leaves the shackle legs 56 mm apart inside: the end caps are
// kept short so the gap is as wide as the overall width allows.
func uLock() *model {
	md := newModel("u-lock")
	const (
		r, half    = 0.008, 0.036 // shackle tube radius; its legs' distance from the middle
		barR, capR = 0.019, 0.021
		y0         = capR             // the crossbar's axis, so the caps rest on the floor
		y1         = 0.245 - half - r // where the legs start to bend
		capIn, end = 0.046, 0.054     // the caps run from capIn to the overall half width
		keyProud   = 0.0005           // the key cylinder stands this much proud of its cap
	)
	path := []vec3{v3(-half, y0, 0), v3(-half, y1, 0)}
	path = append(path, arc(v3(0, y1, 0), v3(1, 0, 0), v3(0, 1, 0), half, math.Pi, 0, 24)[1:]...)
	path = append(path, v3(half, y0, 0))
	// The shackle and the crossbar share the vinyl coating, so they are one
	// part: one draw call instead of two.
	md.part("shackle and crossbar", blackVinyl).add(
		tube(path, r, 14, true, true),
		cylinder(v3(-capIn-0.001, y0, 0), v3(capIn+0.001, y0, 0), barR, 28),
	)
	caps := md.part("caps", blackPlas)
	// One cap profile along +y, turned to point along +x and -x; the key
	// side is shorter by what the key cylinder stands proud, so the lock
	// stays symmetric overall.
	endCap := func(e float64) *mesh {
		return lathe([]pt2{{0, capIn}, {capR, capIn}, {capR, e - 0.004}, {capR - 0.004, e}, {0, e}}, 28)
	}
	caps.add(endCap(end-keyProud).apply(rotZ(deg(-90))).at(0, y0, 0))
	caps.add(endCap(end).apply(rotZ(deg(90))).at(0, y0, 0))
	md.part("key cylinder", chrome).add(cylinder(v3(end-0.003, y0, 0), v3(end, y0, 0), 0.009, 20))
	return md
}

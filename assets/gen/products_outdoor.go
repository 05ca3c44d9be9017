package gen

import "math"

// gardenBench is a two-seat teak garden bench, 120 × 60 × 88 cm: square
// legs, armrests, five seat slats and a reclined back of vertical slats.
func gardenBench() *model {
	md := newModel("garden-bench")
	const hw = 0.6
	const seatY = 0.45
	frame := md.part("frame", teak)
	slats := md.part("slats", teak)
	recline := deg(-9)
	pivot := v3(0, seatY, -0.225)
	upright := func(m *mesh) *mesh { return about(m, rotX(recline), pivot[0], pivot[1], pivot[2]) }
	for _, s := range []float64{-1, 1} {
		x := s * (hw - 0.035)
		frame.add(
			bev(x-0.025, 0, 0.2, x+0.025, 0.64, 0.25, 0.004),                     // front leg
			bev(x-0.025, 0, -0.25, x+0.025, seatY, -0.2, 0.004),                  // back leg, lower
			upright(bev(x-0.025, seatY-0.01, -0.25, x+0.025, 0.89, -0.2, 0.004)), // back post
			bev(x-0.02, seatY-0.07, -0.2, x+0.02, seatY-0.015, 0.2, 0.003),       // seat rail
			bev(x-0.02, 0.1, -0.2, x+0.02, 0.15, 0.2, 0.003),                     // stretcher
			bev(x-0.045, 0.64, -0.27, x+0.045, 0.665, 0.29, 0.005),               // armrest
		)
	}
	frame.add(
		bev(-hw+0.06, seatY-0.075, 0.2, hw-0.06, seatY-0.015, 0.24, 0.003),   // front apron
		bev(-hw+0.06, seatY-0.075, -0.24, hw-0.06, seatY-0.015, -0.2, 0.003), // back apron
		upright(bev(-hw+0.06, 0.5, -0.24, hw-0.06, 0.56, -0.21, 0.003)),      // back rails
		upright(bev(-hw+0.06, 0.8, -0.245, hw-0.06, 0.87, -0.205, 0.004)),
	)
	for i := 0; i < 5; i++ {
		z0 := -0.19 + float64(i)*0.083
		slats.add(bev(-hw+0.06, seatY-0.015, z0, hw-0.06, seatY+0.008, z0+0.07, 0.004))
	}
	for i := 0; i < 9; i++ {
		x := -0.44 + float64(i)*0.11
		slats.add(upright(bev(x-0.022, 0.56, -0.232, x+0.022, 0.8, -0.216, 0.003)))
	}
	return md
}

// patioParasol is a 3 m octagonal patio parasol with a crank: a sand
// canopy with a valance over eight ribs, an aluminium pole and a stone base.
// The base is sold separately, but a parasol cannot stand without one, so it
// is shown, and the product's "Base sold separately" hotspot sits on it.
// The catalogue's 255 cm is the parasol itself, what the customer buys:
// from the foot of its pole, which stands in the base's socket 8 cm above
// the floor, to the top of the pole; with the base the model is 263 cm.
func patioParasol() *model {
	md := newModel("patio-parasol")
	const foot, length = 0.08, 2.55
	const top = foot + length
	const R, apex = 1.5, top - 0.16
	const rimY, runnerY = apex - 0.38, apex - 0.5
	ribR := func(v float64) float64 { return R * v }
	ribY := func(v float64) float64 { return apex - (apex-rimY)*math.Pow(v, 1.5) }
	canopyPart := md.part("canopy", canopy)
	frame := md.part("frame", aluminium)
	for i := 0; i < 8; i++ {
		a0 := 2 * math.Pi * float64(i) / 8
		a1 := 2 * math.Pi * float64(i+1) / 8
		point := func(u, v float64) vec3 {
			a := a0 + (a1-a0)*u
			sag := math.Sin(math.Pi * u)
			// Between ribs the fabric pulls straight (a chord, not an arc)
			// and sags a little.
			chord := math.Cos(math.Pi/8) / math.Cos(a-(a0+a1)/2)
			r := ribR(v) * chord
			return v3(r*math.Cos(a), ribY(v)-0.03*sag*v, r*math.Sin(a))
		}
		// The panels start under the vent cap, so no sheet pinches to the apex.
		canopyPart.add(sheet(4, 6, func(u, v float64) vec3 { return point(u, 0.12+0.88*v) }, 0.006))
		canopyPart.add(sheet(4, 1, func(u, v float64) vec3 {
			p := point(u, 1)
			return v3(p[0], p[1]-0.13*v, p[2])
		}, 0.004))
		// Rib under the canopy seam and a runner strut from the pole.
		var rib []vec3
		for k := 0; k <= 6; k++ {
			v := float64(k) / 6
			rib = append(rib, v3(ribR(v)*math.Cos(a0), ribY(v)-0.015, ribR(v)*math.Sin(a0)))
		}
		frame.add(tube(rib, 0.007, 6, false, true))
		mid := rib[3]
		frame.add(rod(v3(0.03*math.Cos(a0), runnerY, 0.03*math.Sin(a0)), mid, 0.005, 6))
	}
	canopyPart.add(lathe([]pt2{{0.3, apex - 0.02}, {0.3, apex}, {0, apex + 0.12}}, 16)) // vent cap
	frame.add(
		cylinder(v3(0, foot, 0), v3(0, top, 0), 0.024, 16),
		lathe([]pt2{{0, runnerY - 0.04}, {0.045, runnerY - 0.04}, {0.045, runnerY + 0.04}, {0, runnerY + 0.04}}, 16), // runner hub
	)
	crank := md.part("crank", blackPlas)
	crank.add(bev(-0.035, 1.25, -0.035, 0.035, 1.42, 0.045, 0.01))
	crank.add(rod(v3(0, 1.33, 0.045), v3(0, 1.33, 0.07), 0.005, 8))
	crank.add(rod(v3(0, 1.33, 0.07), v3(0.1, 1.33, 0.07), 0.005, 8))
	crank.add(cylinder(v3(0.1, 1.33, 0.07), v3(0.1, 1.33, 0.11), 0.01, 10))
	md.part("base", stone).add(lathe([]pt2{{0, 0}, {0.3, 0}, {0.3, 0.06}, {0.26, 0.09}, {0.04, 0.1}, {0.04, 0.2}, {0, 0.2}}, 40))
	return md
}

// campingTent is a three-person dome tent, 210 × 180 × 120 cm as the
// catalogue sells it: a green fly over a squared footprint, two crossing
// poles, a groundsheet and two arched sand-coloured doors, one in each long
// side.
func campingTent() *model {
	md := newModel("camping-tent")
	// H is the fly's height; the poles ride 1.2% outside it and the model
	// stands on their ends, so their tops are at 120 cm.
	const A, B, H = 1.05, 0.9, 1.175
	var prof []pt2
	for i := 0; i <= 10; i++ {
		t := deg(90 * float64(i) / 10)
		prof = append(prof, pt2{math.Cos(t), math.Sin(t)})
	}
	prof[10].r = 0
	// footprint turns a round lathe into a squarish dome: each ring
	// becomes a superellipse.
	footprint := func(p vec3) vec3 {
		r := math.Hypot(p[0], p[2])
		if r == 0 {
			return v3(0, p[1]*H, 0)
		}
		c, s := p[0]/r, p[2]/r
		sq := func(v float64) float64 { return math.Copysign(math.Pow(math.Abs(v), 2.0/3), v) }
		return v3(A*r*sq(c), p[1]*H, B*r*sq(s))
	}
	md.part("fly", tentNylon).add(smoothNormals(deform(lathe(prof, 40), footprint)))
	// The door is a D-shaped panel laid just outside the fly: x and y are
	// chosen, z is solved from the superellipse of the ring at that height.
	domeZ := func(x, y float64) float64 {
		cosPhi := math.Sqrt(math.Max(0, 1-(y/H)*(y/H)))
		k := math.Min(math.Abs(x)/(A*cosPhi), 1)
		return B * cosPhi * math.Cbrt(1-k*k*k)
	}
	const doorW, doorH = 0.48, 0.8 * H
	doorAt := func(u, v, out float64) vec3 {
		y := v * doorH
		x := (2*u - 1) * doorW * math.Sqrt(1-v*v)
		return v3(x, y, domeZ(x, y)+out)
	}
	door := func() *mesh { return sheet(8, 8, func(u, v float64) vec3 { return doorAt(u, v*0.97, 0.008) }, 0.003) }
	var zipPath []vec3
	for k := 0; k <= 16; k++ {
		a := deg(180 * float64(k) / 16)
		zipPath = append(zipPath, doorAt(0.5+0.5*math.Cos(a)*1.02, math.Min(math.Sin(a)*1.01, 0.985), 0.01))
	}
	zipPath = append(zipPath, doorAt(0.5, 0.9, 0.011), doorAt(0.5, 0.02, 0.011))
	zip := func() *mesh { return tube(zipPath, 0.005, 6, true, true) }
	// The back door is the front one mirrored through the x axis; apply
	// turns the mirrored triangles the right way out.
	back := scale3(1, 1, -1)
	md.part("doors", tentFly).add(door(), door().apply(back))
	poles := md.part("poles", aluminium)
	for _, a := range []float64{45, 135} {
		var path []vec3
		for k := 0; k <= 24; k++ {
			// From one corner over the top to the opposite corner.
			t := deg(180 * float64(k) / 24)
			c := math.Cos(deg(a)) * math.Cos(t)
			s := math.Sin(deg(a)) * math.Cos(t)
			p := footprint(v3(c*1.012, math.Sin(t)*1.012, -s*1.012))
			path = append(path, p)
		}
		poles.add(tube(path, 0.0065, 6, true, true))
	}
	md.part("groundsheet", blackPlas).add(
		bx(-A*0.97, 0, -B*0.97, A*0.97, 0.006, B*0.97),
		zip(), zip().apply(back),
	)
	return md
}

// sunLounger is an aluminium sun lounger with a textilene sling, 195 cm
// long when flat, shown with the backrest raised, on two wheels at the head
// end so it can be pulled around.
func sunLounger() *model {
	md := newModel("sun-lounger")
	const hz = 0.31 // half width between the rails
	const y = 0.34
	foot, hinge, head := 1.0, -0.3, -0.62
	back := deg(48)
	top := v3(hinge-0.66*math.Cos(back), y+0.66*math.Sin(back), 0)
	frame := md.part("frame", aluminium)
	sling := md.part("sling", textilene)
	wheels := md.part("wheels", rubber)
	for _, s := range []float64{-1, 1} {
		z := s * hz
		frame.add(
			tube([]vec3{v3(foot, y, z), v3(head, y, z)}, 0.016, 10, true, true),                        // side rail
			tube([]vec3{v3(foot-0.06, y, z), v3(foot-0.02, 0.02, z)}, 0.014, 10, false, true),          // foot leg
			tube([]vec3{v3(head+0.06, y, z), v3(head, 0.09, z)}, 0.014, 10, false, false),              // head leg
			tube([]vec3{v3(hinge, y+0.03, z*0.94), v3(top[0], top[1], z*0.94)}, 0.013, 10, true, true), // backrest rail
			tube([]vec3{v3(head+0.02, y, z*0.94), top.lerp(v3(hinge, y, 0), 0.45).add(v3(0, 0, z*0.94))}, 0.009, 8, true, true),
		)
		wheels.add(cylinder(v3(head, 0.09, z+s*0.015), v3(head, 0.09, z+s*0.045), 0.09, 24))
	}
	for _, x := range []float64{foot - 0.04, hinge + 0.05, head + 0.04} {
		frame.add(rod(v3(x, y-0.005, -hz), v3(x, y-0.005, hz), 0.011, 8))
	}
	frame.add(rod(v3(head, 0.09, -hz-0.05), v3(head, 0.09, hz+0.05), 0.008, 8)) // axle
	frame.add(rod(v3(top[0], top[1], -hz*0.94), v3(top[0], top[1], hz*0.94), 0.012, 8))
	sling.add(sheet(8, 4, func(u, v float64) vec3 {
		x := foot - 0.03 + (hinge+0.03-foot)*u
		sag := 0.02 * math.Sin(math.Pi*u) * math.Sin(math.Pi*v)
		return v3(x, y+0.004-sag, (v-0.5)*2*(hz-0.012))
	}, 0.004))
	sling.add(sheet(4, 4, func(u, v float64) vec3 {
		p := v3(hinge, y+0.03, 0).lerp(top, 0.04+0.92*u)
		return v3(p[0]+0.01, p[1]+0.012, (v-0.5)*2*(hz*0.94-0.012))
	}, 0.004))
	return md
}

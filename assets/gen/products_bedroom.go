package gen

import "math"

// platformBed is a 160 × 200 cm oak platform bed, 176 × 216 cm overall,
// with a velvet-upholstered headboard, made up with a mattress, pillows, a
// duvet and a throw. The head is at the back (-z).
func platformBed() *model {
	md := newModel("platform-bed")
	const hw = 0.87 // half width of the frame
	const zh, zf = -1.04, 1.06
	frame := md.part("frame", oak)
	frame.add(
		bev(-hw, 0.09, zh, -hw+0.05, 0.31, zf, 0.006),
		bev(hw-0.05, 0.09, zh, hw, 0.31, zf, 0.006),
		bev(-hw+0.05, 0.09, zf-0.05, hw-0.05, 0.31, zf, 0.006),
		bx(-hw+0.05, 0.2, zh, hw-0.05, 0.24, zf-0.05),         // slatted deck
		bev(-hw-0.01, 0.09, zh-0.08, hw+0.01, 1.0, zh, 0.008), // headboard panel
	)
	md.part("base", blackMetal).add(bx(-hw+0.12, 0, zh+0.1, hw-0.12, 0.09, zf-0.15))
	up := md.part("upholstery", velvet)
	up.add(soft(-hw+0.05, 0.36, zh-0.005, hw-0.05, 0.94, zh+0.07, 0.05))
	up.add(soft(-hw+0.02, 0.35, 0.52, hw-0.02, 0.53, 0.86, 0.05)) // throw over the foot
	bed := md.part("mattress", bedLinen)
	bed.add(soft(-0.8, 0.24, -1.0, 0.8, 0.47, 1.0, 0.05))
	for _, x := range []float64{-0.39, 0.39} {
		p := soft(x-0.33, 0.45, -0.99, x+0.33, 0.6, -0.62, 0.07)
		bed.add(about(p, rotX(deg(-14)), x, 0.45, -0.99))
	}
	md.part("duvet", linen).add(soft(-0.835, 0.33, -0.45, 0.835, 0.51, 1.03, 0.05))
	return md
}

// oakWardrobe is a two-door oak wardrobe, 100 × 58 × 200 cm, on a
// recessed plinth with long brass bar handles (the catalogue sells it with
// brass handles).
func oakWardrobe() *model {
	md := newModel("oak-wardrobe")
	const w, d, h = 1.0, 0.58, 2.0
	x0, x1, z0 := -w/2, w/2, -d/2
	zf := d/2 - 0.022
	md.part("carcass", oak).add(
		bev(x0, 0.07, z0, x1, h, zf, 0.004),
		bx(x0+0.03, 0, z0+0.03, x1-0.03, 0.07, zf-0.04),
	)
	doors := md.part("doors", oak)
	for _, s := range []float64{-1, 1} {
		xa, xb := s*0.0025, s*(w/2-0.002)
		doors.add(bev(math.Min(xa, xb), 0.075, zf, math.Max(xa, xb), h-0.005, d/2, 0.004))
	}
	handles := md.part("handles", brass)
	for _, x := range []float64{-0.05, 0.05} {
		handles.add(cylinder(v3(x, 0.95, d/2+0.03), v3(x, 1.35, d/2+0.03), 0.009, 12))
		for _, y := range []float64{0.99, 1.31} {
			handles.add(cylinder(v3(x, y, d/2), v3(x, y, d/2+0.03), 0.006, 8))
		}
	}
	return md
}

// bedsideTable is an oak bedside table, 45 × 38 × 55 cm: a drawer with a
// brass knob over an open niche, on splayed legs.
func bedsideTable() *model {
	md := newModel("bedside-table")
	const w, d = 0.45, 0.38
	x0, x1, z0, z1 := -w/2, w/2, -d/2, d/2
	body := md.part("body", oak)
	body.add(
		bev(x0, 0.53, z0, x1, 0.55, z1, 0.004), // top
		bev(x0, 0.2, z0, x1, 0.222, z1, 0.003), // bottom
		bx(x0, 0.222, z0, x0+0.018, 0.53, z1),  // sides
		bx(x1-0.018, 0.222, z0, x1, 0.53, z1),
		bx(x0+0.018, 0.222, z0, x1-0.018, 0.53, z0+0.012),                // back
		bx(x0+0.018, 0.385, z0+0.012, x1-0.018, 0.4, z1-0.01),            // shelf under the drawer
		bev(x0+0.021, 0.403, z1-0.012, x1-0.021, 0.527, z1+0.004, 0.003), // drawer front
	)
	legs := md.part("legs", oak)
	for _, x := range []float64{x0 + 0.05, x1 - 0.05} {
		for _, z := range []float64{z0 + 0.05, z1 - 0.05} {
			legs.add(leg(x, z, 0.205, 0.017, 0.011, math.Copysign(0.025, x), math.Copysign(0.025, z)))
		}
	}
	md.part("knob", brass).add(
		cylinder(v3(0, 0.465, z1+0.004), v3(0, 0.465, z1+0.016), 0.006, 12),
		sphere(0.014, 16).at(0, 0.465, z1+0.026),
	)
	return md
}

// chestOfDrawers is a six-drawer chest in solid oak (the same oak as the
// other oak furniture, as the catalogue sells it), 120 × 48 × 84 cm, the
// catalogue's size: two columns of three drawers with brass bar pulls, on
// black metal legs. The 48 cm is the body, back to drawer fronts, as
// furniture is measured; the pulls stand 3 cm proud of it.
func chestOfDrawers() *model {
	md := newModel("chest-of-drawers")
	const w, d, h, legH = 1.2, 0.48, 0.84, 0.1
	x0, x1, z0, z1 := -w/2, w/2, -d/2, d/2
	// Body and drawer fronts share the oak, so they are one part: one draw
	// call instead of two.
	body := md.part("body", oak).add(bev(x0, legH, z0, x1, h, z1-0.02, 0.006))
	handles := md.part("handles", brass)
	const gap = 0.004
	rowH := (h - legH - 0.03 - 4*gap) / 3
	for col := 0; col < 2; col++ {
		fx0 := x0 + 0.015 + float64(col)*(w-0.03)/2 + gap/2
		fx1 := fx0 + (w-0.03)/2 - gap
		for row := 0; row < 3; row++ {
			fy0 := legH + 0.015 + gap + float64(row)*(rowH+gap)
			body.add(bev(fx0, fy0, z1-0.02, fx1, fy0+rowH, z1, 0.004))
			cx, cy := (fx0+fx1)/2, fy0+rowH*0.62
			handles.add(cylinder(v3(cx-0.08, cy, z1+0.025), v3(cx+0.08, cy, z1+0.025), 0.006, 12))
			for _, px := range []float64{cx - 0.065, cx + 0.065} {
				handles.add(rod(v3(px, cy, z1), v3(px, cy, z1+0.025), 0.004, 8))
			}
		}
	}
	legs := md.part("legs", blackMetal)
	for _, x := range []float64{x0 + 0.06, x1 - 0.06} {
		for _, z := range []float64{z0 + 0.06, z1 - 0.08} {
			legs.add(leg(x, z, legH, 0.018, 0.013, 0, 0))
		}
	}
	return md
}

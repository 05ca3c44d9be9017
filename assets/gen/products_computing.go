package gen

import "math"

// keyRow adds a row of keycaps starting at x, front edge at z+depth, each
// width in key units; a width of 0 or less is a gap of that many units.
// Keycaps are sculpted: the top is inset from the base, with no bottom face
// since they sit on a plate. pick chooses the part for the i-th key.
func keyRow(x, z, unit, depth, y0, height, inset float64, widths []float64, pick func(i int) *part) {
	k := 0
	for _, w := range widths {
		if w <= 0 {
			x += -w * unit
			continue
		}
		const gap = 0.0012
		x0, x1 := x+gap/2, x+w*unit-gap/2
		z0, z1 := z+gap/2, z+depth-gap/2
		y1 := y0 + height
		cap := hull(
			[4]vec3{v3(x0, y0, z0), v3(x1, y0, z0), v3(x1, y0, z1), v3(x0, y0, z1)},
			[4]vec3{v3(x0+inset, y1, z0+inset), v3(x1-inset, y1, z0+inset), v3(x1-inset, y1, z1-inset), v3(x0+inset, y1, z1-inset)},
			false)
		pick(k).add(cap)
		k++
		x += w * unit
	}
}

// tilt rotates every part of a model, for products that rest at an angle.
func (md *model) tilt(x xform) {
	for _, p := range md.parts {
		p.mesh.apply(x)
	}
}

// laptop14 is a 14-inch aluminium laptop, 31.2 × 22.1 cm, open at 110°
// with its screen on: chassis, keyboard, touchpad, bezel and display.
func laptop14() *model {
	md := newModel("laptop-14")
	const w, d, t = 0.312, 0.221, 0.0155
	chassis := md.part("chassis", aluminium)
	chassis.add(bev(-w/2, 0, -d/2, w/2, t, d/2, 0.004))
	keys := md.part("keys", blackPlas)
	const u = 0.0186
	one := func(int) *part { return keys }
	rows := [][]float64{
		{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5},
		{1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
		{1.75, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.75},
		{2.25, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2.25},
		{1, 1, 1, 1.25, 5, 1.25, 1, 1, 1, 1},
	}
	x0 := -14.5 * u / 2
	z := -0.092
	keyRow(x0, z, u*14.5/14, u*0.55, t, 0.0009, 0.0004, []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, one)
	z += u * 0.6
	for _, r := range rows {
		keyRow(x0, z, u, u, t, 0.0009, 0.0004, r, one)
		z += u
	}
	md.part("touchpad", darkAlu).add(bev(-0.06, t-0.0004, 0.028, 0.06, t+0.0002, 0.098, 0.002))

	// The lid is built upright with its screen facing +z, then tilted back
	// 20° about the hinge at the back of the base.
	lid := rotX(deg(-20)).then(translate(0, t, -d/2+0.006))
	chassis.add(bev(-w/2, 0, -0.006, w/2, d-0.003, 0, 0.003).apply(lid))
	md.part("bezel", glassBlack).add(panel(v3(0, (d-0.003)/2, 0.0003), v3(1, 0, 0), v3(0, 1, 0), w-0.008, d-0.011).apply(lid))
	md.part("screen", screen).add(panel(v3(0, 0.11, 0.0006), v3(1, 0, 0), v3(0, 1, 0), 0.29, 0.185).apply(lid))
	return md
}

// monitor27 is a 27-inch 4K monitor on an aluminium stand: thin-bezel
// panel 61.4 × 36.7 cm with its picture on, centred 43 cm above the desk.
func monitor27() *model {
	md := newModel("monitor-27")
	const pw, ph, cy = 0.614, 0.367, 0.45
	housing := md.part("housing", blackPlas)
	housing.add(bev(-pw/2, cy-ph/2, -0.014, pw/2, cy+ph/2, 0, 0.003))
	housing.add(soft(-0.2, cy-0.14, -0.045, 0.2, cy+0.11, -0.01, 0.02)) // electronics bulge
	stand := md.part("stand", aluminium)
	stand.add(bev(-0.13, 0, -0.17, 0.13, 0.012, 0.06, 0.006))
	neck := bev(-0.035, 0.01, -0.15, 0.035, cy+0.02, -0.125, 0.005)
	stand.add(about(neck, rotX(deg(-6)), 0, 0.01, -0.14))
	stand.add(bx(-0.05, cy-0.08, -0.14, 0.05, cy+0.02, -0.04)) // hinge block
	md.part("screen", screen).add(panel(v3(0, cy+0.004, 0.0004), v3(1, 0, 0), v3(0, 1, 0), 0.5967, 0.3356))
	return md
}

// mechanicalKeyboard is a tenkeyless mechanical keyboard, 36 × 14 cm: an
// aluminium case, 87 sculpted keycaps in light alphas, grey modifiers and
// orange accents, resting tilted on its feet.
func mechanicalKeyboard() *model {
	md := newModel("mechanical-keyboard")
	const u = 0.019
	const y0, kh = 0.02, 0.011
	md.part("case", darkAlu).add(bev(-0.18, 0, -0.068, 0.18, 0.026, 0.068, 0.004))
	alphas := md.part("keys", keycapGrey)
	mods := md.part("modifiers", greyPlas)
	accents := md.part("accents", accentOrange)
	x0 := -18.25 * u / 2
	z := -0.064
	// Each row lists widths (negative = gap) and which keys are modifiers
	// or accents, by index.
	type row struct {
		widths  []float64
		mod     func(i int) bool
		accent  func(i int) bool
		nav     []float64
		zOffset float64
	}
	none := func(int) bool { return false }
	rows := []row{
		{[]float64{1, -1, 1, 1, 1, 1, -0.5, 1, 1, 1, 1, -0.5, 1, 1, 1, 1}, func(i int) bool { return (i >= 1 && i <= 4) || i >= 9 }, func(i int) bool { return i == 0 }, []float64{1, 1, 1}, 0},
		{[]float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2}, func(i int) bool { return i == 13 }, none, []float64{1, 1, 1}, 0.5},
		{[]float64{1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5}, func(i int) bool { return i == 0 || i == 13 }, none, []float64{1, 1, 1}, 0},
		{[]float64{1.75, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2.25}, func(i int) bool { return i == 0 }, func(i int) bool { return i == 12 }, nil, 0},
		{[]float64{2.25, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2.75}, func(i int) bool { return i == 0 || i == 11 }, none, []float64{-1, 1}, 0},
		{[]float64{1.25, 1.25, 1.25, 6.25, 1.25, 1.25, 1.25, 1.25}, func(i int) bool { return i != 3 }, none, []float64{1, 1, 1}, 0},
	}
	for _, r := range rows {
		z += r.zOffset * u
		pick := func(i int) *part {
			switch {
			case r.accent(i):
				return accents
			case r.mod(i):
				return mods
			}
			return alphas
		}
		keyRow(x0, z, u, u, y0, kh, 0.0022, r.widths, pick)
		if r.nav != nil {
			keyRow(x0+15.25*u, z, u, u, y0, kh, 0.0022, r.nav, func(int) *part { return mods })
		}
		z += u
	}
	md.tilt(rotX(deg(4)))
	return md
}

// wirelessMouse is an ergonomic wireless mouse, 7 × 12 × 4 cm: a graphite
// shell rising to a palm hump, the button split marked by seams, and a
// rubber wheel. Its front faces +z.
func wirelessMouse() *model {
	md := newModel("wireless-mouse")
	const ax, az, hy = 0.034, 0.062, 0.04
	prof := []pt2{{0, 0}, {1, 0}, {1, 0.1}}
	for i := 1; i <= 12; i++ {
		t := deg(90 * float64(i) / 12)
		prof = append(prof, pt2{math.Cos(t), 0.1 + 0.9*math.Sin(t)})
	}
	prof[len(prof)-1].r = 0
	// Higher at the palm (back, -z), lower at the fingertips, and a waist
	// where thumb and ring finger hold it.
	hump := func(z float64) float64 { return 0.72 + 0.36*smoothstep(0.9, -0.4, z/az) }
	waist := func(z float64) float64 { return 1 - 0.1*math.Exp(-math.Pow((z+0.005)/0.03, 2)) }
	body := lathe(prof, 40).apply(scale3(ax, hy, az))
	body = smoothNormals(deform(body, func(p vec3) vec3 {
		return v3(p[0]*waist(p[2]), p[1]*hump(p[2]), p[2])
	}))
	md.part("body", graphite).add(body)
	surface := func(x, z float64) vec3 {
		rho := math.Min(math.Hypot(x/ax, z/az), 1)
		return v3(x*waist(z), hy*(0.1+0.9*math.Sqrt(1-rho*rho))*hump(z), z)
	}
	seams := md.part("seams", blackPlas)
	var along, across []vec3
	for k := 0; k <= 8; k++ {
		along = append(along, surface(0, 0.061-0.05*float64(k)/8))
		across = append(across, surface(-0.031+0.062*float64(k)/8, 0.011))
	}
	seams.add(tube(along, 0.0008, 4, false, false), tube(across, 0.0008, 4, false, false))
	// The wheel sits in the button split, poking a few millimetres out.
	top := surface(0, 0.03)
	md.part("wheel", rubber).add(cylinder(v3(-0.0035, top[1]-0.006, 0.03), v3(0.0035, top[1]-0.006, 0.03), 0.0085, 20))
	return md
}

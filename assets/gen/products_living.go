package gen

import "math"

// modularSofa is a 3-seat modular sofa, 228 × 95 × 82 cm: a fabric plinth
// and arms, three seat and three back cushions, on walnut feet.
func modularSofa() *model {
	md := newModel("modular-sofa")
	const w, d = 2.28, 0.95
	const arm = 0.17
	x0, x1 := -w/2, w/2
	z0, z1 := -d/2, d/2
	frame := md.part("frame", sofaFabric)
	frame.add(
		soft(x0+arm-0.02, 0.11, z0, x1-arm+0.02, 0.31, z1-0.01, 0.03), // plinth
		soft(x0, 0.11, z0, x0+arm, 0.64, z1, 0.06),                    // left arm
		soft(x1-arm, 0.11, z0, x1, 0.64, z1, 0.06),                    // right arm
		soft(x0+arm-0.02, 0.31, z0, x1-arm+0.02, 0.72, z0+0.2, 0.05),  // back
	)
	cushions := md.part("cushions", sofaFabric)
	const gap = 0.008
	seatW := (w - 2*arm - 2*gap) / 3
	for i := 0; i < 3; i++ {
		cx0 := x0 + arm + gap/2 + float64(i)*(seatW+gap)
		cushions.add(soft(cx0, 0.31, z0+0.2, cx0+seatW, 0.46, z1-0.005, 0.06))
		back := soft(cx0+0.01, 0.46, z0+0.19, cx0+seatW-0.01, 0.84, z0+0.38, 0.08)
		cushions.add(about(back, rotX(deg(-9)), 0, 0.46, z0+0.2))
	}
	legs := md.part("legs", walnut)
	for _, x := range []float64{x0 + 0.1, x1 - 0.1} {
		for _, z := range []float64{z0 + 0.1, z1 - 0.1} {
			legs.add(leg(x, z, 0.11, 0.024, 0.016, 0, 0))
		}
	}
	return md
}

// oakCoffeeTable is a round solid oak table, Ø 90 cm, 42 cm high, with an
// eased edge and four splayed legs.
func oakCoffeeTable() *model {
	md := newModel("oak-coffee-table")
	const r, h, t = 0.45, 0.42, 0.035
	top := lathe([]pt2{
		{0, h - t}, {r - 0.02, h - t}, {r - 0.004, h - t + 0.006}, {r, h - t + 0.014},
		{r, h - 0.01}, {r - 0.006, h - 0.002}, {r - 0.014, h}, {0, h},
	}, 64)
	md.part("top", oak).add(planarUV(top))
	legs := md.part("legs", oak)
	// A ring apron under the top ties the legs together.
	legs.add(lathe([]pt2{{0.33, h - t - 0.06}, {0.33, h - t}, {0.30, h - t}, {0.30, h - t - 0.06}, {0.33, h - t - 0.06}}, 48))
	for i := 0; i < 4; i++ {
		a := deg(45 + 90*float64(i))
		x, z := 0.315*math.Cos(a), 0.315*math.Sin(a)
		legs.add(leg(x, z, h-t, 0.026, 0.017, 0.05*math.Cos(a), 0.05*math.Sin(a)))
	}
	return md
}

// linenArmchair is a lounge armchair, 78 × 82 × 80 cm, upholstered in
// natural linen with a loose seat cushion, on oak legs.
func linenArmchair() *model {
	md := newModel("linen-armchair")
	const w, d = 0.78, 0.82
	x0, x1 := -w/2, w/2
	z0, z1 := -d/2, d/2
	body := md.part("body", linen)
	body.add(
		soft(x0+0.1, 0.17, z0+0.06, x1-0.1, 0.36, z1-0.02, 0.04), // seat base
		soft(x0, 0.17, z0+0.02, x0+0.12, 0.60, z1, 0.055),        // arms
		soft(x1-0.12, 0.17, z0+0.02, x1, 0.60, z1, 0.055),
	)
	back := soft(x0+0.02, 0.17, z0, x1-0.02, 0.80, z0+0.17, 0.07)
	body.add(about(back, rotX(deg(-8)), 0, 0.17, z0+0.1))
	md.part("cushion", linen).add(
		soft(x0+0.125, 0.36, z0+0.17, x1-0.125, 0.47, z1-0.01, 0.05),
		about(soft(x0+0.13, 0.44, z0+0.15, x1-0.13, 0.75, z0+0.28, 0.07), rotX(deg(-12)), 0, 0.44, z0+0.2),
	)
	legs := md.part("legs", oak)
	for _, x := range []float64{x0 + 0.08, x1 - 0.08} {
		for _, z := range []float64{z0 + 0.09, z1 - 0.08} {
			sx, sz := math.Copysign(0.03, x), math.Copysign(0.03, z)
			legs.add(leg(x, z, 0.175, 0.022, 0.014, sx, sz))
		}
	}
	return md
}

// arcFloorLamp is a brass arc lamp on a marble base: the arm rises 1.2 m,
// bows over 1.4 m and hangs a linen drum shade with a warm bulb.
func arcFloorLamp() *model {
	md := newModel("arc-floor-lamp")
	md.part("base", marble).add(lathe([]pt2{
		{0, 0}, {0.17, 0}, {0.175, 0.008}, {0.175, 0.035}, {0.165, 0.045}, {0.03, 0.05}, {0.03, 0.08}, {0, 0.08},
	}, 48))
	const R = 0.7
	const x0 = 0.0
	path := []vec3{v3(x0, 0.06, 0), v3(x0, 1.2, 0)}
	path = append(path, arc(v3(x0+R, 1.2, 0), v3(1, 0, 0), v3(0, 1, 0), R, math.Pi, deg(18), 28)[1:]...)
	end := path[len(path)-1]
	drop := v3(end[0], end[1]-0.12, 0)
	path = append(path, drop)
	md.part("arc", brass).add(
		tube(path, 0.012, 10, false, true),
		cylinder(v3(drop[0], drop[1]-0.05, 0), v3(drop[0], drop[1]+0.01, 0), 0.022, 16), // socket
	)
	top := drop[1] - 0.04
	// The drum shade is thin-walled: up the outside, over the rim, down
	// the inside and back out along the bottom edge.
	md.part("shade", shadeLinen).add(lathe([]pt2{
		{0.20, top - 0.26}, {0.135, top}, {0.131, top}, {0.196, top - 0.26}, {0.20, top - 0.26},
	}, 48).at(drop[0], 0, 0))
	md.part("bulb", bulbWarm).add(sphere(0.05, 16).at(drop[0], top-0.11, 0))
	return md
}

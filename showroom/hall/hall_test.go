package hall

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// box is a model of the given size standing on the floor around the
// origin, as the generated models are.
func box(w, h, d float64) Box {
	return Box{Min: Vec3{-w / 2, 0, -d / 2}, Max: Vec3{w / 2, h, d / 2}}
}

func product(slug string, w, h, d float64) ProductInput {
	return ProductInput{Slug: slug, Bounds: box(w, h, d)}
}

// demoLike is a hall shaped like the demo store's: big furniture, small
// gadgets, and an odd number of stands.
func demoLike() Layout {
	return Plan([]StandInput{
		{Slug: "living-room", Products: []ProductInput{product("sofa", 2.9, 0.85, 1.0), product("coffee-table", 1.1, 0.45, 0.6), product("floor-lamp", 0.5, 1.9, 1.1)}},
		{Slug: "home-office", Products: []ProductInput{product("desk", 1.6, 0.75, 0.8), product("chair", 0.7, 1.2, 0.7), product("desk-lamp", 0.2, 0.45, 0.35)}},
		{Slug: "bedroom", Products: []ProductInput{product("bed", 1.7, 1.0, 2.1), product("wardrobe", 1.5, 2.1, 0.6)}},
		{Slug: "cycling", Products: []ProductInput{product("bike", 0.6, 1.1, 1.8), product("helmet", 0.2, 0.18, 0.28)}},
		{Slug: "computing", Products: []ProductInput{product("mouse", 0.07, 0.04, 0.12)}},
	})
}

func TestPlanOneStandPerLineAndOneSlotPerProduct(t *testing.T) {
	l := demoLike()
	require.Len(t, l.Stands, 5)
	assert.Equal(t, "living-room", l.Stands[0].Slug)
	assert.Equal(t, -1, l.Stands[0].Side, "the first stand is on the left")
	assert.Equal(t, 1, l.Stands[1].Side, "the second faces it on the right")
	assert.Equal(t, -1, l.Stands[2].Side)
	assert.Len(t, l.Stands[0].Slots, 3)
	assert.Equal(t, "coffee-table", l.Stands[0].Slots[1].Product)
	assert.Equal(t, "living-room", l.StandOf("floor-lamp"))
	assert.Equal(t, "", l.StandOf("nothing"))
}

func TestPlanKeepsEverythingInsideTheHallAndApart(t *testing.T) {
	l := demoLike()
	for i, a := range l.Stands {
		assert.GreaterOrEqual(t, a.Platform.MinX, -l.Width/2-1e-9, a.Slug)
		assert.LessOrEqual(t, a.Platform.MaxX, l.Width/2+1e-9, a.Slug)
		assert.Less(t, a.Platform.MaxZ, 0.0, "stands leave room at the entrance")
		assert.Greater(t, a.Platform.MinZ, -l.Length, a.Slug)
		for _, b := range l.Stands[i+1:] {
			overlap := a.Platform.MinX < b.Platform.MaxX && b.Platform.MinX < a.Platform.MaxX &&
				a.Platform.MinZ < b.Platform.MaxZ && b.Platform.MinZ < a.Platform.MaxZ
			assert.False(t, overlap, "%s and %s overlap", a.Slug, b.Slug)
		}
		for j, s := range a.Slots {
			// Every product stands on its platform, inside its footprint.
			assert.GreaterOrEqual(t, s.Box.Min[0], a.Platform.MinX-1e-9, s.Product)
			assert.LessOrEqual(t, s.Box.Max[0], a.Platform.MaxX+1e-9, s.Product)
			assert.GreaterOrEqual(t, s.Box.Min[2], a.Platform.MinZ-1e-9, s.Product)
			assert.LessOrEqual(t, s.Box.Max[2], a.Platform.MaxZ+1e-9, s.Product)
			assert.False(t, rectsOverlap(s.Box, a.BackWall), "%s stands clear of the back wall", s.Product)
			for _, o := range a.Slots[j+1:] {
				assert.False(t, rectsOverlap(s.Box, o.Box), "%s and %s overlap", s.Product, o.Product)
			}
		}
	}
}

func rectsOverlap(a, b Box) bool {
	return a.Min[0] < b.Max[0] && b.Min[0] < a.Max[0] && a.Min[2] < b.Max[2] && b.Min[2] < a.Max[2]
}

func TestSmallProductsStandOnPedestals(t *testing.T) {
	l := demoLike()
	lamp := l.Stands[1].Slots[2]
	require.Equal(t, "desk-lamp", lamp.Product)
	require.NotNil(t, lamp.Pedestal)
	assert.InDelta(t, PlatformHeight+PedestalHeight, lamp.Box.Min[1], 1e-9, "on top of its plinth")
	desk := l.Stands[1].Slots[0]
	assert.Nil(t, desk.Pedestal)
	assert.InDelta(t, PlatformHeight, desk.Box.Min[1], 1e-9, "big things stand on the platform")
}

func TestProductsFaceTheAisle(t *testing.T) {
	l := demoLike()
	for _, st := range l.Stands {
		for _, s := range st.Slots {
			front := RotY(Vec3{0, 0, 1}, s.Yaw)
			toAisle := -float64(st.Side)
			assert.InDelta(t, toAisle, front[0], 1e-9, "%s's front (+Z) turns towards the aisle", s.Product)
			// The model's front-centre point lands on the aisle side of its
			// box.
			p := s.Transform(Vec3{0, 0, (s.Box.Max[0] - s.Box.Min[0]) / 2 / s.Scale})
			if st.Side < 0 {
				assert.InDelta(t, s.Box.Max[0], p[0], 1e-6)
			} else {
				assert.InDelta(t, s.Box.Min[0], p[0], 1e-6)
			}
		}
	}
}

func TestAutoFrame(t *testing.T) {
	for _, tc := range []struct {
		name  string
		b     Box
		scale float64
	}{
		{"metres stay metres", box(2, 0.8, 0.9), 1},
		{"centimetres become metres", box(200, 80, 90), 0.01},
		{"millimetres become metres", box(2000, 800, 900), 0.001},
		{"a model no unit makes plausible keeps its size", box(0.02, 0.01, 0.02), 1},
		{"too large in any unit is scaled to fit", box(9000, 9000, 9000), 2.4 / 9000},
		{"an empty box changes nothing", Box{Min: Vec3{1, 1, 1}, Max: Vec3{-1, -1, -1}}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			scale, offset := AutoFrame(tc.b)
			assert.InDelta(t, tc.scale, scale, 1e-12)
			if tc.b.Empty() {
				return
			}
			lo := tc.b.Min.Scale(scale).Add(offset)
			hi := tc.b.Max.Scale(scale).Add(offset)
			assert.InDelta(t, 0, lo[1], 1e-9, "stands on the floor")
			assert.InDelta(t, 0, lo[0]+hi[0], 1e-9, "centred in x")
			assert.InDelta(t, 0, lo[2]+hi[2], 1e-9, "centred in z")
			for k := range 3 {
				assert.LessOrEqual(t, hi[k]-lo[k], MaxProduct[k]+1e-9, "fits the largest slot")
			}
		})
	}
	t.Run("an off-centre model is moved to the origin", func(t *testing.T) {
		scale, offset := AutoFrame(Box{Min: Vec3{10, 5, -3}, Max: Vec3{12, 6, -1}})
		assert.Equal(t, 1.0, scale)
		assert.Equal(t, Vec3{-11, -5, 2}, offset)
	})
}

func TestImportedModelsAreFramedInTheirSlot(t *testing.T) {
	// A sofa exported in centimetres, off-centre and below the floor.
	cm := ProductInput{Slug: "sofa-cm", Bounds: Box{Min: Vec3{100, -40, 0}, Max: Vec3{390, 45, 100}}}
	l := Plan([]StandInput{{Slug: "living", Products: []ProductInput{cm}}})
	s := l.Stands[0].Slots[0]
	assert.InDelta(t, 0.01, s.Scale, 1e-12)
	size := s.Box.Size()
	assert.InDelta(t, 1.0, size[0], 1e-9, "its depth lies across the stand")
	assert.InDelta(t, 0.85, size[1], 1e-9)
	assert.InDelta(t, 2.9, size[2], 1e-9, "its width lies along the stand")
	// Its lowest corner lands on the platform, inside its box.
	p := s.Transform(cm.Bounds.Min)
	assert.InDelta(t, PlatformHeight, p[1], 1e-9)
	for k := 0; k < 3; k += 2 {
		assert.GreaterOrEqual(t, p[k], s.Box.Min[k]-1e-9)
		assert.LessOrEqual(t, p[k], s.Box.Max[k]+1e-9)
	}
}

func TestPlanIsDeterministicAndCopesWithNothing(t *testing.T) {
	assert.Equal(t, demoLike(), demoLike())
	empty := Plan(nil)
	assert.Empty(t, empty.Stands)
	assert.Greater(t, empty.Length, 0.0)
	assert.True(t, empty.Valid(empty.Start.Eye[0], empty.Start.Eye[2]), "one can stand at the entrance of an empty hall")
	noProducts := Plan([]StandInput{{Slug: "empty"}})
	require.Len(t, noProducts.Stands, 1)
	assert.GreaterOrEqual(t, noProducts.Stands[0].Platform.MaxZ-noProducts.Stands[0].Platform.MinZ, minStandWidth)
}

func TestViewsAreFreeAndLookAtTheirTarget(t *testing.T) {
	l := demoLike()
	assert.True(t, l.Valid(l.Start.Eye[0], l.Start.Eye[2]), "the entrance")
	for _, tg := range l.Targets() {
		eye := tg.View.Eye
		assert.True(t, l.Valid(eye[0], eye[2]), "%s/%s: the camera stands in the aisle", tg.Stand, tg.Product)
		c := tg.Box.Center()
		if tg.Product == "" {
			c[1] = 1.1
			c[0] = l.Stands[standIndex(l, tg.Stand)].Sign.Center[0]
		}
		dir := c.Sub(eye)
		f := tg.View.Forward()
		cos := f.Dot(dir) / dir.Len()
		assert.InDelta(t, 1, cos, 1e-6, "%s/%s: the view looks at it", tg.Stand, tg.Product)
	}
}

func standIndex(l Layout, slug string) int {
	for i, s := range l.Stands {
		if s.Slug == slug {
			return i
		}
	}
	return -1
}

func TestTargetsOrderStandsThenTheirProducts(t *testing.T) {
	l := demoLike()
	ts := l.Targets()
	require.Len(t, ts, 5+11)
	assert.Equal(t, "living-room", ts[0].Stand)
	assert.Empty(t, ts[0].Product)
	assert.Equal(t, "sofa", ts[1].Product)
	assert.Equal(t, "home-office", ts[4].Stand)
	assert.Empty(t, ts[4].Product)
	assert.Equal(t, 5, l.Find("home-office", "desk"))
	assert.Equal(t, 4, l.Find("home-office", ""))
	assert.Equal(t, -1, l.Find("home-office", "sofa"), "a product is found on its own stand only")
}

func TestMoveNeverEntersAStandOrLeavesTheHall(t *testing.T) {
	l := demoLike()
	st := l.Stands[0] // left
	_, cz := st.Platform.Center()
	fromX := st.Platform.MaxX + 1
	t.Run("walking into a stand stops at its edge", func(t *testing.T) {
		x, z := fromX, cz
		for range 200 {
			x, z = l.Move(x, z, x-0.05, z)
		}
		assert.InDelta(t, st.Platform.MaxX+Radius, x, 0.051)
		assert.Equal(t, cz, z)
		assert.True(t, l.Valid(x, z))
	})
	t.Run("walking into it at an angle slides along it", func(t *testing.T) {
		x, z := fromX, cz
		for range 200 {
			x, z = l.Move(x, z, x-0.05, z-0.02)
		}
		assert.Less(t, z, cz-3, "it slid along the stand's front")
		assert.True(t, l.Valid(x, z))
	})
	t.Run("the walls hold", func(t *testing.T) {
		x, z := 0.0, -2.0
		for range 400 {
			x, z = l.Move(x, z, x, z+0.05)
		}
		assert.InDelta(t, -Radius, z, 1e-9, "stops at the entrance wall")
	})
	t.Run("a jump into a stand is refused", func(t *testing.T) {
		x, z := l.Move(fromX, cz, st.Platform.MinX+0.5, cz)
		assert.Equal(t, fromX, x)
		assert.Equal(t, cz, z)
	})
}

func TestNearestLeavesAStandByItsClosestSide(t *testing.T) {
	l := demoLike()
	st := l.Stands[0]
	_, cz := st.Platform.Center()
	x, z := l.Nearest(st.Platform.MaxX-0.1, cz)
	assert.True(t, l.Valid(x, z))
	assert.InDelta(t, st.Platform.MaxX+Radius, x, 0.02, "out by the front edge, the nearest")
	assert.InDelta(t, cz, z, 1e-9)
	x, z = l.Nearest(100, -1000)
	assert.True(t, l.Valid(x, z), "far outside the hall comes back in")
}

func TestRayAndPick(t *testing.T) {
	l := demoLike()
	sofa := l.Stands[0].Slots[0]
	view := sofa.View
	t.Run("the centre of a product's view picks the product", func(t *testing.T) {
		o, d := view.Ray(0, 0, DefaultFOV, 1.6)
		assert.InDelta(t, 1, d.Len(), 1e-12)
		hit := l.Pick(o, d)
		assert.Equal(t, HitProduct, hit.Kind)
		assert.Equal(t, "sofa", hit.Product)
		assert.Equal(t, "living-room", hit.Stand)
	})
	t.Run("the corners of the view look out by half the field of view", func(t *testing.T) {
		_, d := Pose{Eye: Vec3{0, 1.6, 0}}.Ray(0, 1, 60, 1)
		assert.InDelta(t, 30*math.Pi/180, math.Asin(d[1]), 1e-9, "top edge")
		_, d = Pose{Eye: Vec3{0, 1.6, 0}}.Ray(1, 0, 60, 2)
		assert.InDelta(t, math.Atan(2*math.Tan(30*math.Pi/180)), math.Atan2(d[0], -d[2]), 1e-9, "right edge, wider by the aspect")
	})
	t.Run("looking down at the aisle picks the floor", func(t *testing.T) {
		p := Pose{Eye: Vec3{0, EyeHeight, -2}, Pitch: -0.5}
		hit := l.Pick(p.Ray(0, 0, DefaultFOV, 1.6))
		require.Equal(t, HitFloor, hit.Kind)
		assert.InDelta(t, 0, hit.Point[1], 1e-9)
		assert.InDelta(t, -2-EyeHeight/math.Tan(0.5), hit.Point[2], 1e-9)
	})
	t.Run("a pedestal counts as its product", func(t *testing.T) {
		lamp := l.Stands[1].Slots[2]
		require.NotNil(t, lamp.Pedestal)
		c := lamp.Pedestal.Center()
		eye := Vec3{0, 0.5, c[2]}
		hit := l.Pick(eye, c.Sub(eye).Scale(1/c.Sub(eye).Len()))
		assert.Equal(t, HitProduct, hit.Kind)
		assert.Equal(t, "desk-lamp", hit.Product)
	})
	t.Run("the back wall counts as its stand", func(t *testing.T) {
		st := l.Stands[0]
		c := st.BackWall.Center()
		c[1] = 2.5 // above every product
		eye := Vec3{0, 2.5, c[2]}
		hit := l.Pick(eye, c.Sub(eye).Scale(1/c.Sub(eye).Len()))
		assert.Equal(t, HitStand, hit.Kind)
		assert.Equal(t, "living-room", hit.Stand)
	})
	t.Run("looking at the ceiling picks nothing", func(t *testing.T) {
		hit := l.Pick(Vec3{0, EyeHeight, -2}, Vec3{0, 1, 0})
		assert.Equal(t, HitNothing, hit.Kind)
	})
}

func TestInViewDescribesWhatTheCameraSees(t *testing.T) {
	l := demoLike()
	t.Run("a stand's view sees its products, nearest first", func(t *testing.T) {
		stand, products := l.InView(l.Stands[0].View, DefaultFOV, 1.6, 14)
		assert.Equal(t, "living-room", stand)
		assert.Subset(t, products, []string{"sofa", "coffee-table", "floor-lamp"})
	})
	t.Run("a product's view names it first", func(t *testing.T) {
		_, products := l.InView(l.Stands[1].Slots[0].View, DefaultFOV, 1.6, 14)
		require.NotEmpty(t, products)
		assert.Equal(t, "desk", products[0])
	})
	t.Run("looking at the entrance wall sees nothing", func(t *testing.T) {
		stand, products := l.InView(Pose{Eye: Vec3{0, EyeHeight, -2}, Yaw: math.Pi}, DefaultFOV, 1.6, 14)
		assert.Empty(t, stand)
		assert.Empty(t, products)
	})
}

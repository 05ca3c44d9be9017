package hall

import (
	"math"
	"sort"
)

// Ray returns the ray from the pose's eye through a point of the view, in
// normalised device coordinates (x from -1 at the left edge to 1 at the
// right, y from -1 at the bottom to 1 at the top), for a camera of the
// given vertical field of view (degrees) and aspect (width / height). The
// direction has unit length.
func (p Pose) Ray(ndcX, ndcY, fovDeg, aspect float64) (origin, dir Vec3) {
	t := math.Tan(fovDeg / 2 * math.Pi / 180)
	f := p.Forward()
	// Right is horizontal; up completes the camera's frame.
	right := Vec3{math.Cos(p.Yaw), 0, -math.Sin(p.Yaw)}
	up := Vec3{right[1]*f[2] - right[2]*f[1], right[2]*f[0] - right[0]*f[2], right[0]*f[1] - right[1]*f[0]}
	d := f.Add(right.Scale(ndcX * t * aspect)).Add(up.Scale(ndcY * t))
	return p.Eye, d.Scale(1 / d.Len())
}

// HitKind says what a ray met.
type HitKind int

// What a pick can find.
const (
	HitNothing HitKind = iota
	HitProduct
	HitStand
	HitFloor
)

// Hit is the first thing a ray meets.
type Hit struct {
	Kind    HitKind
	Stand   string
	Product string
	// Point is where the ray met it.
	Point Vec3
	// Distance from the ray's origin.
	Distance float64
}

// rayBox returns the distance along the ray to where it enters b, if it
// does (a ray starting inside b hits it at 0).
func rayBox(o, d Vec3, b Box) (float64, bool) {
	tmin, tmax := 0.0, math.Inf(1)
	for k := 0; k < 3; k++ {
		if math.Abs(d[k]) < 1e-12 {
			if o[k] < b.Min[k] || o[k] > b.Max[k] {
				return 0, false
			}
			continue
		}
		t1, t2 := (b.Min[k]-o[k])/d[k], (b.Max[k]-o[k])/d[k]
		if t1 > t2 {
			t1, t2 = t2, t1
		}
		tmin, tmax = math.Max(tmin, t1), math.Min(tmax, t2)
		if tmin > tmax {
			return 0, false
		}
	}
	return tmin, true
}

// Pick returns the first product, stand or piece of floor the ray meets.
// A product's pedestal counts as the product; a stand's platform, back
// wall and sign count as the stand. The floor is hit only inside the
// walls.
func (l *Layout) Pick(origin, dir Vec3) Hit {
	best := Hit{Distance: math.Inf(1)}
	try := func(b Box, kind HitKind, stand, product string) {
		if t, ok := rayBox(origin, dir, b); ok && t < best.Distance {
			best = Hit{Kind: kind, Stand: stand, Product: product, Distance: t, Point: origin.Add(dir.Scale(t))}
		}
	}
	for _, st := range l.Stands {
		for _, s := range st.Slots {
			try(s.Box, HitProduct, st.Slug, s.Product)
			if s.Pedestal != nil {
				try(*s.Pedestal, HitProduct, st.Slug, s.Product)
			}
		}
		try(Box{Min: Vec3{st.Platform.MinX, 0, st.Platform.MinZ}, Max: Vec3{st.Platform.MaxX, PlatformHeight, st.Platform.MaxZ}}, HitStand, st.Slug, "")
		try(st.BackWall, HitStand, st.Slug, "")
	}
	if dir[1] < -1e-9 {
		t := -origin[1] / dir[1]
		p := origin.Add(dir.Scale(t))
		if t < best.Distance && p[0] > -l.Width/2 && p[0] < l.Width/2 && p[2] < 0 && p[2] > -l.Length {
			best = Hit{Kind: HitFloor, Point: p, Distance: t}
		}
	}
	if best.Kind == HitNothing {
		best.Distance = 0
	}
	return best
}

// InView returns the products whose middle the pose sees, within maxDist
// metres and in a view of the given vertical field of view (degrees) and
// aspect, nearest first; and the stand most of them are on (or, when no
// product is in view, the stand whose platform's middle is nearest in
// view), for a description of the view read by screen readers.
func (l *Layout) InView(p Pose, fovDeg, aspect, maxDist float64) (stand string, products []string) {
	tv := math.Tan(fovDeg / 2 * math.Pi / 180)
	th := tv * aspect
	f := p.Forward()
	right := Vec3{math.Cos(p.Yaw), 0, -math.Sin(p.Yaw)}
	up := Vec3{right[1]*f[2] - right[2]*f[1], right[2]*f[0] - right[0]*f[2], right[0]*f[1] - right[1]*f[0]}
	visible := func(c Vec3) (float64, bool) {
		d := c.Sub(p.Eye)
		z := d.Dot(f)
		if z <= 0.1 || d.Len() > maxDist {
			return 0, false
		}
		return d.Len(), math.Abs(d.Dot(right)/z) <= th && math.Abs(d.Dot(up)/z) <= tv
	}
	type seen struct {
		slug, stand string
		dist        float64
	}
	var ss []seen
	count := map[string]int{}
	for _, st := range l.Stands {
		for _, s := range st.Slots {
			if d, ok := visible(s.Box.Center()); ok {
				ss = append(ss, seen{s.Product, st.Slug, d})
				count[st.Slug]++
			}
		}
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].dist < ss[j].dist })
	for _, s := range ss {
		products = append(products, s.slug)
	}
	bestN, bestD := 0, math.Inf(1)
	for _, st := range l.Stands {
		x, z := st.Platform.Center()
		d, ok := visible(Vec3{x, 1, z})
		if !ok {
			d = math.Inf(1)
		}
		n := count[st.Slug]
		if n > bestN || n == bestN && d < bestD {
			if n > 0 || ok {
				stand, bestN, bestD = st.Slug, n, d
			}
		}
	}
	return stand, products
}

package gen

import (
	"math"
)

// model is a product under construction: a list of parts, each one material
// and one merged mesh, so that a part is exactly one draw call.
type model struct {
	slug  string
	parts []*part
}

// part is one node of the GLB, named for what it is ("cushions", "frame").
type part struct {
	name string
	mat  *material
	mesh mesh
}

func newModel(slug string) *model { return &model{slug: slug} }

// part starts a new part; parts keep the order they are declared in, which
// keeps the output byte-for-byte stable.
func (md *model) part(name string, mat *material) *part {
	p := &part{name: name, mat: mat}
	md.parts = append(md.parts, p)
	return p
}

func (p *part) add(ms ...*mesh) *part {
	p.mesh.add(ms...)
	return p
}

// Quantisation steps. Snapping to power-of-two grids makes every value
// exact in float32, so tiny floating-point differences between machines
// (fused multiply-add on arm64, say) cannot change the committed bytes.
const (
	posStep = 1.0 / (1 << 14) // 0.06 mm
	nrmStep = 1.0 / (1 << 16)
	uvStep  = 1.0 / (1 << 12)
)

func snap(v, step float64) float64 { return math.Round(v/step) * step }

// finish moves the model so its footprint is centred on the origin and it
// stands on the floor, then quantises and welds every part and drops
// triangles that collapsed.
func (md *model) finish() *model {
	lo := vec3{math.Inf(1), math.Inf(1), math.Inf(1)}
	hi := vec3{math.Inf(-1), math.Inf(-1), math.Inf(-1)}
	for _, p := range md.parts {
		l, h := p.mesh.bounds()
		for k := 0; k < 3; k++ {
			lo[k] = math.Min(lo[k], l[k])
			hi[k] = math.Max(hi[k], h[k])
		}
	}
	shift := vec3{-(lo[0] + hi[0]) / 2, -lo[1], -(lo[2] + hi[2]) / 2}
	for _, p := range md.parts {
		p.mesh = *cleaned(&p.mesh, shift, p.mat)
	}
	return md
}

// cleaned returns a quantised, welded copy of m moved by shift. Texture
// coordinates are turned from metres into repeats of the material's
// texture, and dropped when the material has no texture.
func cleaned(m *mesh, shift vec3, mat *material) *mesh {
	textured := mat.tex != nil || mat.emissiveTex != nil
	type key [8]float64
	out := &mesh{}
	seen := make(map[key]uint32, len(m.pos))
	remap := make([]uint32, len(m.pos))
	for i, p := range m.pos {
		p = p.add(shift)
		for k := range p {
			p[k] = snap(p[k], posStep)
			if p[k] == 0 {
				p[k] = 0 // no negative zero
			}
		}
		n := m.nrm[i]
		for k := range n {
			n[k] = snap(n[k], nrmStep)
		}
		var u, v float64
		if textured {
			u, v = m.uv[i][0], m.uv[i][1]
			if mat.texSize > 0 {
				u, v = u/mat.texSize, v/mat.texSize
			}
			u, v = snap(u, uvStep), snap(v, uvStep)
		}
		k := key{p[0], p[1], p[2], n[0], n[1], n[2], u, v}
		if j, ok := seen[k]; ok {
			remap[i] = j
			continue
		}
		j := out.vert(p, n, u, v)
		seen[k] = j
		remap[i] = j
	}
	for t := 0; t+2 < len(m.idx); t += 3 {
		a, b, c := remap[m.idx[t]], remap[m.idx[t+1]], remap[m.idx[t+2]]
		if a == b || b == c || a == c {
			continue
		}
		e1 := out.pos[b].sub(out.pos[a])
		e2 := out.pos[c].sub(out.pos[a])
		if e1.cross(e2).length() < 1e-12 {
			continue
		}
		out.tri(a, b, c)
	}
	return compact(out)
}

// compact drops vertices no triangle uses, keeping first-use order.
func compact(m *mesh) *mesh {
	used := make([]int, len(m.pos))
	for i := range used {
		used[i] = -1
	}
	out := &mesh{}
	for _, i := range m.idx {
		if used[i] < 0 {
			used[i] = int(out.vert(m.pos[i], m.nrm[i], m.uv[i][0], m.uv[i][1]))
		}
		out.idx = append(out.idx, uint32(used[i]))
	}
	return out
}

// bounds returns the box around every part of a finished model.
func (md *model) bounds() (lo, hi vec3) {
	lo = vec3{math.Inf(1), math.Inf(1), math.Inf(1)}
	hi = vec3{math.Inf(-1), math.Inf(-1), math.Inf(-1)}
	for _, p := range md.parts {
		l, h := p.mesh.bounds()
		for k := 0; k < 3; k++ {
			lo[k] = math.Min(lo[k], l[k])
			hi[k] = math.Max(hi[k], h[k])
		}
	}
	return lo, hi
}

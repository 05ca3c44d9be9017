package demo

import (
	"bytes"
	"io/fs"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qmuntal/gltf"
	"github.com/qmuntal/gltf/modeler"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/assets"
	"vitrine/assets/gen"
	"vitrine/showroom/catalog"
)

// Every product gets a few hotspots, short enough to read in a popover on a
// phone, in every locale; as with names, a translation equal to the English
// is almost always a forgotten copy.
func TestHotspotsAreFewShortAndTranslated(t *testing.T) {
	for _, p := range Products() {
		t.Run(p.Slug, func(t *testing.T) {
			assert.GreaterOrEqual(t, len(p.Hotspots), 2)
			assert.LessOrEqual(t, len(p.Hotspots), 4)
			for _, h := range p.Hotspots {
				words := len(strings.Fields(h.Title["en"]))
				assert.True(t, words >= 2 && words <= 5, "%s: title %q should be two to five words", h.ID, h.Title["en"])
				assert.LessOrEqual(t, utf8.RuneCountInString(h.Text["en"]), 200, "%s: text is long for a popover", h.ID)
				for _, loc := range catalog.Locales {
					for name, text := range map[string]catalog.Text{"title": h.Title, "text": h.Text} {
						assert.NotEmpty(t, text[loc], "%s %s in %s", h.ID, name, loc)
						if loc != "en" {
							assert.NotEqual(t, text["en"], text[loc], "%s %s in %s", h.ID, name, loc)
						}
					}
				}
			}
		})
	}
}

// A marker must sit on the part it explains, not float beside the model or
// hide inside it. The committed models are the ones the browser shows, so
// each position is checked against its GLB: inside the bounds gen.Inspect
// reports (grown by 3 cm), and within 1 cm of a triangle of the mesh.
func TestHotspotsLieOnTheModel(t *testing.T) {
	const grow, onSurface = 0.03, 0.01
	for _, p := range Products() {
		t.Run(p.Slug, func(t *testing.T) {
			glb, err := fs.ReadFile(assets.Web(), strings.TrimPrefix(p.Model, "/web/"))
			require.NoError(t, err)
			b, err := gen.Inspect(glb, 0)
			require.NoError(t, err)
			tris := triangles(t, glb)
			for _, h := range p.Hotspots {
				for k, c := range h.Position {
					assert.True(t, c >= b.Min[k]-grow && c <= b.Max[k]+grow,
						"%s: coordinate %d = %.3f is outside the model's %.3f..%.3f", h.ID, k, c, b.Min[k], b.Max[k])
				}
				assert.LessOrEqual(t, distanceToMesh(h.Position, tris), onSurface, "%s is not on the model's surface", h.ID)
			}
		})
	}
}

// triangles returns every triangle of a generated GLB. The generator writes
// no node transforms (the test fails if one appears), so vertex positions
// are already in the model's coordinates.
func triangles(t *testing.T, glb []byte) [][3][3]float64 {
	t.Helper()
	doc := new(gltf.Document)
	require.NoError(t, gltf.NewDecoder(bytes.NewReader(glb)).Decode(doc))
	var out [][3][3]float64
	for _, n := range doc.Nodes {
		require.True(t, n.MatrixOrDefault() == gltf.DefaultMatrix && n.TranslationOrDefault() == [3]float64{} &&
			n.RotationOrDefault() == gltf.DefaultRotation && n.ScaleOrDefault() == gltf.DefaultScale,
			"node %s has a transform", n.Name)
		if n.Mesh == nil {
			continue
		}
		for _, prim := range doc.Meshes[*n.Mesh].Primitives {
			pos, err := modeler.ReadPosition(doc, doc.Accessors[prim.Attributes[gltf.POSITION]], nil)
			require.NoError(t, err)
			require.NotNil(t, prim.Indices)
			idx, err := modeler.ReadIndices(doc, doc.Accessors[*prim.Indices], nil)
			require.NoError(t, err)
			for i := 0; i+2 < len(idx); i += 3 {
				var tri [3][3]float64
				for v := 0; v < 3; v++ {
					for k := 0; k < 3; k++ {
						tri[v][k] = float64(pos[idx[i+v]][k])
					}
				}
				out = append(out, tri)
			}
		}
	}
	return out
}

// distanceToMesh is the distance from p to the nearest of tris.
func distanceToMesh(p [3]float64, tris [][3][3]float64) float64 {
	best := math.Inf(1)
	for _, tri := range tris {
		q := closestPointOnTriangle(p, tri[0], tri[1], tri[2])
		best = math.Min(best, math.Sqrt(dot(sub(p, q), sub(p, q))))
	}
	return best
}

// closestPointOnTriangle is the classic region test from Ericson's
// Real-Time Collision Detection (5.1.5): find which vertex, edge or face
// region of abc the point p projects into, and project onto that.
func closestPointOnTriangle(p, a, b, c [3]float64) [3]float64 {
	ab, ac, ap := sub(b, a), sub(c, a), sub(p, a)
	d1, d2 := dot(ab, ap), dot(ac, ap)
	if d1 <= 0 && d2 <= 0 {
		return a
	}
	bp := sub(p, b)
	d3, d4 := dot(ab, bp), dot(ac, bp)
	if d3 >= 0 && d4 <= d3 {
		return b
	}
	if vc := d1*d4 - d3*d2; vc <= 0 && d1 >= 0 && d3 <= 0 {
		return add(a, scale(ab, d1/(d1-d3)))
	}
	cp := sub(p, c)
	d5, d6 := dot(ab, cp), dot(ac, cp)
	if d6 >= 0 && d5 <= d6 {
		return c
	}
	if vb := d5*d2 - d1*d6; vb <= 0 && d2 >= 0 && d6 <= 0 {
		return add(a, scale(ac, d2/(d2-d6)))
	}
	if va := d3*d6 - d5*d4; va <= 0 && d4-d3 >= 0 && d5-d6 >= 0 {
		return add(b, scale(sub(c, b), (d4-d3)/((d4-d3)+(d5-d6))))
	}
	va, vb, vc := d3*d6-d5*d4, d5*d2-d1*d6, d1*d4-d3*d2
	denom := 1 / (va + vb + vc)
	return add(a, add(scale(ab, vb*denom), scale(ac, vc*denom)))
}

func sub(a, b [3]float64) [3]float64 { return [3]float64{a[0] - b[0], a[1] - b[1], a[2] - b[2]} }
func add(a, b [3]float64) [3]float64 { return [3]float64{a[0] + b[0], a[1] + b[1], a[2] + b[2]} }
func dot(a, b [3]float64) float64    { return a[0]*b[0] + a[1]*b[1] + a[2]*b[2] }
func scale(a [3]float64, s float64) [3]float64 {
	return [3]float64{a[0] * s, a[1] * s, a[2] * s}
}

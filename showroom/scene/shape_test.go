package scene

import (
	"testing"

	"github.com/g3n/engine/math32"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkMesh asserts that every index is in range, every normal has unit
// length, and every triangle faces the way its vertices' normals say
// (counter-clockwise seen from outside).
func checkMesh(t *testing.T, m *MeshData) {
	t.Helper()
	require.Equal(t, len(m.Positions), len(m.Normals))
	require.Zero(t, len(m.Indices)%3)
	n := uint32(m.Vertices())
	at := func(a []float32, i uint32) math32.Vector3 { return v(a[3*i], a[3*i+1], a[3*i+2]) }
	for i := uint32(0); i < n; i++ {
		nv := at(m.Normals, i)
		l := nv.Length()
		require.InDelta(t, 1, l, 1e-4, "normal %d", i)
	}
	wrong := 0
	for i := 0; i < len(m.Indices); i += 3 {
		a, b, c := m.Indices[i], m.Indices[i+1], m.Indices[i+2]
		require.Less(t, a, n)
		require.Less(t, b, n)
		require.Less(t, c, n)
		face := cross(sub(at(m.Positions, b), at(m.Positions, a)), sub(at(m.Positions, c), at(m.Positions, a)))
		if face.Length() < 1e-9 {
			continue // the poles of a sphere
		}
		normal := add(add(at(m.Normals, a), at(m.Normals, b)), at(m.Normals, c))
		if face.Dot(&normal) <= 0 {
			wrong++
		}
	}
	assert.Zero(t, wrong, "triangles facing inwards")
}

func TestShapesTessellate(t *testing.T) {
	for _, tc := range []struct {
		name      string
		shape     Shape
		vertices  int
		triangles int
	}{
		{"box", Box(v(1, 2, 3), v(2, 4, 6)), 24, 12},
		{"upright cylinder", Cylinder(v(0, 0, 0), v(0, 1, 0), 0.5, 0), 4 * (cylinderSegments + 1), 4 * cylinderSegments},
		{"tapered leg pointing down", Cylinder(v(0, 0.1, 0), v(0, 0, 0), 0.025, 0.016), 4 * (cylinderSegments + 1), 4 * cylinderSegments},
		{"slanted tube", Cylinder(v(0, 0, 0), v(1, 1, 0.2), 0.02, 0), 4 * (cylinderSegments + 1), 4 * cylinderSegments},
		{"wheel", Torus(v(0, 0.35, 0), v(0, 0, 1), 0.33, 0.02), (torusTubular + 1) * (torusRadial + 1), 2 * torusTubular * torusRadial},
		{"ball", Sphere(v(0, 1, 0), 0.1), (sphereSegments/2 + 1) * (sphereSegments + 1), sphereSegments * sphereSegments},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := Build([]Shape{tc.shape})
			assert.Equal(t, tc.vertices, m.Vertices())
			assert.Equal(t, tc.triangles, m.Triangles())
			checkMesh(t, m)
			// Bounds, computed from the shape, hold every vertex and are
			// tight: within the tessellation's error of the vertices' box.
			b := Bounds([]Shape{tc.shape})
			var vb math32.Box3
			vb.MakeEmpty()
			for i := 0; i < m.Vertices(); i++ {
				p := v(m.Positions[3*i], m.Positions[3*i+1], m.Positions[3*i+2])
				vb.ExpandByPoint(&p)
			}
			tolerance := float64(b.Size(nil).Length()) * 0.03
			for _, pair := range [][2]float32{{b.Min.X, vb.Min.X}, {b.Min.Y, vb.Min.Y}, {b.Min.Z, vb.Min.Z}} {
				assert.LessOrEqual(t, pair[0], pair[1]+1e-6)
				assert.InDelta(t, pair[1], pair[0], tolerance)
			}
			for _, pair := range [][2]float32{{b.Max.X, vb.Max.X}, {b.Max.Y, vb.Max.Y}, {b.Max.Z, vb.Max.Z}} {
				assert.GreaterOrEqual(t, pair[0], pair[1]-1e-6)
				assert.InDelta(t, pair[1], pair[0], tolerance)
			}
		})
	}
	b := Bounds([]Shape{Cylinder(v(0, 0.1, 0), v(0, 0, 0), 0.025, 0.016)})
	assert.Equal(t, float32(0), b.Min.Y, "an upright leg ends where it ends")
}

func TestDegenerateCylinderAddsNothing(t *testing.T) {
	m := Build([]Shape{Cylinder(v(1, 1, 1), v(1, 1, 1), 0.1, 0)})
	assert.Zero(t, m.Vertices())
}

func TestParseColor(t *testing.T) {
	r, g, b, ok := ParseColor("#ff8000")
	require.True(t, ok)
	assert.InDelta(t, 1, r, 1e-6)
	assert.InDelta(t, 128.0/255, g, 1e-6)
	assert.Zero(t, b)
	for _, bad := range []string{"", "ff8000", "#ff80", "#gg8000", "#ff800000"} {
		_, _, _, ok := ParseColor(bad)
		assert.False(t, ok, bad)
	}
}

func TestLinearColor(t *testing.T) {
	r, g, b, ok := LinearColor("#ff8000")
	require.True(t, ok)
	assert.InDelta(t, 1, r, 1e-6)
	assert.InDelta(t, 0.2158, g, 1e-3, "mid sRGB is about a fifth of the light")
	assert.Zero(t, b)
	_, _, _, ok = LinearColor("nope")
	assert.False(t, ok)
}

func TestFloorIsSmooth(t *testing.T) {
	s := Shape{Kind: ShapeCylinder, A: v(0, -0.02, 0), B: v(0, 0, 0), Radius: 1, Segments: 64}
	m := Build([]Shape{s})
	assert.Equal(t, 4*64+4, m.Vertices(), "64 sides, each end capped")
	checkMesh(t, m)
}

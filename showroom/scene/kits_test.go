package scene

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/server/demo"
	"vitrine/showroom/catalog"
)

// modelOf builds the model of product's default configuration with changes
// applied through the real configurator, as the page does.
func modelOf(t *testing.T, product string, changes ...catalog.ConfigChange) Model {
	t.Helper()
	cf := demo.ConfiguratorFor(product)
	require.NotNil(t, cf)
	cfg := cf.Default()
	for _, ch := range changes {
		var err error
		cfg, _, err = cf.Apply(cfg, ch)
		require.NoError(t, err, "%+v", ch)
	}
	return ConfiguredModel(product, cf.Models(cfg))
}

func keys(m Model) []string {
	var out []string
	for _, p := range m.Parts {
		out = append(out, p.Key)
	}
	return out
}

func width(m Model) float32 {
	b := m.Bounds(FloorPart)
	return b.Max.X - b.Min.X
}

// checkModel asserts what every model must be: parts with shapes and
// known materials, well-formed meshes, standing on the floor.
func checkModel(t *testing.T, m Model) {
	t.Helper()
	seen := map[string]bool{}
	for _, p := range m.Parts {
		assert.False(t, seen[p.Key], "part %s is unique", p.Key)
		seen[p.Key] = true
		assert.NotEmpty(t, p.Shapes, p.Key)
		mat := m.Material(p.Material)
		if assert.NotNil(t, mat, "material of %s", p.Key) {
			_, _, _, ok := ParseColor(mat.Color)
			assert.True(t, ok, "colour of %s", mat.Name)
		}
		checkMesh(t, Build(p.Shapes))
	}
	require.NotNil(t, m.Part(FloorPart))
	b := m.Bounds(FloorPart)
	assert.InDelta(t, 0, b.Min.Y, 0.01, "the model stands on the floor")
	// Few meshes: every part is one draw call of about 1 ms of Go time.
	assert.LessOrEqual(t, len(m.Parts), 10)
}

func TestSofaModel(t *testing.T) {
	def := modelOf(t, "modular-sofa")
	checkModel(t, def)
	assert.Equal(t, []string{"seats", "arms", "legs", FloorPart}, keys(def))
	assert.Len(t, def.Part("seats").Shapes, 3*4, "three modules")
	assert.Equal(t, "#d8c8a8", def.Material("fabric").Color, "sand")
	assert.InDelta(t, 3*0.8+2*0.14, width(def), 0.01)

	five := modelOf(t, "modular-sofa", catalog.ConfigChange{Part: "modules", Value: 5})
	checkModel(t, five)
	assert.Len(t, five.Part("seats").Shapes, 5*4)
	assert.InDelta(t, 2*0.8, width(five)-width(def), 0.01, "two more modules are 1.6 m wider")

	chaise := modelOf(t, "modular-sofa", catalog.ConfigChange{Part: "chaise", Option: "left"})
	checkModel(t, chaise)
	require.NotNil(t, chaise.Part("chaise"))
	cb := chaise.Part("chaise").Bounds()
	assert.Less(t, cb.Max.X, float32(0), "the left chaise is on the left")
	assert.Greater(t, chaise.Bounds(FloorPart).Max.Z, def.Bounds(FloorPart).Max.Z+0.5, "a chaise reaches forward")

	right := modelOf(t, "modular-sofa", catalog.ConfigChange{Part: "chaise", Option: "right"})
	rb := right.Part("chaise").Bounds()
	assert.Greater(t, rb.Min.X, float32(0))

	bare := modelOf(t, "modular-sofa", catalog.ConfigChange{Part: "arms", Option: "armless"}, catalog.ConfigChange{Part: "legs", Option: "black-metal"},
		catalog.ConfigChange{Part: "colour", Option: "emerald"})
	checkModel(t, bare)
	assert.Nil(t, bare.Part("arms"))
	assert.Equal(t, "#1f5e4a", bare.Material("fabric").Color, "emerald velvet")
	assert.Equal(t, "#222222", bare.Material("legs").Color)
	assert.Greater(t, bare.Material("legs").Metalness, def.Material("legs").Metalness, "metal legs are metallic")
	assert.NotEqual(t, def.Part("legs").Shapes, bare.Part("legs").Shapes, "metal legs have another shape")

	rounded := modelOf(t, "modular-sofa", catalog.ConfigChange{Part: "arms", Option: "rounded"})
	assert.Greater(t, width(rounded), width(def), "rounded arms are wider")
}

func TestDeskModel(t *testing.T) {
	def := modelOf(t, "standing-desk")
	checkModel(t, def)
	assert.Equal(t, []string{"top", "frame", FloorPart}, keys(def))
	assert.InDelta(t, 1.4, width(def), 0.01, "140 cm")
	assert.Equal(t, "#c8a27a", def.Material("top").Color)

	wide := modelOf(t, "standing-desk", catalog.ConfigChange{Part: "width", Value: 180})
	assert.InDelta(t, 1.8, width(wide), 0.01, "the 3D shows the real size")
	assert.Equal(t, def.Part("top").Shapes, wide.Part("top").Shapes, "the top is stretched, not rebuilt")
	assert.InDelta(t, 180.0/140, wide.Part("top").Scale.X, 1e-5)

	full := modelOf(t, "standing-desk",
		catalog.ConfigChange{Part: "drawer", Option: "drawer-unit"},
		catalog.ConfigChange{Part: "monitor-arm", Option: "monitor-arm"},
		catalog.ConfigChange{Part: "frame-colour", Option: "white"},
		catalog.ConfigChange{Part: "top", Option: "walnut-veneer"})
	checkModel(t, full)
	assert.Equal(t, []string{"top", "frame", "drawer-unit", "cable-tray", "monitor-arm", FloorPart}, keys(full), "the arm brought its cable tray")
	assert.Equal(t, "#f2f2f2", full.Material("frame").Color)
	assert.Equal(t, "#5b3b24", full.Material("top").Color)
	db := full.Part("drawer-unit").Bounds()
	assert.Greater(t, db.Min.X, float32(0), "the drawer unit hangs on the right")
	assert.Less(t, db.Max.X, float32(0.7))
}

func TestBikeModel(t *testing.T) {
	def := modelOf(t, "city-bike")
	checkModel(t, def)
	assert.Equal(t, []string{"frame", "tyres", "metal", "saddle", "handlebar", FloorPart}, keys(def))
	assert.InDelta(t, 0, def.Bounds(FloorPart).Min.Y, 1e-3, "the tyres touch the floor")

	small := modelOf(t, "city-bike", catalog.ConfigChange{Part: "wheels", Option: "26-inch"})
	assert.NotEqual(t, def.Part("tyres").Shapes, small.Part("tyres").Shapes)
	assert.Equal(t, def.Part("frame").Shapes, small.Part("frame").Shapes, "smaller wheels only lower the frame")
	assert.Less(t, small.Part("frame").Position.Y, def.Part("frame").Position.Y)
	assert.InDelta(t, 0, small.Bounds(FloorPart).Min.Y, 1e-3)

	xl := modelOf(t, "city-bike", catalog.ConfigChange{Part: "frame-size", Option: "xl"})
	assert.Greater(t, xl.Bounds(FloorPart).Max.Y, def.Bounds(FloorPart).Max.Y, "an XL frame is taller")
	assert.Equal(t, def.Part("saddle").Shapes, xl.Part("saddle").Shapes, "the saddle only moves up")

	loaded := modelOf(t, "city-bike",
		catalog.ConfigChange{Part: "lights", Option: "dynamo"},
		catalog.ConfigChange{Part: "rack", Option: "front-rear"},
		catalog.ConfigChange{Part: "colour", Option: "petrol"},
		catalog.ConfigChange{Part: "handlebar", Option: "flat"},
		catalog.ConfigChange{Part: "saddle", Option: "sport"})
	checkModel(t, loaded)
	assert.Equal(t, []string{"frame", "tyres", "metal", "saddle", "handlebar", "lights", "rack-rear", "rack-front", FloorPart}, keys(loaded))
	assert.Equal(t, "#1f5f6b", loaded.Material("bike-frame").Color)
	assert.NotEmpty(t, loaded.Material("lamp").Emissive)
	assert.NotEqual(t, def.Part("handlebar").Shapes, loaded.Part("handlebar").Shapes)
	assert.NotEqual(t, def.Material("saddle").Color, loaded.Material("saddle").Color)
}

func TestPlaceholderModel(t *testing.T) {
	m := ConfiguredModel("garden-shed", []catalog.ConfigModel{{Material: "walls", Color: "#336699"}})
	checkModel(t, m)
	assert.Equal(t, []string{"block", FloorPart}, keys(m))
	assert.Equal(t, "#336699", m.Material("block").Color)
	assert.Equal(t, "#b9b2a6", ConfiguredModel("garden-shed", nil).Material("block").Color)
}

package catalog_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"vitrine/showroom/catalog"
)

func TestModelFilePathRoundTrips(t *testing.T) {
	m := catalog.NewModelFile("oak-coffee-table", []byte("glb"), time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600)))
	assert.NoError(t, m.Validate())
	assert.Equal(t, "/media/models/oak-coffee-table-"+m.SHA256[:12]+".glb", m.Path())
	assert.Equal(t, time.UTC, m.Created.Location())
	product, hash, ok := catalog.ParseModelPath(m.Path())
	assert.True(t, ok)
	assert.Equal(t, "oak-coffee-table", product)
	assert.Equal(t, m.SHA256[:12], hash)
}

func TestParseModelPath(t *testing.T) {
	for _, tc := range []struct {
		name, path, product, hash string
		ok                        bool
	}{
		{"full path", "/media/models/sofa-0123456789ab.glb", "sofa", "0123456789ab", true},
		{"file name", "u-lock-0123456789ab.glb", "u-lock", "0123456789ab", true},
		{"not a glb", "/media/models/sofa-0123456789ab.gltf", "", "", false},
		{"short hash", "/media/models/sofa-0123456789a.glb", "", "", false},
		{"uppercase hash", "/media/models/sofa-0123456789AB.glb", "", "", false},
		{"no product", "/media/models/-0123456789ab.glb", "", "", false},
		{"bad slug", "/media/models/Sofa-0123456789ab.glb", "", "", false},
		{"path in the name", "/media/models/../x-0123456789ab.glb", "", "", false},
		{"generated model", "/web/models/sofa.glb", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			product, hash, ok := catalog.ParseModelPath(tc.path)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.product, product)
			assert.Equal(t, tc.hash, hash)
		})
	}
}

func TestModelFileValidate(t *testing.T) {
	good := catalog.NewModelFile("sofa", []byte("glb"), time.Now())
	for _, tc := range []struct {
		name string
		edit func(m *catalog.ModelFile)
	}{
		{"bad product", func(m *catalog.ModelFile) { m.Product = "Sofa" }},
		{"short digest", func(m *catalog.ModelFile) { m.SHA256 = m.SHA256[:60] }},
		{"uppercase digest", func(m *catalog.ModelFile) { m.SHA256 = "ABCDEF" + m.SHA256[6:] }},
		{"not hex", func(m *catalog.ModelFile) { m.SHA256 = "zz" + m.SHA256[2:] }},
		{"empty", func(m *catalog.ModelFile) { m.Size = 0 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := good
			tc.edit(&m)
			assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(m.Validate()))
		})
	}
}

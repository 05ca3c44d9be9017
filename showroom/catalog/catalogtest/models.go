package catalogtest

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

// RunModels checks the catalog.ModelStore contract. open returns an empty
// catalog and the model store over the same database, since putting or
// removing a model also changes the product's Model.
func RunModels(t *testing.T, open func(t *testing.T) (catalog.Store, catalog.ModelStore)) {
	ctx := context.Background()
	seed := func(t *testing.T) (catalog.Store, catalog.ModelStore) {
		c, m := open(t)
		require.NoError(t, c.PutCategory(ctx, catalog.Category{Slug: "living", Name: catalog.Text{"en": "Living"}}))
		for i, slug := range []string{"sofa", "lamp"} {
			require.NoError(t, c.PutProduct(ctx, catalog.Product{Slug: slug, SKU: "SKU-" + slug, Category: "living",
				Name: catalog.Text{"en": slug}, Price: catalog.EUR(100), Position: i, Model: "/web/models/" + slug + ".glb"}))
		}
		return c, m
	}
	glb := []byte("glTF\x02\x00\x00\x00 pretend model bytes")
	modelOf := func(t *testing.T, c catalog.Store, slug string) string {
		p, err := c.Product(ctx, slug)
		require.NoError(t, err)
		return p.Model
	}

	t.Run("put stores the bytes and points the product at them", func(t *testing.T) {
		c, s := seed(t)
		m, err := s.PutModel(ctx, "sofa", glb)
		require.NoError(t, err)
		want := catalog.NewModelFile("sofa", glb, m.Created)
		assert.Equal(t, want, *m)
		assert.Equal(t, "/media/models/sofa-"+m.SHA256[:12]+".glb", m.Path())
		assert.Equal(t, m.Path(), modelOf(t, c, "sofa"))
		assert.Equal(t, "/web/models/lamp.glb", modelOf(t, c, "lamp"), "other products keep theirs")

		got, data, err := s.ModelData(ctx, "sofa")
		require.NoError(t, err)
		assert.Equal(t, glb, data)
		assert.Equal(t, m.SHA256, got.SHA256)
		assert.Equal(t, int64(len(glb)), got.Size)
		assert.True(t, m.Created.Equal(got.Created))
	})
	t.Run("put again replaces", func(t *testing.T) {
		c, s := seed(t)
		first, err := s.PutModel(ctx, "sofa", glb)
		require.NoError(t, err)
		other := bytes.Repeat([]byte("x"), 1000)
		second, err := s.PutModel(ctx, "sofa", other)
		require.NoError(t, err)
		assert.NotEqual(t, first.Path(), second.Path())
		assert.Equal(t, second.Path(), modelOf(t, c, "sofa"))
		_, data, err := s.ModelData(ctx, "sofa")
		require.NoError(t, err)
		assert.Equal(t, other, data)
		ms, err := s.Models(ctx)
		require.NoError(t, err)
		assert.Len(t, ms, 1, "one model per product")
	})
	t.Run("list is ordered by product, without bytes", func(t *testing.T) {
		_, s := seed(t)
		ms, err := s.Models(ctx)
		require.NoError(t, err)
		assert.Empty(t, ms)
		for _, slug := range []string{"sofa", "lamp"} {
			_, err := s.PutModel(ctx, slug, []byte(slug+" bytes"))
			require.NoError(t, err)
		}
		ms, err = s.Models(ctx)
		require.NoError(t, err)
		require.Len(t, ms, 2)
		assert.Equal(t, "lamp", ms[0].Product)
		assert.Equal(t, "sofa", ms[1].Product)
		assert.Equal(t, int64(len("lamp bytes")), ms[0].Size)
	})
	t.Run("remove goes back to the fallback", func(t *testing.T) {
		c, s := seed(t)
		_, err := s.PutModel(ctx, "sofa", glb)
		require.NoError(t, err)
		require.NoError(t, s.RemoveModel(ctx, "sofa", "/web/models/sofa.glb"))
		assert.Equal(t, "/web/models/sofa.glb", modelOf(t, c, "sofa"))
		_, _, err = s.ModelData(ctx, "sofa")
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))

		_, err = s.PutModel(ctx, "lamp", glb)
		require.NoError(t, err)
		require.NoError(t, s.RemoveModel(ctx, "lamp", ""))
		assert.Equal(t, "", modelOf(t, c, "lamp"), "no generated model to go back to")
	})
	for _, tc := range []struct {
		name string
		do   func(s catalog.ModelStore) error
		code string
	}{
		{"put for an unknown product", func(s catalog.ModelStore) error { _, err := s.PutModel(ctx, "nope", glb); return err }, catalog.ENOTFOUND},
		{"put empty bytes", func(s catalog.ModelStore) error { _, err := s.PutModel(ctx, "sofa", nil); return err }, catalog.EINVALID},
		{"data of a product without a model", func(s catalog.ModelStore) error { _, _, err := s.ModelData(ctx, "sofa"); return err }, catalog.ENOTFOUND},
		{"data of an unknown product", func(s catalog.ModelStore) error { _, _, err := s.ModelData(ctx, "nope"); return err }, catalog.ENOTFOUND},
		{"remove for an unknown product", func(s catalog.ModelStore) error { return s.RemoveModel(ctx, "nope", "") }, catalog.ENOTFOUND},
		{"remove without a model", func(s catalog.ModelStore) error { return s.RemoveModel(ctx, "sofa", "") }, catalog.ENOTFOUND},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, s := seed(t)
			err := tc.do(s)
			assert.Equal(t, tc.code, catalog.ErrorCode(err), "%v", err)
			assert.False(t, strings.Contains(catalog.ErrorMessage(err), "sql"), "no SQL in the message")
			assert.Equal(t, "/web/models/sofa.glb", modelOf(t, c, "sofa"), "nothing changed")
		})
	}
}

// Package catalogtest is the conformance suite of catalog.Store: every
// implementation (SQLite today, PostgreSQL later) must pass Run.
package catalogtest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

// Run checks the catalog.Store contract on stores made by open, each empty.
func Run(t *testing.T, open func(t *testing.T) catalog.Store) {
	ctx := context.Background()
	cat := func(slug string, pos int) catalog.Category {
		return catalog.Category{Slug: slug, Position: pos, Name: catalog.Text{"en": slug, "es": slug + " es"}}
	}
	prod := func(slug, category string, pos int) catalog.Product {
		return catalog.Product{Slug: slug, SKU: "SKU-" + slug, Category: category, Position: pos,
			Name:        catalog.Text{"en": "Oak " + slug, "zh-Hans": "橡木"},
			Description: catalog.Text{"en": "Solid wood"}, Price: catalog.EUR(12900), Stock: 3, LeadTimeDays: 2,
			Specs:          []catalog.Spec{{Key: "width", Value: catalog.Text{"en": "80 cm"}}},
			WarrantyMonths: 24}
	}
	seed := func(t *testing.T) catalog.Store {
		s := open(t)
		require.NoError(t, s.PutCategory(ctx, cat("second", 1)))
		require.NoError(t, s.PutCategory(ctx, cat("first", 0)))
		require.NoError(t, s.PutProduct(ctx, prod("b-table", "first", 1)))
		require.NoError(t, s.PutProduct(ctx, prod("a-chair", "first", 0)))
		p := prod("bike", "second", 0)
		p.Featured, p.Configurable, p.Name = true, true, catalog.Text{"en": "City bike", "es": "Bicicleta urbana"}
		require.NoError(t, s.PutProduct(ctx, p))
		return s
	}

	t.Run("categories in position order", func(t *testing.T) {
		cs, err := seed(t).Categories(ctx)
		require.NoError(t, err)
		require.Len(t, cs, 2)
		assert.Equal(t, "first", cs[0].Slug)
		assert.Equal(t, "first es", cs[0].Name["es"])
	})
	t.Run("product round trip keeps every field", func(t *testing.T) {
		s := seed(t)
		want := prod("a-chair", "first", 0)
		got, err := s.Product(ctx, "a-chair")
		require.NoError(t, err)
		assert.Equal(t, want, *got)
	})
	t.Run("unknown product is not found", func(t *testing.T) {
		_, err := seed(t).Product(ctx, "nope")
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
	})
	t.Run("products ordered by category then position", func(t *testing.T) {
		ps, err := seed(t).Products(ctx, catalog.ProductFilter{})
		require.NoError(t, err)
		var slugs []string
		for _, p := range ps {
			slugs = append(slugs, p.Slug)
		}
		assert.Equal(t, []string{"a-chair", "b-table", "bike"}, slugs)
	})
	t.Run("filter by category", func(t *testing.T) {
		ps, err := seed(t).Products(ctx, catalog.ProductFilter{Category: "second"})
		require.NoError(t, err)
		require.Len(t, ps, 1)
		assert.Equal(t, "bike", ps[0].Slug)
	})
	t.Run("unknown category is not found", func(t *testing.T) {
		_, err := seed(t).Products(ctx, catalog.ProductFilter{Category: "nope"})
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
	})
	t.Run("query matches any locale", func(t *testing.T) {
		ps, err := seed(t).Products(ctx, catalog.ProductFilter{Query: "bicicleta"})
		require.NoError(t, err)
		require.Len(t, ps, 1)
		assert.Equal(t, "bike", ps[0].Slug)
	})
	t.Run("featured only", func(t *testing.T) {
		ps, err := seed(t).Products(ctx, catalog.ProductFilter{Featured: true})
		require.NoError(t, err)
		require.Len(t, ps, 1)
		assert.True(t, ps[0].Configurable)
	})
	t.Run("put replaces", func(t *testing.T) {
		s := seed(t)
		p := prod("a-chair", "second", 5)
		p.Price = catalog.EUR(9900)
		require.NoError(t, s.PutProduct(ctx, p))
		got, err := s.Product(ctx, "a-chair")
		require.NoError(t, err)
		assert.Equal(t, p, *got)
	})
	withHotspots := func() catalog.Product {
		p := prod("sofa", "first", 2)
		p.Hotspots = []catalog.Hotspot{
			{ID: "covers", Position: [3]float64{-0.64, 0.385, 0.47},
				Title: catalog.Text{"en": "Zip-off covers", "es": "Fundas con cremallera", "zh-Hans": "拉链沙发套", "ro": "Huse cu fermoar"},
				Text:  catalog.Text{"en": "Wash them at 30 °C.", "ro": "Se spală la 30 °C."}},
			{ID: "arm", Position: [3]float64{1.0546875, 0.64, -0.000061},
				Title: catalog.Text{"en": "Swap the arms"}, Text: catalog.Text{"en": "Arms unbolt."}},
		}
		return p
	}
	t.Run("hotspots round trip in order", func(t *testing.T) {
		s := seed(t)
		want := withHotspots()
		require.NoError(t, s.PutProduct(ctx, want))
		got, err := s.Product(ctx, "sofa")
		require.NoError(t, err)
		assert.Equal(t, want, *got)
		ps, err := s.Products(ctx, catalog.ProductFilter{Category: "first"})
		require.NoError(t, err)
		require.Len(t, ps, 3)
		assert.Equal(t, want.Hotspots, ps[2].Hotspots)
		assert.Nil(t, ps[0].Hotspots, "a product without hotspots reads back with none")
	})
	t.Run("put replaces hotspots", func(t *testing.T) {
		s := seed(t)
		require.NoError(t, s.PutProduct(ctx, withHotspots()))
		p := withHotspots()
		p.Hotspots = p.Hotspots[1:]
		require.NoError(t, s.PutProduct(ctx, p))
		got, err := s.Product(ctx, "sofa")
		require.NoError(t, err)
		assert.Equal(t, p.Hotspots, got.Hotspots)
		p.Hotspots = nil
		require.NoError(t, s.PutProduct(ctx, p))
		got, err = s.Product(ctx, "sofa")
		require.NoError(t, err)
		assert.Nil(t, got.Hotspots)
	})
	t.Run("invalid hotspots rejected", func(t *testing.T) {
		s := seed(t)
		p := withHotspots()
		p.Hotspots[1].ID = p.Hotspots[0].ID
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(s.PutProduct(ctx, p)))
		_, err := s.Product(ctx, "sofa")
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err), "nothing half-written")
	})
	t.Run("invalid product rejected", func(t *testing.T) {
		s := seed(t)
		p := prod("Bad Slug", "first", 0)
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(s.PutProduct(ctx, p)))
		p = prod("orphan", "missing", 0)
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(s.PutProduct(ctx, p)))
		_, err := s.Product(ctx, "orphan")
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err), "nothing half-written")
	})
}

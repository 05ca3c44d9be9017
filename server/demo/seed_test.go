package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/server/demo"
	"vitrine/server/sqlite"
	"vitrine/showroom/catalog"
)

func TestSeedFillsAnEmptyStoreOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "seed.db")
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	open := func() (*sqlite.DB, demo.Stores) {
		db, err := sqlite.Open(ctx, path)
		require.NoError(t, err)
		return db, demo.Stores{Catalog: sqlite.NewCatalogStore(db), Orders: sqlite.NewOrderStore(db)}
	}
	db, s := open()
	seeded, err := demo.Seed(ctx, s, now)
	require.NoError(t, err)
	assert.True(t, seeded)
	cs, err := s.Catalog.Categories(ctx)
	require.NoError(t, err)
	assert.Len(t, cs, len(demo.Categories()))
	o, err := s.Orders.Order(ctx, "VT-1005")
	require.NoError(t, err)
	assert.Equal(t, orders.StatusDelayed, o.State(now).Status)
	require.NoError(t, db.Close())

	// A restart keeps what is there and adds nothing.
	db, s = open()
	defer db.Close()
	seeded, err = demo.Seed(ctx, s, now.Add(48*time.Hour))
	require.NoError(t, err)
	assert.False(t, seeded)
	ps, err := s.Catalog.Products(ctx, catalog.ProductFilter{})
	require.NoError(t, err)
	assert.Len(t, ps, len(demo.Products()))
	want := demo.Products()[0]
	got, err := s.Catalog.Product(ctx, want.Slug)
	require.NoError(t, err)
	require.NotEmpty(t, want.Hotspots)
	assert.Equal(t, want.Hotspots, got.Hotspots, "hotspots are seeded with their product")
}

package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/server/sqlite"
	"vitrine/showroom/catalog"
	"vitrine/showroom/catalog/catalogtest"
)

// openTest opens a fresh database in a temporary file, closed with the test.
func openTest(t *testing.T) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func TestCatalogStore(t *testing.T) {
	catalogtest.Run(t, func(t *testing.T) catalog.Store { return sqlite.NewCatalogStore(openTest(t)) })
}

// A database made before migration 050 has products but no hotspots column.
// Rolling one back by hand (dropping the column and forgetting the version)
// and reopening it checks that the migration applies to a filled database
// and that its products read back unchanged, with no hotspots.
func TestHotspotsMigrationKeepsExistingProducts(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	store := sqlite.NewCatalogStore(db)
	require.NoError(t, store.PutCategory(ctx, catalog.Category{Slug: "living-room", Name: catalog.Text{"en": "Living room"}}))
	want := catalog.Product{Slug: "modular-sofa", SKU: "VT-LR-001", Category: "living-room",
		Name: catalog.Text{"en": "Modular sofa"}, Price: catalog.EUR(104900),
		Specs: []catalog.Spec{{Key: "width", Value: catalog.Text{"en": "228 cm"}}}, WarrantyMonths: 60}
	require.NoError(t, store.PutProduct(ctx, want))
	_, err = db.ExecContext(ctx, `ALTER TABLE products DROP COLUMN hotspots`)
	require.NoError(t, err)
	_, err = db.ExecContext(ctx, `DELETE FROM schema_migrations WHERE version = 50`)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	db, err = sqlite.Open(ctx, path)
	require.NoError(t, err)
	defer db.Close()
	var n int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = 50`).Scan(&n))
	assert.Equal(t, 1, n, "migration 050 applied on reopening")
	got, err := sqlite.NewCatalogStore(db).Product(ctx, "modular-sofa")
	require.NoError(t, err)
	assert.Equal(t, want, *got)
}

func TestModelStore(t *testing.T) {
	catalogtest.RunModels(t, func(t *testing.T) (catalog.Store, catalog.ModelStore) {
		db := openTest(t)
		return sqlite.NewCatalogStore(db), sqlite.NewModelStore(db)
	})
}

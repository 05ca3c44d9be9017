package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

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

func TestModelStore(t *testing.T) {
	catalogtest.RunModels(t, func(t *testing.T) (catalog.Store, catalog.ModelStore) {
		db := openTest(t)
		return sqlite.NewCatalogStore(db), sqlite.NewModelStore(db)
	})
}

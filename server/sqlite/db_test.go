package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/server/sqlite"
)

func TestOpenMigratesOnceAndKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v.db")
	db, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	v1, err := db.SchemaVersion(ctx)
	require.NoError(t, err)
	assert.Positive(t, v1)
	_, err = db.ExecContext(ctx, `INSERT INTO categories (slug, name, position) VALUES ('x', '{}', 0)`)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	db, err = sqlite.Open(ctx, path)
	require.NoError(t, err)
	defer db.Close()
	v2, err := db.SchemaVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, v1, v2)
	var n int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT COUNT(*) FROM categories`).Scan(&n))
	assert.Equal(t, 1, n, "reopening keeps the data")

	var mode string
	require.NoError(t, db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode))
	assert.Equal(t, "wal", mode)
	var fk int
	require.NoError(t, db.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk))
	assert.Equal(t, 1, fk)
}

func TestInTxRollsBackOnError(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO categories (slug, name, position) VALUES ('x', '{}', 0)`); err != nil {
			return err
		}
		return errors.New("boom")
	})
	require.Error(t, err)
	var n int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT COUNT(*) FROM categories`).Scan(&n))
	assert.Zero(t, n)
}

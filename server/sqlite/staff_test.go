package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"vitrine/portal/staff"
	"vitrine/portal/staff/stafftest"
	"vitrine/server/sqlite"
)

func TestStaffStore(t *testing.T) {
	stafftest.Run(t, func(t *testing.T) staff.Store {
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "staff.db"))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		return sqlite.NewStaffStore(db)
	})
}

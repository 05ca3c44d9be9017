package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"vitrine/portal/help"
	"vitrine/portal/help/helptest"
	"vitrine/server/sqlite"
)

func TestHelpStore(t *testing.T) {
	helptest.Run(t, func(t *testing.T) help.Store {
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "help.db"))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		return sqlite.NewHelpStore(db)
	})
}

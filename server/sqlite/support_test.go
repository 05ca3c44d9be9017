package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/portal/support/supporttest"
	"vitrine/server/sqlite"
)

func TestSupportStore(t *testing.T) {
	supporttest.Run(t, func(t *testing.T) supporttest.Env {
		db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "support.db"))
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		outbox := sqlite.NewOrderStore(db)
		return supporttest.Env{
			Store: sqlite.NewSupportStore(db),
			Outbox: func(ctx context.Context) ([]orders.OutboxMessage, error) {
				return outbox.Outbox(ctx, "")
			},
		}
	})
}

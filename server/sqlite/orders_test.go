package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/portal/orders/orderstest"
	"vitrine/server/sqlite"
)

// openOrderDB opens a fresh database at path (":memory:" or a file), closed
// with the test.
func openOrderDB(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOrderStoreInMemory(t *testing.T) {
	orderstest.Run(t, func(t *testing.T) orders.Store {
		return sqlite.NewOrderStore(openOrderDB(t, ":memory:"))
	})
}

func TestOrderStoreInFile(t *testing.T) {
	orderstest.Run(t, func(t *testing.T) orders.Store {
		return sqlite.NewOrderStore(openOrderDB(t, filepath.Join(t.TempDir(), "orders.db")))
	})
}

func TestOrderStoreStampsWithItsClock(t *testing.T) {
	db := openOrderDB(t, ":memory:")
	fixed := time.Date(2025, 3, 12, 10, 0, 0, 0, time.FixedZone("CET", 3600))
	db.Now = func() time.Time { return fixed }
	s := sqlite.NewOrderStore(db)
	_, err := s.AddOutbox(context.Background(), orders.OutboxMessage{To: "ana.lopez@example.com", Subject: "Hello"})
	require.NoError(t, err)
	box, err := s.Outbox(context.Background(), "")
	require.NoError(t, err)
	require.Len(t, box, 1)
	assert.Equal(t, fixed.UTC(), box[0].CreatedAt)
}

func TestOrderStoreKeepsDataAcrossReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "orders.db")
	db, err := sqlite.Open(ctx, path)
	require.NoError(t, err)
	_, err = sqlite.NewOrderStore(db).AddOutbox(ctx, orders.OutboxMessage{To: "ana.lopez@example.com", Subject: "Hello", OrderNumber: "VT-1001"})
	require.NoError(t, err)
	require.NoError(t, db.Close())

	db = openOrderDB(t, path)
	box, err := sqlite.NewOrderStore(db).Outbox(ctx, "VT-1001")
	require.NoError(t, err)
	assert.Len(t, box, 1)
}

func TestOrderSubscriptions(t *testing.T) {
	orderstest.RunSubscriptions(t, func(t *testing.T) (orders.Store, orders.SubscriptionStore) {
		s := sqlite.NewOrderStore(openOrderDB(t, filepath.Join(t.TempDir(), "orders.db")))
		return s, s
	})
}

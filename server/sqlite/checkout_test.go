package sqlite_test

import (
	"path/filepath"
	"testing"

	"vitrine/portal/orders/orderstest"
	"vitrine/server/sqlite"
)

func TestCheckoutStoreInMemory(t *testing.T) {
	orderstest.RunCheckout(t, func(t *testing.T) orderstest.Placer {
		return sqlite.NewOrderStore(openOrderDB(t, ":memory:"))
	})
}

func TestCheckoutStoreInFile(t *testing.T) {
	orderstest.RunCheckout(t, func(t *testing.T) orderstest.Placer {
		return sqlite.NewOrderStore(openOrderDB(t, filepath.Join(t.TempDir(), "orders.db")))
	})
}

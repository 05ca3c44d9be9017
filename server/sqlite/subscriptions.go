package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

var _ orders.SubscriptionStore = (*OrderStore)(nil)

// Subscribe implements orders.SubscriptionStore on the table of
// migrations/011_order_subscriptions.sql.
func (s *OrderStore) Subscribe(ctx context.Context, number string) (bool, error) {
	created := false
	err := s.db.InTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM orders WHERE number = ?`, number).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &catalog.Error{Code: catalog.ENOTFOUND, Key: "orders.err.not_found", Message: fmt.Sprintf("no order numbered %s", number)}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO order_subscriptions (order_number, created_at) VALUES (?, ?)
			ON CONFLICT (order_number) DO NOTHING`, number, orderTime(s.db.Now()))
		if err != nil {
			return err
		}
		k, err := res.RowsAffected()
		created = k > 0
		return err
	})
	if err != nil {
		return false, fmt.Errorf("subscribe to order %s: %w", number, err)
	}
	return created, nil
}

// Subscribed implements orders.SubscriptionStore.
func (s *OrderStore) Subscribed(ctx context.Context, number string) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM order_subscriptions WHERE order_number = ?`, number).Scan(&n); err != nil {
		return false, fmt.Errorf("subscription of order %s: %w", number, err)
	}
	return n > 0, nil
}

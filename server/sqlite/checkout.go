package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// This file implements orders.CheckoutStore on the tables of
// migrations/040_checkout.sql. The transaction begins IMMEDIATE (see Open),
// so two checkouts cannot take the same number or both miss the same key:
// the second waits for the first to commit, then sees its key.

var _ orders.CheckoutStore = (*OrderStore)(nil)

// PlaceOrder implements orders.CheckoutStore.
func (s *OrderStore) PlaceOrder(ctx context.Context, key, fingerprint string,
	build func(number string) (*orders.Order, []orders.OutboxMessage, error)) (*orders.Order, bool, error) {
	if key == "" {
		return nil, false, catalog.FieldError("idempotencyKey", "checkout.err.key", "an order needs an idempotency key")
	}
	var placed *orders.Order
	created := false
	err := s.db.InTx(ctx, func(tx *sql.Tx) error {
		var number, fp string
		err := tx.QueryRowContext(ctx, `SELECT order_number, fingerprint FROM checkout_keys WHERE key = ?`, key).Scan(&number, &fp)
		switch {
		case err == nil && fp != fingerprint:
			return &catalog.Error{Code: catalog.ECONFLICT, Key: "checkout.err.key_reused",
				Message: "This checkout was already used for another order. Please reload the page."}
		case err == nil:
			placed, err = orderLoad(ctx, tx, number)
			return err
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if number, err = orderNextNumber(ctx, tx); err != nil {
			return err
		}
		o, mails, err := build(number)
		if err != nil {
			return err
		}
		if o.Number != number {
			return fmt.Errorf("build gave order %q the number %q", number, o.Number)
		}
		if err := o.Validate(); err != nil {
			return err
		}
		if err := s.insertOrder(ctx, tx, o); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO checkout_keys (key, fingerprint, order_number, created_at)
			VALUES (?, ?, ?, ?)`, key, fingerprint, number, orderTime(s.db.Now())); err != nil {
			return fmt.Errorf("insert checkout key: %w", err)
		}
		for _, m := range mails {
			if err := orderValidateMail(&m); err != nil {
				return err
			}
			m.OrderNumber = number
			if _, err := s.insertMail(ctx, tx, m); err != nil {
				return err
			}
		}
		created = true
		placed, err = orderLoad(ctx, tx, number)
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("place order: %w", orderConflict(err))
	}
	return placed, created, nil
}

// orderNextNumber takes the next order number and records it as given.
func orderNextNumber(ctx context.Context, tx *sql.Tx) (string, error) {
	prefix := orders.NumberPrefix
	var highest, last sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(CAST(SUBSTR(number, ?) AS INTEGER)) FROM orders WHERE number GLOB ?`,
		len(prefix)+2, prefix+"-[0-9]*").Scan(&highest); err != nil {
		return "", fmt.Errorf("highest order number: %w", err)
	}
	err := tx.QueryRowContext(ctx, `SELECT last FROM order_counters WHERE prefix = ?`, prefix).Scan(&last)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("order counter: %w", err)
	}
	next := max(highest.Int64, last.Int64, orders.FirstNumber-1) + 1
	if _, err := tx.ExecContext(ctx, `INSERT INTO order_counters (prefix, last) VALUES (?, ?)
		ON CONFLICT (prefix) DO UPDATE SET last = excluded.last`, prefix, next); err != nil {
		return "", fmt.Errorf("order counter: %w", err)
	}
	return fmt.Sprintf("%s-%d", prefix, next), nil
}

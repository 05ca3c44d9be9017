package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	sqlite3 "modernc.org/sqlite/lib"

	"vitrine/portal/orders"
	"vitrine/portal/support"
	"vitrine/showroom/catalog"
)

// SupportStore implements support.Store over the support_tickets table
// (migrations/031_support.sql) and the shared outbox table.
type SupportStore struct{ db *DB }

// NewSupportStore returns a support.Store over db.
func NewSupportStore(db *DB) *SupportStore { return &SupportStore{db: db} }

var _ support.Store = (*SupportStore)(nil)

// CreateTicket implements support.Store.
func (s *SupportStore) CreateTicket(ctx context.Context, t support.Ticket, ack support.Mail) error {
	if err := t.Validate(); err != nil {
		return err
	}
	mail := orders.OutboxMessage{To: ack.To, Subject: ack.Subject, Body: ack.Body,
		Kind: support.MailAcknowledgement, OrderNumber: t.OrderNumber, CreatedAt: t.CreatedAt}
	if err := orderValidateMail(&mail); err != nil {
		return fmt.Errorf("create ticket %s: %w", t.Reference, err)
	}
	err := s.db.InTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO support_tickets
			(reference, name, email, order_number, topic, message, locale, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			t.Reference, t.Name, t.Email, t.OrderNumber, t.Topic, t.Message, t.Locale, orderTime(t.CreatedAt))
		if err != nil {
			if isUniqueViolation(err) {
				return catalog.Errorf(catalog.ECONFLICT, "a ticket with reference %s exists", t.Reference)
			}
			return err
		}
		// The outbox is the orders store's table; its insert is reused so
		// that every domain writes emails the same way.
		_, err = (&OrderStore{db: s.db}).insertMail(ctx, tx, mail)
		return err
	})
	if err != nil {
		return fmt.Errorf("create ticket %s: %w", t.Reference, err)
	}
	return nil
}

// Ticket implements support.Store.
func (s *SupportStore) Ticket(ctx context.Context, reference string) (support.Ticket, error) {
	rows, err := s.db.QueryContext(ctx, supportSelect+` WHERE reference = ?`, reference)
	if err != nil {
		return support.Ticket{}, fmt.Errorf("load ticket %s: %w", reference, err)
	}
	ts, err := supportScan(rows)
	if err != nil {
		return support.Ticket{}, fmt.Errorf("load ticket %s: %w", reference, err)
	}
	if len(ts) == 0 {
		return support.Ticket{}, catalog.Errorf(catalog.ENOTFOUND, "no ticket with reference %s", reference)
	}
	return ts[0], nil
}

// Tickets implements support.Store.
func (s *SupportStore) Tickets(ctx context.Context, limit int) ([]support.Ticket, error) {
	if limit <= 0 {
		return nil, catalog.Errorf(catalog.EINVALID, "tickets limit %d is not positive", limit)
	}
	rows, err := s.db.QueryContext(ctx, supportSelect+` ORDER BY created_at DESC, rowid DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("list tickets: %w", err)
	}
	ts, err := supportScan(rows)
	if err != nil {
		return nil, fmt.Errorf("list tickets: %w", err)
	}
	return ts, nil
}

const supportSelect = `SELECT reference, name, email, order_number, topic, message, locale, created_at FROM support_tickets`

func supportScan(rows *sql.Rows) ([]support.Ticket, error) {
	defer rows.Close()
	var out []support.Ticket
	for rows.Next() {
		var t support.Ticket
		var created string
		if err := rows.Scan(&t.Reference, &t.Name, &t.Email, &t.OrderNumber, &t.Topic, &t.Message, &t.Locale, &created); err != nil {
			return nil, err
		}
		var err error
		if t.CreatedAt, err = orderParseTime(created); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// isUniqueViolation reports whether err is SQLite refusing a duplicate key.
func isUniqueViolation(err error) bool {
	var se interface{ Code() int }
	return errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY)
}

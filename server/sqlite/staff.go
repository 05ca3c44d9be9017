package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"vitrine/portal/staff"
	"vitrine/showroom/catalog"
)

// StaffStore implements staff.Store over the tables of
// migrations/032_staff.sql.
type StaffStore struct{ db *DB }

// NewStaffStore returns a staff.Store over db.
func NewStaffStore(db *DB) *StaffStore { return &StaffStore{db: db} }

var _ staff.Store = (*StaffStore)(nil)

// CreateUser implements staff.Store.
func (s *StaffStore) CreateUser(ctx context.Context, email string, hash []byte, at time.Time) (staff.User, error) {
	email = staff.NormalizeEmail(email)
	switch {
	case !staff.ValidEmail(email):
		return staff.User{}, catalog.FieldError("email", "staff.err.email_invalid", "This is not an email address.")
	case len(hash) == 0:
		return staff.User{}, catalog.Errorf(catalog.EINVALID, "staff account %s has no password hash", email)
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO staff_users (email, password_hash, created_at) VALUES (?, ?, ?)`,
		email, hash, orderTime(at))
	if isUniqueViolation(err) {
		return staff.User{}, catalog.Errorf(catalog.ECONFLICT, "a staff account %s exists", email)
	}
	if err != nil {
		return staff.User{}, fmt.Errorf("create staff account: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return staff.User{}, fmt.Errorf("create staff account: %w", err)
	}
	return staff.User{ID: id, Email: email, CreatedAt: at.UTC()}, nil
}

// SetPassword implements staff.Store.
func (s *StaffStore) SetPassword(ctx context.Context, email string, hash []byte) error {
	if len(hash) == 0 {
		return catalog.Errorf(catalog.EINVALID, "no password hash")
	}
	email = staff.NormalizeEmail(email)
	return s.db.InTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM staff_users WHERE email = ?`, email).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return catalog.Errorf(catalog.ENOTFOUND, "no staff account %s", email)
		}
		if err != nil {
			return fmt.Errorf("set password: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE staff_users SET password_hash = ? WHERE id = ?`, hash, id); err != nil {
			return fmt.Errorf("set password: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM staff_sessions WHERE user_id = ?`, id); err != nil {
			return fmt.Errorf("set password: end sessions: %w", err)
		}
		return nil
	})
}

// UserByEmail implements staff.Store.
func (s *StaffStore) UserByEmail(ctx context.Context, email string) (staff.User, []byte, error) {
	var u staff.User
	var hash []byte
	var created string
	err := s.db.QueryRowContext(ctx, `SELECT id, email, password_hash, created_at FROM staff_users WHERE email = ?`,
		staff.NormalizeEmail(email)).Scan(&u.ID, &u.Email, &hash, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return staff.User{}, nil, catalog.Errorf(catalog.ENOTFOUND, "no staff account %s", email)
	}
	if err != nil {
		return staff.User{}, nil, fmt.Errorf("load staff account: %w", err)
	}
	if u.CreatedAt, err = orderParseTime(created); err != nil {
		return staff.User{}, nil, err
	}
	return u, hash, nil
}

// CreateSession implements staff.Store.
func (s *StaffStore) CreateSession(ctx context.Context, ss staff.Session) error {
	if ss.TokenHash == "" || !ss.ExpiresAt.After(ss.CreatedAt) {
		return catalog.Errorf(catalog.EINVALID, "a session needs a token hash and an expiry after its start")
	}
	return s.db.InTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM staff_users WHERE id = ?`, ss.UserID).Scan(&n); err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		if n == 0 {
			return catalog.Errorf(catalog.ENOTFOUND, "no staff account %d", ss.UserID)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM staff_sessions WHERE expires_at <= ?`, orderTime(ss.CreatedAt)); err != nil {
			return fmt.Errorf("create session: drop expired: %w", err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO staff_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
			ss.TokenHash, ss.UserID, orderTime(ss.CreatedAt), orderTime(ss.ExpiresAt))
		if isUniqueViolation(err) {
			return catalog.Errorf(catalog.ECONFLICT, "the session exists")
		}
		if err != nil {
			return fmt.Errorf("create session: %w", err)
		}
		return nil
	})
}

// SessionUser implements staff.Store.
func (s *StaffStore) SessionUser(ctx context.Context, tokenHash string, now time.Time) (staff.User, staff.Session, error) {
	var u staff.User
	ss := staff.Session{TokenHash: tokenHash}
	var userCreated, created, expires string
	err := s.db.QueryRowContext(ctx, `SELECT u.id, u.email, u.created_at, s.created_at, s.expires_at
		FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
		WHERE s.token_hash = ? AND s.expires_at > ?`, tokenHash, orderTime(now)).
		Scan(&u.ID, &u.Email, &userCreated, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return staff.User{}, staff.Session{}, catalog.Errorf(catalog.ENOTFOUND, "no valid session")
	}
	if err != nil {
		return staff.User{}, staff.Session{}, fmt.Errorf("load session: %w", err)
	}
	ss.UserID = u.ID
	for _, p := range []struct {
		dst *time.Time
		src string
	}{{&u.CreatedAt, userCreated}, {&ss.CreatedAt, created}, {&ss.ExpiresAt, expires}} {
		if *p.dst, err = orderParseTime(p.src); err != nil {
			return staff.User{}, staff.Session{}, err
		}
	}
	return u, ss, nil
}

// DeleteSession implements staff.Store.
func (s *StaffStore) DeleteSession(ctx context.Context, tokenHash string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM staff_sessions WHERE token_hash = ?`, tokenHash); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// RecordAudit implements staff.Store.
func (s *StaffStore) RecordAudit(ctx context.Context, e staff.AuditEntry) (int64, error) {
	if err := e.Validate(); err != nil {
		return 0, err
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO staff_audit (user_id, actor, action, target, detail, at)
		VALUES (?, ?, ?, ?, ?, ?)`, e.UserID, e.Actor, e.Action, e.Target, e.Detail, orderTime(e.At))
	if err != nil {
		return 0, fmt.Errorf("record %s: %w", e.Action, err)
	}
	return res.LastInsertId()
}

// Audit implements staff.Store.
func (s *StaffStore) Audit(ctx context.Context, action string, limit int) ([]staff.AuditEntry, error) {
	if limit <= 0 {
		return nil, catalog.Errorf(catalog.EINVALID, "audit limit %d is not positive", limit)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, user_id, actor, action, target, detail, at FROM staff_audit
		WHERE ?1 = '' OR action = ?1 ORDER BY id DESC LIMIT ?2`, action, limit)
	if err != nil {
		return nil, fmt.Errorf("list audit: %w", err)
	}
	defer rows.Close()
	var out []staff.AuditEntry
	for rows.Next() {
		var e staff.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &e.UserID, &e.Actor, &e.Action, &e.Target, &e.Detail, &at); err != nil {
			return nil, fmt.Errorf("list audit: %w", err)
		}
		if e.At, err = orderParseTime(at); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

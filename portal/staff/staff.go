// Package staff is the store's staff accounts: sign-in with a password,
// sessions, and the audit log of what staff did. Every staff page and staff
// API (the help center's statistics, the returns desk) builds on it.
//
// Accounts are created on the server (bin/vitrine staff add), never through
// the web. Passwords are hashed with bcrypt; a session is a random token
// given to the browser in a cookie and kept in the store only as its
// SHA-256, so a copy of the database does not let anyone sign in.
//
// The browser never imports this package (bcrypt has no place in the wasm):
// the API's wire types for staff are in server/api.
package staff

import (
	"context"
	"regexp"
	"strings"
	"time"

	"vitrine/showroom/catalog"
)

// Actions recorded in the audit log by the features that exist; other
// features add theirs, named "<area>.<verb>".
const (
	ActionSignIn     = "staff.signin"
	ActionSignOut    = "staff.signout"
	ActionHelpReload = "help.reload"
)

// User is a staff account.
type User struct {
	ID        int64     `json:"id"`
	Email     string    `json:"email"`
	CreatedAt time.Time `json:"createdAt"`
}

// Session is a signed-in browser. TokenHash is the SHA-256 of the cookie's
// token (HashToken), never the token itself.
type Session struct {
	TokenHash string    `json:"-"`
	UserID    int64     `json:"userId"`
	CreatedAt time.Time `json:"createdAt"`
	ExpiresAt time.Time `json:"expiresAt"`
}

// AuditEntry records one thing a staff member did: who, what, to what, when.
type AuditEntry struct {
	ID     int64 `json:"id"`
	UserID int64 `json:"userId"`
	// Actor is the staff member's email at the time, kept so the log still
	// reads right if the account is later removed.
	Actor string `json:"actor"`
	// Action is what was done ("help.reload", "returns.approve").
	Action string `json:"action"`
	// Target names what it was done to ("RT-1001"); empty if nothing.
	Target string `json:"target,omitempty"`
	// Detail is a short note ("48 articles"); empty if none.
	Detail string    `json:"detail,omitempty"`
	At     time.Time `json:"at"`
}

// Validate reports the first problem with e as an EINVALID *catalog.Error.
func (e *AuditEntry) Validate() error {
	switch {
	case e.UserID <= 0 || e.Actor == "":
		return catalog.Errorf(catalog.EINVALID, "an audit entry needs the staff member who acted")
	case e.Action == "":
		return catalog.Errorf(catalog.EINVALID, "an audit entry needs an action")
	case len(e.Target) > 200 || len(e.Detail) > 2000:
		return catalog.Errorf(catalog.EINVALID, "audit entry %s: target or detail too long", e.Action)
	case e.At.IsZero():
		return catalog.Errorf(catalog.EINVALID, "audit entry %s has no time", e.Action)
	}
	return nil
}

var emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+$`)

// ValidEmail reports whether email, normalised, is well formed enough to be
// an account's name: something, an @, something, no spaces.
func ValidEmail(email string) bool { return len(email) <= 254 && emailRE.MatchString(email) }

// NormalizeEmail trims and lowercases an email, so that an account is found
// however its owner types it.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// Store keeps accounts, sessions and the audit log. Every write is one
// transaction. Times come back in UTC.
type Store interface {
	// CreateUser creates an account with the bcrypt hash of its password.
	// The email is stored normalised (NormalizeEmail). Returns EINVALID if
	// the email is not well formed or the hash is empty, and ECONFLICT if
	// an account with that email exists.
	CreateUser(ctx context.Context, email string, passwordHash []byte, at time.Time) (User, error)

	// SetPassword replaces an account's password hash and ends all its
	// sessions. Returns ENOTFOUND if there is no such account.
	SetPassword(ctx context.Context, email string, passwordHash []byte) error

	// UserByEmail returns the account with email (normalised) and its
	// password hash. Returns ENOTFOUND if there is none.
	UserByEmail(ctx context.Context, email string) (User, []byte, error)

	// CreateSession stores s, and deletes sessions that expired before
	// s.CreatedAt so the table does not grow forever. Returns EINVALID if
	// s has no token hash or expires before it starts, and ENOTFOUND if
	// s.UserID is no account.
	CreateSession(ctx context.Context, s Session) error

	// SessionUser returns the session with tokenHash and its account, if
	// the session is still valid at now. Returns ENOTFOUND otherwise.
	SessionUser(ctx context.Context, tokenHash string, now time.Time) (User, Session, error)

	// DeleteSession ends the session with tokenHash; ending a session that
	// does not exist is not an error.
	DeleteSession(ctx context.Context, tokenHash string) error

	// RecordAudit appends e to the audit log and returns its ID. Returns
	// EINVALID if e does not pass Validate.
	RecordAudit(ctx context.Context, e AuditEntry) (int64, error)

	// Audit returns up to limit entries, the newest first; only those of
	// action when action is not empty. Returns EINVALID if limit is not
	// positive.
	Audit(ctx context.Context, action string, limit int) ([]AuditEntry, error)
}

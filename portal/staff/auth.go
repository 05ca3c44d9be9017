package staff

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"vitrine/showroom/catalog"
)

// Password rules. bcrypt reads at most 72 bytes, so a longer password would
// be silently cut; it is refused instead.
const (
	MinPasswordRunes = 10
	MaxPasswordBytes = 72
)

// DefaultSessionTTL is how long a sign-in lasts: a working day.
const DefaultSessionTTL = 8 * time.Hour

// Auth signs staff in and out and records what they do. The zero value is
// not usable: Store is required; the rest have defaults.
type Auth struct {
	Store Store
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// SessionTTL is how long a session lasts; 0 means DefaultSessionTTL.
	SessionTTL time.Duration
	// Cost is bcrypt's work factor; 0 means bcrypt.DefaultCost. Tests use
	// bcrypt.MinCost to stay fast.
	Cost int
	// Rand is the source of session tokens; nil means crypto/rand.
	Rand io.Reader
}

// errBadCredentials is the one answer to a failed sign-in, whether the
// account does not exist or the password is wrong, so that the sign-in form
// does not tell which staff emails exist.
func errBadCredentials() error {
	return &catalog.Error{Code: catalog.EUNAUTHORIZED, Field: "password", Key: "staff.err.credentials",
		Message: "The email or the password is not right."}
}

// ErrSignInRequired is returned for a request without a valid session.
func ErrSignInRequired() error {
	return &catalog.Error{Code: catalog.EUNAUTHORIZED, Key: "staff.err.signin_required",
		Message: "Please sign in as staff to see this."}
}

func (a *Auth) now() time.Time {
	if a.Now == nil {
		return time.Now()
	}
	return a.Now()
}

func (a *Auth) cost() int {
	if a.Cost == 0 {
		return bcrypt.DefaultCost
	}
	return a.Cost
}

// ValidatePassword reports whether password is acceptable for an account,
// as an EINVALID *catalog.Error on the "password" field.
func ValidatePassword(password string) error {
	switch {
	case !utf8.ValidString(password):
		return catalog.FieldError("password", "staff.err.password_encoding", "The password contains bytes that are not text.")
	case utf8.RuneCountInString(password) < MinPasswordRunes:
		return catalog.FieldError("password", "staff.err.password_short", fmt.Sprintf("The password needs at least %d characters.", MinPasswordRunes))
	case len(password) > MaxPasswordBytes:
		return catalog.FieldError("password", "staff.err.password_long", fmt.Sprintf("The password may have at most %d bytes.", MaxPasswordBytes))
	}
	return nil
}

// AddUser creates a staff account. It is what `bin/vitrine staff add` runs,
// and what tests use to create staff. Returns EINVALID for a bad email or
// password, and ECONFLICT if the account exists.
func (a *Auth) AddUser(ctx context.Context, email, password string) (User, error) {
	if err := ValidatePassword(password); err != nil {
		return User{}, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), a.cost())
	if err != nil {
		return User{}, fmt.Errorf("hash password: %w", err)
	}
	return a.Store.CreateUser(ctx, NormalizeEmail(email), hash, a.now())
}

// SetPassword changes an account's password and signs it out everywhere.
func (a *Auth) SetPassword(ctx context.Context, email, password string) error {
	if err := ValidatePassword(password); err != nil {
		return err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(password), a.cost())
	if err != nil {
		return fmt.Errorf("hash password: %w", err)
	}
	return a.Store.SetPassword(ctx, NormalizeEmail(email), hash)
}

// dummyHashes holds, per cost, a hash that SignIn compares against when the
// account does not exist, so that a wrong email takes as long as a wrong
// password and the timing does not reveal which emails have accounts.
var dummyHashes sync.Map

func dummyHash(cost int) []byte {
	if h, ok := dummyHashes.Load(cost); ok {
		return h.([]byte)
	}
	h, err := bcrypt.GenerateFromPassword([]byte("not a password anyone has"), cost)
	if err != nil {
		panic(err) // only for a cost out of range, a programming error
	}
	dummyHashes.Store(cost, h)
	return h
}

// SignIn checks the email and password and opens a session. It returns the
// account, the session's token (for the cookie; it is not stored) and the
// session. A wrong email or password is EUNAUTHORIZED with the same message.
func (a *Auth) SignIn(ctx context.Context, email, password string) (User, string, Session, error) {
	email = NormalizeEmail(email)
	switch {
	case email == "":
		return User{}, "", Session{}, catalog.FieldError("email", "staff.err.email_required", "Please type your staff email.")
	case password == "":
		return User{}, "", Session{}, catalog.FieldError("password", "staff.err.password_required", "Please type your password.")
	case len(password) > MaxPasswordBytes || len(email) > 254:
		return User{}, "", Session{}, errBadCredentials()
	}
	u, hash, err := a.Store.UserByEmail(ctx, email)
	if catalog.ErrorCode(err) == catalog.ENOTFOUND {
		bcrypt.CompareHashAndPassword(dummyHash(a.cost()), []byte(password))
		return User{}, "", Session{}, errBadCredentials()
	}
	if err != nil {
		return User{}, "", Session{}, fmt.Errorf("sign in: %w", err)
	}
	if err := bcrypt.CompareHashAndPassword(hash, []byte(password)); err != nil {
		if errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) {
			return User{}, "", Session{}, errBadCredentials()
		}
		return User{}, "", Session{}, fmt.Errorf("sign in %d: %w", u.ID, err)
	}
	token, err := a.newToken()
	if err != nil {
		return User{}, "", Session{}, err
	}
	ttl := a.SessionTTL
	if ttl <= 0 {
		ttl = DefaultSessionTTL
	}
	now := a.now()
	s := Session{TokenHash: HashToken(token), UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(ttl)}
	if err := a.Store.CreateSession(ctx, s); err != nil {
		return User{}, "", Session{}, fmt.Errorf("sign in %d: %w", u.ID, err)
	}
	return u, token, s, nil
}

// Authenticate returns the account of a session token. A missing, unknown
// or expired token is EUNAUTHORIZED (ErrSignInRequired).
func (a *Auth) Authenticate(ctx context.Context, token string) (User, Session, error) {
	if token == "" || len(token) > 100 {
		return User{}, Session{}, ErrSignInRequired()
	}
	u, s, err := a.Store.SessionUser(ctx, HashToken(token), a.now())
	if catalog.ErrorCode(err) == catalog.ENOTFOUND {
		return User{}, Session{}, ErrSignInRequired()
	}
	if err != nil {
		return User{}, Session{}, fmt.Errorf("authenticate: %w", err)
	}
	return u, s, nil
}

// SignOut ends the session of token.
func (a *Auth) SignOut(ctx context.Context, token string) error {
	if token == "" {
		return nil
	}
	return a.Store.DeleteSession(ctx, HashToken(token))
}

// Record writes an audit entry for something u did, stamped with the clock.
func (a *Auth) Record(ctx context.Context, u User, action, target, detail string) error {
	_, err := a.Store.RecordAudit(ctx, AuditEntry{UserID: u.ID, Actor: u.Email, Action: action,
		Target: target, Detail: detail, At: a.now()})
	return err
}

// newToken returns 32 random bytes, base64url: unguessable and cookie-safe.
func (a *Auth) newToken() (string, error) {
	r := a.Rand
	if r == nil {
		r = rand.Reader
	}
	var b [32]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return "", fmt.Errorf("session token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// HashToken returns what the store keeps of a session token: its SHA-256 in
// hex. A token has 256 random bits, so a fast hash is enough; bcrypt is for
// passwords people choose.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

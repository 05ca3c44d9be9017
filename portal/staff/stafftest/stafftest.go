// Package stafftest is the conformance suite of staff.Store, run through
// staff.Auth as the server uses it: every implementation runs it from its
// own tests.
package stafftest

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/bcrypt"

	"vitrine/portal/staff"
	"vitrine/showroom/catalog"
)

// Run runs the suite. open must return a new, empty store for each call.
func Run(t *testing.T, open func(t *testing.T) staff.Store) {
	ctx := context.Background()
	start := time.Date(2026, 5, 6, 9, 0, 0, 0, time.UTC)
	newAuth := func(t *testing.T) (*staff.Auth, *time.Time) {
		now := start
		return &staff.Auth{Store: open(t), Now: func() time.Time { return now }, Cost: bcrypt.MinCost, SessionTTL: time.Hour}, &now
	}
	const pw = "correct horse battery"

	t.Run("an added account signs in and its session authenticates", func(t *testing.T) {
		a, _ := newAuth(t)
		u, err := a.AddUser(ctx, "  Staff@Vitrine.Example ", pw)
		require.NoError(t, err)
		assert.Equal(t, "staff@vitrine.example", u.Email)
		assert.Positive(t, u.ID)

		got, token, s, err := a.SignIn(ctx, "STAFF@vitrine.example", pw)
		require.NoError(t, err)
		assert.Equal(t, u.ID, got.ID)
		assert.GreaterOrEqual(t, len(token), 40, "a token has 256 random bits")
		assert.Equal(t, start.Add(time.Hour), s.ExpiresAt)
		assert.NotContains(t, s.TokenHash, token)

		who, _, err := a.Authenticate(ctx, token)
		require.NoError(t, err)
		assert.Equal(t, u.ID, who.ID)
		assert.Equal(t, "staff@vitrine.example", who.Email)
	})

	t.Run("the store keeps a bcrypt hash, not the password", func(t *testing.T) {
		a, _ := newAuth(t)
		_, err := a.AddUser(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		_, hash, err := a.Store.UserByEmail(ctx, "staff@vitrine.example")
		require.NoError(t, err)
		assert.False(t, bytes.Contains(hash, []byte(pw)))
		assert.NoError(t, bcrypt.CompareHashAndPassword(hash, []byte(pw)))
	})

	t.Run("a wrong password and an unknown email get the same answer", func(t *testing.T) {
		a, _ := newAuth(t)
		_, err := a.AddUser(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		_, _, _, wrongPw := a.SignIn(ctx, "staff@vitrine.example", "incorrect horse")
		_, _, _, noUser := a.SignIn(ctx, "nobody@vitrine.example", pw)
		for _, err := range []error{wrongPw, noUser} {
			var e *catalog.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, catalog.EUNAUTHORIZED, e.Code)
			assert.Equal(t, "staff.err.credentials", e.Key)
		}
		assert.Equal(t, wrongPw.Error(), noUser.Error())
	})

	t.Run("empty fields are field errors", func(t *testing.T) {
		a, _ := newAuth(t)
		_, _, _, err := a.SignIn(ctx, " ", pw)
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
		_, _, _, err = a.SignIn(ctx, "staff@vitrine.example", "")
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
	})

	t.Run("a session expires", func(t *testing.T) {
		a, now := newAuth(t)
		_, err := a.AddUser(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		_, token, _, err := a.SignIn(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		*now = start.Add(59 * time.Minute)
		_, _, err = a.Authenticate(ctx, token)
		require.NoError(t, err)
		*now = start.Add(time.Hour)
		_, _, err = a.Authenticate(ctx, token)
		assert.Equal(t, catalog.EUNAUTHORIZED, catalog.ErrorCode(err))
	})

	t.Run("signing out ends the session, and only that one", func(t *testing.T) {
		a, _ := newAuth(t)
		_, err := a.AddUser(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		_, phone, _, err := a.SignIn(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		_, desk, _, err := a.SignIn(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		require.NoError(t, a.SignOut(ctx, phone))
		_, _, err = a.Authenticate(ctx, phone)
		assert.Equal(t, catalog.EUNAUTHORIZED, catalog.ErrorCode(err))
		_, _, err = a.Authenticate(ctx, desk)
		assert.NoError(t, err)
		assert.NoError(t, a.SignOut(ctx, phone), "signing out twice is fine")
	})

	t.Run("unknown and malformed tokens do not authenticate", func(t *testing.T) {
		a, _ := newAuth(t)
		for _, tok := range []string{"", "x", string(make([]byte, 500))} {
			_, _, err := a.Authenticate(ctx, tok)
			assert.Equal(t, catalog.EUNAUTHORIZED, catalog.ErrorCode(err))
		}
	})

	t.Run("a new password ends every session", func(t *testing.T) {
		a, _ := newAuth(t)
		_, err := a.AddUser(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		_, token, _, err := a.SignIn(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		require.NoError(t, a.SetPassword(ctx, "staff@vitrine.example", "a much better password"))
		_, _, err = a.Authenticate(ctx, token)
		assert.Equal(t, catalog.EUNAUTHORIZED, catalog.ErrorCode(err))
		_, _, _, err = a.SignIn(ctx, "staff@vitrine.example", pw)
		assert.Equal(t, catalog.EUNAUTHORIZED, catalog.ErrorCode(err))
		_, _, _, err = a.SignIn(ctx, "staff@vitrine.example", "a much better password")
		assert.NoError(t, err)
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(a.SetPassword(ctx, "nobody@vitrine.example", "a much better password")))
	})

	for _, tc := range []struct {
		name, email, password, code string
	}{
		{"short password", "a@vitrine.example", "short", catalog.EINVALID},
		{"password longer than bcrypt reads", "a@vitrine.example", string(bytes.Repeat([]byte("x"), 73)), catalog.EINVALID},
		{"not an email", "staff", pw, catalog.EINVALID},
	} {
		t.Run("refused: "+tc.name, func(t *testing.T) {
			a, _ := newAuth(t)
			_, err := a.AddUser(ctx, tc.email, tc.password)
			assert.Equal(t, tc.code, catalog.ErrorCode(err))
		})
	}

	t.Run("the same email twice is a conflict", func(t *testing.T) {
		a, _ := newAuth(t)
		_, err := a.AddUser(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		_, err = a.AddUser(ctx, "Staff@Vitrine.example", "another password")
		assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(err))
	})

	t.Run("a session needs an existing account", func(t *testing.T) {
		s := open(t)
		err := s.CreateSession(ctx, staff.Session{TokenHash: "h", UserID: 42, CreatedAt: start, ExpiresAt: start.Add(time.Hour)})
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
	})

	t.Run("expired sessions are cleared when a new one starts", func(t *testing.T) {
		s := open(t)
		u, err := s.CreateUser(ctx, "staff@vitrine.example", []byte("hash"), start)
		require.NoError(t, err)
		require.NoError(t, s.CreateSession(ctx, staff.Session{TokenHash: "old", UserID: u.ID, CreatedAt: start, ExpiresAt: start.Add(time.Hour)}))
		later := start.Add(2 * time.Hour)
		require.NoError(t, s.CreateSession(ctx, staff.Session{TokenHash: "new", UserID: u.ID, CreatedAt: later, ExpiresAt: later.Add(time.Hour)}))
		// Even asked with a clock before its expiry, the old session is gone.
		_, _, err = s.SessionUser(ctx, "old", start)
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
	})

	t.Run("the audit log says who did what and when, newest first", func(t *testing.T) {
		a, now := newAuth(t)
		u, err := a.AddUser(ctx, "staff@vitrine.example", pw)
		require.NoError(t, err)
		require.NoError(t, a.Record(ctx, u, staff.ActionSignIn, "", ""))
		*now = start.Add(time.Minute)
		require.NoError(t, a.Record(ctx, u, staff.ActionHelpReload, "help", "48 articles"))
		*now = start.Add(2 * time.Minute)
		require.NoError(t, a.Record(ctx, u, "returns.approve", "RT-1001", ""))

		all, err := a.Store.Audit(ctx, "", 10)
		require.NoError(t, err)
		require.Len(t, all, 3)
		assert.Equal(t, "returns.approve", all[0].Action)
		reloads, err := a.Store.Audit(ctx, staff.ActionHelpReload, 10)
		require.NoError(t, err)
		require.Len(t, reloads, 1)
		e := reloads[0]
		assert.Equal(t, u.ID, e.UserID)
		assert.Equal(t, "staff@vitrine.example", e.Actor)
		assert.Equal(t, "help", e.Target)
		assert.Equal(t, "48 articles", e.Detail)
		assert.Equal(t, start.Add(time.Minute), e.At)

		_, err = a.Store.Audit(ctx, "", 0)
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
		_, err = a.Store.RecordAudit(ctx, staff.AuditEntry{Action: "x", At: start})
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err), "an entry without who is refused")
	})
}

package server_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/bcrypt"

	"vitrine/portal/help/content"
	"vitrine/portal/staff"
	"vitrine/server"
	"vitrine/server/api"
	"vitrine/server/sqlite"
)

const (
	staffEmail    = "staff@vitrine.example"
	staffPassword = "open sesame 2026"
)

// addStaff creates the test's staff account the way `bin/vitrine staff add`
// does.
func addStaff(t *testing.T, e *env) {
	t.Helper()
	_, err := (&staff.Auth{Store: sqlite.NewStaffStore(e.db), Cost: bcrypt.MinCost}).AddUser(context.Background(), staffEmail, staffPassword)
	require.NoError(t, err)
}

// signIn signs in and returns the session cookie.
func signIn(t *testing.T, e *env, header ...string) *http.Cookie {
	t.Helper()
	resp, b := e.do(t, "POST", "/api/v1/staff/signin",
		rawJSON(`{"email":"`+staffEmail+`","password":"`+staffPassword+`"}`), append(jsonCT, header...)...)
	require.Equal(t, 200, resp.StatusCode, string(b))
	for _, c := range resp.Cookies() {
		if c.Name == server.StaffCookie {
			return c
		}
	}
	t.Fatal("no session cookie")
	return nil
}

func signInWith(t *testing.T, e *env, email, password string) (*http.Response, api.ErrorBody) {
	t.Helper()
	resp, b := e.do(t, "POST", "/api/v1/staff/signin", rawJSON(`{"email":"`+email+`","password":"`+password+`"}`), jsonCT...)
	var body api.ErrorBody
	if resp.StatusCode >= 400 {
		body = decode[api.ErrorBody](t, b)
	}
	return resp, body
}

func TestStaffSignIn(t *testing.T) {
	e := newEnv(t)
	addStaff(t, e)

	t.Run("a wrong password is refused without saying which part is wrong", func(t *testing.T) {
		resp, body := signInWith(t, e, staffEmail, "open sesame 2025")
		assert.Equal(t, 401, resp.StatusCode)
		assert.Equal(t, "staff.err.credentials", body.Error.Key)
		assert.Empty(t, resp.Cookies())
		_, other := signInWith(t, e, "nobody@vitrine.example", staffPassword)
		assert.Equal(t, body, other)
	})

	t.Run("empty fields are field errors", func(t *testing.T) {
		resp, body := signInWith(t, e, "", "x")
		assert.Equal(t, 400, resp.StatusCode)
		assert.Equal(t, "email", body.Error.Field)
		resp, body = signInWith(t, e, staffEmail, "")
		assert.Equal(t, 400, resp.StatusCode)
		assert.Equal(t, "password", body.Error.Field)
	})

	t.Run("the session cookie is HttpOnly, SameSite=Strict and scoped to the staff API", func(t *testing.T) {
		c := signIn(t, e)
		assert.True(t, c.HttpOnly)
		assert.Equal(t, http.SameSiteStrictMode, c.SameSite)
		assert.Equal(t, "/api/v1/staff", c.Path)
		assert.False(t, c.Secure, "plain HTTP in the test")
		assert.Greater(t, c.MaxAge, 3600)
		assert.GreaterOrEqual(t, len(c.Value), 40)
		assert.NotContains(t, e.logs.String(), c.Value, "the token is never logged")

		behindTLS := signIn(t, e, "X-Forwarded-Proto", "https")
		assert.True(t, behindTLS.Secure, "Secure over HTTPS")

		resp, b := e.do(t, "GET", "/api/v1/staff/me", nil, "Cookie", c.String())
		require.Equal(t, 200, resp.StatusCode)
		me := decode[api.StaffSessionResponse](t, b)
		assert.Equal(t, staffEmail, me.User.Email)
		assert.True(t, me.ExpiresAt.After(time.Now()))
	})

	t.Run("staff routes answer 401 without a valid session", func(t *testing.T) {
		for _, tc := range []struct{ method, path, cookie string }{
			{"GET", "/api/v1/staff/me", ""},
			{"GET", "/api/v1/staff/help", ""},
			{"POST", "/api/v1/staff/help/reload", ""},
			{"GET", "/api/v1/staff/help", server.StaffCookie + "=forged-token"},
			{"POST", "/api/v1/staff/help/reload", server.StaffCookie + "=" + strings.Repeat("A", 43)},
		} {
			var header []string
			if tc.cookie != "" {
				header = []string{"Cookie", tc.cookie}
			}
			resp, b := e.do(t, tc.method, tc.path, nil, header...)
			assert.Equal(t, 401, resp.StatusCode, "%s %s", tc.method, tc.path)
			assert.Equal(t, "staff.err.signin_required", decode[api.ErrorBody](t, b).Error.Key)
		}
	})

	t.Run("signing out ends the session", func(t *testing.T) {
		c := signIn(t, e)
		resp, _ := e.do(t, "POST", "/api/v1/staff/signout", nil, "Cookie", c.String())
		require.Equal(t, 204, resp.StatusCode)
		cleared := resp.Cookies()
		require.Len(t, cleared, 1)
		assert.Equal(t, -1, cleared[0].MaxAge)
		resp, _ = e.do(t, "GET", "/api/v1/staff/me", nil, "Cookie", c.String())
		assert.Equal(t, 401, resp.StatusCode, "the old cookie is worthless")
	})

	t.Run("sign-in and sign-out are in the audit log", func(t *testing.T) {
		log, err := sqlite.NewStaffStore(e.db).Audit(context.Background(), "", 50)
		require.NoError(t, err)
		actions := map[string]int{}
		for _, a := range log {
			assert.Equal(t, staffEmail, a.Actor)
			actions[a.Action]++
		}
		assert.Equal(t, 3, actions[staff.ActionSignIn])
		assert.Equal(t, 1, actions[staff.ActionSignOut])
	})
}

func TestStaffSignInRateLimited(t *testing.T) {
	c := &clock{t: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}
	e := newEnv(t, withClock(c))
	addStaff(t, e)

	t.Run("per account", func(t *testing.T) {
		for i := range 5 {
			resp, _ := signInWith(t, e, staffEmail, "guess number "+string(rune('a'+i)))
			require.Equal(t, 401, resp.StatusCode)
		}
		resp, body := signInWith(t, e, staffEmail, staffPassword)
		assert.Equal(t, 429, resp.StatusCode, "even the right password waits")
		assert.Equal(t, "staff.err.rate_limited", body.Error.Key)
		assert.NotEmpty(t, resp.Header.Get("Retry-After"))
		resp, _ = signInWith(t, e, " STAFF@vitrine.example", staffPassword)
		assert.Equal(t, 429, resp.StatusCode, "however the email is typed")

		c.Add(16 * time.Minute)
		resp, _ = signInWith(t, e, staffEmail, staffPassword)
		assert.Equal(t, 200, resp.StatusCode, "after the window the account signs in")
	})

	t.Run("per client, across accounts", func(t *testing.T) {
		c.Add(time.Hour)
		for i := range 10 {
			resp, _ := signInWith(t, e, "someone"+string(rune('a'+i))+"@vitrine.example", "wrong password")
			require.Equal(t, 401, resp.StatusCode)
		}
		resp, _ := signInWith(t, e, staffEmail, staffPassword)
		assert.Equal(t, 429, resp.StatusCode)
	})
}

func TestStaffHelpViewAndReload(t *testing.T) {
	dir := t.TempDir()
	copyContent(t, dir)
	c := &clock{t: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}
	e := newEnv(t, withClock(c), func(cfg *server.Config) {
		cfg.HelpContent = func() (*content.Library, error) { return content.LoadFS(os.DirFS(dir)) }
	})
	addStaff(t, e)
	cookie := signIn(t, e).String()

	// Readers read, vote and search for something that is not there.
	e.do(t, "GET", "/api/v1/help/articles/warranty?locale=en", nil)
	e.do(t, "GET", "/api/v1/help/articles/warranty?locale=es", nil)
	e.do(t, "POST", "/api/v1/help/articles/warranty/feedback", rawJSON(`{"helpful":false,"comment":"Which parts are covered?","locale":"en"}`), jsonCT...)
	e.do(t, "POST", "/api/v1/help/articles/warranty/feedback", rawJSON(`{"helpful":true}`), jsonCT...)
	e.do(t, "POST", "/api/v1/help/articles/warranty/feedback", rawJSON(`{"helpful":true}`), jsonCT...)
	e.do(t, "GET", "/api/v1/help/search?q=kangaroo+hovercraft&locale=en", nil)

	resp, b := e.do(t, "GET", "/api/v1/staff/help", nil, "Cookie", cookie)
	require.Equal(t, 200, resp.StatusCode, string(b))
	v := decode[api.StaffHelpResponse](t, b)
	require.NotEmpty(t, v.Articles)
	top := v.Articles[0]
	assert.Equal(t, "warranty", top.ID, "the most viewed first")
	assert.Equal(t, 2, top.Views)
	require.NotNil(t, top.Ratio)
	assert.InDelta(t, 2.0/3, *top.Ratio, 1e-9)
	assert.Nil(t, v.Articles[1].Ratio, "no votes, no ratio")
	require.Len(t, v.Comments, 1)
	assert.Equal(t, "Which parts are covered?", v.Comments[0].Text)
	require.Len(t, v.FailedSearches, 1)
	assert.Equal(t, "kangaroo hovercraft", v.FailedSearches[0].Query)
	assert.Nil(t, v.LastReload)

	t.Run("reload serves the edited content and is audited", func(t *testing.T) {
		p := filepath.Join(dir, "articles", "en", "warranty.md")
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(p, []byte(strings.Replace(string(b), "title: ", "title: EDITED ", 1)), 0o644))
		c.Add(time.Minute)

		resp, body := e.do(t, "POST", "/api/v1/staff/help/reload", nil, "Cookie", cookie)
		require.Equal(t, 200, resp.StatusCode, string(body))
		r := decode[api.StaffHelpReloadResponse](t, body)
		assert.GreaterOrEqual(t, r.Articles, 40)
		assert.Equal(t, c.Now(), r.LoadedAt)

		_, body = e.do(t, "GET", "/api/v1/help/articles/warranty?locale=en&view=0", nil)
		assert.True(t, strings.HasPrefix(decode[api.HelpArticleResponse](t, body).Article.Title, "EDITED "))
		_, body = e.do(t, "GET", "/api/v1/help/search?q=edited&locale=en", nil)
		assert.NotEmpty(t, decode[api.HelpSearchResponse](t, body).Results, "the index was rebuilt")

		log, err := sqlite.NewStaffStore(e.db).Audit(context.Background(), staff.ActionHelpReload, 5)
		require.NoError(t, err)
		require.Len(t, log, 1)
		assert.Equal(t, staffEmail, log[0].Actor)
		assert.Equal(t, c.Now(), log[0].At)
		assert.Contains(t, log[0].Detail, "articles")

		_, body = e.do(t, "GET", "/api/v1/staff/help", nil, "Cookie", cookie)
		last := decode[api.StaffHelpResponse](t, body).LastReload
		require.NotNil(t, last)
		assert.Equal(t, staffEmail, last.Actor)
	})

	t.Run("a broken folder is reported and the content stays", func(t *testing.T) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, "articles", "en", "broken.md"), []byte("no front matter"), 0o644))
		resp, body := e.do(t, "POST", "/api/v1/staff/help/reload", nil, "Cookie", cookie)
		assert.Equal(t, 400, resp.StatusCode)
		d := decode[api.ErrorBody](t, body).Error
		assert.Equal(t, "staff.help.reload_failed", d.Key)
		assert.Contains(t, d.Message, "broken.md", "staff see which file is wrong")
		resp, _ = e.do(t, "GET", "/api/v1/help/articles/warranty?locale=en", nil)
		assert.Equal(t, 200, resp.StatusCode, "readers still get the last good content")
		log, err := sqlite.NewStaffStore(e.db).Audit(context.Background(), staff.ActionHelpReload, 5)
		require.NoError(t, err)
		require.Len(t, log, 2)
		assert.Contains(t, log[0].Detail, "failed")
	})
}

// copyContent writes the embedded help content into dir, as staff would
// keep it in a folder on the server.
func copyContent(t *testing.T, dir string) {
	t.Helper()
	require.NoError(t, os.CopyFS(dir, content.Files()))
}

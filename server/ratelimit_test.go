package server

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestRateLimiter(t *testing.T) {
	now := time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC)
	l := newRateLimiter(10, time.Minute, func() time.Time { return now })
	for i := range 10 {
		ok, _ := l.allow("a")
		assert.True(t, ok, "attempt %d", i+1)
	}
	ok, wait := l.allow("a")
	assert.False(t, ok, "the eleventh attempt in a minute")
	assert.Equal(t, 6*time.Second, wait, "one attempt comes back every six seconds")
	ok, _ = l.allow("b")
	assert.True(t, ok, "clients are counted apart")

	now = now.Add(5 * time.Second)
	ok, wait = l.allow("a")
	assert.False(t, ok)
	assert.Equal(t, time.Second, wait)
	now = now.Add(time.Second)
	ok, _ = l.allow("a")
	assert.True(t, ok, "after the wait it says, the client may try again")

	now = now.Add(time.Hour)
	for i := range 10 {
		ok, _ := l.allow("a")
		assert.True(t, ok, "a full minute later all ten are back: attempt %d", i+1)
	}
}

func TestRateLimiterForgetsIdleClients(t *testing.T) {
	now := time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC)
	l := newRateLimiter(10, time.Minute, func() time.Time { return now })
	for i := range maxClients {
		l.allow(string(rune(i)))
	}
	assert.Len(t, l.full, maxClients)
	now = now.Add(time.Minute)
	l.allow("newcomer")
	assert.Len(t, l.full, 1, "every idle bucket was full again and is forgotten")
}

func TestClientKey(t *testing.T) {
	for _, tc := range []struct{ remote, want string }{
		{"192.0.2.7:51000", "192.0.2.7"},
		{"[2001:db8:1:2:aaaa::1]:443", "2001:db8:1:2::/64"},
		{"[2001:db8:1:2:bbbb::9]:443", "2001:db8:1:2::/64"},
		{"pipe", "pipe"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = tc.remote
		assert.Equal(t, tc.want, clientKey(r), tc.remote)
	}
}

package server

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// limiter allows at most n events per key within a sliding window: a
// contact form per client, sign-in failures per client and per account. It
// is kept in memory, so each server process counts on its own; behind a
// load balancer the limit is per server, which still stops one client from
// hammering the store.
type limiter struct {
	n      int
	window time.Duration
	now    func() time.Time

	mu   sync.Mutex
	hits map[string][]time.Time
}

// maxLimiterKeys bounds the memory one limiter may take: past it, keys with
// no event in the window are dropped.
const maxLimiterKeys = 10000

func newLimiter(n int, window time.Duration, now func() time.Time) *limiter {
	return &limiter{n: n, window: window, now: now, hits: map[string][]time.Time{}}
}

// recent returns key's events still in the window, dropping older ones.
// The caller holds mu.
func (l *limiter) recent(key string, now time.Time) []time.Time {
	hs := l.hits[key]
	i := 0
	for i < len(hs) && !hs[i].After(now.Add(-l.window)) {
		i++
	}
	if i == len(hs) {
		delete(l.hits, key)
		return nil
	}
	hs = hs[i:]
	l.hits[key] = hs
	return hs
}

// Blocked reports whether key has used up its events, and if so how long
// until the oldest leaves the window.
func (l *limiter) Blocked(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.blocked(key, l.now())
}

func (l *limiter) blocked(key string, now time.Time) (bool, time.Duration) {
	hs := l.recent(key, now)
	if len(hs) < l.n {
		return false, 0
	}
	return true, hs[len(hs)-l.n].Add(l.window).Sub(now)
}

// Hit counts an event for key.
func (l *limiter) Hit(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.hit(key, l.now())
}

func (l *limiter) hit(key string, now time.Time) {
	if len(l.hits) >= maxLimiterKeys {
		for k := range l.hits {
			l.recent(k, now)
		}
	}
	l.hits[key] = append(l.recent(key, now), now)
}

// Allow counts an event for key and reports whether it was within the
// limit, in one step, so that concurrent requests cannot both take the
// last event; an event over the limit is not counted.
func (l *limiter) Allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if blocked, _ := l.blocked(key, now); blocked {
		return false
	}
	l.hit(key, now)
	return true
}

// clientIP is the address the request came from, the key of per-client
// limits. Forwarding headers are ignored: they are the client's to forge,
// and the server listens directly unless a proxy is configured in front.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

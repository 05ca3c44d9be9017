package server

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// rateLimiter allows each client limit attempts per window and gives them
// back evenly over the window (one every window/limit), so a person who
// mistyped a few times is never locked out for long while a script guessing
// order numbers gets ten tries a minute. It is the generic cell rate
// algorithm: per client it keeps one time, when its bucket will be empty
// again, so it counts in exact durations rather than fractional tokens.
type rateLimiter struct {
	interval time.Duration // between two attempts regained
	window   time.Duration // a full bucket: limit attempts
	now      func() time.Time

	mu sync.Mutex
	// full maps a client to the time at which all its attempts are back.
	full map[string]time.Time
}

// maxClients bounds the memory the limiter uses; beyond it, clients whose
// attempts are all back are forgotten (they are as good as new).
const maxClients = 10000

func newRateLimiter(limit int, window time.Duration, now func() time.Time) *rateLimiter {
	return &rateLimiter{interval: window / time.Duration(limit), window: window, now: now, full: map[string]time.Time{}}
}

// allow takes one attempt from client. When none is left it returns false
// and how long until one is.
func (l *rateLimiter) allow(client string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	full, known := l.full[client]
	if !known && len(l.full) >= maxClients {
		l.sweep(now)
	}
	if full.Before(now) {
		full = now
	}
	next := full.Add(l.interval)
	if over := next.Sub(now) - l.window; over > 0 {
		return false, over
	}
	l.full[client] = next
	return true, 0
}

// sweep forgets the clients whose attempts are all back. l.mu is held.
func (l *rateLimiter) sweep(now time.Time) {
	for k, full := range l.full {
		if !full.After(now) {
			delete(l.full, k)
		}
	}
}

// clientKey is who a request is counted against: its peer's IP address, or
// for IPv6 its /64 network, since one household or phone is usually given a
// whole /64 and could otherwise rotate through it. X-Forwarded-For is not
// trusted: any client can write it. Behind a reverse proxy, every customer
// shares the proxy's address; put the limit in the proxy there.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return host
	}
	if ip.To4() == nil {
		return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
	}
	return ip.String()
}

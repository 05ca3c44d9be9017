package server

import (
	"context"
	"fmt"
	"sync"
)

// memo computes each key's value once and keeps it: concurrent callers of
// one key wait for the one computation instead of repeating it (a stand
// bakes once however many visitors open the hall at that moment). Errors
// are not kept, so the next caller tries again. At most max values, and
// values of at most maxCost in all (as measured by cost), are kept, the
// least recently used going first.
type memo[V any] struct {
	mu      sync.Mutex
	max     int
	maxCost int64
	cost    func(V) int64
	total   int64
	tick    uint64
	entries map[string]*memoEntry[V]
}

type memoEntry[V any] struct {
	done chan struct{}
	val  V
	err  error
	used uint64
	cost int64
}

// newMemo returns a memo of at most max values. cost, when not nil, measures
// a value (in bytes, say), and the values kept cost at most maxCost in all;
// a single value costing more is returned but not kept.
func newMemo[V any](max int, maxCost int64, cost func(V) int64) *memo[V] {
	return &memo[V]{max: max, maxCost: maxCost, cost: cost, entries: map[string]*memoEntry[V]{}}
}

// get returns key's value, computing it with fn if nobody has. fn runs
// detached from ctx's cancellation: other callers may be waiting for it, and
// the first caller going away must not fail them. A caller whose ctx ends
// while waiting gets ctx's error.
func (m *memo[V]) get(ctx context.Context, key string, fn func(ctx context.Context) (V, error)) (V, error) {
	m.mu.Lock()
	m.tick++
	if e, ok := m.entries[key]; ok {
		e.used = m.tick
		m.mu.Unlock()
		select {
		case <-e.done:
			return e.val, e.err
		case <-ctx.Done():
			var zero V
			return zero, ctx.Err()
		}
	}
	e := &memoEntry[V]{done: make(chan struct{}), used: m.tick}
	m.entries[key] = e
	m.evictLocked()
	m.mu.Unlock()

	defer func() {
		// A panic in fn must not leave waiters blocked forever: they get an
		// error, and the panic goes on to the request's recovery.
		if v := recover(); v != nil {
			e.err = fmt.Errorf("computing %s panicked: %v", key, v)
			m.forget(key, e)
			close(e.done)
			panic(v)
		}
	}()
	e.val, e.err = fn(context.WithoutCancel(ctx))
	if e.err != nil {
		m.forget(key, e)
	} else if m.cost != nil {
		m.mu.Lock()
		if m.entries[key] == e {
			if c := m.cost(e.val); c > m.maxCost {
				delete(m.entries, key) // too big to keep: keeping it would push out everything else
			} else {
				e.cost = c
				m.total += c
			}
		}
		m.mu.Unlock()
	}
	close(e.done)
	if e.err == nil && m.cost != nil {
		m.mu.Lock()
		m.evictLocked()
		m.mu.Unlock()
	}
	return e.val, e.err
}

// peek returns key's value if it has been computed, without computing it
// or waiting for a computation under way.
func (m *memo[V]) peek(key string) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var zero V
	e, ok := m.entries[key]
	if !ok {
		return zero, false
	}
	select {
	case <-e.done:
	default:
		return zero, false
	}
	if e.err != nil {
		return zero, false
	}
	m.tick++
	e.used = m.tick
	return e.val, true
}

func (m *memo[V]) forget(key string, e *memoEntry[V]) {
	m.mu.Lock()
	if m.entries[key] == e {
		m.total -= e.cost
		delete(m.entries, key)
	}
	m.mu.Unlock()
}

// evictLocked drops the least recently used finished entries while there
// are more than max or they cost more than maxCost.
func (m *memo[V]) evictLocked() {
	for len(m.entries) > m.max || m.cost != nil && m.total > m.maxCost {
		oldest, oldestKey := uint64(0), ""
		for k, e := range m.entries {
			select {
			case <-e.done:
			default:
				continue // in flight: someone is waiting for it
			}
			if oldestKey == "" || e.used < oldest {
				oldest, oldestKey = e.used, k
			}
		}
		if oldestKey == "" {
			return
		}
		m.total -= m.entries[oldestKey].cost
		delete(m.entries, oldestKey)
	}
}

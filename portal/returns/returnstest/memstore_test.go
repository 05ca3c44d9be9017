package returnstest_test

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"testing"
	"time"

	"vitrine/portal/returns"
	"vitrine/portal/returns/returnstest"
	"vitrine/showroom/catalog"
)

// TestRun checks the suite itself against memStore, a deliberately simple
// reference implementation: the suite must pass on a store that keeps the
// contracts, so a failure on the SQLite store points at that store. memStore
// is not used anywhere else.
func TestRun(t *testing.T) {
	returnstest.Run(t, func(t *testing.T) returns.Store { return newMemStore() })
}

type memStore struct {
	mu      sync.Mutex
	seq     int
	returns []*returns.Return
	photos  map[string]returns.Photo
}

func newMemStore() *memStore { return &memStore{photos: map[string]returns.Photo{}} }

// clone deep-copies r through JSON, so callers never share memory with the
// store, as with a real database.
func clone(r *returns.Return) *returns.Return {
	b, err := json.Marshal(r)
	if err != nil {
		panic(err)
	}
	var c returns.Return
	if err := json.Unmarshal(b, &c); err != nil {
		panic(err)
	}
	return &c
}

func (s *memStore) Create(_ context.Context, r *returns.Return) (*returns.Return, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range s.returns {
		if x.OrderNumber == r.OrderNumber && x.IdempotencyKey == r.IdempotencyKey {
			return clone(x), false, nil
		}
	}
	if r.Kind != returns.KindRepair {
		used := s.returned(r.OrderNumber)
		for _, l := range r.Lines {
			used[l.LineID] += l.Qty
			if used[l.LineID] > l.Delivered {
				return nil, false, catalog.Errorf(catalog.ECONFLICT, "line %s: more than delivered", l.LineID)
			}
		}
	}
	for _, l := range r.Lines {
		for _, id := range l.PhotoIDs {
			p, ok := s.photos[id]
			switch {
			case !ok || p.OrderNumber != r.OrderNumber:
				return nil, false, catalog.Errorf(catalog.EINVALID, "photo %s is not of this order", id)
			case p.ReturnNumber != "":
				return nil, false, catalog.Errorf(catalog.ECONFLICT, "photo %s is used", id)
			}
		}
	}
	s.seq++
	c := clone(r)
	c.Number = returns.NumberFor(r.Kind, s.seq)
	for _, l := range c.Lines {
		for _, id := range l.PhotoIDs {
			p := s.photos[id]
			p.ReturnNumber = c.Number
			s.photos[id] = p
		}
	}
	s.returns = append(s.returns, c)
	return clone(c), true, nil
}

func (s *memStore) returned(order string) map[string]int {
	used := map[string]int{}
	for _, x := range s.returns {
		if x.OrderNumber == order && x.Kind != returns.KindRepair && x.Status != returns.StatusRejected {
			for _, l := range x.Lines {
				used[l.LineID] += l.Qty
			}
		}
	}
	return used
}

func (s *memStore) find(number string) (*returns.Return, error) {
	for _, x := range s.returns {
		if x.Number == number {
			return x, nil
		}
	}
	return nil, catalog.Errorf(catalog.ENOTFOUND, "no return %s", number)
}

func (s *memStore) Get(_ context.Context, number string) (*returns.Return, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.find(number)
	if err != nil {
		return nil, err
	}
	return clone(r), nil
}

func (s *memStore) list(keep func(*returns.Return) bool, limit int) []*returns.Return {
	var out []*returns.Return
	for _, x := range s.returns {
		if keep(x) {
			out = append(out, clone(x))
		}
	}
	slices.SortFunc(out, func(a, b *returns.Return) int {
		if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
			return c
		}
		if a.Number > b.Number {
			return -1
		}
		return 1
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

func (s *memStore) ListByOrder(_ context.Context, order string) ([]*returns.Return, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list(func(r *returns.Return) bool { return r.OrderNumber == order }, 0), nil
}

func (s *memStore) List(_ context.Context, f returns.Filter) ([]*returns.Return, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list(func(r *returns.Return) bool {
		return (f.Kind == "" || r.Kind == f.Kind) && (len(f.Statuses) == 0 || slices.Contains(f.Statuses, r.Status))
	}, f.Limit), nil
}

func (s *memStore) Returned(_ context.Context, order string) (map[string]int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.returned(order), nil
}

func (s *memStore) Transition(_ context.Context, number string, to returns.Status, by, reason string, at time.Time) (*returns.Return, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, err := s.find(number)
	if err != nil {
		return nil, err
	}
	c := clone(r)
	if err := c.Transition(to, by, reason, at); err != nil {
		return nil, err
	}
	*r = *c
	return clone(c), nil
}

func (s *memStore) PutPhoto(_ context.Context, p returns.Photo) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.photos[p.ID]; ok {
		return catalog.Errorf(catalog.ECONFLICT, "photo %s exists", p.ID)
	}
	p.ReturnNumber = ""
	s.photos[p.ID] = p
	return nil
}

func (s *memStore) Photo(_ context.Context, id string) (*returns.Photo, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.photos[id]
	if !ok {
		return nil, catalog.Errorf(catalog.ENOTFOUND, "no photo %s", id)
	}
	return &p, nil
}

func (s *memStore) DeletePhoto(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.photos[id]
	switch {
	case !ok:
		return catalog.Errorf(catalog.ENOTFOUND, "no photo %s", id)
	case p.ReturnNumber != "":
		return catalog.Errorf(catalog.ECONFLICT, "photo %s is used by %s", id, p.ReturnNumber)
	}
	delete(s.photos, id)
	return nil
}

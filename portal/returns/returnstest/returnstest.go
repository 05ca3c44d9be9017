// Package returnstest is the conformance suite of returns.Store. Every
// implementation (server/sqlite today, PostgreSQL later) runs it from its own
// tests, so the contracts written on the interface are checked the same way
// everywhere:
//
//	func TestReturnStore(t *testing.T) {
//		returnstest.Run(t, func(t *testing.T) returns.Store {
//			db, err := sqlite.Open(t.Context(), filepath.Join(t.TempDir(), "test.db"))
//			require.NoError(t, err)
//			t.Cleanup(func() { db.Close() })
//			return sqlite.NewReturnStore(db)
//		})
//	}
//
// The concurrency cases start goroutines that call the store at the same
// moment; a store backed by a single connection passes them trivially, so
// run the suite on a file database too.
package returnstest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/returns"
	"vitrine/showroom/catalog"
)

// Run checks a returns.Store against its contracts. open must return a new,
// empty store each time it is called; it is called once per subtest.
func Run(t *testing.T, open func(t *testing.T) returns.Store) {
	for _, tc := range []struct {
		name string
		test func(t *testing.T, s returns.Store)
	}{
		{"Create assigns a number and Get returns the return as created", testCreateGet},
		{"Create numbers repairs RP and every number is unique", testNumbers},
		{"Create with the same order and key returns the existing return", testIdempotent},
		{"Create with the same key on another order creates another return", testKeyPerOrder},
		{"Create refuses to return more than was delivered", testOverReturn},
		{"Create counts exchanges with returns", testExchangesCount},
		{"Create frees the units of rejected returns", testRejectedFree},
		{"Create does not count repairs", testRepairsNotCounted},
		{"Create resent after the limit is reached returns the existing return", testResendAtLimit},
		{"Create run concurrently for the same line lets exactly one through", testConcurrentOverReturn},
		{"Create run concurrently with the same key creates one return", testConcurrentSameKey},
		{"Get of an unknown number is ENOTFOUND", testGetUnknown},
		{"ListByOrder lists an order's returns newest first", testListByOrder},
		{"List filters by status and kind, newest first, up to a limit", testList},
		{"Returned sums units in open and completed returns", testReturned},
		{"Transition stores the status and the timeline", testTransition},
		{"Transition refuses illegal moves and writes nothing", testTransitionIllegal},
		{"Transition of an unknown number is ENOTFOUND", testTransitionUnknown},
		{"Transition to rejected needs a reason", testRejectReason},
		{"Transition run concurrently lets exactly one through", testConcurrentTransition},
		{"Photos round-trip and have unique IDs", testPhotos},
		{"Create attaches photos and checks them", testCreatePhotos},
		{"DeletePhoto removes only unattached photos", testDeletePhoto},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, open(t)) })
	}
}

// t0 is the suite's clock: a millisecond part checks that stores keep it.
var t0 = time.Date(2025, 3, 10, 9, 30, 15, 123_000_000, time.UTC)

var eur0 = catalog.EUR(0)

// newReturn builds a return of order with key, one line per (lineID, qty)
// pair, each line delivered `delivered` times, in the state NewReturn gives.
func newReturn(kind returns.Kind, order, key string, at time.Time, delivered int, lines ...any) *returns.Return {
	r := &returns.Return{
		Kind: kind, OrderNumber: order, Status: returns.StatusRequested,
		ShippingMethod: returns.ShippingDropOff, IdempotencyKey: key,
		CreatedAt: at, UpdatedAt: at,
		Timeline: []returns.Event{{Status: returns.StatusRequested, At: at, By: returns.ByCustomer}},
		Quote: returns.Quote{Currency: "EUR", SendBy: at.Add(14 * 24 * time.Hour),
			ItemValue: eur0, RestockingFees: eur0, ReturnShipping: eur0, Refund: eur0, StoreCredit: eur0,
			StoreCreditBonus: eur0, ExchangeValue: eur0, ExchangeDifference: eur0},
	}
	switch kind {
	case returns.KindReturn:
		r.Resolution = returns.ResolutionRefund
	case returns.KindExchange:
		r.Resolution = returns.ResolutionExchange
	case returns.KindRepair:
		r.Contact = returns.ContactEmail
	}
	for i := 0; i+1 < len(lines); i += 2 {
		id, qty := lines[i].(string), lines[i+1].(int)
		l := returns.Line{LineID: id, Slug: "desk-lamp", SKU: "DL-1", Name: catalog.Text{"en": "Desk lamp", "es": "Lámpara"},
			UnitPrice: catalog.EUR(4900), Qty: qty, Reason: returns.ReasonChangedMind, Delivered: delivered}
		if kind == returns.KindExchange {
			l.Exchange = &returns.ExchangeTarget{Type: returns.TargetVariant, Slug: "desk-lamp", SKU: "DL-2", UnitPrice: catalog.EUR(5900)}
		}
		if kind == returns.KindRepair {
			l.Reason, l.ReasonText = returns.ReasonDefective, "It flickers."
		}
		r.Lines = append(r.Lines, l)
		value := catalog.EUR(4900 * int64(qty))
		r.Quote.Lines = append(r.Quote.Lines, returns.QuoteLine{LineID: id, Qty: qty, UnitPrice: catalog.EUR(4900), Value: value,
			RestockingFee: eur0, ExchangeValue: eur0})
		r.Quote.ItemValue = r.Quote.ItemValue.Add(value)
	}
	r.Quote.Refund = r.Quote.ItemValue
	return r
}

// create calls Create and requires success.
func create(t *testing.T, s returns.Store, r *returns.Return) *returns.Return {
	t.Helper()
	got, created, err := s.Create(context.Background(), r)
	require.NoError(t, err)
	require.True(t, created)
	require.NotNil(t, got)
	return got
}

// normal returns a copy of r that compares equal to any faithful round trip:
// times in UTC, empty slices and maps nil.
func normal(r *returns.Return) returns.Return {
	c := *r
	utc := func(t time.Time) time.Time {
		if t.IsZero() {
			return time.Time{}
		}
		return t.UTC()
	}
	c.CreatedAt, c.UpdatedAt, c.Quote.SendBy = utc(c.CreatedAt), utc(c.UpdatedAt), utc(c.Quote.SendBy)
	c.Timeline = nil
	for _, e := range r.Timeline {
		e.At = utc(e.At)
		c.Timeline = append(c.Timeline, e)
	}
	c.Lines = nil
	for _, l := range r.Lines {
		if len(l.PhotoIDs) == 0 {
			l.PhotoIDs = nil
		}
		if len(l.Name) == 0 {
			l.Name = nil
		}
		if l.Exchange != nil {
			x := *l.Exchange
			if len(x.Name) == 0 {
				x.Name = nil
			}
			l.Exchange = &x
		}
		c.Lines = append(c.Lines, l)
	}
	if len(c.Quote.Lines) == 0 {
		c.Quote.Lines = nil
	}
	return c
}

func numbers(rs []*returns.Return) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Number)
	}
	return out
}

func testCreateGet(t *testing.T, s returns.Store) {
	ctx := context.Background()
	in := newReturn(returns.KindExchange, "VT-1001", "key-1", t0, 3, "l1", 2, "l2", 1)
	in.ShippingMethod = returns.ShippingPickup
	in.Lines[1].Reason, in.Lines[1].ReasonText = returns.ReasonOther, "Colour is off — 颜色不对"
	in.Lines[0].Exchange.Name = catalog.Text{"en": "Desk lamp, white"}
	in.Quote.ExchangeValue, in.Quote.ExchangeDifference, in.Quote.Refund = catalog.EUR(17700), catalog.EUR(3010), catalog.EUR(0)
	in.Quote.ReturnShipping = catalog.EUR(1990)

	got := create(t, s, in)
	assert.True(t, strings.HasPrefix(got.Number, returns.ReturnPrefix), got.Number)
	assert.True(t, returns.ValidNumber(got.Number), got.Number)
	want := *in
	want.Number = got.Number
	assert.Equal(t, normal(&want), normal(got))

	again, err := s.Get(ctx, got.Number)
	require.NoError(t, err)
	assert.Equal(t, normal(&want), normal(again))
}

func testNumbers(t *testing.T, s returns.Store) {
	seen := map[string]bool{}
	for i := range 3 {
		r := create(t, s, newReturn(returns.KindReturn, fmt.Sprintf("VT-%d", 2000+i), "k", t0, 1, "l1", 1))
		assert.True(t, strings.HasPrefix(r.Number, returns.ReturnPrefix), r.Number)
		assert.False(t, seen[r.Number], "number %s given twice", r.Number)
		seen[r.Number] = true
	}
	in := newReturn(returns.KindRepair, "VT-2000", "k-repair", t0, 1, "l1", 1)
	in.Number = "RT-999999"
	rp := create(t, s, in)
	assert.True(t, strings.HasPrefix(rp.Number, returns.RepairPrefix), rp.Number)
	assert.True(t, returns.ValidNumber(rp.Number), rp.Number)
	assert.False(t, seen[rp.Number])
}

func testIdempotent(t *testing.T, s returns.Store) {
	ctx := context.Background()
	first := create(t, s, newReturn(returns.KindReturn, "VT-1001", "same-key", t0, 3, "l1", 1))

	// A resend may differ (a second tap after editing); the first one wins.
	again, created, err := s.Create(ctx, newReturn(returns.KindReturn, "VT-1001", "same-key", t0.Add(time.Second), 3, "l1", 2))
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, normal(first), normal(again))

	list, err := s.ListByOrder(ctx, "VT-1001")
	require.NoError(t, err)
	assert.Equal(t, []string{first.Number}, numbers(list))
}

func testKeyPerOrder(t *testing.T, s returns.Store) {
	a := create(t, s, newReturn(returns.KindReturn, "VT-1001", "k", t0, 1, "l1", 1))
	b := create(t, s, newReturn(returns.KindReturn, "VT-1002", "k", t0, 1, "l1", 1))
	assert.NotEqual(t, a.Number, b.Number)
	assert.Equal(t, "VT-1002", b.OrderNumber, "never another customer's return")
}

func testOverReturn(t *testing.T, s returns.Store) {
	ctx := context.Background()
	create(t, s, newReturn(returns.KindReturn, "VT-1001", "k1", t0, 2, "l1", 1))
	_, _, err := s.Create(ctx, newReturn(returns.KindReturn, "VT-1001", "k2", t0, 2, "l2", 1, "l1", 2))
	assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(err))

	list, err := s.ListByOrder(ctx, "VT-1001")
	require.NoError(t, err)
	assert.Len(t, list, 1, "nothing of the refused return is written")
	got, err := s.Returned(ctx, "VT-1001")
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"l1": 1}, got, "not even its line l2, which alone fits")

	create(t, s, newReturn(returns.KindReturn, "VT-1001", "k3", t0, 2, "l1", 1))
}

func testExchangesCount(t *testing.T, s returns.Store) {
	create(t, s, newReturn(returns.KindReturn, "VT-1001", "k1", t0, 2, "l1", 1))
	_, _, err := s.Create(context.Background(), newReturn(returns.KindExchange, "VT-1001", "k2", t0, 2, "l1", 2))
	assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(err))
}

func testRejectedFree(t *testing.T, s returns.Store) {
	ctx := context.Background()
	r := create(t, s, newReturn(returns.KindReturn, "VT-1001", "k1", t0, 2, "l1", 2))
	_, err := s.Transition(ctx, r.Number, returns.StatusRejected, "ana", "Outside the policy", t0.Add(time.Hour))
	require.NoError(t, err)
	create(t, s, newReturn(returns.KindReturn, "VT-1001", "k2", t0.Add(2*time.Hour), 2, "l1", 2))
}

func testRepairsNotCounted(t *testing.T, s returns.Store) {
	ctx := context.Background()
	create(t, s, newReturn(returns.KindReturn, "VT-1001", "k1", t0, 2, "l1", 1))
	create(t, s, newReturn(returns.KindRepair, "VT-1001", "k2", t0, 2, "l1", 2))
	got, err := s.Returned(ctx, "VT-1001")
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"l1": 1}, got)
	create(t, s, newReturn(returns.KindReturn, "VT-1001", "k3", t0, 2, "l1", 1))
}

func testResendAtLimit(t *testing.T, s returns.Store) {
	first := create(t, s, newReturn(returns.KindReturn, "VT-1001", "k1", t0, 2, "l1", 2))
	again, created, err := s.Create(context.Background(), newReturn(returns.KindReturn, "VT-1001", "k1", t0, 2, "l1", 2))
	require.NoError(t, err, "a resend is not a second return")
	assert.False(t, created)
	assert.Equal(t, first.Number, again.Number)
}

// concurrently runs f(0) and f(1) released at the same moment and waits.
func concurrently(f func(i int)) {
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range 2 {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			f(i)
		}()
	}
	start.Done()
	done.Wait()
}

func testConcurrentOverReturn(t *testing.T, s returns.Store) {
	// Several rounds, each on its own order, to give a race a chance to show.
	for round := range 5 {
		order := fmt.Sprintf("VT-%d", 3000+round)
		var errs [2]error
		concurrently(func(i int) {
			_, _, errs[i] = s.Create(context.Background(),
				newReturn(returns.KindReturn, order, fmt.Sprintf("k%d", i), t0, 3, "l1", 2))
		})
		codes := []string{catalog.ErrorCode(errs[0]), catalog.ErrorCode(errs[1])}
		sort.Strings(codes)
		assert.Equal(t, []string{"", catalog.ECONFLICT}, codes, "round %d: exactly one succeeds, the other conflicts (%v)", round, errs)
		got, err := s.Returned(context.Background(), order)
		require.NoError(t, err)
		assert.Equal(t, map[string]int{"l1": 2}, got, "round %d", round)
	}
}

func testConcurrentSameKey(t *testing.T, s returns.Store) {
	for round := range 5 {
		order := fmt.Sprintf("VT-%d", 4000+round)
		var got [2]*returns.Return
		var created [2]bool
		var errs [2]error
		concurrently(func(i int) {
			got[i], created[i], errs[i] = s.Create(context.Background(), newReturn(returns.KindReturn, order, "tap", t0, 1, "l1", 1))
		})
		require.NoError(t, errs[0], "round %d", round)
		require.NoError(t, errs[1], "round %d", round)
		assert.Equal(t, got[0].Number, got[1].Number, "round %d: both taps see the same return", round)
		assert.True(t, created[0] != created[1], "round %d: exactly one created it", round)
		list, err := s.ListByOrder(context.Background(), order)
		require.NoError(t, err)
		assert.Len(t, list, 1)
	}
}

func testGetUnknown(t *testing.T, s returns.Store) {
	_, err := s.Get(context.Background(), "RT-000404")
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
}

func testListByOrder(t *testing.T, s returns.Store) {
	ctx := context.Background()
	old := create(t, s, newReturn(returns.KindReturn, "VT-1001", "k1", t0, 5, "l1", 1))
	create(t, s, newReturn(returns.KindReturn, "VT-1002", "k2", t0.Add(time.Minute), 5, "l1", 1))
	newer := create(t, s, newReturn(returns.KindRepair, "VT-1001", "k3", t0.Add(time.Hour), 5, "l1", 1))

	list, err := s.ListByOrder(ctx, "VT-1001")
	require.NoError(t, err)
	assert.Equal(t, []string{newer.Number, old.Number}, numbers(list))

	none, err := s.ListByOrder(ctx, "VT-9999")
	require.NoError(t, err)
	assert.Empty(t, none)
}

func testList(t *testing.T, s returns.Store) {
	ctx := context.Background()
	a := create(t, s, newReturn(returns.KindReturn, "VT-1", "k", t0, 5, "l1", 1))
	b := create(t, s, newReturn(returns.KindExchange, "VT-2", "k", t0.Add(time.Minute), 5, "l1", 1))
	c := create(t, s, newReturn(returns.KindRepair, "VT-3", "k", t0.Add(2*time.Minute), 5, "l1", 1))
	d := create(t, s, newReturn(returns.KindReturn, "VT-4", "k", t0.Add(3*time.Minute), 5, "l1", 1))
	_, err := s.Transition(ctx, b.Number, returns.StatusApproved, "ana", "", t0.Add(time.Hour))
	require.NoError(t, err)
	_, err = s.Transition(ctx, d.Number, returns.StatusRejected, "ana", "No proof of purchase", t0.Add(time.Hour))
	require.NoError(t, err)

	for _, tc := range []struct {
		name   string
		filter returns.Filter
		want   []string
	}{
		{"everything, newest first", returns.Filter{}, []string{d.Number, c.Number, b.Number, a.Number}},
		{"one status", returns.Filter{Statuses: []returns.Status{returns.StatusRequested}}, []string{c.Number, a.Number}},
		{"any of several statuses", returns.Filter{Statuses: []returns.Status{returns.StatusApproved, returns.StatusRejected}}, []string{d.Number, b.Number}},
		{"a kind", returns.Filter{Kind: returns.KindReturn}, []string{d.Number, a.Number}},
		{"a kind and a status", returns.Filter{Kind: returns.KindReturn, Statuses: []returns.Status{returns.StatusRequested}}, []string{a.Number}},
		{"a limit keeps the newest", returns.Filter{Limit: 2}, []string{d.Number, c.Number}},
		{"nothing matches", returns.Filter{Statuses: []returns.Status{returns.StatusRefunded}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.List(ctx, tc.filter)
			require.NoError(t, err)
			assert.Equal(t, tc.want, numbers(got))
		})
	}
}

func testReturned(t *testing.T, s returns.Store) {
	ctx := context.Background()
	create(t, s, newReturn(returns.KindReturn, "VT-1001", "k1", t0, 5, "l1", 1, "l2", 2))
	create(t, s, newReturn(returns.KindExchange, "VT-1001", "k2", t0, 5, "l1", 2))
	rej := create(t, s, newReturn(returns.KindReturn, "VT-1001", "k3", t0, 5, "l3", 1))
	create(t, s, newReturn(returns.KindReturn, "VT-1002", "k4", t0, 5, "l1", 4))
	_, err := s.Transition(ctx, rej.Number, returns.StatusRejected, "ana", "Not ours", t0.Add(time.Hour))
	require.NoError(t, err)

	got, err := s.Returned(ctx, "VT-1001")
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"l1": 3, "l2": 2}, got)

	none, err := s.Returned(ctx, "VT-9999")
	require.NoError(t, err)
	assert.Empty(t, none)
}

func testTransition(t *testing.T, s returns.Store) {
	ctx := context.Background()
	r := create(t, s, newReturn(returns.KindReturn, "VT-1001", "k", t0, 1, "l1", 1))
	steps := []returns.Status{returns.StatusApproved, returns.StatusInTransit, returns.StatusReceived, returns.StatusInspected, returns.StatusRefunded}
	want := normal(r)
	for i, to := range steps {
		at := t0.Add(time.Duration(i+1) * time.Hour)
		got, err := s.Transition(ctx, r.Number, to, "ana@staff", "", at)
		require.NoError(t, err, "to %s", to)
		want.Status, want.UpdatedAt = to, at
		want.Timeline = append(want.Timeline, returns.Event{Status: to, At: at, By: "ana@staff"})
		assert.Equal(t, want, normal(got), "returned after %s", to)
	}
	stored, err := s.Get(ctx, r.Number)
	require.NoError(t, err)
	assert.Equal(t, want, normal(stored))
	assert.Len(t, stored.Timeline, 6)
}

func testTransitionIllegal(t *testing.T, s returns.Store) {
	ctx := context.Background()
	r := create(t, s, newReturn(returns.KindReturn, "VT-1001", "k", t0, 1, "l1", 1))
	_, err := s.Transition(ctx, r.Number, returns.StatusRefunded, "ana", "", t0.Add(time.Hour))
	assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(err))
	stored, err := s.Get(ctx, r.Number)
	require.NoError(t, err)
	assert.Equal(t, normal(r), normal(stored))
}

func testTransitionUnknown(t *testing.T, s returns.Store) {
	_, err := s.Transition(context.Background(), "RT-000404", returns.StatusApproved, "ana", "", t0)
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
}

func testRejectReason(t *testing.T, s returns.Store) {
	ctx := context.Background()
	r := create(t, s, newReturn(returns.KindReturn, "VT-1001", "k", t0, 1, "l1", 1))
	_, err := s.Transition(ctx, r.Number, returns.StatusRejected, "ana", "", t0.Add(time.Hour))
	assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
	got, err := s.Transition(ctx, r.Number, returns.StatusRejected, "ana", "Bought elsewhere", t0.Add(time.Hour))
	require.NoError(t, err)
	require.Len(t, got.Timeline, 2)
	assert.Equal(t, "Bought elsewhere", got.Timeline[1].Reason)
	assert.Equal(t, "ana", got.Timeline[1].By)
}

func testConcurrentTransition(t *testing.T, s returns.Store) {
	for round := range 5 {
		r := create(t, s, newReturn(returns.KindReturn, fmt.Sprintf("VT-%d", 5000+round), "k", t0, 1, "l1", 1))
		var errs [2]error
		concurrently(func(i int) {
			_, errs[i] = s.Transition(context.Background(), r.Number, returns.StatusApproved, fmt.Sprintf("staff-%d", i), "", t0.Add(time.Hour))
		})
		codes := []string{catalog.ErrorCode(errs[0]), catalog.ErrorCode(errs[1])}
		sort.Strings(codes)
		assert.Equal(t, []string{"", catalog.ECONFLICT}, codes, "round %d (%v)", round, errs)
		stored, err := s.Get(context.Background(), r.Number)
		require.NoError(t, err)
		assert.Len(t, stored.Timeline, 2, "round %d: one approval recorded", round)
	}
}

func photo(id, order string) returns.Photo {
	return returns.Photo{ID: id, OrderNumber: order, ContentType: "image/jpeg", Size: 123456, Width: 1200, Height: 900, CreatedAt: t0}
}

func testPhotos(t *testing.T, s returns.Store) {
	ctx := context.Background()
	require.NoError(t, s.PutPhoto(ctx, photo("ph-1", "VT-1001")))
	got, err := s.Photo(ctx, "ph-1")
	require.NoError(t, err)
	got.CreatedAt = got.CreatedAt.UTC()
	assert.Equal(t, photo("ph-1", "VT-1001"), *got)

	err = s.PutPhoto(ctx, photo("ph-1", "VT-1002"))
	assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(err))
	_, err = s.Photo(ctx, "ph-404")
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
}

func withPhotos(r *returns.Return, ids ...string) *returns.Return {
	r.Lines[0].Reason, r.Lines[0].PhotoIDs = returns.ReasonDamaged, ids
	return r
}

func testCreatePhotos(t *testing.T, s returns.Store) {
	ctx := context.Background()
	require.NoError(t, s.PutPhoto(ctx, photo("ph-1", "VT-1001")))
	require.NoError(t, s.PutPhoto(ctx, photo("ph-2", "VT-1001")))
	require.NoError(t, s.PutPhoto(ctx, photo("ph-other", "VT-1002")))

	_, _, err := s.Create(ctx, withPhotos(newReturn(returns.KindReturn, "VT-1001", "k1", t0, 3, "l1", 1), "ph-1", "ph-404"))
	assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err), "an unknown photo")
	_, _, err = s.Create(ctx, withPhotos(newReturn(returns.KindReturn, "VT-1001", "k2", t0, 3, "l1", 1), "ph-other"))
	assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err), "another order's photo")
	list, err := s.ListByOrder(ctx, "VT-1001")
	require.NoError(t, err)
	assert.Empty(t, list, "refused returns leave nothing behind")
	p, err := s.Photo(ctx, "ph-1")
	require.NoError(t, err)
	assert.Empty(t, p.ReturnNumber, "nor attach photos")

	r := create(t, s, withPhotos(newReturn(returns.KindReturn, "VT-1001", "k3", t0, 3, "l1", 1), "ph-1", "ph-2"))
	assert.Equal(t, []string{"ph-1", "ph-2"}, r.Lines[0].PhotoIDs)
	for _, id := range []string{"ph-1", "ph-2"} {
		p, err := s.Photo(ctx, id)
		require.NoError(t, err)
		assert.Equal(t, r.Number, p.ReturnNumber, id)
	}

	_, _, err = s.Create(ctx, withPhotos(newReturn(returns.KindReturn, "VT-1001", "k4", t0, 3, "l1", 1), "ph-2"))
	assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(err), "a photo already used by another return")

	again, created, err := s.Create(ctx, withPhotos(newReturn(returns.KindReturn, "VT-1001", "k3", t0, 3, "l1", 1), "ph-1", "ph-2"))
	require.NoError(t, err, "a resend with the same photos is the same return")
	assert.False(t, created)
	assert.Equal(t, r.Number, again.Number)
}

func testDeletePhoto(t *testing.T, s returns.Store) {
	ctx := context.Background()
	require.NoError(t, s.PutPhoto(ctx, photo("ph-1", "VT-1001")))
	require.NoError(t, s.PutPhoto(ctx, photo("ph-2", "VT-1001")))
	create(t, s, withPhotos(newReturn(returns.KindReturn, "VT-1001", "k", t0, 1, "l1", 1), "ph-2"))

	require.NoError(t, s.DeletePhoto(ctx, "ph-1"))
	_, err := s.Photo(ctx, "ph-1")
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(s.DeletePhoto(ctx, "ph-1")))
	assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(s.DeletePhoto(ctx, "ph-2")))
	_, err = s.Photo(ctx, "ph-2")
	assert.NoError(t, err, "an attached photo stays")
}

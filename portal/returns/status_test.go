package returns_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/returns"
	"vitrine/showroom/catalog"
)

const (
	requested   = returns.StatusRequested
	approved    = returns.StatusApproved
	inTransit   = returns.StatusInTransit
	received    = returns.StatusReceived
	inspected   = returns.StatusInspected
	refunded    = returns.StatusRefunded
	exchanged   = returns.StatusExchanged
	repaired    = returns.StatusRepaired
	shippedBack = returns.StatusShippedBack
	rejected    = returns.StatusRejected
)

// legal lists every allowed move, written out by hand from the issue so the
// test does not merely repeat the package's table.
var legal = map[returns.Kind][][2]returns.Status{
	returns.KindReturn: {
		{requested, approved}, {requested, rejected}, {approved, inTransit}, {inTransit, received},
		{received, inspected}, {received, rejected}, {inspected, refunded}, {inspected, rejected},
	},
	returns.KindExchange: {
		{requested, approved}, {requested, rejected}, {approved, inTransit}, {inTransit, received},
		{received, inspected}, {received, rejected}, {inspected, exchanged}, {inspected, rejected},
	},
	returns.KindRepair: {
		{requested, approved}, {requested, rejected}, {approved, inTransit}, {inTransit, received},
		{received, repaired}, {received, rejected}, {repaired, shippedBack},
	},
}

var allStatuses = []returns.Status{requested, approved, inTransit, received, inspected, refunded, exchanged, repaired, shippedBack, rejected}

func TestTransitionLegal(t *testing.T) {
	at := day(2025, 3, 12)
	for kind, moves := range legal {
		for _, m := range moves {
			t.Run(string(kind)+" "+string(m[0])+" to "+string(m[1]), func(t *testing.T) {
				r := &returns.Return{Number: "RT-000001", Kind: kind, Status: m[0],
					Timeline: []returns.Event{{Status: m[0], At: at.Add(-time.Hour), By: "x"}}}
				require.NoError(t, r.Transition(m[1], "ana@staff", "Items not as described", at))
				assert.Equal(t, m[1], r.Status)
				assert.Equal(t, at, r.UpdatedAt)
				require.Len(t, r.Timeline, 2)
				assert.Equal(t, returns.Event{Status: m[1], At: at, By: "ana@staff", Reason: "Items not as described"}, r.Timeline[1])
			})
		}
	}
}

// TestTransitionIllegal tries every move not in legal, for every kind.
func TestTransitionIllegal(t *testing.T) {
	at := day(2025, 3, 12)
	for kind, moves := range legal {
		ok := map[[2]returns.Status]bool{}
		for _, m := range moves {
			ok[m] = true
		}
		for _, from := range allStatuses {
			for _, to := range allStatuses {
				if ok[[2]returns.Status{from, to}] {
					continue
				}
				t.Run(string(kind)+" "+string(from)+" to "+string(to), func(t *testing.T) {
					r := &returns.Return{Number: "RT-000001", Kind: kind, Status: from}
					err := r.Transition(to, "ana@staff", "because", at)
					require.Error(t, err)
					assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(err))
					assert.Contains(t, catalog.ErrorMessage(err), "cannot move from "+string(from)+" to "+string(to))
					assert.Equal(t, from, r.Status, "status unchanged")
					assert.Empty(t, r.Timeline, "timeline unchanged")
				})
			}
		}
	}
}

func TestTransitionIllegalNamed(t *testing.T) {
	// The moves people are most likely to try by mistake, spelled out.
	for _, tc := range []struct {
		name     string
		kind     returns.Kind
		from, to returns.Status
	}{
		{"a return cannot be refunded before it is received", returns.KindReturn, requested, refunded},
		{"a return cannot be exchanged", returns.KindReturn, inspected, exchanged},
		{"an exchange cannot be refunded", returns.KindExchange, inspected, refunded},
		{"a return cannot be repaired", returns.KindReturn, received, repaired},
		{"a parcel in transit cannot be rejected", returns.KindReturn, inTransit, rejected},
		{"an approved request cannot be rejected", returns.KindExchange, approved, rejected},
		{"a refunded return is final", returns.KindReturn, refunded, rejected},
		{"a rejected request is final", returns.KindReturn, rejected, approved},
		{"approving twice is a conflict", returns.KindReturn, approved, approved},
		{"a repair cannot skip the workshop", returns.KindRepair, received, shippedBack},
		{"a repair cannot be inspected like a return", returns.KindRepair, received, inspected},
		{"an unknown status is refused", returns.KindReturn, requested, "lost"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &returns.Return{Number: "RT-000009", Kind: tc.kind, Status: tc.from}
			err := r.Transition(tc.to, "ana@staff", "x", day(2025, 3, 12))
			assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(err))
			ps := returns.Problems(err)
			require.Len(t, ps, 1)
			assert.Equal(t, "returns.err.illegal_transition", ps[0].Err.Key)
			assert.Equal(t, map[string]string{"from": string(tc.from), "to": string(tc.to)}, ps[0].Params)
		})
	}
}

func TestTransitionInvalid(t *testing.T) {
	for _, tc := range []struct {
		name, by, reason, field string
		to                      returns.Status
	}{
		{name: "a rejection needs a reason", by: "ana@staff", reason: "  ", to: rejected, field: "reason"},
		{name: "every move needs an actor", by: "", reason: "", to: approved, field: "by"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &returns.Return{Number: "RT-000001", Kind: returns.KindReturn, Status: requested}
			err := r.Transition(tc.to, tc.by, tc.reason, day(2025, 3, 12))
			var ce *catalog.Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, catalog.EINVALID, ce.Code)
			assert.Equal(t, tc.field, ce.Field)
			assert.Equal(t, requested, r.Status)
			assert.Empty(t, r.Timeline)
		})
	}
}

func TestTransitionFullJourneys(t *testing.T) {
	for _, tc := range []struct {
		kind returns.Kind
		path []returns.Status
	}{
		{returns.KindReturn, []returns.Status{approved, inTransit, received, inspected, refunded}},
		{returns.KindExchange, []returns.Status{approved, inTransit, received, inspected, exchanged}},
		{returns.KindRepair, []returns.Status{approved, inTransit, received, repaired, shippedBack}},
	} {
		t.Run(string(tc.kind), func(t *testing.T) {
			start := day(2025, 3, 10)
			r := &returns.Return{Kind: tc.kind, Status: requested, Timeline: []returns.Event{{Status: requested, At: start, By: returns.ByCustomer}}}
			for i, s := range tc.path {
				assert.True(t, r.Open())
				require.NoError(t, r.Transition(s, "staff", "", start.Add(time.Duration(i+1)*time.Hour)))
			}
			assert.False(t, r.Open(), "the journey ends in a final state")
			assert.Empty(t, returns.Next(tc.kind, r.Status))
			var got []returns.Status
			for _, e := range r.Timeline {
				got = append(got, e.Status)
			}
			assert.Equal(t, append([]returns.Status{requested}, tc.path...), got)
		})
	}
}

func TestNext(t *testing.T) {
	assert.Equal(t, []returns.Status{approved, rejected}, returns.Next(returns.KindReturn, requested))
	assert.Equal(t, []returns.Status{repaired, rejected}, returns.Next(returns.KindRepair, received))
	next := returns.Next(returns.KindReturn, requested)
	next[0] = refunded
	assert.Equal(t, []returns.Status{approved, rejected}, returns.Next(returns.KindReturn, requested), "callers cannot change the table")
}

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{returns.NewNumber(123), "RT-000123"},
		{returns.NewNumber(1), "RT-000001"},
		{returns.NewNumber(1234567), "RT-1234567"},
		{returns.NewRepairNumber(42), "RP-000042"},
		{returns.NumberFor(returns.KindRepair, 5), "RP-000005"},
		{returns.NumberFor(returns.KindExchange, 5), "RT-000005"},
	} {
		assert.Equal(t, tc.want, tc.got)
	}
	for s, ok := range map[string]bool{"RT-000123": true, "RP-000001": true, "RT-1234567": true,
		"RT-123": false, "rt-000123": false, "VT-1001": false, "RT-000123 ": false, "": false} {
		assert.Equal(t, ok, returns.ValidNumber(s), s)
	}
}

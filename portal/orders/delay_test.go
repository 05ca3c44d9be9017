package orders

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDelayNotices(t *testing.T) {
	promised := func(d int, o Order) Order { o.PromisedBy = date(d); return o }
	inTransit := func() []CarrierEvent { return journey("e", EventInTransit, at(-1, 0)) }
	for _, tc := range []struct {
		name     string
		order    Order
		now      time.Time
		reason   DelayReason // "" means no notice
		key      string
		promise  time.Time
		estimate time.Time
	}{
		{name: "on time has no notice", order: testOrder(ship(inTransit()...)), now: now},
		{name: "promised today is not late during the day",
			order: promised(12, testOrder(ship(inTransit()...))), now: time.Date(2025, 3, 12, 23, 59, 59, 0, time.UTC)},
		{name: "promised yesterday is late from midnight",
			order: promised(11, testOrder(ship(inTransit()...))), now: date(12),
			reason: ReasonLate, key: "S1/late/2025-03-11", promise: date(11), estimate: date(14)},
		{name: "late over a weekend counts business days",
			order: promised(7, testOrder(ship(journey("e", EventInTransit, date(6))...))), now: date(8),
			reason: ReasonLate, key: "S1/late/2025-03-07", promise: date(7), estimate: date(12)},
		{name: "long late never estimates a past date",
			order: promised(3, testOrder(ship(inTransit()...))), now: now,
			reason: ReasonLate, key: "S1/late/2025-03-03", promise: date(3), estimate: date(13)},
		{name: "carrier delay gives the carrier's estimate",
			order: testOrder(ship(append(inTransit(), CarrierEvent{EventID: "d1", Kind: EventDelay, At: at(0, -1), NewEstimate: time.Date(2025, 3, 18, 12, 0, 0, 0, time.UTC)})...)), now: now,
			reason: ReasonCarrierDelay, key: "S1/carrier_delay/d1", promise: date(14), estimate: date(18)},
		{name: "the latest carrier delay wins",
			order: testOrder(ship(append(inTransit(),
				CarrierEvent{EventID: "d2", Kind: EventDelay, At: at(0, -1), NewEstimate: date(20)},
				CarrierEvent{EventID: "d1", Kind: EventDelay, At: at(0, -2), NewEstimate: date(18)})...)), now: now,
			reason: ReasonCarrierDelay, key: "S1/carrier_delay/d2", promise: date(14), estimate: date(20)},
		{name: "a missed carrier estimate is late against it",
			order: testOrder(ship(append(inTransit(), CarrierEvent{EventID: "d1", Kind: EventDelay, At: at(-1, 1), NewEstimate: date(11)})...)), now: now,
			reason: ReasonLate, key: "S1/late/2025-03-11", promise: date(11), estimate: date(14)},
		{name: "failed attempt is retried the next business day",
			order: testOrder(ship(journey("e", EventOutForDelivery, time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC))...)), now: time.Date(2025, 3, 14, 18, 0, 0, 0, time.UTC),
			reason: ReasonFailedAttempt, key: "S1/failed_attempt/f1", promise: date(14), estimate: date(17)},
		{name: "failed attempt with the carrier's next attempt",
			order: testOrder(ship(journey("e", EventOutForDelivery, at(0, -3))...)), now: now,
			reason: ReasonFailedAttempt, key: "S1/failed_attempt/f1", promise: date(14), estimate: date(15)},
		{name: "returned to sender has no estimate",
			order: testOrder(ship(append(inTransit(), CarrierEvent{EventID: "r1", Kind: EventReturnedToSender, At: at(0, -1)})...)), now: now,
			reason: ReasonReturnedToSender, key: "S1/returned_to_sender/r1", promise: date(14)},
		{name: "delivered just in time has no notice",
			order: promised(11, testOrder(ship(journey("e", EventDelivered, time.Date(2025, 3, 11, 23, 30, 0, 0, time.UTC))...))), now: now},
		{name: "delivered late has no notice",
			order: promised(10, testOrder(ship(journey("e", EventDelivered, at(0, -1))...))), now: now},
		{name: "cancelled order has no notice",
			order: func() Order { o := promised(3, testOrder(ship(inTransit()...))); o.CancelledAt = at(-2, 0); return o }(), now: now},
		{name: "units not shipped after the promise are late",
			order: promised(11, testOrder()), now: now,
			reason: ReasonLate, key: "VT-2001/late/2025-03-11", promise: date(11), estimate: date(14)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Failed attempts in the table are added here, so the case can
			// say when the attempt was and whether the carrier re-planned.
			if tc.reason == ReasonFailedAttempt {
				s := &tc.order.Shipments[0]
				last := s.Events[len(s.Events)-1].At
				e := CarrierEvent{EventID: "f1", TrackingNumber: "TRK1", Kind: EventFailedAttempt, At: last.Add(time.Hour)}
				if tc.name == "failed attempt with the carrier's next attempt" {
					e.NewEstimate = date(15)
				}
				s.Events = append(s.Events, e)
			}
			require.NoError(t, tc.order.Validate())
			got := DelayNotices(tc.order, tc.now)
			if tc.reason == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			n := got[0]
			assert.Equal(t, tc.reason, n.Reason)
			assert.Equal(t, tc.key, n.Key)
			assert.Equal(t, tc.promise, n.PromisedBy)
			assert.Equal(t, tc.estimate, n.NewEstimate)
			assert.Equal(t, "VT-2001", n.OrderNumber)
			assert.Equal(t, "orders.delay.action."+string(tc.reason), n.ActionKey)
			assert.NotEmpty(t, n.Message)
			assert.NotEmpty(t, n.Action)
		})
	}
}

func TestDelayNoticeKeyIsStableWhileNothingChanges(t *testing.T) {
	o := testOrder(ship(journey("e", EventInTransit, at(-1, 0))...))
	o.PromisedBy = date(11)
	first := DelayNotices(o, now)
	later := DelayNotices(o, now.AddDate(0, 0, 5))
	require.Len(t, first, 1)
	require.Len(t, later, 1)
	assert.Equal(t, first[0].Key, later[0].Key)
}

func TestDelayNoticeKeyChangesWithANewException(t *testing.T) {
	o := testOrder(ship(append(journey("e", EventOutForDelivery, at(-1, 0)), ev("f1", EventFailedAttempt, at(-1, 1)))...))
	first := DelayNotices(o, now)
	o.Shipments[0].Events = append(o.Shipments[0].Events,
		evOn("TRK1", "o2", EventOutForDelivery, at(0, -3)), evOn("TRK1", "f2", EventFailedAttempt, at(0, -1)))
	second := DelayNotices(o, now)
	require.Len(t, first, 1)
	require.Len(t, second, 1)
	assert.NotEqual(t, first[0].Key, second[0].Key)
}

func TestStateShowsTheDelayNotice(t *testing.T) {
	o := testOrder(ship(journey("e", EventInTransit, at(-1, 0))...))
	o.PromisedBy = date(11)
	st := o.State(now)
	require.Len(t, st.Shipments, 1)
	require.NotNil(t, st.Shipments[0].Delay)
	assert.Equal(t, ReasonLate, st.Shipments[0].Delay.Reason)
	assert.Equal(t, st.Shipments[0].Delay.NewEstimate, st.Shipments[0].Estimate)
	assert.Equal(t, []DelayNotice{*st.Shipments[0].Delay}, st.Notices)
}

func TestAddBusinessDays(t *testing.T) {
	for _, tc := range []struct {
		name string
		from time.Time
		n    int
		want time.Time
	}{
		{"Wednesday plus one", date(12), 1, date(13)},
		{"Friday plus one is Monday", date(14), 1, date(17)},
		{"Thursday plus three skips the weekend", date(13), 3, date(18)},
		{"Saturday plus one is Monday", date(15), 1, date(17)},
		{"the time of day is dropped", time.Date(2025, 3, 12, 22, 0, 0, 0, time.UTC), 1, date(13)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, addBusinessDays(tc.from, tc.n))
		})
	}
}

package orders

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStateOfSingleShipment(t *testing.T) {
	late := func(o Order) Order { o.PromisedBy = date(10); return o }
	cancelled := func(o Order) Order { o.CancelledAt = at(-4, 0); return o }
	for _, tc := range []struct {
		name   string
		order  Order
		status Status
		step   int
	}{
		{"no shipment yet is confirmed", testOrder(), StatusConfirmed, 0},
		{"shipment without events is preparing", testOrder(ship()), StatusPreparing, 1},
		{"label created is still preparing", testOrder(ship(journey("e", EventLabelCreated, at(0, -1))...)), StatusPreparing, 1},
		{"picked up is shipped", testOrder(ship(journey("e", EventPickedUp, at(0, -1))...)), StatusShipped, 2},
		{"in transit", testOrder(ship(journey("e", EventInTransit, at(0, -1))...)), StatusInTransit, 3},
		{"out for delivery", testOrder(ship(journey("e", EventOutForDelivery, at(0, -1))...)), StatusOutForDelivery, 4},
		{"delivered", testOrder(ship(journey("e", EventDelivered, at(0, -1))...)), StatusDelivered, 5},
		{"past the promised date is delayed", late(testOrder(ship(journey("e", EventInTransit, at(0, -1))...))), StatusDelayed, 3},
		{"late but out for delivery stays out for delivery", late(testOrder(ship(journey("e", EventOutForDelivery, at(0, -1))...))), StatusOutForDelivery, 4},
		{"carrier delay exception is delayed", testOrder(ship(append(journey("e", EventInTransit, at(0, -2)),
			CarrierEvent{EventID: "x", Kind: EventDelay, At: at(0, -1), NewEstimate: date(18)})...)), StatusDelayed, 3},
		{"in transit after a carrier delay stays delayed", testOrder(ship(append(journey("e", EventPickedUp, at(0, -3)),
			CarrierEvent{EventID: "x", Kind: EventDelay, At: at(0, -2), NewEstimate: date(18)},
			CarrierEvent{EventID: "y", Kind: EventInTransit, At: at(0, -1)})...)), StatusDelayed, 3},
		{"failed attempt", testOrder(ship(append(journey("e", EventOutForDelivery, at(0, -2)),
			CarrierEvent{EventID: "x", Kind: EventFailedAttempt, At: at(0, -1)})...)), StatusAttemptFailed, 4},
		{"failed attempt on a late shipment is still a failed attempt", late(testOrder(ship(append(journey("e", EventOutForDelivery, at(0, -2)),
			CarrierEvent{EventID: "x", Kind: EventFailedAttempt, At: at(0, -1)})...))), StatusAttemptFailed, 4},
		{"second attempt after a failed one is out for delivery", testOrder(ship(append(journey("e", EventOutForDelivery, at(-1, 0)),
			CarrierEvent{EventID: "x", Kind: EventFailedAttempt, At: at(-1, 2)},
			CarrierEvent{EventID: "y", Kind: EventOutForDelivery, At: at(0, -1)})...)), StatusOutForDelivery, 4},
		{"returned to sender is a failed delivery", testOrder(ship(append(journey("e", EventInTransit, at(0, -2)),
			CarrierEvent{EventID: "x", Kind: EventReturnedToSender, At: at(0, -1)})...)), StatusAttemptFailed, 3},
		{"cancelled without shipment", cancelled(testOrder()), StatusCancelled, 0},
		{"cancelled after a shipment was prepared", cancelled(testOrder(ship())), StatusCancelled, 0},
		{"stray scan after delivery keeps it delivered", testOrder(ship(append(journey("e", EventDelivered, at(0, -2)),
			CarrierEvent{EventID: "x", Kind: EventInTransit, At: at(0, -1)})...)), StatusDelivered, 5},
		{"delivered late is delivered", late(testOrder(ship(journey("e", EventDelivered, at(0, -1))...))), StatusDelivered, 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, tc.order.Validate())
			st := tc.order.State(now)
			assert.Equal(t, tc.status, st.Status)
			assert.Equal(t, tc.step, st.Progress.Step)
			assert.False(t, st.PartlyDelivered)
		})
	}
}

func TestStateOrdersEventsByTimeNotArrival(t *testing.T) {
	for _, tc := range []struct {
		name   string
		events []CarrierEvent
		status Status
		ids    []string
	}{
		{"later scan arrived before an earlier one",
			[]CarrierEvent{ev("b", EventInTransit, at(0, -1)), ev("a", EventPickedUp, at(0, -5))},
			StatusInTransit, []string{"a", "b"}},
		{"delivery arrived before out for delivery",
			[]CarrierEvent{ev("c", EventDelivered, at(0, -1)), ev("a", EventPickedUp, at(-1, 0)), ev("b", EventOutForDelivery, at(0, -3))},
			StatusDelivered, []string{"a", "b", "c"}},
		{"same instant orders by progress",
			[]CarrierEvent{ev("b", EventDelivered, at(0, -1)), ev("a", EventOutForDelivery, at(0, -1))},
			StatusDelivered, []string{"a", "b"}},
		{"failed attempt arrived after the later second attempt",
			[]CarrierEvent{ev("c", EventOutForDelivery, at(0, -1)), ev("a", EventOutForDelivery, at(-1, 0)), ev("b", EventFailedAttempt, at(-1, 2))},
			StatusOutForDelivery, []string{"a", "b", "c"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := testOrder(ship(tc.events...))
			require.NoError(t, o.Validate())
			st := o.State(now)
			assert.Equal(t, tc.status, st.Status)
			require.Len(t, st.Shipments, 1)
			var ids []string
			for _, e := range st.Shipments[0].Timeline {
				ids = append(ids, e.EventID)
			}
			assert.Equal(t, tc.ids, ids)
		})
	}
}

func TestStateAppliesDuplicateEventsOnce(t *testing.T) {
	// The carrier retried the webhook; the store normally drops the copy,
	// but the rules must not count it twice either. The first arrival wins.
	events := []CarrierEvent{
		ev("a", EventPickedUp, at(0, -5)),
		ev("b", EventInTransit, at(0, -3)),
		ev("b", EventDelivered, at(0, -1)),
		ev("a", EventPickedUp, at(0, -5)),
	}
	st := (&Order{Number: "VT-2001", PromisedBy: date(14), Lines: testOrder().Lines, Shipments: []Shipment{ship(events...)}}).State(now)
	require.Len(t, st.Shipments, 1)
	assert.Len(t, st.Shipments[0].Timeline, 2)
	assert.Equal(t, StatusInTransit, st.Status)
}

func TestTimelineDoesNotModifyItsInput(t *testing.T) {
	events := []CarrierEvent{ev("b", EventInTransit, at(0, -1)), ev("a", EventPickedUp, at(0, -5)), ev("a", EventPickedUp, at(0, -5))}
	tl := Timeline(events)
	assert.Len(t, tl, 2)
	assert.Equal(t, "b", events[0].EventID)
	assert.Len(t, events, 3)
}

func TestStateOfSplitShipments(t *testing.T) {
	line1 := []ShipmentItem{{LineID: 1, Qty: 1}}
	line2 := []ShipmentItem{{LineID: 2, Qty: 2}}
	delivered := func(id, trk string, day int) Shipment {
		return shipOn(id, trk, line1, journey(id, EventDelivered, at(day, 0))...)
	}
	second := func(upTo EventKind, extra ...CarrierEvent) Shipment {
		return shipOn("S2", "TRK2", line2, append(journey("s2", upTo, at(0, -2)), extra...)...)
	}
	late := func(o Order) Order {
		o.PromisedBy = date(10)
		return o
	}
	for _, tc := range []struct {
		name     string
		order    Order
		status   Status
		step     int
		partly   bool
		notices  int
		delivery time.Time
	}{
		{"one delivered, one in transit is in transit", testOrder(delivered("S1", "TRK1", -2), second(EventInTransit)),
			StatusInTransit, 3, true, 0, time.Time{}},
		{"both delivered is delivered when the last one was", testOrder(delivered("S1", "TRK1", -2), second(EventDelivered)),
			StatusDelivered, 5, false, 0, at(0, -2)},
		{"one delivered, one failed attempt is a failed attempt", testOrder(delivered("S1", "TRK1", -2), second(EventOutForDelivery, ev("f", EventFailedAttempt, at(0, -1)))),
			StatusAttemptFailed, 4, true, 1, time.Time{}},
		{"least advanced of two undelivered shipments wins", testOrder(shipOn("S1", "TRK1", line1, journey("s1", EventOutForDelivery, at(0, -1))...), second(EventPickedUp)),
			StatusShipped, 2, false, 0, time.Time{}},
		{"a delayed shipment beats a more advanced one", late(testOrder(shipOn("S1", "TRK1", line1, journey("s1", EventInTransit, at(0, -1))...), second(EventOutForDelivery))),
			StatusDelayed, 3, false, 2, time.Time{}},
		{"a failed attempt beats a delay", late(testOrder(shipOn("S1", "TRK1", line1, journey("s1", EventInTransit, at(0, -1))...), second(EventOutForDelivery, ev("f", EventFailedAttempt, at(0, -1))))),
			StatusAttemptFailed, 4, false, 2, time.Time{}},
		{"units in no shipment yet are being prepared", testOrder(delivered("S1", "TRK1", -2)),
			StatusPreparing, 1, true, 0, time.Time{}},
		{"units in no shipment after the promise are delayed", late(testOrder(delivered("S1", "TRK1", -2))),
			StatusDelayed, 1, true, 1, time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, tc.order.Validate())
			st := tc.order.State(now)
			assert.Equal(t, tc.status, st.Status)
			assert.Equal(t, tc.step, st.Progress.Step)
			assert.Equal(t, tc.partly, st.PartlyDelivered)
			assert.Len(t, st.Notices, tc.notices)
			assert.Equal(t, tc.delivery, st.DeliveredAt)
			assert.Len(t, st.Shipments, len(tc.order.Shipments))
		})
	}
}

func TestShipmentEstimate(t *testing.T) {
	withEstimate := ship(journey("e", EventInTransit, at(0, -1))...)
	withEstimate.EstimatedAt = time.Date(2025, 3, 13, 15, 0, 0, 0, time.UTC)
	ownPromise := ship(journey("e", EventInTransit, at(0, -1))...)
	ownPromise.PromisedBy = date(17)
	for _, tc := range []struct {
		name     string
		shipment Shipment
		want     time.Time
	}{
		{"the promised date when nothing else is known", ship(journey("e", EventInTransit, at(0, -1))...), date(14)},
		{"the shipment's own promise over the order's", ownPromise, date(17)},
		{"the estimate given at shipping", withEstimate, date(13)},
		{"the carrier's new estimate", ship(append(journey("e", EventInTransit, at(0, -2)),
			ev("x", EventDelay, at(0, -1)))...), date(19)},
		{"today when out for delivery", ship(journey("e", EventOutForDelivery, at(0, -1))...), date(12)},
		{"nothing once delivered", ship(journey("e", EventDelivered, at(0, -1))...), time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for i := range tc.shipment.Events {
				if tc.shipment.Events[i].Kind == EventDelay {
					tc.shipment.Events[i].NewEstimate = date(19)
				}
			}
			o := testOrder(tc.shipment)
			require.NoError(t, o.Validate())
			st := o.State(now)
			require.Len(t, st.Shipments, 1)
			assert.Equal(t, tc.want, st.Shipments[0].Estimate)
		})
	}
}

func TestProgressFraction(t *testing.T) {
	assert.InDelta(t, 0.0, Progress{Step: 0}.Fraction(), 1e-9)
	assert.InDelta(t, 0.6, Progress{Step: 3}.Fraction(), 1e-9)
	assert.InDelta(t, 1.0, Progress{Step: LastStep}.Fraction(), 1e-9)
}

func TestLineDeliveredAt(t *testing.T) {
	first := func(events ...CarrierEvent) Shipment {
		return shipOn("S1", "TRK1", []ShipmentItem{{LineID: 1, Qty: 1}, {LineID: 2, Qty: 1}}, events...)
	}
	second := func(events ...CarrierEvent) Shipment {
		return shipOn("S2", "TRK2", []ShipmentItem{{LineID: 2, Qty: 1}}, events...)
	}
	both := testOrder(first(journey("a", EventDelivered, at(-3, 0))...), second(journey("b", EventDelivered, at(-1, 0))...))
	oneLeft := testOrder(first(journey("a", EventDelivered, at(-3, 0))...), second(journey("b", EventInTransit, at(-1, 0))...))
	notShipped := testOrder(first(journey("a", EventDelivered, at(-3, 0))...))
	for _, tc := range []struct {
		name  string
		order Order
		line  int
		want  time.Time
		ok    bool
	}{
		{"a line in one delivered shipment", oneLeft, 1, at(-3, 0), true},
		{"a line split over two delivered shipments counts from the last", both, 2, at(-1, 0), true},
		{"a line with one unit still in transit is not delivered", oneLeft, 2, time.Time{}, false},
		{"a line with one unit not shipped is not delivered", notShipped, 2, time.Time{}, false},
		{"an unknown line is not delivered", both, 9, time.Time{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, tc.order.Validate())
			got, ok := tc.order.LineDeliveredAt(tc.line)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

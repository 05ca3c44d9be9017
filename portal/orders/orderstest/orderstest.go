// Package orderstest is the conformance suite of orders.Store: every
// implementation (SQLite today, PostgreSQL later) runs Run from its own tests
// and so keeps the same promises, the error contracts included.
package orderstest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// Run runs the suite. open must return a new, empty store for each call;
// every test opens its own.
func Run(t *testing.T, open func(t *testing.T) orders.Store) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s orders.Store)
	}{
		{"CreateThenGetPreservesEverything", testRoundTrip},
		{"CreateThenGetAMinimalCancelledOrder", testRoundTripMinimal},
		{"CreateRejectsAnInvalidOrder", testCreateInvalid},
		{"CreateConflictsOnADuplicateNumber", testDuplicateNumber},
		{"CreateConflictsOnATakenTrackingNumberAndWritesNothing", testDuplicateTracking},
		{"CreateConflictsOnATakenEventID", testDuplicateEventID},
		{"GetUnknownOrderIsNotFound", testNotFound},
		{"AddEventAppliesEachEventIDOnce", testAddEventIdempotent},
		{"AddEventKeepsArrivalOrder", testAddEventOutOfOrder},
		{"AddEventErrors", testAddEventErrors},
		{"OpenOrdersAreTheUndeliveredOnes", testOpenOrders},
		{"SendNoticeOncePerKey", testSendNotice},
		{"SendNoticeErrors", testSendNoticeErrors},
		{"OutboxKeepsMessagesInOrder", testOutbox},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, open(t))
		})
	}
}

// base is the suite's reference time, in a zone that is not UTC so that the
// store's conversion to UTC is checked, with nanoseconds so that precision is.
var base = time.Date(2025, 3, 12, 10, 30, 15, 123456789, time.FixedZone("CET", 3600))

func day(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }

func ev(trk, id string, kind orders.EventKind, at time.Time) orders.CarrierEvent {
	return orders.CarrierEvent{EventID: id, TrackingNumber: trk, Kind: kind, At: at, Place: "Zaragoza hub", Description: "Scanned"}
}

// fullOrder returns an order that uses every field: two lines (one
// configured), two shipments with their own promise and estimate, and
// events with a new estimate.
func fullOrder(number, trk1, trk2 string) *orders.Order {
	return &orders.Order{
		Number:     number,
		Email:      "Ana.Lopez@example.com",
		Postcode:   "28009",
		Name:       "Ana López",
		Address:    orders.Address{Lines: []string{"Calle de Alcalá 123", "4º B"}, City: "Madrid", Postcode: "28 009", Country: "ES"},
		Locale:     "es",
		PlacedAt:   base.Add(-10 * 24 * time.Hour),
		PromisedBy: day(14),
		Lines: []orders.Line{
			{ID: 2, Slug: "modular-sofa", SKU: "VT-LR-001", Category: "living-room",
				Name:      catalog.Text{"en": "Modular sofa", "es": "Sofá modular", "zh-Hans": "模块化沙发", "ro": "Canapea modulară"},
				UnitPrice: catalog.EUR(129800), Qty: 1, Configured: true,
				Configuration:  `{"product":"modular-sofa","options":[{"choice":"cover","option":"forest-green"}],"total":{"amount":129800,"currency":"EUR"}}`,
				WarrantyMonths: 60},
			{ID: 1, Slug: "cycling-helmet", SKU: "VT-CY-002", Category: "cycling",
				Name: catalog.Text{"en": "Cycling helmet"}, UnitPrice: catalog.EUR(6990), Qty: 3, FinalSale: true, WarrantyMonths: 12},
		},
		Shipments: []orders.Shipment{
			{ID: number + "-1", Carrier: "SEUR", TrackingNumber: trk1,
				Items: []orders.ShipmentItem{{LineID: 1, Qty: 2}, {LineID: 2, Qty: 1}},
				Events: []orders.CarrierEvent{
					ev(trk1, trk1+"-b", orders.EventInTransit, base.Add(-2*time.Hour)),
					ev(trk1, trk1+"-a", orders.EventPickedUp, base.Add(-26*time.Hour)),
					{EventID: trk1 + "-c", TrackingNumber: trk1, Kind: orders.EventDelay, At: base.Add(-time.Hour), NewEstimate: day(18)},
				}},
			{ID: number + "-2", Carrier: "Correos Express", TrackingNumber: trk2,
				Items:       []orders.ShipmentItem{{LineID: 1, Qty: 1}},
				PromisedBy:  day(13),
				EstimatedAt: base.Add(24 * time.Hour),
			},
		},
		Totals: orders.Totals{Subtotal: catalog.EUR(150770), Shipping: catalog.EUR(0), VAT: catalog.EUR(26167),
			Total: catalog.EUR(150770), PaymentMethod: "bizum"},
	}
}

// simpleOrder returns a valid order of one line; with a tracking number it
// has one shipment carrying it, with the given events.
func simpleOrder(number string, placed time.Time, trk string, events ...orders.CarrierEvent) *orders.Order {
	o := &orders.Order{
		Number: number, Email: "li.wei@example.com", Postcode: "200040", Name: "Li Wei",
		Address:  orders.Address{Lines: []string{"南京西路 1266 号"}, City: "上海", Postcode: "200040", Country: "CN"},
		Locale:   "zh-Hans",
		PlacedAt: placed, PromisedBy: day(20),
		Lines: []orders.Line{{ID: 1, Slug: "laptop-14", SKU: "VT-CO-001", Category: "computing",
			Name: catalog.Text{"en": "Laptop 14"}, UnitPrice: catalog.EUR(119900), Qty: 1, WarrantyMonths: 24}},
		Totals: orders.Totals{Subtotal: catalog.EUR(119900), Shipping: catalog.EUR(0), VAT: catalog.EUR(0),
			Total: catalog.EUR(119900), PaymentMethod: "alipay"},
	}
	if trk != "" {
		o.Shipments = []orders.Shipment{{ID: number + "-1", Carrier: "DHL", TrackingNumber: trk,
			Items: []orders.ShipmentItem{{LineID: 1, Qty: 1}}, Events: events}}
	}
	return o
}

// stored returns what the store must give back for o: every time in UTC and
// every event with its shipment's id.
func stored(o *orders.Order) *orders.Order {
	c := *o
	utc := func(t time.Time) time.Time {
		if t.IsZero() {
			return t
		}
		return t.UTC()
	}
	c.PlacedAt, c.PromisedBy, c.CancelledAt = utc(c.PlacedAt), utc(c.PromisedBy), utc(c.CancelledAt)
	c.Shipments = nil
	for _, s := range o.Shipments {
		s.PromisedBy, s.EstimatedAt = utc(s.PromisedBy), utc(s.EstimatedAt)
		var events []orders.CarrierEvent
		for _, e := range s.Events {
			e.ShipmentID, e.At, e.NewEstimate = s.ID, utc(e.At), utc(e.NewEstimate)
			events = append(events, e)
		}
		s.Events = events
		c.Shipments = append(c.Shipments, s)
	}
	return &c
}

func code(t *testing.T, want string, err error) {
	t.Helper()
	require.Error(t, err)
	assert.Equal(t, want, catalog.ErrorCode(err), "error: %v", err)
}

func testRoundTrip(t *testing.T, s orders.Store) {
	ctx := context.Background()
	o := fullOrder("VT-1001", "TRK-A1", "TRK-A2")
	require.NoError(t, s.CreateOrder(ctx, o))
	got, err := s.Order(ctx, "VT-1001")
	require.NoError(t, err)
	assert.Equal(t, stored(o), got)
	assert.Equal(t, time.UTC, got.PlacedAt.Location())
	assert.Equal(t, stored(o).State(base.Add(time.Hour)), got.State(base.Add(time.Hour)), "the derived state is the same")
}

func testRoundTripMinimal(t *testing.T, s orders.Store) {
	ctx := context.Background()
	o := simpleOrder("VT-1009", base, "")
	o.CancelledAt = base.Add(time.Hour)
	o.Address.Lines = []string{}
	o.Lines[0].Name = catalog.Text{"en": "Laptop 14", "es": ""}
	require.NoError(t, s.CreateOrder(ctx, o))
	got, err := s.Order(ctx, "VT-1009")
	require.NoError(t, err)
	assert.Equal(t, stored(o), got)
	assert.Nil(t, got.Shipments)
	assert.Equal(t, orders.StatusCancelled, got.State(base).Status)
}

func testCreateInvalid(t *testing.T, s orders.Store) {
	ctx := context.Background()
	o := simpleOrder("VT-1002", base, "TRK-B1")
	o.Lines[0].Qty = 0
	code(t, catalog.EINVALID, s.CreateOrder(ctx, o))
	_, err := s.Order(ctx, "VT-1002")
	code(t, catalog.ENOTFOUND, err)
}

func testDuplicateNumber(t *testing.T, s orders.Store) {
	ctx := context.Background()
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-1003", base, "TRK-C1")))
	other := simpleOrder("VT-1003", base, "TRK-C2")
	other.Email = "someone.else@example.com"
	code(t, catalog.ECONFLICT, s.CreateOrder(ctx, other))
	got, err := s.Order(ctx, "VT-1003")
	require.NoError(t, err)
	assert.Equal(t, "li.wei@example.com", got.Email, "the first order is untouched")
}

func testDuplicateTracking(t *testing.T, s orders.Store) {
	ctx := context.Background()
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-1004", base, "TRK-D1")))
	// The second order's first shipment is new; its second reuses TRK-D1.
	o := fullOrder("VT-1005", "TRK-D2", "TRK-D1")
	code(t, catalog.ECONFLICT, s.CreateOrder(ctx, o))
	_, err := s.Order(ctx, "VT-1005")
	code(t, catalog.ENOTFOUND, err)
	// Nothing of the failed order was kept: its first tracking number is free.
	_, _, err = s.AddEvent(ctx, ev("TRK-D2", "e-new", orders.EventInTransit, base))
	code(t, catalog.ENOTFOUND, err)
}

func testDuplicateEventID(t *testing.T, s orders.Store) {
	ctx := context.Background()
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-1006", base, "TRK-E1", ev("TRK-E1", "shared", orders.EventPickedUp, base))))
	code(t, catalog.ECONFLICT, s.CreateOrder(ctx, simpleOrder("VT-1007", base, "TRK-E2", ev("TRK-E2", "shared", orders.EventPickedUp, base))))
	_, err := s.Order(ctx, "VT-1007")
	code(t, catalog.ENOTFOUND, err)
}

func testNotFound(t *testing.T, s orders.Store) {
	_, err := s.Order(context.Background(), "VT-9999")
	code(t, catalog.ENOTFOUND, err)
}

func testAddEventIdempotent(t *testing.T, s orders.Store) {
	ctx := context.Background()
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-1010", base, "TRK-F1", ev("TRK-F1", "f-1", orders.EventPickedUp, base))))
	e := ev("TRK-F1", "f-2", orders.EventInTransit, base.Add(time.Hour))

	number, added, err := s.AddEvent(ctx, e)
	require.NoError(t, err)
	assert.Equal(t, "VT-1010", number)
	assert.True(t, added)

	retry := e
	retry.Kind = orders.EventDelivered // A retry never rewrites what was applied.
	number, added, err = s.AddEvent(ctx, retry)
	require.NoError(t, err)
	assert.Equal(t, "VT-1010", number)
	assert.False(t, added)

	_, added, err = s.AddEvent(ctx, ev("TRK-F1", "f-1", orders.EventPickedUp, base))
	require.NoError(t, err)
	assert.False(t, added, "an event stored with the order counts too")

	got, err := s.Order(ctx, "VT-1010")
	require.NoError(t, err)
	require.Len(t, got.Shipments, 1)
	require.Len(t, got.Shipments[0].Events, 2)
	assert.Equal(t, orders.EventInTransit, got.Shipments[0].Events[1].Kind)
	assert.Equal(t, "VT-1010-1", got.Shipments[0].Events[1].ShipmentID)
}

func testAddEventOutOfOrder(t *testing.T, s orders.Store) {
	ctx := context.Background()
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-1011", base, "TRK-G1")))
	for _, e := range []orders.CarrierEvent{
		ev("TRK-G1", "g-3", orders.EventOutForDelivery, base.Add(3*time.Hour)),
		ev("TRK-G1", "g-1", orders.EventPickedUp, base.Add(time.Hour)),
		{EventID: "g-2", ShipmentID: "VT-1011-1", TrackingNumber: "TRK-G1", Kind: orders.EventDelay, At: base.Add(2 * time.Hour), NewEstimate: day(21)},
	} {
		_, added, err := s.AddEvent(ctx, e)
		require.NoError(t, err)
		require.True(t, added)
	}
	got, err := s.Order(ctx, "VT-1011")
	require.NoError(t, err)
	var ids []string
	for _, e := range got.Shipments[0].Events {
		ids = append(ids, e.EventID)
	}
	assert.Equal(t, []string{"g-3", "g-1", "g-2"}, ids, "events come back in arrival order")
	assert.Equal(t, day(21), got.Shipments[0].Events[2].NewEstimate)
	assert.Equal(t, orders.StatusOutForDelivery, got.State(base.Add(4*time.Hour)).Status)
}

func testAddEventErrors(t *testing.T, s orders.Store) {
	ctx := context.Background()
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-1012", base, "TRK-H1")))
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-1013", base, "TRK-H2")))
	for _, tc := range []struct {
		name  string
		event orders.CarrierEvent
		code  string
	}{
		{"unknown tracking number", ev("TRK-NONE", "h-1", orders.EventInTransit, base), catalog.ENOTFOUND},
		{"shipment id of another shipment", orders.CarrierEvent{EventID: "h-2", ShipmentID: "VT-1013-1", TrackingNumber: "TRK-H1",
			Kind: orders.EventInTransit, At: base}, catalog.ENOTFOUND},
		{"invalid event", ev("TRK-H1", "h-3", "teleported", base), catalog.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, added, err := s.AddEvent(ctx, tc.event)
			code(t, tc.code, err)
			assert.False(t, added)
		})
	}
	got, err := s.Order(ctx, "VT-1012")
	require.NoError(t, err)
	assert.Empty(t, got.Shipments[0].Events)
}

func testOpenOrders(t *testing.T, s orders.Store) {
	ctx := context.Background()
	delivered := func(trk string) []orders.CarrierEvent {
		return []orders.CarrierEvent{ev(trk, trk+"-1", orders.EventPickedUp, base), ev(trk, trk+"-2", orders.EventDelivered, base.Add(time.Hour))}
	}
	cancelled := simpleOrder("VT-2004", base.Add(-4*time.Hour), "")
	cancelled.CancelledAt = base
	partial := fullOrder("VT-2005", "TRK-I5", "TRK-I6")
	partial.Shipments = partial.Shipments[1:] // Line 1 has one unit of three shipped, line 2 none.
	partial.Shipments[0].Events = delivered("TRK-I6")
	partial.PlacedAt = base.Add(-5 * time.Hour)
	for _, o := range []*orders.Order{
		simpleOrder("VT-2001", base.Add(-1*time.Hour), "TRK-I1", delivered("TRK-I1")...),
		simpleOrder("VT-2002", base.Add(-2*time.Hour), "TRK-I2", ev("TRK-I2", "TRK-I2-1", orders.EventInTransit, base)),
		simpleOrder("VT-2003", base.Add(-3*time.Hour), ""),
		cancelled,
		partial,
	} {
		require.NoError(t, s.CreateOrder(ctx, o))
	}
	open := func() []string {
		os, err := s.OpenOrders(ctx)
		require.NoError(t, err)
		var numbers []string
		for _, o := range os {
			numbers = append(numbers, o.Number)
		}
		return numbers
	}
	assert.Equal(t, []string{"VT-2005", "VT-2003", "VT-2002"}, open(), "oldest first")

	_, _, err := s.AddEvent(ctx, ev("TRK-I2", "TRK-I2-2", orders.EventDelivered, base.Add(time.Hour)))
	require.NoError(t, err)
	assert.Equal(t, []string{"VT-2005", "VT-2003"}, open(), "a delivered order is no longer open")

	os, err := s.OpenOrders(ctx)
	require.NoError(t, err)
	require.NotEmpty(t, os)
	assert.Equal(t, stored(partial), &os[0], "open orders come whole")
}

func testSendNotice(t *testing.T, s orders.Store) {
	ctx := context.Background()
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-3001", base, "TRK-J1")))
	mail := orders.OutboxMessage{To: "li.wei@example.com", Subject: "Your order VT-3001 is late", Body: "Sorry.",
		Kind: orders.MailDelayNotice, CreatedAt: base}

	sent, err := s.SendNotice(ctx, "VT-3001", "VT-3001-1/late/2025-03-20", mail)
	require.NoError(t, err)
	assert.True(t, sent)

	sent, err = s.SendNotice(ctx, "VT-3001", "VT-3001-1/late/2025-03-20", mail)
	require.NoError(t, err)
	assert.False(t, sent, "the same key is sent once")

	box, err := s.Outbox(ctx, "VT-3001")
	require.NoError(t, err)
	require.Len(t, box, 1)
	assert.Equal(t, "VT-3001", box[0].OrderNumber, "the message is filed under the order")
	assert.Equal(t, orders.MailDelayNotice, box[0].Kind)

	sent, err = s.SendNotice(ctx, "VT-3001", "VT-3001-1/failed_attempt/ev-9", mail)
	require.NoError(t, err)
	assert.True(t, sent, "another key is another notice")
	box, err = s.Outbox(ctx, "VT-3001")
	require.NoError(t, err)
	assert.Len(t, box, 2)
}

func testSendNoticeErrors(t *testing.T, s orders.Store) {
	ctx := context.Background()
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-3002", base, "")))
	mail := orders.OutboxMessage{To: "li.wei@example.com", Subject: "Late", Kind: orders.MailDelayNotice}
	for _, tc := range []struct {
		name, number, key string
		mail              orders.OutboxMessage
		code              string
	}{
		{"unknown order", "VT-9999", "k1", mail, catalog.ENOTFOUND},
		{"empty key", "VT-3002", "", mail, catalog.EINVALID},
		{"no recipient", "VT-3002", "k2", orders.OutboxMessage{Subject: "Late"}, catalog.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sent, err := s.SendNotice(ctx, tc.number, tc.key, tc.mail)
			code(t, tc.code, err)
			assert.False(t, sent)
		})
	}
	box, err := s.Outbox(ctx, "")
	require.NoError(t, err)
	assert.Empty(t, box, "a failed notice writes no email")
	// A failed notice did not record its key either.
	sent, err := s.SendNotice(ctx, "VT-3002", "k2", mail)
	require.NoError(t, err)
	assert.True(t, sent)
}

func testOutbox(t *testing.T, s orders.Store) {
	ctx := context.Background()
	first := orders.OutboxMessage{To: "ana.lopez@example.com", Subject: "Order VT-4001 confirmed", Body: "Thank you.\nLine two.",
		Kind: orders.MailConfirmation, OrderNumber: "VT-4001", CreatedAt: base}
	second := orders.OutboxMessage{To: "li.wei@example.com", Subject: "Your parcel is on its way", Body: "你的包裹已发出。",
		Kind: orders.MailUpdate, OrderNumber: "VT-4002", CreatedAt: base.Add(time.Minute)}
	third := orders.OutboxMessage{To: "help@example.com", Subject: "No order", Kind: "contact"}

	id1, err := s.AddOutbox(ctx, first)
	require.NoError(t, err)
	id2, err := s.AddOutbox(ctx, second)
	require.NoError(t, err)
	id3, err := s.AddOutbox(ctx, third)
	require.NoError(t, err)
	assert.Less(t, id1, id2)
	assert.Less(t, id2, id3)

	all, err := s.Outbox(ctx, "")
	require.NoError(t, err)
	require.Len(t, all, 3)
	first.ID, first.CreatedAt = id1, base.UTC()
	second.ID, second.CreatedAt = id2, base.Add(time.Minute).UTC()
	assert.Equal(t, first, all[0])
	assert.Equal(t, second, all[1])
	assert.Equal(t, id3, all[2].ID)
	assert.False(t, all[2].CreatedAt.IsZero(), "CreatedAt defaults to the store's clock")
	assert.Equal(t, time.UTC, all[2].CreatedAt.Location())

	mine, err := s.Outbox(ctx, "VT-4002")
	require.NoError(t, err)
	assert.Equal(t, []orders.OutboxMessage{second}, mine)

	_, err = s.AddOutbox(ctx, orders.OutboxMessage{To: "x@example.com"})
	code(t, catalog.EINVALID, err)
}

package orders

import (
	"fmt"
	"time"

	"vitrine/showroom/catalog"
)

// now is the fixed clock of the tests: Wednesday 12 March 2025, 10:00 UTC.
var now = time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC)

// at returns now moved by days and hours.
func at(days int, hours float64) time.Time {
	return now.AddDate(0, 0, days).Add(time.Duration(hours * float64(time.Hour)))
}

// date returns midnight UTC of 2025-03-d.
func date(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }

// ev returns an event of the shipment with tracking number "TRK1".
func ev(id string, kind EventKind, when time.Time) CarrierEvent {
	return CarrierEvent{EventID: id, TrackingNumber: "TRK1", Kind: kind, At: when, Place: "Madrid", Description: string(kind)}
}

// evOn returns an event of the shipment with tracking number trk.
func evOn(trk, id string, kind EventKind, when time.Time) CarrierEvent {
	e := ev(id, kind, when)
	e.TrackingNumber = trk
	return e
}

// testOrder returns a valid order of two lines, promised for Friday 14
// March, with the given shipments.
func testOrder(shipments ...Shipment) Order {
	return Order{
		Number:     "VT-2001",
		Email:      "Ana.Lopez@example.com",
		Postcode:   "28013",
		Name:       "Ana López",
		Address:    Address{Lines: []string{"Calle Mayor 1", "3º B"}, City: "Madrid", Postcode: "28 013", Country: "ES"},
		Locale:     "es",
		PlacedAt:   at(-5, 0),
		PromisedBy: date(14),
		Lines: []Line{
			{ID: 1, Slug: "oak-coffee-table", SKU: "LR-OCT", Category: "living-room", Name: catalog.Text{"en": "Oak coffee table"}, UnitPrice: catalog.EUR(24900), Qty: 1, WarrantyMonths: 24},
			{ID: 2, Slug: "u-lock", SKU: "CY-ULK", Category: "cycling", Name: catalog.Text{"en": "U-lock"}, UnitPrice: catalog.EUR(4900), Qty: 2, WarrantyMonths: 24},
		},
		Shipments: shipments,
		Totals: Totals{
			Subtotal: catalog.EUR(34700), Shipping: catalog.EUR(0), VAT: catalog.EUR(6022), Total: catalog.EUR(34700),
			PaymentMethod: "card",
		},
	}
}

// ship returns a shipment carrying every unit of both lines of testOrder,
// tracked as "TRK1", with events.
func ship(events ...CarrierEvent) Shipment {
	return shipOn("S1", "TRK1", []ShipmentItem{{LineID: 1, Qty: 1}, {LineID: 2, Qty: 2}}, events...)
}

// shipOn returns a shipment with the given id, tracking number and items.
func shipOn(id, trk string, items []ShipmentItem, events ...CarrierEvent) Shipment {
	for i := range events {
		events[i].TrackingNumber = trk
	}
	return Shipment{ID: id, Carrier: "SEUR", TrackingNumber: trk, Items: items, Events: events}
}

// journey returns the events of a normal delivery up to and including kind,
// one day apart, ending at end.
func journey(prefix string, upTo EventKind, end time.Time) []CarrierEvent {
	kinds := []EventKind{EventLabelCreated, EventPickedUp, EventInTransit, EventOutForDelivery, EventDelivered}
	var out []CarrierEvent
	for _, k := range kinds {
		out = append(out, ev(fmt.Sprintf("%s-%s", prefix, k), k, time.Time{}))
		if k == upTo {
			break
		}
	}
	for i := range out {
		out[i].At = end.AddDate(0, 0, i-len(out)+1)
	}
	return out
}

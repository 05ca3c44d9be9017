package returns_test

import (
	"time"

	"vitrine/portal/returns"
	"vitrine/showroom/catalog"
)

// day returns midday UTC of the given date, the fake clock of these tests.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

func ptr[T any](v T) *T { return &v }

// delivered is when every delivered test item arrived: 1 March 2025, 10:00 UTC.
var delivered = time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)

// items returns the lines of order VT-1001 used across the tests.
func items() []returns.Item {
	at := ptr(delivered)
	return []returns.Item{
		{OrderNumber: "VT-1001", LineID: "l-lamp", Slug: "desk-lamp", SKU: "DL-1", Category: "home-office",
			Name: catalog.Text{"en": "Desk lamp"}, UnitPrice: catalog.EUR(4900), Delivered: 3, DeliveredAt: at},
		{OrderNumber: "VT-1001", LineID: "l-sofa", Slug: "modular-sofa", SKU: "MS-3", Category: "living-room",
			Name: catalog.Text{"en": "Modular sofa"}, UnitPrice: catalog.EUR(104900), Delivered: 1, DeliveredAt: at, Configured: true},
		{OrderNumber: "VT-1001", LineID: "l-helmet", Slug: "cycling-helmet", SKU: "CH-M", Category: "cycling",
			Name: catalog.Text{"en": "Cycling helmet"}, UnitPrice: catalog.EUR(5900), Delivered: 1, DeliveredAt: at, FinalSale: true},
		{OrderNumber: "VT-1001", LineID: "l-laptop", Slug: "laptop-14", SKU: "LT-14", Category: "computing",
			Name: catalog.Text{"en": "Laptop 14"}, UnitPrice: catalog.EUR(129900), Delivered: 1, DeliveredAt: at, WarrantyMonths: 36},
		{OrderNumber: "VT-1001", LineID: "l-monitor", Slug: "monitor-27", SKU: "MN-27", Category: "computing",
			Name: catalog.Text{"en": "Monitor 27"}, UnitPrice: catalog.EUR(39900), Delivered: 0},
		{OrderNumber: "VT-1001", LineID: "l-cheap", Slug: "bike-light-set", SKU: "BL-2", Category: "cycling",
			Name: catalog.Text{"en": "Bike lights"}, UnitPrice: catalog.EUR(500), Delivered: 1, DeliveredAt: at},
	}
}

// item returns the test item with lineID, changed by edit.
func item(lineID string, edit ...func(*returns.Item)) returns.Item {
	for _, it := range items() {
		if it.LineID == lineID {
			for _, e := range edit {
				e(&it)
			}
			return it
		}
	}
	panic("no test item " + lineID)
}

// lampReturn is a valid request: one desk lamp back for a refund, dropped off.
func lampReturn() returns.Request {
	return returns.Request{
		OrderNumber: "VT-1001", Kind: returns.KindReturn, Resolution: returns.ResolutionRefund,
		ShippingMethod: returns.ShippingDropOff, IdempotencyKey: "key-1",
		Lines: []returns.RequestLine{{LineID: "l-lamp", Qty: 1, Reason: returns.ReasonChangedMind}},
	}
}

// fieldKeys returns "field key" for every problem in err, for compact asserts.
func fieldKeys(err error) []string {
	var out []string
	for _, p := range returns.Problems(err) {
		out = append(out, p.Err.Field+" "+p.Err.Key)
	}
	return out
}

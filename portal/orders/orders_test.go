package orders

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

func TestMatches(t *testing.T) {
	o := testOrder() // Email "Ana.Lopez@example.com", Postcode "28013", delivery postcode "28 013"
	uk := testOrder()
	uk.Postcode, uk.Address.Postcode = "SW1A 1AA", "SW1A 1AA"
	noPostcode := testOrder()
	noPostcode.Postcode, noPostcode.Address.Postcode = "", ""
	for _, tc := range []struct {
		name  string
		order Order
		input string
		want  bool
	}{
		{"email as stored", o, "Ana.Lopez@example.com", true},
		{"email in another case", o, "ana.lopez@EXAMPLE.com", true},
		{"email with surrounding spaces", o, "  ana.lopez@example.com ", true},
		{"another email", o, "ana.lopes@example.com", false},
		{"a prefix of the email", o, "ana.lopez@example", false},
		{"billing postcode", o, "28013", true},
		{"postcode with spaces", o, " 28 013 ", true},
		{"UK postcode without space and lower case", uk, "sw1a1aa", true},
		{"UK postcode with a hyphen", uk, "SW1A-1AA", true},
		{"wrong postcode", uk, "SW1A 1AB", false},
		{"empty input", o, "", false},
		{"spaces only", o, "   ", false},
		{"empty input against an order without postcode", noPostcode, "", false},
		{"the order number is not a secret", o, "VT-2001", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.order.Matches(tc.input))
		})
	}
}

func TestOrderValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(o *Order)
		field  string
	}{
		{"bad number", func(o *Order) { o.Number = "1001" }, "number"},
		{"lower-case number", func(o *Order) { o.Number = "vt-1001" }, "number"},
		{"email without at", func(o *Order) { o.Email = "ana.example.com" }, "email"},
		{"no postcode", func(o *Order) { o.Postcode = " " }, "postcode"},
		{"no placement time", func(o *Order) { o.PlacedAt = time.Time{} }, "placedAt"},
		{"no promise", func(o *Order) { o.PromisedBy = time.Time{} }, "promisedBy"},
		{"no lines", func(o *Order) { o.Lines = nil }, "lines"},
		{"no currency", func(o *Order) { o.Totals.Total.Currency = "" }, "totals.total"},
		{"shipping in another currency", func(o *Order) { o.Totals.Shipping.Currency = "USD" }, "totals.shipping"},
		{"negative VAT", func(o *Order) { o.Totals.VAT.Amount = -1 }, "totals.vat"},
		{"line id zero", func(o *Order) { o.Lines[0].ID = 0 }, "lines[0].id"},
		{"duplicate line id", func(o *Order) { o.Lines[1].ID = 1 }, "lines[1].id"},
		{"bad slug", func(o *Order) { o.Lines[0].Slug = "Oak Table" }, "lines[0].slug"},
		{"no English name", func(o *Order) { o.Lines[0].Name = catalog.Text{"es": "Mesa"} }, "lines[0].name"},
		{"zero quantity", func(o *Order) { o.Lines[0].Qty = 0 }, "lines[0].qty"},
		{"price in another currency", func(o *Order) { o.Lines[1].UnitPrice = catalog.Money{Amount: 1, Currency: "USD"} }, "lines[1].unitPrice"},
		{"configured without configuration", func(o *Order) { o.Lines[0].Configured = true }, "lines[0].configuration"},
		{"configuration that is not JSON", func(o *Order) { o.Lines[0].Configured, o.Lines[0].Configuration = true, "{modules" }, "lines[0].configuration"},
		{"configuration on a plain line", func(o *Order) { o.Lines[0].Configuration = "{}" }, "lines[0].configuration"},
		{"shipment without id", func(o *Order) { o.Shipments[0].ID = "" }, "shipments[0].id"},
		{"shipment without carrier", func(o *Order) { o.Shipments[0].Carrier = "" }, "shipments[0].carrier"},
		{"two shipments with one tracking number", func(o *Order) {
			o.Shipments = append(o.Shipments, shipOn("S2", "TRK1", []ShipmentItem{{LineID: 2, Qty: 1}}))
			o.Shipments[0].Items = o.Shipments[0].Items[:1]
		}, "shipments[1].trackingNumber"},
		{"shipment of an unknown line", func(o *Order) { o.Shipments[0].Items[0].LineID = 7 }, "shipments[0].items[0]"},
		{"more units shipped than ordered", func(o *Order) { o.Shipments[0].Items[1].Qty = 3 }, "shipments[0].items[1]"},
		{"event of another shipment", func(o *Order) { o.Shipments[0].Events[0].TrackingNumber = "TRK9" }, "shipments[0].events[0]"},
		{"event twice", func(o *Order) { o.Shipments[0].Events[1].EventID = o.Shipments[0].Events[0].EventID }, "shipments[0].events[1]"},
		{"invalid event", func(o *Order) { o.Shipments[0].Events[0].Kind = "lost" }, "kind"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := testOrder(ship(journey("e", EventInTransit, at(-1, 0))...))
			require.NoError(t, o.Validate())
			tc.change(&o)
			err := o.Validate()
			require.Error(t, err)
			assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
			var e *catalog.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.field, e.Field)
			assert.NotEmpty(t, e.Key)
		})
	}
}

func TestValidNumber(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"VT-1001", true},
		{"VT-1234567890", true},
		{"VT-12", false},
		{"VT1001", false},
		{"VT-1001 ", false},
		{"' OR 1=1 --", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, ValidNumber(tc.in))
		})
	}
}

// Package orders is the order-tracking domain: orders with their lines and
// shipments, the carrier events that move a shipment along, the status a
// customer sees, the rules that notice a late delivery before the customer
// does, and the signature that proves a carrier webhook came from the carrier.
//
// It is pure Go: it does no I/O and imports nothing of HTTP, SQL or go-app.
// Everything that depends on the time takes it as a parameter, so tests set
// the date instead of waiting for it. The Store it needs is declared in
// store.go and implemented in server/sqlite.
package orders

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"vitrine/showroom/catalog"
)

// Order is a placed order as the customer and the staff track it. Lines keep
// a snapshot of what was sold (name, price, configuration) rather than a
// reference to the catalog, because products change and are retired while an
// order must keep saying what was bought and for how much.
type Order struct {
	// Number is what the customer types to find the order ("VT-1001").
	Number string `json:"number"`
	Email  string `json:"email"`
	// Postcode is the billing postcode given at checkout. With Email it is
	// one of the two secrets that open the order's page (see Matches).
	Postcode string `json:"postcode"`
	// Name is the customer's name, shown only once the customer has proved
	// who they are.
	Name    string  `json:"name"`
	Address Address `json:"address"`
	// Locale is the language the customer shopped in; emails about the order
	// are written in it.
	Locale   string    `json:"locale"`
	PlacedAt time.Time `json:"placedAt"`
	// PromisedBy is the delivery date promised at checkout. Only its calendar
	// date (in UTC) counts: the promise holds until the end of that day.
	// Shipments carry their own promise, which defaults to this one.
	PromisedBy time.Time `json:"promisedBy"`
	// CancelledAt is when the order was cancelled; zero if it was not.
	CancelledAt time.Time  `json:"cancelledAt,omitzero"`
	Lines       []Line     `json:"lines"`
	Shipments   []Shipment `json:"shipments"`
	Totals      Totals     `json:"totals"`
}

// Address is where an order is delivered.
type Address struct {
	// Lines are the street lines, first to last, as the customer typed them.
	Lines    []string `json:"lines"`
	City     string   `json:"city"`
	Postcode string   `json:"postcode"`
	// Country is the ISO 3166-1 alpha-2 code ("ES", "GB").
	Country string `json:"country"`
}

// Totals are the amounts charged for an order, all in the same currency.
type Totals struct {
	// Subtotal is the sum of the lines' UnitPrice times Qty.
	Subtotal catalog.Money `json:"subtotal"`
	Shipping catalog.Money `json:"shipping"`
	// VAT is the part of Total that is value-added tax: prices include VAT,
	// as European consumer prices must.
	VAT   catalog.Money `json:"vat"`
	Total catalog.Money `json:"total"`
	// PaymentMethod is a short code ("card", "paypal", "bizum"); the UI
	// translates it with the key "orders.payment.<code>".
	PaymentMethod string `json:"paymentMethod"`
}

// Line is one product of an order, as it was when the order was placed.
type Line struct {
	// ID numbers the line within its order, from 1; shipments and returns
	// refer to lines by it.
	ID       int    `json:"id"`
	Slug     string `json:"slug"`
	SKU      string `json:"sku"`
	Category string `json:"category"`
	// Name is the product's name at the time of the order, in every locale.
	Name      catalog.Text  `json:"name"`
	UnitPrice catalog.Money `json:"unitPrice"`
	Qty       int           `json:"qty"`
	// FinalSale lines cannot be returned (a helmet, for hygiene).
	FinalSale bool `json:"finalSale"`
	// Configured lines were assembled in the configurator; Configuration is
	// then a snapshot of the buyer's choices as JSON. This package does not
	// read it: the catalog domain owns its format.
	Configured    bool   `json:"configured"`
	Configuration string `json:"configuration,omitempty"`
	// WarrantyMonths is how long repairs are covered after delivery.
	WarrantyMonths int `json:"warrantyMonths"`
}

// Shipment is one parcel (or pallet) of an order, with its own carrier and
// tracking number. An order may be split into several shipments.
type Shipment struct {
	// ID is unique in the store ("VT-1007-2").
	ID      string `json:"id"`
	Carrier string `json:"carrier"`
	// TrackingNumber is unique in the store: carrier webhooks name the
	// shipment by it.
	TrackingNumber string         `json:"trackingNumber"`
	Items          []ShipmentItem `json:"items"`
	// PromisedBy is the delivery date promised for this shipment; zero means
	// the order's promise. Only the calendar date (UTC) counts.
	PromisedBy time.Time `json:"promisedBy,omitzero"`
	// EstimatedAt is the delivery estimate given when the shipment left; zero
	// if none. A carrier's later estimate (in an event) takes precedence.
	EstimatedAt time.Time `json:"estimatedAt,omitzero"`
	// Events are the carrier events in the order they arrived, which is not
	// necessarily the order they happened in; see Timeline.
	Events []CarrierEvent `json:"events"`
}

// ShipmentItem says how many units of an order line a shipment carries.
type ShipmentItem struct {
	LineID int `json:"lineId"`
	Qty    int `json:"qty"`
}

var numberRE = regexp.MustCompile(`^[A-Z]{2,4}-[0-9]{3,10}$`)

// ValidNumber reports whether s is a well-formed order number: two to four
// capital letters, a hyphen and three to ten digits ("VT-1001"). Lookups
// check it first so that junk never reaches the store.
func ValidNumber(s string) bool { return numberRE.MatchString(s) }

// Validate reports the first problem with o as an EINVALID *catalog.Error. The
// store calls it before writing, so an order in the store is always whole:
// every shipment item names an existing line, quantities add up, every
// amount is in the order's currency and every event is well-formed.
func (o *Order) Validate() error {
	switch {
	case !ValidNumber(o.Number):
		return invalid("number", "orders.err.number_invalid", fmt.Sprintf("order number %q is not valid", o.Number))
	case !strings.Contains(o.Email, "@") || strings.TrimSpace(o.Email) != o.Email:
		return invalid("email", "orders.err.email_invalid", fmt.Sprintf("order %s has no valid email", o.Number))
	case normalizePostcode(o.Postcode) == "":
		return invalid("postcode", "orders.err.postcode_missing", fmt.Sprintf("order %s has no postcode", o.Number))
	case o.PlacedAt.IsZero():
		return invalid("placedAt", "orders.err.placed_at_missing", fmt.Sprintf("order %s has no placement time", o.Number))
	case o.PromisedBy.IsZero():
		return invalid("promisedBy", "orders.err.promise_missing", fmt.Sprintf("order %s has no promised delivery date", o.Number))
	case len(o.Lines) == 0:
		return invalid("lines", "orders.err.no_lines", fmt.Sprintf("order %s has no lines", o.Number))
	}
	currency := o.Totals.Total.Currency
	if currency == "" {
		return invalid("totals.total", "orders.err.currency_missing", fmt.Sprintf("order %s has no currency", o.Number))
	}
	for name, m := range map[string]catalog.Money{"subtotal": o.Totals.Subtotal, "shipping": o.Totals.Shipping, "vat": o.Totals.VAT} {
		if m.Currency != currency || m.Amount < 0 {
			return invalid("totals."+name, "orders.err.amount_invalid", fmt.Sprintf("order %s: %s must be a non-negative amount in %s", o.Number, name, currency))
		}
	}
	lines := map[int]*Line{}
	for i := range o.Lines {
		l := &o.Lines[i]
		field := fmt.Sprintf("lines[%d]", i)
		switch {
		case l.ID < 1:
			return invalid(field+".id", "orders.err.line_id_invalid", fmt.Sprintf("order %s: line ids start at 1", o.Number))
		case lines[l.ID] != nil:
			return invalid(field+".id", "orders.err.line_id_duplicate", fmt.Sprintf("order %s: line id %d is used twice", o.Number, l.ID))
		case !catalog.ValidSlug(l.Slug):
			return invalid(field+".slug", "orders.err.line_slug_invalid", fmt.Sprintf("order %s: line %d has no valid product slug", o.Number, l.ID))
		case l.Name["en"] == "":
			return invalid(field+".name", "orders.err.line_name_missing", fmt.Sprintf("order %s: line %d has no English name", o.Number, l.ID))
		case l.Qty < 1:
			return invalid(field+".qty", "orders.err.line_qty_invalid", fmt.Sprintf("order %s: line %d must have a quantity of at least 1", o.Number, l.ID))
		case l.UnitPrice.Currency != currency || l.UnitPrice.Amount < 0:
			return invalid(field+".unitPrice", "orders.err.amount_invalid", fmt.Sprintf("order %s: line %d must have a non-negative price in %s", o.Number, l.ID, currency))
		case l.Configured && !json.Valid([]byte(l.Configuration)):
			return invalid(field+".configuration", "orders.err.configuration_invalid", fmt.Sprintf("order %s: configured line %d needs its configuration as JSON", o.Number, l.ID))
		case !l.Configured && l.Configuration != "":
			return invalid(field+".configuration", "orders.err.configuration_unexpected", fmt.Sprintf("order %s: line %d is not configured but has a configuration", o.Number, l.ID))
		case l.WarrantyMonths < 0:
			return invalid(field+".warrantyMonths", "orders.err.warranty_invalid", fmt.Sprintf("order %s: line %d has a negative warranty", o.Number, l.ID))
		}
		lines[l.ID] = l
	}
	shipped := map[int]int{}
	ids, tracking, events := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for i := range o.Shipments {
		s := &o.Shipments[i]
		field := fmt.Sprintf("shipments[%d]", i)
		switch {
		case s.ID == "" || ids[s.ID]:
			return invalid(field+".id", "orders.err.shipment_id_invalid", fmt.Sprintf("order %s: shipment %d needs an id of its own", o.Number, i))
		case s.Carrier == "":
			return invalid(field+".carrier", "orders.err.carrier_missing", fmt.Sprintf("order %s: shipment %s has no carrier", o.Number, s.ID))
		case s.TrackingNumber == "" || tracking[s.TrackingNumber]:
			return invalid(field+".trackingNumber", "orders.err.tracking_invalid", fmt.Sprintf("order %s: shipment %s needs a tracking number of its own", o.Number, s.ID))
		case len(s.Items) == 0:
			return invalid(field+".items", "orders.err.shipment_empty", fmt.Sprintf("order %s: shipment %s carries nothing", o.Number, s.ID))
		}
		ids[s.ID], tracking[s.TrackingNumber] = true, true
		for j, it := range s.Items {
			l := lines[it.LineID]
			if l == nil || it.Qty < 1 {
				return invalid(fmt.Sprintf("%s.items[%d]", field, j), "orders.err.shipment_item_invalid", fmt.Sprintf("order %s: shipment %s carries an unknown line or no units", o.Number, s.ID))
			}
			shipped[it.LineID] += it.Qty
			if shipped[it.LineID] > l.Qty {
				return invalid(fmt.Sprintf("%s.items[%d]", field, j), "orders.err.shipment_qty_exceeded", fmt.Sprintf("order %s: line %d is shipped more times than ordered", o.Number, it.LineID))
			}
		}
		for j := range s.Events {
			e := &s.Events[j]
			if err := e.Validate(); err != nil {
				return fmt.Errorf("order %s: shipment %s: event %d: %w", o.Number, s.ID, j, err)
			}
			if e.TrackingNumber != s.TrackingNumber || (e.ShipmentID != "" && e.ShipmentID != s.ID) {
				return invalid(fmt.Sprintf("%s.events[%d]", field, j), "orders.err.event_shipment_mismatch", fmt.Sprintf("order %s: event %s belongs to another shipment", o.Number, e.EventID))
			}
			if events[e.EventID] {
				return invalid(fmt.Sprintf("%s.events[%d]", field, j), "orders.err.event_duplicate", fmt.Sprintf("order %s: event %s appears twice", o.Number, e.EventID))
			}
			events[e.EventID] = true
		}
	}
	return nil
}

// Line returns the line with id, or nil if the order has none.
func (o *Order) Line(id int) *Line {
	for i := range o.Lines {
		if o.Lines[i].ID == id {
			return &o.Lines[i]
		}
	}
	return nil
}

// Cancelled reports whether the order was cancelled.
func (o *Order) Cancelled() bool { return !o.CancelledAt.IsZero() }

// LineDeliveredAt returns when every unit of line id was delivered: the time
// the last shipment carrying it was delivered. It returns false while any
// unit is still on its way or not shipped, so the return window (which runs
// from delivery) never starts early.
func (o *Order) LineDeliveredAt(id int) (time.Time, bool) {
	l := o.Line(id)
	if l == nil || o.Cancelled() {
		return time.Time{}, false
	}
	var last time.Time
	qty := 0
	for i := range o.Shipments {
		s := &o.Shipments[i]
		for _, it := range s.Items {
			if it.LineID != id {
				continue
			}
			at, ok := deliveredAt(Timeline(s.Events))
			if !ok {
				return time.Time{}, false
			}
			qty += it.Qty
			if at.After(last) {
				last = at
			}
		}
	}
	if qty < l.Qty {
		return time.Time{}, false
	}
	return last, true
}

// Matches reports whether emailOrPostcode proves the caller knows this
// order: it equals the order's email ignoring case and surrounding spaces, or
// its billing or delivery postcode ignoring case, spaces and hyphens.
//
// The comparison takes the same time whatever the input and whichever value
// matches, so response timing tells an attacker nothing about how close a
// guess was. Callers must also answer a wrong order number and a wrong pair
// with the same message, so the answer does not reveal which orders exist.
func (o *Order) Matches(emailOrPostcode string) bool {
	email := strings.ToLower(strings.TrimSpace(emailOrPostcode))
	postcode := normalizePostcode(emailOrPostcode)
	m := equalSecret(email, strings.ToLower(strings.TrimSpace(o.Email)))
	m |= equalSecret(postcode, normalizePostcode(o.Postcode))
	m |= equalSecret(postcode, normalizePostcode(o.Address.Postcode))
	return m == 1
}

// equalSecret returns 1 if a and b are equal and not empty, 0 otherwise, in
// time that depends on neither: comparing fixed-size digests hides the
// lengths too, which subtle.ConstantTimeCompare alone does not.
func equalSecret(a, b string) int {
	ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	eq := subtle.ConstantTimeCompare(ha[:], hb[:])
	nonEmpty := subtle.ConstantTimeEq(int32(min(len(a), 1)), 1) & subtle.ConstantTimeEq(int32(min(len(b), 1)), 1)
	return eq & nonEmpty
}

// normalizePostcode upper-cases s and drops spaces and hyphens, so that
// "sw1a 1aa", "SW1A1AA" and "SW1A-1AA" are the same postcode.
func normalizePostcode(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '-', '\u00a0':
			return -1
		}
		return r
	}, strings.ToUpper(s))
}

// invalid returns an EINVALID error about field with a translation key.
func invalid(field, key, message string) error {
	return catalog.FieldError(field, key, message)
}

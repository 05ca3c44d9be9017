package api

import (
	"context"
	"net/url"
	"time"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// LookupRequest is the body of POST /api/v1/orders/lookup: the order number
// and the email or postcode that proves the caller placed it.
type LookupRequest struct {
	Number          string `json:"number"`
	EmailOrPostcode string `json:"emailOrPostcode"`
}

// OrderResponse is the body of GET /api/v1/orders/{number} and of a
// successful lookup.
type OrderResponse struct {
	Order OrderView `json:"order"`
}

// SubscribeRequest is the body of POST /api/v1/orders/{number}/subscribe.
// Token is the signed link's token when the page was opened from one; a
// browser that confirmed the order needs none.
type SubscribeRequest struct {
	Token string `json:"token,omitempty"`
}

// SubscribeResponse says the customer will get an email at every change.
type SubscribeResponse struct {
	Subscribed bool `json:"subscribed"`
}

// CarrierEventResponse is the answer to a carrier webhook: "applied" the
// first time an event arrives, "duplicate" when its id was applied before.
type CarrierEventResponse struct {
	Status      string `json:"status"`
	OrderNumber string `json:"orderNumber,omitempty"`
}

// Carrier webhook statuses.
const (
	EventApplied   = "applied"
	EventDuplicate = "duplicate"
)

// Headers of the carrier webhook: the request time in Unix seconds, and the
// hex HMAC-SHA256 of timestamp + "." + body keyed with the carrier secret
// (orders.Sign).
const (
	HeaderCarrierTimestamp = "X-Vitrine-Timestamp"
	HeaderCarrierSignature = "X-Vitrine-Signature"
)

// OrderView is what the order page shows. Personal data (the customer's
// name, email and address) is in Customer only when this browser proved it
// knows the order's email or postcode (Confirmed); a signed link alone shows
// the status and the items.
type OrderView struct {
	Number   string    `json:"number"`
	PlacedAt time.Time `json:"placedAt"`
	// Status summarises the order; the page translates Status.Key().
	Status orders.Status `json:"status"`
	// Step is the progress bar's step, 0 (Confirmed) to LastStep (Delivered).
	Step     int `json:"step"`
	LastStep int `json:"lastStep"`
	// PartlyDelivered: some shipments arrived, others are on their way.
	PartlyDelivered bool           `json:"partlyDelivered"`
	DeliveredAt     time.Time      `json:"deliveredAt,omitzero"`
	Confirmed       bool           `json:"confirmed"`
	Customer        *Customer      `json:"customer,omitempty"`
	Lines           []OrderLine    `json:"lines"`
	Shipments       []ShipmentView `json:"shipments"`
	// Unshipped are the units not in any shipment yet.
	Unshipped []orders.ShipmentItem `json:"unshipped"`
	// Notices are the delay notices the page shows prominently.
	Notices []DelayNotice `json:"notices"`
	Totals  orders.Totals `json:"totals"`
	// Subscribed: the customer asked for an email at every change.
	Subscribed bool `json:"subscribed"`
	// Returnable: at least one line can be returned now (see OrderLine).
	Returnable bool `json:"returnable"`
	// Repairable: at least one line is within its warranty.
	Repairable bool `json:"repairable"`
	// Returns are the order's return, exchange and repair requests, newest
	// first, for a browser that confirmed the order.
	Returns []ReturnSummary `json:"returns,omitempty"`
	// AsOf is the server's time when it made the view, so a copy kept for
	// offline reading can say how old it is.
	AsOf time.Time `json:"asOf"`
}

// Customer is the personal part of an order.
type Customer struct {
	Name    string         `json:"name"`
	Email   string         `json:"email"`
	Address orders.Address `json:"address"`
}

// OrderLine is one product of the order.
type OrderLine struct {
	ID         int           `json:"id"`
	Slug       string        `json:"slug"`
	SKU        string        `json:"sku"`
	Name       catalog.Text  `json:"name"`
	Qty        int           `json:"qty"`
	UnitPrice  catalog.Money `json:"unitPrice"`
	FinalSale  bool          `json:"finalSale"`
	Configured bool          `json:"configured"`
	// Options are a configured line's choices ("Cover: Forest green").
	Options []LineOption `json:"options,omitempty"`
	// Returnable: the returns policy lets the customer send units of it
	// back now (delivered, not final sale, not all returned yet, within the
	// window), which they can until ReturnBy.
	Returnable bool      `json:"returnable"`
	ReturnBy   time.Time `json:"returnBy,omitzero"`
}

// LineOption is one choice of a configured line.
type LineOption struct {
	Choice catalog.Text `json:"choice"`
	Option catalog.Text `json:"option"`
}

// ShipmentView is one parcel of the order.
type ShipmentView struct {
	ID             string        `json:"id"`
	Carrier        string        `json:"carrier"`
	TrackingNumber string        `json:"trackingNumber"`
	Status         orders.Status `json:"status"`
	Step           int           `json:"step"`
	// Estimate is the expected delivery date; zero once delivered or when
	// nobody can say.
	Estimate    time.Time             `json:"estimate,omitzero"`
	DeliveredAt time.Time             `json:"deliveredAt,omitzero"`
	Items       []orders.ShipmentItem `json:"items"`
	// Timeline is the carrier's events, oldest first.
	Timeline []TimelineEvent `json:"timeline"`
	Delay    *DelayNotice    `json:"delay,omitempty"`
}

// TimelineEvent is one carrier event; the page translates Kind.Key() and
// shows the carrier's own Description beside it.
type TimelineEvent struct {
	At          time.Time        `json:"at"`
	Kind        orders.EventKind `json:"kind"`
	Place       string           `json:"place,omitempty"`
	Description string           `json:"description,omitempty"`
}

// DelayNotice says a delivery is late or at risk, the new estimate, and what
// the store is doing (translated with ReasonKey and ActionKey).
type DelayNotice struct {
	ShipmentID  string             `json:"shipmentId,omitempty"`
	Reason      orders.DelayReason `json:"reason"`
	ReasonKey   string             `json:"reasonKey"`
	ActionKey   string             `json:"actionKey"`
	PromisedBy  time.Time          `json:"promisedBy"`
	NewEstimate time.Time          `json:"newEstimate,omitzero"`
}

// LookupOrder finds an order by its number and the email or postcode it
// was placed with. On success the server also marks this browser as
// confirmed for the order (an HttpOnly cookie), so the order page shows the
// delivery details. A wrong pair is ENOTFOUND whether or not the order
// exists; too many attempts are ERATELIMITED with Params["seconds"].
func (c *Client) LookupOrder(ctx context.Context, number, emailOrPostcode string) (*OrderView, error) {
	var r OrderResponse
	if err := c.Do(ctx, "POST", Prefix+"/orders/lookup", LookupRequest{Number: number, EmailOrPostcode: emailOrPostcode}, &r); err != nil {
		return nil, err
	}
	return &r.Order, nil
}

// Order returns the view of order number, opened with a signed link's token
// or, with an empty token, by this browser's confirmation. Without either
// it is EUNAUTHORIZED with the key "track.err.confirm_needed".
func (c *Client) Order(ctx context.Context, number, token string) (*OrderView, error) {
	path := Prefix + "/orders/" + url.PathEscape(number)
	if token != "" {
		path += "?token=" + url.QueryEscape(token)
	}
	var r OrderResponse
	if err := c.get(ctx, path, &r); err != nil {
		return nil, err
	}
	return &r.Order, nil
}

// SubscribeOrder asks for an email at every change of order number's
// shipments; token as for Order.
func (c *Client) SubscribeOrder(ctx context.Context, number, token string) error {
	var r SubscribeResponse
	return c.Do(ctx, "POST", Prefix+"/orders/"+url.PathEscape(number)+"/subscribe", SubscribeRequest{Token: token}, &r)
}

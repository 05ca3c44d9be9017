package api

import (
	"context"
	"net/url"
	"strings"
	"time"

	"vitrine/portal/returns"
	"vitrine/showroom/catalog"
)

// Returns, exchanges and repairs. Every route about one order's requests
// sits under that order's API path, /api/v1/orders/{number}/returns… and
// /api/v1/orders/{number}/return-photos…, so the
// browser sends the order's proof cookie (set by LookupOrder) with them;
// without it they answer 401. Staff routes sit under /api/v1/staff/returns.

// MaxPhotoBytes is the largest photo a customer may upload.
const MaxPhotoBytes = 10 << 20

// PhotoTypes are the image types the photo upload accepts, for the file
// input's accept attribute.
var PhotoTypes = []string{"image/jpeg", "image/png", "image/webp"}

// ReturnPolicyView is the merchant's policy as the returns pages need it:
// the numbers the form shows beside its choices, and the policy in plain
// words (Lines, translated by their Key).
type ReturnPolicyView struct {
	Currency                string                                   `json:"currency"`
	WindowDays              int                                      `json:"windowDays"`
	ConfiguredReturnable    bool                                     `json:"configuredReturnable"`
	RestockingFeePercent    map[returns.ItemKind]int                 `json:"restockingFeePercent"`
	ReturnShipping          map[returns.ShippingMethod]catalog.Money `json:"returnShipping"`
	StoreCreditBonusPercent int                                      `json:"storeCreditBonusPercent"`
	WarrantyMonths          int                                      `json:"warrantyMonths"`
	SendBackDays            int                                      `json:"sendBackDays"`
	Lines                   []returns.PolicyLine                     `json:"lines"`
}

// ReturnPolicyResponse is the body of GET /api/v1/returns/policy.
type ReturnPolicyResponse struct {
	Policy ReturnPolicyView `json:"policy"`
}

// ReturnItem is one line of an order as the returns form shows it: what was
// bought, and what can still be done with it (Eligibility says how many
// units can be returned or repaired, or why not, in plain words).
type ReturnItem struct {
	LineID     string        `json:"lineId"`
	Slug       string        `json:"slug"`
	SKU        string        `json:"sku"`
	Name       catalog.Text  `json:"name"`
	UnitPrice  catalog.Money `json:"unitPrice"`
	Qty        int           `json:"qty"`
	FinalSale  bool          `json:"finalSale"`
	Configured bool          `json:"configured"`
	Options    []LineOption  `json:"options,omitempty"`
	// ConfigurationCode is the configured line's code, to reopen the
	// configurator on it for an exchange; empty otherwise.
	ConfigurationCode string `json:"configurationCode,omitempty"`
	// Reconfigurable: an exchange for another configuration of the same
	// product is possible (the store has its configurator).
	Reconfigurable bool                `json:"reconfigurable"`
	Eligibility    returns.Eligibility `json:"eligibility"`
}

// ExchangeProduct is a product a line can be exchanged for.
type ExchangeProduct struct {
	Slug     string        `json:"slug"`
	SKU      string        `json:"sku"`
	Category string        `json:"category"`
	Name     catalog.Text  `json:"name"`
	Price    catalog.Money `json:"price"`
}

// ReturnOptions is the body of GET /api/v1/orders/{number}/returns: the
// order's items with what can be done with each, the policy, the products
// an item can be exchanged for, where a pickup would be, and the requests
// already made for the order.
type ReturnOptions struct {
	OrderNumber string            `json:"orderNumber"`
	Items       []ReturnItem      `json:"items"`
	Policy      ReturnPolicyView  `json:"policy"`
	Products    []ExchangeProduct `json:"products"`
	Pickup      *Customer         `json:"pickup,omitempty"`
	Returns     []ReturnSummary   `json:"returns"`
	AsOf        time.Time         `json:"asOf"`
}

// ReturnSummary is one request in a list (the order page, the returns
// page, the staff list).
type ReturnSummary struct {
	Number      string         `json:"number"`
	Kind        returns.Kind   `json:"kind"`
	OrderNumber string         `json:"orderNumber"`
	Status      returns.Status `json:"status"`
	Items       int            `json:"items"`
	CreatedAt   time.Time      `json:"createdAt"`
	UpdatedAt   time.Time      `json:"updatedAt"`
	Names       []catalog.Text `json:"names"`
}

// ReturnPhoto is an uploaded photo, as the form keeps it until the request
// is sent.
type ReturnPhoto struct {
	ID          string `json:"id"`
	ContentType string `json:"contentType"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	Size        int64  `json:"size"`
}

// ReturnPhotoResponse is the body of POST
// /api/v1/orders/{number}/return-photos.
type ReturnPhotoResponse struct {
	Photo ReturnPhoto `json:"photo"`
}

// QuoteResponse is the body of POST /api/v1/orders/{number}/returns/quote:
// what the request is worth, computed on the server, and each exchange
// line's replacement as the server priced it (by line ID).
type QuoteResponse struct {
	Quote   returns.Quote                     `json:"quote"`
	Targets map[string]returns.ExchangeTarget `json:"targets"`
}

// ReturnView is a request as the customer and staff see it: the stored
// request (without its idempotency key), the statuses it can still reach
// in order (Path), and for staff the moves possible now (Next).
type ReturnView struct {
	returns.Return
	// Path is the statuses of the usual way to the end for the request's
	// kind; the timeline shows those not reached yet as upcoming.
	Path []returns.Status `json:"path"`
	// Next are the statuses staff may move the request to now.
	Next []returns.Status `json:"next,omitempty"`
	// Customer is the order's name, email and address: the sender on the
	// label, and who staff deal with.
	Customer *Customer `json:"customer,omitempty"`
}

// ReturnResponse is the body of a created request (201, or 200 when the
// idempotency key found one already made) and of GET
// /api/v1/orders/{number}/returns/{return}.
type ReturnResponse struct {
	Return  ReturnView `json:"return"`
	Created bool       `json:"created"`
}

// StaffReturnsResponse is the body of GET /api/v1/staff/returns.
type StaffReturnsResponse struct {
	Returns []ReturnSummary `json:"returns"`
	// Counts are how many requests are in each status, for the filter.
	Counts map[returns.Status]int `json:"counts"`
}

// StaffTransitionRequest is the body of POST
// /api/v1/staff/returns/{return}/status: the status to move to and, for a
// rejection, why (the customer reads it).
type StaffTransitionRequest struct {
	To     returns.Status `json:"to"`
	Reason string         `json:"reason,omitempty"`
}

// ReturnsPath is the API path of order number's returns.
func ReturnsPath(number string) string {
	return Prefix + "/orders/" + url.PathEscape(number) + "/returns"
}

// ReturnPath is the API path of one request of order number.
func ReturnPath(order, number string) string {
	return ReturnsPath(order) + "/" + url.PathEscape(number)
}

// ReturnQRPath is the QR code (PNG) of a request, for the drop-off point.
func ReturnQRPath(order, number string) string { return ReturnPath(order, number) + "/qr.png" }

// ReturnLabelPath is the printable label (PNG) of a request.
func ReturnLabelPath(order, number string) string { return ReturnPath(order, number) + "/label.png" }

// ReturnPhotosPath is where photos of order number are uploaded, before
// the request that uses them is sent.
func ReturnPhotosPath(order string) string {
	return Prefix + "/orders/" + url.PathEscape(order) + "/return-photos"
}

// ReturnPhotoPath is the API path of an uploaded photo of order number.
func ReturnPhotoPath(order, id string) string {
	return ReturnPhotosPath(order) + "/" + url.PathEscape(id)
}

// StaffReturnPhotoPath is a photo as staff fetch it.
func StaffReturnPhotoPath(id string) string {
	return Prefix + "/staff/return-photos/" + url.PathEscape(id)
}

// ReturnPolicy returns the merchant's policy.
func (c *Client) ReturnPolicy(ctx context.Context) (*ReturnPolicyView, error) {
	var r ReturnPolicyResponse
	if err := c.get(ctx, Prefix+"/returns/policy", &r); err != nil {
		return nil, err
	}
	return &r.Policy, nil
}

// ReturnOptions returns what can be returned, exchanged or repaired of order
// number. Without this browser's proof of the order it is EUNAUTHORIZED.
func (c *Client) ReturnOptions(ctx context.Context, number string) (*ReturnOptions, error) {
	var r ReturnOptions
	if err := c.get(ctx, ReturnsPath(number), &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// QuoteReturn asks the server what req is worth. An invalid request is
// catalog.Errors.
func (c *Client) QuoteReturn(ctx context.Context, req returns.Request) (*QuoteResponse, error) {
	var r QuoteResponse
	if err := c.Do(ctx, "POST", ReturnsPath(req.OrderNumber)+"/quote", req, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// CreateReturn sends req. Sending the same IdempotencyKey again returns the
// request already made (Created false). An invalid request is catalog.Errors;
// items returned meanwhile are ECONFLICT.
func (c *Client) CreateReturn(ctx context.Context, req returns.Request) (*ReturnResponse, error) {
	var r ReturnResponse
	if err := c.Do(ctx, "POST", ReturnsPath(req.OrderNumber), req, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// Return returns request number of order.
func (c *Client) Return(ctx context.Context, order, number string) (*ReturnView, error) {
	var r ReturnResponse
	if err := c.get(ctx, ReturnPath(order, number), &r); err != nil {
		return nil, err
	}
	return &r.Return, nil
}

// DeleteReturnPhoto removes a photo not yet sent with a request.
func (c *Client) DeleteReturnPhoto(ctx context.Context, order, id string) error {
	return c.Do(ctx, "DELETE", ReturnPhotoPath(order, id), nil, nil)
}

// StaffReturns lists requests for staff, in the given statuses (all when
// none).
func (c *Client) StaffReturns(ctx context.Context, statuses ...returns.Status) (*StaffReturnsResponse, error) {
	path := Prefix + "/staff/returns"
	if len(statuses) > 0 {
		s := make([]string, len(statuses))
		for i, st := range statuses {
			s[i] = string(st)
		}
		path += "?status=" + url.QueryEscape(strings.Join(s, ","))
	}
	var r StaffReturnsResponse
	if err := c.get(ctx, path, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// StaffReturn returns one request for staff.
func (c *Client) StaffReturn(ctx context.Context, number string) (*ReturnView, error) {
	var r ReturnResponse
	if err := c.get(ctx, Prefix+"/staff/returns/"+url.PathEscape(number), &r); err != nil {
		return nil, err
	}
	return &r.Return, nil
}

// StaffMoveReturn moves request number to status to (with reason for a
// rejection) and returns it updated.
func (c *Client) StaffMoveReturn(ctx context.Context, number string, to returns.Status, reason string) (*ReturnView, error) {
	var r ReturnResponse
	if err := c.Do(ctx, "POST", Prefix+"/staff/returns/"+url.PathEscape(number)+"/status",
		StaffTransitionRequest{To: to, Reason: reason}, &r); err != nil {
		return nil, err
	}
	return &r.Return, nil
}

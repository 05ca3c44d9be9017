package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"vitrine/assets/i18n"
	"vitrine/portal/orders"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// trackingPath is the one place that makes the link to a placed order's
// tracking page, for the confirmation page and the confirmation email
// alike. With order tracking on, it is the signed link of OrderLink, which
// opens the order without asking for the email or postcode again; without
// it, the plain path.
func (s *Server) trackingPath(number string) string {
	if s.cfg.Orders != nil {
		return s.OrderLink(number)
	}
	return "/track/" + url.PathEscape(number)
}

// trackingURL is trackingPath as an absolute URL, for emails.
func (s *Server) trackingURL(number string) string {
	return strings.TrimSuffix(s.cfg.PublicURL, "/") + s.trackingPath(number)
}

var idempotencyKeyRE = regexp.MustCompile(`^[A-Za-z0-9_-]{16,128}$`)

// placeOrder is POST /api/v1/orders: it checks the form, prices the cart as
// the catalog is now, and places the order with its confirmation email in
// one transaction, once per idempotency key.
func (s *Server) placeOrder(w http.ResponseWriter, r *http.Request) {
	var req api.PlaceOrderRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	resp, err := s.place(r.Context(), req)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	status := http.StatusCreated
	if !resp.Created {
		status = http.StatusOK
	}
	writeJSON(w, status, resp)
}

func (s *Server) place(ctx context.Context, req api.PlaceOrderRequest) (*api.PlaceOrderResponse, error) {
	if !idempotencyKeyRE.MatchString(req.IdempotencyKey) {
		return nil, catalog.FieldError("idempotencyKey", "checkout.err.key",
			"The checkout is missing its key. Please reload the page.")
	}
	// The fingerprint is taken before normalizing, so it is the request as
	// sent: a double click sends the same bytes.
	fp, err := fingerprint(req)
	if err != nil {
		return nil, err
	}
	locale := req.Locale
	if !i18n.Supported(locale) {
		locale = i18n.Default
	}
	c := req.Checkout
	c.Normalize()
	var problems catalog.Errors
	if err := c.Validate(); err != nil {
		problems = append(problems, err.(catalog.Errors)...)
	}
	if len(req.Items) == 0 {
		problems = append(problems, catalog.FieldError("items", "checkout.err.cart_empty", "Your cart is empty."))
	}
	lines, err := catalog.PriceCart(ctx, s.cfg.Catalog, s.cfg.Configurators, req.Items)
	if es, ok := err.(catalog.Errors); ok {
		problems = append(problems, es...)
	} else if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, problems
	}
	totals := s.cfg.Cart.Totals(lines, c.Shipping)
	now := s.cfg.Now().UTC()
	build := func(number string) (*orders.Order, []orders.OutboxMessage, error) {
		// Checked here rather than before: a retry of an order already
		// placed must return it even if the catalog changed since.
		if req.ExpectedTotal != nil && *req.ExpectedTotal != totals.Total {
			return nil, nil, &catalog.Error{Code: catalog.ECONFLICT, Field: "expectedTotal", Key: "checkout.err.price_changed",
				Message: "The total changed since you saw it. Please check it before placing the order."}
		}
		o := &orders.Order{
			Number: number, Email: c.Email, Postcode: c.Postcode, Name: c.Name, Locale: locale,
			Address:  orders.Address{Lines: []string{c.Street}, City: c.City, Postcode: c.Postcode, Country: c.Country},
			PlacedAt: now, PromisedBy: catalog.DeliveryDate(now, totals.LeadTimeDays, c.Shipping),
			Totals: orders.Totals{Subtotal: totals.Subtotal, Shipping: totals.Shipping, VAT: totals.VAT,
				Total: totals.Total, PaymentMethod: c.Payment},
		}
		for i, l := range lines {
			line := orders.Line{ID: i + 1, Slug: l.Product.Slug, SKU: l.Product.SKU, Category: l.Product.Category,
				Name: l.Product.Name, UnitPrice: l.UnitPrice, Qty: l.Item.Qty, FinalSale: l.Product.FinalSale,
				WarrantyMonths: l.Product.WarrantyMonths}
			if l.Snapshot != nil {
				b, err := json.Marshal(l.Snapshot)
				if err != nil {
					return nil, nil, err
				}
				line.Configured, line.Configuration = true, string(b)
			}
			o.Lines = append(o.Lines, line)
		}
		return o, []orders.OutboxMessage{s.confirmationMail(o, lines, c.Shipping)}, nil
	}
	o, created, err := s.cfg.Checkout.PlaceOrder(ctx, req.IdempotencyKey, fp, build)
	if err != nil {
		return nil, err
	}
	resp := &api.PlaceOrderResponse{Number: o.Number, TrackURL: s.trackingPath(o.Number), Email: o.Email,
		Totals: o.Totals, Shipping: c.Shipping, PromisedBy: o.PromisedBy, Created: created}
	if o.Totals.PaymentMethod == orders.PayBankTransfer {
		resp.BankAccount = s.cfg.BankAccount
	}
	return resp, nil
}

// fingerprint identifies a checkout request apart from its key.
func fingerprint(req api.PlaceOrderRequest) (string, error) {
	req.IdempotencyKey = ""
	b, err := json.Marshal(req)
	if err != nil {
		return "", fmt.Errorf("fingerprint: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

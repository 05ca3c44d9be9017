package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"vitrine/portal/orders"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// How order tracking decides who sees what:
//
//   - POST /orders/lookup with the order number and its email or postcode
//     answers the order's view and sets a proof cookie: an HMAC (keyed with
//     Config.Secret) over the order number and an expiry 30 days on, in an
//     HttpOnly, SameSite=Lax cookie (Secure over TLS) whose Path is that
//     order's API path, so the browser sends it only to that order's API and
//     page scripts cannot read it. A wrong pair, and an order that does not
//     exist, get the same 404 and body.
//   - GET /orders/{number} answers the full view, personal data included,
//     to a browser holding a valid proof for the number; to a valid signed
//     link (?token=, see orders.SignLink) without a proof it answers the
//     status and items only, with Confirmed false, and the page offers to
//     confirm the email or postcode; to neither it answers 401.

// ProofCookie is the name of the cookie that proves this browser typed the
// right email or postcode for an order; there is one per order, told apart
// by its Path (proofPath).
const ProofCookie = "vitrine_order_proof"

// DefaultLookupLimit is how many lookups a client may make per minute.
const DefaultLookupLimit = 10

// failedLookupFloor is the least time a failed lookup takes to answer.
// Loading an order that exists costs more than finding none (about 0.35 ms
// against 0.08 ms on a small server, BenchmarkOrderLookup), so without a
// floor the time of a "no" would tell whether the number exists. It is
// wall-clock time by nature, not the server's injectable clock.
const failedLookupFloor = 50 * time.Millisecond

// orderRoutes adds the order-tracking API to mux.
func (s *Server) orderRoutes(mux *http.ServeMux) {
	if s.cfg.Orders == nil {
		return
	}
	mux.HandleFunc("POST "+api.Prefix+"/orders/lookup", s.lookupOrder)
	mux.HandleFunc("GET "+api.Prefix+"/orders/{number}", s.getOrder)
	if s.cfg.OrderSubscriptions != nil {
		mux.HandleFunc("POST "+api.Prefix+"/orders/{number}/subscribe", s.subscribeOrder)
	}
	mux.HandleFunc("POST "+api.Prefix+"/carrier/events", s.carrierEvent)
}

// OrderLink returns the path of order number's page with a signed token
// that opens it for orders.LinkTTL (30 days): "/track/VT-1001?t=…". The
// checkout's confirmation page links to it; emails prefix it with
// Config.PublicURL (see OrderURL).
func (s *Server) OrderLink(number string) string {
	return orders.LinkPath(s.cfg.Secret, number, s.cfg.Now())
}

// OrderURL is OrderLink as an absolute URL, for emails.
func (s *Server) OrderURL(number string) string {
	return strings.TrimSuffix(s.cfg.PublicURL, "/") + s.OrderLink(number)
}

// errNoMatch is the one answer to a lookup that fails, whether the order
// does not exist or the email or postcode is wrong: telling the two apart
// would let anyone list the store's order numbers.
func errNoMatch() error {
	return &catalog.Error{Code: catalog.ENOTFOUND, Key: "track.err.no_match",
		Message: "We could not find an order with that number and email or postcode. Check both and try again."}
}

// decoyOrder stands in for an order that does not exist, so a lookup spends
// the same comparison time on it as on a real one. Its email and postcode
// match nothing a caller can type (Matches never matches an empty value).
var decoyOrder = &orders.Order{Number: "XX-000", Email: "", Postcode: ""}

// normalizeNumber makes "  vt-1002 " and "#VT-1002" the number "VT-1002".
func normalizeNumber(s string) string {
	return strings.ToUpper(strings.TrimPrefix(strings.TrimSpace(s), "#"))
}

func (s *Server) lookupOrder(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	if ok, wait := s.lookups.allow(clientKey(r)); !ok {
		secs := int(math.Ceil(wait.Seconds()))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeError(w, r, s.log, &catalog.Error{Code: catalog.ERATELIMITED, Key: "track.err.rate_limited",
			Message: fmt.Sprintf("Too many attempts. Try again in %d seconds.", secs),
			Params:  map[string]string{"seconds": strconv.Itoa(secs)}})
		return
	}
	var req api.LookupRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	number := normalizeNumber(req.Number)
	proof := strings.TrimSpace(req.EmailOrPostcode)
	switch {
	case number == "":
		writeError(w, r, s.log, catalog.FieldError("number", "track.err.number_required", "Enter your order number."))
		return
	case !orders.ValidNumber(number):
		writeError(w, r, s.log, catalog.FieldError("number", "track.err.number_invalid", "Order numbers look like VT-1001: letters, a hyphen and digits."))
		return
	case proof == "":
		writeError(w, r, s.log, catalog.FieldError("emailOrPostcode", "track.err.proof_required", "Enter the email or the postcode of the order."))
		return
	case len(proof) > 254:
		writeError(w, r, s.log, catalog.FieldError("emailOrPostcode", "track.err.proof_too_long", "That is longer than any email or postcode."))
		return
	}
	o, err := s.cfg.Orders.Order(r.Context(), number)
	found := err == nil
	if err != nil && catalog.ErrorCode(err) != catalog.ENOTFOUND {
		writeError(w, r, s.log, err)
		return
	}
	if !found {
		o = decoyOrder
	}
	// Both sides of the && are evaluated before the branch, so a missing
	// order costs the same comparison as a wrong email.
	if matches := o.Matches(proof); !matches || !found {
		select {
		case <-time.After(time.Until(start.Add(failedLookupFloor))):
		case <-r.Context().Done():
		}
		writeError(w, r, s.log, errNoMatch())
		return
	}
	s.setProof(w, r, number)
	s.writeOrder(w, r, o, true)
}

// getOrder answers GET /orders/{number}?token=….
func (s *Server) getOrder(w http.ResponseWriter, r *http.Request) {
	number := normalizeNumber(r.PathValue("number"))
	confirmed, err := s.orderAccess(r, number, r.URL.Query().Get("token"))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	o, err := s.cfg.Orders.Order(r.Context(), number)
	if err != nil {
		if catalog.ErrorCode(err) == catalog.ENOTFOUND {
			err = errNoMatch()
		}
		writeError(w, r, s.log, err)
		return
	}
	s.writeOrder(w, r, o, confirmed)
}

// subscribeOrder answers POST /orders/{number}/subscribe.
func (s *Server) subscribeOrder(w http.ResponseWriter, r *http.Request) {
	var req api.SubscribeRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	number := normalizeNumber(r.PathValue("number"))
	if _, err := s.orderAccess(r, number, req.Token); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	if _, err := s.cfg.OrderSubscriptions.Subscribe(r.Context(), number); err != nil {
		if catalog.ErrorCode(err) == catalog.ENOTFOUND {
			err = errNoMatch()
		}
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, api.SubscribeResponse{Subscribed: true})
}

// orderAccess decides what the caller may see of order number: everything
// (confirmed) with a valid proof cookie, the status and items with a valid
// link token, and otherwise nothing (an EUNAUTHORIZED error the page turns
// into the lookup form). Credentials are checked before the store is asked,
// so the answer is the same whether or not the order exists.
func (s *Server) orderAccess(r *http.Request, number, token string) (confirmed bool, err error) {
	if !orders.ValidNumber(number) {
		return false, errNoMatch()
	}
	if s.hasProof(r, number) {
		return true, nil
	}
	if token == "" {
		return false, &catalog.Error{Code: catalog.EUNAUTHORIZED, Key: "track.err.confirm_needed",
			Message: "Enter the email or postcode of this order to see it."}
	}
	return false, orders.VerifyLink(s.cfg.Secret, number, token, s.cfg.Now())
}

// proofPath is the cookie Path of order number's proof: its API path, so the
// cookie goes with that order's requests only.
func proofPath(number string) string { return api.Prefix + "/orders/" + number }

func (s *Server) setProof(w http.ResponseWriter, r *http.Request, number string) {
	exp := s.cfg.Now().Add(orders.ProofTTL)
	http.SetCookie(w, &http.Cookie{
		Name:     ProofCookie,
		Value:    orders.SignProof(s.cfg.Secret, number, exp),
		Path:     proofPath(number),
		MaxAge:   int(orders.ProofTTL / time.Second),
		HttpOnly: true,
		Secure:   r.TLS != nil,
		SameSite: http.SameSiteLaxMode,
	})
}

func (s *Server) hasProof(r *http.Request, number string) bool {
	now := s.cfg.Now()
	for _, c := range r.CookiesNamed(ProofCookie) {
		if orders.VerifyProof(s.cfg.Secret, number, c.Value, now) {
			return true
		}
	}
	return false
}

func (s *Server) writeOrder(w http.ResponseWriter, r *http.Request, o *orders.Order, confirmed bool) {
	subscribed := false
	if s.cfg.OrderSubscriptions != nil {
		var err error
		if subscribed, err = s.cfg.OrderSubscriptions.Subscribed(r.Context(), o.Number); err != nil {
			writeError(w, r, s.log, err)
			return
		}
	}
	now := s.cfg.Now()
	v := orderView(o, now, confirmed, subscribed)
	// What can be returned, by the returns policy (returns.go).
	if err := s.addReturns(r.Context(), o, &v, now); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, api.OrderResponse{Order: v})
}

// orderView is what the order page shows of o at now; personal data only
// when confirmed.
func orderView(o *orders.Order, now time.Time, confirmed, subscribed bool) api.OrderView {
	st := o.State(now)
	v := api.OrderView{
		Number:          o.Number,
		PlacedAt:        o.PlacedAt,
		Status:          st.Status,
		Step:            st.Progress.Step,
		LastStep:        orders.LastStep,
		PartlyDelivered: st.PartlyDelivered,
		DeliveredAt:     st.DeliveredAt,
		Confirmed:       confirmed,
		Lines:           make([]api.OrderLine, 0, len(o.Lines)),
		Shipments:       make([]api.ShipmentView, 0, len(o.Shipments)),
		Unshipped:       []orders.ShipmentItem{},
		Notices:         make([]api.DelayNotice, 0, len(st.Notices)),
		Totals:          o.Totals,
		Subscribed:      subscribed,
		AsOf:            now.UTC(),
	}
	if confirmed {
		v.Customer = &api.Customer{Name: o.Name, Email: o.Email, Address: o.Address}
	}
	shipped := map[int]int{}
	for i, sh := range o.Shipments {
		ss := st.Shipments[i]
		sv := api.ShipmentView{
			ID: sh.ID, Carrier: sh.Carrier, TrackingNumber: sh.TrackingNumber,
			Status: ss.Status, Step: ss.Progress.Step, Estimate: ss.Estimate, DeliveredAt: ss.DeliveredAt,
			Items: sh.Items, Timeline: make([]api.TimelineEvent, 0, len(ss.Timeline)),
		}
		for _, e := range ss.Timeline {
			sv.Timeline = append(sv.Timeline, api.TimelineEvent{At: e.At, Kind: e.Kind, Place: e.Place, Description: e.Description})
		}
		if ss.Delay != nil {
			n := noticeView(*ss.Delay)
			sv.Delay = &n
		}
		for _, it := range sh.Items {
			shipped[it.LineID] += it.Qty
		}
		v.Shipments = append(v.Shipments, sv)
	}
	for _, n := range st.Notices {
		v.Notices = append(v.Notices, noticeView(n))
	}
	for _, l := range o.Lines {
		lv := api.OrderLine{ID: l.ID, Slug: l.Slug, SKU: l.SKU, Name: l.Name, Qty: l.Qty,
			UnitPrice: l.UnitPrice, FinalSale: l.FinalSale, Configured: l.Configured, Options: lineOptions(l)}
		if rest := l.Qty - shipped[l.ID]; rest > 0 && !o.Cancelled() {
			v.Unshipped = append(v.Unshipped, orders.ShipmentItem{LineID: l.ID, Qty: rest})
		}
		v.Lines = append(v.Lines, lv)
	}
	return v
}

func noticeView(n orders.DelayNotice) api.DelayNotice {
	return api.DelayNotice{ShipmentID: n.ShipmentID, Reason: n.Reason, ReasonKey: n.Reason.Key(),
		ActionKey: n.ActionKey, PromisedBy: n.PromisedBy, NewEstimate: n.NewEstimate}
}

// lineOptions returns a configured line's choices from its snapshot, in the
// order of catalog.ConfigSnapshot.Summary: each dimension with its value
// ("Top width: 160 cm"), each quantity with its count, then each option
// chosen. None if the snapshot cannot be read (the line still shows,
// without them).
func lineOptions(l orders.Line) []api.LineOption {
	if !l.Configured {
		return nil
	}
	var snap catalog.ConfigSnapshot
	if json.Unmarshal([]byte(l.Configuration), &snap) != nil {
		return nil
	}
	var out []api.LineOption
	// A number and its unit read the same in every language the store speaks.
	for _, d := range snap.Dimensions {
		out = append(out, api.LineOption{Choice: d.Name, Option: catalog.Text{"en": strconv.Itoa(d.Value) + " " + d.Unit}})
	}
	for _, q := range snap.Quantities {
		out = append(out, api.LineOption{Choice: q.Name, Option: catalog.Text{"en": strconv.Itoa(q.Count)}})
	}
	for _, o := range snap.Options {
		if o.Option != "" {
			out = append(out, api.LineOption{Choice: o.ChoiceName, Option: o.Name})
		}
	}
	return out
}

// carrierEvent is the carriers' webhook, POST /carrier/events. The body is
// one orders.CarrierEvent of at most orders.MaxEventBody bytes, signed in
// the X-Vitrine-Timestamp and X-Vitrine-Signature headers (orders.Sign).
// The signature is checked before the body is parsed, so nobody without
// the carrier secret gets the parser to work for them.
func (s *Server) carrierEvent(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(w, r, orders.MaxEventBody)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	ts, sig := r.Header.Get(api.HeaderCarrierTimestamp), r.Header.Get(api.HeaderCarrierSignature)
	if err := orders.VerifySignature(s.cfg.CarrierSecret, ts, body, sig, s.cfg.Now()); err != nil {
		s.log.Warn("carrier webhook refused", "reason", catalog.ErrorMessage(err))
		writeError(w, r, s.log, err)
		return
	}
	e, err := orders.DecodeEvent(body)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	number, added, err := s.cfg.Orders.AddEvent(r.Context(), e)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	// Also on a duplicate: if the email failed the first time, the
	// carrier's retry sends it now (each is sent once, by its key).
	if err := s.afterEvent(r.Context(), number, e, added); err != nil {
		writeError(w, r, s.log, fmt.Errorf("after carrier event %s: %w", e.EventID, err))
		return
	}
	status := api.EventApplied
	if !added {
		status = api.EventDuplicate
	}
	writeJSON(w, http.StatusOK, api.CarrierEventResponse{Status: status, OrderNumber: number})
}

// afterEvent tells the customer about a carrier event: an update email if
// they subscribed, and at once any delay notice the event causes (the delay
// job would find it too, minutes later).
func (s *Server) afterEvent(ctx context.Context, number string, e orders.CarrierEvent, added bool) error {
	o, err := s.cfg.Orders.Order(ctx, number)
	if err != nil {
		return err
	}
	if s.cfg.OrderSubscriptions != nil {
		on, err := s.cfg.OrderSubscriptions.Subscribed(ctx, number)
		if err != nil {
			return err
		}
		if on {
			// SendNotice's once-per-key record is shared with the delay
			// notices; the "update/" prefix keeps the keys apart.
			if _, err := s.cfg.Orders.SendNotice(ctx, number, "update/"+e.EventID, s.mailer().update(o, e)); err != nil {
				return err
			}
		}
	}
	if added {
		if _, err := s.delays.checkOrder(ctx, o); err != nil {
			return err
		}
	}
	return nil
}

// readBody reads a request body of at most limit bytes; a larger one is
// ETOOLARGE.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, catalog.Errorf(catalog.ETOOLARGE, "The request body is larger than %d bytes.", limit)
		}
		return nil, catalog.Errorf(catalog.EINVALID, "The request body could not be read.")
	}
	return b, nil
}

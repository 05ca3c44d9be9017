package server

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"vitrine/assets/i18n"
	"vitrine/portal/orders"
	"vitrine/portal/returns"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// Returns, exchanges and repairs.
//
// Who may do what: every route about an order's requests sits under that
// order's API path (/api/v1/orders/{number}/returns…, and
// …/return-photos for the photos sent before the request), so the browser sends
// the proof cookie the order lookup set (see orders.go), and answers only
// to a browser holding it. A signed link alone shows an order's status but
// does not let anyone send its items back: a request puts the customer's
// address on a label and money on their card.
//
// What the server decides: eligibility, every amount (refunds, store credit,
// fees, exchange differences) and the deadline are computed here with the
// policy of Config.ReturnPolicy (portal/returns); the browser sends only
// what the customer chose and shows what the server answers. Exchange
// replacements are priced here too, from the catalog or the configurator,
// whatever price the request carries.

// DefaultReturnAddress is where parcels go back unless Config.ReturnAddress
// says otherwise: the demo store's warehouse, where orders ship from.
var DefaultReturnAddress = []string{"Vitrine Returns", "Calle Bari 55, Nave 4", "50197 Zaragoza", "Spain"}

// PhotoStore keeps the bytes of customers' photos with their record
// (sqlite.ReturnStore implements it).
type PhotoStore interface {
	// PutPhotoData stores a photo with its bytes; when maxUnattached is
	// positive and the order already has that many photos no request uses,
	// it stores nothing and returns ECONFLICT.
	PutPhotoData(ctx context.Context, p returns.Photo, data []byte, maxUnattached int) error
	// PhotoData returns a photo's record and bytes, or ENOTFOUND.
	PhotoData(ctx context.Context, id string) (*returns.Photo, []byte, error)
}

// photoUploadSlack is what a multipart upload may add to the photo itself
// (boundaries and part headers).
const photoUploadSlack = 64 << 10

// checkReturnsConfig fills the returns defaults and refuses a configuration
// that would fail later, at a customer's request.
func checkReturnsConfig(cfg *Config) error {
	if cfg.Returns == nil {
		return nil
	}
	if cfg.Orders == nil || cfg.ReturnPhotos == nil {
		return errors.New("server: returns need Orders and ReturnPhotos")
	}
	if cfg.ReturnPolicy == nil {
		p := returns.DefaultPolicy()
		cfg.ReturnPolicy = &p
	}
	if err := cfg.ReturnPolicy.Validate(); err != nil {
		return fmt.Errorf("server: %w", err)
	}
	if len(cfg.ReturnAddress) == 0 {
		cfg.ReturnAddress = DefaultReturnAddress
	}
	return nil
}

// returnRoutes adds the returns API to mux.
func (s *Server) returnRoutes(mux *http.ServeMux) {
	if s.cfg.Returns == nil {
		return
	}
	p := api.Prefix
	mux.HandleFunc("GET "+p+"/returns/policy", s.returnPolicy)
	mux.HandleFunc("GET "+p+"/orders/{number}/returns", s.returnOptions)
	mux.HandleFunc("POST "+p+"/orders/{number}/returns/quote", s.quoteReturn)
	mux.HandleFunc("POST "+p+"/orders/{number}/returns", s.createReturn)
	mux.HandleFunc("POST "+p+"/orders/{number}/return-photos", s.uploadReturnPhoto)
	mux.HandleFunc("GET "+p+"/orders/{number}/return-photos/{id}", s.getReturnPhoto)
	mux.HandleFunc("DELETE "+p+"/orders/{number}/return-photos/{id}", s.deleteReturnPhoto)
	mux.HandleFunc("GET "+p+"/orders/{number}/returns/{return}", s.getReturn)
	mux.HandleFunc("GET "+p+"/orders/{number}/returns/{return}/qr.png", s.returnQR)
	mux.HandleFunc("GET "+p+"/orders/{number}/returns/{return}/label.png", s.returnLabel)
	s.staffReturnRoutes(mux)
}

func (s *Server) policy() returns.Policy { return *s.cfg.ReturnPolicy }

// policyView is the policy as the pages need it, with its plain words.
func (s *Server) policyView(ctx context.Context, locale string) (api.ReturnPolicyView, error) {
	p := s.policy()
	cs, err := s.cfg.Catalog.Categories(ctx)
	if err != nil {
		return api.ReturnPolicyView{}, err
	}
	return api.ReturnPolicyView{
		Currency: p.Currency, WindowDays: p.WindowDays, ConfiguredReturnable: p.ConfiguredReturnable,
		RestockingFeePercent: p.RestockingFeePercent, ReturnShipping: p.ReturnShipping,
		StoreCreditBonusPercent: p.StoreCreditBonusPercent, WarrantyMonths: p.WarrantyMonths,
		SendBackDays: p.SendBackDays, Lines: p.Explain(cs, locale),
	}, nil
}

func (s *Server) returnPolicy(w http.ResponseWriter, r *http.Request) {
	v, err := s.policyView(r.Context(), negotiateLocale(r))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, api.ReturnPolicyResponse{Policy: v})
}

// errReturnProofNeeded answers a browser that has not proved it knows the
// order: the page then asks for the email or postcode.
func errReturnProofNeeded() error {
	return &catalog.Error{Code: catalog.EUNAUTHORIZED, Key: "track.err.confirm_needed",
		Message: "Enter the email or postcode of this order to see it."}
}

// returnsOrder returns the order of the request's {number} if this browser
// proved it knows the order. The proof is checked before the store is
// asked, so the answer is the same whether or not the order exists.
func (s *Server) returnsOrder(r *http.Request) (*orders.Order, error) {
	number := normalizeNumber(r.PathValue("number"))
	if !orders.ValidNumber(number) {
		return nil, errNoMatch()
	}
	if !s.hasProof(r, number) {
		return nil, errReturnProofNeeded()
	}
	o, err := s.cfg.Orders.Order(r.Context(), number)
	if catalog.ErrorCode(err) == catalog.ENOTFOUND {
		return nil, errNoMatch()
	}
	return o, err
}

// returnItems turns the order's lines into the items the returns domain
// judges, with the units already in returns counted.
func (s *Server) returnItems(ctx context.Context, o *orders.Order) ([]returns.Item, error) {
	returned, err := s.cfg.Returns.Returned(ctx, o.Number)
	if err != nil {
		return nil, err
	}
	items := make([]returns.Item, 0, len(o.Lines))
	for _, l := range o.Lines {
		id := strconv.Itoa(l.ID)
		it := returns.Item{
			OrderNumber: o.Number, LineID: id, Slug: l.Slug, SKU: l.SKU, Category: l.Category,
			Name: l.Name, UnitPrice: l.UnitPrice, AlreadyReturned: returned[id],
			FinalSale: l.FinalSale, Configured: l.Configured, WarrantyMonths: l.WarrantyMonths,
		}
		if at, ok := o.LineDeliveredAt(l.ID); ok {
			it.DeliveredAt, it.Delivered = &at, l.Qty
		}
		items = append(items, it)
	}
	return items, nil
}

// configurationCode returns a configured line's configuration code, "" if
// it has none.
func configurationCode(l orders.Line) string {
	if !l.Configured {
		return ""
	}
	var snap catalog.ConfigSnapshot
	if json.Unmarshal([]byte(l.Configuration), &snap) != nil {
		return ""
	}
	return snap.Code
}

// exchangeConfigurator returns the configurator of a configurable product,
// to price an exchange for another configuration, or nil when the product
// has none (that kind of exchange is then not offered).
func (s *Server) exchangeConfigurator(ctx context.Context, slug string) *catalog.Configurator {
	cf, err := s.cfg.Configurators.Configurator(ctx, slug)
	if err != nil {
		return nil
	}
	return cf
}

func (s *Server) returnOptions(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	o, err := s.returnsOrder(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	items, err := s.returnItems(ctx, o)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	policy, err := s.policyView(ctx, negotiateLocale(r))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	list, err := s.cfg.Returns.ListByOrder(ctx, o.Number)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	products, err := s.cfg.Catalog.Products(ctx, catalog.ProductFilter{})
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	now := s.cfg.Now()
	resp := api.ReturnOptions{
		OrderNumber: o.Number, Policy: policy, AsOf: now.UTC(),
		Items:    make([]api.ReturnItem, 0, len(items)),
		Products: make([]api.ExchangeProduct, 0, len(products)),
		Returns:  make([]api.ReturnSummary, 0, len(list)),
		Pickup:   &api.Customer{Name: o.Name, Email: o.Email, Address: o.Address},
	}
	for i, it := range items {
		l := o.Lines[i]
		resp.Items = append(resp.Items, api.ReturnItem{
			LineID: it.LineID, Slug: it.Slug, SKU: it.SKU, Name: it.Name, UnitPrice: it.UnitPrice, Qty: l.Qty,
			FinalSale: it.FinalSale, Configured: it.Configured, Options: lineOptions(l),
			ConfigurationCode: configurationCode(l), Reconfigurable: s.exchangeConfigurator(ctx, l.Slug) != nil,
			Eligibility: s.policy().Eligibility(it, now),
		})
	}
	for _, p := range products {
		if p.Price.Currency == policy.Currency {
			resp.Products = append(resp.Products, api.ExchangeProduct{Slug: p.Slug, SKU: p.SKU, Category: p.Category, Name: p.Name, Price: p.Price})
		}
	}
	for _, ret := range list {
		resp.Returns = append(resp.Returns, returnSummary(ret))
	}
	writeJSON(w, http.StatusOK, resp)
}

// addReturns sets what the order page says about returns: which lines can
// still be returned and until when, whether a repair can be asked for, and
// (to a browser that confirmed the order) the requests already made.
func (s *Server) addReturns(ctx context.Context, o *orders.Order, v *api.OrderView, now time.Time) error {
	if s.cfg.Returns == nil {
		return nil
	}
	items, err := s.returnItems(ctx, o)
	if err != nil {
		return err
	}
	for i, it := range items {
		el := s.policy().Eligibility(it, now)
		if el.Returnable > 0 {
			v.Lines[i].Returnable, v.Lines[i].ReturnBy = true, el.ReturnUntil
			v.Returnable = true
		}
		v.Repairable = v.Repairable || el.Repairable > 0
	}
	if !v.Confirmed {
		return nil
	}
	list, err := s.cfg.Returns.ListByOrder(ctx, o.Number)
	if err != nil {
		return err
	}
	for _, ret := range list {
		v.Returns = append(v.Returns, returnSummary(ret))
	}
	return nil
}

// returnSummary is a request as a list shows it.
func returnSummary(r *returns.Return) api.ReturnSummary {
	s := api.ReturnSummary{Number: r.Number, Kind: r.Kind, OrderNumber: r.OrderNumber, Status: r.Status,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Names: make([]catalog.Text, 0, len(r.Lines))}
	for _, l := range r.Lines {
		s.Items += l.Qty
		s.Names = append(s.Names, l.Name)
	}
	return s
}

// returnPath is the usual way of a request of kind k to its end.
func returnPath(k returns.Kind) []returns.Status {
	switch k {
	case returns.KindExchange:
		return []returns.Status{returns.StatusRequested, returns.StatusApproved, returns.StatusInTransit,
			returns.StatusReceived, returns.StatusInspected, returns.StatusExchanged}
	case returns.KindRepair:
		return []returns.Status{returns.StatusRequested, returns.StatusApproved, returns.StatusInTransit,
			returns.StatusReceived, returns.StatusRepaired, returns.StatusShippedBack}
	}
	return []returns.Status{returns.StatusRequested, returns.StatusApproved, returns.StatusInTransit,
		returns.StatusReceived, returns.StatusInspected, returns.StatusRefunded}
}

// returnView is a request as the customer (staff false) or staff see it.
func returnView(r *returns.Return, o *orders.Order, staff bool) api.ReturnView {
	v := api.ReturnView{Return: *r, Path: returnPath(r.Kind)}
	v.IdempotencyKey = ""
	if o != nil {
		v.Customer = &api.Customer{Name: o.Name, Email: o.Email, Address: o.Address}
	}
	if staff {
		v.Next = returns.Next(r.Kind, r.Status)
		return v
	}
	// Customers see that the store moved their request, not which staff
	// member did: names of staff stay inside.
	v.Timeline = slices.Clone(r.Timeline)
	for i := range v.Timeline {
		if v.Timeline[i].By != returns.ByCustomer {
			v.Timeline[i].By = "store"
		}
	}
	return v
}

// prepareRequest reads the customer's request for order o, prices its
// exchange replacements and returns it with the order's items. Problems
// with the request come back as *returns.Problem errors (see
// writeProblems).
func (s *Server) prepareRequest(w http.ResponseWriter, r *http.Request, o *orders.Order) (returns.Request, []returns.Item, error) {
	var req returns.Request
	if err := decodeJSON(w, r, &req); err != nil {
		return req, nil, err
	}
	// The order is the one the browser proved; the body cannot name another.
	req.OrderNumber = o.Number
	items, err := s.returnItems(r.Context(), o)
	if err != nil {
		return req, nil, err
	}
	return req, items, s.priceTargets(r.Context(), &req, items)
}

// priceTargets sets each exchange replacement's name and price from the
// store's own data, whatever the browser sent:
//
//   - variant: a new unit of the same item. The catalog has no variants of
//     a product (sizes, colours) yet, so this is the like-for-like
//     replacement, priced at what the customer paid: no difference.
//   - configuration: another configuration of the same product, by its
//     configurator code, priced by the configurator.
//   - product: another product, at its catalog price.
//
// Replacements it cannot price are problems on the line's exchange field;
// other problems are left to the domain's validation.
func (s *Server) priceTargets(ctx context.Context, req *returns.Request, items []returns.Item) error {
	byID := map[string]returns.Item{}
	for _, it := range items {
		byID[it.LineID] = it
	}
	var ps []error
	bad := func(i int, field, key, msg string) {
		ps = append(ps, &returns.Problem{Err: catalog.FieldError(fmt.Sprintf("lines[%d].exchange.%s", i, field), key, msg)})
	}
	for i := range req.Lines {
		t := req.Lines[i].Exchange
		if t == nil {
			continue
		}
		t.Name, t.UnitPrice = nil, catalog.Money{}
		it, known := byID[req.Lines[i].LineID]
		if !known {
			continue // the domain reports the unknown line
		}
		switch t.Type {
		case returns.TargetVariant:
			t.Slug, t.SKU, t.ConfigurationID = it.Slug, it.SKU, ""
			t.Name, t.UnitPrice = it.Name, it.UnitPrice
		case returns.TargetConfiguration:
			t.Slug, t.SKU = it.Slug, ""
			cf := s.exchangeConfigurator(ctx, it.Slug)
			if cf == nil {
				bad(i, "type", "returns.err.exchange_not_configurable", "This product cannot be configured differently.")
				continue
			}
			c, err := catalog.DecodeConfiguration(cf, t.ConfigurationID)
			if err != nil || strings.TrimSpace(t.ConfigurationID) == "" {
				bad(i, "configurationId", "returns.err.exchange_configuration", "Choose the new configuration in the configurator.")
				continue
			}
			t.ConfigurationID = c.Encode()
			t.UnitPrice, _ = cf.Price(c)
			if p, err := s.cfg.Catalog.Product(ctx, it.Slug); err == nil {
				t.Name = p.Name
			} else {
				t.Name = it.Name
			}
		case returns.TargetProduct:
			t.ConfigurationID = ""
			if !catalog.ValidSlug(t.Slug) {
				continue // the domain reports it
			}
			p, err := s.cfg.Catalog.Product(ctx, t.Slug)
			if catalog.ErrorCode(err) == catalog.ENOTFOUND {
				bad(i, "slug", "returns.err.exchange_product_unknown", "We do not sell this product any more; choose another one.")
				continue
			}
			if err != nil {
				return err
			}
			t.SKU, t.Name, t.UnitPrice = p.SKU, p.Name, p.Price
		}
	}
	return errors.Join(ps...)
}

// mergeProblems joins the problems of a and b, keeping only the first
// problem about each field, and about each line's replacement: one that
// could not be priced is not also reported as having no price.
func mergeProblems(a, b error) error {
	seen := map[string]bool{}
	var out []error
	for _, p := range append(returns.Problems(a), returns.Problems(b)...) {
		key := p.Err.Field
		if i := strings.Index(key, ".exchange"); i >= 0 {
			key = key[:i+len(".exchange")]
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, p)
	}
	if len(out) == 0 {
		return errors.Join(a, b)
	}
	return errors.Join(out...)
}

// writeProblems answers a request with every *returns.Problem in err, as
// catalog.Errors in the usual envelope (see writeError), so the form marks
// every wrong field in one round trip; any other error as writeError does.
func (s *Server) writeProblems(w http.ResponseWriter, r *http.Request, err error) {
	ps := returns.Problems(err)
	if len(ps) == 0 {
		writeError(w, r, s.log, err)
		return
	}
	es := make(catalog.Errors, 0, len(ps))
	for _, p := range ps {
		e := *p.Err
		e.Params = p.Params
		es = append(es, &e)
	}
	writeError(w, r, s.log, es)
}

func (s *Server) quoteReturn(w http.ResponseWriter, r *http.Request) {
	o, err := s.returnsOrder(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	req, items, err := s.prepareRequest(w, r, o)
	priced := err
	if err != nil && len(returns.Problems(err)) == 0 {
		writeError(w, r, s.log, err)
		return
	}
	q, err := s.policy().Quote(req, items, s.cfg.Now())
	if err != nil || priced != nil {
		s.writeProblems(w, r, mergeProblems(priced, err))
		return
	}
	writeJSON(w, http.StatusOK, api.QuoteResponse{Quote: q, Targets: targets(req)})
}

// targets returns the priced replacements of req's exchange lines.
func targets(req returns.Request) map[string]returns.ExchangeTarget {
	out := map[string]returns.ExchangeTarget{}
	for _, l := range req.Lines {
		if l.Exchange != nil {
			out[l.LineID] = *l.Exchange
		}
	}
	return out
}

func (s *Server) createReturn(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	o, err := s.returnsOrder(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	req, items, err := s.prepareRequest(w, r, o)
	priced := err
	if err != nil && len(returns.Problems(err)) == 0 {
		writeError(w, r, s.log, err)
		return
	}
	// A resend finds the request it made before the items it took became
	// ineligible (they are now "already returned"), so it is answered
	// before validation. The store checks again, atomically, for two
	// requests racing each other.
	if key := req.IdempotencyKey; key != "" {
		list, err := s.cfg.Returns.ListByOrder(ctx, o.Number)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		for _, ret := range list {
			if ret.IdempotencyKey == key {
				writeJSON(w, http.StatusOK, api.ReturnResponse{Return: returnView(ret, o, false)})
				return
			}
		}
	}
	now := s.cfg.Now()
	ret, err := s.policy().NewReturn(req, items, now)
	if err != nil || priced != nil {
		s.writeProblems(w, r, mergeProblems(priced, err))
		return
	}
	stored, created, err := s.cfg.Returns.Create(ctx, ret)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		s.mailReturn(ctx, o, stored)
	}
	writeJSON(w, status, api.ReturnResponse{Return: returnView(stored, o, false), Created: created})
}

// customerReturn returns the request {return} of the order the browser
// proved; a request of another order is ENOTFOUND.
func (s *Server) customerReturn(r *http.Request) (*returns.Return, *orders.Order, error) {
	o, err := s.returnsOrder(r)
	if err != nil {
		return nil, nil, err
	}
	number := strings.ToUpper(r.PathValue("return"))
	notFound := &catalog.Error{Code: catalog.ENOTFOUND, Key: "returns.err.not_found", Message: "There is no such request for this order."}
	if !returns.ValidNumber(number) {
		return nil, nil, notFound
	}
	ret, err := s.cfg.Returns.Get(r.Context(), number)
	if catalog.ErrorCode(err) == catalog.ENOTFOUND || err == nil && ret.OrderNumber != o.Number {
		return nil, nil, notFound
	}
	return ret, o, err
}

func (s *Server) getReturn(w http.ResponseWriter, r *http.Request) {
	ret, o, err := s.customerReturn(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, api.ReturnResponse{Return: returnView(ret, o, false)})
}

// writePNG answers with an image the browser may keep privately for a
// while (it holds a request number, nothing that changes).
func writePNG(w http.ResponseWriter, b []byte, filename string) {
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=3600")
	if filename != "" {
		w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(http.StatusOK)
	w.Write(b)
}

func (s *Server) returnQR(w http.ResponseWriter, r *http.Request) {
	ret, _, err := s.customerReturn(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	b, err := qrPNG(ret.Number, 512)
	if err != nil {
		writeError(w, r, s.log, fmt.Errorf("qr code of %s: %w", ret.Number, err))
		return
	}
	writePNG(w, b, "")
}

// labelLocale is the language of the label's words: the customer's, except
// Chinese, which the label's font cannot draw (English then).
func labelLocale(r *http.Request) string {
	if l := negotiateLocale(r); l != "zh-Hans" {
		return l
	}
	return i18n.Default
}

func (s *Server) returnLabel(w http.ResponseWriter, r *http.Request) {
	ret, o, err := s.customerReturn(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	loc := labelLocale(r)
	t := func(key string, args ...string) string { return i18n.T(loc, key, args...) }
	l := label{
		Title:     "VITRINE · " + strings.ToUpper(t("returns.kind."+string(ret.Kind))),
		Order:     t("returns.for_order") + " " + ret.OrderNumber,
		Number:    ret.Number,
		FromTitle: t("returns.label.from"), ToTitle: t("returns.label.to"), To: s.cfg.ReturnAddress,
		Notes: []string{t("returns.label.send_by", "date", i18n.FormatDate(loc, ret.Quote.SendBy.In(s.policyLocation())))},
	}
	if ret.ShippingMethod == returns.ShippingPickup {
		l.Notes = append(l.Notes, t("returns.label.pickup"))
	} else {
		l.Notes = append(l.Notes, t("returns.label.drop_off"))
	}
	units := 0
	for _, ln := range ret.Lines {
		units += ln.Qty
	}
	l.Notes = append(l.Notes, t("returns.label.items", "count", strconv.Itoa(units)))
	a := o.Address
	l.From = append(append([]string{o.Name}, a.Lines...), strings.TrimSpace(a.Postcode+" "+a.City), a.Country)
	b, err := labelPNG(l)
	if err != nil {
		writeError(w, r, s.log, fmt.Errorf("label of %s: %w", ret.Number, err))
		return
	}
	writePNG(w, b, ret.Number+"-label.png")
}

// policyLocation is where the policy's days end: deadlines are dates there.
func (s *Server) policyLocation() *time.Location {
	if loc := s.policy().Location; loc != nil {
		return loc
	}
	return time.UTC
}

// newPhotoID returns a random photo ID: unguessable, so knowing one
// photo's address tells nothing about another's.
func newPhotoID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return "ph-" + hex.EncodeToString(b[:]), nil
}

func errPhotoTooLarge() error {
	return &catalog.Error{Code: catalog.ETOOLARGE, Field: "photo", Key: "returns.err.photo_too_large",
		Message: fmt.Sprintf("Photos can be at most %d MB.", api.MaxPhotoBytes>>20),
		Params:  map[string]string{"max": strconv.Itoa(api.MaxPhotoBytes >> 20)}}
}

// uploadReturnPhoto answers POST /orders/{number}/return-photos: one photo,
// as the raw body or as the part "photo" of a multipart form. Size and type are checked before the body is read
// through: a Content-Length over the limit is refused at once, the body is
// read through a MaxBytesReader, and the type is sniffed from the first
// bytes. The photo is then decoded and encoded again (returnphoto.go) and
// stored in one write; a photo that fails anywhere leaves nothing behind.
func (s *Server) uploadReturnPhoto(w http.ResponseWriter, r *http.Request) {
	o, err := s.returnsOrder(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	const limit = api.MaxPhotoBytes + photoUploadSlack
	if r.ContentLength > limit {
		writeError(w, r, s.log, errPhotoTooLarge())
		return
	}
	body := http.MaxBytesReader(w, r.Body, limit)
	mediaType, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var src io.Reader
	switch {
	case mediaType == "multipart/form-data" && params["boundary"] != "":
		part, err := photoPart(multipart.NewReader(body, params["boundary"]))
		if err != nil {
			writeError(w, r, s.log, uploadError(err))
			return
		}
		src = part
	default:
		// A raw body, whatever type the browser named: phones label
		// photos inconsistently, and the bytes decide below.
		src = body
	}
	br := bufio.NewReaderSize(src, 512)
	head, err := br.Peek(12)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		writeError(w, r, s.log, uploadError(err))
		return
	}
	kind := sniffPhoto(head)
	if kind == "" {
		writeError(w, r, s.log, errPhotoType())
		return
	}
	data, err := io.ReadAll(io.LimitReader(br, api.MaxPhotoBytes+1))
	if err != nil {
		writeError(w, r, s.log, uploadError(err))
		return
	}
	if len(data) > api.MaxPhotoBytes {
		writeError(w, r, s.log, errPhotoTooLarge())
		return
	}
	ph, err := processPhoto(data, kind)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	id, err := newPhotoID()
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	meta := returns.Photo{ID: id, OrderNumber: o.Number, ContentType: ph.contentType, Size: int64(len(ph.data)),
		Width: ph.width, Height: ph.height, CreatedAt: s.cfg.Now()}
	// A form holds at most MaxPhotos per item; a few more allow for photos
	// replaced before sending.
	maxPending := returns.MaxPhotos*len(o.Lines) + returns.MaxPhotos
	if err := s.cfg.ReturnPhotos.PutPhotoData(r.Context(), meta, ph.data, maxPending); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusCreated, api.ReturnPhotoResponse{Photo: api.ReturnPhoto{
		ID: id, ContentType: meta.ContentType, Width: meta.Width, Height: meta.Height, Size: meta.Size}})
}

// photoPart returns the multipart form's part named "photo".
func photoPart(mr *multipart.Reader) (*multipart.Part, error) {
	for {
		p, err := mr.NextPart()
		if err != nil {
			return nil, err
		}
		if p.FormName() == "photo" {
			return p, nil
		}
	}
}

// uploadError turns a failure to read an upload into what the customer
// should hear: too large, or not a photo we could read.
func uploadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return errPhotoTooLarge()
	}
	return errPhotoCorrupt()
}

// customerPhoto returns the photo {id} of the order the browser proved.
func (s *Server) customerPhoto(r *http.Request) (*returns.Photo, []byte, error) {
	o, err := s.returnsOrder(r)
	if err != nil {
		return nil, nil, err
	}
	p, data, err := s.cfg.ReturnPhotos.PhotoData(r.Context(), r.PathValue("id"))
	if err == nil && p.OrderNumber != o.Number {
		err = &catalog.Error{Code: catalog.ENOTFOUND, Key: "returns.err.photo_not_found", Message: "There is no such photo."}
	}
	return p, data, err
}

// writePhoto answers with a stored photo. It was re-encoded by the server,
// so its type is known; nosniff (set for every response) keeps the browser
// from guessing another.
func writePhoto(w http.ResponseWriter, p *returns.Photo, data []byte) {
	w.Header().Set("Content-Type", p.ContentType)
	w.Header().Set("Cache-Control", "private, max-age=86400")
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	w.Write(data)
}

func (s *Server) getReturnPhoto(w http.ResponseWriter, r *http.Request) {
	p, data, err := s.customerPhoto(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writePhoto(w, p, data)
}

func (s *Server) deleteReturnPhoto(w http.ResponseWriter, r *http.Request) {
	p, _, err := s.customerPhoto(r)
	if err == nil {
		err = s.cfg.Returns.DeletePhoto(r.Context(), p.ID)
	}
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNoContent)
}

// statusesParam reads "?status=requested,approved" for the staff list.
func statusesParam(v string) ([]returns.Status, error) {
	var out []returns.Status
	for _, s := range strings.Split(v, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		st := returns.Status(s)
		if !slices.Contains(allStatuses, st) {
			return nil, catalog.FieldError("status", "returns.err.status_filter", "Unknown status "+strconv.Quote(s)+".")
		}
		out = append(out, st)
	}
	return out, nil
}

// allStatuses lists every status, in the order the staff filter offers them.
var allStatuses = []returns.Status{
	returns.StatusRequested, returns.StatusApproved, returns.StatusInTransit, returns.StatusReceived,
	returns.StatusInspected, returns.StatusRepaired, returns.StatusRefunded, returns.StatusExchanged,
	returns.StatusShippedBack, returns.StatusRejected,
}

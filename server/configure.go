package server

import (
	"context"
	"fmt"
	"net/http"

	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// configureRoutes adds the configurator, cart and checkout endpoints.
// Every price they answer with is computed here from the catalog; the
// browser's own figures are never read.
func (s *Server) configureRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET "+api.Prefix+"/configurators/{slug}", s.getConfigurator)
	mux.HandleFunc("POST "+api.Prefix+"/configurations/price", s.priceConfiguration)
	mux.HandleFunc("POST "+api.Prefix+"/cart/price", s.priceCart)
	if s.cfg.Checkout != nil {
		mux.HandleFunc("POST "+api.Prefix+"/orders", s.placeOrder)
	}
}

// configurator returns a product and its configurator; ENOTFOUND if either
// is missing.
func (s *Server) configurator(ctx context.Context, slug string) (*catalog.Product, *catalog.Configurator, error) {
	p, err := s.cfg.Catalog.Product(ctx, slug)
	if err != nil {
		return nil, nil, err
	}
	cf, err := s.cfg.Configurators.Configurator(ctx, slug)
	if err != nil {
		return nil, nil, err
	}
	return p, cf, nil
}

func (s *Server) getConfigurator(w http.ResponseWriter, r *http.Request) {
	p, cf, err := s.configurator(r.Context(), r.PathValue("slug"))
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, api.ConfiguratorResponse{Product: *p, Configurator: *cf})
}

func (s *Server) priceConfiguration(w http.ResponseWriter, r *http.Request) {
	var req api.ConfigurationPriceRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	resp, err := s.priceConfig(r.Context(), req)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) priceConfig(ctx context.Context, req api.ConfigurationPriceRequest) (*api.ConfigurationPriceResponse, error) {
	if !catalog.ValidSlug(req.Product) {
		return nil, catalog.FieldError("product", "configurator.err.not_configurable", "Choose a product to configure.")
	}
	p, cf, err := s.configurator(ctx, req.Product)
	if err != nil {
		return nil, err
	}
	var cfg catalog.Configuration
	switch {
	case req.Configuration != nil && req.Code != "":
		return nil, catalog.FieldError("code", "configurator.err.bad_code", "Send the configuration or its code, not both.")
	case req.Configuration != nil:
		cfg = *req.Configuration
		if err := cf.Validate(cfg); err != nil {
			return nil, err
		}
	default:
		if cfg, err = catalog.DecodeConfiguration(cf, req.Code); err != nil {
			return nil, err
		}
	}
	var notices []catalog.ConfigNotice
	if req.Change != nil {
		if cfg, notices, err = cf.Apply(cfg, *req.Change); err != nil {
			return nil, err
		}
	}
	products, err := s.cfg.Catalog.Products(ctx, catalog.ProductFilter{})
	if err != nil {
		return nil, fmt.Errorf("accessories: %w", err)
	}
	total, lines := cf.Price(cfg)
	lead := cf.LeadTime(cfg)
	if notices == nil {
		notices = []catalog.ConfigNotice{}
	}
	return &api.ConfigurationPriceResponse{
		Configuration: cfg, Code: cfg.Encode(), Total: total, Lines: lines, Parts: cf.Parts(cfg),
		LeadTimeDays: lead, DeliveryBy: catalog.DeliveryDate(s.cfg.Now(), lead, catalog.ShippingStandard),
		Availability: cf.Availability(cfg), Notices: notices,
		Accessories: productsBySlug(products, cf.Accessories(cfg, products), p.Slug),
	}, nil
}

// productsBySlug returns the products named by slugs, in that order,
// leaving out except.
func productsBySlug(products []catalog.Product, slugs []string, except ...string) []catalog.Product {
	out := []catalog.Product{}
	for _, slug := range slugs {
		skip := false
		for _, e := range except {
			skip = skip || e == slug
		}
		for _, p := range products {
			if p.Slug == slug && !skip {
				out = append(out, p)
			}
		}
	}
	return out
}

func (s *Server) priceCart(w http.ResponseWriter, r *http.Request) {
	var req api.CartPriceRequest
	if err := decodeJSON(w, r, &req); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	if req.Shipping == "" {
		req.Shipping = catalog.ShippingStandard
	}
	if !catalog.ValidShippingMethod(req.Shipping) {
		writeError(w, r, s.log, catalog.FieldError("shipping", "checkout.err.shipping", "Choose how you want to receive the order."))
		return
	}
	lines, err := catalog.PriceCart(r.Context(), s.cfg.Catalog, s.cfg.Configurators, req.Items)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	accessories, err := s.cartAccessories(r.Context(), lines)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	totals := s.cfg.Cart.Totals(lines, req.Shipping)
	writeJSON(w, http.StatusOK, api.CartPriceResponse{
		Lines: wireLines(lines), Totals: totals, Shipping: req.Shipping,
		DeliveryBy:  catalog.DeliveryDate(s.cfg.Now(), totals.LeadTimeDays, req.Shipping),
		Accessories: accessories,
	})
}

func wireLines(lines []catalog.CartLine) []api.CartLine {
	out := make([]api.CartLine, len(lines))
	for i, l := range lines {
		out[i] = api.CartLine{Product: l.Product, Qty: l.Item.Qty, Configuration: l.Item.Configuration,
			UnitPrice: l.UnitPrice, Total: l.Total, LeadTimeDays: l.LeadTimeDays, Snapshot: l.Snapshot}
	}
	return out
}

// maxCartAccessories keeps the cart's suggestions short: they are offered,
// never in the way of ordering.
const maxCartAccessories = 4

// cartAccessories returns what the configurators suggest for the
// configured lines, without what the cart already holds.
func (s *Server) cartAccessories(ctx context.Context, lines []catalog.CartLine) ([]catalog.Product, error) {
	var slugs, inCart []string
	products := []catalog.Product(nil)
	for _, l := range lines {
		inCart = append(inCart, l.Product.Slug)
	}
	seen := map[string]bool{}
	for _, l := range lines {
		if l.Snapshot == nil {
			continue
		}
		cf, err := s.cfg.Configurators.Configurator(ctx, l.Product.Slug)
		if err != nil {
			return nil, err
		}
		if products == nil {
			if products, err = s.cfg.Catalog.Products(ctx, catalog.ProductFilter{}); err != nil {
				return nil, fmt.Errorf("accessories: %w", err)
			}
		}
		for _, slug := range cf.Accessories(l.Snapshot.Configuration(), products) {
			if !seen[slug] {
				seen[slug] = true
				slugs = append(slugs, slug)
			}
		}
	}
	out := productsBySlug(products, slugs, inCart...)
	if len(out) > maxCartAccessories {
		out = out[:maxCartAccessories]
	}
	return out, nil
}

// Package demo builds the demo store: categories, products, orders and the
// rest that later features add, all by deterministic Go code, in this one
// place. Seed writes it through the domain stores, so it works on any store
// implementation.
package demo

import (
	"context"
	"fmt"
	"time"

	"vitrine/portal/orders"
	"vitrine/portal/returns"
	"vitrine/showroom/catalog"
)

// Stores are the stores the demo data goes into.
type Stores struct {
	Catalog catalog.Store
	Orders  orders.Store
	// Returns and ReturnPhotos, when set, get the demo requests
	// (returns.go).
	Returns      returns.Store
	ReturnPhotos PhotoWriter
}

// Seed fills empty stores with the demo store and reports whether it did. A
// store that already has a catalog is left alone, so restarting the server
// keeps what customers and staff changed. Dates in the demo (deliveries,
// delays) are relative to now, so the demo orders are in their states on
// any day.
func Seed(ctx context.Context, s Stores, now time.Time) (bool, error) {
	cs, err := s.Catalog.Categories(ctx)
	if err != nil {
		return false, err
	}
	if len(cs) > 0 {
		return false, nil
	}
	for _, c := range Categories() {
		if err := s.Catalog.PutCategory(ctx, c); err != nil {
			return false, fmt.Errorf("category %s: %w", c.Slug, err)
		}
	}
	for _, p := range Products() {
		if err := s.Catalog.PutProduct(ctx, p); err != nil {
			return false, fmt.Errorf("product %s: %w", p.Slug, err)
		}
	}
	for _, o := range Orders(now) {
		if err := s.Orders.CreateOrder(ctx, &o); err != nil {
			return false, fmt.Errorf("order %s: %w", o.Number, err)
		}
	}
	if s.Returns != nil {
		if err := seedReturns(ctx, s, now); err != nil {
			return false, fmt.Errorf("returns: %w", err)
		}
	}
	return true, nil
}

// Package demo builds the demo store: categories, products, orders and the
// rest that later features add, all by deterministic Go code, in this one
// place. Seed writes it through the domain stores, so it works on any store
// implementation.
package demo

import (
	"context"
	"fmt"

	"vitrine/showroom/catalog"
)

// Stores are the stores the demo data goes into.
type Stores struct {
	Catalog catalog.Store
}

// Seed fills empty stores with the demo store and reports whether it did. A
// store that already has a catalog is left alone, so restarting the server
// keeps what customers and staff changed.
func Seed(ctx context.Context, s Stores) (bool, error) {
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
	return true, nil
}

package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"vitrine/showroom/catalog"
)

// CatalogStore implements catalog.Store.
type CatalogStore struct{ db *DB }

// NewCatalogStore returns a catalog.Store over db.
func NewCatalogStore(db *DB) *CatalogStore { return &CatalogStore{db: db} }

var _ catalog.Store = (*CatalogStore)(nil)

// Categories implements catalog.Store.
func (s *CatalogStore) Categories(ctx context.Context) ([]catalog.Category, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT slug, name, description, position, featured FROM categories ORDER BY position, slug`)
	if err != nil {
		return nil, fmt.Errorf("list categories: %w", err)
	}
	defer rows.Close()
	var out []catalog.Category
	for rows.Next() {
		var c catalog.Category
		var name, desc string
		if err := rows.Scan(&c.Slug, &name, &desc, &c.Position, &c.Featured); err != nil {
			return nil, fmt.Errorf("scan category: %w", err)
		}
		if err := unmarshalAll(&c.Name, name, &c.Description, desc); err != nil {
			return nil, fmt.Errorf("category %s: %w", c.Slug, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

const productColumns = `p.slug, p.sku, p.category, p.name, p.description, p.price_amount, p.price_currency,
	p.stock, p.lead_time_days, p.specs, p.configurable, p.featured, p.final_sale, p.warranty_months,
	p.model, p.thumbnail, p.position, p.hotspots`

func scanProduct(sc interface{ Scan(...any) error }) (*catalog.Product, error) {
	var p catalog.Product
	var name, desc, specs, hotspots string
	if err := sc.Scan(&p.Slug, &p.SKU, &p.Category, &name, &desc, &p.Price.Amount, &p.Price.Currency,
		&p.Stock, &p.LeadTimeDays, &specs, &p.Configurable, &p.Featured, &p.FinalSale, &p.WarrantyMonths,
		&p.Model, &p.Thumbnail, &p.Position, &hotspots); err != nil {
		return nil, err
	}
	if err := unmarshalAll(&p.Name, name, &p.Description, desc, &p.Specs, specs, &p.Hotspots, hotspots); err != nil {
		return nil, fmt.Errorf("product %s: %w", p.Slug, err)
	}
	// No hotspots reads back as nil, not an empty slice, so a product
	// round-trips unchanged and its JSON omits the field.
	if len(p.Hotspots) == 0 {
		p.Hotspots = nil
	}
	return &p, nil
}

// Products implements catalog.Store. The query filter runs in Go over the
// category's products: the catalog is small, and matching every locale's
// text is simpler there than in SQL.
func (s *CatalogStore) Products(ctx context.Context, f catalog.ProductFilter) ([]catalog.Product, error) {
	if f.Category != "" {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM categories WHERE slug = ?`, f.Category).Scan(&n); err != nil {
			return nil, fmt.Errorf("find category %s: %w", f.Category, err)
		}
		if n == 0 {
			return nil, &catalog.Error{Code: catalog.ENOTFOUND, Key: "catalog.category_not_found", Message: "We could not find this category."}
		}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+productColumns+`
		FROM products p JOIN categories c ON c.slug = p.category
		WHERE (? = '' OR p.category = ?) AND (? = 0 OR p.featured = 1)
		ORDER BY c.position, p.position, p.slug`, f.Category, f.Category, f.Featured)
	if err != nil {
		return nil, fmt.Errorf("list products: %w", err)
	}
	defer rows.Close()
	out := []catalog.Product{}
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, fmt.Errorf("scan product: %w", err)
		}
		if p.Matches(f.Query) {
			out = append(out, *p)
		}
	}
	return out, rows.Err()
}

// Product implements catalog.Store.
func (s *CatalogStore) Product(ctx context.Context, slug string) (*catalog.Product, error) {
	p, err := scanProduct(s.db.QueryRowContext(ctx, `SELECT `+productColumns+` FROM products p WHERE p.slug = ?`, slug))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &catalog.Error{Code: catalog.ENOTFOUND, Key: "catalog.not_found", Message: "We could not find this product."}
	} else if err != nil {
		return nil, fmt.Errorf("load product %s: %w", slug, err)
	}
	return p, nil
}

// PutCategory implements catalog.Store.
func (s *CatalogStore) PutCategory(ctx context.Context, c catalog.Category) error {
	if err := c.Validate(); err != nil {
		return err
	}
	name, _ := json.Marshal(c.Name)
	desc, _ := json.Marshal(c.Description)
	_, err := s.db.ExecContext(ctx, `INSERT INTO categories (slug, name, description, position, featured)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description,
			position = excluded.position, featured = excluded.featured`,
		c.Slug, string(name), string(desc), c.Position, c.Featured)
	if err != nil {
		return fmt.Errorf("put category %s: %w", c.Slug, err)
	}
	return nil
}

// PutProduct implements catalog.Store.
func (s *CatalogStore) PutProduct(ctx context.Context, p catalog.Product) error {
	if err := p.Validate(); err != nil {
		return err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM categories WHERE slug = ?`, p.Category).Scan(&n); err != nil {
		return fmt.Errorf("find category %s: %w", p.Category, err)
	}
	if n == 0 {
		return catalog.Errorf(catalog.EINVALID, "product %s: category %s does not exist", p.Slug, p.Category)
	}
	name, _ := json.Marshal(p.Name)
	desc, _ := json.Marshal(p.Description)
	if p.Specs == nil {
		p.Specs = []catalog.Spec{}
	}
	specs, _ := json.Marshal(p.Specs)
	// Validate has checked that every position is finite, so the hotspots
	// always marshal; nil is stored as the column's empty list.
	if p.Hotspots == nil {
		p.Hotspots = []catalog.Hotspot{}
	}
	hotspots, _ := json.Marshal(p.Hotspots)
	_, err := s.db.ExecContext(ctx, `INSERT INTO products (slug, sku, category, name, description, price_amount,
		price_currency, stock, lead_time_days, specs, configurable, featured, final_sale, warranty_months,
		model, thumbnail, position, hotspots)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (slug) DO UPDATE SET sku = excluded.sku, category = excluded.category, name = excluded.name,
			description = excluded.description, price_amount = excluded.price_amount,
			price_currency = excluded.price_currency, stock = excluded.stock,
			lead_time_days = excluded.lead_time_days, specs = excluded.specs,
			configurable = excluded.configurable, featured = excluded.featured,
			final_sale = excluded.final_sale, warranty_months = excluded.warranty_months,
			model = excluded.model, thumbnail = excluded.thumbnail, position = excluded.position,
			hotspots = excluded.hotspots`,
		p.Slug, p.SKU, p.Category, string(name), string(desc), p.Price.Amount, p.Price.Currency, p.Stock,
		p.LeadTimeDays, string(specs), p.Configurable, p.Featured, p.FinalSale, p.WarrantyMonths,
		p.Model, p.Thumbnail, p.Position, string(hotspots))
	if err != nil {
		return fmt.Errorf("put product %s: %w", p.Slug, err)
	}
	return nil
}

// unmarshalAll decodes pairs of (destination, JSON text).
func unmarshalAll(pairs ...any) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if err := json.Unmarshal([]byte(pairs[i+1].(string)), pairs[i]); err != nil {
			return err
		}
	}
	return nil
}

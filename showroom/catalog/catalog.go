// Package catalog is the store's catalog domain: categories (each one a stand
// in the 3D showroom), products with their specifications and prices, and the
// parts and options of products the buyer assembles. It is pure Go: it does
// no I/O and imports nothing of HTTP, SQL or go-app. The store it needs is
// declared here and implemented in server/sqlite.
package catalog

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strings"
)

// Category is a product line. Every category is also a stand in the showroom
// hall, so it carries the stand's place in the hall's order.
type Category struct {
	Slug        string `json:"slug"`
	Name        Text   `json:"name"`
	Description Text   `json:"description"`
	// Position orders categories in menus and stands in the hall, from 0.
	Position int `json:"position"`
	// Featured categories are shown first on the home page.
	Featured bool `json:"featured"`
}

// Spec is one row of a product's specifications table. Key names the row and
// is translated by the UI ("spec.width"); Value is catalog content, often the
// same in every language ("180 × 90 cm"), so one "en" entry is enough then.
type Spec struct {
	Key   string `json:"key"`
	Value Text   `json:"value"`
}

// Hotspot is a numbered marker on a product's 3D model that explains one
// feature of the product where it is: the shopper taps it (or reaches it
// with Tab, or hears it from a screen reader) to read Title and Text.
type Hotspot struct {
	// ID names the hotspot within its product, so the inspector can keep a
	// stable element id and link to it; it is a slug.
	ID string `json:"id"`
	// Position is the anchor in metres, in the model's own coordinates: +Y
	// up, +Z the product's front, pivot at the centre of the footprint on
	// the floor (the conventions of the models in assets/gen). The
	// inspector applies the same transform as to the model.
	Position [3]float64 `json:"position"`
	// Title is a short label (two to five words); Text explains the feature
	// in a sentence or two.
	Title Text `json:"title"`
	Text  Text `json:"text"`
}

// MaxHotspots is how many hotspots a product may have. More markers than
// this crowd a phone-sized view of the model and make a long Tab order
// before the buy button.
const MaxHotspots = 6

// Product is something the store sells.
type Product struct {
	Slug        string `json:"slug"`
	SKU         string `json:"sku"`
	Category    string `json:"category"`
	Name        Text   `json:"name"`
	Description Text   `json:"description"`
	Price       Money  `json:"price"`
	// Stock is the number of units ready to ship; when it is 0 the product
	// ships after LeadTimeDays.
	Stock        int    `json:"stock"`
	LeadTimeDays int    `json:"leadTimeDays"`
	Specs        []Spec `json:"specs"`
	// Configurable products are assembled from parts the buyer chooses in the
	// configurator; Price is then the price of the default configuration.
	Configurable bool `json:"configurable"`
	// Featured products are shown on the home page.
	Featured bool `json:"featured"`
	// FinalSale products cannot be returned.
	FinalSale bool `json:"finalSale"`
	// WarrantyMonths is how long repairs are covered after delivery.
	WarrantyMonths int `json:"warrantyMonths"`
	// Model is the path of the product's 3D model (GLB) under /web/, and
	// Thumbnail the path of its picture; empty until the product has them.
	Model     string `json:"model,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
	// Position orders products on their stand and in lists, from 0.
	Position int `json:"position"`
	// Hotspots explain features on the model, in the order the inspector
	// numbers them; a product without a model has none.
	Hotspots []Hotspot `json:"hotspots,omitempty"`
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether s is a well-formed slug: lowercase letters and
// digits in groups joined by single hyphens, at most 64 characters.
func ValidSlug(s string) bool { return len(s) <= 64 && slugRE.MatchString(s) }

// Validate reports the first problem with c as an EINVALID *Error.
func (c *Category) Validate() error {
	switch {
	case !ValidSlug(c.Slug):
		return Errorf(EINVALID, "category slug %q is not valid", c.Slug)
	case c.Name["en"] == "":
		return Errorf(EINVALID, "category %s has no English name", c.Slug)
	}
	return nil
}

// Validate reports the first problem with p as an EINVALID *Error.
func (p *Product) Validate() error {
	switch {
	case !ValidSlug(p.Slug):
		return Errorf(EINVALID, "product slug %q is not valid", p.Slug)
	case p.SKU == "":
		return Errorf(EINVALID, "product %s has no SKU", p.Slug)
	case !ValidSlug(p.Category):
		return Errorf(EINVALID, "product %s has no valid category", p.Slug)
	case p.Name["en"] == "":
		return Errorf(EINVALID, "product %s has no English name", p.Slug)
	case p.Price.Amount < 0 || p.Price.Currency == "":
		return Errorf(EINVALID, "product %s has no valid price", p.Slug)
	case p.Stock < 0 || p.LeadTimeDays < 0:
		return Errorf(EINVALID, "product %s has negative stock or lead time", p.Slug)
	}
	return p.validateHotspots()
}

// validateHotspots reports the first problem with p's hotspots. Each error
// names the hotspot's field, so an editor can point at it.
func (p *Product) validateHotspots() error {
	if len(p.Hotspots) > MaxHotspots {
		return &Error{Code: EINVALID, Field: "hotspots",
			Message: fmt.Sprintf("product %s has %d hotspots; at most %d are allowed", p.Slug, len(p.Hotspots), MaxHotspots)}
	}
	seen := make(map[string]bool, len(p.Hotspots))
	for i, h := range p.Hotspots {
		field := fmt.Sprintf("hotspots[%d]", i)
		bad := func(name, format string, args ...any) error {
			return &Error{Code: EINVALID, Field: field + name,
				Message: fmt.Sprintf("product %s hotspot %d: ", p.Slug, i+1) + fmt.Sprintf(format, args...)}
		}
		switch {
		case !ValidSlug(h.ID):
			return bad(".id", "id %q is not valid", h.ID)
		case seen[h.ID]:
			return bad(".id", "id %q is used twice", h.ID)
		case h.Title["en"] == "":
			return bad(".title", "no English title")
		case h.Text["en"] == "":
			return bad(".text", "no English text")
		}
		// A NaN or infinite coordinate would put the marker nowhere (or
		// everywhere) on screen, and encoding/json cannot even write it.
		for _, c := range h.Position {
			if math.IsNaN(c) || math.IsInf(c, 0) {
				return bad(".position", "position is not a finite point")
			}
		}
		seen[h.ID] = true
	}
	return nil
}

// Matches reports whether p matches the search query q in any locale: every
// word of q must appear in the product's name, description or SKU. The empty
// query matches everything.
func (p *Product) Matches(q string) bool {
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return true
	}
	var hay strings.Builder
	hay.WriteString(strings.ToLower(p.SKU))
	for _, t := range []Text{p.Name, p.Description} {
		for _, s := range t {
			hay.WriteString(" ")
			hay.WriteString(strings.ToLower(s))
		}
	}
	h := hay.String()
	for _, w := range words {
		if !strings.Contains(h, w) {
			return false
		}
	}
	return true
}

// ProductFilter selects products. Zero fields select everything.
type ProductFilter struct {
	Category string
	// Query is matched as by Product.Matches.
	Query    string
	Featured bool
}

// Store keeps the catalog.
type Store interface {
	// Categories returns every category ordered by Position.
	Categories(ctx context.Context) ([]Category, error)
	// Products returns the products matching f, ordered by category position
	// then product position. Returns ENOTFOUND if f names an unknown category.
	Products(ctx context.Context, f ProductFilter) ([]Product, error)
	// Product returns one product. Returns ENOTFOUND if no product has slug.
	Product(ctx context.Context, slug string) (*Product, error)
	// PutCategory creates or replaces a category. Returns EINVALID if it does
	// not validate.
	PutCategory(ctx context.Context, c Category) error
	// PutProduct creates or replaces a product. Returns EINVALID if it does
	// not validate or its category does not exist.
	PutProduct(ctx context.Context, p Product) error
}

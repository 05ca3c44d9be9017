package showroom

import (
	"crypto/rand"
	"encoding/hex"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/showroom/catalog"
)

// CartState is the go-app state holding the cart. It is persisted in local
// storage, so the cart survives a reload; the server prices it again every
// time it is shown, so what is stored is only what was chosen, never a
// price.
const CartState = "cart"

// cartEntry is one line of the stored cart.
type cartEntry struct {
	// ID tells lines apart, so the configurator can edit one in place.
	ID      string `json:"id"`
	Product string `json:"product"`
	Qty     int    `json:"qty"`
	// Configuration is the share code of a configured product.
	Configuration string `json:"configuration,omitempty"`
	// Name is the product's name when it was added, to name a line the
	// catalog no longer sells.
	Name catalog.Text `json:"name,omitempty"`
}

// loadCart returns the stored cart.
func loadCart(ctx app.Context) []cartEntry {
	var c []cartEntry
	ctx.GetState(CartState, &c)
	out := c[:0]
	for _, e := range c {
		if e.ID != "" && e.Product != "" && e.Qty > 0 {
			out = append(out, e)
		}
	}
	return out
}

// saveCart stores the cart and the header's item count.
func saveCart(ctx app.Context, c []cartEntry) {
	if c == nil {
		c = []cartEntry{}
	}
	n := 0
	for _, e := range c {
		n += e.Qty
	}
	ctx.SetState(CartState, c).Persist()
	ctx.SetState(ui.CartCountState, n).Persist()
}

// addToCart adds qty of product (configured as code, if any) to the cart,
// to the line that already holds the same thing if there is one, and
// returns the line's ID.
func addToCart(ctx app.Context, product, code string, qty int, name catalog.Text) string {
	c := loadCart(ctx)
	for i := range c {
		if c[i].Product == product && c[i].Configuration == code {
			c[i].Qty = min(c[i].Qty+qty, catalog.MaxLineQty)
			saveCart(ctx, c)
			return c[i].ID
		}
	}
	e := cartEntry{ID: newID(), Product: product, Qty: qty, Configuration: code, Name: name}
	saveCart(ctx, append(c, e))
	return e.ID
}

// cartItems is the cart as the API prices it.
func cartItems(c []cartEntry) []catalog.CartItem {
	items := make([]catalog.CartItem, len(c))
	for i, e := range c {
		items[i] = catalog.CartItem{Product: e.Product, Qty: e.Qty, Configuration: e.Configuration}
	}
	return items
}

// newID returns a random identifier (32 hex digits), for cart lines and
// checkout idempotency keys.
func newID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

package showroom

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/portal"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// cartPage is /cart: what the customer chose, priced by the server every
// time it is shown, with VAT and shipping. Lines the catalog can no longer
// sell as they are stay listed with the reason, so the customer decides.
type cartPage struct {
	app.Compo
	ui.Localized

	entries []cartEntry
	// priced has a line for every entry without a problem, in order.
	priced   *api.CartPriceResponse
	problems map[string]string // entry ID → translation key
	err      error
	loaded   bool
	seq      int
	status   string
}

// NewCart returns the cart page.
func NewCart() app.Composer { return &cartPage{} }

// OnNav runs on the server's prerender and on every navigation in the browser.
func (c *cartPage) OnNav(ctx app.Context) {
	c.BindLocale(ctx)
	ctx.Page().SetTitle(c.T("page.cart") + " · " + c.T("app.name"))
	c.status, c.err, c.loaded, c.priced, c.problems = "", nil, false, nil, nil
	if app.IsServer {
		return // the cart lives in the browser
	}
	c.entries = loadCart(ctx)
	c.price(ctx)
}

// price asks the server for the cart's prices. Lines it refuses are set
// aside with their reason and the rest is priced again, so the totals are
// always those of what can be ordered.
func (c *cartPage) price(ctx app.Context) {
	c.seq++
	seq, entries := c.seq, append([]cartEntry(nil), c.entries...)
	if len(entries) == 0 {
		c.loaded, c.priced = true, nil
		return
	}
	ctx.Async(func() {
		r, problems, err := priceCart(entries, catalog.ShippingStandard)
		ctx.Dispatch(func(ctx app.Context) {
			if seq != c.seq {
				return
			}
			c.priced, c.problems, c.err, c.loaded = r, problems, err, true
		})
	})
}

// priceCart prices entries, setting aside the lines the server refuses:
// it returns the prices of the others and the refused ones' reasons by
// entry ID.
func priceCart(entries []cartEntry, shipping string) (*api.CartPriceResponse, map[string]string, error) {
	problems := map[string]string{}
	for range 2 {
		var ok []cartEntry
		for _, e := range entries {
			if problems[e.ID] == "" {
				ok = append(ok, e)
			}
		}
		r, err := (&api.Client{}).PriceCart(context.Background(), api.CartPriceRequest{Items: cartItems(ok), Shipping: shipping})
		fields := fieldKeys(err)
		if err == nil || len(fields) == 0 {
			return r, problems, err
		}
		for i, e := range ok {
			for _, part := range []string{"product", "qty", "configuration"} {
				if key := fields[fmt.Sprintf("items[%d].%s", i, part)]; key != "" {
					problems[e.ID] = key
				}
			}
		}
	}
	return nil, problems, fmt.Errorf("the cart could not be priced")
}

func (c *cartPage) setQty(id string, qty int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		for i := range c.entries {
			if c.entries[i].ID == id {
				c.entries[i].Qty = qty
			}
		}
		saveCart(ctx, c.entries)
		c.status = ""
		c.price(ctx)
	}
}

func (c *cartPage) remove(id, name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		var kept []cartEntry
		for _, en := range c.entries {
			if en.ID != id {
				kept = append(kept, en)
			}
		}
		c.entries = kept
		saveCart(ctx, kept)
		c.status = c.T("cart.removed", "name", name)
		c.price(ctx)
	}
}

func (c *cartPage) addAccessory(p catalog.Product) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		addToCart(ctx, p.Slug, "", 1, p.Name)
		c.entries = loadCart(ctx)
		c.status = c.T("configure.accessory_added", "name", p.Name.In(c.Loc))
		c.price(ctx)
	}
}

// line returns the priced line of entry id, or nil.
func (c *cartPage) line(id string) *api.CartLine {
	if c.priced == nil {
		return nil
	}
	i := 0
	for _, e := range c.entries {
		if c.problems[e.ID] != "" {
			continue
		}
		if e.ID == id && i < len(c.priced.Lines) {
			return &c.priced.Lines[i]
		}
		i++
	}
	return nil
}

func (c *cartPage) Render() app.UI {
	title := c.T("page.cart")
	switch {
	case !c.loaded:
		return ui.Layout(c.Loc, "/cart", title, ui.Loading(c.Loc))
	case len(c.entries) == 0:
		return ui.Layout(c.Loc, "/cart", title,
			app.P().Class("lead").ID("cart-empty").Text(c.T("cart.empty")),
			app.Div().Class("actions").Body(
				app.A().Class("button primary").Href("/showroom").Text(c.T("cart.browse")),
				app.A().Class("button").Href("/configure").Text(c.T("home.cta_configure")),
			),
			c.renderStatus(),
		)
	}
	return ui.Layout(c.Loc, "/cart", title,
		app.If(c.err != nil, func() app.UI { return ui.LoadError(c.Loc, c.err, nil) }),
		app.Div().Class("cart").Body(
			app.Section().Class("cart-items").Aria("label", c.T("cart.items")).Body(
				app.Ul().Class("cart-lines").Body(app.Range(c.entries).Slice(func(i int) app.UI { return c.renderLine(c.entries[i]) })),
			),
			app.Div().Class("cart-aside").Body(
				c.renderTotals(),
				c.renderAccessories(),
				&portal.ContextHelp{Context: "checkout", Locale: c.Loc},
			),
		),
		c.renderStatus(),
	)
}

func (c *cartPage) renderStatus() app.UI {
	return app.Div().ID("cart-status").Attr("role", "status").Body(
		app.If(c.status != "", func() app.UI { return app.P().Class("note").Text(c.status) }),
	)
}

func (c *cartPage) renderLine(e cartEntry) app.UI {
	l := c.line(e.ID)
	name := e.Name.In(c.Loc)
	if name == "" {
		name = e.Product
	}
	var product *catalog.Product
	if l != nil {
		product = &l.Product
		name = l.Product.Name.In(c.Loc)
	}
	editHref := ""
	if e.Configuration != "" {
		editHref = "/configure/" + e.Product + "?c=" + url.QueryEscape(e.Configuration) + "&item=" + e.ID
	}
	problem := c.problems[e.ID]
	return app.Li().Class("cart-line panel").ID("line-"+e.ID).Body(
		app.If(product != nil, func() app.UI { return ui.Thumbnail(c.Loc, product) }).
			Else(func() app.UI { return app.Div().Class("thumb placeholder").Aria("hidden", "true") }),
		app.Div().Class("cart-line-body").Body(
			app.H2().Class("cart-line-name").Body(app.A().Href("/products/"+e.Product).Text(name)),
			app.If(l != nil && l.Snapshot != nil, func() app.UI {
				summary := l.Snapshot.Summary(c.Loc)
				return app.Ul().Class("cart-options").Body(app.Range(summary).Slice(func(i int) app.UI {
					return app.Li().Text(summary[i])
				}))
			}),
			app.If(problem != "", func() app.UI {
				return app.P().Class("notice error").Body(
					app.Text(keyText(c.Loc, problem, "cart.err.configuration")+" "),
					app.Text(c.T("cart.line_problem")),
				)
			}),
			app.If(l != nil, func() app.UI {
				return app.P().Class("note").Text(c.T("cart.unit_price", "price", ui.Price(c.Loc, l.UnitPrice)))
			}),
			app.Div().Class("cart-line-actions").Body(
				app.Div().Class("stepper").Body(
					app.Button().Type("button").Class("step-button").Aria("label", c.T("cart.decrease", "name", name)).
						Disabled(e.Qty <= 1).OnClick(c.setQty(e.ID, e.Qty-1)).Text("−"),
					app.Output().Class("quantity-value").Aria("label", c.T("cart.qty_label", "name", name)).Text(strconv.Itoa(e.Qty)),
					app.Button().Type("button").Class("step-button").Aria("label", c.T("cart.increase", "name", name)).
						Disabled(e.Qty >= catalog.MaxLineQty).OnClick(c.setQty(e.ID, e.Qty+1)).Text("+"),
				),
				app.If(editHref != "", func() app.UI {
					return app.A().Class("button").Href(editHref).Aria("label", c.T("cart.edit_label", "name", name)).Text(c.T("cart.edit"))
				}),
				app.Button().Type("button").Class("button").Aria("label", c.T("cart.remove_label", "name", name)).
					OnClick(c.remove(e.ID, name)).Text(c.T("cart.remove")),
			),
		),
		app.If(l != nil, func() app.UI { return app.P().Class("cart-line-total price").Text(ui.Price(c.Loc, l.Total)) }),
	)
}

func (c *cartPage) renderTotals() app.UI {
	if c.priced == nil {
		return app.Section().Class("cart-totals panel").Body(app.P().Class("note").Text(c.T("cart.updating")))
	}
	t := c.priced.Totals
	ship := ui.Price(c.Loc, t.Shipping)
	if t.Shipping.Amount == 0 {
		ship = c.T("cart.free")
	}
	missing := catalog.Money{Amount: t.FreeShippingFrom.Amount - t.Subtotal.Amount, Currency: t.Subtotal.Currency}
	canOrder := len(c.problems) == 0 && len(c.priced.Lines) > 0
	return app.Section().Class("cart-totals panel").ID("cart-totals").Body(
		app.H2().Text(c.T("cart.summary")),
		app.Dl().Class("totals").Body(
			app.Dt().Text(c.T("cart.subtotal")), app.Dd().ID("cart-subtotal").Text(ui.Price(c.Loc, t.Subtotal)),
			app.Dt().Text(c.T("cart.shipping")), app.Dd().ID("cart-shipping").Text(ship),
			app.Dt().Class("total").Text(c.T("cart.total")), app.Dd().Class("total").ID("cart-total").Text(ui.Price(c.Loc, t.Total)),
		),
		app.P().Class("note").ID("cart-vat").Text(c.T("cart.vat_included", "rate", i18n.FormatPercent(c.Loc, t.VATBasisPoints), "amount", ui.Price(c.Loc, t.VAT))),
		app.If(t.Shipping.Amount > 0 && missing.Amount > 0, func() app.UI {
			return app.P().Class("note").Text(c.T("cart.free_from", "amount", ui.Price(c.Loc, missing)))
		}),
		app.P().Class("availability").Text(c.T("cart.delivery", "date", i18n.FormatDate(c.Loc, c.priced.DeliveryBy))),
		app.If(canOrder, func() app.UI {
			return app.A().Class("button primary wide").ID("go-checkout").Href("/checkout").Text(c.T("cart.checkout"))
		}),
	)
}

func (c *cartPage) renderAccessories() app.UI {
	if c.priced == nil || len(c.priced.Accessories) == 0 {
		return app.Text("")
	}
	acc := c.priced.Accessories
	return app.Section().Class("accessories").ID("cart-accessories").Body(
		app.H2().Text(c.T("cart.accessories")),
		app.Ul().Class("accessory-list").Body(app.Range(acc).Slice(func(i int) app.UI {
			p := acc[i]
			return app.Li().Class("accessory").Body(
				ui.Thumbnail(c.Loc, &p),
				app.Div().Class("accessory-text").Body(
					app.A().Href("/products/"+p.Slug).Text(p.Name.In(c.Loc)),
					app.Span().Class("price").Text(ui.Price(c.Loc, p.Price)),
				),
				app.Button().Type("button").Class("button").Aria("label", c.T("configure.accessory_add_label", "name", p.Name.In(c.Loc))).
					OnClick(c.addAccessory(p)).Text(c.T("configure.accessory_add")),
			)
		})),
	)
}

package showroom

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/portal"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// configurePage is /configure (the products one can configure) and
// /configure/{slug}: the configurator. The browser runs the same engine as
// the server for instant feedback (price, rules, 3D); every change is then
// priced again by the server, whose price is the one confirmed.
//
// Links: ?c=<code> opens a shared configuration; &item=<id> edits that
// line of the cart.
type configurePage struct {
	app.Compo
	ui.Localized

	slug     string
	products []catalog.Product // the index
	err      error
	loaded   bool

	product *catalog.Product
	cf      *catalog.Configurator
	cfg     catalog.Configuration
	// avail is Availability by "choice/option".
	avail   map[string]catalog.ConfigAvailability
	notices []catalog.ConfigNotice
	// status is a message key about the last action (reset, added...),
	// with its name parameter.
	status, statusName string
	badLink            bool
	editID             string

	// priced is the server's answer for the configuration whose code it
	// names; seq tells the latest request from older ones.
	priced   *api.ConfigurationPriceResponse
	priceErr bool
	seq      int

	shareURL  string
	shareNote string
}

// NewConfigure returns the configurator page.
func NewConfigure() app.Composer { return &configurePage{} }

// OnNav runs on the server's prerender and on every navigation in the browser.
func (c *configurePage) OnNav(ctx app.Context) {
	c.BindLocale(ctx)
	u := ctx.Page().URL()
	slug := strings.Trim(strings.TrimPrefix(u.Path, "/configure"), "/")
	c.slug, c.editID = slug, u.Query().Get("item")
	c.products, c.err, c.loaded = nil, nil, false
	c.product, c.cf, c.avail, c.notices = nil, nil, nil, nil
	c.status, c.statusName, c.badLink = "", "", false
	c.priced, c.priceErr, c.shareURL, c.shareNote = nil, false, "", ""
	ctx.Page().SetTitle(c.T("page.configure") + " · " + c.T("app.name"))
	if slug == "" {
		ctx.Async(func() {
			ps, err := (&api.Client{}).Products(context.Background(), catalog.ProductFilter{})
			var conf []catalog.Product
			for _, p := range ps {
				if p.Configurable {
					conf = append(conf, p)
				}
			}
			ctx.Dispatch(func(ctx app.Context) { c.products, c.err, c.loaded = conf, err, true })
		})
		return
	}
	code := u.Query().Get("c")
	ctx.Async(func() {
		r, err := (&api.Client{}).Configurator(context.Background(), slug)
		ctx.Dispatch(func(ctx app.Context) {
			if slug != c.slug {
				return
			}
			c.loaded, c.err = true, err
			if err != nil {
				return
			}
			c.product, c.cf = &r.Product, &r.Configurator
			ctx.Page().SetTitle(c.T("page.configure") + ": " + r.Product.Name.In(c.Loc) + " · " + c.T("app.name"))
			cfg, err := catalog.DecodeConfiguration(c.cf, code)
			if err != nil {
				cfg, c.badLink = c.cf.Default(), true
			}
			c.setConfiguration(ctx, cfg)
		})
	})
}

// setConfiguration shows cfg: the rules' verdict on every option, and a
// server price soon.
func (c *configurePage) setConfiguration(ctx app.Context, cfg catalog.Configuration) {
	c.cfg = cfg
	c.avail = map[string]catalog.ConfigAvailability{}
	for _, a := range c.cf.Availability(cfg) {
		c.avail[a.Choice+"/"+a.Option] = a
	}
	c.shareURL, c.shareNote = "", ""
	c.requestPrice(ctx)
	if app.IsClient {
		ctx.Defer(func(app.Context) { c.syncSliders() })
	}
}

// syncSliders sets each slider's value again once it is in the page. go-app
// sets an input's attributes in no fixed order, and a range input clamps its
// value to the min and max it has at that moment, so a value set before the
// min leaves the thumb at the wrong end.
func (c *configurePage) syncSliders() {
	for _, d := range c.cf.Dimensions {
		if el := app.Window().GetElementByID("dim-" + d.ID); el.Truthy() {
			el.Set("value", strconv.Itoa(c.cfg.Dimensions[d.ID]))
		}
	}
}

// requestPrice asks the server to confirm the price, a moment after the
// last change so that a slider being dragged sends one request, not fifty.
func (c *configurePage) requestPrice(ctx app.Context) {
	if app.IsServer {
		return
	}
	c.seq++
	seq, slug, code := c.seq, c.slug, c.cfg.Encode()
	ctx.After(150*time.Millisecond, func(ctx app.Context) {
		if seq != c.seq {
			return
		}
		ctx.Async(func() {
			r, err := (&api.Client{}).PriceConfiguration(context.Background(), api.ConfigurationPriceRequest{Product: slug, Code: code})
			ctx.Dispatch(func(ctx app.Context) {
				if seq != c.seq {
					return
				}
				c.priced, c.priceErr = r, err != nil
			})
		})
	})
}

// change applies one of the customer's choices.
func (c *configurePage) change(ctx app.Context, ch catalog.ConfigChange) {
	next, notices, err := c.cf.Apply(c.cfg, ch)
	c.status, c.statusName = "", ""
	if err != nil {
		// The page offers only what Availability allows, so this is a
		// stale page; say why anyway.
		c.notices = nil
		c.status = "configurator.reason.unresolved"
		return
	}
	c.notices = notices
	c.setConfiguration(ctx, next)
}

func (c *configurePage) onOption(choice string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		c.change(ctx, catalog.ConfigChange{Part: choice, Option: ctx.JSSrc().Get("value").String()})
	}
}

// onStep moves a dimension or quantity by delta from its value when the
// button is pressed (not when it was drawn: quick presses add up).
func (c *configurePage) onStep(part string, delta int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v, ok := c.cfg.Dimensions[part]
		if !ok {
			v = c.cfg.Quantities[part]
		}
		c.change(ctx, catalog.ConfigChange{Part: part, Value: v + delta})
	}
}

func (c *configurePage) onSlider(part string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		n, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
		if err == nil {
			c.change(ctx, catalog.ConfigChange{Part: part, Value: n})
		}
	}
}

func (c *configurePage) reset(ctx app.Context, e app.Event) {
	c.notices = nil
	c.setConfiguration(ctx, c.cf.Default())
	c.status, c.statusName = "configure.reset_done", ""
}

func (c *configurePage) addToCart(ctx app.Context, e app.Event) {
	code := c.cfg.Encode()
	if c.editID != "" {
		cart := loadCart(ctx)
		for i := range cart {
			if cart[i].ID == c.editID {
				cart[i].Configuration = code
				saveCart(ctx, cart)
				c.status = "configure.updated"
				return
			}
		}
	}
	c.editID = addToCart(ctx, c.slug, code, 1, c.product.Name)
	c.status = "configure.added"
}

func (c *configurePage) addAccessory(p catalog.Product) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		addToCart(ctx, p.Slug, "", 1, p.Name)
		c.status, c.statusName = "configure.accessory_added", p.Name.In(c.Loc)
	}
}

// share shows this configuration's link and copies it to the clipboard.
func (c *configurePage) share(ctx app.Context, e app.Event) {
	origin := app.Window().Get("location").Get("origin").String()
	c.shareURL = origin + "/configure/" + c.slug + "?c=" + url.QueryEscape(c.cfg.Encode())
	// The note waits for the clipboard's answer: saying "copy it yourself"
	// first and "copied" a moment later would contradict itself.
	c.shareNote = ""
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		c.shareNote = "configure.copy_failed"
		return
	}
	var ok, fail app.Func
	release := func() { ok.Release(); fail.Release() }
	ok = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) { c.shareNote = "configure.copied" })
		release()
		return nil
	})
	fail = app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) { c.shareNote = "configure.copy_failed" })
		release()
		return nil
	})
	clip.Call("writeText", c.shareURL).Call("then", ok).Call("catch", fail)
}

func (c *configurePage) Render() app.UI {
	if c.slug == "" {
		return ui.Layout(c.Loc, "/configure", c.T("page.configure"),
			app.H2().Text(c.T("page.configure.pick")),
			app.If(c.err != nil, func() app.UI { return ui.LoadError(c.Loc, c.err, nil) }).
				ElseIf(!c.loaded, func() app.UI { return ui.Loading(c.Loc) }).
				Else(func() app.UI { return ui.ProductGrid(c.Loc, c.products) }),
			&portal.ContextHelp{Context: "configurator", Locale: c.Loc},
		)
	}
	switch {
	case c.err != nil:
		return ui.Layout(c.Loc, "/configure", c.T("page.configure"),
			app.P().Class("notice error").Attr("role", "alert").Text(errorText(c.Loc, c.err)),
			app.P().Body(app.A().Href("/configure").Text(c.T("page.configure.pick"))))
	case c.cf == nil:
		return ui.Layout(c.Loc, "/configure", c.T("page.configure"), ui.Loading(c.Loc))
	}
	return ui.Layout(c.Loc, "/configure", c.T("page.configure")+": "+c.product.Name.In(c.Loc),
		app.If(c.badLink, func() app.UI {
			return app.P().Class("notice").Attr("role", "alert").Text(c.T("configure.bad_link"))
		}),
		app.Div().Class("configurator").Body(
			app.Div().Class("config-stage").Body(
				&preview3D{Product: c.slug, Hints: c.cf.Models(c.cfg), Locale: c.Loc, Name: c.product.Name.In(c.Loc)},
				c.renderPriceBox(),
			),
			app.Div().Class("config-steps").Body(
				c.renderNotices(),
				app.Range(c.cf.Steps).Slice(func(i int) app.UI { return c.renderStep(i) }),
			),
			app.Div().Class("config-aside").Body(
				c.renderSummary(),
				c.renderAccessories(),
				&portal.ContextHelp{Context: "configurator", Locale: c.Loc},
			),
		),
	)
}

// money formats an amount in the page's locale.
func (c *configurePage) money(m catalog.Money) string { return ui.Price(c.Loc, m) }

// total is the price shown: the server's once it confirmed this very
// configuration, else the browser's own (the same engine).
func (c *configurePage) total() (catalog.Money, bool) {
	if c.priced != nil && c.priced.Code == c.cfg.Encode() {
		return c.priced.Total, true
	}
	t, _ := c.cf.Price(c.cfg)
	return t, false
}

func (c *configurePage) renderPriceBox() app.UI {
	total, confirmed := c.total()
	lead := c.cf.LeadTime(c.cfg)
	delivery := catalog.DeliveryDate(time.Now(), lead, catalog.ShippingStandard)
	state := c.T("configure.checking")
	switch {
	case confirmed:
		state = c.T("configure.confirmed")
	case c.priceErr:
		state = c.T("configure.price_error")
	}
	addLabel := c.T("configure.add")
	if c.editID != "" && c.status != "configure.added" {
		addLabel = c.T("configure.update")
	}
	return app.Div().Class("price-box").Body(
		app.P().Class("price-label").Text(c.T("configure.total")),
		app.P().Class("config-total").ID("config-total").Aria("live", "polite").Text(c.money(total)),
		app.P().Class("price-state").ID("price-state").Text(state),
		app.P().Class("availability").ID("config-delivery").Text(
			c.T("configure.lead", "days", strconv.Itoa(lead))+" · "+c.T("configure.delivery", "date", i18n.FormatDate(c.Loc, delivery))),
		app.Div().Class("actions").Body(
			app.Button().Class("button primary").ID("add-to-cart").Type("button").OnClick(c.addToCart).Text(addLabel),
			app.Button().Class("button").ID("share").Type("button").OnClick(c.share).Text(c.T("configure.share")),
			app.Button().Class("button").ID("reset").Type("button").OnClick(c.reset).Text(c.T("configure.reset")),
		),
		app.If(c.shareURL != "", func() app.UI {
			return app.Div().Class("share-box").Body(
				app.Label().For("share-link").Text(c.T("configure.share_label")),
				app.Input().ID("share-link").Type("url").ReadOnly(true).Value(c.shareURL),
			)
		}),
		app.Div().ID("config-status").Attr("role", "status").Body(
			app.If(c.shareNote != "", func() app.UI { return app.P().Class("note").ID("share-note").Text(c.T(c.shareNote)) }),
			app.If(c.status != "", func() app.UI {
				return app.P().Class("note").ID("action-note").Body(
					app.Text(c.T(c.status, "name", c.statusName)+" "),
					app.If(c.status == "configure.added" || c.status == "configure.updated" || c.status == "configure.accessory_added", func() app.UI {
						return app.A().Href("/cart").Text(c.T("configure.view_cart"))
					}),
				)
			}),
		),
	)
}

// renderNotices says what the rules changed on their own. The region is
// always in the page so screen readers announce what appears in it.
func (c *configurePage) renderNotices() app.UI {
	return app.Div().ID("config-notices").Class("config-notices").Attr("role", "status").Body(
		app.If(len(c.notices) > 0, func() app.UI {
			return app.Div().Class("notice").Body(
				app.Ul().Body(app.Range(c.notices).Slice(func(i int) app.UI {
					return app.Li().Text(noticeText(c.Loc, c.notices[i]))
				})),
			)
		}),
	)
}

func (c *configurePage) renderStep(i int) app.UI {
	st := c.cf.Steps[i]
	var parts []app.UI
	for _, d := range c.cf.Dimensions {
		if d.Step == st.ID {
			parts = append(parts, c.renderDimension(d))
		}
	}
	for _, q := range c.cf.Quantities {
		if q.Step == st.ID {
			parts = append(parts, c.renderQuantity(q))
		}
	}
	for _, ch := range c.cf.Choices {
		if ch.Step == st.ID {
			parts = append(parts, c.renderChoice(ch))
		}
	}
	return app.Section().Class("config-step").ID("step-"+st.ID).Body(
		app.H2().Text(c.T("configure.step_title", "n", strconv.Itoa(i+1), "name", st.Name.In(c.Loc))),
		app.Div().Body(parts...),
	)
}

func (c *configurePage) renderChoice(ch catalog.ConfigChoice) app.UI {
	chosen := c.cfg.Options[ch.ID]
	name := "choice-" + ch.ID
	var opts []app.UI
	if !ch.Required {
		opts = append(opts, c.renderOption(ch, catalog.ConfigOption{Name: catalog.Text{"en": c.T("configure.none")}, Available: true}, chosen == "", true, nil))
	}
	for _, o := range ch.Options {
		a, ok := c.avail[ch.ID+"/"+o.ID]
		enabled := !ok || a.Enabled
		opts = append(opts, c.renderOption(ch, o, chosen == o.ID, enabled, a.Reason))
	}
	return app.FieldSet().Class("config-choice").ID(name).Body(
		app.Legend().Text(ch.Name.In(c.Loc)),
		app.Div().Class("options").Body(opts...),
	)
}

func (c *configurePage) renderOption(ch catalog.ConfigChoice, o catalog.ConfigOption, checked, enabled bool, reason *catalog.ConfigPhrase) app.UI {
	id := "opt-" + ch.ID + "-" + o.ID
	if o.ID == "" {
		id = "opt-" + ch.ID + "-none"
	}
	class := "option"
	if checked {
		class += " selected"
	}
	if !enabled {
		class += " disabled"
	}
	input := app.Input().Type("radio").ID(id).Name("choice-" + ch.ID).Value(o.ID).
		Checked(checked).Disabled(!enabled).OnChange(c.onOption(ch.ID))
	if !enabled && reason != nil {
		input = input.Aria("describedby", id+"-reason")
	}
	var price string
	switch {
	case o.ID == "":
	case o.Price.Amount > 0:
		price = "+" + c.money(o.Price)
	case o.Price.Amount < 0:
		price = "−" + c.money(catalog.Money{Amount: -o.Price.Amount, Currency: o.Price.Currency})
	default:
		price = c.T("configure.included")
	}
	stock := ""
	if o.ID != "" {
		stock = c.T("configure.in_stock")
		if !o.Available {
			stock = c.T("configure.ships_in", "days", strconv.Itoa(o.LeadTimeDays))
		}
	}
	return app.Label().Class(class).For(id).Body(
		input,
		swatch(o.Swatch),
		app.Span().Class("option-text").Body(
			app.Span().Class("option-name").Text(o.Name.In(c.Loc)),
			app.If(price != "", func() app.UI {
				return app.Span().Class("option-meta").Text(strings.TrimSpace(price + " · " + stock))
			}),
			app.If(!enabled && reason != nil, func() app.UI {
				return app.Span().Class("reason").ID(id + "-reason").Text(phrase(c.Loc, *reason))
			}),
		),
	)
}

// swatch is a colour chip. It is an SVG with a fill attribute because the
// content security policy forbids inline style attributes.
func swatch(color string) app.UI {
	if len(color) != 7 || color[0] != '#' || strings.Trim(color[1:], "0123456789abcdefABCDEF") != "" {
		return app.Span().Class("swatch none").Aria("hidden", "true")
	}
	return app.Raw(fmt.Sprintf(`<svg class="swatch" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="11" fill="%s"/></svg>`, color))
}

func (c *configurePage) renderDimension(d catalog.ConfigDimension) app.UI {
	val := c.cfg.Dimensions[d.ID]
	id := "dim-" + d.ID
	name := d.Name.In(c.Loc)
	return app.FieldSet().Class("config-dimension").ID(id+"-field").Body(
		app.Legend().Text(name),
		app.Output().ID(id+"-value").Class("dimension-value").For(id).Text(strconv.Itoa(val)+" "+d.Unit),
		app.Div().Class("stepper").Body(
			app.Button().Type("button").Class("step-button").ID(id+"-less").Aria("label", c.T("configure.decrease", "name", name)).
				Disabled(val-d.Increment < d.Min).OnClick(c.onStep(d.ID, -d.Increment)).Text("−"),
			app.Input().Type("range").ID(id).Min(d.Min).Max(d.Max).Step(float64(d.Increment)).Value(val).
				Aria("valuetext", strconv.Itoa(val)+" "+d.Unit).Aria("label", name).OnInput(c.onSlider(d.ID)),
			app.Button().Type("button").Class("step-button").ID(id+"-more").Aria("label", c.T("configure.increase", "name", name)).
				Disabled(val+d.Increment > d.Max).OnClick(c.onStep(d.ID, d.Increment)).Text("+"),
		),
		app.P().Class("note").Text(c.T("configure.range", "min", strconv.Itoa(d.Min), "max", strconv.Itoa(d.Max), "unit", d.Unit)+
			" · +"+c.money(d.PricePerIncrement)+" / "+strconv.Itoa(d.Increment)+" "+d.Unit),
	)
}

func (c *configurePage) renderQuantity(q catalog.ConfigQuantity) app.UI {
	val := c.cfg.Quantities[q.ID]
	id := "qty-" + q.ID
	name := q.Name.In(c.Loc)
	return app.FieldSet().Class("config-quantity").ID(id+"-field").Body(
		app.Legend().Text(name),
		app.Div().Class("stepper").Body(
			app.Button().Type("button").Class("step-button").ID(id+"-less").Aria("label", c.T("configure.decrease", "name", name)).
				Disabled(val <= q.Min).OnClick(c.onStep(q.ID, -1)).Text("−"),
			app.Output().ID(id+"-value").Class("quantity-value").Text(strconv.Itoa(val)),
			app.Button().Type("button").Class("step-button").ID(id+"-more").Aria("label", c.T("configure.increase", "name", name)).
				Disabled(val >= q.Max).OnClick(c.onStep(q.ID, 1)).Text("+"),
		),
		app.P().Class("note").Text(c.T("configure.count_range", "min", strconv.Itoa(q.Min), "max", strconv.Itoa(q.Max))+
			" · "+c.T("configure.unit_price", "price", c.money(q.UnitPrice))),
	)
}

func (c *configurePage) renderSummary() app.UI {
	parts := c.cf.Parts(c.cfg)
	if c.priced != nil && c.priced.Code == c.cfg.Encode() {
		parts = c.priced.Parts
	}
	total, _ := c.total()
	delivery := catalog.DeliveryDate(time.Now(), c.cf.LeadTime(c.cfg), catalog.ShippingStandard)
	if c.priced != nil && c.priced.Code == c.cfg.Encode() {
		delivery = c.priced.DeliveryBy
	}
	return app.Section().Class("config-summary panel").ID("config-summary").Body(
		app.H2().Text(c.T("configure.summary")),
		app.H3().Class("parts-title").Text(c.T("configure.parts")),
		app.Table().Class("parts-table").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text(c.T("catalog.sku")),
				app.Th().Scope("col").Text(c.T("configure.part")),
				app.Th().Scope("col").Class("num").Text(c.T("configure.qty")),
				app.Th().Scope("col").Class("num").Text(c.T("configure.price")),
			)),
			app.TBody().Body(app.Range(parts).Slice(func(i int) app.UI {
				p := parts[i]
				return app.Tr().Body(
					app.Td().Class("sku").Text(p.SKU),
					app.Td().Text(p.Name.In(c.Loc)),
					app.Td().Class("num").Text(strconv.Itoa(p.Qty)),
					app.Td().Class("num").Text(c.money(p.Price)),
				)
			})),
			app.TFoot().Body(app.Tr().Body(
				app.Th().Scope("row").ColSpan(3).Text(c.T("configure.total")),
				app.Td().Class("num").ID("summary-total").Text(c.money(total)),
			)),
		),
		app.P().Class("availability").ID("summary-delivery").Text(c.T("configure.delivery", "date", i18n.FormatDate(c.Loc, delivery))),
	)
}

func (c *configurePage) renderAccessories() app.UI {
	if c.priced == nil || len(c.priced.Accessories) == 0 {
		return app.Text("")
	}
	acc := c.priced.Accessories
	return app.Section().Class("accessories").ID("config-accessories").Body(
		app.H2().Text(c.T("configure.accessories")),
		app.Ul().Class("accessory-list").Body(app.Range(acc).Slice(func(i int) app.UI {
			p := acc[i]
			return app.Li().Class("accessory").Body(
				ui.Thumbnail(c.Loc, &p),
				app.Div().Class("accessory-text").Body(
					app.A().Href("/products/"+p.Slug).Text(p.Name.In(c.Loc)),
					app.Span().Class("price").Text(c.money(p.Price)),
				),
				app.Button().Type("button").Class("button").Aria("label", c.T("configure.accessory_add_label", "name", p.Name.In(c.Loc))).
					OnClick(c.addAccessory(p)).Text(c.T("configure.accessory_add")),
			)
		})),
	)
}

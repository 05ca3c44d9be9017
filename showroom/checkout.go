package showroom

import (
	"context"
	"errors"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/portal"
	"vitrine/portal/orders"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// checkoutPage is /checkout, in three steps: contact, delivery, payment
// and "Place order". Each step is checked in the browser with the same
// rules the server applies again; the server's errors land next to their
// fields too. Pressing "Place order" twice places one order: the page
// sends the same idempotency key until an order is placed.
type checkoutPage struct {
	app.Compo
	ui.Localized

	step    int
	form    orders.Checkout
	errs    map[string]string // field → translation key
	problem string            // a message key about the whole order

	entries []cartEntry
	priced  *api.CartPriceResponse
	loaded  bool
	seq     int

	key     string
	placing bool
	placed  *api.PlaceOrderResponse
}

// NewCheckout returns the checkout page.
func NewCheckout() app.Composer { return &checkoutPage{} }

// OnNav runs on the server's prerender and on every navigation in the browser.
func (c *checkoutPage) OnNav(ctx app.Context) {
	c.BindLocale(ctx)
	ctx.Page().SetTitle(c.T("page.checkout") + " · " + c.T("app.name"))
	if c.placed != nil {
		return // stay on the confirmation
	}
	c.step, c.errs, c.problem, c.loaded, c.priced = orders.StepContact, map[string]string{}, "", false, nil
	if c.form.Shipping == "" {
		c.form.Shipping = catalog.ShippingStandard
	}
	if c.form.Country == "" {
		c.form.Country = map[string]string{"es": "ES", "ro": "RO"}[c.Loc]
	}
	if app.IsServer {
		return // the cart lives in the browser
	}
	if c.key == "" {
		c.key = newID()
	}
	c.entries = loadCart(ctx)
	c.price(ctx)
}

func (c *checkoutPage) price(ctx app.Context) {
	c.seq++
	seq, entries, shipping := c.seq, c.entries, c.form.Shipping
	if len(entries) == 0 {
		c.loaded = true
		return
	}
	ctx.Async(func() {
		r, problems, err := priceCart(entries, shipping)
		ctx.Dispatch(func(ctx app.Context) {
			if seq != c.seq {
				return
			}
			c.loaded, c.priced = true, r
			if err != nil || len(problems) > 0 {
				c.priced, c.problem = nil, "cart.line_problem"
			}
		})
	})
}

// field binds a text input to a form field.
func (c *checkoutPage) field(target *string) app.EventHandler {
	return func(ctx app.Context, e app.Event) { *target = ctx.JSSrc().Get("value").String() }
}

func (c *checkoutPage) setShipping(ctx app.Context, e app.Event) {
	c.form.Shipping = ctx.JSSrc().Get("value").String()
	delete(c.errs, "shipping")
	c.price(ctx)
}

func (c *checkoutPage) setPayment(ctx app.Context, e app.Event) {
	c.form.Payment = ctx.JSSrc().Get("value").String()
	delete(c.errs, "payment")
}

// next checks the current step and moves on when it is right.
func (c *checkoutPage) next(ctx app.Context, e app.Event) {
	e.PreventDefault()
	f := c.form
	f.Normalize()
	c.errs = fieldKeys(f.ValidateStep(c.step))
	if len(c.errs) > 0 {
		c.focusFirstError(ctx)
		return
	}
	c.form = f
	c.step++
	c.focus(ctx, "checkout-step")
}

func (c *checkoutPage) back(ctx app.Context, e app.Event) {
	if c.step > orders.StepContact {
		c.step--
		c.errs = map[string]string{}
	}
}

func (c *checkoutPage) goTo(step int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { c.step, c.errs = step, map[string]string{} }
}

// place sends the order. The button is disabled while it is on its way,
// and the idempotency key makes any second request return the same order.
func (c *checkoutPage) place(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if c.placing || c.priced == nil {
		return
	}
	f := c.form
	f.Normalize()
	if err := f.Validate(); err != nil {
		c.showErrors(ctx, err)
		return
	}
	c.form, c.placing, c.problem = f, true, ""
	total := c.priced.Totals.Total
	req := api.PlaceOrderRequest{IdempotencyKey: c.key, Locale: c.Loc, Items: cartItems(c.entries),
		Checkout: f, ExpectedTotal: &total}
	ctx.Async(func() {
		r, err := (&api.Client{}).PlaceOrder(context.Background(), req)
		ctx.Dispatch(func(ctx app.Context) {
			c.placing = false
			if err != nil {
				c.showErrors(ctx, err)
				return
			}
			c.placed, c.key = r, newID()
			c.entries = nil
			saveCart(ctx, nil)
			c.focus(ctx, "order-confirmation")
		})
	})
}

// showErrors puts the server's or the rules' errors next to their fields
// and goes back to the first step that has one.
func (c *checkoutPage) showErrors(ctx app.Context, err error) {
	c.errs = map[string]string{}
	step := 0
	for field, key := range fieldKeys(err) {
		s := orders.StepOf(field)
		if s == 0 {
			c.problem = "cart.line_problem"
			continue
		}
		c.errs[field] = key
		if step == 0 || s < step {
			step = s
		}
	}
	var ce *catalog.Error
	switch {
	case step > 0:
		c.step = step
		c.focusFirstError(ctx)
	case errors.As(err, &ce) && ce.Key == "checkout.err.price_changed":
		c.problem = ce.Key
		c.price(ctx)
	case c.problem == "":
		c.problem = "error.load"
		if errors.As(err, &ce) && ce.Key != "" {
			c.problem = ce.Key
		}
	}
}

func (c *checkoutPage) focusFirstError(ctx app.Context) {
	for _, f := range []string{"email", "name", "street", "postcode", "city", "country", "shipping", "payment"} {
		if c.errs[f] != "" {
			c.focus(ctx, "field-"+f)
			return
		}
	}
}

// focus moves the keyboard focus (and screen readers) to id once rendered.
func (c *checkoutPage) focus(ctx app.Context, id string) {
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

func (c *checkoutPage) Render() app.UI {
	title := c.T("page.checkout")
	switch {
	case c.placed != nil:
		return ui.Layout(c.Loc, "/checkout", title, c.renderConfirmation())
	case !c.loaded:
		return ui.Layout(c.Loc, "/checkout", title, ui.Loading(c.Loc))
	case len(c.entries) == 0:
		return ui.Layout(c.Loc, "/checkout", title,
			app.P().Class("lead").ID("checkout-empty").Text(c.T("checkout.empty")),
			app.A().Class("button primary").Href("/showroom").Text(c.T("cart.browse")))
	}
	steps := []string{"checkout.step.contact", "checkout.step.delivery", "checkout.step.payment"}
	return ui.Layout(c.Loc, "/checkout", title,
		app.Ol().Class("checkout-steps").Body(app.Range(steps).Slice(func(i int) app.UI {
			li := app.Li().Text(c.T(steps[i]))
			if i+1 == c.step {
				li = li.Class("current").Aria("current", "step")
			}
			return li
		})),
		app.If(c.problem != "", func() app.UI {
			return app.Div().Class("notice error").Attr("role", "alert").ID("checkout-problem").Body(
				app.P().Text(keyText(c.Loc, c.problem, "error.load")),
				app.If(c.problem == "cart.line_problem", func() app.UI { return app.A().Href("/cart").Text(c.T("checkout.edit_cart")) }),
			)
		}),
		app.Div().Class("checkout").Body(
			app.Form().Class("checkout-form").ID("checkout-form").NoValidate(true).OnSubmit(c.onSubmit).Body(
				app.H2().ID("checkout-step").TabIndex(-1).Text(c.T("checkout.progress", "n", strconv.Itoa(c.step))+": "+c.T(steps[c.step-1])),
				app.If(len(c.errs) > 0, func() app.UI {
					return app.P().Class("notice error").Attr("role", "alert").Text(c.T("checkout.check_fields"))
				}),
				app.If(c.step == orders.StepContact, c.renderContact).
					ElseIf(c.step == orders.StepDelivery, c.renderDelivery).
					Else(c.renderPayment),
			),
			app.Div().Class("checkout-aside").Body(
				c.renderReview(),
				&portal.ContextHelp{Context: "checkout", Locale: c.Loc},
			),
		),
	)
}

func (c *checkoutPage) onSubmit(ctx app.Context, e app.Event) {
	if c.step == orders.StepPayment {
		c.place(ctx, e)
		return
	}
	c.next(ctx, e)
}

// input renders a labelled text field with its error, if any, below it.
func (c *checkoutPage) input(field, kind, autocomplete string, value *string, hint string) app.UI {
	id := "field-" + field
	in := app.Input().ID(id).Name(field).Type(kind).Value(*value).Attr("autocomplete", autocomplete).
		OnChange(c.field(value)).OnInput(c.field(value))
	describedBy := ""
	if hint != "" {
		describedBy = id + "-hint"
	}
	if key := c.errs[field]; key != "" {
		in = in.Aria("invalid", "true")
		describedBy += " " + id + "-error"
	}
	if describedBy != "" {
		in = in.Aria("describedby", describedBy)
	}
	return app.Div().Class("field").Body(
		app.Label().For(id).Text(c.T("checkout."+field)),
		in,
		app.If(hint != "", func() app.UI { return app.P().Class("note").ID(id + "-hint").Text(hint) }),
		c.fieldError(field),
	)
}

func (c *checkoutPage) fieldError(field string) app.UI {
	key := c.errs[field]
	return app.If(key != "", func() app.UI {
		return app.P().Class("field-error").ID("field-" + field + "-error").Text(keyText(c.Loc, key, "checkout.check_fields"))
	})
}

func (c *checkoutPage) renderContact() app.UI {
	return app.Div().Body(
		c.input("email", "email", "email", &c.form.Email, c.T("checkout.email_hint")),
		app.Div().Class("actions").Body(
			app.Button().Type("submit").Class("button primary").ID("checkout-next").Text(c.T("checkout.continue")),
		),
	)
}

func (c *checkoutPage) renderDelivery() app.UI {
	country := orders.CountryByCode(c.form.Country)
	example := ""
	if country != nil {
		example = country.Example
	}
	countryErr := c.errs["country"] != ""
	sel := app.Select().ID("field-country").Name("country").Attr("autocomplete", "country").
		OnChange(c.field(&c.form.Country)).Body(
		app.Option().Value("").Selected(c.form.Country == "").Text("—"),
		app.Range(orders.Countries).Slice(func(i int) app.UI {
			code := orders.Countries[i].Code
			return app.Option().Value(code).Selected(c.form.Country == code).Text(c.T("checkout.country." + code))
		}),
	)
	if countryErr {
		sel = sel.Aria("invalid", "true").Aria("describedby", "field-country-error")
	}
	rules := c.priced
	shipHint := ""
	if rules != nil {
		r := catalog.DefaultCartRules().Shipping
		shipHint = c.T("checkout.shipping.standard_hint", "free", ui.Price(c.Loc, rules.Totals.FreeShippingFrom),
			"furniture", ui.Price(c.Loc, r.Furniture), "parcel", ui.Price(c.Loc, r.Parcel))
	}
	return app.Div().Body(
		c.input("name", "text", "name", &c.form.Name, ""),
		c.input("street", "text", "street-address", &c.form.Street, ""),
		app.Div().Class("field-row").Body(
			app.Div().Class("field").Body(
				app.Label().For("field-country").Text(c.T("checkout.country")),
				sel,
				c.fieldError("country"),
			),
			c.input("postcode", "text", "postal-code", &c.form.Postcode, example),
		),
		c.input("city", "text", "address-level2", &c.form.City, ""),
		c.radios("shipping", c.form.Shipping, c.setShipping, []radio{
			{catalog.ShippingStandard, c.T("checkout.shipping.standard"), shipHint},
			{catalog.ShippingPickup, c.T("checkout.shipping.pickup"), c.T("checkout.shipping.pickup_hint")},
		}),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("button").OnClick(c.back).Text(c.T("checkout.back")),
			app.Button().Type("submit").Class("button primary").ID("checkout-next").Text(c.T("checkout.continue")),
		),
	)
}

type radio struct{ value, label, hint string }

// radios renders a group of choices as a fieldset, its error under it.
func (c *checkoutPage) radios(field, current string, onChange app.EventHandler, opts []radio) app.UI {
	return app.FieldSet().Class("radio-group").ID("field-"+field).TabIndex(-1).Body(
		app.Legend().Text(c.T("checkout."+field)),
		app.Range(opts).Slice(func(i int) app.UI {
			o := opts[i]
			id := field + "-" + o.value
			class := "option"
			if current == o.value {
				class += " selected"
			}
			return app.Label().Class(class).For(id).Body(
				app.Input().Type("radio").ID(id).Name(field).Value(o.value).Checked(current == o.value).OnChange(onChange),
				app.Span().Class("option-text").Body(
					app.Span().Class("option-name").Text(o.label),
					app.If(o.hint != "", func() app.UI { return app.Span().Class("option-meta").Text(o.hint) }),
				),
			)
		}),
		c.fieldError(field),
	)
}

func (c *checkoutPage) renderPayment() app.UI {
	return app.Div().Body(
		c.radios("payment", c.form.Payment, c.setPayment, []radio{
			{orders.PayOnDelivery, c.T("checkout.payment.cash_on_delivery"), c.T("checkout.payment.cash_on_delivery_hint")},
			{orders.PayBankTransfer, c.T("checkout.payment.bank_transfer"), c.T("checkout.payment.bank_transfer_hint")},
		}),
		app.P().Class("note").Text(c.T("checkout.payment_note")),
		app.Div().Class("deliver-to").Body(
			app.H3().Text(c.T("checkout.deliver_to")),
			app.P().Text(c.form.Name),
			app.P().Text(c.form.Street),
			app.P().Text(c.form.Postcode+" "+c.form.City+", "+c.T("checkout.country."+c.form.Country)),
			app.Button().Type("button").Class("link-button").OnClick(c.goTo(orders.StepDelivery)).Text(c.T("cart.edit")),
		),
		app.Div().Class("actions").Body(
			app.Button().Type("button").Class("button").OnClick(c.back).Text(c.T("checkout.back")),
			app.Button().Type("submit").Class("button primary").ID("place-order").Disabled(c.placing || c.priced == nil).
				Text(map[bool]string{true: c.T("checkout.placing"), false: c.T("checkout.place")}[c.placing]),
		),
	)
}

// renderReview is the order beside (or under) the form: lines and totals,
// for the shipping method chosen.
func (c *checkoutPage) renderReview() app.UI {
	if c.priced == nil {
		return app.Text("")
	}
	p := c.priced
	ship := ui.Price(c.Loc, p.Totals.Shipping)
	if p.Totals.Shipping.Amount == 0 {
		ship = c.T("cart.free")
	}
	return app.Aside().Class("checkout-review panel").ID("checkout-review").Body(
		app.H2().Text(c.T("checkout.review")),
		app.Ul().Class("review-lines").Body(app.Range(p.Lines).Slice(func(i int) app.UI {
			l := p.Lines[i]
			return app.Li().Body(
				app.Span().Text(strconv.Itoa(l.Qty)+" × "+l.Product.Name.In(c.Loc)),
				app.Span().Class("num").Text(ui.Price(c.Loc, l.Total)),
			)
		})),
		app.Dl().Class("totals").Body(
			app.Dt().Text(c.T("cart.subtotal")), app.Dd().Text(ui.Price(c.Loc, p.Totals.Subtotal)),
			app.Dt().Text(c.T("cart.shipping")), app.Dd().ID("review-shipping").Text(ship),
			app.Dt().Class("total").Text(c.T("cart.total")), app.Dd().Class("total").ID("review-total").Text(ui.Price(c.Loc, p.Totals.Total)),
		),
		app.P().Class("note").Text(c.T("cart.vat_included", "rate", i18n.FormatPercent(c.Loc, p.Totals.VATBasisPoints), "amount", ui.Price(c.Loc, p.Totals.VAT))),
		app.A().Href("/cart").Text(c.T("checkout.edit_cart")),
	)
}

func (c *checkoutPage) renderConfirmation() app.UI {
	r := c.placed
	total := ui.Price(c.Loc, r.Totals.Total)
	date := i18n.FormatDate(c.Loc, r.PromisedBy)
	return app.Section().Class("confirmation panel").ID("order-confirmation").TabIndex(-1).Attr("role", "status").Body(
		app.H2().Text(c.T("checkout.done_title")),
		app.P().Class("lead").ID("order-number").Text(c.T("checkout.done_number", "number", r.Number)),
		app.P().Text(c.T("checkout.done_email", "email", r.Email)),
		app.If(r.Shipping == catalog.ShippingPickup, func() app.UI {
			return app.P().Text(c.T("checkout.done_pickup", "date", date))
		}).Else(func() app.UI {
			return app.P().Text(c.T("checkout.done_delivery", "date", date))
		}),
		app.If(r.BankAccount != "", func() app.UI {
			return app.P().Class("notice").Text(c.T("checkout.done_pay_bank", "total", total, "account", r.BankAccount, "number", r.Number))
		}).Else(func() app.UI {
			return app.P().Text(c.T("checkout.done_pay_cod", "total", total))
		}),
		app.Div().Class("actions").Body(
			app.A().Class("button primary").ID("track-link").Href(r.TrackURL).Text(c.T("checkout.done_track")),
			app.A().Class("button").Href("/showroom").Text(c.T("checkout.continue_shopping")),
		),
	)
}

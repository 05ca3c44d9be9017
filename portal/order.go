package portal

import (
	"context"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// orderPage is /track/{number}: where the order stands, each shipment with
// its timeline, delay notices, and what the customer can do. Opened with a
// signed link (?t=…) it shows the status and items; once the customer has
// confirmed the email or postcode in this browser it shows the delivery
// details too. Its data is personal, so it is not prerendered: the server
// renders the shell and the browser fetches the order with its cookie.
type orderPage struct {
	app.Compo
	ui.Localized

	number, token string
	view          *api.OrderView
	// offline is set when view is the copy saved on this device because
	// the API could not be reached.
	offline bool
	// denied is why the API would not show the order (a link that expired,
	// no proof yet); the page then asks for the email or postcode.
	denied  *message
	err     error
	loading bool

	confirm lookupForm

	subscribing  bool
	subscribeErr *message
}

// NewOrder returns the page of /track/{number}.
func NewOrder() app.Composer { return &orderPage{} }

// OnNav runs on the server's prerender and on every navigation in the
// browser, including from one order to another.
func (p *orderPage) OnNav(ctx app.Context) {
	p.BindLocale(ctx)
	u := ctx.Page().URL()
	p.number = normalizeNumber(strings.TrimPrefix(u.Path, "/track/"))
	p.token = u.Query().Get("t")
	ctx.Page().SetTitle(p.T("track.order_title", "number", p.number) + " · " + p.T("app.name"))
	p.view, p.offline, p.denied, p.err = nil, false, nil, nil
	p.confirm = lookupForm{number: p.number}
	p.subscribing, p.subscribeErr = false, nil
	p.loading = true
	if app.IsServer {
		return
	}
	p.load(ctx)
}

// load fetches the order; when the API cannot be reached it falls back to
// the copy saved on this device.
func (p *orderPage) load(ctx app.Context) {
	number, token := p.number, p.token
	p.loading = true
	ctx.Async(func() {
		v, err := (&api.Client{}).Order(context.Background(), number, token)
		ctx.Dispatch(func(ctx app.Context) {
			if number != p.number {
				return
			}
			p.loading = false
			p.err, p.denied = nil, nil
			switch code := catalog.ErrorCode(err); {
			case err == nil:
				p.view, p.offline = v, false
				saveOrder(ctx, *v)
			case code == "network":
				if saved := savedOrder(ctx, number); saved != nil {
					p.view, p.offline = saved, true
				} else {
					p.err = err
				}
			case code == catalog.EUNAUTHORIZED || code == catalog.ENOTFOUND:
				p.view = nil
				key := "track.err.confirm_needed"
				if e, ok := err.(*catalog.Error); ok && e.Key != "" {
					key = e.Key
				}
				p.denied = &message{key: key}
			default:
				p.err = err
			}
		})
	})
}

func (p *orderPage) refresh(ctx app.Context, e app.Event) { p.load(ctx) }

func (p *orderPage) onConfirm(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.confirm.number = p.number
	p.confirm.submit(ctx, func(ctx app.Context, v *api.OrderView) {
		p.view, p.offline, p.denied, p.err = v, false, nil, nil
		saveOrder(ctx, *v)
	})
}

func (p *orderPage) subscribe(ctx app.Context, e app.Event) {
	if p.subscribing || p.view == nil {
		return
	}
	p.subscribing, p.subscribeErr = true, nil
	number, token := p.number, p.token
	ctx.Async(func() {
		err := (&api.Client{}).SubscribeOrder(context.Background(), number, token)
		ctx.Dispatch(func(ctx app.Context) {
			p.subscribing = false
			if number != p.number || p.view == nil {
				return
			}
			if err != nil {
				p.subscribeErr = &message{key: "error.load"}
				return
			}
			p.view.Subscribed = true
			saveOrder(ctx, *p.view)
		})
	})
}

func (p *orderPage) Render() app.UI {
	title := p.T("track.order_title", "number", p.number)
	switch {
	case p.view != nil:
		return ui.Layout(p.Loc, "/track", title, p.renderOrder())
	case p.denied != nil:
		return ui.Layout(p.Loc, "/track", title,
			app.Div().Class("track").Body(
				app.P().ID("order-denied").Class("notice").Attr("role", "status").Text(p.denied.in(p.Loc)),
				p.confirm.render(p.Loc, "confirm", false, "track.confirm.submit", p.onConfirm),
				app.P().Body(app.A().Class("back-link").Href("/track").Text(p.T("track.another"))),
			))
	case p.err != nil:
		return ui.Layout(p.Loc, "/track", title, ui.LoadError(p.Loc, p.err, p.refresh))
	default:
		return ui.Layout(p.Loc, "/track", title, ui.Loading(p.Loc))
	}
}

// renderOrder draws the loaded order: status and progress, delay notices,
// the shipments, what the customer can do, the delivery details, and the
// items with their prices.
func (p *orderPage) renderOrder() app.UI {
	v := p.view
	return app.Div().Class("track order").Body(
		app.If(p.offline, func() app.UI {
			return app.P().ID("order-offline").Class("notice offline").Attr("role", "status").
				Text(p.T("track.offline", "time", formatTime(p.Loc, v.AsOf)))
		}),
		p.renderStatus(),
		app.If(len(v.Notices) > 0, func() app.UI { return p.renderNotices() }),
		app.Range(v.Shipments).Slice(func(i int) app.UI { return p.renderShipment(i) }),
		app.If(len(v.Unshipped) > 0, func() app.UI { return p.renderUnshipped() }),
		p.renderActions(),
		p.renderDetails(),
		p.renderLines(),
		app.P().Body(app.A().Class("back-link").Href("/track").Text(p.T("track.another"))),
		// The articles about orders and deliveries, for the question the
		// page does not answer. Last, so that when they arrive nothing the
		// customer may be about to tap moves.
		&ContextHelp{Context: "order", Locale: p.Loc},
	)
}

// links to the pages that take over from here, with the order filled in.
func contactLink(number string) string { return "/contact?order=" + url.QueryEscape(number) }
func returnLink(number string) string  { return "/returns?order=" + url.QueryEscape(number) }

package portal

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/portal/orders"
	"vitrine/portal/returns"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// returnPage is /returns/{number}: a request's confirmation and its status
// timeline, the QR code and label to send the parcel (while it still has to
// be sent), the deadline, the items and the amounts. The request belongs to
// an order, whose number comes in ?order= (or from this device's memory);
// the order's proof cookie opens it, as on the order page.
type returnPage struct {
	app.Compo
	ui.Localized

	// ctx is the page's own context (see returnsPage.ctx).
	ctx app.Context

	number, order string
	view          *api.ReturnView
	denied        bool
	lookup        lookupForm
	err           error
}

// NewReturn returns the page of /returns/{number}.
func NewReturn() app.Composer { return &returnPage{} }

// OnNav runs on the server's prerender and on every navigation.
func (p *returnPage) OnNav(ctx app.Context) {
	p.ctx = ctx
	p.BindLocale(ctx)
	u := ctx.Page().URL()
	p.number = strings.ToUpper(strings.TrimPrefix(u.Path, "/returns/"))
	p.order = normalizeNumber(u.Query().Get("order"))
	ctx.Page().SetTitle(p.T("returns.request_title", "number", p.number) + " · " + p.T("app.name"))
	p.view, p.denied, p.err = nil, false, nil
	if app.IsServer {
		return
	}
	if p.order == "" {
		p.order = rememberedOrder(ctx, p.number)
	}
	p.lookup = lookupForm{number: p.order}
	if !orders.ValidNumber(p.order) {
		p.denied = true
		return
	}
	p.load()
}

func (p *returnPage) load() {
	ctx := p.ctx
	order, number := p.order, p.number
	ctx.Async(func() {
		v, err := (&api.Client{}).Return(context.Background(), order, number)
		ctx.Dispatch(func(ctx app.Context) {
			if number != p.number {
				return
			}
			switch code := catalog.ErrorCode(err); {
			case err == nil:
				p.view = v
				rememberReturn(ctx, v.Number, v.OrderNumber)
			case code == catalog.EUNAUTHORIZED:
				p.denied = true
			default:
				p.err = err
			}
		})
	})
}

func (p *returnPage) retry(ctx app.Context, e app.Event) {
	p.err = nil
	p.load()
}

func (p *returnPage) onLookup(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.lookup.submit(ctx, func(ctx app.Context, v *api.OrderView) {
		ctx.Navigate(returnPagePath(v.Number, p.number))
	})
}

func (p *returnPage) Render() app.UI {
	title := p.T("returns.request_title", "number", p.number)
	switch {
	case p.view != nil:
		return ui.Layout(p.Loc, "/returns", p.T(kindKey(p.view.Kind))+" "+p.view.Number, p.renderView())
	case p.err != nil:
		return ui.Layout(p.Loc, "/returns", title, ui.LoadError(p.Loc, p.err, p.retry))
	case p.denied:
		return ui.Layout(p.Loc, "/returns", title,
			app.Div().Class("track returns").Body(
				app.P().ID("return-denied").Class("notice").Attr("role", "status").Text(p.T("returns.confirm_needed")),
				p.lookup.render(p.Loc, "returns", true, "returns.lookup.submit", p.onLookup),
			))
	default:
		return ui.Layout(p.Loc, "/returns", title, ui.Loading(p.Loc))
	}
}

// toSend reports whether the parcel still has to be sent.
func toSend(s returns.Status) bool {
	return s == returns.StatusRequested || s == returns.StatusApproved
}

func (p *returnPage) renderView() app.UI {
	v := p.view
	return app.Div().Class("track order returns return-view").Body(
		app.Section().ID("return-status").Class("card order-status status-"+string(v.Status)).Aria("labelledby", "return-status-text").Body(
			app.P().Class("placed").Text(p.T("returns.requested_on", "date", formatDay(p.Loc, v.CreatedAt), "order", v.OrderNumber)),
			app.H2().ID("return-status-text").Class("status-text").Text(p.T(statusKey(v.Status))),
			app.P().ID("return-number").Class("reference").Text(v.Number),
			app.If(v.Status == returns.StatusRequested, func() app.UI {
				return app.P().ID("return-thanks").Class("notice ok").Attr("role", "status").Text(p.T("returns.thanks." + string(v.Kind)))
			}),
			renderTimeline(p.Loc, v),
		),
		app.If(toSend(v.Status), func() app.UI { return p.renderSend() }),
		p.renderLines(),
		app.Section().ID("return-amounts").Class("card").Aria("labelledby", "amounts-title").Body(
			app.H2().ID("amounts-title").Text(p.T("returns.summary")),
			renderQuote(p.Loc, v.Kind, v.Quote),
		),
		app.P().Body(app.A().ID("return-order-link").Class("back-link").Href("/track/"+v.OrderNumber).
			Text(p.T("returns.back_to_order", "order", v.OrderNumber))),
	)
}

// renderSend says how to send the parcel back, by when, with the QR code
// on screen and the label to download.
func (p *returnPage) renderSend() app.UI {
	v := p.view
	qr := api.ReturnQRPath(v.OrderNumber, v.Number)
	label := api.ReturnLabelPath(v.OrderNumber, v.Number) + "?hl=" + url.QueryEscape(p.Loc)
	var addr []string
	if c := v.Customer; c != nil {
		addr = append(append([]string{c.Name}, c.Address.Lines...), strings.TrimSpace(c.Address.Postcode+" "+c.Address.City))
	}
	return app.Section().ID("return-send").Class("card return-send").Aria("labelledby", "send-title").Body(
		app.H2().ID("send-title").Text(p.T("returns.send.title")),
		app.P().ID("return-deadline").Class("send-by").Text(p.T("returns.send_by", "date", formatDay(p.Loc, v.Quote.SendBy))),
		app.If(v.ShippingMethod == returns.ShippingDropOff, func() app.UI {
			return app.P().Text(p.T("returns.send.drop_off"))
		}),
		app.If(v.ShippingMethod == returns.ShippingPickup, func() app.UI {
			return app.Div().Body(
				app.P().Text(p.T("returns.send.pickup")),
				app.Address().Class("customer-address").Body(
					app.Range(addr).Slice(func(i int) app.UI { return app.Span().Class("address-line").Text(addr[i]) }),
				),
			)
		}),
		app.Img().ID("return-qr").Class("return-qr").Src(qr).Alt(p.T("returns.send.qr_alt", "number", v.Number)).
			Width(256).Height(256),
		app.Div().Class("actions").Body(
			app.A().ID("return-label").Class("button primary").Href(label).Attr("download", v.Number+"-label.png").
				Text(p.T("returns.send.label")),
		),
		app.P().Class("note").Text(p.T("returns.send.pack")),
	)
}

func (p *returnPage) renderLines() app.UI {
	v := p.view
	return app.Section().ID("return-lines").Class("card").Aria("labelledby", "return-lines-title").Body(
		app.H2().ID("return-lines-title").Text(p.T("returns.items")),
		app.Ul().Class("order-lines").Body(
			app.Range(v.Lines).Slice(func(i int) app.UI {
				l := v.Lines[i]
				return app.Li().Class("order-line").Body(
					app.Div().Class("line-main").Body(
						app.Span().Text(p.T("track.qty", "qty", strconv.Itoa(l.Qty), "name", l.Name.In(p.Loc))),
						app.Span().Class("price").Text(ui.Price(p.Loc, l.UnitPrice.Mul(int64(l.Qty)))),
					),
					app.P().Class("note").Text(p.T("returns.reason."+string(l.Reason))+reasonSuffix(l.ReasonText)),
					app.If(l.Exchange != nil, func() app.UI {
						return app.P().Class("note").Text(p.T("returns.exchange_for", "name", l.Exchange.Name.In(p.Loc),
							"price", ui.Price(p.Loc, l.Exchange.UnitPrice)))
					}),
					app.If(len(l.PhotoIDs) > 0, func() app.UI {
						return app.Ul().Class("photo-thumbs").Body(app.Range(l.PhotoIDs).Slice(func(j int) app.UI {
							return app.Li().Class("photo-thumb uploaded").Body(
								app.Img().Src(api.ReturnPhotoPath(v.OrderNumber, l.PhotoIDs[j])).
									Alt(p.T("returns.photos.alt", "n", strconv.Itoa(j+1))),
							)
						}))
					}),
				)
			}),
		),
	)
}

func reasonSuffix(text string) string {
	if strings.TrimSpace(text) == "" {
		return ""
	}
	return ": " + text
}

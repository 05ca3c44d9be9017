// Package portal holds the self-service pages a customer uses after buying:
// order tracking (this file and order.go), returns, help and contact. The
// pages are go-app components that load their data through the API client;
// the domains they show live in portal/orders, portal/returns and
// portal/help.
package portal

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/server/api"
)

// trackPage is /track: the order number and the email or postcode, and the
// orders already opened on this device (readable offline).
type trackPage struct {
	app.Compo
	ui.Localized

	form   lookupForm
	recent []recentOrder
}

// NewTrack returns the page of /track.
func NewTrack() app.Composer { return &trackPage{} }

// OnNav runs on the server's prerender and on every navigation in the
// browser.
func (p *trackPage) OnNav(ctx app.Context) {
	p.BindLocale(ctx)
	ctx.Page().SetTitle(p.T("page.track") + " · " + p.T("app.name"))
	p.form.reset()
	if n := ctx.Page().URL().Query().Get("order"); n != "" {
		p.form.number = normalizeNumber(n)
	}
	p.recent = recentOrders(ctx)
}

func (p *trackPage) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.form.submit(ctx, func(ctx app.Context, v *api.OrderView) {
		// The order page loads the view again with the proof cookie the
		// lookup just set; the address bar then names the order.
		ctx.Navigate("/track/" + v.Number)
	})
}

func (p *trackPage) Render() app.UI {
	return ui.Layout(p.Loc, "/track", p.T("page.track"),
		app.Div().Class("track").Body(
			app.P().Class("lead").Text(p.T("track.intro")),
			p.form.render(p.Loc, "track", true, "track.submit", p.onSubmit),
			app.If(len(p.recent) > 0, func() app.UI {
				return app.Section().Class("recent-orders").Aria("labelledby", "recent-title").Body(
					app.H2().ID("recent-title").Text(p.T("track.recent")),
					app.P().Class("note").Text(p.T("track.recent_hint")),
					app.Ul().Class("link-list").Body(
						app.Range(p.recent).Slice(func(i int) app.UI {
							r := p.recent[i]
							return app.Li().Body(
								app.A().Href("/track/"+r.Number).Body(
									app.Strong().Text(r.Number),
									app.Text(" · "+p.T(r.Status.Key())),
								),
							)
						}),
					),
				)
			}),
		),
	)
}

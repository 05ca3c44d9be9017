// Package showroom holds the shopping pages: home, categories, products, the
// showroom hall, the configurator, cart and checkout. Pages are go-app
// components; they load data through the API client and never import g3n
// (the 3D lives in showroom/scene, behind build tags).
package showroom

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/portal"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// home is the front page: what the store is, its stands, featured products
// and the ways into after-sale service.
type home struct {
	app.Compo
	ui.Localized

	stands   []catalog.Category
	featured []catalog.Product
	err      error
	loaded   bool
}

// NewHome returns the home page.
func NewHome() app.Composer { return &home{} }

// OnNav runs on the server's prerender and on every navigation in the
// browser, including between two pages of this kind.
func (h *home) OnNav(ctx app.Context) { h.BindLocale(ctx); h.load(ctx) }

func (h *home) load(ctx app.Context) {
	ctx.Page().SetTitle(h.T("app.name") + " · " + h.T("app.tagline"))
	ctx.Async(func() {
		c := api.Client{}
		cs, err := c.Categories(context.Background())
		var ps []catalog.Product
		if err == nil {
			ps, err = c.Products(context.Background(), catalog.ProductFilter{Featured: true})
		}
		ctx.Dispatch(func(ctx app.Context) { h.stands, h.featured, h.err, h.loaded = cs, ps, err, true })
	})
}

func (h *home) retry(ctx app.Context, e app.Event) { h.err = nil; h.loaded = false; h.load(ctx) }

func (h *home) Render() app.UI {
	return ui.Layout(h.Loc, "/", h.T("home.title"),
		app.P().Class("lead").Text(h.T("home.text")),
		app.Div().Class("actions").Body(
			app.A().Class("button primary").Href("/showroom").Text(h.T("home.cta_showroom")),
			app.A().Class("button").Href("/configure").Text(h.T("home.cta_configure")),
		),
		app.If(h.err != nil, func() app.UI { return ui.LoadError(h.Loc, h.err, h.retry) }).
			ElseIf(!h.loaded, func() app.UI { return ui.Loading(h.Loc) }).
			Else(func() app.UI {
				return app.Div().Body(
					app.Section().Class("stands").Body(
						app.H2().Text(h.T("home.stands")),
						app.Ul().Class("grid stands").Body(
							app.Range(h.stands).Slice(func(i int) app.UI {
								c := h.stands[i]
								return app.Li().Class("card stand-card").Body(
									app.A().Href("/categories/"+c.Slug).Body(
										app.H3().Class("card-title").Text(c.Name.In(h.Loc)),
										app.P().Text(c.Description.In(h.Loc)),
									),
								)
							}),
						),
					),
					app.Section().Class("featured").Body(
						app.H2().Text(h.T("home.featured")),
						ui.ProductGrid(h.Loc, h.featured),
					),
				)
			}),
		&portal.HelpSearch{Locale: h.Loc},
		app.Section().Class("service").Body(
			app.H2().Text(h.T("home.service")),
			app.Ul().Class("grid service").Body(
				serviceCard("/track", h.T("home.service.track"), h.T("home.service.track_text")),
				serviceCard("/returns", h.T("home.service.returns"), h.T("home.service.returns_text")),
				serviceCard("/help", h.T("home.service.help"), h.T("home.service.help_text")),
			),
		),
	)
}

func serviceCard(href, title, text string) app.UI {
	return app.Li().Class("card service-card").Body(
		app.A().Href(href).Body(app.H3().Class("card-title").Text(title), app.P().Text(text)),
	)
}

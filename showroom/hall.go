package showroom

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/server/api"
)

// hall is the showroom. Until the 3D hall ships it is the list view the 3D
// will keep for screen readers and devices without WebGL: every stand with
// its products.
type hall struct {
	app.Compo
	ui.Localized

	stands []api.Stand
	err    error
	loaded bool
}

// NewHall returns the page of /showroom and /showroom/{stand}/{product}.
func NewHall() app.Composer { return &hall{} }

// OnNav runs on the server's prerender and on every navigation in the browser.
func (h *hall) OnNav(ctx app.Context) {
	h.BindLocale(ctx)
	ctx.Page().SetTitle(h.T("page.showroom") + " · " + h.T("app.name"))
	ctx.Async(func() {
		st, err := (&api.Client{}).Stands(context.Background())
		ctx.Dispatch(func(ctx app.Context) { h.stands, h.err, h.loaded = st, err, true })
	})
}

func (h *hall) Render() app.UI {
	return ui.Layout(h.Loc, "/showroom", h.T("page.showroom"),
		app.P().Class("lead").Text(h.T("page.showroom.soon")),
		app.If(h.err != nil, func() app.UI { return ui.LoadError(h.Loc, h.err, nil) }).
			ElseIf(!h.loaded, func() app.UI { return ui.Loading(h.Loc) }).
			Else(func() app.UI {
				return app.Div().Class("stand-list").Body(
					app.Range(h.stands).Slice(func(i int) app.UI {
						s := h.stands[i]
						return app.Section().Class("stand").ID("stand-"+s.Category.Slug).Body(
							app.H2().Text(s.Category.Name.In(h.Loc)),
							ui.ProductGrid(h.Loc, s.Products),
						)
					}),
				)
			}),
	)
}

package showroom

import (
	"context"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/portal"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// configurePage is /configure (the products one can configure) and
// /configure/{slug}. The 3D configurator ships later; until then the page
// names the product and lists the configurable ones.
type configurePage struct {
	app.Compo
	ui.Localized

	slug     string
	products []catalog.Product
	err      error
	loaded   bool
}

// NewConfigure returns the configurator page.
func NewConfigure() app.Composer { return &configurePage{} }

// OnNav runs on the server's prerender and on every navigation in the browser.
func (c *configurePage) OnNav(ctx app.Context) {
	c.BindLocale(ctx)
	c.slug = strings.Trim(strings.TrimPrefix(ctx.Page().URL().Path, "/configure"), "/")
	ctx.Page().SetTitle(c.T("page.configure") + " · " + c.T("app.name"))
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
}

func (c *configurePage) Render() app.UI {
	title := c.T("page.configure")
	for _, p := range c.products {
		if p.Slug == c.slug {
			title = c.T("page.configure") + ": " + p.Name.In(c.Loc)
		}
	}
	return ui.Layout(c.Loc, "/configure", title,
		app.If(c.slug != "", func() app.UI { return app.P().Class("lead").Text(c.T("page.configure.soon")) }),
		app.H2().Text(c.T("page.configure.pick")),
		app.If(c.err != nil, func() app.UI { return ui.LoadError(c.Loc, c.err, nil) }).
			ElseIf(!c.loaded, func() app.UI { return ui.Loading(c.Loc) }).
			Else(func() app.UI { return ui.ProductGrid(c.Loc, c.products) }),
		&portal.ContextHelp{Context: "configurator", Locale: c.Loc},
	)
}

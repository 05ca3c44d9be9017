package showroom

import (
	"context"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// categoryPage lists one category's products, with a filter box.
type categoryPage struct {
	app.Compo
	ui.Localized

	slug     string
	category *catalog.Category
	products []catalog.Product
	query    string
	err      error
	loaded   bool
}

// NewCategory returns the page of /categories/{slug}.
func NewCategory() app.Composer { return &categoryPage{} }

// OnNav runs on the server's prerender and on every navigation in the
// browser, including between two pages of this kind.
func (p *categoryPage) OnNav(ctx app.Context) { p.init(ctx) }

func (p *categoryPage) init(ctx app.Context) {
	p.BindLocale(ctx)
	p.slug = strings.TrimPrefix(ctx.Page().URL().Path, "/categories/")
	p.load(ctx)
}

func (p *categoryPage) load(ctx app.Context) {
	slug, query := p.slug, p.query
	ctx.Async(func() {
		c := api.Client{}
		cs, err := c.Categories(context.Background())
		var cat *catalog.Category
		for i := range cs {
			if cs[i].Slug == slug {
				cat = &cs[i]
			}
		}
		var ps []catalog.Product
		if err == nil && cat == nil {
			err = &catalog.Error{Code: catalog.ENOTFOUND, Key: "catalog.category_not_found"}
		}
		if err == nil {
			ps, err = c.Products(context.Background(), catalog.ProductFilter{Category: slug, Query: query})
		}
		ctx.Dispatch(func(ctx app.Context) {
			if query != p.query || slug != p.slug {
				return // a newer load is on its way
			}
			p.category, p.products, p.err, p.loaded = cat, ps, err, true
			if cat != nil {
				ctx.Page().SetTitle(cat.Name.In(p.Loc) + " · " + p.T("app.name"))
			}
		})
	})
}

func (p *categoryPage) filter(ctx app.Context, e app.Event) {
	p.query = ctx.JSSrc().Get("value").String()
	p.load(ctx)
}

func (p *categoryPage) Render() app.UI {
	title := p.T("page.category")
	if p.category != nil {
		title = p.category.Name.In(p.Loc)
	}
	return ui.Layout(p.Loc, "/categories", title,
		app.If(p.err != nil, func() app.UI { return ui.LoadError(p.Loc, p.err, nil) }).
			ElseIf(!p.loaded, func() app.UI { return ui.Loading(p.Loc) }).
			Else(func() app.UI {
				return app.Div().Body(
					app.P().Class("lead").Text(p.category.Description.In(p.Loc)),
					app.Label().Class("search").Body(
						app.Span().Class("visually-hidden").Text(p.T("catalog.search")),
						app.Input().Type("search").ID("product-filter").Value(p.query).
							Placeholder(p.T("catalog.search_placeholder")).
							Aria("label", p.T("catalog.search")).OnInput(p.filter),
					),
					app.P().Class("count").Attr("aria-live", "polite").Text(p.T("catalog.count", "n", strconv.Itoa(len(p.products)))),
					app.If(len(p.products) == 0, func() app.UI { return app.P().Text(p.T("catalog.no_products")) }).
						Else(func() app.UI { return ui.ProductGrid(p.Loc, p.products) }),
				)
			}),
	)
}

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

// productPage shows one product: picture, description, price, availability,
// specifications and the way to buy or configure it.
type productPage struct {
	app.Compo
	ui.Localized

	slug    string
	product *catalog.Product
	err     error
	added   bool
}

// NewProduct returns the page of /products/{slug}.
func NewProduct() app.Composer { return &productPage{} }

// OnNav runs on the server's prerender and on every navigation in the
// browser, including from one product to another.
func (p *productPage) OnNav(ctx app.Context) {
	p.BindLocale(ctx)
	p.slug = strings.TrimPrefix(ctx.Page().URL().Path, "/products/")
	p.product, p.err, p.added = nil, nil, false
	slug := p.slug
	ctx.Async(func() {
		prod, err := (&api.Client{}).Product(context.Background(), slug)
		ctx.Dispatch(func(ctx app.Context) {
			if slug != p.slug {
				return
			}
			p.product, p.err = prod, err
			if prod != nil {
				ctx.Page().SetTitle(prod.Name.In(p.Loc) + " · " + p.T("app.name"))
				ctx.Page().SetDescription(prod.Description.In(p.Loc))
				if prod.Thumbnail != "" {
					ctx.Page().SetImage(prod.Thumbnail)
				}
			}
		})
	})
}

// addToCart puts one of the product in the cart; the server prices it
// when the cart is shown.
func (p *productPage) addToCart(ctx app.Context, e app.Event) {
	addToCart(ctx, p.product.Slug, "", 1, p.product.Name)
	p.added = true
}

func (p *productPage) Render() app.UI {
	if p.err != nil {
		return ui.Layout(p.Loc, "/products", p.T("catalog.not_found"), ui.LoadError(p.Loc, p.err, nil),
			app.P().Body(app.A().Href("/showroom").Text(p.T("nav.showroom"))))
	}
	if p.product == nil {
		return ui.Layout(p.Loc, "/products", p.T("loading"), ui.Loading(p.Loc))
	}
	pr := p.product
	return ui.Layout(p.Loc, "/products", pr.Name.In(p.Loc),
		app.Div().Class("product").Body(
			app.Div().Class("product-media").Body(&inspector{Product: *pr, Locale: p.Loc}),
			app.Div().Class("product-info").Body(
				app.P().Class("lead").Text(pr.Description.In(p.Loc)),
				app.Dl().Class("buy-box").Body(
					app.Dt().Text(p.T("catalog.price")),
					app.Dd().Class("price").ID("product-price").Text(ui.Price(p.Loc, pr.Price)),
					app.Dt().Text(p.T("catalog.availability")),
					app.Dd().Class("availability").Text(ui.Availability(p.Loc, pr)),
					app.Dt().Text(p.T("catalog.sku")),
					app.Dd().Text(pr.SKU),
				),
				app.If(pr.FinalSale, func() app.UI { return app.P().Class("notice warn").Text(p.T("catalog.final_sale")) }),
				app.If(pr.WarrantyMonths > 0, func() app.UI {
					return app.P().Class("warranty").Text(p.T("catalog.warranty", "months", strconv.Itoa(pr.WarrantyMonths)))
				}),
				app.Div().Class("actions").Body(
					app.If(pr.Configurable, func() app.UI {
						return app.A().Class("button primary").Href("/configure/" + pr.Slug).Text(p.T("catalog.configure"))
					}).Else(func() app.UI {
						return app.Button().Class("button primary").ID("product-add").Type("button").
							OnClick(p.addToCart).Text(p.T("catalog.add_to_cart"))
					}),
				),
				app.Div().ID("product-status").Attr("role", "status").Body(
					app.If(p.added, func() app.UI {
						return app.P().Class("note").Body(
							app.Text(p.T("product.added")+" "),
							app.A().Href("/cart").Text(p.T("product.view_cart")),
						)
					}),
				),
			),
		),
		app.Section().Class("specs").Body(
			app.H2().Text(p.T("catalog.specs")),
			app.Table().Class("spec-table").Body(
				app.TBody().Body(
					app.Range(pr.Specs).Slice(func(i int) app.UI {
						s := pr.Specs[i]
						return app.Tr().Body(app.Th().Scope("row").Text(p.T("spec."+s.Key)), app.Td().Text(s.Value.In(p.Loc)))
					}),
				),
			),
		),
	)
}

package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/assets/i18n"
	"vitrine/showroom/catalog"
)

// Price formats m for locale.
func Price(locale string, m catalog.Money) string {
	return i18n.FormatMoney(locale, m.Amount, m.Currency)
}

// Availability says when p ships, in locale.
func Availability(locale string, p *catalog.Product) string {
	if p.Stock > 0 {
		return i18n.T(locale, "catalog.in_stock", "days", strconv.Itoa(p.LeadTimeDays))
	}
	return i18n.T(locale, "catalog.made_to_order", "days", strconv.Itoa(p.LeadTimeDays))
}

// Thumbnail is the product's picture, or a neutral placeholder with its
// initial until it has one.
func Thumbnail(locale string, p *catalog.Product) app.UI {
	name := p.Name.In(locale)
	if p.Thumbnail == "" {
		initial := ""
		for _, r := range name {
			initial = string(r)
			break
		}
		return app.Div().Class("thumb placeholder").Aria("hidden", "true").Text(initial)
	}
	return app.Img().Class("thumb").Src(p.Thumbnail).Alt(i18n.T(locale, "catalog.thumbnail", "name", name)).
		Width(256).Height(256).Attr("loading", "lazy")
}

// ProductCard is a product in a grid: picture, name, price and availability,
// linking to its page.
func ProductCard(locale string, p catalog.Product) app.UI {
	return app.Li().Class("card product-card").Body(
		app.A().Href("/products/"+p.Slug).Body(
			Thumbnail(locale, &p),
			app.H3().Class("card-title").Text(p.Name.In(locale)),
		),
		app.P().Class("price").Text(Price(locale, p.Price)),
		app.P().Class("availability").Text(Availability(locale, &p)),
		app.If(p.Configurable, func() app.UI {
			return app.P().Class("badge").Text(i18n.T(locale, "catalog.configurable"))
		}),
	)
}

// ProductGrid lists products as cards.
func ProductGrid(locale string, ps []catalog.Product) app.UI {
	return app.Ul().Class("grid products").Body(
		app.Range(ps).Slice(func(i int) app.UI { return ProductCard(locale, ps[i]) }),
	)
}

// LoadError shows that data could not be loaded, with the reason in the
// customer's language and a way to try again.
func LoadError(locale string, err error, retry app.EventHandler) app.UI {
	msg := i18n.T(locale, "error.load")
	if e, ok := err.(*catalog.Error); ok && e.Key != "" && e.Key != "error.load" {
		msg = i18n.T(locale, e.Key)
	}
	return app.Div().Class("notice error").Attr("role", "alert").Body(
		app.P().Text(msg),
		app.If(retry != nil, func() app.UI {
			return app.Button().Type("button").OnClick(retry).Text(i18n.T(locale, "error.retry"))
		}),
	)
}

// Loading is shown while a page's data is on its way.
func Loading(locale string) app.UI {
	return app.P().Class("loading").Attr("role", "status").Text(i18n.T(locale, "loading"))
}

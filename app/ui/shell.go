package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/assets/i18n"
)

// navItem is one entry of the main navigation.
type navItem struct{ href, key string }

var navItems = []navItem{
	{"/showroom", "nav.showroom"},
	{"/configure", "nav.configure"},
	{"/track", "nav.track"},
	{"/returns", "nav.returns"},
	{"/help", "nav.help"},
}

// CartCountState is the go-app state with the number of items in the cart,
// kept by the cart and shown by the header.
const CartCountState = "cart-count"

// header is the top of every page: the store's name, the navigation (a bar
// on wide screens, a menu button on phones), the cart and the language
// switcher. It is a component of its own so the menu can open and close
// without re-rendering the page.
type header struct {
	app.Compo
	// Locale is set by the page, so a language switch re-renders the header.
	Locale string
	// Path is the current page's path, to mark the active entry.
	Path string

	menuOpen  bool
	cartCount int
}

func (h *header) OnMount(ctx app.Context) {
	ctx.ObserveState(CartCountState, &h.cartCount)
}

func (h *header) toggleMenu(ctx app.Context, e app.Event) { h.menuOpen = !h.menuOpen }

func (h *header) switchLocale(ctx app.Context, e app.Event) {
	SetLocale(ctx, ctx.JSSrc().Get("value").String())
}

func (h *header) Render() app.UI {
	t := func(key string, args ...string) string { return i18n.T(h.Locale, key, args...) }
	navClass := "site-nav"
	if h.menuOpen {
		navClass += " open"
	}
	menuLabel := t("nav.menu")
	if h.menuOpen {
		menuLabel = t("nav.close")
	}
	return app.Header().Class("site-header").Body(
		app.A().Class("skip-link").Href("#main").Text(t("nav.skip")),
		app.Div().Class("header-bar").Body(
			app.A().Class("brand").Href("/").Body(
				app.Img().Src("/web/icons/icon.svg").Alt("").Width(28).Height(28),
				app.Span().Text(t("app.name")),
			),
			app.Button().
				Class("menu-toggle").
				Type("button").
				Aria("expanded", strconv.FormatBool(h.menuOpen)).
				Aria("controls", "site-nav").
				Aria("label", menuLabel).
				OnClick(h.toggleMenu).
				Body(app.Span().Class("menu-icon").Aria("hidden", "true"), app.Span().Class("menu-text").Text(t("nav.menu"))),
			app.Nav().ID("site-nav").Class(navClass).Aria("label", t("nav.main")).Body(
				app.Ul().Body(
					app.Range(navItems).Slice(func(i int) app.UI {
						it := navItems[i]
						a := app.A().Href(it.href).Text(t(it.key))
						if isActive(h.Path, it.href) {
							a = a.Aria("current", "page").Class("active")
						}
						return app.Li().Body(a)
					}),
				),
			),
			app.Div().Class("header-tools").Body(
				app.A().Class("cart-link").Href("/cart").
					Aria("label", t("cart.count", "n", strconv.Itoa(h.cartCount))).
					Body(
						app.Span().Class("cart-icon").Aria("hidden", "true"),
						app.Span().Class("cart-label").Text(t("cart.label")),
						app.Span().Class("cart-count").Text(strconv.Itoa(h.cartCount)),
					),
				app.Label().Class("lang-switch").Body(
					app.Span().Class("visually-hidden").Text(t("lang.label")),
					app.Select().ID("lang-select").Aria("label", t("lang.label")).OnChange(h.switchLocale).Body(
						app.Range(i18n.Locales).Slice(func(i int) app.UI {
							l := i18n.Locales[i]
							return app.Option().Value(l).Lang(l).Selected(l == h.Locale).Text(i18n.LocaleNames[l])
						}),
					),
				),
			),
		),
	)
}

func isActive(path, href string) bool {
	return path == href || len(path) > len(href) && path[:len(href)] == href && path[len(href)] == '/'
}

// footer shows how to reach the store and its policies.
func footer(locale string) app.UI {
	t := func(key string) string { return i18n.T(locale, key) }
	return app.Footer().Class("site-footer").Body(
		app.Div().Class("footer-cols").Body(
			app.Section().Body(
				app.H2().Text(t("footer.contact")),
				app.P().Body(app.A().Href("tel:+34910000000").Text(t("footer.phone"))),
				app.P().Text(t("footer.hours")),
				app.P().Body(app.A().Href("mailto:support@vitrine.example").Text(t("footer.email"))),
				app.P().Body(app.A().Href("/contact").Text(t("page.contact"))),
			),
			app.Section().Body(
				app.H2().Text(t("footer.policies")),
				app.Ul().Body(
					app.Li().Body(app.A().Href("/returns/policy").Text(t("footer.returns_policy"))),
					app.Li().Body(app.A().Href("/help/orders-delivery/delivery/delivery-times").Text(t("footer.shipping"))),
					app.Li().Body(app.A().Href("/help/account-privacy/privacy/personal-data").Text(t("footer.privacy"))),
					app.Li().Body(app.A().Href("/help/orders-delivery/placing-orders/how-to-order").Text(t("footer.terms"))),
				),
			),
		),
		app.P().Class("footer-rights").Text(t("footer.rights")),
	)
}

// Layout is the shell every page renders into: header, the page's title and
// content in <main>, footer. path marks the active navigation entry.
func Layout(locale, path, title string, content ...app.UI) app.UI {
	return app.Div().Class("shell").Body(
		&header{Locale: locale, Path: path},
		app.Main().ID("main").Class("page").Body(
			app.H1().Class("page-title").Text(title),
			app.Div().Class("page-body").Body(content...),
		),
		footer(locale),
	)
}

package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// comingSoon is the page of a route whose feature has not shipped yet: its
// title in the shell and a line saying what will be there.
type comingSoon struct {
	app.Compo
	Localized
	// TitleKey and TextKey are exported so that navigating between two
	// coming-soon routes updates them (go-app reuses the component).
	TitleKey, TextKey string
	path              string
}

// NewComingSoon returns a page titled by the translation titleKey and saying
// textKey.
func NewComingSoon(titleKey, textKey string) app.Composer {
	return &comingSoon{TitleKey: titleKey, TextKey: textKey}
}

// OnNav runs on the server's prerender and on every navigation in the
// browser, including between two pages of this kind.
func (c *comingSoon) OnNav(ctx app.Context) { c.init(ctx) }

func (c *comingSoon) init(ctx app.Context) {
	c.BindLocale(ctx)
	c.path = ctx.Page().URL().Path
	ctx.Page().SetTitle(c.T(c.TitleKey) + " · " + c.T("app.name"))
}

func (c *comingSoon) Render() app.UI {
	return Layout(c.Loc, c.path, c.T(c.TitleKey),
		app.P().Class("lead").Text(c.T(c.TextKey)),
	)
}

// notFound is the page of every path the app does not know; the server
// answers it with status 404.
type notFound struct {
	app.Compo
	Localized
}

// NewNotFound returns the not-found page.
func NewNotFound() app.Composer { return &notFound{} }

// OnNav runs on the server's prerender and on every navigation in the
// browser, including between two pages of this kind.
func (n *notFound) OnNav(ctx app.Context) { n.init(ctx) }

func (n *notFound) init(ctx app.Context) {
	n.BindLocale(ctx)
	ctx.Page().SetTitle(n.T("notfound.title") + " · " + n.T("app.name"))
}

func (n *notFound) Render() app.UI {
	return Layout(n.Loc, "", n.T("notfound.title"),
		app.P().Class("lead").Text(n.T("notfound.text")),
		app.Ul().Class("link-list").Body(
			app.Li().Body(app.A().Href("/").Text(n.T("notfound.home"))),
			app.Li().Body(app.A().Href("/showroom").Text(n.T("nav.showroom"))),
			app.Li().Body(app.A().Href("/help").Text(n.T("notfound.help"))),
		),
	)
}

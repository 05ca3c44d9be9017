package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

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

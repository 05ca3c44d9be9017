package portal

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/assets/i18n"
	"vitrine/server/api"
)

// ContextHelp lists the help articles most relevant where the customer is,
// beside what they are doing. A page embeds it with one line:
//
//	&portal.ContextHelp{Context: "configurator", Locale: c.Loc}
//
// Context is one of the places articles name in their "contexts" front
// matter (content.Contexts): "order" (the order page), "tracking",
// "returns" (the returns flow), "repair", "configurator", "showroom",
// "checkout", "contact". The articles come in the page's locale, the
// editors' most important first. If there are none, or they cannot be
// loaded, nothing is shown: contextual help must never get in the way.
type ContextHelp struct {
	app.Compo
	Context string
	Locale  string
	// Limit is the number of articles; 0 means 3.
	Limit int

	key      string
	articles []api.HelpArticleLink
}

// OnPreRender loads the articles during the server's prerender.
func (c *ContextHelp) OnPreRender(ctx app.Context) { c.load(ctx) }

// OnMount loads the articles in the browser.
func (c *ContextHelp) OnMount(ctx app.Context) { c.load(ctx) }

// OnUpdate loads the articles again when the page's locale or the context
// changes.
func (c *ContextHelp) OnUpdate(ctx app.Context) { c.load(ctx) }

func (c *ContextHelp) load(ctx app.Context) {
	if c.Context == "" || c.Locale == "" {
		return // the page has not bound its locale yet
	}
	limit := c.Limit
	if limit <= 0 {
		limit = 3
	}
	name, locale := c.Context, c.Locale
	key := name + "|" + locale
	if key == c.key {
		return
	}
	c.key = key
	ctx.Async(func() {
		as, err := (&api.Client{}).HelpContext(context.Background(), name, locale, limit)
		ctx.Dispatch(func(ctx app.Context) {
			if key != c.key {
				return
			}
			if err != nil {
				as = nil
			}
			c.articles = as
		})
	})
}

func (c *ContextHelp) Render() app.UI {
	if len(c.articles) == 0 {
		return app.Div().Class("context-help-slot")
	}
	t := func(key string) string { return i18n.T(c.Locale, key) }
	id := "context-help-" + c.Context
	return app.Aside().ID(id).Class("context-help card").Aria("labelledby", id+"-title").Body(
		app.H2().ID(id+"-title").Text(t("help.context.title")),
		articleList(c.articles, true),
		app.P().Class("more").Body(
			app.A().Href("/help").Text(t("help.context.all")),
			app.Text(" · "),
			app.A().Href("/contact").Text(t("help.contact.write")),
		),
	)
}

package portal

// What the help center, contact and staff pages share. Like every page of
// this package they import only the pure domain packages (portal/help,
// portal/support), never the server, Markdown or search code, so the wasm
// stays small.

import (
	"html"
	"regexp"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/portal/help"
	"vitrine/showroom/catalog"
)

// bindLocale binds a page's locale as ui.Localized.BindLocale does, and in
// the browser also calls reload when the customer switches language: help
// pages hold text in one language, fetched again in the new one.
func bindLocale(ctx app.Context, l *ui.Localized, reload func(app.Context)) {
	l.BindLocale(ctx)
	if app.IsClient {
		// The same component observing the same state replaces
		// BindLocale's observer with this one, which also reloads.
		ctx.ObserveState(ui.LocaleState, &l.Loc).OnChange(func() { reload(ctx) })
	}
}

// breadcrumbs renders a trail from the help center's home; the last crumb is
// the current page, text rather than a link.
func breadcrumbs(locale string, crumbs []help.Crumb) app.UI {
	return app.Nav().Class("breadcrumbs").Aria("label", i18n.T(locale, "help.crumbs")).Body(
		app.Ol().Body(
			app.Range(crumbs).Slice(func(i int) app.UI {
				c := crumbs[i]
				label := c.Label
				if c.Key != "" {
					label = i18n.T(locale, c.Key)
				}
				if c.Current {
					return app.Li().Body(app.Span().Aria("current", "page").Text(label))
				}
				return app.Li().Body(app.A().Href(c.Path).Text(label))
			}),
		),
	)
}

// snippetTags are the only tags a search snippet may hold.
var snippetTags = strings.NewReplacer("<mark>", "", "</mark>", "")

var anyTag = regexp.MustCompile(`<[^>]*>`)

// snippet renders a search result's snippet. The server escapes the text and
// adds only <mark> around matched words, so the snippet is inserted as HTML
// to show the highlights; if it ever holds anything else, it is shown as
// plain text instead, never as markup.
func snippet(s string) app.UI {
	if !isSafeSnippet(s) {
		return app.Span().Class("snippet").Text(html.UnescapeString(anyTag.ReplaceAllString(s, "")))
	}
	return app.Raw(`<span class="snippet">` + s + `</span>`)
}

// isSafeSnippet reports whether s would be inserted as HTML by snippet.
func isSafeSnippet(s string) bool { return !strings.ContainsAny(snippetTags.Replace(s), "<>") }

// errorText is the message of err in locale: its translation key's text when
// it has one, else the generic "could not load".
func errorText(locale string, err error) string {
	if e, ok := err.(*catalog.Error); ok && e.Key != "" {
		// i18n.T answers an unknown key with the key itself; a key meant
		// for API clients (orders.err.…) must not reach the page as is.
		if s := i18n.T(locale, e.Key); s != e.Key {
			return s
		}
	}
	return i18n.T(locale, "error.load")
}

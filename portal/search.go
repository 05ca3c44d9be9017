package portal

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/assets/i18n"
	"vitrine/server/api"
)

// searchDelay is how long the box waits after the last keystroke before it
// searches: long enough not to search for every letter of a word, short
// enough that results seem to follow the typing.
const searchDelay = 250 * time.Millisecond

// searchLimit is how many results the box shows.
const searchLimit = 8

// HelpSearch is the help center's search box with results while typing. It
// is on every help page and on the home page:
//
//	&portal.HelpSearch{Locale: p.Loc}
//
// Typing waits searchDelay after the last keystroke, then searches; a newer
// query cancels the request of an older one, and a response that arrives
// for an older query is ignored, so the results always match the box.
type HelpSearch struct {
	app.Compo
	// Locale is the page's locale; results are in it.
	Locale string

	query    string
	seq      int // bumped on every keystroke; a search carries the value it started with
	cancel   context.CancelFunc
	shown    string // the query the shown results are for
	resp     *api.HelpSearchResponse
	err      error
	inFlight bool
}

// searchable reports whether q is worth sending: two characters, or one
// Chinese character (a Chinese word is often one or two).
func searchable(q string) bool {
	q = strings.TrimSpace(q)
	if utf8.RuneCountInString(q) >= 2 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(q)
	return unicode.Is(unicode.Han, r)
}

func (h *HelpSearch) onInput(ctx app.Context, e app.Event) {
	h.query = ctx.JSSrc().Get("value").String()
	h.seq++
	seq := h.seq
	if !searchable(h.query) {
		h.stop()
		h.resp, h.err, h.shown = nil, nil, ""
		return
	}
	ctx.After(searchDelay, func(ctx app.Context) {
		if seq == h.seq {
			h.search(ctx)
		}
	})
}

// stop cancels the request in flight, if any.
func (h *HelpSearch) stop() {
	if h.cancel != nil {
		h.cancel()
		h.cancel = nil
	}
	h.inFlight = false
}

func (h *HelpSearch) search(ctx app.Context) {
	h.stop()
	seq, q, locale := h.seq, h.query, h.Locale
	c, cancel := context.WithCancel(context.Background())
	h.cancel, h.inFlight = cancel, true
	ctx.Async(func() {
		resp, err := (&api.Client{}).HelpSearch(c, q, locale, searchLimit)
		ctx.Dispatch(func(ctx app.Context) {
			if seq != h.seq || locale != h.Locale {
				return // an answer to an older query
			}
			cancel()
			h.cancel, h.inFlight = nil, false
			h.resp, h.err, h.shown = resp, err, q
		})
	})
}

// OnUpdate runs when the page passes a new locale: the results are searched
// again in it.
func (h *HelpSearch) OnUpdate(ctx app.Context) {
	if searchable(h.query) {
		h.seq++
		h.search(ctx)
	}
}

// OnDismount cancels a search still in flight.
func (h *HelpSearch) OnDismount() { h.stop() }

func (h *HelpSearch) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if searchable(h.query) {
		h.seq++
		h.search(ctx) // at once, without waiting for the delay
	}
}

func (h *HelpSearch) t(key string, args ...string) string { return i18n.T(h.Locale, key, args...) }

func (h *HelpSearch) Render() app.UI {
	status := ""
	switch {
	case h.err != nil:
		status = errorText(h.Locale, h.err)
	case h.resp != nil && len(h.resp.Results) > 0:
		status = h.t("help.search.count", "n", strconv.Itoa(len(h.resp.Results)))
	case h.resp != nil:
		status = h.t("help.search.none", "query", h.shown)
	}
	return app.Form().Class("help-search").Attr("role", "search").Attr("novalidate", true).OnSubmit(h.submit).Body(
		app.Label().For("help-q").Class("help-search-label").Text(h.t("help.search.label")),
		app.Input().Type("search").ID("help-q").Name("q").Value(h.query).
			Placeholder(h.t("help.search.placeholder")).AutoComplete(false).
			Attr("enterkeyhint", "search").Attr("spellcheck", "false").
			Aria("controls", "help-results").Aria("busy", strconv.FormatBool(h.inFlight)).
			OnInput(h.onInput),
		app.P().ID("help-search-status").Class("help-search-status").Attr("aria-live", "polite").Text(status),
		app.If(h.resp != nil && len(h.resp.Results) > 0, func() app.UI {
			return app.Ul().ID("help-results").Class("help-results").Body(
				app.Range(h.resp.Results).Slice(func(i int) app.UI {
					r := h.resp.Results[i]
					return app.Li().Body(
						app.A().Href(r.Path).Body(
							app.Span().Class("result-title").Text(r.Title),
							snippet(r.Snippet),
						),
					)
				}),
			)
		}).ElseIf(h.resp != nil, func() app.UI {
			return noResults(h.Locale, h.resp)
		}).Else(func() app.UI {
			return app.Ul().ID("help-results").Class("help-results")
		}),
	)
}

// noResults offers a way on when a search found nothing: the categories
// closest to the query and the ways to reach a person.
func noResults(locale string, r *api.HelpSearchResponse) app.UI {
	t := func(key string, args ...string) string { return i18n.T(locale, key, args...) }
	return app.Div().ID("help-results").Class("help-no-results").Body(
		app.If(len(r.Categories) > 0, func() app.UI {
			return app.Div().Body(
				app.P().Text(t("help.search.browse")),
				app.Ul().Class("chip-list").Body(
					app.Range(r.Categories).Slice(func(i int) app.UI {
						c := r.Categories[i]
						return app.Li().Body(app.A().Class("chip").Href(c.Path).Text(c.Title))
					}),
				),
			)
		}),
		app.If(r.Contact != nil, func() app.UI {
			return contactOptions(locale, r.Contact)
		}),
	)
}

// contactOptions shows how to reach a person.
func contactOptions(locale string, c *api.ContactOptions) app.UI {
	t := func(key string, args ...string) string { return i18n.T(locale, key, args...) }
	return app.Div().Class("contact-options").Body(
		app.P().Class("contact-options-title").Text(t("help.contact.title")),
		app.Ul().Body(
			app.Li().Body(app.A().Class("button primary").Href(c.Path).Text(t("help.contact.write"))),
			app.Li().Body(app.A().Class("button").Href(c.PhoneURI).Text(t("help.contact.call", "phone", c.Phone))),
		),
		app.P().Class("note").Text(t("contact.hours")+" · "+t("contact.reply_time")),
	)
}

// Package ui holds what every page of the app shares: the shell (header,
// navigation, language switcher, footer), the customer's locale, and small
// rendering helpers for catalog content. It is imported by the page packages
// of showroom and portal and builds both for wasm and natively (prerender).
package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/assets/i18n"
)

// LocaleState is the go-app state holding the chosen locale; it is persisted
// in local storage, so the choice survives a reload.
const LocaleState = "locale"

// localeCookie and localeParam mirror server.LocaleCookie and
// server.LocaleParam (ui cannot import the server).
const (
	localeCookie = "vitrine_lang"
	localeParam  = "hl"
)

// Locale returns the locale to render in. On the server it is the one the
// server negotiated for this request (from the cookie or Accept-Language),
// passed in the page URL. In the browser it is the customer's saved choice,
// else the first of navigator.languages the store speaks.
func Locale(ctx app.Context) string {
	if app.IsServer {
		if l := ctx.Page().URL().Query().Get(localeParam); i18n.Supported(l) {
			return l
		}
		return i18n.Default
	}
	var l string
	ctx.GetState(LocaleState, &l)
	if i18n.Supported(l) {
		return l
	}
	if l := ctx.Page().URL().Query().Get(localeParam); i18n.Supported(l) {
		return l
	}
	var prefs []string
	langs := app.Window().Get("navigator").Get("languages")
	for i := 0; langs.Truthy() && i < langs.Length(); i++ {
		prefs = append(prefs, langs.Index(i).String())
	}
	return i18n.Negotiate(prefs...)
}

// SetLocale switches the app to locale: every component bound with Localized
// re-renders, the choice is saved in local storage and in a cookie (so the
// server's next prerender uses it), and <html lang> follows.
func SetLocale(ctx app.Context, locale string) {
	if !i18n.Supported(locale) {
		return
	}
	ctx.SetState(LocaleState, locale).Persist()
	if app.IsClient {
		doc := app.Window().Get("document")
		doc.Set("cookie", localeCookie+"="+url.QueryEscape(locale)+"; path=/; max-age=31536000; samesite=lax")
		doc.Get("documentElement").Set("lang", locale)
	}
}

// Localized is embedded by components that show text: it holds the locale
// and translates with it.
type Localized struct {
	Loc string
}

// BindLocale sets the component's locale and, in the browser, keeps it in
// step with the switcher. Call it from OnNav, which runs on the server and in the browser.
func (l *Localized) BindLocale(ctx app.Context) {
	l.Loc = Locale(ctx)
	ctx.Page().SetLang(l.Loc)
	if app.IsClient {
		ctx.ObserveState(LocaleState, &l.Loc)
		app.Window().Get("document").Get("documentElement").Set("lang", l.Loc)
	}
}

// T translates key with the component's locale.
func (l *Localized) T(key string, args ...string) string {
	return i18n.T(l.locale(), key, args...)
}

func (l *Localized) locale() string {
	if l.Loc == "" {
		return i18n.Default
	}
	return l.Loc
}

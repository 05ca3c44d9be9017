package showroom

import (
	"errors"
	"strings"

	"vitrine/assets/i18n"
	"vitrine/showroom/catalog"
)

// phrase says p in locale. English uses the engine's own sentence, which
// already reads naturally; other languages fill the translation of p.Key,
// with names in lower case where the language writes them so
// mid-sentence (Spanish, Romanian).
func phrase(locale string, p catalog.ConfigPhrase) string {
	if locale == "en" {
		return p.Message
	}
	tmpl := i18n.T(locale, p.Key)
	if tmpl == p.Key {
		return p.Message
	}
	if locale == "es" || locale == "ro" {
		return p.FormatMidSentence(tmpl, locale)
	}
	return p.Format(tmpl, locale)
}

// noticeText says what the engine changed and why.
func noticeText(locale string, n catalog.ConfigNotice) string {
	if locale == "en" {
		return n.Message
	}
	return phrase(locale, n.Reason) + " " + phrase(locale, n.ConfigPhrase)
}

// keyText translates the key of a coded error. Keys whose translation
// needs values the error does not carry ({option}) fall back to fallback.
func keyText(locale, key, fallback string) string {
	s := i18n.T(locale, key)
	if key == "" || s == key || strings.Contains(s, "{") {
		return i18n.T(locale, fallback)
	}
	return s
}

// errorText says err, a coded error from the API or the engine, in locale.
func errorText(locale string, err error) string {
	var e *catalog.Error
	if errors.As(err, &e) {
		return keyText(locale, e.Key, "error.load")
	}
	return i18n.T(locale, "error.load")
}

// fieldKeys returns field → translation key of the problems err reports
// (catalog.Errors, or one *catalog.Error with a field).
func fieldKeys(err error) map[string]string {
	out := map[string]string{}
	var es catalog.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			out[e.Field] = e.Key
		}
		return out
	}
	var e *catalog.Error
	if errors.As(err, &e) && e.Field != "" {
		out[e.Field] = e.Key
	}
	return out
}

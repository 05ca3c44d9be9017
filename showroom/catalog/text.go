package catalog

// Locales the store sells in, in the order the language switcher lists them.
// The first is the fallback for any text missing in another locale.
var Locales = []string{"en", "es", "zh-Hans", "ro"}

// Text is a piece of catalog content in several locales, keyed by locale tag.
type Text map[string]string

// In returns the text in locale, falling back to English, then to any
// translation at all, so a product never shows up nameless.
func (t Text) In(locale string) string {
	if s, ok := t[locale]; ok && s != "" {
		return s
	}
	if s := t["en"]; s != "" {
		return s
	}
	for _, s := range t {
		if s != "" {
			return s
		}
	}
	return ""
}

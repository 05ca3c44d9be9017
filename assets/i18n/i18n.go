// Package i18n is the store's message catalog and locale rules: every
// user-visible string of the UI comes from messages/<locale>.json, and prices
// and dates are formatted here for the customer's locale. It is small and
// pure so that both the browser (wasm) and the server's prerender use it.
//
// The catalog is split by area, messages/<area>/<locale>.json, so features
// add their strings in files of their own; keys are unique across areas.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// Locales are the locales the store sells in, in the switcher's order.
var Locales = []string{"en", "es", "zh-Hans", "ro"}

// Default is the locale used when nothing better is known.
const Default = "en"

// LocaleNames are the switcher's labels, each in its own language.
var LocaleNames = map[string]string{"en": "English", "es": "Español", "zh-Hans": "中文", "ro": "Română"}

//go:embed messages
var messageFS embed.FS

var (
	loadOnce sync.Once
	catalogs map[string]map[string]string
	loadErr  error
)

func load() {
	catalogs = map[string]map[string]string{}
	files, _ := fs.Glob(messageFS, "messages/*/*.json")
	for _, f := range files {
		b, err := messageFS.ReadFile(f)
		if err != nil {
			loadErr = err
			return
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			loadErr = fmt.Errorf("%s: %w", f, err)
			return
		}
		locale := strings.TrimSuffix(path.Base(f), ".json")
		if catalogs[locale] == nil {
			catalogs[locale] = map[string]string{}
		}
		for k, v := range m {
			if _, dup := catalogs[locale][k]; dup {
				loadErr = fmt.Errorf("%s: key %q is also in another area", f, k)
				return
			}
			catalogs[locale][k] = v
		}
	}
}

// Messages returns the catalog of locale (nil if there is none) and any
// error met while loading the embedded catalogs; tests use it to check that
// every locale has every key.
func Messages(locale string) (map[string]string, error) {
	loadOnce.Do(load)
	return catalogs[locale], loadErr
}

// T returns the message key in locale with each {name} placeholder replaced
// by the value that follows name in args ("date", "3 May"). A key missing in
// locale falls back to English, and a key missing there to the key itself, so
// a gap shows up in the page instead of an empty space.
func T(locale, key string, args ...string) string {
	loadOnce.Do(load)
	s, ok := catalogs[locale][key]
	if !ok {
		if s, ok = catalogs[Default][key]; !ok {
			s = key
		}
	}
	for i := 0; i+1 < len(args); i += 2 {
		s = strings.ReplaceAll(s, "{"+args[i]+"}", args[i+1])
	}
	return s
}

var matcher = language.NewMatcher([]language.Tag{
	language.English, language.Spanish, language.SimplifiedChinese, language.Romanian,
})

// Negotiate picks the store locale that best fits the customer's preferences,
// given as BCP 47 tags in order of preference (navigator.languages) or as one
// Accept-Language header value. Chinese in any script or region other than
// Traditional maps to zh-Hans, the only Chinese the store writes.
func Negotiate(prefs ...string) string {
	var tags []language.Tag
	for _, p := range prefs {
		if t, _, err := language.ParseAcceptLanguage(p); err == nil {
			tags = append(tags, t...)
		}
	}
	if len(tags) == 0 {
		return Default
	}
	_, i, conf := matcher.Match(tags...)
	if conf == language.No {
		return Default
	}
	return Locales[i]
}

// Supported reports whether locale is one the store sells in.
func Supported(locale string) bool {
	for _, l := range Locales {
		if l == locale {
			return true
		}
	}
	return false
}

package i18n

import (
	"regexp"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var placeholderRE = regexp.MustCompile(`\{[a-z_]+\}`)

// TestCatalogsComplete checks that every locale translates every English key
// with the same placeholders, and adds no key English lacks.
func TestCatalogsComplete(t *testing.T) {
	en, err := Messages("en")
	require.NoError(t, err)
	require.NotEmpty(t, en)
	for _, loc := range Locales[1:] {
		m, err := Messages(loc)
		require.NoError(t, err)
		require.NotNil(t, m, loc)
		for k, v := range en {
			tr, ok := m[k]
			if !assert.True(t, ok, "%s lacks %q", loc, k) {
				continue
			}
			assert.NotEmpty(t, tr, "%s %q is empty", loc, k)
			want, got := placeholderRE.FindAllString(v, -1), placeholderRE.FindAllString(tr, -1)
			sort.Strings(want)
			sort.Strings(got)
			assert.Equal(t, want, got, "%s %q placeholders", loc, k)
		}
		for k := range m {
			_, ok := en[k]
			assert.True(t, ok, "%s has %q which English lacks", loc, k)
		}
	}
}

func TestT(t *testing.T) {
	for _, tc := range []struct {
		name, locale, key string
		args              []string
		want              string
	}{
		{"translated", "es", "nav.help", nil, "Ayuda"},
		{"placeholder", "en", "catalog.warranty", []string{"months", "24"}, "24-month warranty"},
		{"unknown locale falls back to English", "fr", "nav.help", nil, "Help"},
		{"unknown key shows the key", "ro", "no.such.key", nil, "no.such.key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, T(tc.locale, tc.key, tc.args...))
		})
	}
}

func TestNegotiate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		prefs []string
		want  string
	}{
		{"nothing known", nil, "en"},
		{"Accept-Language with weights", []string{"fr-FR,fr;q=0.9,es;q=0.8"}, "es"},
		{"mainland Chinese", []string{"zh-CN"}, "zh-Hans"},
		{"plain zh", []string{"zh"}, "zh-Hans"},
		{"Romanian region", []string{"ro-RO"}, "ro"},
		{"navigator.languages order", []string{"de-DE", "ro", "en"}, "ro"},
		{"garbage", []string{"!!"}, "en"},
		{"unsupported only", []string{"ja"}, "en"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Negotiate(tc.prefs...))
		})
	}
}

func TestFormatMoney(t *testing.T) {
	for _, tc := range []struct {
		locale string
		minor  int64
		want   string
	}{
		{"en", 104900, "€1,049.00"},
		{"zh-Hans", 104900, "€1,049.00"},
		{"es", 104900, "1049,00\u00a0€"},
		{"es", 1234505, "12.345,05\u00a0€"},
		{"ro", 104900, "1.049,00\u00a0€"},
		{"en", 5, "€0.05"},
		{"en", -1990, "-€19.90"},
		{"en", 123456789, "€1,234,567.89"},
	} {
		t.Run(tc.locale+tc.want, func(t *testing.T) {
			assert.Equal(t, tc.want, FormatMoney(tc.locale, tc.minor, "EUR"))
		})
	}
}

func TestFormatDate(t *testing.T) {
	d := time.Date(2026, 11, 5, 14, 7, 0, 0, time.UTC)
	assert.Equal(t, "Nov 5, 2026", FormatDate("en", d))
	assert.Equal(t, "5 nov 2026", FormatDate("es", d))
	assert.Equal(t, "2026年11月5日", FormatDate("zh-Hans", d))
	assert.Equal(t, "5 nov. 2026", FormatDate("ro", d))
	assert.Equal(t, "Nov 5, 2026, 2:07 PM", FormatDateTime("en", d))
	assert.Equal(t, "5 nov 2026, 14:07", FormatDateTime("es", d))
}

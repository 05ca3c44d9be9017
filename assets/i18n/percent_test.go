package i18n

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormatPercent(t *testing.T) {
	for _, tc := range []struct {
		locale string
		bp     int
		want   string
	}{
		{"en", 2100, "21%"},
		{"zh-Hans", 2100, "21%"},
		{"es", 2100, "21\u00a0%"},
		{"ro", 1900, "19\u00a0%"},
		{"en", 550, "5.5%"},
		{"es", 550, "5,5\u00a0%"},
		{"en", 1005, "10.05%"},
		{"en", 0, "0%"},
	} {
		t.Run(tc.locale+tc.want, func(t *testing.T) {
			assert.Equal(t, tc.want, FormatPercent(tc.locale, tc.bp))
		})
	}
}

package portal

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/assets/i18n"
	"vitrine/portal/returns"
)

// TestReturnsMessagesTranslated checks that the UI catalog holds every key
// the returns domain sends (eligibility, policy, form errors), so no page
// ever shows a bare key; the i18n tests then check every language has them.
func TestReturnsMessagesTranslated(t *testing.T) {
	en, err := i18n.Messages("en")
	require.NoError(t, err)
	has := func(k string) {
		t.Helper()
		_, ok := en[k]
		assert.True(t, ok, "no translation of %s", k)
	}
	for _, k := range returns.MessageKeys() {
		has(k)
		assert.Equal(t, returns.Message(k, nil), en[k], "%s reads the same in the domain and the UI", k)
	}
	for _, s := range allStatuses {
		has(statusKey(s))
		if s != returns.StatusRequested { // staff never move a request to requested
			has("returns.staff.action." + string(s))
		}
	}
	for _, k := range returns.Kinds {
		has(kindKey(k))
		has("returns.submit." + string(k))
		has("returns.thanks." + string(k))
	}
	for _, r := range returns.Reasons {
		has("returns.reason." + string(r))
	}
}

func TestParamText(t *testing.T) {
	for _, tc := range []struct {
		name, loc, key string
		params         map[string]string
		want           string
	}{
		{"a date in the customer's format", "es", "returns.ineligible.window_closed", map[string]string{"date": "2025-03-14"}, "El plazo de devolución terminó el 14 mar 2025."},
		{"amounts with their currency", "en", "returns.policy.shipping", map[string]string{"drop_off": "9.90", "pickup": "19.90", "currency": "EUR"},
			"Otherwise, return shipping costs €9.90 at a drop-off point or €19.90 for a pickup at your door."},
		{"statuses by name", "en", "returns.err.illegal_transition", map[string]string{"from": "refunded", "to": "approved"}, "This request cannot move from Refunded to Approved."},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, paramText(tc.loc, tc.key, tc.params)) })
	}
}

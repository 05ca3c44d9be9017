package support_test

import (
	"bytes"
	"crypto/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/support"
)

func TestProblemsListsEveryField(t *testing.T) {
	for _, tc := range []struct {
		name   string
		ticket support.Ticket
		want   map[string]string // field → key
	}{
		{"all good", support.Ticket{Name: "Ana", Email: "ana@example.com", Topic: "order", Message: "Hi"}, map[string]string{}},
		{"all good with an order in lower case", support.Ticket{Name: "Ana", Email: "ana@example.com", OrderNumber: " vt-1001", Topic: "order", Message: "Hi"}, map[string]string{}},
		{"empty form", support.Ticket{}, map[string]string{
			"name": "contact.err.name_required", "email": "contact.err.email_required",
			"topic": "contact.err.topic", "message": "contact.err.message_required"}},
		{"spaces only", support.Ticket{Name: "  ", Email: " ", Topic: "order", Message: "\n\t"}, map[string]string{
			"name": "contact.err.name_required", "email": "contact.err.email_required", "message": "contact.err.message_required"}},
		{"email without domain", support.Ticket{Name: "Ana", Email: "ana@example", Topic: "order", Message: "Hi"}, map[string]string{
			"email": "contact.err.email_invalid"}},
		{"email with a space", support.Ticket{Name: "Ana", Email: "ana lopez@example.com", Topic: "order", Message: "Hi"}, map[string]string{
			"email": "contact.err.email_invalid"}},
		{"order number without prefix", support.Ticket{Name: "Ana", Email: "ana@example.com", OrderNumber: "1001", Topic: "order", Message: "Hi"}, map[string]string{
			"order": "contact.err.order_invalid"}},
		{"unknown topic", support.Ticket{Name: "Ana", Email: "ana@example.com", Topic: "refund", Message: "Hi"}, map[string]string{
			"topic": "contact.err.topic"}},
		{"long name", support.Ticket{Name: strings.Repeat("n", 101), Email: "ana@example.com", Topic: "order", Message: "Hi"}, map[string]string{
			"name": "contact.err.name_too_long"}},
		{"long message in Chinese counts characters", support.Ticket{Name: "李", Email: "li@example.com", Topic: "order", Message: strings.Repeat("退", 4000)}, map[string]string{}},
		{"too long message", support.Ticket{Name: "Ana", Email: "ana@example.com", Topic: "order", Message: strings.Repeat("x", 4001)}, map[string]string{
			"message": "contact.err.message_too_long"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := map[string]string{}
			for _, p := range tc.ticket.Problems() {
				assert.Equal(t, "invalid", p.Code)
				assert.NotEmpty(t, p.Message)
				got[p.Field] = p.Key
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestNewReference(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		ref, err := support.NewReference(rand.Reader)
		require.NoError(t, err)
		require.True(t, support.ValidReference(ref), ref)
		seen[ref] = true
	}
	assert.Greater(t, len(seen), 990, "references are random")

	ref, err := support.NewReference(bytes.NewReader([]byte{0, 1, 2, 31, 32, 33, 200, 255}))
	require.NoError(t, err)
	assert.Equal(t, "SR-012Z-018Z", ref, "each byte picks a letter of Crockford's alphabet")

	_, err = support.NewReference(bytes.NewReader([]byte{1, 2}))
	assert.Error(t, err, "a short read is an error, not a weak reference")

	for _, bad := range []string{"SR-ILOU-0000", "sr-0000-0000", "SR-00000000", "SR-0000-000"} {
		assert.False(t, support.ValidReference(bad), bad)
	}
}

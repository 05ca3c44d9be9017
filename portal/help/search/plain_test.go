package search_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"vitrine/portal/help/search"
)

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ name, md, want string }{
		{name: "emphasis is dropped", md: "You have **30 days** and *no* `fees`.", want: "You have 30 days and no fees."},
		{name: "links keep their text only", md: "[Start a return](/returns) or [email](mailto:a@b.example).", want: "Start a return or email."},
		{name: "images keep their alt text", md: "![a sofa](/img/sofa.png)", want: "a sofa"},
		{name: "reference links keep their text", md: "See [the policy][p].\n\n[p]: /returns/policy", want: "See the policy."},
		{name: "headings and lists lose their marks", md: "## Steps\n\n1. Open\n2. Choose\n- one\n* two", want: "Steps\nOpen\nChoose\none\ntwo"},
		{name: "tables become text", md: "| What | When |\n|---|---|\n| In stock | 2–5 days |", want: "What When\nIn stock 2–5 days"},
		{name: "quotes lose their marks", md: "> Note this", want: "Note this"},
		{name: "HTML tags are dropped", md: "a <b>bold</b> <script>x</script> move", want: "a bold x move"},
		{name: "Chinese text is kept", md: "**退货**：30 天内[申请](/returns)。", want: "退货：30 天内申请。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, search.PlainText(tc.md))
		})
	}
}

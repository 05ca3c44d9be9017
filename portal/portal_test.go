package portal

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"vitrine/assets/i18n"
	"vitrine/portal/help"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

func TestSnippetOnlyLetsMarksThrough(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		safe     bool
	}{
		{"plain", "how long does a refund take", true},
		{"marked", "the <mark>refund</mark> arrives &amp; is shown", true},
		{"two marks", "<mark>退货</mark>与<mark>退款</mark>", true},
		{"script", "a <script>alert(1)</script> b", false},
		{"image", `<mark>x</mark><img src=x onerror=alert(1)>`, false},
		{"mark with attribute", `<mark onclick="alert(1)">x</mark>`, false},
		{"stray bracket", "a < b", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.safe, isSafeSnippet(tc.in))
		})
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"":                         "/staff/help",
		"/staff/returns":           "/staff/returns",
		"/staff/returns?state=new": "/staff/returns?state=new",
		"https://evil.example":     "/staff/help",
		"//evil.example/staff/":    "/staff/help",
		"/staff/../\\evil":         "/staff/help",
		"/staff/signin":            "/staff/help",
		"/help":                    "/staff/help",
		"/staff/x@evil.example":    "/staff/help",
	} {
		assert.Equal(t, want, safeNext(in), in)
	}
}

func TestSearchable(t *testing.T) {
	for q, want := range map[string]bool{"": false, " ": false, "r": false, "re": true, "退": true, "退货": true, " a ": false} {
		assert.Equal(t, want, searchable(q), "%q", q)
	}
}

func TestTopArticlesTakesTheBestOfEachSectionFirst(t *testing.T) {
	c := help.Category{Sections: []help.Section{
		{Articles: []help.ArticleRef{{ID: "a1"}, {ID: "a2"}, {ID: "a3"}}},
		{Articles: []help.ArticleRef{{ID: "b1"}}},
		{Articles: []help.ArticleRef{{ID: "c1"}, {ID: "c2"}}},
	}}
	links := map[string]api.HelpArticleLink{}
	for _, id := range []string{"a1", "a2", "a3", "b1", "c1", "c2"} {
		links[id] = api.HelpArticleLink{ID: id}
	}
	var got []string
	for _, l := range topArticles(c, links, 5) {
		got = append(got, l.ID)
	}
	assert.Equal(t, []string{"a1", "b1", "c1", "a2", "c2"}, got)
	assert.Len(t, topArticles(c, links, 20), 6, "never more than there are")
}

func TestErrorTextNeverShowsAKey(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"a translated key", &catalog.Error{Code: catalog.EINVALID, Key: "contact.err.email_invalid"}, i18n.T("es", "contact.err.email_invalid")},
		{"a key the catalog lacks", &catalog.Error{Code: catalog.ENOTFOUND, Key: "orders.err.not_in_the_catalog"}, i18n.T("es", "error.load")},
		{"no key", &catalog.Error{Code: catalog.EINTERNAL}, i18n.T("es", "error.load")},
		{"not a coded error", errors.New("network down"), i18n.T("es", "error.load")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, errorText("es", tc.err))
		})
	}
}

package help_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"vitrine/portal/help"
	"vitrine/showroom/catalog"
)

var now = time.Date(2025, 6, 2, 10, 0, 0, 0, time.UTC)

func TestFeedbackValidate(t *testing.T) {
	valid := func() help.Feedback {
		return help.Feedback{ArticleID: "return-policy", Locale: "es", Helpful: false, Comment: "No explica los muebles", At: now}
	}
	for _, tc := range []struct {
		name   string
		edit   func(f *help.Feedback)
		code   string
		field  string
		assert func(t *testing.T, f help.Feedback)
	}{
		{name: "a vote with a comment is valid", edit: func(*help.Feedback) {}},
		{name: "a vote without a comment is valid", edit: func(f *help.Feedback) { f.Comment = "" }},
		{name: "a comment of exactly the maximum length is valid", edit: func(f *help.Feedback) {
			f.Comment = strings.Repeat("é", help.MaxCommentRunes)
		}},
		{name: "a comment of spaces is trimmed to none", edit: func(f *help.Feedback) { f.Comment = "  \n " },
			assert: func(t *testing.T, f help.Feedback) { assert.Empty(t, f.Comment) }},
		{name: "a comment one character too long is refused", edit: func(f *help.Feedback) {
			f.Comment = strings.Repeat("a", help.MaxCommentRunes+1)
		}, code: catalog.EINVALID, field: "comment"},
		{name: "a comment that is not UTF-8 is refused", edit: func(f *help.Feedback) { f.Comment = "bad \xff byte" },
			code: catalog.EINVALID, field: "comment"},
		{name: "a malformed article ID is refused", edit: func(f *help.Feedback) { f.ArticleID = "../etc" },
			code: catalog.EINVALID, field: "articleId"},
		{name: "an unknown locale is refused", edit: func(f *help.Feedback) { f.Locale = "fr" },
			code: catalog.EINVALID, field: "locale"},
		{name: "a vote without a time is refused", edit: func(f *help.Feedback) { f.At = time.Time{} },
			code: catalog.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := valid()
			tc.edit(&f)
			err := f.Validate()
			assert.Equal(t, tc.code, catalog.ErrorCode(err))
			if tc.field != "" {
				var e *catalog.Error
				if assert.ErrorAs(t, err, &e) {
					assert.Equal(t, tc.field, e.Field)
					assert.NotEmpty(t, e.Key)
				}
			}
			if tc.assert != nil {
				tc.assert(t, f)
			}
		})
	}
}

func TestFailedSearchValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    help.FailedSearch
		code  string
		query string
	}{
		{name: "a query is normalised", in: help.FailedSearch{Query: "  Sofa   LEGS ", Locale: "en", At: now}, query: "sofa legs"},
		{name: "a Chinese query is kept", in: help.FailedSearch{Query: "退货", Locale: "zh-Hans", At: now}, query: "退货"},
		{name: "an empty query is refused", in: help.FailedSearch{Query: "   ", Locale: "en", At: now}, code: catalog.EINVALID},
		{name: "a query of the maximum length is valid", in: help.FailedSearch{Query: strings.Repeat("ș", help.MaxQueryRunes), Locale: "ro", At: now},
			query: strings.Repeat("ș", help.MaxQueryRunes)},
		{name: "a query one character too long is refused", in: help.FailedSearch{Query: strings.Repeat("a", help.MaxQueryRunes+1), Locale: "en", At: now},
			code: catalog.EINVALID},
		{name: "an unknown locale is refused", in: help.FailedSearch{Query: "sofa", Locale: "de", At: now}, code: catalog.EINVALID},
		{name: "a search without a time is refused", in: help.FailedSearch{Query: "sofa", Locale: "en"}, code: catalog.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.in
			err := s.Validate()
			assert.Equal(t, tc.code, catalog.ErrorCode(err))
			if tc.code == "" {
				assert.Equal(t, tc.query, s.Query)
			}
		})
	}
}

func TestHelpfulRatio(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stats help.Stats
		want  float64
	}{
		{name: "no votes give zero", stats: help.Stats{Views: 10}, want: 0},
		{name: "all helpful give one", stats: help.Stats{Helpful: 3}, want: 1},
		{name: "mixed votes give the share of yes", stats: help.Stats{Helpful: 3, Unhelpful: 1}, want: 0.75},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.InDelta(t, tc.want, tc.stats.HelpfulRatio(), 1e-9)
		})
	}
}

func TestTextLocale(t *testing.T) {
	translated := help.Article{ID: "warranty", Locale: "ro"}
	fallback := help.Article{ID: "vat", Locale: "ro", Fallback: true}
	assert.Equal(t, "ro", translated.TextLocale())
	assert.Equal(t, "en", fallback.TextLocale())
}

package search_test

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/help"
	"vitrine/portal/help/content"
	"vitrine/portal/help/search"
	"vitrine/showroom/catalog"
)

var (
	realOnce  sync.Once
	realIndex *search.Index
	realErr   error
)

// libraryIndex returns the index of the real help content, built once.
func libraryIndex(t *testing.T) *search.Index {
	t.Helper()
	realOnce.Do(func() {
		lib, err := content.Load()
		if err != nil {
			realErr = err
			return
		}
		realIndex, realErr = search.New(lib.Searchable())
	})
	require.NoError(t, realErr)
	return realIndex
}

func ids(rs []help.SearchResult) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.ArticleID
	}
	return out
}

func TestRelevance(t *testing.T) {
	ix := libraryIndex(t)
	for _, tc := range []struct {
		locale, query, want string
	}{
		// English: words, word forms, typos, several words, a word being typed.
		{"en", "refund", "refund-timing"},
		{"en", "refnd", "refund-timing"},
		{"en", "returning", "return-policy"},
		{"en", "returns", "return-policy"},
		{"en", "track my parcel", "track-order"},
		{"en", "invoce", "get-invoice"},
		{"en", "warrenty", "warranty"},
		{"en", "cancel my order", "change-or-cancel-order"},
		{"en", "assembling the desk", "assemble-standing-desk"},
		{"en", "can I return the helmet", "non-returnable-items"},
		{"en", "free shipping", "shipping-costs"},
		{"en", "refu", "refund-timing"},
		// Spanish: accents optional, plurals, typos.
		{"es", "devolución", "return-policy"},
		{"es", "devoluciones", "return-policy"},
		{"es", "devolucion", "return-policy"},
		{"es", "factura", "get-invoice"},
		{"es", "reembolso", "refund-timing"},
		{"es", "rembolso", "refund-timing"},
		{"es", "envio gratis", "shipping-costs"},
		{"es", "garantia", "warranty"},
		// Chinese: two-character words, longer phrases.
		{"zh-Hans", "退货", "return-policy"},
		{"zh-Hans", "发票", "get-invoice"},
		{"zh-Hans", "保修", "warranty"},
		{"zh-Hans", "运费", "shipping-costs"},
		{"zh-Hans", "付款方式", "payment-methods"},
		{"zh-Hans", "跟踪订单", "track-order"},
		// Romanian: with or without diacritics.
		{"ro", "returnare", "return-policy"},
		{"ro", "returnăre", "return-policy"},
		{"ro", "factura", "get-invoice"},
		{"ro", "factură", "get-invoice"},
		{"ro", "garantie", "warranty"},
		{"ro", "garanție", "warranty"},
		{"ro", "rambursare", "refund-timing"},
		{"ro", "urmarire comanda", "track-order"},
	} {
		t.Run(tc.locale+"/"+tc.query, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tc.query, tc.locale, 3)
			require.NoError(t, err)
			assert.Contains(t, ids(res), tc.want)
		})
	}
}

func TestTwoCharacterChineseQueriesFindTheirArticleFirst(t *testing.T) {
	ix := libraryIndex(t)
	for q, want := range map[string]string{"退货": "return-policy", "发票": "get-invoice"} {
		res, err := ix.Search(context.Background(), q, "zh-Hans", 10)
		require.NoError(t, err)
		require.NotEmpty(t, res, q)
		assert.Contains(t, ids(res)[:min(2, len(res))], want, q)
		assert.Contains(t, res[0].Snippet, "<mark>"+q+"</mark>")
	}
}

func TestResultsAreInTheReadersLocaleOnly(t *testing.T) {
	ix := libraryIndex(t)
	for _, tc := range []struct{ locale, query string }{
		{"en", "refund"}, {"en", "devolución"}, {"es", "refund"}, {"zh-Hans", "factura"}, {"ro", "退货"},
	} {
		res, err := ix.Search(context.Background(), tc.query, tc.locale, search.MaxLimit)
		require.NoError(t, err)
		for _, r := range res {
			assert.Equal(t, tc.locale, r.Locale, "%s in %s found %s", tc.query, tc.locale, r.ArticleID)
		}
	}
	res, err := ix.Search(context.Background(), "devolución", "en", 10)
	require.NoError(t, err)
	assert.Empty(t, res, "a Spanish word finds nothing among English articles")
}

func TestUntranslatedArticlesAreFoundInEnglish(t *testing.T) {
	ix := libraryIndex(t)
	res, err := ix.Search(context.Background(), "assembly", "ro", 5)
	require.NoError(t, err)
	require.NotEmpty(t, res)
	assert.Equal(t, "ro", res[0].Locale)
	assert.True(t, res[0].Fallback, "%s is shown in English", res[0].ArticleID)
	assert.Contains(t, res[0].ArticleID, "assemble-")
}

func TestSnippetsMarkTheMatchedWords(t *testing.T) {
	ix := libraryIndex(t)
	for _, tc := range []struct{ locale, query, marked string }{
		{"en", "refund", "<mark>refund</mark>"},
		{"en", "refnd", "<mark>refund</mark>"},
		{"en", "returning", "<mark>return</mark>"},
		{"es", "devoluciones", "<mark>devolución</mark>"},
		{"ro", "garantie", "<mark>garanți"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tc.query, tc.locale, 1)
			require.NoError(t, err)
			require.Len(t, res, 1)
			assert.Contains(t, strings.ToLower(res[0].Snippet), tc.marked)
			assert.NotContains(t, res[0].Snippet, "**", "snippets show text, not Markdown")
			assert.NotContains(t, res[0].Snippet, "](", "snippets show text, not Markdown")
		})
	}
}

var markTags = regexp.MustCompile(`</?mark>`)

func TestSnippetsEscapeEverythingButTheMarks(t *testing.T) {
	hostile := help.Article{
		ID: "hostile", Category: "c", Section: "s", Locale: "en", Title: `Refund <img src=x onerror=alert(1)>`,
		Summary: `A refund & <b>bold</b> claim`,
		Body:    "Your refund <script>alert('refund')</script> arrives \"soon\" & <iframe src=//evil.example></iframe> fast.",
	}
	ix, err := search.New([]help.Article{hostile})
	require.NoError(t, err)
	defer ix.Close()
	for _, q := range []string{"refund", "arrives", "claim", "refu"} {
		res, err := ix.Search(context.Background(), q, "en", 5)
		require.NoError(t, err)
		require.Len(t, res, 1, q)
		s := res[0].Snippet
		assert.Contains(t, s, "<mark>", q)
		rest := markTags.ReplaceAllString(s, "")
		assert.NotContains(t, rest, "<", "only our <mark> tags are HTML in %q", s)
		assert.NotContains(t, rest, ">", "only our <mark> tags are HTML in %q", s)
		assert.Equal(t, hostile.Title, res[0].Title, "the title is text; the page escapes it")
	}
}

func TestSearchLimitsAndEdgeCases(t *testing.T) {
	ix := libraryIndex(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name   string
		query  string
		locale string
		limit  int
		check  func(t *testing.T, res []help.SearchResult, err error)
	}{
		{name: "a limit caps the results", query: "order", locale: "en", limit: 2,
			check: func(t *testing.T, res []help.SearchResult, err error) {
				require.NoError(t, err)
				assert.Len(t, res, 2)
			}},
		{name: "no limit gives the default", query: "order", locale: "en", limit: 0,
			check: func(t *testing.T, res []help.SearchResult, err error) {
				require.NoError(t, err)
				assert.Len(t, res, search.DefaultLimit)
			}},
		{name: "a huge limit is capped", query: "the order delivery return", locale: "en", limit: 10000,
			check: func(t *testing.T, res []help.SearchResult, err error) {
				require.NoError(t, err)
				assert.LessOrEqual(t, len(res), search.MaxLimit)
			}},
		{name: "results are best first", query: "refund", locale: "en", limit: 10,
			check: func(t *testing.T, res []help.SearchResult, err error) {
				require.NoError(t, err)
				require.Greater(t, len(res), 1)
				for i := 1; i < len(res); i++ {
					assert.GreaterOrEqual(t, res[i-1].Score, res[i].Score)
				}
			}},
		{name: "an empty query finds nothing", query: "   ", locale: "en",
			check: func(t *testing.T, res []help.SearchResult, err error) {
				require.NoError(t, err)
				assert.Empty(t, res)
			}},
		{name: "stop words alone find nothing", query: "the and of", locale: "en",
			check: func(t *testing.T, res []help.SearchResult, err error) {
				require.NoError(t, err)
				assert.Empty(t, res)
			}},
		{name: "nonsense finds nothing", query: "xylophone zeppelin", locale: "en",
			check: func(t *testing.T, res []help.SearchResult, err error) {
				require.NoError(t, err)
				assert.Empty(t, res)
			}},
		{name: "query syntax is just text", query: `+refund -"x" AND (*) OR~2`, locale: "en",
			check: func(t *testing.T, res []help.SearchResult, err error) {
				require.NoError(t, err)
				assert.Contains(t, ids(res), "refund-timing")
			}},
		{name: "an unknown locale is refused", query: "refund", locale: "fr",
			check: func(t *testing.T, _ []help.SearchResult, err error) {
				assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
			}},
		{name: "an overlong query is refused", query: strings.Repeat("refund ", 40), locale: "en",
			check: func(t *testing.T, _ []help.SearchResult, err error) {
				assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := ix.Search(ctx, tc.query, tc.locale, tc.limit)
			tc.check(t, res, err)
		})
	}
}

func TestResultsCarryWhatTheListShows(t *testing.T) {
	ix := libraryIndex(t)
	res, err := ix.Search(context.Background(), "factura", "es", 1)
	require.NoError(t, err)
	require.Len(t, res, 1)
	r := res[0]
	assert.Equal(t, "get-invoice", r.ArticleID)
	assert.Equal(t, "payments-invoices", r.Category)
	assert.Equal(t, "invoices", r.Section)
	assert.Equal(t, "¿Cómo obtengo una factura?", r.Title)
	assert.False(t, r.Fallback)
	assert.Positive(t, r.Score)
}

func TestNewRefusesBadInput(t *testing.T) {
	_, err := search.New([]help.Article{{ID: "a", Locale: "fr", Title: "Bonjour", Body: "x"}})
	assert.ErrorContains(t, err, "locale")
	twice := help.Article{ID: "a", Locale: "en", Title: "Hello", Body: "x"}
	_, err = search.New([]help.Article{twice, twice})
	assert.ErrorContains(t, err, "twice")
}

func TestLibraryIndexBuildsQuickly(t *testing.T) {
	lib, err := content.Load()
	require.NoError(t, err)
	start := time.Now()
	ix, err := search.New(lib.Searchable())
	require.NoError(t, err)
	defer ix.Close()
	assert.Equal(t, lib.Len()*len(catalog.Locales), ix.Len())
	// The index is built at every server start; a generous bound, so that a
	// busy test machine does not fail it, still catches a pathological build.
	assert.Less(t, time.Since(start), 5*time.Second)
}

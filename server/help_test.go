package server_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"vitrine/portal/help"
	"vitrine/portal/help/content"
	"vitrine/portal/support"
	"vitrine/server"
	"vitrine/server/api"
	"vitrine/server/sqlite"
)

func withClock(c *clock) func(*server.Config) {
	return func(cfg *server.Config) { cfg.Now = c.Now }
}

// rawJSON is a request body written by hand, for bodies a Go value cannot
// produce (unknown fields, wrong types).
func rawJSON(s string) *strings.Reader { return strings.NewReader(s) }

var jsonCT = []string{"Content-Type", "application/json"}

func TestHelpTreeAndLevels(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	store := sqlite.NewHelpStore(e.db)

	t.Run("the tree lists six categories with titles in the locale", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/help/tree?locale=es", nil)
		require.Equal(t, 200, resp.StatusCode)
		r := decode[api.HelpTreeResponse](t, b)
		require.Len(t, r.Tree.Categories, 6)
		assert.GreaterOrEqual(t, len(r.Articles), 40)
		assert.Equal(t, "¿Cuál es vuestra política de devoluciones?", r.Articles["return-policy"].Title)
		assert.Equal(t, "/help/returns-exchanges/returns/return-policy", r.Articles["return-policy"].Path)
		require.Len(t, r.Popular, 5)
		assert.Equal(t, "return-policy", r.Popular[0].ID, "without readers, the editors' first question leads")
	})

	t.Run("most read and most helpful come first", func(t *testing.T) {
		for range 200 {
			require.NoError(t, store.RecordView(ctx, "vat-included", time.Now()))
		}
		for range 10 {
			require.NoError(t, store.RecordFeedback(ctx, help.Feedback{ArticleID: "vat-included", Locale: "en", Helpful: true, At: time.Now()}))
		}
		_, b := e.do(t, "GET", "/api/v1/help/tree?locale=en", nil)
		r := decode[api.HelpTreeResponse](t, b)
		assert.Equal(t, "vat-included", r.Popular[0].ID)
		assert.Equal(t, "payments-invoices", r.Tree.Categories[0].Slug, "its category moves to the top")
		_, b = e.do(t, "GET", "/api/v1/help/categories/payments-invoices/invoices?locale=en", nil)
		lvl := decode[api.HelpLevelResponse](t, b)
		require.NotNil(t, lvl.Section)
		assert.Equal(t, "vat-included", lvl.Section.Articles[0].ID, "and it leads its section")
	})

	t.Run("a category level", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/help/categories/returns-exchanges?locale=ro", nil)
		require.Equal(t, 200, resp.StatusCode)
		r := decode[api.HelpLevelResponse](t, b)
		assert.Equal(t, "Retururi și schimburi", r.Category.Title.In("ro"))
		assert.Nil(t, r.Section)
		require.Len(t, r.Crumbs, 2)
		assert.Equal(t, "help.crumb.root", r.Crumbs[0].Key)
		assert.True(t, r.Crumbs[1].Current)
		for id, a := range r.Articles {
			assert.Equal(t, "returns-exchanges", a.Category, id)
		}
		assert.Contains(t, r.Articles, "return-policy")
	})

	t.Run("a section level", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/help/categories/returns-exchanges/refunds?locale=en", nil)
		require.Equal(t, 200, resp.StatusCode)
		r := decode[api.HelpLevelResponse](t, b)
		require.NotNil(t, r.Section)
		assert.Equal(t, "refunds", r.Section.Slug)
		require.Len(t, r.Crumbs, 3)
		assert.Equal(t, "/help/returns-exchanges/refunds", r.Crumbs[2].Path)
		assert.Contains(t, r.Articles, "refund-timing")
		assert.NotContains(t, r.Articles, "return-policy", "only the section's articles")
	})

	for _, path := range []string{"/api/v1/help/categories/no-such", "/api/v1/help/categories/returns-exchanges/no-such",
		"/api/v1/help/articles/no-such", "/api/v1/help/context/nowhere"} {
		t.Run("not found: "+path, func(t *testing.T) {
			resp, b := e.do(t, "GET", path, nil)
			assert.Equal(t, 404, resp.StatusCode)
			assert.Equal(t, "not_found", decode[api.ErrorBody](t, b).Error.Code)
		})
	}

	t.Run("an unknown locale is refused", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/help/tree?locale=fr", nil)
		assert.Equal(t, 400, resp.StatusCode)
		assert.Equal(t, "locale", decode[api.ErrorBody](t, b).Error.Field)
	})
}

func TestHelpArticle(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	store := sqlite.NewHelpStore(e.db)

	resp, b := e.do(t, "GET", "/api/v1/help/articles/refund-timing?locale=es", nil)
	require.Equal(t, 200, resp.StatusCode)
	r := decode[api.HelpArticleResponse](t, b)
	assert.Equal(t, "es", r.Article.Locale)
	assert.False(t, r.Article.Fallback)
	assert.Contains(t, r.Article.HTML, "<strong>")
	assert.Empty(t, r.Article.Body, "the Markdown is not sent")
	assert.False(t, r.Article.Updated.IsZero())
	assert.Equal(t, "/help/returns-exchanges/refunds/refund-timing", r.Path)
	require.NotEmpty(t, r.Related)
	for _, rel := range r.Related {
		assert.True(t, strings.HasPrefix(rel.Path, "/help/"), rel.Path)
		assert.NotEmpty(t, rel.Title)
	}
	require.Len(t, r.Crumbs, 4)
	assert.Equal(t, r.Article.Title, r.Crumbs[3].Label)
	assert.Contains(t, r.Translations, "es")

	st, err := store.ArticleStats(ctx, "refund-timing")
	require.NoError(t, err)
	assert.Equal(t, 1, st.Views, "reading counts a view")

	_, _ = e.do(t, "GET", "/api/v1/help/articles/refund-timing?locale=es&view=0", nil)
	st, err = store.ArticleStats(ctx, "refund-timing")
	require.NoError(t, err)
	assert.Equal(t, 1, st.Views, "the prerender's reading does not count")

	t.Run("an untranslated article falls back to English and says so", func(t *testing.T) {
		lib, err := content.Load()
		require.NoError(t, err)
		var id string
		for _, a := range lib.IDs() {
			if len(lib.Translations(a)) == 2 { // English and Spanish only
				id = a
				break
			}
		}
		require.NotEmpty(t, id)
		_, b := e.do(t, "GET", "/api/v1/help/articles/"+id+"?locale=zh-Hans", nil)
		r := decode[api.HelpArticleResponse](t, b)
		assert.True(t, r.Article.Fallback)
		assert.Equal(t, "zh-Hans", r.Article.Locale)
		en, _ := lib.Article(id, "en")
		assert.Equal(t, en.Title, r.Article.Title)
	})
}

func TestHelpSearchInFourLanguages(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct{ locale, q, want string }{
		{"en", "refund", "refund-timing"},
		{"en", "warrenty", "warranty"},
		{"es", "devolución", "return-policy"},
		{"es", "factura", "get-invoice"},
		{"zh-Hans", "退货", "return-policy"},
		{"zh-Hans", "发票", "get-invoice"},
		{"ro", "garanție", "warranty"},
		{"ro", "returnare", "return-policy"},
	} {
		t.Run(tc.locale+" "+tc.q, func(t *testing.T) {
			resp, b := e.do(t, "GET", "/api/v1/help/search?"+url.Values{"q": {tc.q}, "locale": {tc.locale}}.Encode(), nil)
			require.Equal(t, 200, resp.StatusCode)
			r := decode[api.HelpSearchResponse](t, b)
			require.NotEmpty(t, r.Results)
			var top []string
			for _, h := range r.Results[:min(3, len(r.Results))] {
				top = append(top, h.ArticleID)
			}
			assert.Contains(t, top, tc.want)
			first := r.Results[0]
			assert.Equal(t, tc.locale, first.Locale)
			assert.Equal(t, help.ArticlePath(first.Category, first.Section, first.ArticleID), first.Path)
			assert.Contains(t, strings.Join(snippets(r), " "), "<mark>", "matched words are marked")
			assert.Nil(t, r.Contact, "contact options only when nothing is found")
		})
	}
}

func snippets(r api.HelpSearchResponse) []string {
	var out []string
	for _, h := range r.Results {
		out = append(out, h.Snippet)
	}
	return out
}

func TestHelpSearchThatFindsNothingIsRecorded(t *testing.T) {
	c := &clock{t: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}
	e := newEnv(t, withClock(c))
	for range 2 {
		resp, b := e.do(t, "GET", "/api/v1/help/search?"+url.Values{"q": {"Kangaroo  Hovercraft"}, "locale": {"en"}}.Encode(), nil)
		require.Equal(t, 200, resp.StatusCode)
		r := decode[api.HelpSearchResponse](t, b)
		assert.Empty(t, r.Results)
		assert.Len(t, r.Categories, 3)
		require.NotNil(t, r.Contact)
		assert.Equal(t, support.Phone, r.Contact.Phone)
		assert.Equal(t, "/contact", r.Contact.Path)
	}
	_, b := e.do(t, "GET", "/api/v1/help/search?"+url.Values{"q": {"факс"}, "locale": {"ro"}}.Encode(), nil)
	assert.Empty(t, decode[api.HelpSearchResponse](t, b).Results)

	top, err := sqlite.NewHelpStore(e.db).TopFailedSearches(context.Background(), c.Now().AddDate(0, 0, -1), 10)
	require.NoError(t, err)
	require.Len(t, top, 2)
	assert.Equal(t, help.FailedSearchCount{Query: "kangaroo hovercraft", Locale: "en", Count: 2, Last: c.Now()}, top[0])
	assert.Equal(t, "факс", top[1].Query)

	t.Run("a category whose title matches is offered first", func(t *testing.T) {
		// A part of a word of a title that no article has as a word.
		_, b := e.do(t, "GET", "/api/v1/help/search?"+url.Values{"q": {"rivac zzqx"}, "locale": {"en"}}.Encode(), nil)
		r := decode[api.HelpSearchResponse](t, b)
		require.Empty(t, r.Results)
		require.NotEmpty(t, r.Categories)
		assert.Equal(t, "account-privacy", r.Categories[0].Slug)
	})

	t.Run("an empty query finds nothing and records nothing", func(t *testing.T) {
		_, b := e.do(t, "GET", "/api/v1/help/search?q=%20&locale=en", nil)
		assert.Empty(t, decode[api.HelpSearchResponse](t, b).Results)
		top, err := sqlite.NewHelpStore(e.db).TopFailedSearches(context.Background(), c.Now().AddDate(0, 0, -1), 10)
		require.NoError(t, err)
		assert.Len(t, top, 3)
	})

	t.Run("a query longer than the bound is refused", func(t *testing.T) {
		for _, q := range []string{strings.Repeat("a", help.MaxQueryRunes+1), strings.Repeat("退", help.MaxQueryRunes+1)} {
			resp, b := e.do(t, "GET", "/api/v1/help/search?"+url.Values{"q": {q}, "locale": {"en"}}.Encode(), nil)
			assert.Equal(t, 400, resp.StatusCode)
			assert.Equal(t, "help.err.query_too_long", decode[api.ErrorBody](t, b).Error.Key)
		}
		resp, _ := e.do(t, "GET", "/api/v1/help/search?"+url.Values{"q": {strings.Repeat("退", help.MaxQueryRunes)}, "locale": {"zh-Hans"}}.Encode(), nil)
		assert.Equal(t, 200, resp.StatusCode, "200 Chinese characters are within the bound")
	})
}

func TestHelpFeedback(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	store := sqlite.NewHelpStore(e.db)

	resp, b := e.do(t, "POST", "/api/v1/help/articles/track-order/feedback", rawJSON(`{"helpful":true,"locale":"es"}`), jsonCT...)
	require.Equal(t, 201, resp.StatusCode, string(b))
	resp, _ = e.do(t, "POST", "/api/v1/help/articles/track-order/feedback",
		rawJSON(`{"helpful":false,"locale":"zh-Hans","comment":"  没有提到周末配送。 "}`), jsonCT...)
	require.Equal(t, 201, resp.StatusCode)
	st, err := store.ArticleStats(ctx, "track-order")
	require.NoError(t, err)
	assert.Equal(t, 1, st.Helpful)
	assert.Equal(t, 1, st.Unhelpful)
	cs, err := store.Comments(ctx, "track-order", 5)
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, "没有提到周末配送。", cs[0].Text)
	assert.Equal(t, "zh-Hans", cs[0].Locale)

	for _, tc := range []struct {
		name, path, body string
		header           []string
		status           int
		field            string
	}{
		{"no vote", "track-order", `{"locale":"en"}`, jsonCT, 400, "helpful"},
		{"vote is not a boolean", "track-order", `{"helpful":"yes"}`, jsonCT, 400, ""},
		{"unknown field", "track-order", `{"helpful":true,"stars":5}`, jsonCT, 400, ""},
		{"comment too long", "track-order", `{"helpful":false,"comment":"` + strings.Repeat("x", help.MaxCommentRunes+1) + `"}`, jsonCT, 400, "comment"},
		{"unknown locale", "track-order", `{"helpful":true,"locale":"xx"}`, jsonCT, 400, "locale"},
		{"not JSON", "track-order", `helpful=true`, []string{"Content-Type", "application/x-www-form-urlencoded"}, 400, ""},
		{"body too large", "track-order", `{"helpful":false,"comment":"` + strings.Repeat("x", 20<<10) + `"}`, jsonCT, 413, ""},
		{"unknown article", "no-such-article", `{"helpful":true}`, jsonCT, 404, ""},
		{"malformed article", "Robert'%3B%20DROP", `{"helpful":true}`, jsonCT, 404, ""},
	} {
		t.Run("refused: "+tc.name, func(t *testing.T) {
			resp, b := e.do(t, "POST", "/api/v1/help/articles/"+tc.path+"/feedback", rawJSON(tc.body), tc.header...)
			assert.Equal(t, tc.status, resp.StatusCode, string(b))
			assert.Equal(t, tc.field, decode[api.ErrorBody](t, b).Error.Field)
		})
	}
	st, err = store.ArticleStats(ctx, "track-order")
	require.NoError(t, err)
	assert.Equal(t, 2, st.Helpful+st.Unhelpful, "no refused vote was counted")
	all, err := store.Stats(ctx)
	require.NoError(t, err)
	assert.Len(t, all, 1, "nothing recorded for unknown articles")
}

func TestHelpContext(t *testing.T) {
	e := newEnv(t)
	for _, name := range []string{"configurator", "returns", "order"} {
		t.Run(name, func(t *testing.T) {
			resp, b := e.do(t, "GET", "/api/v1/help/context/"+name+"?locale=es", nil)
			require.Equal(t, 200, resp.StatusCode)
			r := decode[api.HelpContextResponse](t, b)
			require.Len(t, r.Articles, 3, "three by default")
			lib, err := content.Load()
			require.NoError(t, err)
			for _, a := range r.Articles {
				full, err := lib.Article(a.ID, "es")
				require.NoError(t, err)
				assert.Contains(t, full.Contexts, name)
				assert.Equal(t, full.Title, a.Title)
			}
		})
	}
	resp, b := e.do(t, "GET", "/api/v1/help/context/configurator?locale=en&limit=5", nil)
	require.Equal(t, 200, resp.StatusCode)
	assert.LessOrEqual(t, len(decode[api.HelpContextResponse](t, b).Articles), 5)
	resp, _ = e.do(t, "GET", "/api/v1/help/context/configurator?limit=500", nil)
	assert.Equal(t, 400, resp.StatusCode)
}

// hostileContent writes a content folder with one article full of attempts
// to run script in the reader's browser.
func hostileContent(t *testing.T) string {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	write("tree.txt", "category: orders\nen: Orders\n\nsection: orders/tracking\nen: Tracking\n")
	write("articles/en/track.md", `---
id: track
category: orders
section: tracking
title: Track <script>alert('title')</script> your parcel
summary: Where is it? <img src=x onerror=alert(1)>
rank: 1
contexts: order
updated: 2026-01-02
---

Parcel <script>alert(document.cookie)</script> tracking.

[click me](javascript:alert(1)) and [again](JaVaScRiPt&#58;alert(2))

<a href="javascript:alert(3)" onclick="alert(4)">raw link</a>

<img src="x" onerror="alert(5)"> <svg onload="alert(6)"><script>alert(7)</script></svg>

<iframe src="https://evil.example"></iframe> <form action="https://evil.example"><input name=q></form>

<div style="background:url(javascript:alert(8))" onmouseover="alert(9)">hover</div>
`)
	return dir
}

func TestHelpArticleFromHostileContentIsSafe(t *testing.T) {
	dir := hostileContent(t)
	e := newEnv(t, func(c *server.Config) {
		c.HelpContent = func() (*content.Library, error) { return content.LoadFS(os.DirFS(dir)) }
	})
	resp, b := e.do(t, "GET", "/api/v1/help/articles/track?locale=en", nil)
	require.Equal(t, 200, resp.StatusCode, string(b))
	r := decode[api.HelpArticleResponse](t, b)
	assert.Contains(t, r.Article.HTML, "tracking", "the text survives")
	assertNoExecutable(t, r.Article.HTML)

	resp, b = e.do(t, "GET", "/api/v1/help/search?q=parcel&locale=en", nil)
	require.Equal(t, 200, resp.StatusCode)
	s := decode[api.HelpSearchResponse](t, b)
	require.NotEmpty(t, s.Results)
	for _, h := range s.Results {
		assertNoExecutable(t, h.Snippet)
		assert.Equal(t, strings.Count(h.Snippet, "<"), strings.Count(h.Snippet, "<mark>")+strings.Count(h.Snippet, "</mark>"),
			"a snippet has no tag but <mark>: %s", h.Snippet)
	}
}

// assertNoExecutable parses fragment as the browser would and fails on
// anything that can run script: script-like elements, event attributes,
// javascript: or vbscript: URLs, inline styles.
func assertNoExecutable(t *testing.T, fragment string) {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(fragment), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	require.NoError(t, err)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "iframe", "object", "embed", "svg", "math", "form", "input", "style", "base", "meta", "link":
				t.Errorf("element <%s> in %q", n.Data, fragment)
			}
			for _, a := range n.Attr {
				v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				switch {
				case strings.HasPrefix(strings.ToLower(a.Key), "on"):
					t.Errorf("event attribute %s in %q", a.Key, fragment)
				case a.Key == "style":
					t.Errorf("style attribute in %q", fragment)
				case strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:"):
					t.Errorf("script URL %s=%q in %q", a.Key, a.Val, fragment)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

func TestContact(t *testing.T) {
	c := &clock{t: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}
	e := newEnv(t, withClock(c))
	ctx := context.Background()

	for _, tc := range []struct {
		name, body, field, key string
	}{
		{"no name", `{"email":"ana@example.com","topic":"order","message":"Hi","locale":"es"}`, "name", "contact.err.name_required"},
		{"no email", `{"name":"Ana","topic":"order","message":"Hi"}`, "email", "contact.err.email_required"},
		{"malformed email", `{"name":"Ana","email":"ana.example.com","topic":"order","message":"Hi"}`, "email", "contact.err.email_invalid"},
		{"malformed order number", `{"name":"Ana","email":"ana@example.com","order":"12345","topic":"order","message":"Hi"}`, "order", "contact.err.order_invalid"},
		{"unknown topic", `{"name":"Ana","email":"ana@example.com","topic":"lottery","message":"Hi"}`, "topic", "contact.err.topic"},
		{"no message", `{"name":"Ana","email":"ana@example.com","topic":"order","message":"   "}`, "message", "contact.err.message_required"},
		{"message too long", `{"name":"Ana","email":"ana@example.com","topic":"order","message":"` + strings.Repeat("x", support.MaxMessageRunes+1) + `"}`, "message", "contact.err.message_too_long"},
	} {
		t.Run("refused: "+tc.name, func(t *testing.T) {
			resp, b := e.do(t, "POST", "/api/v1/contact", rawJSON(tc.body), jsonCT...)
			assert.Equal(t, 400, resp.StatusCode)
			d := decode[api.ErrorBody](t, b).Error
			assert.Equal(t, tc.field, d.Field)
			assert.Equal(t, tc.key, d.Key)
		})
	}
	t.Run("refused: unknown field", func(t *testing.T) {
		resp, _ := e.do(t, "POST", "/api/v1/contact", rawJSON(`{"name":"Ana","admin":true}`), jsonCT...)
		assert.Equal(t, 400, resp.StatusCode)
	})
	tickets, err := sqlite.NewSupportStore(e.db).Tickets(ctx, 10)
	require.NoError(t, err)
	assert.Empty(t, tickets, "nothing is kept from refused messages")

	resp, b := e.do(t, "POST", "/api/v1/contact", rawJSON(`{"name":"Ana López","email":"ana@example.com","order":"vt-1001",
		"topic":"delivery","message":"¿Cuándo llega mi sofá?","locale":"es"}`), jsonCT...)
	require.Equal(t, 201, resp.StatusCode, string(b))
	r := decode[api.ContactResponse](t, b)
	assert.True(t, support.ValidReference(r.Reference), r.Reference)
	assert.Equal(t, "ana@example.com", r.Email)

	tk, err := sqlite.NewSupportStore(e.db).Ticket(ctx, r.Reference)
	require.NoError(t, err)
	assert.Equal(t, "VT-1001", tk.OrderNumber)
	assert.Equal(t, "es", tk.Locale)
	assert.Equal(t, c.Now(), tk.CreatedAt)

	box, err := sqlite.NewOrderStore(e.db).Outbox(ctx, "VT-1001")
	require.NoError(t, err)
	var ack []string
	for _, m := range box {
		if m.Kind == support.MailAcknowledgement {
			assert.Equal(t, "ana@example.com", m.To)
			assert.Contains(t, m.Subject, r.Reference)
			assert.Contains(t, m.Body, "> ¿Cuándo llega mi sofá?", "the message is quoted")
			ack = append(ack, m.Subject)
		}
	}
	require.Len(t, ack, 1, "one acknowledgement in the outbox")
	assert.NotContains(t, ack[0], "contact.mail", "the subject is translated")
	assert.Contains(t, ack[0], "Hemos recibido", "in the customer's language")

	t.Run("rate limited per client", func(t *testing.T) {
		msg := `{"name":"Li","email":"li@example.com","topic":"other","message":"Hello","locale":"zh-Hans"}`
		for i := 2; i <= 5; i++ {
			resp, b := e.do(t, "POST", "/api/v1/contact", rawJSON(msg), jsonCT...)
			require.Equal(t, 201, resp.StatusCode, "message %d: %s", i, b)
		}
		resp, b := e.do(t, "POST", "/api/v1/contact", rawJSON(msg), jsonCT...)
		assert.Equal(t, 429, resp.StatusCode)
		assert.Equal(t, "contact.err.rate_limited", decode[api.ErrorBody](t, b).Error.Key)
		assert.NotEmpty(t, resp.Header.Get("Retry-After"))
		resp, _ = e.do(t, "POST", "/api/v1/contact", rawJSON(`{"name":"Li"}`), jsonCT...)
		assert.Equal(t, 400, resp.StatusCode, "field errors still show while limited")

		c.Add(61 * time.Minute)
		resp, _ = e.do(t, "POST", "/api/v1/contact", rawJSON(msg), jsonCT...)
		assert.Equal(t, 201, resp.StatusCode, "an hour later the client may write again")
		tickets, err := sqlite.NewSupportStore(e.db).Tickets(ctx, 10)
		require.NoError(t, err)
		assert.Len(t, tickets, 6)
	})
}

func TestHelpRoutesOffWithoutConfiguration(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.Help, c.HelpContent, c.Support, c.Staff = nil, nil, nil, nil })
	for _, p := range []string{"/api/v1/help/tree", "/api/v1/staff/me"} {
		resp, _ := e.do(t, "GET", p, nil)
		assert.Equal(t, http.StatusNotFound, resp.StatusCode, p)
	}
}

func TestHelpPagesPrerendered(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct{ path, header, want string }{
		{"/help", "en", `<h1 class="page-title">Help center`},
		{"/help/returns-exchanges", "es", `<h1 class="page-title">Devoluciones y cambios`},
		{"/help/returns-exchanges/refunds", "ro", `<h1 class="page-title">Rambursări și credit în magazin`},
		{"/help/returns-exchanges/returns/return-policy", "zh-CN", `<h1 class="page-title">你们的退货政策是什么？`},
		{"/help/returns-exchanges/returns/return-policy", "en", `<strong>30 days from delivery</strong>`},
		{"/contact", "es", `Respondemos en un día laborable.`},
		{"/staff/signin", "en", `<h1 class="page-title">Staff sign-in`},
	} {
		t.Run(tc.path+" "+tc.header, func(t *testing.T) {
			resp, b := e.do(t, "GET", tc.path, nil, "Accept-Language", tc.header)
			require.Equal(t, 200, resp.StatusCode)
			assert.Contains(t, string(b), tc.want)
		})
	}
	st, err := sqlite.NewHelpStore(e.db).ArticleStats(context.Background(), "return-policy")
	require.NoError(t, err)
	assert.Zero(t, st.Views, "a prerender is not a reading: the browser counts it")

	resp, b := e.do(t, "GET", "/help/returns-exchanges/nothing-here", nil)
	assert.Equal(t, 404, resp.StatusCode, "a route of the app whose section does not exist")
	assert.Contains(t, string(b), `<h1 class="page-title">`, "the page still says so in the shell")
	resp, _ = e.do(t, "GET", "/help/a/b/c/d", nil)
	assert.Equal(t, 404, resp.StatusCode)
}

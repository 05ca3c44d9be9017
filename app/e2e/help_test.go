package e2e

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/help"
	"vitrine/portal/staff"
	"vitrine/portal/support"
	"vitrine/server/sqlite"
)

// typeInto focuses a field and types text into it key by key, as a person
// on a keyboard does.
func typeInto(t *testing.T, tb *tab, selector, text string) {
	t.Helper()
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Focus(chromedp.CSS(selector)), chromedp.SendKeys(chromedp.CSS(selector), text)))
}

// clearField empties a field and tells the app, as selecting all and
// deleting would.
func clearField(t *testing.T, tb *tab, selector string) {
	t.Helper()
	eval[bool](t, tb, `(function(){ const el = document.querySelector(`+jsString(selector)+`); el.value = '';
		el.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`)
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

func click(t *testing.T, tb *tab, selector string) {
	t.Helper()
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(selector))))
}

func TestBrowserHelpSearchAsYouTypeHighlightsWords(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/help")
	assert.Contains(t, text(t, tb, ".help-popular"), "What is your return policy?", "the most wanted question is listed first")
	assert.GreaterOrEqual(t, eval[int](t, tb, `document.querySelectorAll('.help-category').length`), 6)

	typeInto(t, tb, "#help-q", "refund")
	tb.waitFor(t, `document.querySelectorAll('#help-results li').length > 0`)
	assert.Contains(t, text(t, tb, "#help-results li:first-child .result-title"), "refund")
	marks := eval[[]string](t, tb, `[...document.querySelectorAll('#help-results mark')].map(m => m.innerText.toLowerCase())`)
	require.NotEmpty(t, marks, "matched words are highlighted")
	for _, m := range marks {
		assert.Contains(t, m, "refund")
	}
	assert.Regexp(t, `\d+ answers found`, text(t, tb, "#help-search-status"))

	// A new query replaces the results: only what matches it is shown.
	clearField(t, tb, "#help-q")
	typeInto(t, tb, "#help-q", "invoice")
	tb.waitFor(t, `[...document.querySelectorAll('#help-results mark')].some(m => m.innerText.toLowerCase().startsWith('invoice'))`)
	assert.NotContains(t, strings.ToLower(text(t, tb, "#help-results")), "<mark>refund")

	// A result opens its article.
	click(t, tb, "#help-results li:first-child a")
	tb.waitFor(t, `location.pathname.startsWith('/help/payments-invoices/')`)
	tb.waitFor(t, `document.getElementById('article-body') !== null`)
	assert.Empty(t, tb.errors())
}

func TestBrowserHomePageSearchBox(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/")
	typeInto(t, tb, "#help-q", "delivery")
	tb.waitFor(t, `document.querySelectorAll('#help-results mark').length > 0`)
	assert.Contains(t, strings.ToLower(text(t, tb, "#help-results")), "deliver")
	assert.Empty(t, tb.errors())
}

func TestBrowserChineseTwoCharacterQuery(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/help")
	tb.switchLanguage(t, "zh-Hans")
	tb.waitFor(t, `document.querySelector('h1.page-title').innerText.includes('帮助中心')`)
	tb.waitFor(t, `document.querySelector('.help-popular') && document.querySelector('.help-popular').innerText.includes('退货政策')`)
	typeInto(t, tb, "#help-q", "退货")
	tb.waitFor(t, `document.querySelectorAll('#help-results li').length > 0`)
	titles := eval[[]string](t, tb, `[...document.querySelectorAll('#help-results .result-title')].slice(0, 3).map(e => e.innerText)`)
	assert.Contains(t, titles, "你们的退货政策是什么？")
	assert.Contains(t, eval[[]string](t, tb, `[...document.querySelectorAll('#help-results mark')].map(m => m.innerText)`), "退货")
	assert.Empty(t, tb.errors())
}

func TestBrowserHelpfulVoteIsRecorded(t *testing.T) {
	ctx := context.Background()
	store := sqlite.NewHelpStore(testDB)
	tb := newTab(t)

	const yesPath = "/help/products-assembly/product-info/care-wood-furniture"
	before, err := store.ArticleStats(ctx, "care-wood-furniture")
	require.NoError(t, err)
	tb.open(t, yesPath)
	assert.Equal(t, "How do I look after oak and teak furniture?", text(t, tb, "h1.page-title"))
	assert.Contains(t, text(t, tb, ".breadcrumbs"), "Products & assembly")
	assert.Regexp(t, `Last updated [A-Z][a-z]{2} \d{1,2}, \d{4}`, text(t, tb, ".updated"))
	assert.NotEmpty(t, text(t, tb, ".related"), "related articles are linked")
	click(t, tb, "#vote-yes")
	tb.waitFor(t, `document.getElementById('feedback-thanks') !== null`)
	assert.Contains(t, text(t, tb, "#feedback-thanks"), "Thank you")
	after, err := store.ArticleStats(ctx, "care-wood-furniture")
	require.NoError(t, err)
	assert.Equal(t, before.Helpful+1, after.Helpful, "the vote is in the store")
	assert.Equal(t, before.Views+1, after.Views, "opening the page counted one view, not two")

	t.Run("no, with a comment and an offer to contact us", func(t *testing.T) {
		tb.open(t, "/help/payments-invoices/invoices/correct-invoice")
		click(t, tb, "#vote-no")
		tb.waitFor(t, `document.getElementById('feedback-comment') !== null`)
		assert.Contains(t, text(t, tb, "#feedback"), "Contact us")
		typeInto(t, tb, "#feedback-comment", "My company name changed.")
		tb.waitFor(t, `document.getElementById('feedback-count').innerText.startsWith('24 of 1000')`)
		click(t, tb, "#feedback-send")
		tb.waitFor(t, `document.getElementById('feedback-thanks') !== null`)
		assert.Contains(t, text(t, tb, "#feedback"), "Still need help?")
		cs, err := store.Comments(ctx, "correct-invoice", 5)
		require.NoError(t, err)
		require.NotEmpty(t, cs)
		assert.Equal(t, "My company name changed.", cs[0].Text)
		assert.False(t, cs[0].Helpful)
	})
	assert.Empty(t, tb.errors())
}

func TestBrowserUntranslatedArticleSaysSo(t *testing.T) {
	tb := newTab(t)
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Navigate(baseURL+"/help?hl=ro")))
	tb.waitApp(t)
	tb.open(t, "/help/products-assembly/product-info/care-wood-furniture?hl=ro")
	tb.waitFor(t, `document.getElementById('article-fallback') !== null`)
	assert.Contains(t, text(t, tb, "#article-fallback"), "Încă nu este disponibil în limba ta")
	assert.Contains(t, text(t, tb, ".updated"), "Ultima actualizare")
	assert.Empty(t, tb.errors())
}

func TestBrowserContactFormFieldErrorsThenReference(t *testing.T) {
	ctx := context.Background()
	tb := newTab(t)
	tb.open(t, "/contact?order=VT-1003")
	assert.Contains(t, text(t, tb, ".contact-ways"), support.Phone)
	assert.Contains(t, text(t, tb, ".contact-ways"), "Monday to Friday, 9:00–18:00 CET")
	assert.Contains(t, text(t, tb, ".contact-ways"), "We reply within one working day.")
	assert.Equal(t, "VT-1003", eval[string](t, tb, `document.getElementById('contact-order').value`), "the order number is filled in from the link")

	click(t, tb, "#contact-send")
	tb.waitFor(t, `document.getElementById('contact-name-error') !== null`)
	assert.Equal(t, "Please tell us your name.", text(t, tb, "#contact-name-error"))
	assert.Equal(t, "Please give us an email address to answer to.", text(t, tb, "#contact-email-error"))
	assert.Equal(t, "Please write your message.", text(t, tb, "#contact-message-error"))
	assert.Equal(t, "", text(t, tb, "#contact-topic-error"), "the order number chose the topic")
	assert.Equal(t, "true", eval[string](t, tb, `document.getElementById('contact-name').getAttribute('aria-invalid')`))
	assert.Equal(t, "contact-name", eval[string](t, tb, `document.activeElement.id`), "the first wrong field has the focus")

	typeInto(t, tb, "#contact-name", "Ana López")
	typeInto(t, tb, "#contact-email", "ana@example")
	typeInto(t, tb, "#contact-message", "The sofa legs are missing.")
	click(t, tb, "#contact-send")
	tb.waitFor(t, `document.getElementById('contact-email-error') !== null`)
	assert.Contains(t, text(t, tb, "#contact-email-error"), "does not look right")
	assert.Equal(t, "", text(t, tb, "#contact-name-error"), "fixed fields lose their error")

	typeInto(t, tb, "#contact-email", ".com")
	click(t, tb, "#contact-send")
	tb.waitFor(t, `document.getElementById('contact-reference') !== null`)
	ref := text(t, tb, "#contact-reference")
	assert.True(t, support.ValidReference(ref), ref)
	assert.Contains(t, text(t, tb, "#contact-done"), "ana@example.com")

	tk, err := sqlite.NewSupportStore(testDB).Ticket(ctx, ref)
	require.NoError(t, err)
	assert.Equal(t, "VT-1003", tk.OrderNumber)
	assert.Equal(t, "order", tk.Topic)
	box, err := sqlite.NewOrderStore(testDB).Outbox(ctx, "VT-1003")
	require.NoError(t, err)
	found := false
	for _, m := range box {
		found = found || m.Kind == support.MailAcknowledgement && strings.Contains(m.Subject, ref)
	}
	assert.True(t, found, "the acknowledgement is in the outbox")
	assert.Empty(t, tb.errors())
}

func TestBrowserContactFormInSpanish(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/contact?hl=es")
	click(t, tb, "#contact-send")
	tb.waitFor(t, `document.getElementById('contact-email-error') !== null`)
	assert.Equal(t, "Indica un correo electrónico al que responderte.", text(t, tb, "#contact-email-error"))
	assert.Equal(t, "Elige el tema de tu mensaje.", text(t, tb, "#contact-topic-error"))
	assert.Empty(t, tb.errors())
}

func TestBrowserStaffSeesTheSearchThatFoundNothing(t *testing.T) {
	ctx := context.Background()
	email := "help-desk-" + time.Now().Format("150405.000000") + "@vitrine.example"
	_, err := (&staff.Auth{Store: sqlite.NewStaffStore(testDB)}).AddUser(ctx, email, "correct horse battery")
	require.NoError(t, err)

	tb := newTab(t)
	tb.open(t, "/help")
	typeInto(t, tb, "#help-q", "zebra hovercraft")
	tb.waitFor(t, `document.querySelector('.help-no-results') !== null`)
	assert.Contains(t, text(t, tb, "#help-search-status"), "No answer matches “zebra hovercraft”.")
	none := text(t, tb, ".help-no-results")
	assert.Contains(t, none, "Contact us")
	assert.Contains(t, none, "Call +34 910 000 000")
	assert.GreaterOrEqual(t, eval[int](t, tb, `document.querySelectorAll('.help-no-results .chip').length`), 1, "related categories")

	tb.open(t, "/staff/help")
	tb.waitFor(t, `location.pathname === '/staff/signin'`)
	assert.Equal(t, "/staff/help", eval[string](t, tb, `new URLSearchParams(location.search).get('next')`))

	click(t, tb, "#staff-signin-submit")
	tb.waitFor(t, `document.getElementById('staff-email-error') !== null`)
	assert.Equal(t, "Please type your staff email.", text(t, tb, "#staff-email-error"))

	typeInto(t, tb, "#staff-email", email)
	typeInto(t, tb, "#staff-password", "wrong horse battery")
	click(t, tb, "#staff-signin-submit")
	tb.waitFor(t, `document.getElementById('staff-password-error') !== null`)
	assert.Equal(t, "The email or the password is not right.", text(t, tb, "#staff-password-error"))

	clearField(t, tb, "#staff-password")
	typeInto(t, tb, "#staff-password", "correct horse battery")
	click(t, tb, "#staff-signin-submit")
	tb.waitFor(t, `location.pathname === '/staff/help' && document.getElementById('staff-failed') !== null`)
	assert.Contains(t, text(t, tb, "#staff-who"), email)
	assert.Contains(t, text(t, tb, "#staff-failed"), "zebra hovercraft")
	assert.GreaterOrEqual(t, eval[int](t, tb, `document.querySelectorAll('#staff-articles tbody tr').length`), 40)

	click(t, tb, "#staff-reload")
	tb.waitFor(t, `document.getElementById('staff-reload-result') !== null`)
	assert.Regexp(t, regexp.MustCompile(`Content reloaded: \d+ articles`), text(t, tb, "#staff-reload-result"))
	log, err := sqlite.NewStaffStore(testDB).Audit(ctx, staff.ActionHelpReload, 1)
	require.NoError(t, err)
	require.Len(t, log, 1)
	assert.Equal(t, email, log[0].Actor)

	click(t, tb, "#staff-signout")
	tb.waitFor(t, `location.pathname === '/staff/signin'`)
	tb.open(t, "/staff/help")
	tb.waitFor(t, `location.pathname === '/staff/signin'`)
	assert.Empty(t, errorsBut401(tb), "nothing but the expected 401s of the staff API")
}

// errorsBut401 is tb.errors without the browser's reports of the staff API
// answering 401, which a staff page meets on purpose: it is how the page
// learns that nobody is signed in, and how a wrong password is refused.
func errorsBut401(tb *tab) []string {
	var out []string
	for _, e := range tb.errors() {
		if !(strings.Contains(e, "status of 401") && strings.Contains(e, "/api/v1/staff/")) {
			out = append(out, e)
		}
	}
	return out
}

func TestBrowserConfiguratorShowsContextualHelp(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/configure/modular-sofa")
	tb.waitFor(t, `document.getElementById('context-help-configurator') !== null`)
	links := eval[[]string](t, tb, `[...document.querySelectorAll('#context-help-configurator .article-list a')].map(a => a.getAttribute('href'))`)
	require.NotEmpty(t, links)
	for _, l := range links {
		_, ok := help.ParsePath(l)
		assert.True(t, ok, l)
	}
	assert.Empty(t, tb.errors())
}

func TestBrowserHelpAtPhoneWidth(t *testing.T) {
	tb := newTab(t)
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)))
	for _, path := range []string{"/help", "/help/returns-exchanges", "/help/returns-exchanges/returns/return-policy", "/contact"} {
		t.Run(path, func(t *testing.T) {
			tb.open(t, path)
			assert.LessOrEqual(t, eval[float64](t, tb, `document.documentElement.scrollWidth`), 360.0, "no sideways scrolling")
			small := eval[[]string](t, tb, `[...document.querySelectorAll('main a, main button, main input, main select')]
				.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height < 44 && !e.closest('.article-body') })
				.map(e => e.outerHTML.slice(0, 80))`)
			assert.Empty(t, small, "every tap target is at least 44 px high")
		})
	}
	tb.open(t, "/help/returns-exchanges/returns/return-policy")
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Tap(chromedp.CSS("#vote-yes"))))
	tb.waitFor(t, `document.getElementById('feedback-thanks') !== null`)
	assert.Empty(t, tb.errors())
}

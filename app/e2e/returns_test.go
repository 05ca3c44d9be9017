//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/assets/i18n"
	"vitrine/portal/returns"
	"vitrine/portal/staff"
	"vitrine/server/sqlite"
)

// phone makes tb a 360 px wide touch screen.
func phone(t *testing.T, tb *tab) {
	t.Helper()
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)))
}

func tap(t *testing.T, tb *tab, selector string) {
	t.Helper()
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Tap(chromedp.CSS(selector))))
}

// choose picks value in a select, as a finger on the phone's picker would.
func choose(t *testing.T, tb *tab, selector, value string) {
	t.Helper()
	eval[bool](t, tb, `(function(){ const el = document.querySelector(`+jsString(selector)+`); el.value = `+jsString(value)+`;
		el.dispatchEvent(new Event('change', {bubbles: true})); return true; })()`)
}

// assertPhoneLayout checks the page fits 360 px and every control in its
// content is big enough for a thumb.
func assertPhoneLayout(t *testing.T, tb *tab, where string) {
	t.Helper()
	assert.LessOrEqual(t, eval[float64](t, tb, `document.documentElement.scrollWidth`), 360.0, "no sideways scrolling on %s", where)
	small := eval[[]string](t, tb, `[...document.querySelectorAll('main button, main input:not([type=file]):not([type=radio]), main select, main .button, main .choice, main .back-link')]
		.filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height < 44 })
		.map(el => el.outerHTML.slice(0, 90))`)
	assert.Empty(t, small, "tap targets under 44 px on %s", where)
}

// openReturns looks the order up on /track with the phone and follows its
// "start a return" button.
func openReturns(t *testing.T, tb *tab, number, proof string) {
	t.Helper()
	tb.open(t, "/track")
	require.NoError(t, chromedp.Do(tb.ctx,
		chromedp.Tap(chromedp.CSS("#track-number")),
		chromedp.SendKeys(chromedp.CSS("#track-number"), number),
		chromedp.Tap(chromedp.CSS("#track-proof")),
		chromedp.SendKeys(chromedp.CSS("#track-proof"), proof),
		chromedp.Tap(chromedp.CSS("#track-form button[type=submit]")),
	))
	tb.waitFor(t, fmt.Sprintf(`location.pathname === '/track/%s' && document.getElementById('order-details') !== null`, number))
	tap(t, tb, "#action-return")
	tb.waitFor(t, `location.pathname === '/returns' && document.getElementById('return-form') !== null`)
}

// photoFile writes a phone-sized JPEG of a scratched table top.
func photoFile(t *testing.T) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 1600, 1200))
	for y := range 1200 {
		for x := range 1600 {
			c := color.RGBA{150, 110, 70, 255}
			if y > 580 && y < 600 && x > 200 && x < 1400 {
				c = color.RGBA{230, 220, 200, 255}
			}
			img.Set(x, y, c)
		}
	}
	path := filepath.Join(t.TempDir(), "scratch.jpg")
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, jpeg.Encode(f, img, &jpeg.Options{Quality: 80}))
	require.NoError(t, f.Close())
	return path
}

func TestBrowserReturnDamagedItemWithPhotoThenStaffRefunds(t *testing.T) {
	ctx := context.Background()
	store := sqlite.NewReturnStore(testDB)
	tb := newTab(t)
	phone(t, tb)
	openReturns(t, tb, "VT-1001", "28009")
	assertPhoneLayout(t, tb, "the returns form")
	assert.Contains(t, text(t, tb, "#item-1"), "Up to 1, until", "the coffee table can go back, and until when")
	// Contextual help: the articles about returns, beside the form.
	tb.waitFor(t, `document.querySelector('#context-help-returns .article-list a') !== null`)

	tap(t, tb, "#qty-plus-1")
	tb.waitFor(t, `document.getElementById('reason-1') !== null`)
	assert.Equal(t, "1", text(t, tb, "#qty-1"))
	choose(t, tb, "#reason-1", string(returns.ReasonDamaged))
	tb.waitFor(t, `document.getElementById('photos-1') !== null`)
	assert.Equal(t, "image/jpeg,image/png,image/webp", eval[string](t, tb, `document.getElementById('photos-1').accept`))
	assert.Equal(t, "environment", eval[string](t, tb, `document.getElementById('photos-1').getAttribute('capture')`))
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("#photos-1"), []string{photoFile(t)})))
	tb.waitFor(t, `document.querySelector('#thumbs-1 .photo-thumb.uploaded') !== null`)
	assert.True(t, strings.HasPrefix(eval[string](t, tb, `document.querySelector('#thumbs-1 img').src`), "blob:"),
		"the thumbnail is shown from the phone, before anything is sent")

	// The amounts come from the server before confirming: damage ships free.
	tb.waitFor(t, `document.getElementById('return-quote') !== null`)
	quote := text(t, tb, "#return-quote")
	assert.Contains(t, quote, "Return shipping")
	assert.Contains(t, quote, "Free")
	assert.Contains(t, quote, "Refund")
	assert.Contains(t, text(t, tb, "#return-send-by"), "Send it by")
	assertPhoneLayout(t, tb, "the filled-in form")

	// Two quick presses make one request.
	eval[bool](t, tb, `(function(){ const b = document.getElementById('return-submit'); b.click(); b.click(); return true; })()`)
	tb.waitFor(t, `location.pathname.startsWith('/returns/RT-') && document.getElementById('return-status') !== null`)
	number := strings.TrimPrefix(eval[string](t, tb, `location.pathname`), "/returns/")
	list, err := store.ListByOrder(ctx, "VT-1001")
	require.NoError(t, err)
	require.Len(t, list, 1, "pressing twice made one return")
	assert.Equal(t, number, list[0].Number)
	require.Len(t, list[0].Lines, 1)
	assert.Equal(t, returns.ReasonDamaged, list[0].Lines[0].Reason)
	assert.Len(t, list[0].Lines[0].PhotoIDs, 1, "with its photo")

	// The confirmation: number, QR code, label, deadline and timeline.
	assert.Equal(t, number, text(t, tb, "#return-number"))
	assert.Equal(t, "Requested", text(t, tb, "#return-status-text"))
	tb.waitFor(t, `document.getElementById('return-qr').complete && document.getElementById('return-qr').naturalWidth > 0`)
	assert.Equal(t, 512, eval[int](t, tb, `document.getElementById('return-qr').naturalWidth`), "the QR code image loaded")
	assert.Contains(t, eval[string](t, tb, `document.getElementById('return-label').getAttribute('href')`), "/returns/"+number+"/label.png")
	assert.Contains(t, text(t, tb, "#return-deadline"), "Send it by")
	assert.Equal(t, "Requested", text(t, tb, "#return-timeline li.latest .event-kind"))
	assert.Contains(t, text(t, tb, "#return-timeline"), "Refunded", "the steps to come are shown")
	assertPhoneLayout(t, tb, "the confirmation")

	// The return is on the order's page too.
	tap(t, tb, "#return-order-link")
	tb.waitFor(t, `document.getElementById('order-returns') !== null`)
	assert.Contains(t, text(t, tb, "#order-returns"), number)

	// Staff move it along to Refunded.
	_, err = (&staff.Auth{Store: sqlite.NewStaffStore(testDB)}).AddUser(ctx, "returns.desk@vitrine.example", "correct horse battery")
	require.NoError(t, err)
	desk := newTab(t)
	phone(t, desk)
	desk.open(t, "/staff/returns")
	desk.waitFor(t, `location.pathname === '/staff/signin'`)
	typeInto(t, desk, "#staff-email", "returns.desk@vitrine.example")
	typeInto(t, desk, "#staff-password", "correct horse battery")
	tap(t, desk, "#staff-signin-submit")
	desk.waitFor(t, `location.pathname === '/staff/returns' && document.getElementById('staff-returns') !== null`)
	assert.Contains(t, text(t, desk, "#staff-returns"), number)
	tap(t, desk, "#open-"+number)
	for _, to := range []returns.Status{returns.StatusApproved, returns.StatusInTransit, returns.StatusReceived,
		returns.StatusInspected, returns.StatusRefunded} {
		button := "#move-" + number + "-" + string(to)
		desk.waitFor(t, `document.querySelector('`+button+`') !== null && !document.querySelector('`+button+`').disabled`)
		tap(t, desk, button)
		desk.waitFor(t, `document.querySelector('#sr-`+number+` .status-badge').innerText === `+jsString(i18n.T("en", "returns.status."+string(to))))
	}
	assert.Contains(t, text(t, desk, "#detail-"+number), "This request is finished.")
	assertPhoneLayout(t, desk, "the returns desk")
	assert.Empty(t, errorsBut401(desk))

	// The customer's timeline shows every step.
	tb.open(t, "/returns/"+number+"?order=VT-1001")
	tb.waitFor(t, `document.getElementById('return-status-text') !== null`)
	assert.Equal(t, "Refunded", text(t, tb, "#return-status-text"))
	steps := eval[[]string](t, tb, `[...document.querySelectorAll('#return-timeline li .event-kind')].map(e => e.innerText)`)
	assert.Equal(t, []string{"Requested", "Approved", "In transit", "Received", "Inspected", "Refunded"}, steps)
	assert.Equal(t, 6, eval[int](t, tb, `document.querySelectorAll('#return-timeline time').length`), "each with its time")
	assert.Nil(t, eval[any](t, tb, `document.getElementById('return-send')`), "nothing left to send")
	assert.NotContains(t, text(t, tb, "main"), "returns.desk@", "staff names stay inside")
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserReturnWindowClosedShowsItsDate(t *testing.T) {
	tb := newTab(t)
	phone(t, tb)
	tb.open(t, "/track")
	require.NoError(t, chromedp.Do(tb.ctx,
		chromedp.SendKeys(chromedp.CSS("#track-number"), "VT-1004"),
		chromedp.SendKeys(chromedp.CSS("#track-proof"), "W8 4EP"),
		chromedp.Tap(chromedp.CSS("#track-form button[type=submit]")),
	))
	tb.waitFor(t, `document.getElementById('order-details') !== null`)
	assert.Nil(t, eval[any](t, tb, `document.getElementById('action-return')`), "nothing left to return")
	tap(t, tb, "#action-repair")
	tb.waitFor(t, `document.getElementById('return-form') !== null`)
	assert.True(t, eval[bool](t, tb, `document.getElementById('kind-repair').checked`), "the repair form, from the order page's repair button")
	tb.waitFor(t, `document.querySelector('#context-help-repair .article-list a') !== null`)

	tap(t, tb, "#kind-return")
	tb.waitFor(t, `document.getElementById('why-1') !== null`)
	// The demo delivered the monitor 45 days ago; the 30-day window closed
	// 15 days ago.
	closed := time.Now().UTC().AddDate(0, 0, -15)
	assert.Equal(t, "The return window closed on "+i18n.FormatDate("en", closed)+".", text(t, tb, "#why-1"))
	assert.Equal(t, "This item has already been returned.", text(t, tb, "#why-2"), "the keyboard went back (demo data)")
	assert.Nil(t, eval[any](t, tb, `document.getElementById('qty-plus-1')`), "no stepper for what cannot go back")
	assert.Contains(t, text(t, tb, "#order-returns"), "Refunded")
	assertPhoneLayout(t, tb, "VT-1004's returns")
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserReturnFinalSaleIsNotReturnable(t *testing.T) {
	tb := newTab(t)
	phone(t, tb)
	openReturns(t, tb, "VT-1010", "08013")
	assert.Equal(t, "This item was sold as final sale and cannot be returned.", text(t, tb, "#why-1"))
	assert.Nil(t, eval[any](t, tb, `document.getElementById('qty-plus-1')`))
	assert.NotNil(t, eval[any](t, tb, `document.getElementById('qty-plus-2')`), "the armchair can go back")

	// Errors sit next to their fields: an item with no reason.
	tap(t, tb, "#qty-plus-2")
	tb.waitFor(t, `document.getElementById('reason-2') !== null`)
	tap(t, tb, "#return-submit")
	tb.waitFor(t, `document.getElementById('reason-2-error') !== null`)
	assert.Equal(t, "Choose a reason.", text(t, tb, "#reason-2-error"))
	assert.Equal(t, "true", eval[string](t, tb, `document.getElementById('reason-2').getAttribute('aria-invalid')`))
	assert.Equal(t, "/returns", eval[string](t, tb, `location.pathname`), "nothing was sent")
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserReturnPolicyInFourLanguages(t *testing.T) {
	tb := newTab(t)
	for _, tc := range []struct{ locale, window, shipping string }{
		{"en", "within 30 days of delivery", "€9.90"},
		{"es", "en un plazo de 30 días desde la entrega", "9,90"},
		{"zh-Hans", "签收后 30 天内", "9.90"},
		{"ro", "în 30 de zile de la livrare", "9,90"},
	} {
		t.Run(tc.locale, func(t *testing.T) {
			tb.open(t, "/returns/policy?hl="+tc.locale)
			tb.waitFor(t, `document.getElementById('policy-lines') !== null`)
			policy := text(t, tb, "#policy-lines")
			assert.Contains(t, policy, tc.window)
			assert.Contains(t, policy, tc.shipping)
			assert.Empty(t, tb.errors())
		})
	}
}

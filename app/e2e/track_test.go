//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// apiErrors returns the console errors except the browser's own reports of
// an error status from the order API, which the tests below provoke on
// purpose (a wrong pair is a 404, a page without proof a 401, a blocked
// request a network error); the page must handle them, not crash.
func (tb *tab) apiErrors() []string {
	var out []string
	for _, e := range tb.errors() {
		if strings.Contains(e, "/api/v1/orders/") &&
			(strings.Contains(e, "status of 40") || strings.Contains(e, "ERR_BLOCKED_BY_CLIENT") || strings.Contains(e, "Failed to fetch")) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// lookup fills in the track form and submits it.
func (tb *tab) lookup(t *testing.T, number, proof string) {
	t.Helper()
	require.NoError(t, chromedp.Do(tb.ctx,
		chromedp.WaitVisible(chromedp.CSS("#track-number")),
		chromedp.SendKeys(chromedp.CSS("#track-number"), number),
		chromedp.SendKeys(chromedp.CSS("#track-proof"), proof),
		chromedp.Click(chromedp.CSS("#track-form button[type=submit]")),
	))
}

// openOrder looks an order up from /track and waits for its page.
func (tb *tab) openOrder(t *testing.T, number, proof string) {
	t.Helper()
	tb.open(t, "/track")
	tb.lookup(t, number, proof)
	tb.waitFor(t, fmt.Sprintf(`location.pathname === '/track/%s' && document.getElementById('order-status') !== null`, strings.ToUpper(number)))
}

func text(t *testing.T, tb *tab, selector string) string {
	t.Helper()
	return eval[string](t, tb, fmt.Sprintf(`(document.querySelector(%q) || {innerText: ''}).innerText`, selector))
}

func TestBrowserTrackWrongPairShowsTheGenericError(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/track")
	assert.Contains(t, text(t, tb, "h1.page-title"), "Track your order")

	tb.lookup(t, "VT-1002", "nobody@example.com")
	tb.waitFor(t, `document.getElementById('track-form-error') !== null`)
	generic := text(t, tb, "#track-form-error")
	assert.Contains(t, generic, "We could not find an order with that number and email or postcode")
	assert.Equal(t, "/track", eval[string](t, tb, `location.pathname`))

	// An order that does not exist gets the very same message.
	tb.open(t, "/track")
	tb.lookup(t, "VT-9999", "li.wei@example.com")
	tb.waitFor(t, `document.getElementById('track-form-error') !== null`)
	assert.Equal(t, generic, text(t, tb, "#track-form-error"))
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserTrackFieldErrorsSitNextToTheirFields(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/track")
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#track-form button[type=submit]"))))
	tb.waitFor(t, `document.getElementById('track-number-error') !== null`)
	assert.Equal(t, "Enter your order number.", text(t, tb, "#track-number-error"))
	assert.Equal(t, "Enter the email or the postcode of the order.", text(t, tb, "#track-proof-error"))
	assert.Equal(t, "true", eval[string](t, tb, `document.getElementById('track-number').getAttribute('aria-invalid')`))
	assert.Contains(t, eval[string](t, tb, `document.getElementById('track-number').getAttribute('aria-describedby')`), "track-number-error")
	// The label names the field.
	assert.Equal(t, "Order number", text(t, tb, "label[for=track-number]"))

	tb.lookup(t, "1002", "li.wei@example.com")
	tb.waitFor(t, `(document.getElementById('track-number-error') || {}).innerText?.includes('VT-1001')`)
	assert.Nil(t, eval[any](t, tb, `document.getElementById('track-proof-error')`), "the email field is fine now")
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserTrackRightPairShowsTheTimeline(t *testing.T) {
	tb := newTab(t)
	tb.openOrder(t, "VT-1002", "li.wei@example.com")
	assert.Equal(t, "Order VT-1002", text(t, tb, "h1.page-title"))
	assert.Equal(t, "In transit", text(t, tb, "#order-status"))

	bar := `document.getElementById('order-progress')`
	assert.Equal(t, "progressbar", eval[string](t, tb, bar+`.getAttribute('role')`))
	assert.Equal(t, "1", eval[string](t, tb, bar+`.getAttribute('aria-valuemin')`))
	assert.Equal(t, "6", eval[string](t, tb, bar+`.getAttribute('aria-valuemax')`))
	assert.Equal(t, "4", eval[string](t, tb, bar+`.getAttribute('aria-valuenow')`))
	assert.Equal(t, "Step 4 of 6: In transit", text(t, tb, ".progress-text"))

	assert.Equal(t, "DHL Express", text(t, tb, "#shipment-1 .carrier"))
	assert.Equal(t, "4812345670", text(t, tb, "#shipment-1 .tracking-number"))
	assert.NotEmpty(t, text(t, tb, "#shipment-1 .estimate"))
	assert.Equal(t, 4, eval[int](t, tb, `document.querySelectorAll('#shipment-1 .timeline li').length`))
	latest := text(t, tb, "#shipment-1 .timeline li.latest")
	assert.Contains(t, latest, "Shanghai Pudong", "the latest event comes first")
	assert.Contains(t, latest, "Arrived at the destination country")
	assert.Regexp(t, `UTC`, text(t, tb, "#shipment-1 .timeline li.latest .event-time"), "times name their zone")
	assert.Contains(t, text(t, tb, "#shipment-1 .items"), "1 × ")

	// The customer proved the email in this browser: the delivery details show.
	assert.Equal(t, "Li Wei", text(t, tb, "#order-details .customer-name"))
	assert.Contains(t, text(t, tb, "#order-details .customer-address"), "200040")
	assert.Equal(t, "/contact?order=VT-1002", eval[string](t, tb, `document.getElementById('action-contact').getAttribute('href')`))
	assert.Nil(t, eval[any](t, tb, `document.getElementById('action-return')`), "nothing to return before delivery")
	// Contextual help: the articles about orders, beside the order.
	tb.waitFor(t, `document.querySelector('#context-help-order .article-list a') !== null`)

	// Get email updates: confirmed on screen, and still so after a reload.
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#action-subscribe"))))
	tb.waitFor(t, `document.getElementById('subscribed') !== null`)
	assert.Contains(t, text(t, tb, "#subscribed"), "we will email you at every change")
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Reload()))
	tb.waitApp(t)
	tb.waitFor(t, `document.getElementById('subscribed') !== null`)
	assert.Equal(t, "Li Wei", text(t, tb, "#order-details .customer-name"), "the proof survives a reload")
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserTrackByPostcode(t *testing.T) {
	tb := newTab(t)
	tb.openOrder(t, "vt-1004", "w8 4ep")
	assert.Equal(t, "Delivered", text(t, tb, "#order-status"))
	assert.Equal(t, "6", eval[string](t, tb, `document.getElementById('order-progress').getAttribute('aria-valuenow')`))
	assert.Equal(t, "John Smith", text(t, tb, "#order-details .customer-name"))
	assert.Nil(t, eval[any](t, tb, `document.getElementById('action-return')`), "delivered 45 days ago: outside the return window")
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserTrackDelayNotice(t *testing.T) {
	tb := newTab(t)
	tb.openOrder(t, "VT-1005", "carmen.diaz@example.com")
	assert.Equal(t, "Delayed", text(t, tb, "#order-status"))
	assert.Equal(t, "status", eval[string](t, tb, `document.getElementById('order-notices').getAttribute('role')`))
	notice := text(t, tb, "#order-notices")
	assert.Contains(t, notice, "This delivery has passed its promised date.")
	assert.Contains(t, notice, "New estimated delivery:")
	assert.Contains(t, notice, "We have asked the carrier where your parcel is")
	// The notice comes before the shipments, where it cannot be missed.
	assert.True(t, eval[bool](t, tb, `!!(document.getElementById('order-notices').compareDocumentPosition(document.getElementById('shipment-1')) & Node.DOCUMENT_POSITION_FOLLOWING)`))
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserTrackSplitOrderShowsTwoShipments(t *testing.T) {
	tb := newTab(t)
	tb.openOrder(t, "VT-1007", "ion.ionescu@example.com")
	assert.Equal(t, "In transit", text(t, tb, "#order-status"))
	assert.Contains(t, text(t, tb, ".order-status"), "Part of your order has arrived")
	assert.Equal(t, 2, eval[int](t, tb, `document.querySelectorAll('section.shipment').length`))
	assert.Equal(t, "Parcel 1 of 2", text(t, tb, "#shipment-1-title"))
	assert.Equal(t, "Parcel 2 of 2", text(t, tb, "#shipment-2-title"))
	assert.Equal(t, "Delivered", text(t, tb, "#shipment-1 .status-badge"))
	assert.Equal(t, "FAN Courier", text(t, tb, "#shipment-1 .carrier"))
	assert.Equal(t, "In transit", text(t, tb, "#shipment-2 .status-badge"))
	assert.Equal(t, "Cargus", text(t, tb, "#shipment-2 .carrier"))
	assert.Contains(t, text(t, tb, "#shipment-2 .items"), "City bike")
	assert.Equal(t, "/returns?order=VT-1007", eval[string](t, tb, `document.getElementById('action-return').getAttribute('href')`),
		"the delivered lights and lock can be returned")
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserTrackSignedLinkHidesPersonalDataUntilConfirmed(t *testing.T) {
	tb := newTab(t)
	tb.open(t, e2eServer.OrderLink("VT-1003"))
	tb.waitFor(t, `document.getElementById('order-status') !== null`)
	assert.Equal(t, "Out for delivery", text(t, tb, "#order-status"))
	assert.Contains(t, text(t, tb, "#shipment-1 .items"), "1 × ")
	page := text(t, tb, "main")
	assert.NotContains(t, page, "Maria Popescu")
	assert.NotContains(t, page, "Lipscani")
	assert.Contains(t, text(t, tb, "#order-confirm"), "Confirm your email or postcode to see the delivery details.")

	require.NoError(t, chromedp.Do(tb.ctx,
		chromedp.SendKeys(chromedp.CSS("#confirm-proof"), "030031"),
		chromedp.Click(chromedp.CSS("#confirm-form button[type=submit]")),
	))
	tb.waitFor(t, `document.getElementById('order-details') !== null`)
	assert.Equal(t, "Maria Popescu", text(t, tb, "#order-details .customer-name"))
	assert.Contains(t, text(t, tb, "#order-details .customer-address"), "Strada Lipscani 25")

	// Without link or proof the page asks for the email or postcode.
	other := newTab(t)
	other.open(t, "/track/VT-1003")
	other.waitFor(t, `document.getElementById('order-denied') !== null`)
	assert.Contains(t, text(t, other, "#order-denied"), "Enter the email or postcode of this order to see it.")
	assert.NotContains(t, text(t, other, "main"), "Out for delivery")
	assert.Empty(t, tb.apiErrors())
	assert.Empty(t, other.apiErrors())
}

func TestBrowserTrackSpeaksTheCustomersLanguage(t *testing.T) {
	tb := newTab(t)
	tb.open(t, e2eServer.OrderLink("VT-1006")+"&hl=es")
	tb.waitFor(t, `document.getElementById('order-status') !== null`)
	assert.Equal(t, "Intento de entrega fallido", text(t, tb, "#order-status"))
	assert.Contains(t, text(t, tb, "#order-notices"), "El transportista no ha podido entregar tu paquete.")
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserTrackAtPhoneWidth(t *testing.T) {
	tb := newTab(t)
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)))
	noSideways := `document.documentElement.scrollWidth <= 360`
	for _, path := range []string{"/track", e2eServer.OrderLink("VT-1007"), e2eServer.OrderLink("VT-1005"), e2eServer.OrderLink("VT-1001")} {
		tb.open(t, path)
		if path != "/track" {
			tb.waitFor(t, `document.getElementById('order-status') !== null`)
		}
		assert.True(t, eval[bool](t, tb, noSideways), "no sideways scrolling on %s (scrollWidth %v)", path, eval[float64](t, tb, `document.documentElement.scrollWidth`))
		// Every button, link and field in the page's content is big enough to tap.
		small := eval[[]string](t, tb, `[...document.querySelectorAll('main button, main input, main .button, main .actions a, .recent-orders a, .line-main a, .back-link')]
			.filter(el => el.getBoundingClientRect().height > 0 && el.getBoundingClientRect().height < 44)
			.map(el => el.outerHTML.slice(0, 80))`)
		assert.Empty(t, small, "tap targets under 44 px on %s", path)
		// Readable: no text under 14 px.
		assert.GreaterOrEqual(t, eval[float64](t, tb, `Math.min(...[...document.querySelectorAll('main p, main li, main dd, main dt, main time, main label')]
			.filter(el => el.innerText.trim() !== '').map(el => parseFloat(getComputedStyle(el).fontSize)))`), 14.0, path)
	}
	// The 360 px form works with touch.
	tb.open(t, "/track")
	require.NoError(t, chromedp.Do(tb.ctx,
		chromedp.Tap(chromedp.CSS("#track-number")),
		chromedp.SendKeys(chromedp.CSS("#track-number"), "VT-1007"),
		chromedp.Tap(chromedp.CSS("#track-proof")),
		chromedp.SendKeys(chromedp.CSS("#track-proof"), "400114"),
		chromedp.Tap(chromedp.CSS("#track-form button[type=submit]")),
	))
	tb.waitFor(t, `location.pathname === '/track/VT-1007' && document.getElementById('order-details') !== null`)
	assert.True(t, eval[bool](t, tb, noSideways), "no sideways scrolling with the delivery details")
	assert.Empty(t, tb.apiErrors())
}

func TestBrowserTrackStaysReadableOffline(t *testing.T) {
	tb := newTab(t)
	tb.open(t, e2eServer.OrderLink("VT-1002"))
	tb.waitFor(t, `document.getElementById('order-status') !== null`)
	require.Equal(t, "In transit", text(t, tb, "#order-status"))

	// The API goes away (the phone lost its signal) while the app is open.
	_, err := chromedp.Call(tb.ctx, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true})
	require.NoError(t, err)
	_, err = chromedp.Call(tb.ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
		{URLPattern: baseURL + "/api/v1/orders/*", Block: true},
	}})
	require.NoError(t, err)

	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("#order-refresh"))))
	tb.waitFor(t, `document.getElementById('order-offline') !== null`)
	assert.Contains(t, text(t, tb, "#order-offline"), "You are offline; this is the status from")
	assert.Equal(t, "status", eval[string](t, tb, `document.getElementById('order-offline').getAttribute('role')`))
	assert.Equal(t, "In transit", text(t, tb, "#order-status"), "the last status is still there")
	assert.Equal(t, 4, eval[int](t, tb, `document.querySelectorAll('#shipment-1 .timeline li').length`))

	// From the track page, the order seen on this device is a tap away.
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`.order a.back-link`))))
	tb.waitFor(t, `location.pathname === '/track' && document.querySelector('.recent-orders a') !== null`)
	assert.Contains(t, text(t, tb, ".recent-orders"), "VT-1002")
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`.recent-orders a[href="/track/VT-1002"]`))))
	tb.waitFor(t, `location.pathname === '/track/VT-1002' && document.getElementById('order-offline') !== null`)
	assert.Equal(t, "In transit", text(t, tb, "#order-status"))
	assert.Empty(t, tb.apiErrors())
}

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"math"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

// frame returns the number of frames the configurator's canvas rendered.
func frame(t testing.TB, tb *tab) int {
	return eval[int](t, tb, `Number(document.getElementById('config-canvas')?.dataset.frame || 0)`)
}

// openConfigurator opens path and waits until the 3D preview has drawn
// and the server has confirmed the price.
func (tb *tab) openConfigurator(t testing.TB, path string) {
	t.Helper()
	tb.open(t, path)
	tb.waitFor(t, `Number(document.getElementById('config-canvas')?.dataset.frame || 0) >= 1`)
	tb.waitFor(t, `document.getElementById('price-state').innerText === 'Price confirmed'`)
}

// click clicks the element matched by the CSS selector in the page.
func (tb *tab) click(t testing.TB, selector string) {
	t.Helper()
	require.True(t, eval[bool](t, tb, fmt.Sprintf(`(function(){ const e = document.querySelector(%q); if (!e) return false; e.click(); return true; })()`, selector)),
		"no element %s", selector)
}

// canvasShot takes a screenshot of the configurator's canvas.
func canvasShot(t *testing.T, tb *tab) image.Image {
	t.Helper()
	return shot(t, tb, "#config-canvas")
}

// colours returns how many distinct colours img has (at 5 bits a channel)
// and the share of its pixels that differ from its top-left corner (the
// background).
func colours(img image.Image) (distinct int, notBackground float64) {
	b := img.Bounds()
	seen := map[uint32]bool{}
	br, bg, bb, _ := img.At(b.Min.X, b.Min.Y).RGBA()
	other := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[(r>>11)<<10|(g>>11)<<5|bl>>11] = true
			if absDiff(r, br)+absDiff(g, bg)+absDiff(bl, bb) > 3*0x0800 {
				other++
			}
		}
	}
	return len(seen), float64(other) / float64(b.Dx()*b.Dy())
}

// changed returns the share of pixels that differ between two shots.
func changed(a, b image.Image) float64 {
	ab := a.Bounds()
	if ab != b.Bounds() {
		return 1
	}
	n := 0
	for y := ab.Min.Y; y < ab.Max.Y; y++ {
		for x := ab.Min.X; x < ab.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 3*0x0800 {
				n++
			}
		}
	}
	return float64(n) / float64(ab.Dx()*ab.Dy())
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// assertDrawn asserts the canvas shows a shaded model, not a blank.
func assertDrawn(t *testing.T, img image.Image) {
	t.Helper()
	distinct, other := colours(img)
	assert.GreaterOrEqual(t, distinct, 40, "a lit model has many shades")
	assert.Greater(t, other, 0.08, "the model and its floor cover part of the canvas")
}

func TestBrowserConfiguratorChangesPriceAndCanvas(t *testing.T) {
	tb := newTab(t)
	tb.openConfigurator(t, "/configure/standing-desk")
	assert.Equal(t, "€599.00", eval[string](t, tb, `document.getElementById('config-total').innerText`))
	tb.waitFor(t, `document.getElementById('dim-width').value === '140'`)
	before := canvasShot(t, tb)
	assertDrawn(t, before)

	f := frame(t, tb)
	tb.click(t, "#opt-top-walnut-veneer")
	tb.waitFor(t, `document.getElementById('config-total').innerText === '€689.00'`)
	tb.waitFor(t, fmt.Sprintf(`Number(document.getElementById('config-canvas').dataset.frame) > %d`, f))
	walnut := canvasShot(t, tb)
	assertDrawn(t, walnut)
	assert.Greater(t, changed(before, walnut), 0.02, "the top turned dark")
	assert.Contains(t, eval[string](t, tb, `document.getElementById('config-delivery').innerText`), "21 working days", "walnut ships later")

	f = frame(t, tb)
	for range 4 {
		tb.click(t, "#dim-width-more")
	}
	tb.waitFor(t, `document.getElementById('dim-width-value').innerText === '180 cm'`)
	tb.waitFor(t, `document.getElementById('config-total').innerText === '€769.00'`)
	tb.waitFor(t, `document.getElementById('dim-width').value === '180'`)
	tb.waitFor(t, fmt.Sprintf(`Number(document.getElementById('config-canvas').dataset.frame) > %d`, f))
	wide := canvasShot(t, tb)
	assert.Greater(t, changed(walnut, wide), 0.01, "a 180 cm top is wider")
	tb.waitFor(t, `document.getElementById('price-state').innerText === 'Price confirmed'`)
	parts := eval[string](t, tb, `document.getElementById('config-summary').innerText`)
	assert.Contains(t, parts, "VT-HO-001-TP-W-180")
	assert.Contains(t, parts, "VT-HO-001-TP-WAL")
	assert.Empty(t, tb.errors())
}

func TestBrowserConfiguratorExplainsRules(t *testing.T) {
	tb := newTab(t)
	tb.openConfigurator(t, "/configure/standing-desk")
	tb.click(t, "#dim-width-less")
	tb.click(t, "#dim-width-less")
	tb.waitFor(t, `document.getElementById('dim-width-value').innerText === '120 cm'`)
	tb.waitFor(t, `document.getElementById('opt-drawer-drawer-unit').disabled`)
	reason := eval[string](t, tb, `document.getElementById('opt-drawer-drawer-unit-reason').innerText`)
	assert.Equal(t, "The drawer unit needs a top width of at least 140 cm.", reason)
	assert.True(t, eval[bool](t, tb, `document.getElementById('opt-drawer-drawer-unit-reason').getBoundingClientRect().height > 0`), "the reason is visible")
	assert.Equal(t, "opt-drawer-drawer-unit-reason", eval[string](t, tb, `document.getElementById('opt-drawer-drawer-unit').getAttribute('aria-describedby')`))

	tb.click(t, "#opt-monitor-arm-monitor-arm")
	tb.waitFor(t, `document.getElementById('config-notices').innerText.includes('cable tray')`)
	assert.Equal(t, "The monitor arm needs the cable tray, so we added it.", eval[string](t, tb, `document.getElementById('config-notices').innerText.trim()`))
	assert.True(t, eval[bool](t, tb, `document.getElementById('opt-cable-tray-cable-tray').checked`))
	assert.Equal(t, "status", eval[string](t, tb, `document.getElementById('config-notices').getAttribute('role')`))

	tb.click(t, "#reset")
	tb.waitFor(t, `document.getElementById('config-total').innerText === '€599.00'`)
	assert.True(t, eval[bool](t, tb, `document.getElementById('opt-monitor-arm-none').checked`))
	assert.Contains(t, eval[string](t, tb, `document.getElementById('config-status').innerText`), "standard configuration")
	assert.Empty(t, tb.errors())
}

func TestBrowserConfiguratorSpeaksSpanish(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/configure/standing-desk?hl=es")
	eval[bool](t, tb, `(localStorage.setItem('locale', JSON.stringify({value: "es"})), true)`)
	tb.open(t, "/configure/standing-desk")
	tb.waitFor(t, `document.getElementById('site-nav').innerText.includes('Exposición')`)
	tb.click(t, "#dim-width-less")
	tb.click(t, "#dim-width-less")
	tb.waitFor(t, `document.getElementById('dim-width-value').innerText === '120 cm'`)
	tb.waitFor(t, `!!document.getElementById('opt-drawer-drawer-unit-reason')`)
	assert.Equal(t, "«cajonera» necesita al menos 140 cm de ancho del tablero.",
		eval[string](t, tb, `document.getElementById('opt-drawer-drawer-unit-reason').innerText`))
	assert.Contains(t, eval[string](t, tb, `document.getElementById('config-total').innerText`), "559,00")
	assert.Empty(t, tb.errors())
}

func TestBrowserConfiguratorShareLinkReopens(t *testing.T) {
	tb := newTab(t)
	// Headless Chromium allows the clipboard to a focused page that has the
	// permission, as a browser does after the customer's click.
	for _, name := range []string{"clipboard-write", "clipboard-read"} {
		_, err := chromedp.CallBrowser(tb.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true}, Setting: "granted",
			Origin: baseURL, BrowserContextID: chromedp.FromContext(tb.ctx).BrowserContextID})
		require.NoError(t, err)
	}
	_, err := chromedp.Call(tb.ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	require.NoError(t, err)
	tb.openConfigurator(t, "/configure/city-bike")
	for _, sel := range []string{"#opt-colour-petrol", "#opt-lights-dynamo", "#opt-rack-front-rear", "#opt-frame-size-l"} {
		tb.click(t, sel)
	}
	tb.waitFor(t, `document.getElementById('config-total').innerText === '€987.00'`)
	tb.click(t, "#share")
	tb.waitFor(t, `!!document.getElementById('share-note')`)
	assert.Equal(t, "Link copied. Anyone who opens it sees exactly this configuration.", eval[string](t, tb, `document.getElementById('share-note').innerText`))
	link := eval[string](t, tb, `document.getElementById('share-link').value`)
	require.True(t, strings.HasPrefix(link, baseURL+"/configure/city-bike?c="), link)
	assert.Less(t, len(link)-len(baseURL), 160, "a short link")
	copied, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	require.NoError(t, err)
	assert.Equal(t, link, copied)

	other := newTab(t)
	other.openConfigurator(t, strings.TrimPrefix(link, baseURL))
	for _, id := range []string{"opt-colour-petrol", "opt-lights-dynamo", "opt-rack-front-rear", "opt-frame-size-l", "opt-wheels-28-inch", "opt-saddle-comfort"} {
		assert.True(t, eval[bool](t, other, fmt.Sprintf(`document.getElementById(%q).checked`, id)), id)
	}
	assert.Equal(t, "€987.00", eval[string](t, other, `document.getElementById('config-total').innerText`))
	assert.Empty(t, tb.errors())
	assert.Empty(t, other.errors())
}

func TestBrowserConfiguratorDamagedLinkOpensDefaults(t *testing.T) {
	tb := newTab(t)
	tb.openConfigurator(t, "/configure/modular-sofa?c=modules.99_colour.gold")
	assert.Contains(t, eval[string](t, tb, `document.querySelector('.notice[role=alert]').innerText`), "damaged or out of date")
	assert.Equal(t, "€1,049.00", eval[string](t, tb, `document.getElementById('config-total').innerText`))
	assert.Empty(t, tb.errors())
}

func TestBrowserConfiguratorFallsBackWithoutWebGL(t *testing.T) {
	tb := newTab(t)
	_, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `HTMLCanvasElement.prototype.getContext = function() { return null; };`})
	require.NoError(t, err)
	tb.open(t, "/configure/modular-sofa")
	tb.waitFor(t, `!!document.getElementById('config-fallback')`)
	assert.Contains(t, eval[string](t, tb, `document.getElementById('config-fallback').innerText`), "3D preview is not available")
	tb.click(t, "#qty-modules-more")
	tb.waitFor(t, `document.getElementById('config-total').innerText === '€1,339.00'`)
	assert.Contains(t, eval[string](t, tb, `document.getElementById('config-summary').innerText`), "VT-LR-001-SEAT")
	assert.Empty(t, tb.errors())
}

func TestBrowserConfiguratorFallsBackWhenTheContextIsLost(t *testing.T) {
	tb := newTab(t)
	tb.openConfigurator(t, "/configure/city-bike")
	eval[bool](t, tb, `(document.getElementById('config-canvas').getContext('webgl2').getExtension('WEBGL_lose_context').loseContext(), true)`)
	tb.waitFor(t, `!!document.getElementById('config-fallback')`)
	assert.Contains(t, eval[string](t, tb, `document.getElementById('config-fallback').innerText`), "3D preview is not available")
	tb.click(t, "#opt-lights-battery")
	tb.waitFor(t, `document.getElementById('config-total').innerText === '€784.00'`)
	assert.Empty(t, tb.errors(), "the page keeps working")
}

func TestBrowserProductAddToCart(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/products/oak-coffee-table")
	assert.Equal(t, "0", eval[string](t, tb, `document.querySelector('.cart-count').innerText`))
	tb.click(t, "#product-add")
	tb.waitFor(t, `document.getElementById('product-status').innerText.includes('Added to your cart')`)
	tb.waitFor(t, `document.querySelector('.cart-count').innerText === '1'`)
	tb.click(t, "#product-status a")
	tb.waitApp(t)
	tb.waitFor(t, `!!document.getElementById('cart-total')`)
	assert.Contains(t, eval[string](t, tb, `document.querySelector('.cart-lines').innerText`), "Round oak coffee table")
	// 349 EUR of furniture ships for 29 EUR.
	assert.Equal(t, "€29.00", eval[string](t, tb, `document.getElementById('cart-shipping').innerText`))
	assert.Equal(t, "€378.00", eval[string](t, tb, `document.getElementById('cart-total').innerText`))
	assert.Equal(t, "Includes 21% VAT: €65.60", eval[string](t, tb, `document.getElementById('cart-vat').innerText`))
	tb.click(t, `.cart-line button[aria-label^="Remove"]`)
	tb.waitFor(t, `!!document.getElementById('cart-empty')`)
	assert.Equal(t, "0", eval[string](t, tb, `document.querySelector('.cart-count').innerText`))
	assert.Empty(t, tb.errors())
}

var orderNumberRE = regexp.MustCompile(`VT-\d{4,}`)

func TestBrowserConfigureToOrder(t *testing.T) {
	tb := newTab(t)
	tb.openConfigurator(t, "/configure/modular-sofa")
	tb.click(t, "#qty-modules-more")
	tb.waitFor(t, `document.getElementById('qty-modules-value').innerText === '4'`)
	tb.click(t, "#opt-colour-emerald")
	tb.waitFor(t, `document.getElementById('config-notices').innerText.includes('velvet')`)
	total := eval[string](t, tb, `document.getElementById('config-total').innerText`)
	assert.Equal(t, "€1,459.00", total, "1049 + 290 for a module + 120 for velvet")
	tb.click(t, "#add-to-cart")
	tb.waitFor(t, `document.querySelector('.cart-count').innerText === '1'`)

	tb.open(t, "/cart")
	tb.waitFor(t, `!!document.getElementById('cart-total')`)
	lines := eval[string](t, tb, `document.querySelector('.cart-lines').innerText`)
	assert.Contains(t, lines, "Modular sofa")
	assert.Contains(t, lines, "Seat modules: 4")
	assert.Contains(t, lines, "Emerald")
	assert.True(t, eval[bool](t, tb, `[...document.querySelectorAll('.cart-line img, .cart-line .thumb')].length > 0`), "a thumbnail")
	assert.Equal(t, total, eval[string](t, tb, `document.getElementById('cart-total').innerText`), "free shipping over 500 EUR")
	edit := eval[string](t, tb, `document.querySelector('.cart-line a[aria-label^="Change"]').getAttribute('href')`)
	assert.Contains(t, edit, "/configure/modular-sofa?c=")
	assert.Contains(t, edit, "colour.emerald")

	// The cart survives a reload and is priced again by the server.
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Reload()))
	tb.waitApp(t)
	tb.waitFor(t, `!!document.getElementById('cart-total')`)
	assert.Equal(t, total, eval[string](t, tb, `document.getElementById('cart-total').innerText`))
	assert.Equal(t, "1", eval[string](t, tb, `document.querySelector('.cart-count').innerText`))

	tb.click(t, "#go-checkout")
	tb.waitFor(t, `!!document.getElementById('field-email')`)
	tb.click(t, "#checkout-next")
	tb.waitFor(t, `!!document.getElementById('field-email-error')`)
	assert.Equal(t, "Please enter your email address.", eval[string](t, tb, `document.getElementById('field-email-error').innerText`))
	assert.Equal(t, "true", eval[string](t, tb, `document.getElementById('field-email').getAttribute('aria-invalid')`))
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.ID("field-email"), "ana.lopez@example.com")))
	tb.click(t, "#checkout-next")
	tb.waitFor(t, `!!document.getElementById('field-name')`)

	require.NoError(t, chromedp.Do(tb.ctx,
		chromedp.SendKeys(chromedp.ID("field-name"), "Ana López"),
		chromedp.SendKeys(chromedp.ID("field-street"), "Calle de Alcalá 123"),
		chromedp.SendKeys(chromedp.ID("field-postcode"), "123"),
		chromedp.SendKeys(chromedp.ID("field-city"), "Madrid"),
	))
	eval[bool](t, tb, `(function(){ const s = document.getElementById('field-country'); s.value = 'ES'; return s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	tb.click(t, "#checkout-next")
	tb.waitFor(t, `!!document.getElementById('field-postcode-error')`)
	assert.Equal(t, "This postcode does not exist in the country you chose.", eval[string](t, tb, `document.getElementById('field-postcode-error').innerText`))
	eval[bool](t, tb, `(function(){ const e = document.getElementById('field-postcode'); e.value = ''; return e.dispatchEvent(new Event('input', {bubbles: true})); })()`)
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.ID("field-postcode"), "28009")))
	tb.click(t, "#checkout-next")
	tb.waitFor(t, `!!document.getElementById('place-order')`)

	tb.click(t, "#place-order")
	tb.waitFor(t, `!!document.getElementById('field-payment-error')`)
	assert.Equal(t, "Please choose how you want to pay.", eval[string](t, tb, `document.getElementById('field-payment-error').innerText`))
	tb.click(t, "#payment-bank_transfer")
	tb.waitFor(t, `!document.getElementById('field-payment-error') && !document.getElementById('place-order').disabled`)
	// A double click: both clicks reach the page.
	eval[bool](t, tb, `(function(){ const b = document.getElementById('place-order'); b.click(); b.click(); return true; })()`)
	tb.waitFor(t, `!!document.getElementById('order-confirmation')`)

	confirmation := eval[string](t, tb, `document.getElementById('order-confirmation').innerText`)
	number := orderNumberRE.FindString(eval[string](t, tb, `document.getElementById('order-number').innerText`))
	require.NotEmpty(t, number, confirmation)
	assert.Contains(t, confirmation, "ana.lopez@example.com")
	assert.Contains(t, confirmation, "(Vitrine demo)", "bank details for the transfer")
	track := eval[string](t, tb, `document.getElementById('track-link').getAttribute('href')`)
	assert.True(t, strings.HasPrefix(track, "/track/"+number+"?t="), "a signed link to the order's page: %s", track)
	tb.waitFor(t, `document.querySelector('.cart-count').innerText === '0'`)
	assert.Equal(t, "[]", eval[string](t, tb, `JSON.parse(localStorage.getItem('cart')).value === undefined ? '[]' : JSON.stringify(JSON.parse(localStorage.getItem('cart')).value)`), "the cart is empty")

	// The order is in the database with the configuration's snapshot.
	ctx := context.Background()
	o, err := orderStore.Order(ctx, number)
	require.NoError(t, err)
	assert.Equal(t, "ana.lopez@example.com", o.Email)
	assert.Equal(t, "bank_transfer", o.Totals.PaymentMethod)
	assert.Equal(t, int64(145900), o.Totals.Total.Amount)
	require.Len(t, o.Lines, 1)
	require.True(t, o.Lines[0].Configured)
	var snap catalog.ConfigSnapshot
	require.NoError(t, json.Unmarshal([]byte(o.Lines[0].Configuration), &snap))
	assert.Equal(t, 4, snap.Quantities[0].Count)
	assert.Equal(t, int64(145900), snap.Total.Amount)
	chosen := map[string]string{}
	for _, op := range snap.Options {
		chosen[op.Choice] = op.Option
	}
	assert.Equal(t, "emerald", chosen["colour"])
	assert.Equal(t, "velvet", chosen["fabric"])
	mails, err := orderStore.Outbox(ctx, number)
	require.NoError(t, err)
	require.Len(t, mails, 1, "one confirmation email")
	assert.Contains(t, mails[0].Body, "/track/"+number+"?t=")

	// The double click placed one order.
	var n int
	fmt.Sscanf(strings.TrimPrefix(number, "VT-"), "%d", &n)
	_, err = orderStore.Order(ctx, fmt.Sprintf("VT-%d", n+1))
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err), "pressing twice placed one order")

	// The link opens the order's tracking page.
	tb.click(t, "#track-link")
	tb.waitApp(t)
	tb.waitFor(t, fmt.Sprintf(`document.getElementById('main').innerText.includes(%q) && document.getElementById('main').innerText.includes('Modular sofa')`, number))
	assert.Empty(t, tb.errors())
}

func TestBrowserConfiguratorOnAPhone(t *testing.T) {
	tb := newTab(t)
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)))
	tb.openConfigurator(t, "/configure/modular-sofa")
	assert.LessOrEqual(t, eval[float64](t, tb, `document.documentElement.scrollWidth`), 360.0, "no sideways scrolling")
	assertDrawn(t, canvasShot(t, tb))
	small := eval[float64](t, tb, `Math.min(...[...document.querySelectorAll('.configurator button, .configurator .option, .configurator input[type=range]')]
		.filter(e => e.getBoundingClientRect().width > 0).map(e => Math.min(e.getBoundingClientRect().height, e.getBoundingClientRect().width)))`)
	assert.GreaterOrEqual(t, small, 44.0, "every control is big enough to tap")
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Tap(chromedp.ID("qty-modules-more"))))
	tb.waitFor(t, `document.getElementById('config-total').innerText === '€1,339.00'`)
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Tap(chromedp.CSS(`label[for="opt-chaise-left"]`))))
	tb.waitFor(t, `document.getElementById('config-total').innerText === '€1,729.00'`)
	assert.LessOrEqual(t, eval[float64](t, tb, `document.documentElement.scrollWidth`), 360.0, "still no sideways scrolling")

	tb.click(t, "#add-to-cart")
	tb.open(t, "/cart")
	tb.waitFor(t, `!!document.getElementById('cart-total')`)
	assert.LessOrEqual(t, eval[float64](t, tb, `document.documentElement.scrollWidth`), 360.0, "the cart fits")
	tb.open(t, "/checkout")
	tb.waitFor(t, `!!document.getElementById('field-email')`)
	assert.LessOrEqual(t, eval[float64](t, tb, `document.documentElement.scrollWidth`), 360.0, "checkout fits")
	assert.Empty(t, tb.errors())
}

// BenchmarkConfiguratorOptionToFrame measures, in headless Chromium
// (SwiftShader), the time from a click on an option to the next frame the
// 3D preview renders, over 60 changes alternating between the desk's frame
// colours and top materials. Run it with
//
//	go test -run '^$' -bench Configurator ./app/e2e/
//
// It reports the median and the 95th percentile in milliseconds, and the Go
// time the frames took.
func BenchmarkConfiguratorOptionToFrame(b *testing.B) {
	tb := newTab(b)
	tb.openConfigurator(b, "/configure/standing-desk")
	options := []string{"#opt-frame-colour-white", "#opt-top-walnut-veneer", "#opt-frame-colour-grey", "#opt-top-white-laminate",
		"#opt-frame-colour-black", "#opt-top-oak-veneer"}
	const changes = 60
	var ms, goMS []float64
	for i := range changes {
		// Measured in the page: from the click to the canvas's frame
		// counter moving, which the viewer sets right after rendering.
		js := fmt.Sprintf(`new Promise(resolve => {
			const c = document.getElementById('config-canvas');
			const before = c.dataset.frame;
			const obs = new MutationObserver(() => {
				if (c.dataset.frame !== before) {
					obs.disconnect();
					resolve([performance.now() - start, Number(c.dataset.goUs) / 1000]);
				}
			});
			obs.observe(c, {attributes: true, attributeFilter: ['data-frame']});
			const start = performance.now();
			document.querySelector(%q).click();
		})`, options[i%len(options)])
		r, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]float64](js, chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatal(err)
		}
		ms, goMS = append(ms, r[0]), append(goMS, r[1])
		// Let the server's price confirmation land between changes, as it
		// does for a person.
		time.Sleep(250 * time.Millisecond)
	}
	b.ReportMetric(percentile(ms, 50), "median-ms")
	b.ReportMetric(percentile(ms, 95), "p95-ms")
	b.ReportMetric(percentile(goMS, 50), "frame-go-ms")
	b.ReportMetric(float64(changes), "changes")
	if errs := tb.errors(); len(errs) > 0 {
		b.Fatalf("console errors: %v", errs)
	}
}

// percentile returns the p-th percentile of xs (nearest rank).
func percentile(xs []float64, p float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

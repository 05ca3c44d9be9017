//go:build !(js && wasm)

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBrowserEveryRouteLoadsWithItsTitle(t *testing.T) {
	tb := newTab(t)
	for _, tc := range []struct{ path, title string }{
		{"/", "Furniture, bikes and tech you can walk around before you buy"},
		{"/showroom", "3D showroom"},
		{"/products/oak-coffee-table", "Round oak coffee table"},
		{"/categories/cycling", "Cycling"},
		{"/configure", "Configure"},
		{"/configure/standing-desk", "Configure: "},
		{"/cart", "Your cart"},
		{"/checkout", "Checkout"},
		{"/track", "Track your order"},
		{"/returns", "Returns and exchanges"},
		{"/help", "Help center"},
		{"/contact", "Contact us"},
		{"/no/such/page", "Page not found"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			tb.open(t, tc.path)
			h1 := eval[string](t, tb, `document.querySelector('h1.page-title').innerText`)
			assert.Contains(t, h1, tc.title)
			nav := eval[string](t, tb, `document.getElementById('site-nav').innerText`)
			for _, label := range []string{"Showroom", "Configure", "Track order", "Returns", "Help"} {
				assert.Contains(t, nav, label)
			}
			assert.Contains(t, eval[string](t, tb, `document.querySelector('footer').innerText`), "+34 910 000 000")
			assert.Empty(t, tb.errors(baseURL+tc.path), "console errors on %s", tc.path)
		})
	}
}

func TestBrowserLanguageSwitchSurvivesReload(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/products/oak-coffee-table")
	require.Contains(t, eval[string](t, tb, `document.getElementById('site-nav').innerText`), "Showroom")

	tb.switchLanguage(t, "es")
	tb.waitFor(t, `document.getElementById('site-nav').innerText.includes('Exposición')`)
	assert.Contains(t, eval[string](t, tb, `document.querySelector('h1.page-title').innerText`), "Mesa de centro redonda de roble")
	assert.Contains(t, eval[string](t, tb, `document.getElementById('product-price').innerText`), "349,00")
	assert.Equal(t, "es", eval[string](t, tb, `document.documentElement.lang`))

	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Reload()))
	tb.waitApp(t)
	assert.Contains(t, eval[string](t, tb, `document.getElementById('site-nav').innerText`), "Devoluciones")
	assert.Contains(t, eval[string](t, tb, `document.querySelector('h1.page-title').innerText`), "Mesa de centro redonda de roble")
	assert.Equal(t, "es", eval[string](t, tb, `document.documentElement.lang`))
	assert.Equal(t, "es", eval[string](t, tb, `document.getElementById('lang-select').value`))
	assert.Empty(t, tb.errors())
}

func TestBrowserPhoneMenuOpensNavigation(t *testing.T) {
	tb := newTab(t)
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile)))
	tb.open(t, "/")
	visible := `(function(){ const r = document.getElementById('site-nav').getBoundingClientRect(); return r.width > 0 && r.height > 0; })()`
	assert.False(t, eval[bool](t, tb, visible), "navigation is collapsed at 360 px")
	assert.True(t, eval[bool](t, tb, `document.querySelector('.menu-toggle').getBoundingClientRect().width > 0`), "menu button shows")
	assert.LessOrEqual(t, eval[float64](t, tb, `document.documentElement.scrollWidth`), 360.0, "no sideways scrolling")

	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Tap(chromedp.CSS(".menu-toggle"))))
	tb.waitFor(t, visible)
	assert.Equal(t, "true", eval[string](t, tb, `document.querySelector('.menu-toggle').getAttribute('aria-expanded')`))
	links := eval[string](t, tb, `document.getElementById('site-nav').innerText`)
	assert.Contains(t, links, "Track order")
	assert.Contains(t, links, "Help")
	// Every link of the open menu is big enough to tap.
	assert.GreaterOrEqual(t, eval[float64](t, tb, `Math.min(...[...document.querySelectorAll('#site-nav a')].map(a => a.getBoundingClientRect().height))`), 44.0)
	assert.Empty(t, tb.errors())
}

func TestBrowserProductPageShowsPriceAndSpecifications(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/products/city-bike")
	assert.Equal(t, "€749.00", eval[string](t, tb, `document.getElementById('product-price').innerText`))
	specs := eval[string](t, tb, `document.querySelector('.spec-table').innerText`)
	assert.Contains(t, specs, "Frame")
	assert.Contains(t, specs, "Wheels")
	assert.GreaterOrEqual(t, eval[int](t, tb, `document.querySelectorAll('.spec-table tr').length`), 4)
	assert.Contains(t, eval[string](t, tb, `document.querySelector('.product-info .actions').innerText`), "Configure")
	assert.Empty(t, tb.errors())
}

func TestBrowserCategoryFilterAsYouType(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/categories/living-room")
	require.GreaterOrEqual(t, eval[int](t, tb, `document.querySelectorAll('.product-card').length`), 4)
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS("#product-filter"), "lamp")))
	tb.waitFor(t, `document.querySelectorAll('.product-card').length === 1`)
	assert.Contains(t, eval[string](t, tb, `document.querySelector('.product-card').innerText`), "lamp")
	assert.Empty(t, tb.errors())
}

//go:build !(js && wasm)

package e2e

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/server/demo"
)

// standNames are the demo stands' English names, in hall order.
func standNames() []string {
	var out []string
	for _, c := range demo.Categories() {
		out = append(out, c.Name["en"])
	}
	return out
}

// shot takes a screenshot of the element matched by selector.
func shot(t *testing.T, tb *tab, selector string) image.Image {
	t.Helper()
	buf, err := chromedp.Run(tb.ctx, chromedp.Screenshot(chromedp.CSS(selector)))
	require.NoError(t, err)
	img, err := png.Decode(bytes.NewReader(buf))
	require.NoError(t, err)
	return img
}

// openHall opens path in the 3D hall and waits until every stand has
// arrived and the camera has come to rest.
func (tb *tab) openHall(t testing.TB, path string) {
	t.Helper()
	tb.open(t, path)
	tb.waitFor(t, `!!document.getElementById('hall-canvas') && document.getElementById('hall-progress') === null &&
		Number(document.getElementById('hall-canvas').dataset.frame || 0) >= 1`)
	tb.waitStill(t, "#hall-canvas")
}

// waitStill waits until the canvas has drawn no frame for a while: the
// camera is at rest (the hall renders on demand only).
func (tb *tab) waitStill(t testing.TB, selector string) {
	t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`new Promise(resolve => {
		const c = document.querySelector(%q);
		let last = c.dataset.frame, still = 0;
		const tick = setInterval(() => {
			if (c.dataset.frame === last) { still++; } else { still = 0; last = c.dataset.frame; }
			if (still >= 4) { clearInterval(tick); resolve(true); }
		}, 150);
	})`, selector), chromedp.EvalAwaitPromise))
	require.NoError(t, err)
}

// focusCanvas gives the hall's canvas the keyboard focus.
func (tb *tab) focusCanvas(t testing.TB, id string) {
	t.Helper()
	eval[bool](t, tb, fmt.Sprintf(`(document.getElementById(%q).focus(), document.activeElement.id === %q)`, id, id))
}

// key presses and releases one key on the focused element.
func (tb *tab) key(t *testing.T, key string, modifiers ...chromedp.Modifier) {
	t.Helper()
	var opts []chromedp.KeyOption
	if len(modifiers) > 0 {
		opts = append(opts, chromedp.KeyModifiers(modifiers...))
	}
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.KeyEvent(key, opts...)))
}

// hold holds a key down on the focused element for d.
func (tb *tab) hold(t *testing.T, key string, code string, d time.Duration) {
	t.Helper()
	_, err := chromedp.Call(tb.ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeRawKeyDown, Key: key, Code: code})
	require.NoError(t, err)
	time.Sleep(d)
	_, err = chromedp.Call(tb.ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: key, Code: code})
	require.NoError(t, err)
}

// drag drags the mouse across the element matched by selector, from its
// centre by dx, dy pixels, in steps.
func (tb *tab) drag(t *testing.T, selector string, dx, dy float64) {
	t.Helper()
	r := eval[[]float64](t, tb, fmt.Sprintf(`(r => [r.left + r.width/2, r.top + r.height/2])(document.querySelector(%q).getBoundingClientRect())`, selector))
	x, y := r[0], r[1]
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1))))
	for i := 1; i <= 10; i++ {
		require.NoError(t, chromedp.Do(tb.ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+dx*float64(i)/10, y+dy*float64(i)/10, chromedp.ButtonLeft)))
	}
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x+dx, y+dy, chromedp.ButtonLeft, chromedp.ClickCount(1))))
}

func (tb *tab) path(t *testing.T) string { return eval[string](t, tb, `location.pathname`) }

func TestBrowserShowroomHallRendersAndMoves(t *testing.T) {
	tb := newTab(t)
	tb.openHall(t, "/showroom")
	start := shot(t, tb, "#hall-canvas")
	distinct, other := colours(start)
	assert.GreaterOrEqual(t, distinct, 60, "a lit hall of stands has many shades")
	assert.Greater(t, other, 0.3, "floor, walls and stands fill the view")
	draws := eval[int](t, tb, `Number(document.getElementById('hall-canvas').dataset.draws)`)
	assert.Greater(t, draws, 3)
	assert.LessOrEqual(t, draws, 60, "the whole hall in few draw calls")
	assert.Equal(t, "3D showroom hall. Arrow keys or W A S D walk and turn, Tab moves between stands and products, Enter looks closer.",
		eval[string](t, tb, `document.getElementById('hall-canvas').getAttribute('aria-label')`))
	assert.Contains(t, text(t, tb, "#hall-said"), "In view:", "the view is described for screen readers")

	t.Run("a held key walks", func(t *testing.T) {
		tb.focusCanvas(t, "hall-canvas")
		before := shot(t, tb, "#hall-canvas")
		tb.hold(t, "ArrowUp", "ArrowUp", 700*time.Millisecond)
		tb.waitStill(t, "#hall-canvas")
		assert.Greater(t, changed(before, shot(t, tb, "#hall-canvas")), 0.05, "walking forward changes the view")
	})
	t.Run("a drag looks around", func(t *testing.T) {
		before := shot(t, tb, "#hall-canvas")
		tb.drag(t, "#hall-canvas", 220, 0)
		tb.waitStill(t, "#hall-canvas")
		assert.Greater(t, changed(before, shot(t, tb, "#hall-canvas")), 0.05, "dragging turns the view")
	})
	t.Run("idle, it draws nothing", func(t *testing.T) {
		f := eval[int](t, tb, `Number(document.getElementById('hall-canvas').dataset.frame)`)
		time.Sleep(time.Second)
		assert.Equal(t, f, eval[int](t, tb, `Number(document.getElementById('hall-canvas').dataset.frame)`))
	})
	assert.Empty(t, tb.errors())
}

func TestBrowserShowroomDirectoryFliesAndTheURLFollows(t *testing.T) {
	tb := newTab(t)
	tb.openHall(t, "/showroom")
	before := shot(t, tb, "#hall-canvas")
	tb.click(t, `#hall-directory a[href="/showroom/cycling/city-bike"]`)
	tb.waitFor(t, `location.pathname === '/showroom/cycling/city-bike' && !!document.getElementById('hall-panel-title')`)
	tb.waitStill(t, "#hall-canvas")
	assert.Equal(t, "City bike", text(t, tb, "#hall-panel-title"))
	assert.Greater(t, changed(before, shot(t, tb, "#hall-canvas")), 0.2, "the camera flew to the bike")
	assert.Contains(t, text(t, tb, "#hall-said"), "City bike", "the bike is in view, and said so")
	assert.Contains(t, text(t, tb, "#hall-panel"), "€749.00")
	assert.Equal(t, "page", eval[string](t, tb, `document.querySelector('#hall-directory a[href="/showroom/cycling/city-bike"]').getAttribute('aria-current')`))

	t.Run("another entry flies on", func(t *testing.T) {
		tb.click(t, `#hall-directory a[href="/showroom/living-room"]`)
		tb.waitFor(t, `location.pathname === '/showroom/living-room' && !document.getElementById('hall-panel')`)
		tb.waitStill(t, "#hall-canvas")
		assert.Contains(t, text(t, tb, "#hall-said"), "Living room")
	})
	t.Run("back returns to the previous view", func(t *testing.T) {
		require.NoError(t, chromedp.Do(tb.ctx, chromedp.NavigateBack()))
		tb.waitFor(t, `location.pathname === '/showroom/cycling/city-bike' && !!document.getElementById('hall-panel-title')`)
		tb.waitStill(t, "#hall-canvas")
		assert.Contains(t, text(t, tb, "#hall-said"), "City bike")
	})
	t.Run("the filter narrows the directory as one types", func(t *testing.T) {
		typeInto(t, tb, "#hall-filter", "helm")
		tb.waitFor(t, `document.querySelectorAll('#hall-directory .hall-product-link').length === 1`)
		assert.Equal(t, "Urban cycling helmet", text(t, tb, "#hall-directory .hall-product-link"))
		clearField(t, tb, "#hall-filter")
		typeInto(t, tb, "#hall-filter", "zzz")
		tb.waitFor(t, `document.querySelectorAll('#hall-directory .hall-product-link').length === 0`)
		assert.Contains(t, text(t, tb, "#hall-directory"), "Nothing matches")
	})
	assert.Empty(t, tb.errors())
}

func TestBrowserShowroomSharedLinkOpensTheSameView(t *testing.T) {
	tb := newTab(t)
	tb.openHall(t, "/showroom/home-office/ergonomic-chair")
	assert.Equal(t, "Ergonomic mesh chair", text(t, tb, "#hall-panel-title"))
	said := text(t, tb, "#hall-said")
	assert.True(t, strings.HasPrefix(said, "You are at the Home office stand. In view: Ergonomic mesh chair"), said)
	assert.Contains(t, eval[string](t, tb, `document.title`), "Ergonomic mesh chair")
	assert.Empty(t, tb.errors())
}

func TestBrowserShowroomKeyboardTabEnterEscape(t *testing.T) {
	tb := newTab(t)
	tb.openHall(t, "/showroom")
	tb.focusCanvas(t, "hall-canvas")
	tb.key(t, "\t")
	tb.waitFor(t, `document.getElementById('hall-said').innerText.startsWith('Living room stand.')`)
	assert.Equal(t, "hall-canvas", eval[string](t, tb, `document.activeElement.id`), "Tab moves through the hall, not out of it")
	tb.key(t, "\t")
	tb.waitFor(t, `document.getElementById('hall-said').innerText.startsWith('Modular sofa, €')`)
	tb.waitStill(t, "#hall-canvas")
	tb.key(t, "\r")
	tb.waitFor(t, `location.pathname === '/showroom/living-room/modular-sofa' && !!document.getElementById('hall-panel-title')`)
	assert.Equal(t, "Modular sofa", text(t, tb, "#hall-panel-title"))
	assert.Contains(t, text(t, tb, "#hall-panel .actions"), "Configure", "a configurable product offers its configurator")
	tb.focusCanvas(t, "hall-canvas")
	tb.key(t, kb.Escape)
	tb.waitFor(t, `location.pathname === '/showroom/living-room' && !document.getElementById('hall-panel')`)

	t.Run("Shift+Tab from the first stand leaves the hall", func(t *testing.T) {
		tb.openHall(t, "/showroom")
		tb.focusCanvas(t, "hall-canvas")
		tb.key(t, "\t")
		tb.waitFor(t, `document.getElementById('hall-said').innerText.startsWith('Living room stand.')`)
		tb.key(t, "\t", chromedp.ModifierShift)
		assert.NotEqual(t, "hall-canvas", eval[string](t, tb, `document.activeElement.id`), "the keyboard is never trapped")
	})
	assert.Empty(t, tb.errors())
}

func TestBrowserShowroomTapAProductOnAPhone(t *testing.T) {
	tb := newTab(t)
	phone(t, tb)
	tb.openHall(t, "/showroom")
	assert.LessOrEqual(t, eval[float64](t, tb, `document.documentElement.scrollWidth`), 360.0, "no sideways scrolling")
	assertDrawn(t, shot(t, tb, "#hall-canvas"))
	// Bring a product to the middle of the view, then tap it there.
	tb.focusCanvas(t, "hall-canvas")
	for range 3 { // the living room, its sofa, its coffee table
		tb.key(t, "\t")
	}
	tb.waitFor(t, `document.getElementById('hall-said').innerText.startsWith('Round oak coffee table, €')`)
	tb.waitStill(t, "#hall-canvas")
	tap(t, tb, "#hall-canvas")
	tb.waitFor(t, `!!document.getElementById('hall-panel-title')`)
	assert.Equal(t, "Round oak coffee table", text(t, tb, "#hall-panel-title"))
	assert.Equal(t, "/showroom/living-room/oak-coffee-table", tb.path(t))
	assert.LessOrEqual(t, eval[float64](t, tb, `document.documentElement.scrollWidth`), 360.0, "the panel fits")

	t.Run("the panel closes with a tap", func(t *testing.T) {
		tap(t, tb, "#hall-panel .hall-panel-close")
		tb.waitFor(t, `location.pathname === '/showroom/living-room' && !document.getElementById('hall-panel')`)
	})
	t.Run("the directory is a drawer", func(t *testing.T) {
		assert.False(t, eval[bool](t, tb, `(r => r.right > 0)(document.getElementById('hall-directory').getBoundingClientRect())`), "closed, it is off screen")
		tap(t, tb, "#hall-directory-toggle")
		tb.waitFor(t, `document.getElementById('hall-directory').classList.contains('open')`)
		time.Sleep(400 * time.Millisecond) // its slide
		assert.True(t, eval[bool](t, tb, `(r => r.left >= 0 && r.right <= 360)(document.getElementById('hall-directory').getBoundingClientRect())`))
		tap(t, tb, `#hall-directory a[href="/showroom/cycling"]`)
		tb.waitFor(t, `location.pathname === '/showroom/cycling' && !document.getElementById('hall-directory').classList.contains('open')`)
	})
	assert.Empty(t, tb.errors())
}

func TestBrowserShowroomComesBackAfterLeaving(t *testing.T) {
	tb := newTab(t)
	tb.openHall(t, "/showroom")
	tb.click(t, `#site-nav a[href="/help"]`)
	tb.waitFor(t, `location.pathname === '/help' && !document.getElementById('hall-canvas')`)
	tb.click(t, `#site-nav a[href="/showroom"]`)
	tb.waitFor(t, `location.pathname === '/showroom' && !!document.getElementById('hall-canvas') && document.getElementById('hall-progress') === null &&
		Number(document.getElementById('hall-canvas').dataset.frame || 0) >= 1`)
	tb.waitStill(t, "#hall-canvas")
	assertDrawn(t, shot(t, tb, "#hall-canvas"))
	assert.Empty(t, tb.errors())
}

func TestBrowserShowroomWithoutWebGLListsEveryStand(t *testing.T) {
	tb := newTab(t)
	_, err := chromedp.Call(tb.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `HTMLCanvasElement.prototype.getContext = function() { return null; };`})
	require.NoError(t, err)
	tb.open(t, "/showroom")
	tb.waitFor(t, `!!document.getElementById('hall-list')`)
	assert.Contains(t, text(t, tb, "#hall-notice"), "not available on this device")
	list := text(t, tb, "#hall-list")
	for _, name := range standNames() {
		assert.Contains(t, list, name)
	}
	assert.Equal(t, 24, eval[int](t, tb, `document.querySelectorAll('#hall-list a[href^="/showroom/"] img').length`), "every product, with its picture")
	assert.Zero(t, eval[int](t, tb, `document.querySelectorAll('#hall-3d-view, #hall-canvas').length`), "no 3D to offer")
	tb.click(t, `#hall-list a[href="/showroom/bedroom-storage/oak-wardrobe"]`)
	tb.waitFor(t, `!!document.getElementById('hall-panel-title')`)
	assert.Equal(t, "Two-door oak wardrobe", text(t, tb, "#hall-panel-title"))
	tb.waitFor(t, `!!document.querySelector('#hall-panel .inspector-fallback img')`) // its picture stands in for the 3D
	assert.Empty(t, tb.errors())
}

func TestBrowserShowroomFallsBackWhenTheContextIsLost(t *testing.T) {
	tb := newTab(t)
	tb.openHall(t, "/showroom/outdoor")
	eval[bool](t, tb, `(document.getElementById('hall-canvas').getContext('webgl2').getExtension('WEBGL_lose_context').loseContext(), true)`)
	tb.waitFor(t, `!!document.getElementById('hall-list') && !document.getElementById('hall-canvas')`)
	assert.Contains(t, text(t, tb, "#hall-notice"), "stopped working")
	assert.Contains(t, text(t, tb, "#hall-list"), "Outdoor")
	tb.click(t, `#hall-directory a[href="/showroom/outdoor/garden-bench"]`)
	tb.waitFor(t, `!!document.getElementById('hall-panel-title')`)
	assert.Contains(t, text(t, tb, "#hall-panel-title"), "bench", "the page keeps working")
	assert.Empty(t, tb.errors())
}

func TestBrowserShowroomListViewIsRemembered(t *testing.T) {
	tb := newTab(t)
	tb.openHall(t, "/showroom")
	tb.click(t, "#hall-list-view")
	tb.waitFor(t, `!!document.getElementById('hall-list') && !document.getElementById('hall-canvas')`)
	tb.open(t, "/showroom")
	tb.waitFor(t, `!!document.getElementById('hall-list')`)
	assert.Zero(t, eval[int](t, tb, `document.querySelectorAll('#hall-canvas').length`), "still the list after a reload")
	tb.click(t, "#hall-3d-view")
	tb.waitFor(t, `!!document.getElementById('hall-canvas') && Number(document.getElementById('hall-canvas').dataset.frame || 0) >= 1`)
	assert.Empty(t, tb.errors())
}

func TestBrowserShowroomReducedMotionOpensTheList(t *testing.T) {
	tb := newTab(t)
	_, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
	require.NoError(t, err)
	tb.open(t, "/showroom")
	tb.waitFor(t, `!!document.getElementById('hall-list')`)
	assert.Contains(t, text(t, tb, "#hall-notice"), "reduced motion")
	tb.click(t, "#hall-3d-view")
	tb.waitFor(t, `!!document.getElementById('hall-canvas') && Number(document.getElementById('hall-canvas').dataset.frame || 0) >= 1`)
	assert.Empty(t, tb.errors())
}

func TestBrowserShowroomSpeaksSpanish(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/")
	tb.switchLanguage(t, "es")
	tb.waitFor(t, `document.documentElement.lang === 'es'`)
	tb.openHall(t, "/showroom/cycling")
	assert.Contains(t, text(t, tb, "#hall-said"), "Estás en el expositor")
	assert.Equal(t, "Directorio", text(t, tb, "#hall-directory-toggle"))
	assert.Empty(t, tb.errors())
}

func TestBrowserProductPageInspectsIn3D(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/products/standing-desk")
	tb.waitFor(t, `document.getElementById('product-canvas')?.dataset.loaded === 'true'`)
	tb.waitStill(t, "#product-canvas")
	first := shot(t, tb, "#product-canvas")
	assertDrawn(t, first)
	n := eval[int](t, tb, `document.querySelectorAll('#inspector .hotspot').length`)
	assert.GreaterOrEqual(t, n, 2, "2–4 hotspots")
	assert.LessOrEqual(t, n, 4)
	assert.Positive(t, eval[int](t, tb, `[...document.querySelectorAll('#inspector .hotspot')].filter(b => b.dataset.state !== 'off').length`),
		"the markers sit on the model")

	t.Run("hotspots are reached with Tab and explain a feature", func(t *testing.T) {
		tb.focusCanvas(t, "product-canvas")
		tb.key(t, "\t")
		assert.Equal(t, "hotspot-1", eval[string](t, tb, `document.activeElement.id`))
		label := eval[string](t, tb, `document.activeElement.getAttribute('aria-label')`)
		assert.True(t, strings.HasPrefix(label, "Feature 1: "), label)
		tb.key(t, "\r")
		tb.waitFor(t, `document.getElementById('hotspot-text').innerText.length > 20`)
		assert.Contains(t, text(t, tb, "#hotspot-text"), strings.TrimPrefix(label, "Feature 1: "))
	})
	t.Run("drag turns it and Reset view brings it back", func(t *testing.T) {
		tb.drag(t, "#product-canvas", 160, 0)
		tb.waitStill(t, "#product-canvas")
		assert.Greater(t, changed(first, shot(t, tb, "#product-canvas")), 0.03)
		tb.click(t, `#inspector .tool[aria-label="Reset view"]`)
		tb.waitStill(t, "#product-canvas")
		assert.Less(t, changed(first, shot(t, tb, "#product-canvas")), 0.01)
	})
	t.Run("full screen, and back", func(t *testing.T) {
		// A real click: browsers grant full screen to a person's gesture.
		require.NoError(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.ID("inspector-fullscreen"))))
		tb.waitFor(t, `document.fullscreenElement?.id === 'inspector-stage'`)
		tb.waitFor(t, `document.getElementById('product-canvas').clientHeight >= window.innerHeight - 2`)
		tb.waitFor(t, `document.getElementById('inspector-fullscreen').getAttribute('aria-label') === 'Exit full screen'`)
		tb.waitStill(t, "#product-canvas")
		assertDrawn(t, shot(t, tb, "#product-canvas"))
		require.NoError(t, chromedp.Do(tb.ctx, chromedp.Click(chromedp.ID("inspector-fullscreen"))))
		tb.waitFor(t, `document.fullscreenElement === null && document.getElementById('inspector-fullscreen').getAttribute('aria-label') === 'Full screen'`)
		tb.waitStill(t, "#product-canvas")
	})
	t.Run("zoom comes closer", func(t *testing.T) {
		tb.click(t, `#inspector .tool[aria-label="Zoom in"]`)
		tb.waitStill(t, "#product-canvas")
		_, other := colours(shot(t, tb, "#product-canvas"))
		_, before := colours(first)
		assert.Greater(t, other, before, "the desk fills more of the view")
	})
	assert.Empty(t, tb.errors())
}

// BenchmarkShowroomWalk measures the 3D hall's cost in headless Chromium
// (SwiftShader) at 1280×800 with every demo stand loaded: the Go time per
// frame (scene traversal, uniform uploads and draw calls; the GPU's own
// time is not in it), the draw calls, and the time between frames, over
// 120 frames while walking down the aisle with a key held; then the frames
// drawn in two idle seconds, which rendering on demand keeps at 0. Run it
// with
//
//	go test -run '^$' -bench Showroom ./app/e2e/
func BenchmarkShowroomWalk(b *testing.B) {
	tb := newTab(b)
	tb.openHall(b, "/showroom")
	tb.focusCanvas(b, "hall-canvas")
	// Collected in the page: every frame's numbers, from the attributes
	// the canvas carries, as the frames come.
	eval[bool](b, tb, `(() => {
		const c = document.getElementById('hall-canvas');
		window.__frames = [];
		new MutationObserver(() => window.__frames.push([performance.now(), Number(c.dataset.goUs), Number(c.dataset.draws)]))
			.observe(c, {attributes: true, attributeFilter: ['data-frame']});
		return true;
	})()`)
	_, err := chromedp.Call(tb.ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeRawKeyDown, Key: "ArrowUp", Code: "ArrowUp"})
	require.NoError(b, err)
	tb.waitFor(b, `window.__frames.length >= 121`)
	_, err = chromedp.Call(tb.ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: "ArrowUp", Code: "ArrowUp"})
	require.NoError(b, err)
	frames := eval[[][]float64](b, tb, `window.__frames.slice(0, 121)`)
	var goMS, gap, draws []float64
	for i, f := range frames {
		goMS, draws = append(goMS, f[1]/1000), append(draws, f[2])
		if i > 0 {
			gap = append(gap, f[0]-frames[i-1][0])
		}
	}
	goMS, draws = goMS[1:], draws[1:]
	tb.waitStill(b, "#hall-canvas")
	idle, err := chromedp.Run(tb.ctx, chromedp.Evaluate[int](`new Promise(r => { const n = window.__frames.length; setTimeout(() => r(window.__frames.length - n), 2000); })`,
		chromedp.EvalAwaitPromise))
	require.NoError(b, err)
	b.ReportMetric(percentile(goMS, 50), "go-ms/frame")
	b.ReportMetric(percentile(goMS, 95), "p95-go-ms/frame")
	b.ReportMetric(percentile(draws, 50), "draws/frame")
	b.ReportMetric(percentile(draws, 100), "max-draws/frame")
	b.ReportMetric(percentile(gap, 50), "frame-ms")
	b.ReportMetric(percentile(gap, 95), "p95-frame-ms")
	b.ReportMetric(float64(idle)/2, "idle-frames/s")
	if errs := tb.errors(); len(errs) > 0 {
		b.Fatalf("console errors: %v", errs)
	}
}

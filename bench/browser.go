package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"vitrine/app/e2e/chromium"
)

// chromiumVersion asks the browser for its version ("Chromium 156.0…").
func chromiumVersion(path string) string {
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return "Chromium (version unknown)"
	}
	v := strings.TrimSpace(string(out))
	if i := strings.Index(v, " built on"); i > 0 {
		v = v[:i]
	}
	return v
}

// browser is one Chromium process with a profile of its own, started as
// app/e2e starts it (headless, SwiftShader's WebGL2, no sandbox, no
// background networking), its window 1280×800.
type browser struct {
	ctx     context.Context // the first tab's chromedp context
	cancel  func()
	profile string
}

// newBrowser starts a fresh Chromium: a new process over a new, empty
// profile, so nothing (HTTP cache, compiled wasm, service worker, shader
// cache) survives from an earlier run.
func newBrowser(parent context.Context, chromiumPath string) (*browser, error) {
	profile, err := os.MkdirTemp("", "vitrine-bench-profile-")
	if err != nil {
		return nil, err
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(parent, chromium.Options(chromiumPath, filepath.Join(profile, "profile"))...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	b := &browser{ctx: ctx, profile: profile, cancel: func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	}}
	if err := chromedp.Do(ctx); err != nil {
		b.cancel()
		return nil, fmt.Errorf("start Chromium: %w", err)
	}
	return b, nil
}

func (b *browser) close() { b.cancel() }

// marksScript runs in every document before the page's own scripts. It
// records, in milliseconds since the navigation started
// (performance.now()), when the page first shows what a shopper waits for:
// the hall's first frame, the frame after its last stand arrived, the
// product's model shown. The canvases carry these as data attributes.
// hallFiles is the number of files the hall loads (shell and stands).
func marksScript(hallFiles int) string {
	return fmt.Sprintf(`(() => {
	const marks = window.__bench = {};
	const mark = (k) => { if (!(k in marks)) marks[k] = performance.now(); };
	let allIn = false;
	new MutationObserver(records => {
		// In order: the hall sets data-loaded before it draws the frame
		// that shows what arrived, then data-frame.
		for (const r of records) {
			const el = r.target;
			if (r.type !== 'attributes') continue;
			if (el.id === 'hall-canvas') {
				if (r.attributeName === 'data-loaded' && Number(el.dataset.loaded) >= %d) allIn = true;
				if (r.attributeName === 'data-frame') {
					mark('hallFrame');
					if (allIn) mark('hallAll');
				}
			}
			if (el.id === 'product-canvas' && r.attributeName === 'data-loaded' && el.dataset.loaded === 'true') mark('productModel');
		}
	}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-frame', 'data-loaded']});
})();`, hallFiles)
}

// tab is a page with its network traffic counted.
type tab struct {
	ctx context.Context

	mu        sync.Mutex
	bytes     float64            // encodedDataLength of every finished request
	urls      map[string]float64 // bytes by URL
	reqURL    map[network.RequestID]string
	fromSW    map[string]bool // responses served by the service worker, by URL
	encodings map[string]string
}

// newTab wraps the chromedp context ctx (a tab) and starts counting its
// traffic.
func newTab(ctx context.Context) (*tab, error) {
	t := &tab{ctx: ctx}
	t.reset()
	err := chromedp.Listen(ctx, func(ev any) {
		t.mu.Lock()
		defer t.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			t.reqURL[ev.RequestID] = ev.Request.URL
		case *network.EventResponseReceived:
			u := ev.Response.URL
			t.fromSW[u] = t.fromSW[u] || ev.Response.FromServiceWorker
			if enc := ev.Response.Headers["Content-Encoding"]; enc != nil {
				t.encodings[u] = fmt.Sprint(enc)
			}
		case *network.EventLoadingFinished:
			t.bytes += ev.EncodedDataLength
			t.urls[t.reqURL[ev.RequestID]] += ev.EncodedDataLength
		}
	})
	return t, err
}

// reset forgets the traffic counted so far.
func (t *tab) reset() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.bytes = 0
	t.urls, t.reqURL = map[string]float64{}, map[network.RequestID]string{}
	t.fromSW, t.encodings = map[string]bool{}, map[string]string{}
}

// traffic returns the bytes counted so far and whether the response for
// every URL ending in suffix came from the service worker (false when
// there was none).
func (t *tab) traffic(suffix string) (bytes float64, fromSW bool, encoding string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	seen := false
	fromSW = true
	for u, sw := range t.fromSW {
		if strings.HasSuffix(strings.SplitN(u, "?", 2)[0], suffix) {
			seen = true
			fromSW = fromSW && sw
			encoding = t.encodings[u]
		}
	}
	return t.bytes, seen && fromSW, encoding
}

// addScript makes src run in every document the tab opens from now on,
// before the page's scripts.
func (t *tab) addScript(src string) error {
	_, err := chromedp.Call(t.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
	return err
}

// navigate starts loading url and returns once the document has loaded
// (the load event; the app goes on starting after it).
func (t *tab) navigate(url string) error {
	return chromedp.Do(t.ctx, chromedp.Navigate(url))
}

// waitMark waits until the page has recorded the mark named key and
// returns it (ms since navigation start).
func (t *tab) waitMark(key string, timeout time.Duration) (float64, error) {
	v, err := chromedp.Run(t.ctx, chromedp.Poll[float64](fmt.Sprintf(`window.__bench && window.__bench[%q]`, key),
		chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(20*time.Millisecond)))
	if err != nil {
		return 0, fmt.Errorf("waiting for %s: %w", key, err)
	}
	return v, nil
}

// eval evaluates a JavaScript expression in the page, awaiting a promise.
func eval[T any](t *tab, js string) (T, error) {
	v, err := chromedp.Run(t.ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return v, fmt.Errorf("%.80s…: %w", strings.TrimSpace(js), err)
	}
	return v, nil
}

// waitFor polls a JavaScript condition until it holds.
func (t *tab) waitFor(js string, timeout time.Duration) error {
	_, err := chromedp.Run(t.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(timeout)))
	if errors.Is(err, chromedp.ErrPollingTimeout) {
		return fmt.Errorf("timed out after %v waiting for %s", timeout, js)
	}
	return err
}

package main

import (
	"context"
	"fmt"
	"time"
)

// visit is what one page load showed: when (ms since navigation start) and
// for how many bytes.
type visit struct {
	first  float64 // first 3D frame (the hall) or the model drawn (a product)
	all    float64 // the frame after every stand arrived (the hall only)
	bytes  float64 // encodedDataLength of every request of the page until then
	fromSW bool    // app.wasm came from the service worker
}

// loadTimeout bounds one page load: a cold load on two cores with
// SwiftShader takes seconds, never minutes.
const loadTimeout = 90 * time.Second

// openHall loads /showroom in t and waits until every stand is drawn.
func openHall(t *tab, base string) (visit, error) {
	t.reset()
	if err := t.navigate(base + "/showroom"); err != nil {
		return visit{}, err
	}
	var v visit
	var err error
	if v.first, err = t.waitMark("hallFrame", loadTimeout); err != nil {
		return v, err
	}
	if v.all, err = t.waitMark("hallAll", loadTimeout); err != nil {
		return v, err
	}
	v.bytes, v.fromSW, _ = t.traffic("/app.wasm")
	return v, nil
}

// openProduct loads the product page at path in t and waits until its
// model is drawn.
func openProduct(t *tab, base, path string) (visit, error) {
	t.reset()
	if err := t.navigate(base + path); err != nil {
		return visit{}, err
	}
	var v visit
	var err error
	if v.first, err = t.waitMark("productModel", loadTimeout); err != nil {
		return v, err
	}
	v.bytes, v.fromSW, _ = t.traffic("/app.wasm")
	return v, nil
}

// waitServiceWorker waits until the app's service worker is active and has
// cached the app (go-app's worker caches it while installing, and claims
// the page once active), so that the next visit is served by it.
func waitServiceWorker(t *tab) error {
	ok, err := eval[bool](t, `Promise.race([
		navigator.serviceWorker.ready.then(r => !!r.active),
		new Promise(r => setTimeout(() => r(false), 60000))])`)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("the service worker did not become active within a minute")
	}
	return t.waitFor(`navigator.serviceWorker.controller !== null`, 30*time.Second)
}

// repeatVisit loads the page again in the same profile, after the service
// worker took over, and checks that it served the app: the page is
// controlled by it and app.wasm came from it.
func repeatVisit(t *tab, open func() (visit, error)) (visit, error) {
	if err := waitServiceWorker(t); err != nil {
		return visit{}, err
	}
	v, err := open()
	if err != nil {
		return v, err
	}
	controlled, err := eval[bool](t, `navigator.serviceWorker.controller !== null`)
	if err != nil {
		return v, err
	}
	if !controlled || !v.fromSW {
		return v, fmt.Errorf("the repeat visit was not served by the service worker (controlled %v, app.wasm from it %v)", controlled, v.fromSW)
	}
	return v, nil
}

// coldTab starts a fresh browser and opens a tab in it that records the
// page's marks.
func coldTab(ctx context.Context, chromium string, hallFiles int) (*browser, *tab, error) {
	b, err := newBrowser(ctx, chromium)
	if err != nil {
		return nil, nil, err
	}
	t, err := newTab(b.ctx)
	if err == nil {
		err = t.addScript(marksScript(hallFiles))
	}
	if err != nil {
		b.close()
		return nil, nil, err
	}
	return b, t, nil
}

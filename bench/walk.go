package main

import (
	"fmt"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// The hall is compared with the three.js peer on a canvas of this size at
// a device pixel ratio of 1: a laptop's view.
const (
	walkWidth  = 1280
	walkHeight = 800
	// walkFrames is how many frame intervals a walk measures.
	walkFrames = 120
)

// walkResult is a walk's frames: the time between frames, and for our hall
// the Go time and draw calls of each frame.
type walkResult struct {
	frameMS []float64
	goMS    []float64
	draws   []float64
	idleFPS float64
}

// sizeCanvas makes the canvas with id walkWidth×walkHeight CSS pixels at a
// device pixel ratio of 1. Our hall's canvas is laid out as a share of the
// page, which has a maximum width, so no viewport gives it 1280 pixels:
// its style is set instead (the viewer sizes its drawing buffer from the
// canvas's size, as for any layout).
func sizeCanvas(t *tab, id string) error {
	if _, err := chromedp.Call(t.ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: walkWidth, Height: walkHeight, DeviceScaleFactor: 1}); err != nil {
		return err
	}
	got, err := eval[[]float64](t, fmt.Sprintf(`new Promise(r => {
		const c = document.getElementById(%q);
		for (const [k, v] of [['width', '%dpx'], ['height', '%dpx'], ['max-width', 'none'], ['min-width', '0'], ['box-sizing', 'content-box']]) c.style.setProperty(k, v, 'important');
		requestAnimationFrame(() => requestAnimationFrame(() => r([c.clientWidth, c.clientHeight, devicePixelRatio])));
	})`, id, walkWidth, walkHeight))
	if err != nil {
		return err
	}
	if got[0] != walkWidth || got[1] != walkHeight || got[2] != 1 {
		return fmt.Errorf("#%s is %v×%v at a pixel ratio of %v, not %d×%d at 1", id, got[0], got[1], got[2], walkWidth, walkHeight)
	}
	return nil
}

// walkHall walks down our hall's aisle with ArrowUp held on the focused
// canvas, as BenchmarkShowroomWalk does, and records walkFrames frames;
// then counts the frames drawn in two idle seconds.
func walkHall(t *tab) (walkResult, error) {
	var r walkResult
	if err := sizeCanvas(t, "hall-canvas"); err != nil {
		return r, err
	}
	if err := waitStill(t, "#hall-canvas"); err != nil {
		return r, err
	}
	if _, err := eval[bool](t, `(() => {
		const c = document.getElementById('hall-canvas');
		c.focus();
		window.__frames = [];
		new MutationObserver(() => window.__frames.push([performance.now(), Number(c.dataset.goUs), Number(c.dataset.draws)]))
			.observe(c, {attributes: true, attributeFilter: ['data-frame']});
		return document.activeElement === c;
	})()`); err != nil {
		return r, err
	}
	key := func(typ input.DispatchKeyEventType) error {
		_, err := chromedp.Call(t.ctx, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: typ, Key: "ArrowUp", Code: "ArrowUp"})
		return err
	}
	if err := key(input.DispatchKeyEventTypeRawKeyDown); err != nil {
		return r, err
	}
	err := t.waitFor(fmt.Sprintf(`window.__frames.length >= %d`, walkFrames+1), time.Minute)
	if err2 := key(input.DispatchKeyEventTypeKeyUp); err == nil {
		err = err2
	}
	if err != nil {
		return r, err
	}
	frames, err := eval[[][]float64](t, fmt.Sprintf(`window.__frames.slice(0, %d)`, walkFrames+1))
	if err != nil {
		return r, err
	}
	var ts []float64
	for i, f := range frames {
		ts = append(ts, f[0])
		if i > 0 { // the first frame's work began before the key
			r.goMS, r.draws = append(r.goMS, f[1]/1000), append(r.draws, f[2])
		}
	}
	r.frameMS = gaps(ts)
	if err := waitStill(t, "#hall-canvas"); err != nil {
		return r, err
	}
	idle, err := eval[float64](t, `new Promise(r => { const n = window.__frames.length; setTimeout(() => r((window.__frames.length - n) / 2), 2000); })`)
	r.idleFPS = idle
	return r, err
}

// walkPeer runs the three.js page's walk (the same path at the same size)
// and returns its frame intervals and draw calls.
func walkPeer(t *tab, url string) (walkResult, error) {
	var r walkResult
	if err := t.navigate(url); err != nil {
		return r, err
	}
	if err := t.waitFor(`window.__peer && window.__peer.ready === true`, loadTimeout); err != nil {
		return r, err
	}
	if err := sizeCanvas(t, "peer-canvas"); err != nil {
		return r, err
	}
	res, err := eval[struct {
		Times []float64 `json:"times"`
		Draws []float64 `json:"draws"`
		Error string    `json:"error"`
	}](t, fmt.Sprintf(`window.__peer.walk(%d)`, walkFrames+1))
	if err != nil {
		return r, err
	}
	if res.Error != "" {
		return r, fmt.Errorf("three.js page: %s", res.Error)
	}
	r.frameMS = gaps(res.Times)
	if len(res.Draws) > 1 {
		r.draws = res.Draws[1:]
	}
	return r, nil
}

// waitStill waits until the canvas matched by selector has drawn no frame
// for 600 ms: the camera is at rest (our viewers render on demand only).
func waitStill(t *tab, selector string) error {
	_, err := eval[bool](t, fmt.Sprintf(`new Promise(resolve => {
		const c = document.querySelector(%q);
		let last = c.dataset.frame, still = 0;
		const tick = setInterval(() => {
			if (c.dataset.frame === last) { still++; } else { still = 0; last = c.dataset.frame; }
			if (still >= 4) { clearInterval(tick); resolve(true); }
		}, 150);
	})`, selector))
	return err
}

package e2e

import (
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestBrowserZZDebug(t *testing.T) {
	tb := newTab(t)
	for _, p := range []string{"standing-desk", "city-bike", "oak-wardrobe"} {
		tb.open(t, "/products/"+p)
		tb.waitFor(t, `document.getElementById('product-canvas')?.dataset.loaded === 'true'`)
		tb.waitStill(t, "#product-canvas")
		tb.click(t, "#hotspot-1")
		buf, _ := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
		os.WriteFile("/tmp/shot-"+p+".png", buf, 0o644)
	}
}

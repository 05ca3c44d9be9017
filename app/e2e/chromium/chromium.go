//go:build !(js && wasm)

// Package chromium starts Debian's Chromium the one way Vitrine's browser
// tests and benchmarks use it: headless, WebGL2 through SwiftShader (which
// works without a GPU), no sandbox (CI runs as root), and nothing that
// reaches out to Google's servers (the machine's network is closed, and
// those connections fail many at a time).
package chromium

import (
	"os"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Find returns the Chromium to use: VITRINE_CHROMIUM, else the first of
// chromium, chromium-browser and google-chrome on PATH, else "".
func Find() string {
	if p := os.Getenv("VITRINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Options are the allocator options that start the Chromium at path over
// the profile folder profile (a fresh, empty one per browser), its window
// 1280×800.
func Options(path, profile string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 800),
	}
}

//go:build !(js && wasm)

// Package e2e drives the whole store in a real Chromium: the real server over
// a real SQLite database with the demo data, the real wasm app. Each test
// asserts what a person would see.
package e2e

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	chromiumpkg "vitrine/app/e2e/chromium"
	"vitrine/app/routes"
	"vitrine/assets"
	"vitrine/portal/help/content"
	"vitrine/server"
	"vitrine/server/demo"
	"vitrine/server/sqlite"
	"vitrine/showroom/catalog"
)

// e2eSecret signs order links in the browser tests.
const e2eSecret = "e2e-secret-0123456789abcdef0123456789"

var (
	e2eServer *server.Server
	// testDB is the store's database, for tests that check what a click
	// recorded (and that create a staff account).
	testDB     *sqlite.DB
	baseURL    string
	allocCtx   context.Context
	browserCtx context.Context
	skipWhy    string
	// orderStore is the server's order store, for tests that check what a
	// page wrote.
	orderStore *sqlite.OrderStore
)

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	chromium := chromiumpkg.Find()
	if chromium == "" {
		if os.Getenv("CI") == "true" {
			fmt.Fprintln(os.Stderr, "BROWSER TESTS FAILED: Chromium is required under CI but was not found (install Debian's chromium package).")
			return 1
		}
		skipWhy = "Chromium not found (apt-get install chromium, or set VITRINE_CHROMIUM)"
		banner := strings.Repeat("!", 78)
		fmt.Fprintf(os.Stderr, "\n%s\n!! BROWSER TESTS SKIPPED: %s\n!! Every TestBrowser* test below is skipped; nothing a person sees was checked.\n%s\n\n", banner, skipWhy, banner)
		return m.Run()
	}
	dist, cleanup, err := wasmDist()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the wasm failed:", err)
		return 1
	}
	defer cleanup()

	ctx := context.Background()
	tmp, _ := os.MkdirTemp("", "vitrine-e2e-")
	defer os.RemoveAll(tmp)
	db, err := sqlite.Open(ctx, filepath.Join(tmp, "e2e.db"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer db.Close()
	testDB = db
	orderStore = sqlite.NewOrderStore(db)
	returnStore := sqlite.NewReturnStore(db)
	stores := demo.Stores{Catalog: sqlite.NewCatalogStore(db), Orders: orderStore, Returns: returnStore, ReturnPhotos: returnStore}
	if _, err := demo.Seed(ctx, stores, time.Now()); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: seed:", err)
		return 1
	}
	configurators, err := catalog.NewConfiguratorSet(demo.Configurators()...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	routes.Register()
	srv, err := server.New(server.Config{
		Catalog: stores.Catalog,
		Ping:    db.PingContext,
		Dist:    dist,
		Web:     assets.Web(),
		Models:  sqlite.NewModelStore(db),
		IsPage:  routes.Known,
		Logger:  slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),

		Orders:             orderStore,
		OrderSubscriptions: orderStore,
		Secret:             []byte(e2eSecret),
		CarrierSecret:      []byte(e2eSecret),
		// Every test's lookups come from 127.0.0.1; the limit itself is
		// tested in server/orders_test.go.
		LookupLimit:     1000,
		DelayCheckEvery: -1,

		Help:        sqlite.NewHelpStore(db),
		HelpContent: content.Load,
		Support:     sqlite.NewSupportStore(db),
		Staff:       sqlite.NewStaffStore(db),

		Configurators: configurators,
		Checkout:      orderStore,
		Returns:       returnStore,
		ReturnPhotos:  returnStore,
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	e2eServer = srv
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	baseURL = hs.URL

	var cancel context.CancelFunc
	allocCtx, cancel = chromedp.NewExecAllocator(ctx, chromiumpkg.Options(chromium, filepath.Join(tmp, "profile"))...)
	defer cancel()
	// The first context starts the browser; each test opens its tabs in a
	// fresh browser context of its own.
	var cancelBrowser context.CancelFunc
	browserCtx, cancelBrowser = chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browserCtx); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: starting Chromium failed:", err)
		return 1
	}
	return m.Run()
}

// wasmDist returns the built browser program: VITRINE_DIST (set by make)
// when it holds app.wasm, else a fresh build in a temporary folder.
func wasmDist() (fs.FS, func(), error) {
	if d := os.Getenv("VITRINE_DIST"); d != "" {
		if _, err := os.Stat(filepath.Join(d, "app.wasm")); err == nil {
			return os.DirFS(d), func() {}, nil
		}
	}
	dir, err := os.MkdirTemp("", "vitrine-wasm-")
	if err != nil {
		return nil, nil, err
	}
	_, here, _, _ := runtime.Caller(0)
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "app.wasm"), "./app")
	cmd.Dir = filepath.Join(filepath.Dir(here), "..", "..")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, nil, fmt.Errorf("%v: %s", err, out)
	}
	return os.DirFS(dir), func() { os.RemoveAll(dir) }, nil
}

// tab is one browser tab in a fresh browser context (its own cookies and
// storage), with everything the page writes to the console collected.
type tab struct {
	ctx context.Context
	mu  sync.Mutex
	msg []chromedp.ConsoleMessage
}

func newTab(t testing.TB) *tab {
	t.Helper()
	if skipWhy != "" {
		t.Skip("BROWSER TEST SKIPPED: " + skipWhy)
	}
	ctx, cancel := chromedp.NewContext(browserCtx, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	tb := &tab{ctx: ctx}
	require.NoError(t, chromedp.Do(ctx)) // start the tab, so Console can subscribe
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.msg = append(tb.msg, m)
			tb.mu.Unlock()
		}
	}()
	return tb
}

// errors returns the console errors and exceptions seen so far, except the
// browser's report of a 404 for the expected404 URLs (a not-found page is
// meant to answer 404).
func (tb *tab) errors(expected404 ...string) []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var out []string
	for _, m := range tb.msg {
		expected := false
		for _, u := range expected404 {
			expected = expected || m.URL == u && strings.Contains(m.String(), "404")
		}
		if !expected && (m.Type == chromedp.ConsoleError || m.IsException()) {
			out = append(out, fmt.Sprintf("%s (%s:%d)", m.String(), m.URL, m.Line+1))
		}
	}
	return out
}

// open navigates to path and waits until the wasm app has started and
// rendered: go-app removes its loader once the program runs.
func (tb *tab) open(t testing.TB, path string) {
	t.Helper()
	require.NoError(t, chromedp.Do(tb.ctx, chromedp.Navigate(baseURL+path)))
	tb.waitApp(t)
}

func (tb *tab) waitApp(t testing.TB) {
	t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](
		`document.getElementById('app-wasm-loader') === null && document.querySelector('h1.page-title') !== null && !document.querySelector('.loading')`,
		chromedp.WithPollingTimeout(90*time.Second)))
	require.NoError(t, err, "the app did not start; console: %v", tb.errors())
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t testing.TB, tb *tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	require.NoError(t, err, js)
	return v
}

// waitFor polls a JavaScript condition until it holds.
func (tb *tab) waitFor(t testing.TB, js string) {
	t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(20*time.Second)))
	require.NoError(t, err, "waiting for %s", js)
}

// switchLanguage picks locale in the header's language switcher, as a
// person choosing from the list does.
func (tb *tab) switchLanguage(t testing.TB, locale string) {
	t.Helper()
	require.NoError(t, chromedp.Do(tb.ctx,
		chromedp.SetValue(chromedp.CSS("#lang-select"), locale),
		chromedp.Evaluate[chromedp.Void](`document.getElementById('lang-select').dispatchEvent(new Event('change', {bubbles: true}))`),
	))
}

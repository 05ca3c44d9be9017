package server_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/app/routes"
	"vitrine/assets"
	"vitrine/portal/help/content"
	"vitrine/server"
	"vitrine/server/api"
	"vitrine/server/demo"
	"vitrine/server/sqlite"
)

func TestMain(m *testing.M) {
	// The server prerenders pages, so the app's routes must be registered,
	// exactly as the program's main does.
	routes.Register()
	os.Exit(m.Run())
}

// fakeWasm is a stand-in for app.wasm: the server only serves its bytes.
var fakeWasm = []byte("\x00asm\x01\x00\x00\x00 vitrine test program")

func compressed(t testing.TB) (br, gz []byte) {
	var b, g bytes.Buffer
	bw := brotli.NewWriter(&b)
	bw.Write(fakeWasm)
	require.NoError(t, bw.Close())
	gw := gzip.NewWriter(&g)
	gw.Write(fakeWasm)
	require.NoError(t, gw.Close())
	return b.Bytes(), g.Bytes()
}

// syncBuffer is the log of a test server: the server writes a request's
// line after the client already has the answer, so a test reading the log
// must not race that write.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type env struct {
	srv     *httptest.Server
	logs    *syncBuffer
	db      *sqlite.DB
	server  *server.Server
	orders  *sqlite.OrderStore
	returns *sqlite.ReturnStore
}

// newEnv starts the real server over a fresh SQLite file with the demo data.
func newEnv(t testing.TB, mutate ...func(*server.Config)) *env {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	orderStore := sqlite.NewOrderStore(db)
	returnStore := sqlite.NewReturnStore(db)
	stores := demo.Stores{Catalog: sqlite.NewCatalogStore(db), Orders: orderStore, Returns: returnStore, ReturnPhotos: returnStore}
	seeded, err := demo.Seed(ctx, stores, time.Now())
	require.NoError(t, err)
	require.True(t, seeded)
	br, gz := compressed(t)
	logs := &syncBuffer{}
	cfg := server.Config{
		Catalog: stores.Catalog,
		Ping:    db.PingContext,
		Dist: fstest.MapFS{
			"app.wasm":    {Data: fakeWasm},
			"app.wasm.br": {Data: br},
			"app.wasm.gz": {Data: gz},
		},
		Web:    assets.Web(),
		Models: sqlite.NewModelStore(db),
		IsPage: routes.Known,
		Logger: slog.New(slog.NewJSONHandler(logs, nil)),

		Orders:             stores.Orders,
		OrderSubscriptions: stores.Orders.(*sqlite.OrderStore),
		Secret:             []byte(testSecret),
		CarrierSecret:      []byte(testCarrierSecret),
		PublicURL:          "https://vitrine.example",

		Help:        sqlite.NewHelpStore(db),
		HelpContent: content.Load,
		Support:     sqlite.NewSupportStore(db),
		Staff:       sqlite.NewStaffStore(db),

		Configurators: demoConfigurators(t),
		Checkout:      orderStore,
		Returns:       returnStore,
		ReturnPhotos:  returnStore,
	}
	for _, m := range mutate {
		m(&cfg)
	}
	s, err := server.New(cfg)
	require.NoError(t, err)
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	return &env{srv: hs, logs: logs, db: db, server: s, orders: stores.Orders.(*sqlite.OrderStore), returns: returnStore}
}

func (e *env) do(t testing.TB, method, path string, body io.Reader, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, body)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	// The test decodes what it asked for; stop Go from adding gzip itself.
	if req.Header.Get("Accept-Encoding") == "" {
		req.Header.Set("Accept-Encoding", "identity")
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(b, &v), string(b))
	return v
}

func TestCatalogAPI(t *testing.T) {
	e := newEnv(t)
	t.Run("categories", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/categories", nil)
		require.Equal(t, 200, resp.StatusCode)
		assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
		r := decode[api.CategoriesResponse](t, b)
		require.GreaterOrEqual(t, len(r.Categories), 6)
		assert.Equal(t, "living-room", r.Categories[0].Slug)
		assert.Equal(t, "Salón", r.Categories[0].Name["es"])
	})
	t.Run("products of a category", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/products?category=cycling", nil)
		require.Equal(t, 200, resp.StatusCode)
		r := decode[api.ProductsResponse](t, b)
		require.GreaterOrEqual(t, len(r.Products), 4)
		for _, p := range r.Products {
			assert.Equal(t, "cycling", p.Category)
		}
	})
	t.Run("search in another language", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/products?q=roble", nil)
		require.Equal(t, 200, resp.StatusCode)
		r := decode[api.ProductsResponse](t, b)
		var slugs []string
		for _, p := range r.Products {
			slugs = append(slugs, p.Slug)
		}
		assert.Contains(t, slugs, "oak-coffee-table")
		assert.NotContains(t, slugs, "city-bike")
	})
	t.Run("unknown category", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/products?category=spaceships", nil)
		assert.Equal(t, 404, resp.StatusCode)
		assert.Equal(t, "not_found", decode[api.ErrorBody](t, b).Error.Code)
	})
	t.Run("one product", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/products/oak-coffee-table", nil)
		require.Equal(t, 200, resp.StatusCode, string(b))
		p := decode[api.ProductResponse](t, b).Product
		assert.Equal(t, "oak-coffee-table", p.Slug)
		assert.NotEmpty(t, p.Specs)
		assert.Equal(t, "EUR", p.Price.Currency)
		assert.Positive(t, p.Price.Amount)
	})
	t.Run("unknown product", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/products/no-such-thing", nil)
		assert.Equal(t, 404, resp.StatusCode)
		body := decode[api.ErrorBody](t, b)
		assert.Equal(t, "not_found", body.Error.Code)
		assert.Equal(t, "We could not find this product.", body.Error.Message)
	})
	t.Run("stands hold every product once", func(t *testing.T) {
		resp, b := e.do(t, "GET", "/api/v1/stands", nil)
		require.Equal(t, 200, resp.StatusCode)
		r := decode[api.StandsResponse](t, b)
		require.GreaterOrEqual(t, len(r.Stands), 6)
		n := 0
		for _, s := range r.Stands {
			assert.GreaterOrEqual(t, len(s.Products), 4, s.Category.Slug)
			n += len(s.Products)
		}
		assert.Equal(t, len(demo.Products()), n)
	})
	t.Run("search too long", func(t *testing.T) {
		resp, _ := e.do(t, "GET", "/api/v1/products?q="+strings.Repeat("a", 201), nil)
		assert.Equal(t, 400, resp.StatusCode)
	})
}

func TestAPIErrors(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		name, method, path string
		body               string // "{}" when empty
		status             int
		code               string
	}{
		{"unknown path", "GET", "/api/v1/nothing-here", "", 404, "not_found"},
		{"unknown version", "GET", "/api/v1/", "", 404, "not_found"},
		{"wrong method", "DELETE", "/api/v1/categories", "", 405, "method_not_allowed"},
		{"wrong method on a pattern", "PUT", "/api/v1/products/oak-coffee-table", "", 405, "method_not_allowed"},
		{"malformed JSON", "POST", "/api/v1/cart/price", `{"items":[`, 400, "invalid"},
		{"unknown field", "POST", "/api/v1/cart/price", `{"items":[],"discount":100}`, 400, "invalid"},
		{"body over 1 MiB", "POST", "/api/v1/cart/price", `{"items":[],"shipping":"` + strings.Repeat("x", 1<<20) + `"}`, 413, "too_large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := tc.body
			if body == "" {
				body = "{}"
			}
			resp, b := e.do(t, tc.method, tc.path, strings.NewReader(body), "Content-Type", "application/json")
			assert.Equal(t, tc.status, resp.StatusCode)
			assert.Equal(t, tc.code, decode[api.ErrorBody](t, b).Error.Code)
			if tc.status == 405 {
				assert.Contains(t, resp.Header.Get("Allow"), "GET")
			}
		})
	}
}

func TestSecurityHeadersEverywhere(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/", "/api/v1/categories", "/api/v1/nope", "/web/app.wasm", "/web/css/vitrine.css", "/nope", "/healthz"} {
		t.Run(path, func(t *testing.T) {
			resp, _ := e.do(t, "GET", path, nil)
			csp := resp.Header.Get("Content-Security-Policy")
			assert.Contains(t, csp, "'wasm-unsafe-eval'")
			assert.Contains(t, csp, "frame-ancestors 'none'")
			assert.NotContains(t, csp, "unsafe-inline")
			assert.Equal(t, "nosniff", resp.Header.Get("X-Content-Type-Options"))
			assert.NotEmpty(t, resp.Header.Get("Referrer-Policy"))
		})
	}
}

func TestCrossSiteWritesRefused(t *testing.T) {
	e := newEnv(t)
	resp, b := e.do(t, "POST", "/api/v1/products", strings.NewReader("{}"),
		"Content-Type", "application/json", "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example")
	assert.Equal(t, 403, resp.StatusCode)
	assert.Equal(t, "forbidden", decode[api.ErrorBody](t, b).Error.Code)
	// The same request from our own pages reaches the API (and gets its 405).
	resp, _ = e.do(t, "POST", "/api/v1/products", strings.NewReader("{}"),
		"Content-Type", "application/json", "Sec-Fetch-Site", "same-origin")
	assert.Equal(t, 405, resp.StatusCode)
}

func TestWasmServedPrecompressed(t *testing.T) {
	e := newEnv(t)
	br, gz := compressed(t)
	for _, tc := range []struct {
		accept, encoding string
		body             []byte
	}{
		{"gzip, deflate, br, zstd", "br", br},
		{"gzip", "gzip", gz},
		{"br;q=0, gzip", "gzip", gz},
		{"identity", "", fakeWasm},
	} {
		t.Run(tc.accept, func(t *testing.T) {
			resp, b := e.do(t, "GET", "/web/app.wasm", nil, "Accept-Encoding", tc.accept)
			require.Equal(t, 200, resp.StatusCode)
			assert.Equal(t, tc.encoding, resp.Header.Get("Content-Encoding"))
			assert.Equal(t, "Accept-Encoding", resp.Header.Get("Vary"))
			assert.Equal(t, "application/wasm", resp.Header.Get("Content-Type"))
			assert.Equal(t, tc.body, b)
		})
	}
}

func TestResponsesCompressedWhenItHelps(t *testing.T) {
	e := newEnv(t)
	_, plain := e.do(t, "GET", "/api/v1/products", nil)
	for _, tc := range []struct {
		name, path, accept, encoding string
	}{
		{"JSON, gzip", "/api/v1/products", "gzip", "gzip"},
		{"JSON, zstd when offered", "/api/v1/products", "gzip, deflate, br, zstd", "zstd"},
		{"JSON, not without asking", "/api/v1/products", "identity", ""},
		{"the style sheet", "/web/css/vitrine.css", "gzip", "gzip"},
		{"a generated model", "/web/models/city-bike.glb", "gzip", "gzip"},
		{"a picture, already compressed", "/web/thumbs/city-bike.png", "gzip", ""},
		{"a small answer is not worth it", "/healthz", "gzip", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := e.do(t, "GET", tc.path, nil, "Accept-Encoding", tc.accept)
			require.Equal(t, http.StatusOK, resp.StatusCode)
			assert.Equal(t, tc.encoding, resp.Header.Get("Content-Encoding"))
			assert.Contains(t, resp.Header.Values("Vary"), "Accept-Encoding")
			if tc.encoding == "gzip" && tc.path == "/api/v1/products" {
				zr, err := gzip.NewReader(bytes.NewReader(b))
				require.NoError(t, err)
				got, err := io.ReadAll(zr)
				require.NoError(t, err)
				assert.Equal(t, plain, got, "the same JSON")
				assert.Less(t, len(b), len(plain)/2, "JSON shrinks a lot")
			}
		})
	}
	t.Run("lists leave the hotspots to the product's own page", func(t *testing.T) {
		list := decode[api.ProductsResponse](t, plain)
		require.NotEmpty(t, list.Products)
		for _, p := range list.Products {
			assert.Empty(t, p.Hotspots, p.Slug)
		}
		_, b := e.do(t, "GET", "/api/v1/products/city-bike", nil)
		assert.NotEmpty(t, decode[api.ProductResponse](t, b).Product.Hotspots)
	})
}

func TestHealthz(t *testing.T) {
	resp, b := newEnv(t).do(t, "GET", "/healthz", nil)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "ok\n", string(b))

	down := newEnv(t, func(c *server.Config) {
		c.Ping = func(context.Context) error { return errors.New("disk gone") }
	})
	resp, b = down.do(t, "GET", "/healthz", nil)
	assert.Equal(t, 503, resp.StatusCode)
	assert.NotContains(t, string(b), "disk gone", "the cause is logged, not shown")
	assert.Contains(t, down.logs.String(), "disk gone")
}

func TestOneLogLinePerRequestWithoutQuery(t *testing.T) {
	e := newEnv(t)
	e.do(t, "GET", "/api/v1/products?q=secret-postcode-28001", nil)
	var lines []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(e.logs.String()), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m))
		if m["msg"] == "request" {
			lines = append(lines, m)
		}
	}
	require.Len(t, lines, 1)
	assert.Equal(t, "GET", lines[0]["method"])
	assert.Equal(t, "/api/v1/products", lines[0]["path"])
	assert.EqualValues(t, 200, lines[0]["status"])
	assert.Contains(t, lines[0], "duration")
	assert.Contains(t, lines[0], "bytes")
	assert.NotContains(t, e.logs.String(), "28001")
}

func TestPagesPrerenderedInTheNegotiatedLanguage(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		name   string
		header []string
		lang   string
		want   []string
	}{
		{"English by default", nil, "en", []string{"Round oak coffee table", "€349.00", "Specifications"}},
		{"Spanish from Accept-Language", []string{"Accept-Language", "es-ES,es;q=0.9"}, "es", []string{"Mesa de centro redonda de roble", "349,00\u00a0€", "Especificaciones"}},
		{"remembered choice beats the header", []string{"Accept-Language", "es", "Cookie", "vitrine_lang=ro"}, "ro", []string{"Măsuță de cafea rotundă din stejar", "Specificații"}},
		{"Chinese", []string{"Accept-Language", "zh-CN,zh;q=0.9"}, "zh-Hans", []string{"圆形橡木茶几", "规格参数"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := e.do(t, "GET", "/products/oak-coffee-table", nil, tc.header...)
			require.Equal(t, 200, resp.StatusCode)
			html := string(b)
			assert.Contains(t, html, `<html lang="`+tc.lang+`"`)
			for _, w := range tc.want {
				assert.Contains(t, html, w)
			}
			assert.Contains(t, resp.Header.Get("Vary"), "Accept-Language")
		})
	}
}

func TestEveryRouteAnswers(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		path   string
		status int
		title  string
	}{
		{"/", 200, "Furniture, bikes and tech"},
		{"/showroom", 200, "3D showroom"},
		{"/showroom/cycling", 200, "3D showroom"},
		{"/categories/cycling", 200, "Cycling"},
		{"/products/city-bike", 200, "City"},
		{"/configure", 200, "Configure"},
		{"/configure/standing-desk", 200, "Configure"},
		{"/cart", 200, "Your cart"},
		{"/checkout", 200, "Checkout"},
		{"/track", 200, "Track your order"},
		{"/returns", 200, "Returns and exchanges"},
		{"/help", 200, "Help center"},
		{"/contact", 200, "Contact us"},
		{"/no/such/page", 404, "Page not found"},
		{"/products/not-a-product", 404, "We could not find this product."},
		{"/categories/spaceships", 404, "Category"},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, b := e.do(t, "GET", tc.path, nil)
			assert.Equal(t, tc.status, resp.StatusCode)
			assert.Contains(t, string(b), `<h1 class="page-title">`+tc.title)
			assert.Contains(t, string(b), `id="app-wasm-loader"`, "the loader shows progress while the wasm downloads")
		})
	}
}

func TestAppShellFiles(t *testing.T) {
	e := newEnv(t)
	resp, b := e.do(t, "GET", "/manifest.webmanifest", nil)
	require.Equal(t, 200, resp.StatusCode)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "Vitrine", m["name"])
	assert.Equal(t, "#1f3a34", m["theme_color"])
	assert.NotContains(t, string(b), "githubusercontent", "icons are ours, not an outside host's")

	resp, b = e.do(t, "GET", "/app-worker.js", nil)
	require.Equal(t, 200, resp.StatusCode)
	assert.Contains(t, string(b), "/web/css/vitrine.css", "the service worker caches the shell")
	assert.Contains(t, string(b), "/web/app.wasm")

	resp, b = e.do(t, "GET", "/app.js", nil)
	require.Equal(t, 200, resp.StatusCode)
	assert.Contains(t, string(b), `const goappWasmContentLength = "`+itoa(len(fakeWasm))+`"`,
		"progress compares decompressed bytes with the raw size")

	resp, _ = e.do(t, "GET", "/web/icons/icon-192.png", nil)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "image/png", resp.Header.Get("Content-Type"))
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestFooterLinksLeadToPages(t *testing.T) {
	e := newEnv(t)
	_, b := e.do(t, "GET", "/", nil)
	footer := string(b)[strings.Index(string(b), `<footer`):]
	re := regexp.MustCompile(`href="(/[^"]*)"`)
	links := re.FindAllStringSubmatch(footer, -1)
	require.GreaterOrEqual(t, len(links), 5)
	for _, l := range links {
		resp, body := e.do(t, "GET", l[1], nil)
		assert.Equal(t, 200, resp.StatusCode, l[1])
		assert.NotContains(t, string(body), "Page not found", l[1])
		assert.NotContains(t, string(body), `role="alert"`, "%s shows an error", l[1])
	}
}

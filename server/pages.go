package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/assets/i18n"
	"vitrine/portal/help"
	"vitrine/showroom/catalog"
)

// LocaleCookie remembers the customer's language choice; the browser sets it
// when they use the switcher, so the server prerenders in that language.
const LocaleCookie = "vitrine_lang"

// LocaleParam is the query parameter through which the server tells the
// prerendering page its negotiated locale (pages read it with
// ui.Locale); a link may also carry it to open the store in a language.
const LocaleParam = "hl"

// goappFiles are the paths go-app's handler answers itself.
var goappFiles = map[string]bool{
	"/app.js": true, "/goapp.js": true, "/wasm_exec.js": true, "/app-worker.js": true,
	"/manifest.webmanifest": true, "/manifest.json": true, "/app.css": true,
}

// webResolver resolves /web/ resources to themselves. It is deliberately not
// an http.Handler, so go-app leaves serving them (from the embedded files,
// with precompression) to our mux.
type webResolver struct{}

func (webResolver) Resolve(location string) string {
	if location == "" {
		return "/"
	}
	return location
}

// pages returns the handler of every non-API path: go-app's, which serves its
// loader files and prerenders each page in the customer's language.
func (s *Server) pages(wasm *wasmFile) http.Handler {
	h := &app.Handler{
		Name:            "Vitrine",
		ShortName:       "Vitrine",
		Title:           "Vitrine",
		Description:     i18n.T("en", "app.tagline"),
		BackgroundColor: "#f7f4ef",
		ThemeColor:      "#1f3a34",
		// The label is a number only: the loader script is shared by every
		// language, and a percentage reads the same in all four.
		LoadingLabel: "{progress}%",
		Icon: app.Icon{
			Default:  "/web/icons/icon-192.png",
			Large:    "/web/icons/icon-512.png",
			Maskable: "/web/icons/icon-512.png",
			SVG:      "/web/icons/icon.svg",
		},
		Styles:    []string{"/web/css/vitrine.css"},
		Resources: webResolver{},
		Version:   wasm.version,
		// Progress is counted on decompressed bytes, so it must be compared
		// with the raw size, not the compressed Content-Length.
		WasmContentLength: strconv.Itoa(len(wasm.raw)),
		CacheableResources: []string{
			"/web/css/vitrine.css", "/web/icons/icon.svg",
		},
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path := r.URL.Path
		if goappFiles[path] {
			h.ServeHTTP(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		locale := negotiateLocale(r)
		q := r.URL.Query()
		q.Set(LocaleParam, locale)
		r2 := r.Clone(r.Context())
		r2.URL.RawQuery = q.Encode()
		// Pages differ by language, so a cached copy must not be revalidated
		// by go-app's version-only ETag.
		r2.Header.Del("If-None-Match")
		w.Header().Set("Vary", "Accept-Language, Cookie")
		pw := &pageWriter{ResponseWriter: w, notFound: !s.cfg.IsPage(path) || s.missing(r)}
		h.ServeHTTP(pw, r2)
	})
}

// missing reports whether path is a page route whose subject does not exist
// (an unknown product, category or help article), so the page, which says
// so in the customer's language, is answered with status 404 for search
// engines and link checkers. Order pages are not checked: whether an order
// number exists is only told to its owner.
func (s *Server) missing(r *http.Request) bool {
	ctx, path := r.Context(), r.URL.Path
	notFound := func(err error) bool { return catalog.ErrorCode(err) == catalog.ENOTFOUND }
	if slug, ok := strings.CutPrefix(path, "/products/"); ok {
		_, err := s.cfg.Catalog.Product(ctx, slug)
		return notFound(err)
	}
	if slug, ok := strings.CutPrefix(path, "/categories/"); ok {
		_, err := s.cfg.Catalog.Products(ctx, catalog.ProductFilter{Category: slug})
		return notFound(err)
	}
	if s.help != nil && strings.HasPrefix(path, help.Root+"/") {
		place, ok := help.ParsePath(path)
		if !ok {
			return true
		}
		c := s.help.acquire()
		defer c.release()
		_, err := help.Breadcrumbs(c.lib.Tree(), i18n.Default, place)
		return notFound(err)
	}
	return false
}

// negotiateLocale picks the locale to prerender in: the ?hl= of a link, then
// the customer's remembered choice, then their Accept-Language.
func negotiateLocale(r *http.Request) string {
	if l := r.URL.Query().Get(LocaleParam); i18n.Supported(l) {
		return l
	}
	if c, err := r.Cookie(LocaleCookie); err == nil && i18n.Supported(c.Value) {
		return c.Value
	}
	return i18n.Negotiate(r.Header.Get("Accept-Language"))
}

// pageWriter turns the not-found page's 200 into a 404 and drops go-app's
// version ETag (see pages).
type pageWriter struct {
	http.ResponseWriter
	notFound    bool
	wroteHeader bool
}

func (p *pageWriter) WriteHeader(code int) {
	if p.wroteHeader {
		return
	}
	p.wroteHeader = true
	p.Header().Del("ETag")
	if p.notFound && code == http.StatusOK {
		code = http.StatusNotFound
	}
	p.ResponseWriter.WriteHeader(code)
}

func (p *pageWriter) Write(b []byte) (int, error) {
	if !p.wroteHeader {
		p.WriteHeader(http.StatusOK)
	}
	return p.ResponseWriter.Write(b)
}

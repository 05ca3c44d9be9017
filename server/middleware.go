package server

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// contentSecurityPolicy lets the app run and nothing else: scripts only from
// our origin (go-app's loader and wasm_exec.js are files, not inline
// scripts), WebAssembly compilation ('wasm-unsafe-eval'), images from our
// origin plus data: and blob: URLs (generated thumbnails and model
// textures), no plugins, no framing by other sites.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; " +
	"worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; " +
	"form-action 'self'; frame-ancestors 'none'"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "geolocation=(), microphone=(), camera=(self)")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// crossOriginProtection refuses state-changing requests (any method but GET,
// HEAD and OPTIONS) that a browser marks as coming from another site, using
// Go's http.CrossOriginProtection (Sec-Fetch-Site, then Origin against Host).
// Requests without those headers, such as a carrier's server-to-server
// webhook, pass: they carry no ambient browser credentials to abuse.
func crossOriginProtection(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusForbidden, api.ErrorBody{Error: api.ErrorDetail{
			Code: catalog.EFORBIDDEN, Message: "Cross-site requests are not allowed."}})
	}))
	return cop.Handler(next)
}

// recoverPanics turns a panic in a handler into a logged 500, so one bad
// request never takes the server down.
func recoverPanics(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// statusRecorder remembers what a handler answered, for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *statusRecorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// logRequests writes one structured line per request. It logs the path but
// never the query string, which may carry an email or postcode.
func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		level := slog.LevelInfo
		if rec.status >= 500 {
			level = slog.LevelError
		}
		s.log.Log(r.Context(), level, "request",
			"method", r.Method, "path", r.URL.Path, "status", rec.status,
			"bytes", rec.bytes, "duration", time.Since(start).Round(time.Microsecond))
	})
}

// jsonNotFound answers paths the API mux does not know with the JSON error
// envelope: 404 for unknown paths and 405 for a known path with another
// method, instead of the mux's plain-text answers.
func jsonNotFound(mux *http.ServeMux, s *Server) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h, pattern := mux.Handler(r)
		if pattern != "" {
			// Through the mux, not h: only ServeHTTP sets r.PathValue.
			mux.ServeHTTP(w, r)
			return
		}
		// The mux's own answer says which: 405 for a wrong method.
		rec := &probe{header: http.Header{}}
		h.ServeHTTP(rec, r)
		if rec.status == http.StatusMethodNotAllowed {
			w.Header().Set("Allow", rec.header.Get("Allow"))
			writeError(w, r, s.log, &catalog.Error{Code: "method_not_allowed",
				Message: "Method " + r.Method + " is not allowed on " + strings.TrimPrefix(r.URL.Path, api.Prefix) + "."})
			return
		}
		writeError(w, r, s.log, catalog.Errorf(catalog.ENOTFOUND, "There is no API endpoint %s.", r.URL.Path))
	})
}

// probe is a ResponseWriter that only records the status and headers.
type probe struct {
	header http.Header
	status int
}

func (p *probe) Header() http.Header         { return p.header }
func (p *probe) Write(b []byte) (int, error) { return len(b), nil }
func (p *probe) WriteHeader(code int)        { p.status = code }

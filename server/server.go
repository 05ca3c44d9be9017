// Package server is Vitrine's HTTP layer: the JSON API under /api/v1, the
// go-app handler that prerenders and serves the progressive web app, the
// precompressed wasm, health checks, and the security every response gets.
// It maps domain errors to HTTP statuses in one place (errors.go).
package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"time"

	"vitrine/portal/help"
	"vitrine/portal/help/content"
	"vitrine/portal/orders"
	"vitrine/portal/returns"
	"vitrine/portal/staff"
	"vitrine/portal/support"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// Config is everything a Server needs. Stores are the domain interfaces, so a
// PostgreSQL implementation can be passed instead of SQLite.
type Config struct {
	Catalog catalog.Store
	// Ping reports whether the database answers, for /healthz.
	Ping func(ctx context.Context) error
	// Dist holds the built browser program: app.wasm and, when the build
	// made them, app.wasm.br and app.wasm.gz.
	Dist fs.FS
	// Web holds the static files served under /web/ (styles, icons, models).
	Web fs.FS
	// Models keeps merchants' own product models, served under
	// /media/models/ and used by the showroom; nil means every product
	// shows its generated model (from Web) or none.
	Models catalog.ModelStore
	// IsPage reports whether a path is a route of the app; other paths get the
	// app's not-found page with status 404.
	IsPage func(path string) bool
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	// Orders turns on order tracking (see orders.go); nil leaves it off.
	Orders orders.Store
	// OrderSubscriptions records "get email updates"; nil turns it off.
	OrderSubscriptions orders.SubscriptionStore
	// Secret signs order links and the proof cookie; required with Orders
	// (secret.Load makes one in the data folder).
	Secret []byte
	// CarrierSecret is the key carriers sign webhooks with; without it every
	// webhook is refused.
	CarrierSecret []byte
	// PublicURL is the store's address as customers reach it
	// ("https://vitrine.example"), for the links in emails.
	PublicURL string
	// LookupLimit is how many order lookups one client may make a minute; 0
	// means DefaultLookupLimit.
	LookupLimit int
	// DelayCheckEvery is how often the delay job runs; 0 means
	// DefaultDelayCheckEvery and a negative value turns it off.
	DelayCheckEvery time.Duration

	// Returns turns on returns, exchanges and repairs (see returns.go); it
	// needs Orders and ReturnPhotos. nil leaves them off.
	Returns returns.Store
	// ReturnPhotos keeps the bytes of the photos customers upload.
	ReturnPhotos PhotoStore
	// ReturnPolicy is the merchant's policy, set in this one place; nil
	// means returns.DefaultPolicy().
	ReturnPolicy *returns.Policy
	// ReturnAddress is where parcels go back, as printed on labels; nil
	// means DefaultReturnAddress.
	ReturnAddress []string
	// Help keeps the help center's readers' signals; with HelpContent it
	// turns the help center's API on (help.go).
	Help help.Store
	// HelpContent loads the help articles, at start and on every reload
	// (ReloadHelp): content.Load for the embedded ones, or content.LoadFS
	// over a folder. The server builds the search index from what it returns.
	HelpContent func() (*content.Library, error)
	// Support keeps contact-form tickets (contact.go).
	Support support.Store
	// Staff keeps staff accounts, sessions and the audit log; it turns the
	// staff sign-in and the staff API on (staff.go).
	Staff staff.Store

	// Configurators gives the configurable products' configurators; nil
	// means no product can be configured.
	Configurators catalog.ConfiguratorStore
	// Checkout places orders; nil leaves POST /api/v1/orders out.
	Checkout orders.CheckoutStore
	// Cart are the VAT rate and the shipping rule; the zero value means
	// catalog.DefaultCartRules().
	Cart catalog.CartRules
	// BankAccount is the account customers paying by bank transfer pay
	// into, shown after checkout and in the email; empty means the demo's
	// placeholder, which is no real account.
	BankAccount string
}

// DemoBankAccount is the demo store's bank account: an IBAN-shaped
// placeholder that belongs to nobody, so a demo order paid by transfer can
// never send money anywhere.
const DemoBankAccount = "ES00 0000 0000 0000 0000 0000 (Vitrine demo)"

// Server serves the store.
type Server struct {
	cfg     Config
	log     *slog.Logger
	handler http.Handler
	version string
	lookups *rateLimiter
	delays  *DelayJob

	// Help center, contact form and staff sign-in (help.go, contact.go,
	// staff.go); nil when not configured.
	// showroom caches the hall's model bounds and baked GLBs (showroom.go).
	showroom *showroomState

	help                                  *helpCenter
	staff                                 *staff.Auth
	contactLimit, signInIP, signInAccount *rateLimiter
}

// New builds a Server from cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Catalog == nil || cfg.Dist == nil || cfg.Web == nil || cfg.IsPage == nil {
		return nil, errors.New("server: Catalog, Dist, Web and IsPage are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Configurators == nil {
		cfg.Configurators = catalog.ConfiguratorSet{}
	}
	if cfg.Cart.Shipping.FreeFrom.Currency == "" {
		cfg.Cart = catalog.DefaultCartRules()
	}
	if cfg.BankAccount == "" {
		cfg.BankAccount = DemoBankAccount
	}
	if cfg.Ping == nil {
		cfg.Ping = func(context.Context) error { return nil }
	}
	if cfg.Orders != nil && len(cfg.Secret) < 16 {
		return nil, errors.New("server: order tracking needs a Secret of at least 16 bytes")
	}
	if err := checkReturnsConfig(&cfg); err != nil {
		return nil, err
	}
	if cfg.LookupLimit <= 0 {
		cfg.LookupLimit = DefaultLookupLimit
	}
	s := &Server{cfg: cfg, log: cfg.Logger, showroom: newShowroomState()}
	s.lookups = newRateLimiter(cfg.LookupLimit, time.Minute, cfg.Now)
	s.delays = s.newDelayJob()
	if err := s.initSupport(); err != nil {
		return nil, err
	}
	wasm, err := loadWasm(cfg.Dist)
	if err != nil {
		return nil, err
	}
	s.version = wasm.version

	apiMux := s.apiRoutes()
	// Pages prerendered on the server fetch their data from the same API, in
	// process (see api.SetLocalHandler).
	api.SetLocalHandler(apiMux)

	mux := http.NewServeMux()
	mux.Handle(api.Prefix+"/", apiMux)
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /web/app.wasm", wasm)
	mux.Handle("GET /web/", http.StripPrefix("/web/", http.FileServerFS(cfg.Web)))
	mux.HandleFunc("GET "+catalog.ModelMediaPrefix+"{file}", s.getMediaModel)
	mux.Handle("/", s.pages(wasm))

	compressed, err := compressResponses(mux)
	if err != nil {
		return nil, err
	}
	s.handler = s.logRequests(recoverPanics(s.log, securityHeaders(crossOriginProtection(compressed))))
	return s, nil
}

// Handler returns the root handler, with every middleware applied.
func (s *Server) Handler() http.Handler { return s.handler }

// Version is the build's version: a hash of app.wasm, so it changes exactly
// when the browser program does and the service worker updates then.
func (s *Server) Version() string { return s.version }

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.cfg.Ping(ctx); err != nil {
		s.log.Error("health check failed", "err", err)
		http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// ListenAndServe serves on addr until ctx is cancelled, then shuts down
// gracefully: in-flight requests get up to 10 seconds to finish. ready, when
// not nil, receives the address actually listened on.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	if ready != nil {
		ready(ln.Addr())
	}
	defer s.startBackground(ctx)()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down; letting in-flight requests finish")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}

//go:build !(js && wasm)

package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"math"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"vitrine/app/routes"
	"vitrine/assets"
	"vitrine/portal/help/content"
	"vitrine/server"
	"vitrine/server/carrier"
	"vitrine/server/demo"
	"vitrine/server/modelcmd"
	"vitrine/server/secret"
	"vitrine/server/sqlite"
	"vitrine/server/staffcmd"
	"vitrine/showroom/catalog"
)

// dist is the browser build (app.wasm and its precompressed twins), put there
// by `make build` before the server is compiled. It holds only .gitkeep in a
// fresh clone, so the package always compiles; the server then says to run
// make build.
//
//go:embed all:dist
var dist embed.FS

func serve() {
	// Subcommands come before the server's flags: `vitrine carrier simulate …`.
	if len(os.Args) > 1 && os.Args[1] == "carrier" {
		os.Exit(carrier.Command(context.Background(), os.Args[2:], os.Stdout, os.Stderr))
	}
	// `vitrine staff add -email …` manages staff accounts.
	if len(os.Args) > 1 && os.Args[1] == "staff" {
		if err := staffcmd.Run(context.Background(), os.Args[2:], os.Stdin, os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "vitrine staff:", err)
			os.Exit(1)
		}
		return
	}
	// `vitrine models import -product … -file …` uses a merchant's own 3D model.
	if len(os.Args) > 1 && os.Args[1] == "models" {
		if err := modelcmd.Run(context.Background(), os.Args[2:], assets.Web(), os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stderr, "vitrine models:", err)
			os.Exit(1)
		}
		return
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if err := run(context.Background(), os.Args[1:], log); err != nil {
		log.Error("vitrine stopped", "err", err)
		os.Exit(1)
	}
}

// run parses flags and serves until SIGINT or SIGTERM.
func run(ctx context.Context, args []string, log *slog.Logger) error {
	fl := flag.NewFlagSet("vitrine", flag.ContinueOnError)
	addr := fl.String("addr", envOr("VITRINE_ADDR", "127.0.0.1:8080"), "address to listen on (env VITRINE_ADDR)")
	dataDir := fl.String("data", sqlite.DefaultDataDir(), "folder of the database (env VITRINE_DATA)")
	vat := fl.Float64("vat", envFloat("VITRINE_VAT", 21), "VAT rate in percent that prices include (env VITRINE_VAT)")
	helpDir := fl.String("help-dir", envOr("VITRINE_HELP_DIR", ""), "folder of the help articles, reloaded on SIGHUP (env VITRINE_HELP_DIR; default: the embedded articles)")
	publicURL := fl.String("public-url", envOr("VITRINE_PUBLIC_URL", ""), "the store's address for links in emails; default http://<addr> (env VITRINE_PUBLIC_URL)")
	// An operator behind a proxy that shows every customer as one address,
	// and `make bench`, which looks orders up from one address thousands of
	// times a second, need more than the default.
	lookupLimit := fl.Int("lookup-limit", envInt("VITRINE_LOOKUP_LIMIT", server.DefaultLookupLimit), "order lookups allowed per client address a minute (env VITRINE_LOOKUP_LIMIT)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *vat < 0 || *vat > 100 {
		return fmt.Errorf("-vat %v: the rate must be a percentage from 0 to 100", *vat)
	}
	if *lookupLimit < 1 {
		return fmt.Errorf("-lookup-limit %d: allow at least one lookup a minute", *lookupLimit)
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	if err := os.MkdirAll(*dataDir, 0o750); err != nil {
		return fmt.Errorf("create data folder: %w", err)
	}
	dbPath := sqlite.Path(*dataDir)
	db, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	orderStore := sqlite.NewOrderStore(db)
	returnStore := sqlite.NewReturnStore(db)
	stores := demo.Stores{Catalog: sqlite.NewCatalogStore(db), Orders: orderStore, Returns: returnStore, ReturnPhotos: returnStore}
	configurators, err := catalog.NewConfiguratorSet(demo.Configurators()...)
	if err != nil {
		return fmt.Errorf("configurators: %w", err)
	}
	cart := catalog.DefaultCartRules()
	cart.VATBasisPoints = int(math.Round(*vat * 100))
	seeded, err := demo.Seed(ctx, stores, time.Now())
	if err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	if seeded {
		log.Info("created the demo store", "db", dbPath)
	}

	signing, err := secret.Load(secret.SigningEnv, filepath.Join(*dataDir, secret.SigningFile), true)
	if err != nil {
		return err
	}
	carrierKey, err := secret.Load(secret.CarrierEnv, filepath.Join(*dataDir, secret.CarrierFile), true)
	if err != nil {
		return err
	}
	if *publicURL == "" {
		*publicURL = "http://" + *addr
	}

	distFS, err := fs.Sub(dist, "dist")
	if err != nil {
		return err
	}
	helpContent := content.Load
	if *helpDir != "" {
		helpContent = func() (*content.Library, error) { return content.LoadFS(os.DirFS(*helpDir)) }
	}
	srv, err := server.New(server.Config{
		Catalog: stores.Catalog,
		Ping:    db.PingContext,
		Dist:    distFS,
		Web:     assets.Web(),
		Models:  sqlite.NewModelStore(db),
		IsPage:  routes.Known,
		Logger:  log,

		Orders:             stores.Orders,
		OrderSubscriptions: orderStore,
		Secret:             signing,
		CarrierSecret:      carrierKey,
		PublicURL:          *publicURL,
		LookupLimit:        *lookupLimit,

		Help:        sqlite.NewHelpStore(db),
		HelpContent: helpContent,
		Support:     sqlite.NewSupportStore(db),
		Staff:       sqlite.NewStaffStore(db),

		Configurators: configurators,
		Checkout:      orderStore,
		Cart:          cart,
		Returns:       returnStore,
		ReturnPhotos:  returnStore,
	})
	if err != nil {
		return err
	}
	reloadHelpOnHangup(ctx, srv, log)
	return srv.ListenAndServe(ctx, *addr, func(a net.Addr) {
		log.Info("Vitrine is open", "url", "http://"+a.String(), "version", srv.Version(), "db", dbPath)
		fmt.Fprintf(os.Stderr, "\n  Vitrine is open at http://%s\n\n", a)
	})
}

// envFloat returns the environment variable key as a number, or def when
// it is unset or not a number.
func envFloat(key string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(key), 64); err == nil {
		return v
	}
	return def
}

// envInt returns the environment variable key as an integer, or def when
// it is unset or not an integer.
func envInt(key string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return v
	}
	return def
}

// reloadHelpOnHangup reloads the help articles on each SIGHUP until ctx ends:
// `kill -HUP <pid>` after editing the folder given with -help-dir.
func reloadHelpOnHangup(ctx context.Context, srv *server.Server, log *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		defer signal.Stop(hup)
		for {
			select {
			case <-ctx.Done():
				return
			case <-hup:
				if _, err := srv.ReloadHelp(); err != nil {
					log.Error("help content not reloaded; still serving the previous content", "err", err)
				}
			}
		}
	}()
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

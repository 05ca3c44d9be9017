// Command bench measures what shoppers feel, side by side with the peers a
// shop would use instead, on this machine, in one run (`make bench`, issue
// 8): the payload, cold and repeat loads in headless Chromium, the 3D
// hall's frame cost against a three.js page drawing the same meshes, the
// product page against Google's <model-viewer> showing the same GLB, the
// configurator's option-to-frame time, the API under load beside a
// hello-world ceiling, and help search over 10 000 articles. It starts
// bin/vitrine itself over a fresh database, prints one table and writes
// bench/results.json.
//
//	go run ./bench [-runs 3] [-api-runs 2] [-only cold,walk,…]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"vitrine/app/e2e/chromium"
)

// config is the command line.
type config struct {
	bin       string
	modules   string
	out       string
	runs      int
	apiRuns   int
	apiFor    time.Duration
	conns     int
	loadgen   string
	only      map[string]bool
	product   string
	chromium  string
	searchPkg string
}

// parts are the measurements -only can choose.
var parts = []string{"payload", "cold", "peers", "walk", "configurator", "api", "search"}

func main() {
	if len(os.Args) > 1 && os.Args[1] == helloCommand {
		serveHello()
		return
	}
	var c config
	only := ""
	flag.StringVar(&c.bin, "bin", "bin/vitrine", "the server binary to measure (make build)")
	flag.StringVar(&c.modules, "modules", "bench/node_modules", "where bench/install.sh put the peers' npm packages")
	flag.StringVar(&c.out, "out", "bench/results.json", "where to write the results")
	flag.IntVar(&c.runs, "runs", 3, "runs of every browser measurement and of help search")
	flag.IntVar(&c.apiRuns, "api-runs", 2, "runs of each API load test")
	flag.DurationVar(&c.apiFor, "api-duration", 20*time.Second, "how long each API load test runs")
	flag.IntVar(&c.conns, "conns", 64, "connections of each API load test")
	flag.StringVar(&c.loadgen, "loadgen", "auto", "API load generator: wrk, go, or auto (wrk when on PATH)")
	flag.StringVar(&c.product, "product", "city-bike", "the product whose page and model are compared with <model-viewer>")
	flag.StringVar(&only, "only", "", "comma-separated measurements to run, of "+strings.Join(parts, ","))
	flag.Parse()
	c.only = map[string]bool{}
	for _, p := range strings.Split(only, ",") {
		if p = strings.TrimSpace(p); p != "" {
			c.only[p] = true
		}
	}
	c.searchPkg = "./portal/help/search/"

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, c); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func (c config) want(part string) bool { return len(c.only) == 0 || c.only[part] }

// progress says what the harness is doing, on stderr, so that the table on
// stdout stays one table.
func progress(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
}

func run(ctx context.Context, c config) error {
	start := time.Now()
	browserParts := c.want("cold") || c.want("peers") || c.want("walk") || c.want("configurator")
	if c.chromium = chromium.Find(); c.chromium == "" && browserParts {
		return fmt.Errorf("Chromium is required and was not found on PATH: install Debian's package (apt-get install chromium; .ci/run does it), or set VITRINE_CHROMIUM to a Chromium binary")
	}
	if _, err := os.Stat(c.bin); err != nil {
		return fmt.Errorf("%s is missing: run make build first (make bench does): %w", c.bin, err)
	}
	res := &Results{Started: start.UTC(), Runs: c.runs, APIRuns: c.apiRuns, Machine: machine(c)}

	v, err := startVitrine(ctx, c.bin)
	if err != nil {
		return err
	}
	defer v.stop()
	progress("%s is serving %s (data in %s)", c.bin, v.url, v.dir)

	if browserParts || c.want("payload") {
		if err := measureBrowser(ctx, c, v, res); err != nil {
			return err
		}
	}
	if c.want("api") {
		if err := measureAPI(ctx, c, v, res); err != nil {
			return err
		}
	}
	if c.want("search") {
		if err := measureSearch(ctx, c, res); err != nil {
			return err
		}
	}
	res.Seconds = time.Since(start).Seconds()
	res.print(os.Stdout)
	if err := res.write(c.out); err != nil {
		return err
	}
	fmt.Printf("\nwritten to %s\n", c.out)
	return nil
}

// machine names the machine: its CPU, Go, Chromium and the load generator.
func machine(c config) Machine {
	m := Machine{CPU: "unknown CPU", CPUs: runtime.NumCPU(), Go: runtime.Version(), Chromium: "no Chromium"}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if out, err := exec.Command("go", "version").Output(); err == nil {
		if f := strings.Fields(string(out)); len(f) >= 3 {
			m.Go = f[2]
		}
	}
	if c.chromium != "" {
		m.Chromium = chromiumVersion(c.chromium)
	}
	if out, err := exec.Command("node", "--version").Output(); err == nil {
		m.Node = "Node " + strings.TrimSpace(string(out))
	}
	m.LoadGen = loadGenName(c)
	return m
}

// loadGenName says which load generator the API figures come from.
func loadGenName(c config) string {
	if c.loadgen == "wrk" || c.loadgen == "auto" && wrkPath() != "" {
		return fmt.Sprintf("wrk, %d connections", c.conns)
	}
	return fmt.Sprintf("Go closed-loop generator (wrk not on PATH), %d connections", c.conns)
}

// modulesDir returns the absolute path of the peers' npm packages.
func modulesDir(c config) string {
	p, err := filepath.Abs(c.modules)
	if err != nil {
		return c.modules
	}
	return p
}

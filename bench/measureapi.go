package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
)

// lookupBody is a right pair of the demo store (README: VT-1002 is Li
// Wei's order in transit).
const lookupBody = `{"number":"VT-1002","emailOrPostcode":"li.wei@example.com"}`

// measureAPI load-tests three API requests and a hello-world ceiling,
// c.apiRuns times each, interleaved, then reads the server's peak memory.
func measureAPI(ctx context.Context, c config, v *vitrine, res *Results) error {
	helloURL, stopHello, err := startHello()
	if err != nil {
		return err
	}
	defer stopHello()
	json := http.Header{"Content-Type": {"application/json"}}
	targets := []loadTarget{
		{Name: "GET /api/v1/products", Method: http.MethodGet, URL: v.url + "/api/v1/products"},
		{Name: "GET /api/v1/products/city-bike", Method: http.MethodGet, URL: v.url + "/api/v1/products/city-bike"},
		// A request without Origin or Sec-Fetch-Site, as from a server or
		// this harness, passes the cross-origin protection
		// (server/middleware.go), as a same-origin browser request does.
		{Name: "POST /api/v1/orders/lookup", Method: http.MethodPost, URL: v.url + "/api/v1/orders/lookup",
			Body: []byte(lookupBody), Header: json},
		{Name: "ceiling: net/http hello world", Method: http.MethodGet, URL: helloURL},
	}
	if err := checkTargets(ctx, targets); err != nil {
		return err
	}
	wrk := ""
	switch c.loadgen {
	case "wrk":
		if wrk = wrkPath(); wrk == "" {
			return fmt.Errorf("-loadgen wrk: wrk is not on PATH")
		}
	case "auto":
		wrk = wrkPath()
	case "go":
	default:
		return fmt.Errorf("-loadgen %q: use wrk, go or auto", c.loadgen)
	}
	results := make([][]loadResult, len(targets))
	for run := range c.apiRuns {
		for i, t := range targets {
			progress("API run %d/%d: %s for %v at %d connections", run+1, c.apiRuns, t.Name, c.apiFor, c.conns)
			var r loadResult
			if wrk != "" {
				if r, err = runWrk(ctx, wrk, t, c.conns, c.apiFor); err != nil {
					return err
				}
			} else {
				r = runLoad(ctx, t, c.conns, c.apiFor)
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			results[i] = append(results[i], r)
		}
	}
	peak, _, err := v.memory()
	if err != nil {
		return err
	}
	note := fmt.Sprintf("%d runs of %v", c.apiRuns, c.apiFor)
	if c.apiRuns < c.runs {
		note = fmt.Sprintf("%d runs of %v, not %d: the 10-minute budget", c.apiRuns, c.apiFor, c.runs)
	}
	for i, t := range targets {
		col := func(f func(loadResult) float64) []float64 {
			var out []float64
			for _, r := range results[i] {
				out = append(out, f(r))
			}
			return out
		}
		res.add(secAPI, t.Name+": requests/s", "rps", col(func(r loadResult) float64 { return r.RPS }), note)
		res.add(secAPI, t.Name+": latency p50", "ms", col(func(r loadResult) float64 { return r.P50 }), "")
		res.add(secAPI, t.Name+": latency p99", "ms", col(func(r loadResult) float64 { return r.P99 }), "")
		res.add(secAPI, t.Name+": errors", "", col(func(r loadResult) float64 { return float64(r.Non2xx + r.Transport) }), "non-2xx + transport")
	}
	res.add(secAPI, "server peak RSS (VmHWM, whole bench)", "MiB", []float64{peak}, "one reading")
	return nil
}

// checkTargets sends each request once and wants a 2xx, so that a load
// test never measures a stream of errors (a wrong pair, a refused
// cross-origin request) without saying so.
func checkTargets(ctx context.Context, targets []loadTarget) error {
	for _, t := range targets {
		req, err := http.NewRequestWithContext(ctx, t.Method, t.URL, bytes.NewReader(t.Body))
		if err != nil {
			return err
		}
		for k, v := range t.Header {
			req.Header[k] = v
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return fmt.Errorf("%s: %w", t.Name, err)
		}
		resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			return fmt.Errorf("%s answered %s before the load test", t.Name, resp.Status)
		}
	}
	return nil
}

var searchMetric = regexp.MustCompile(`([\d.]+) (p50|p95)-ms`)

// measureSearch runs portal/help/search's BenchmarkSearch10k (its
// generator of 10 000 articles, 1000 searches a run) c.runs times and
// reads its percentiles.
func measureSearch(ctx context.Context, c config, res *Results) error {
	progress("help search: %d runs of BenchmarkSearch10k", c.runs)
	cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-bench", "^BenchmarkSearch10k$", "-benchtime", "1000x",
		"-count", strconv.Itoa(c.runs), c.searchPkg)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("help search benchmark: %w\n%s", err, out)
	}
	var p50, p95 []float64
	for _, m := range searchMetric.FindAllStringSubmatch(string(out), -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		if m[2] == "p50" {
			p50 = append(p50, x)
		} else {
			p95 = append(p95, x)
		}
	}
	if len(p50) == 0 || len(p95) == 0 {
		return fmt.Errorf("help search benchmark printed no percentiles:\n%s", out)
	}
	note := "1000 searches a run, index built once"
	res.add(secSearch, "p50", "ms", p50, note)
	res.add(secSearch, "p95", "ms", p95, note)
	return nil
}

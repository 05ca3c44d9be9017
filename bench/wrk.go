package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// runWrk runs wrk (Debian's package, when installed) against target with
// conns connections on two threads for d, and parses its report.
func runWrk(ctx context.Context, wrk string, target loadTarget, conns int, d time.Duration) (loadResult, error) {
	dir, err := os.MkdirTemp("", "vitrine-bench-wrk-")
	if err != nil {
		return loadResult{}, err
	}
	defer os.RemoveAll(dir)
	var lua strings.Builder
	fmt.Fprintf(&lua, "wrk.method = %q\n", target.Method)
	if target.Body != nil {
		fmt.Fprintf(&lua, "wrk.body = %q\n", target.Body)
	}
	for k, vs := range target.Header {
		fmt.Fprintf(&lua, "wrk.headers[%q] = %q\n", k, strings.Join(vs, ", "))
	}
	script := filepath.Join(dir, "request.lua")
	if err := os.WriteFile(script, []byte(lua.String()), 0o600); err != nil {
		return loadResult{}, err
	}
	cmd := exec.CommandContext(ctx, wrk, "-t2", fmt.Sprintf("-c%d", conns), fmt.Sprintf("-d%ds", int(d.Seconds())),
		"--latency", "-s", script, target.URL)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return loadResult{}, fmt.Errorf("wrk: %v: %s", err, out)
	}
	return parseWrk(string(out))
}

var (
	wrkRequests = regexp.MustCompile(`(\d+) requests in ([\d.]+)(us|ms|s|m)`)
	wrkRPS      = regexp.MustCompile(`Requests/sec:\s+([\d.]+)`)
	wrkNon2xx   = regexp.MustCompile(`Non-2xx or 3xx responses:\s+(\d+)`)
	wrkSocket   = regexp.MustCompile(`Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
	wrkLatency  = regexp.MustCompile(`(?m)^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s|m)\s*$`)
)

// parseWrk reads wrk's --latency report. wrk counts statuses outside 2xx
// and 3xx, which for these targets (none redirects) is outside 2xx.
func parseWrk(out string) (loadResult, error) {
	var r loadResult
	m := wrkRequests.FindStringSubmatch(out)
	if m == nil {
		return r, fmt.Errorf("wrk printed no request count:\n%s", out)
	}
	r.Requests, _ = strconv.Atoi(m[1])
	if m := wrkRPS.FindStringSubmatch(out); m != nil {
		r.RPS, _ = strconv.ParseFloat(m[1], 64)
	}
	if m := wrkNon2xx.FindStringSubmatch(out); m != nil {
		r.Non2xx, _ = strconv.Atoi(m[1])
	}
	if m := wrkSocket.FindStringSubmatch(out); m != nil {
		for _, s := range m[1:] {
			n, _ := strconv.Atoi(s)
			r.Transport += n
		}
	}
	for _, m := range wrkLatency.FindAllStringSubmatch(out, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		ms := v * map[string]float64{"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m[3]]
		if m[1] == "50" {
			r.P50 = ms
		} else {
			r.P99 = ms
		}
	}
	if r.P50 == 0 || r.P99 == 0 {
		return r, fmt.Errorf("wrk printed no latency distribution:\n%s", out)
	}
	return r, nil
}

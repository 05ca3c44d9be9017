package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// loadTarget is one request the load test repeats.
type loadTarget struct {
	Name   string
	Method string
	URL    string
	Body   []byte
	Header http.Header
}

// loadResult is what one load test saw.
type loadResult struct {
	Requests  int     // answered, whatever the status
	Non2xx    int     // answered with a status outside 2xx
	Transport int     // failed before an answer (refused, reset, timeout)
	RPS       float64 // answered requests a second
	P50, P99  float64 // latency in ms
}

// histogram counts latencies in buckets that grow by 1 % (as wrk and
// HdrHistogram do), so any number of requests costs the same memory and a
// percentile is within 1 % of the exact one.
type histogram struct {
	counts []int64
	total  int64
}

const histGrowth = 1.01

func newHistogram() *histogram {
	// 1 µs × 1.01^2000 is over 400 s: every latency fits.
	return &histogram{counts: make([]int64, 2000)}
}

func (h *histogram) add(d time.Duration) {
	us := max(float64(d)/float64(time.Microsecond), 1)
	i := min(int(math.Log(us)/math.Log(histGrowth)), len(h.counts)-1)
	h.counts[i]++
	h.total++
}

func (h *histogram) merge(o *histogram) {
	for i, c := range o.counts {
		h.counts[i] += c
	}
	h.total += o.total
}

// percentile returns the p-th percentile (0–100) in milliseconds: the
// upper edge of the bucket holding it.
func (h *histogram) percentile(p float64) float64 {
	if h.total == 0 {
		return math.NaN()
	}
	rank := int64(math.Ceil(p / 100 * float64(h.total)))
	var seen int64
	for i, c := range h.counts {
		seen += c
		if seen >= max(rank, 1) {
			return math.Pow(histGrowth, float64(i+1)) / 1000
		}
	}
	return math.NaN()
}

// runLoad sends target's request in a closed loop on conns keep-alive
// connections (each worker sends its next request when the last one has
// been answered) for d, and returns the throughput and latencies.
func runLoad(ctx context.Context, target loadTarget, conns int, d time.Duration) loadResult {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		MaxIdleConnsPerHost: conns,
		MaxConnsPerHost:     conns,
		// As wrk: no Accept-Encoding, bodies as the server sends them
		// unasked.
		DisableCompression: true,
	}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	type worker struct {
		h                       *histogram
		n, non2xx, transportErr int
	}
	workers := make([]worker, conns)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range workers {
		w := &workers[i]
		w.h = newHistogram()
		wg.Go(func() {
			buf := make([]byte, 32<<10)
			for ctx.Err() == nil {
				req, err := http.NewRequestWithContext(ctx, target.Method, target.URL, bytes.NewReader(target.Body))
				if err != nil {
					w.transportErr++
					return
				}
				for k, v := range target.Header {
					req.Header[k] = v
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.CopyBuffer(io.Discard, resp.Body, buf)
					resp.Body.Close()
				}
				if ctx.Err() != nil {
					return // the test ended mid-request: not an error
				}
				if err != nil {
					w.transportErr++
					time.Sleep(10 * time.Millisecond)
					continue
				}
				w.h.add(time.Since(t0))
				w.n++
				if resp.StatusCode < 200 || resp.StatusCode > 299 {
					w.non2xx++
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	all := newHistogram()
	var r loadResult
	for _, w := range workers {
		all.merge(w.h)
		r.Requests += w.n
		r.Non2xx += w.non2xx
		r.Transport += w.transportErr
	}
	r.RPS = float64(r.Requests) / elapsed.Seconds()
	r.P50, r.P99 = all.percentile(50), all.percentile(99)
	return r
}

// helloCommand is the hidden subcommand the harness runs itself with to
// serve the ceiling: a plain net/http hello world, in a process of its own
// as the store is.
const helloCommand = "__hello"

// serveHello is the hello-world server: it prints its address and serves
// until killed.
func serveHello() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr())
	http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "Hello, world!\n")
	}))
}

// startHello starts the hello-world server as a child process and returns
// its URL and a func that stops it.
func startHello() (string, func(), error) {
	self, err := os.Executable()
	if err != nil {
		return "", nil, err
	}
	cmd := exec.Command(self, helloCommand)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop := func() { cmd.Process.Kill(); cmd.Wait() }
	line := make([]byte, 64)
	n, err := out.Read(line)
	if err != nil {
		stop()
		return "", nil, fmt.Errorf("hello server: %w", err)
	}
	return "http://" + strings.TrimSpace(string(line[:n])) + "/", stop, nil
}

// wrkPath returns wrk when it is on PATH.
func wrkPath() string {
	p, _ := exec.LookPath("wrk")
	return p
}

package main

import (
	"context"
	"math"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStats(t *testing.T) {
	for _, tc := range []struct {
		name      string
		xs        []float64
		median    float64
		p95       float64
		gapsFirst float64
	}{
		{name: "odd count", xs: []float64{3, 1, 2}, median: 2, p95: 3, gapsFirst: -2},
		{name: "even count takes the mean of the middle two", xs: []float64{4, 1, 3, 2}, median: 2.5, p95: 4, gapsFirst: -3},
		{name: "one value", xs: []float64{7}, median: 7, p95: 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.median, median(tc.xs))
			assert.Equal(t, tc.p95, percentile(tc.xs, 95))
			if len(tc.xs) > 1 {
				assert.Equal(t, tc.gapsFirst, gaps(tc.xs)[0])
			}
		})
	}
	assert.True(t, math.IsNaN(median(nil)), "no runs, no figure")
	xs := []float64{3, 1, 2}
	percentile(xs, 50)
	assert.Equal(t, []float64{3, 1, 2}, xs, "the input is left as it was")
}

func TestHistogramIsWithinOnePercent(t *testing.T) {
	h := newHistogram()
	for i := 1; i <= 1000; i++ {
		h.add(time.Duration(i) * time.Millisecond)
	}
	assert.InEpsilon(t, 500.0, h.percentile(50), 0.011)
	assert.InEpsilon(t, 990.0, h.percentile(99), 0.011)
	other := newHistogram()
	other.add(5 * time.Second)
	h.merge(other)
	assert.InEpsilon(t, 5000.0, h.percentile(100), 0.011)
}

func TestRunLoadCountsStatusesAndRate(t *testing.T) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1)%2 == 0 {
			w.WriteHeader(http.StatusTooManyRequests)
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	r := runLoad(context.Background(), loadTarget{Name: "t", Method: http.MethodGet, URL: srv.URL}, 4, 300*time.Millisecond)
	require.Greater(t, r.Requests, 10)
	assert.InDelta(t, r.Requests/2, r.Non2xx, 4, "every other answer is a 429")
	assert.Zero(t, r.Transport)
	assert.Greater(t, r.RPS, 0.0)
	assert.Greater(t, r.P99, 0.0)
}

func TestRunLoadCountsTransportErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close() // nobody listens any more
	r := runLoad(context.Background(), loadTarget{Name: "t", Method: http.MethodGet, URL: url}, 2, 100*time.Millisecond)
	assert.Zero(t, r.Requests)
	assert.Positive(t, r.Transport)
}

const wrkOutput = `Running 20s test @ http://127.0.0.1:40000/api/v1/products
  2 threads and 64 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    12.01ms    4.10ms  80.00ms   75.00%
    Req/Sec     2.70k   200.00     3.10k    70.00%
  Latency Distribution
     50%   11.50ms
     75%   14.00ms
     90%   17.00ms
     99%    1.20s
  107520 requests in 20.00s, 1.10GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 5
Requests/sec:   5376.00
Transfer/sec:     56.32MB
`

func TestParseWrk(t *testing.T) {
	r, err := parseWrk(wrkOutput)
	require.NoError(t, err)
	assert.Equal(t, 107520, r.Requests)
	assert.Equal(t, 5376.0, r.RPS)
	assert.Equal(t, 11.5, r.P50)
	assert.Equal(t, 1200.0, r.P99)
	assert.Equal(t, 5, r.Non2xx)
	assert.Equal(t, 3, r.Transport)

	_, err = parseWrk("wrk: connection refused")
	assert.Error(t, err)
}

func TestRatio(t *testing.T) {
	r := &Results{}
	r.add("s", "ours", "ms", []float64{30, 10, 20}, "")
	r.add("s", "peer", "ms", []float64{10}, "")
	r.ratio("ours/peer", [2]string{"s", "ours"}, [2]string{"s", "peer"})
	require.Len(t, r.Ratios, 1)
	assert.Equal(t, 2.0, r.Ratios[0].Ratio)
	f, ok := r.figure("s", "ours")
	require.True(t, ok)
	assert.Equal(t, [3]float64{20, 10, 30}, [3]float64{f.Median, f.Min, f.Max})
	r.ratio("missing", [2]string{"s", "ours"}, [2]string{"s", "nobody"})
	assert.Len(t, r.Ratios, 1, "a ratio needs both figures")
}

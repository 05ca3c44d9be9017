//go:build !(js && wasm)

package api

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
)

// localHandler is the server the native client calls in-process when the
// client has no BaseURL: during prerender the pages fetch their data from the
// same handler a browser would reach, without a network round trip.
var localHandler atomic.Pointer[http.Handler]

// SetLocalHandler makes h the in-process server of clients with no BaseURL.
// The server calls it once at start, before serving pages.
func SetLocalHandler(h http.Handler) { localHandler.Store(&h) }

func roundTrip(ctx context.Context, method, url string, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if h := localHandler.Load(); h != nil && req.URL.Host == "" {
		rec := httptest.NewRecorder()
		req.RemoteAddr = "127.0.0.1:0"
		(*h).ServeHTTP(rec, req)
		return rec.Code, rec.Body.Bytes(), nil
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	return resp.StatusCode, b, err
}

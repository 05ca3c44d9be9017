package server

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

func TestDecodeJSON(t *testing.T) {
	type body struct {
		Email string `json:"email"`
		Qty   int    `json:"qty"`
	}
	for _, tc := range []struct {
		name, body, contentType string
		code                    string
	}{
		{"valid", `{"email":"a@b.c","qty":2}`, "application/json", ""},
		{"malformed", `{"email":`, "application/json", catalog.EINVALID},
		{"unknown field", `{"email":"a@b.c","admin":true}`, "application/json", catalog.EINVALID},
		{"wrong type", `{"qty":"two"}`, "application/json", catalog.EINVALID},
		{"trailing data", `{"qty":1} {"qty":2}`, "application/json", catalog.EINVALID},
		{"empty", ``, "application/json", catalog.EINVALID},
		{"not JSON", `qty=1`, "application/x-www-form-urlencoded", catalog.EINVALID},
		{"too large", `{"email":"` + strings.Repeat("x", 1<<20) + `"}`, "application/json", catalog.ETOOLARGE},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/api/v1/x", strings.NewReader(tc.body))
			r.Header.Set("Content-Type", tc.contentType)
			var v body
			err := decodeJSON(httptest.NewRecorder(), r, &v)
			assert.Equal(t, tc.code, catalog.ErrorCode(err), "%v", err)
		})
	}
}

func TestErrorStatusesAndNoLeaks(t *testing.T) {
	for code, status := range statusOf {
		rec := httptest.NewRecorder()
		writeError(rec, httptest.NewRequest("GET", "/", nil), discardLogger(), catalog.Errorf(code, "msg"))
		assert.Equal(t, status, rec.Code, code)
	}
	rec := httptest.NewRecorder()
	writeError(rec, httptest.NewRequest("GET", "/", nil), discardLogger(), assertErr("SELECT * FROM secrets failed"))
	assert.Equal(t, 500, rec.Code)
	assert.NotContains(t, rec.Body.String(), "SELECT")
}

type assertErr string

func (e assertErr) Error() string { return string(e) }

func TestGracefulShutdownFinishesInFlightRequests(t *testing.T) {
	started := make(chan struct{})
	s := &Server{log: discardLogger(), handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		w.Write([]byte("finished"))
	})}
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- s.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addrc <- a }) }()
	addr := <-addrc
	type result struct {
		body string
		err  error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + addr.String() + "/slow")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b := make([]byte, 100)
		n, _ := resp.Body.Read(b)
		got <- result{body: string(b[:n])}
	}()
	<-started
	cancel() // SIGTERM arrives while the request is in flight
	r := <-got
	require.NoError(t, r.err)
	assert.Equal(t, "finished", r.body)
	assert.NoError(t, <-done)
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

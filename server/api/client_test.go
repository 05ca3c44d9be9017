//go:build !(js && wasm)

package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

func TestClientDecodesErrorEnvelope(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "/api/v1/products/x%2Fy", r.URL.EscapedPath(), "slugs are escaped")
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"error":{"code":"invalid","message":"Email is not valid.","field":"email","key":"form.email"}}`))
	}))
	defer srv.Close()
	_, err := (&Client{BaseURL: srv.URL}).Product(context.Background(), "x/y")
	var e *catalog.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, catalog.Error{Code: "invalid", Message: "Email is not valid.", Field: "email", Key: "form.email"}, *e)
}

func TestClientNonJSONErrorIsInternal(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "bad gateway", http.StatusBadGateway)
	}))
	defer srv.Close()
	_, err := (&Client{BaseURL: srv.URL}).Categories(context.Background())
	assert.Equal(t, catalog.EINTERNAL, catalog.ErrorCode(err))
}

func TestClientInProcessHandler(t *testing.T) {
	SetLocalHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "category=cycling&q=lock", r.URL.RawQuery)
		w.Write([]byte(`{"products":[{"slug":"u-lock"}]}`))
	}))
	ps, err := (&Client{}).Products(context.Background(), catalog.ProductFilter{Category: "cycling", Query: "lock"})
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, "u-lock", ps[0].Slug)
}

func TestClientKeepsErrorParams(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "POST", r.Method)
		w.WriteHeader(http.StatusTooManyRequests)
		w.Write([]byte(`{"error":{"code":"rate_limited","message":"Too many attempts. Try again in 42 seconds.","key":"track.err.rate_limited","params":{"seconds":"42"}}}`))
	}))
	defer srv.Close()
	_, err := (&Client{BaseURL: srv.URL}).LookupOrder(context.Background(), "VT-1001", "x@example.com")
	var e *catalog.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, catalog.ERATELIMITED, e.Code)
	assert.Equal(t, map[string]string{"seconds": "42"}, e.Params)
}

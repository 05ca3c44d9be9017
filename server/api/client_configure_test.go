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

func TestClientDecodesFieldErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "POST", r.Method)
		assert.Equal(t, "/api/v1/orders", r.URL.Path)
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"error":{"code":"invalid","message":"Enter your email.","field":"email","key":"checkout.err.email_missing",
			"errors":[{"code":"invalid","message":"Enter your email.","field":"email","key":"checkout.err.email_missing"},
			{"code":"invalid","message":"Enter the city.","field":"city","key":"checkout.err.city_missing"}]}}`))
	}))
	defer srv.Close()
	_, err := (&Client{BaseURL: srv.URL}).PlaceOrder(context.Background(), PlaceOrderRequest{})
	var es catalog.Errors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 2)
	assert.Equal(t, "city", es[1].Field)
	assert.Equal(t, "checkout.err.city_missing", es[1].Key)
	assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
}

//go:build js && wasm

package api

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

// These run under Node, whose fetch is the browser's: a data: URL stands in
// for the server, so the wasm client's real fetch path is exercised.

func TestFetchDecodesResponse(t *testing.T) {
	c := &Client{BaseURL: `data:application/json,{"categories":[{"slug":"cycling","name":{"en":"Cycling"}}]}#`}
	cs, err := c.Categories(context.Background())
	require.NoError(t, err)
	require.Len(t, cs, 1)
	assert.Equal(t, "Cycling", cs[0].Name.In("es"))
}

func TestFetchNetworkErrorIsCoded(t *testing.T) {
	c := &Client{BaseURL: "http://127.0.0.1:1"}
	_, err := c.Categories(context.Background())
	require.Error(t, err)
	assert.Equal(t, "network", catalog.ErrorCode(err))
}

func TestFetchCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := (&Client{BaseURL: "http://127.0.0.1:1"}).Categories(ctx)
	require.Error(t, err)
}

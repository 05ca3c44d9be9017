package orderstest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// RunSubscriptions runs the conformance suite of orders.SubscriptionStore.
// open must return a new, empty store for each call that implements both
// interfaces over the same data (a subscription belongs to an order).
func RunSubscriptions(t *testing.T, open func(t *testing.T) (orders.Store, orders.SubscriptionStore)) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s orders.Store, subs orders.SubscriptionStore)
	}{
		{"SubscribeOnceThenAgain", testSubscribe},
		{"SubscribeUnknownOrderIsNotFound", testSubscribeUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, subs := open(t)
			tc.fn(t, s, subs)
		})
	}
}

func testSubscribe(t *testing.T, s orders.Store, subs orders.SubscriptionStore) {
	ctx := context.Background()
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-3001", base, "")))
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-3002", base.Add(time.Hour), "")))

	on, err := subs.Subscribed(ctx, "VT-3001")
	require.NoError(t, err)
	assert.False(t, on, "nobody subscribed yet")

	created, err := subs.Subscribe(ctx, "VT-3001")
	require.NoError(t, err)
	assert.True(t, created)
	created, err = subs.Subscribe(ctx, "VT-3001")
	require.NoError(t, err)
	assert.False(t, created, "a second subscription changes nothing")

	on, err = subs.Subscribed(ctx, "VT-3001")
	require.NoError(t, err)
	assert.True(t, on)
	on, err = subs.Subscribed(ctx, "VT-3002")
	require.NoError(t, err)
	assert.False(t, on, "subscriptions are per order")
}

func testSubscribeUnknown(t *testing.T, _ orders.Store, subs orders.SubscriptionStore) {
	ctx := context.Background()
	_, err := subs.Subscribe(ctx, "VT-9999")
	code(t, catalog.ENOTFOUND, err)
	on, err := subs.Subscribed(ctx, "VT-9999")
	require.NoError(t, err)
	assert.False(t, on)
}

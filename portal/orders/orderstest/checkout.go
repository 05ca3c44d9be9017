package orderstest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// Placer is a store that keeps orders and places new ones, as checkout
// needs.
type Placer interface {
	orders.Store
	orders.CheckoutStore
}

// RunCheckout checks the orders.CheckoutStore contract on stores made by
// open, each empty.
func RunCheckout(t *testing.T, open func(t *testing.T) Placer) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s Placer)
	}{
		{"NumbersStartAtFirstNumber", testPlaceFirstNumber},
		{"NumbersFollowTheOrdersAlreadyStored", testPlaceAfterExisting},
		{"SameKeyPlacesOneOrder", testPlaceIdempotent},
		{"SameKeyWithAnotherRequestConflicts", testPlaceKeyReused},
		{"WritesTheOutboxWithTheOrder", testPlaceOutbox},
		{"FailuresWriteNothing", testPlaceFailures},
		{"ConcurrentCheckoutsGetTheirOwnNumbers", testPlaceConcurrent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.fn(t, open(t))
		})
	}
}

// placeBuild returns a build function making a simple order and one
// confirmation email, counting its calls.
func placeBuild(calls *int) func(string) (*orders.Order, []orders.OutboxMessage, error) {
	return func(number string) (*orders.Order, []orders.OutboxMessage, error) {
		if calls != nil {
			*calls++
		}
		o := simpleOrder(number, base, "")
		o.Lines[0].Configured = true
		o.Lines[0].Configuration = `{"product":"laptop-14","code":"ram.32"}`
		return o, []orders.OutboxMessage{{To: o.Email, Subject: "Order " + number, Body: "Thank you", Kind: orders.MailConfirmation}}, nil
	}
}

func testPlaceFirstNumber(t *testing.T, s Placer) {
	ctx := context.Background()
	calls := 0
	o, created, err := s.PlaceOrder(ctx, "key-1", "fp-1", placeBuild(&calls))
	require.NoError(t, err)
	assert.True(t, created)
	assert.Equal(t, 1, calls)
	assert.Equal(t, fmt.Sprintf("%s-%d", orders.NumberPrefix, orders.FirstNumber), o.Number)
	got, err := s.Order(ctx, o.Number)
	require.NoError(t, err)
	assert.Equal(t, o, got, "PlaceOrder returns the order as stored")
	assert.Equal(t, `{"product":"laptop-14","code":"ram.32"}`, got.Lines[0].Configuration)

	o2, created, err := s.PlaceOrder(ctx, "key-2", "fp-2", placeBuild(nil))
	require.NoError(t, err)
	assert.True(t, created)
	assert.Equal(t, fmt.Sprintf("%s-%d", orders.NumberPrefix, orders.FirstNumber+1), o2.Number)
}

func testPlaceAfterExisting(t *testing.T, s Placer) {
	ctx := context.Background()
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-1010", base, "")))
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("VT-1003", base, "")))
	require.NoError(t, s.CreateOrder(ctx, simpleOrder("XY-5000", base, "")))
	o, _, err := s.PlaceOrder(ctx, "key-1", "fp", placeBuild(nil))
	require.NoError(t, err)
	assert.Equal(t, "VT-1011", o.Number)
}

func testPlaceIdempotent(t *testing.T, s Placer) {
	ctx := context.Background()
	calls := 0
	first, created, err := s.PlaceOrder(ctx, "double-click", "fp", placeBuild(&calls))
	require.NoError(t, err)
	require.True(t, created)
	again, created, err := s.PlaceOrder(ctx, "double-click", "fp", placeBuild(&calls))
	require.NoError(t, err)
	assert.False(t, created)
	assert.Equal(t, first, again)
	assert.Equal(t, 1, calls, "build is not called for a key already used")
	mails, err := s.Outbox(ctx, first.Number)
	require.NoError(t, err)
	assert.Len(t, mails, 1, "one confirmation")
	next, _, err := s.PlaceOrder(ctx, "another", "fp", placeBuild(nil))
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprintf("%s-%d", orders.NumberPrefix, orders.FirstNumber+1), next.Number, "a replay takes no number")
}

func testPlaceKeyReused(t *testing.T, s Placer) {
	ctx := context.Background()
	_, _, err := s.PlaceOrder(ctx, "k", "fp-a", placeBuild(nil))
	require.NoError(t, err)
	_, _, err = s.PlaceOrder(ctx, "k", "fp-b", placeBuild(nil))
	code(t, catalog.ECONFLICT, err)
}

func testPlaceOutbox(t *testing.T, s Placer) {
	ctx := context.Background()
	o, _, err := s.PlaceOrder(ctx, "k", "fp", func(number string) (*orders.Order, []orders.OutboxMessage, error) {
		o := simpleOrder(number, base, "")
		return o, []orders.OutboxMessage{
			{To: "li.wei@example.com", Subject: "您的订单 " + number, Body: "谢谢", Kind: orders.MailConfirmation, CreatedAt: base},
			{To: "staff@vitrine.example", Subject: "New order " + number, Body: "-", Kind: "staff_new_order", OrderNumber: "ignored", CreatedAt: base},
		}, nil
	})
	require.NoError(t, err)
	mails, err := s.Outbox(ctx, o.Number)
	require.NoError(t, err)
	require.Len(t, mails, 2)
	assert.Equal(t, "您的订单 "+o.Number, mails[0].Subject)
	assert.Equal(t, orders.MailConfirmation, mails[0].Kind)
	assert.Equal(t, o.Number, mails[1].OrderNumber, "messages are about the order placed")
	assert.True(t, mails[0].CreatedAt.Equal(base))
}

func testPlaceFailures(t *testing.T, s Placer) {
	ctx := context.Background()
	boom := errors.New("the catalog changed")
	for _, tc := range []struct {
		name  string
		key   string
		build func(string) (*orders.Order, []orders.OutboxMessage, error)
		code  string
	}{
		{"no key", "", placeBuild(nil), catalog.EINVALID},
		{"build fails", "k1", func(string) (*orders.Order, []orders.OutboxMessage, error) { return nil, nil, boom }, catalog.EINTERNAL},
		{"build refuses", "k2", func(string) (*orders.Order, []orders.OutboxMessage, error) {
			return nil, nil, catalog.FieldError("items[0].qty", "cart.err.qty", "too many")
		}, catalog.EINVALID},
		{"an invalid line", "k3", func(number string) (*orders.Order, []orders.OutboxMessage, error) {
			o, m, _ := placeBuild(nil)(number)
			o.Lines = append(o.Lines, orders.Line{ID: 2, Slug: "u-lock", Name: catalog.Text{"en": "U-lock"}, Qty: 0, UnitPrice: catalog.EUR(100)})
			return o, m, nil
		}, catalog.EINVALID},
		{"a mail without recipient", "k4", func(number string) (*orders.Order, []orders.OutboxMessage, error) {
			o, _, _ := placeBuild(nil)(number)
			return o, []orders.OutboxMessage{{Subject: "x"}}, nil
		}, catalog.EINVALID},
		{"another number", "k5", func(number string) (*orders.Order, []orders.OutboxMessage, error) {
			return placeBuild(nil)("VT-9999")
		}, catalog.EINTERNAL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, created, err := s.PlaceOrder(ctx, tc.key, "fp", tc.build)
			code(t, tc.code, err)
			assert.False(t, created)
			if tc.name == "build fails" {
				assert.ErrorIs(t, err, boom)
			}
		})
	}
	mails, err := s.Outbox(ctx, "")
	require.NoError(t, err)
	assert.Empty(t, mails, "no email about an order that was not placed")
	_, err = s.Order(ctx, "VT-9999")
	code(t, catalog.ENOTFOUND, err)
	o, created, err := s.PlaceOrder(ctx, "k3", "fp", placeBuild(nil))
	require.NoError(t, err)
	assert.True(t, created, "a failed attempt does not use up its key")
	assert.Equal(t, fmt.Sprintf("%s-%d", orders.NumberPrefix, orders.FirstNumber), o.Number, "nor a number")
}

func testPlaceConcurrent(t *testing.T, s Placer) {
	ctx := context.Background()
	const n = 8
	var wg sync.WaitGroup
	numbers := make([]string, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Half of them are double clicks of the other half.
			key := fmt.Sprintf("key-%d", i%(n/2))
			o, _, err := s.PlaceOrder(ctx, key, "fp", placeBuild(nil))
			errs[i] = err
			if o != nil {
				numbers[i] = o.Number
			}
		}()
	}
	wg.Wait()
	distinct := map[string]bool{}
	for i := range n {
		require.NoError(t, errs[i])
		distinct[numbers[i]] = true
		assert.Equal(t, numbers[i], numbers[i%(n/2)], "the same key gets the same order")
	}
	assert.Len(t, distinct, n/2)
}

package catalog

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestShippingRuleCost(t *testing.T) {
	r := DefaultCartRules().Shipping
	for _, tc := range []struct {
		name       string
		method     string
		subtotal   int64
		categories []string
		want       int64
	}{
		{"parcel under the threshold", ShippingStandard, 4990, []string{"computing"}, 690},
		{"furniture under the threshold", ShippingStandard, 34900, []string{"living-room"}, 2900},
		{"one furniture line makes it furniture", ShippingStandard, 10000, []string{"cycling", "bedroom-storage"}, 2900},
		{"outdoor furniture is furniture", ShippingStandard, 10000, []string{"outdoor"}, 2900},
		{"just under the threshold", ShippingStandard, 49999, []string{"home-office"}, 2900},
		{"free from exactly 500 EUR", ShippingStandard, 50000, []string{"home-office"}, 0},
		{"free over 500 EUR", ShippingStandard, 104900, []string{"living-room", "computing"}, 0},
		{"pickup is free", ShippingPickup, 4990, []string{"living-room"}, 0},
		{"an empty cart ships nothing", ShippingStandard, 0, nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, EUR(tc.want), r.Cost(tc.method, EUR(tc.subtotal), tc.categories))
		})
	}
}

func TestVATIncluded(t *testing.T) {
	for _, tc := range []struct {
		name        string
		total       int64
		basisPoints int
		want        int64
	}{
		{"21 % of an exact amount", 12100, 2100, 2100},
		{"rounds half up", 100, 2100, 17}, // 17.355… cents
		{"the default sofa", 104900, 2100, 18206},
		{"a reduced rate of 10 %", 11000, 1000, 1000},
		{"no VAT", 5000, 0, 0},
		{"nothing", 0, 2100, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, EUR(tc.want), VATIncluded(EUR(tc.total), tc.basisPoints))
		})
	}
}

func TestCartTotals(t *testing.T) {
	line := func(category string, euros int64, lead int) CartLine {
		return CartLine{Product: Product{Category: category}, Total: EUR(euros * 100), LeadTimeDays: lead}
	}
	r := DefaultCartRules()
	for _, tc := range []struct {
		name     string
		lines    []CartLine
		method   string
		subtotal int64
		shipping int64
		vat      int64
		lead     int
	}{
		{"a lamp and a mouse ship as a parcel", []CartLine{line("home-office", 79, 2), line("computing", 39, 1)}, ShippingStandard, 11800, 2900, 2551, 2},
		{"a mouse alone", []CartLine{line("computing", 39, 1)}, ShippingStandard, 3900, 690, 797, 1},
		{"a sofa ships free", []CartLine{line("living-room", 1049, 5)}, ShippingStandard, 104900, 0, 18206, 5},
		{"collected", []CartLine{line("computing", 39, 1)}, ShippingPickup, 3900, 0, 677, 1},
		{"empty", nil, ShippingStandard, 0, 0, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := r.Totals(tc.lines, tc.method)
			assert.Equal(t, EUR(tc.subtotal), got.Subtotal)
			assert.Equal(t, EUR(tc.shipping), got.Shipping)
			assert.Equal(t, EUR(tc.subtotal+tc.shipping), got.Total)
			assert.Equal(t, EUR(tc.vat), got.VAT)
			assert.Equal(t, 2100, got.VATBasisPoints)
			assert.Equal(t, EUR(50000), got.FreeShippingFrom)
			assert.Equal(t, tc.lead, got.LeadTimeDays)
		})
	}
}

func TestDeliveryDate(t *testing.T) {
	// 2026-11-25 is a Wednesday.
	wed := time.Date(2026, 11, 25, 17, 30, 0, 0, time.UTC)
	sat := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name   string
		from   time.Time
		lead   int
		method string
		want   time.Time
	}{
		{"ships today, two days of transit", wed, 0, ShippingStandard, day(11, 27)},
		{"three working days cross the weekend", wed, 3, ShippingStandard, day(12, 2)},
		{"ordered on Saturday ships from Monday", sat, 0, ShippingStandard, day(12, 2)},
		{"collected when ready", wed, 3, ShippingPickup, day(11, 30)},
		{"three weeks of lead time", wed, 21, ShippingStandard, day(12, 28)},
		{"another zone counts in UTC", time.Date(2026, 11, 26, 0, 30, 0, 0, time.FixedZone("CET", 3600)), 0, ShippingPickup, day(11, 25)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, DeliveryDate(tc.from, tc.lead, tc.method))
		})
	}
}

// memProducts is the smallest catalog Store PriceCart needs.
type memProducts map[string]Product

func (m memProducts) Categories(context.Context) ([]Category, error) { return nil, nil }
func (m memProducts) Products(context.Context, ProductFilter) ([]Product, error) {
	return nil, nil
}
func (m memProducts) Product(_ context.Context, slug string) (*Product, error) {
	if slug == "broken" {
		return nil, errors.New("disk on fire")
	}
	p, ok := m[slug]
	if !ok {
		return nil, Errorf(ENOTFOUND, "no product %s", slug)
	}
	return &p, nil
}
func (m memProducts) PutCategory(context.Context, Category) error { return nil }
func (m memProducts) PutProduct(context.Context, Product) error   { return nil }

func TestPriceCart(t *testing.T) {
	ctx := context.Background()
	products := memProducts{
		"test-desk": {Slug: "test-desk", Category: "home-office", Price: EUR(59900), LeadTimeDays: 5, Configurable: true},
		"desk-lamp": {Slug: "desk-lamp", Category: "home-office", Price: EUR(7900), LeadTimeDays: 2},
	}
	set, err := NewConfiguratorSet(testDesk())
	require.NoError(t, err)
	cf := testDesk()
	wide := cf.Default()
	wide.Dimensions["width"] = 160
	wide.Options["top"] = "walnut"

	t.Run("prices products and configurations", func(t *testing.T) {
		lines, err := PriceCart(ctx, products, set, []CartItem{
			{Product: "desk-lamp", Qty: 2},
			{Product: "test-desk", Qty: 1, Configuration: wide.Encode()},
			{Product: "test-desk", Qty: 1},
		})
		require.NoError(t, err)
		require.Len(t, lines, 3)
		assert.Equal(t, EUR(15800), lines[0].Total)
		assert.Nil(t, lines[0].Snapshot)
		assert.Equal(t, 2, lines[0].LeadTimeDays)
		// 559 + 80 for four 10 cm increments above 120 cm + 90 for walnut.
		assert.Equal(t, EUR(72900), lines[1].UnitPrice)
		require.NotNil(t, lines[1].Snapshot)
		assert.Equal(t, wide.Encode(), lines[1].Snapshot.Code)
		assert.Equal(t, 21, lines[1].LeadTimeDays, "walnut is out of stock")
		assert.Equal(t, cf.Default().Encode(), lines[2].Item.Configuration, "no code means the defaults")
		assert.Equal(t, EUR(59900), lines[2].Total)
	})

	t.Run("reports every bad line with its field", func(t *testing.T) {
		tampered := wide.Encode() + "_drawer.golden"
		_, err := PriceCart(ctx, products, set, []CartItem{
			{Product: "desk-lamp", Qty: 0},
			{Product: "no-such-thing", Qty: 1},
			{Product: "test-desk", Qty: 1, Configuration: tampered},
			{Product: "desk-lamp", Qty: 1, Configuration: "width.150"},
			{Product: "desk-lamp", Qty: MaxLineQty + 1},
			{Product: "test-desk", Qty: 1, Configuration: "drawer.drawer-unit_width.120"},
		})
		var es Errors
		require.ErrorAs(t, err, &es)
		var fields, keys []string
		for _, e := range es {
			fields, keys = append(fields, e.Field), append(keys, e.Key)
			assert.Equal(t, EINVALID, e.Code)
		}
		assert.Equal(t, []string{"items[0].qty", "items[1].product", "items[2].configuration", "items[3].configuration", "items[4].qty", "items[5].configuration"}, fields)
		assert.Equal(t, []string{"cart.err.qty", "cart.err.product_gone", "configurator.err.bad_code", "cart.err.not_configurable", "cart.err.qty", "configurator.reason.min_dimension"}, keys)
		assert.Equal(t, EINVALID, ErrorCode(err))
	})

	t.Run("a failing store is not the customer's fault", func(t *testing.T) {
		_, err := PriceCart(ctx, products, set, []CartItem{{Product: "broken", Qty: 1}})
		assert.Equal(t, EINTERNAL, ErrorCode(err))
	})

	t.Run("too many lines", func(t *testing.T) {
		_, err := PriceCart(ctx, products, set, make([]CartItem, MaxCartLines+1))
		assert.Equal(t, EINVALID, ErrorCode(err))
	})
}

func TestConfiguratorSet(t *testing.T) {
	set, err := NewConfiguratorSet(testDesk())
	require.NoError(t, err)
	cf, err := set.Configurator(context.Background(), "test-desk")
	require.NoError(t, err)
	assert.Equal(t, "test-desk", cf.Product)
	_, err = set.Configurator(context.Background(), "desk-lamp")
	assert.Equal(t, ENOTFOUND, ErrorCode(err))

	_, err = NewConfiguratorSet(testDesk(), testDesk())
	assert.Equal(t, EINVALID, ErrorCode(err), "one configurator per product")
	broken := testDesk()
	broken.Steps = nil
	_, err = NewConfiguratorSet(broken)
	assert.Equal(t, EINVALID, ErrorCode(err), "configurators are checked")
}

func TestErrors(t *testing.T) {
	var es Errors
	assert.NoError(t, es.Err())
	es = append(es, FieldError("email", "checkout.err.email", "Email is not valid."), FieldError("city", "checkout.err.city", "City is missing."))
	err := es.Err()
	require.Error(t, err)
	assert.Equal(t, EINVALID, ErrorCode(err))
	assert.Equal(t, "Email is not valid.", ErrorMessage(err))
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "email", e.Field)
	assert.Contains(t, err.Error(), "City is missing.")
	wrapped := errorsJoin(err)
	var back Errors
	require.ErrorAs(t, wrapped, &back)
	assert.Len(t, back, 2)
}

func errorsJoin(err error) error { return errors.Join(errors.New("checkout"), err) }

func TestSnapshotSummary(t *testing.T) {
	cf := testDesk()
	cfg := cf.Default()
	cfg.Dimensions["width"] = 160
	cfg.Options["drawer"] = "drawer-unit"
	s, err := cf.Snapshot(cfg)
	require.NoError(t, err)
	assert.Equal(t, []string{"Top width: 160 cm", "Oak veneer", "Black", "Drawer unit"}, s.Summary("en"))
	assert.Equal(t, "Ancho del tablero: 160 cm", s.Summary("es")[0])
}

func TestFormatMidSentence(t *testing.T) {
	p := newPhrase("configurator.reason.requires", "The {option} needs the {required}.",
		map[string]Text{"option": {"en": "Monitor arm", "es": "Brazo para monitor"}, "required": {"en": "XL frame", "es": "Bandeja pasacables"}})
	assert.Equal(t, "«brazo para monitor» necesita «bandeja pasacables».", p.FormatMidSentence("«{option}» necesita «{required}».", "es"))
	assert.Equal(t, "The monitor arm needs the XL frame.", p.FormatMidSentence("", "es"))
	assert.Equal(t, "The monitor arm needs the XL frame.", p.Message)
}

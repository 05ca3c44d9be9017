package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/server"
	"vitrine/server/api"
	"vitrine/server/demo"
	"vitrine/server/sqlite"
	"vitrine/showroom/catalog"
)

func demoConfigurators(t testing.TB) catalog.ConfiguratorSet {
	t.Helper()
	set, err := catalog.NewConfiguratorSet(demo.Configurators()...)
	require.NoError(t, err)
	return set
}

// post sends body (marshalled unless it is a string) as JSON.
func (e *env) post(t *testing.T, path string, body any) (*http.Response, []byte) {
	t.Helper()
	s, ok := body.(string)
	if !ok {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		s = string(b)
	}
	return e.do(t, "POST", path, strings.NewReader(s), "Content-Type", "application/json")
}

// problems returns field → key of an error response.
func problems(t *testing.T, b []byte) map[string]string {
	t.Helper()
	body := decode[api.ErrorBody](t, b)
	out := map[string]string{body.Error.Field: body.Error.Key}
	for _, d := range body.Error.Errors {
		out[d.Field] = d.Key
	}
	return out
}

func TestConfiguratorAPI(t *testing.T) {
	e := newEnv(t)
	resp, b := e.do(t, "GET", "/api/v1/configurators/standing-desk", nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	got := decode[api.ConfiguratorResponse](t, b)
	assert.Equal(t, "standing-desk", got.Product.Slug)
	assert.Equal(t, "Standing desk", got.Product.Name.In("en"))
	require.NoError(t, got.Configurator.Check(), "the browser gets a whole configurator")
	assert.Equal(t, demo.ConfiguratorFor("standing-desk").Default(), got.Configurator.Default())

	for _, path := range []string{"/api/v1/configurators/oak-coffee-table", "/api/v1/configurators/no-such-thing"} {
		resp, b := e.do(t, "GET", path, nil)
		assert.Equal(t, http.StatusNotFound, resp.StatusCode, path)
		assert.Equal(t, catalog.ENOTFOUND, decode[api.ErrorBody](t, b).Error.Code)
	}
}

func TestConfigurationPrice(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) // a Wednesday
	e := newEnv(t, func(c *server.Config) { c.Now = func() time.Time { return now } })
	price := func(t *testing.T, req api.ConfigurationPriceRequest) api.ConfigurationPriceResponse {
		t.Helper()
		resp, b := e.post(t, "/api/v1/configurations/price", req)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
		return decode[api.ConfigurationPriceResponse](t, b)
	}

	t.Run("the defaults cost the product's price", func(t *testing.T) {
		got := price(t, api.ConfigurationPriceRequest{Product: "standing-desk"})
		assert.Equal(t, catalog.EUR(59900), got.Total)
		assert.Equal(t, 3, got.LeadTimeDays)
		assert.Equal(t, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), got.DeliveryBy.UTC())
		skus := []string{}
		for _, p := range got.Parts {
			skus = append(skus, p.SKU)
		}
		assert.Equal(t, []string{"VT-HO-001-BASE", "VT-HO-001-TP-W-140", "VT-HO-001-TP-OAK", "VT-HO-001-FR-BLK"}, skus)
		assert.Empty(t, got.Notices)
		assert.NotEmpty(t, got.Accessories)
	})

	t.Run("a change is applied with the rules' notices", func(t *testing.T) {
		got := price(t, api.ConfigurationPriceRequest{Product: "standing-desk",
			Change: &catalog.ConfigChange{Part: "monitor-arm", Option: "monitor-arm"}})
		assert.Equal(t, catalog.EUR(59900+6900+2900), got.Total)
		require.Len(t, got.Notices, 1)
		assert.Equal(t, "configurator.notice.added", got.Notices[0].Key)
		assert.Equal(t, "cable-tray", got.Notices[0].Choice)
		assert.Equal(t, "cable-tray", got.Configuration.Options["cable-tray"])
		assert.Contains(t, got.Code, "monitor-arm.monitor-arm")
		var accessories []string
		for _, p := range got.Accessories {
			accessories = append(accessories, p.Slug)
		}
		assert.Equal(t, "monitor-27", accessories[0], "a monitor goes with the monitor arm")
	})

	t.Run("the width prices by the rule and disables the drawer with its reason", func(t *testing.T) {
		got := price(t, api.ConfigurationPriceRequest{Product: "standing-desk", Code: "width.120"})
		assert.Equal(t, catalog.EUR(55900), got.Total)
		var drawer *catalog.ConfigAvailability
		for i, a := range got.Availability {
			if a.Choice == "drawer" {
				drawer = &got.Availability[i]
			}
		}
		require.NotNil(t, drawer)
		assert.False(t, drawer.Enabled)
		require.NotNil(t, drawer.Reason)
		assert.Equal(t, "The drawer unit needs a top width of at least 140 cm.", drawer.Reason.Message)
	})

	t.Run("walnut ships later", func(t *testing.T) {
		got := price(t, api.ConfigurationPriceRequest{Product: "standing-desk", Code: "top.walnut-veneer"})
		assert.Equal(t, 21, got.LeadTimeDays)
	})

	for _, tc := range []struct {
		name   string
		body   any
		status int
		field  string
		key    string
	}{
		{"an option that does not exist", api.ConfigurationPriceRequest{Product: "standing-desk", Code: "top.gold-leaf"},
			400, "top", "configurator.err.unknown_option"},
		{"a width off the steps", api.ConfigurationPriceRequest{Product: "standing-desk", Code: "width.145"},
			400, "width", "configurator.err.dimension_range"},
		{"a configuration breaking a rule", api.ConfigurationPriceRequest{Product: "standing-desk", Configuration: &catalog.Configuration{
			Product: "standing-desk", Options: map[string]string{"top": "oak-veneer", "frame-colour": "black", "drawer": "drawer-unit", "cable-tray": "", "monitor-arm": ""},
			Dimensions: map[string]int{"width": 120}, Quantities: map[string]int{}}},
			400, "drawer", "configurator.reason.min_dimension"},
		{"another product's configuration", api.ConfigurationPriceRequest{Product: "standing-desk", Configuration: &catalog.Configuration{Product: "city-bike"}},
			400, "", "configurator.err.product"},
		{"a change the rules refuse", api.ConfigurationPriceRequest{Product: "standing-desk", Code: "width.120",
			Change: &catalog.ConfigChange{Part: "drawer", Option: "drawer-unit"}}, 400, "drawer", "configurator.reason.min_dimension"},
		{"a price sent by the browser", `{"product":"standing-desk","total":{"amount":100,"currency":"EUR"}}`, 400, "", ""},
		{"code and configuration together", `{"product":"standing-desk","code":"width.120","configuration":{"product":"standing-desk"}}`,
			400, "code", "configurator.err.bad_code"},
		{"a product that is not configurable", api.ConfigurationPriceRequest{Product: "oak-coffee-table"}, 404, "", "configurator.err.not_configurable"},
		{"no product", api.ConfigurationPriceRequest{}, 400, "product", "configurator.err.not_configurable"},
	} {
		t.Run("refuses "+tc.name, func(t *testing.T) {
			resp, b := e.post(t, "/api/v1/configurations/price", tc.body)
			assert.Equal(t, tc.status, resp.StatusCode, string(b))
			detail := decode[api.ErrorBody](t, b).Error
			assert.Equal(t, tc.field, detail.Field)
			assert.Equal(t, tc.key, detail.Key)
			assert.NotContains(t, string(b), `"total"`)
		})
	}
}

func TestCartPrice(t *testing.T) {
	sofa := demo.ConfiguratorFor("modular-sofa").Default()
	sofa.Quantities["modules"] = 4
	for _, tc := range []struct {
		name     string
		vat      int
		items    []catalog.CartItem
		shipping string
		subtotal int64
		ship     int64
		vatPart  int64
	}{
		{"a lamp ships as furniture of the home office", 2100, []catalog.CartItem{{Product: "desk-lamp", Qty: 1}}, "", 8900, 2900, 2048},
		{"a mouse ships as a parcel", 2100, []catalog.CartItem{{Product: "wireless-mouse", Qty: 1}}, "", 4990, 690, 986},
		{"a configured sofa ships free", 2100, []catalog.CartItem{{Product: "modular-sofa", Qty: 1, Configuration: sofa.Encode()}}, "", 133900, 0, 23239},
		{"collected for free", 2100, []catalog.CartItem{{Product: "wireless-mouse", Qty: 2}}, catalog.ShippingPickup, 9980, 0, 1732},
		{"another VAT rate", 1000, []catalog.CartItem{{Product: "wireless-mouse", Qty: 1}}, "", 4990, 690, 516},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rules := catalog.DefaultCartRules()
			rules.VATBasisPoints = tc.vat
			e := newEnv(t, func(c *server.Config) { c.Cart = rules })
			resp, b := e.post(t, "/api/v1/cart/price", api.CartPriceRequest{Items: tc.items, Shipping: tc.shipping})
			require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
			got := decode[api.CartPriceResponse](t, b)
			assert.Equal(t, catalog.EUR(tc.subtotal), got.Totals.Subtotal)
			assert.Equal(t, catalog.EUR(tc.ship), got.Totals.Shipping)
			assert.Equal(t, catalog.EUR(tc.subtotal+tc.ship), got.Totals.Total)
			assert.Equal(t, catalog.EUR(tc.vatPart), got.Totals.VAT)
			assert.Equal(t, tc.vat, got.Totals.VATBasisPoints)
			require.Len(t, got.Lines, len(tc.items))
		})
	}

	e := newEnv(t)
	t.Run("configured lines carry their snapshot and accessories not in the cart", func(t *testing.T) {
		resp, b := e.post(t, "/api/v1/cart/price", api.CartPriceRequest{Items: []catalog.CartItem{
			{Product: "modular-sofa", Qty: 1, Configuration: sofa.Encode()}, {Product: "oak-coffee-table", Qty: 1}}})
		require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
		got := decode[api.CartPriceResponse](t, b)
		require.NotNil(t, got.Lines[0].Snapshot)
		assert.Equal(t, 4, got.Lines[0].Snapshot.Quantities[0].Count)
		assert.Equal(t, catalog.EUR(133900), got.Lines[0].UnitPrice)
		assert.Nil(t, got.Lines[1].Snapshot)
		var slugs []string
		for _, p := range got.Accessories {
			slugs = append(slugs, p.Slug)
		}
		assert.Equal(t, []string{"linen-armchair", "arc-floor-lamp"}, slugs, "the coffee table is in the cart already")
	})
	t.Run("every bad line is named", func(t *testing.T) {
		resp, b := e.post(t, "/api/v1/cart/price", api.CartPriceRequest{Items: []catalog.CartItem{
			{Product: "modular-sofa", Qty: 1, Configuration: "modules.9"},
			{Product: "desk-lamp", Qty: 0},
			{Product: "retired-lamp", Qty: 1},
		}})
		require.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.Equal(t, map[string]string{
			"items[0].configuration": "configurator.err.quantity_range",
			"items[1].qty":           "cart.err.qty",
			"items[2].product":       "cart.err.product_gone",
		}, problems(t, b))
	})
	t.Run("an unknown shipping method", func(t *testing.T) {
		resp, b := e.post(t, "/api/v1/cart/price", api.CartPriceRequest{Shipping: "drone"})
		require.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.Equal(t, map[string]string{"shipping": "checkout.err.shipping"}, problems(t, b))
	})
}

// orderRequest is a valid checkout of a configured desk and a mouse.
func orderRequest(key string) api.PlaceOrderRequest {
	desk := demo.ConfiguratorFor("standing-desk").Default()
	desk.Dimensions["width"] = 160
	desk.Options["drawer"] = "drawer-unit"
	return api.PlaceOrderRequest{
		IdempotencyKey: key, Locale: "es",
		Items: []catalog.CartItem{{Product: "standing-desk", Qty: 1, Configuration: desk.Encode()}, {Product: "wireless-mouse", Qty: 2}},
		Checkout: orders.Checkout{Email: "ana.lopez@example.com", Name: "Ana López", Street: "Calle de Alcalá 123",
			Postcode: "28009", City: "Madrid", Country: "ES", Shipping: catalog.ShippingStandard, Payment: orders.PayBankTransfer},
	}
}

func TestPlaceOrder(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	e := newEnv(t, func(c *server.Config) {
		c.Now = func() time.Time { return now }
		c.PublicURL = "https://shop.example/"
	})
	nothingPlaced := func(t *testing.T) {
		t.Helper()
		_, err := e.orders.Order(ctx, "VT-1011")
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err), "no order was written")
		mails, err := e.orders.Outbox(ctx, "VT-1011")
		require.NoError(t, err)
		assert.Empty(t, mails, "no email was written")
	}

	t.Run("every wrong field is reported with its key", func(t *testing.T) {
		req := orderRequest("key-empty-form-000001")
		req.Checkout = orders.Checkout{Email: "ana@", Postcode: "1", Country: "ES", Payment: "card"}
		resp, b := e.post(t, "/api/v1/orders", req)
		require.Equal(t, http.StatusBadRequest, resp.StatusCode, string(b))
		assert.Equal(t, map[string]string{
			"email": "checkout.err.email_invalid", "name": "checkout.err.name_missing", "street": "checkout.err.street_missing",
			"postcode": "checkout.err.postcode_invalid", "city": "checkout.err.city_missing",
			"shipping": "checkout.err.shipping", "payment": "checkout.err.payment",
		}, problems(t, b))
		nothingPlaced(t)
	})

	t.Run("an invalid line writes nothing", func(t *testing.T) {
		req := orderRequest("key-bad-line-00000001")
		req.Items = append(req.Items, catalog.CartItem{Product: "city-bike", Qty: 1, Configuration: "lights.dynamo_wheels.26-inch"})
		resp, b := e.post(t, "/api/v1/orders", req)
		require.Equal(t, http.StatusBadRequest, resp.StatusCode, string(b))
		assert.Equal(t, map[string]string{"items[2].configuration": "configurator.reason.requires"}, problems(t, b))
		nothingPlaced(t)
	})

	t.Run("a total that changed is refused", func(t *testing.T) {
		req := orderRequest("key-stale-total-00001")
		req.ExpectedTotal = &catalog.Money{Amount: 100, Currency: "EUR"}
		resp, b := e.post(t, "/api/v1/orders", req)
		require.Equal(t, http.StatusConflict, resp.StatusCode, string(b))
		assert.Equal(t, "checkout.err.price_changed", decode[api.ErrorBody](t, b).Error.Key)
		nothingPlaced(t)
	})

	t.Run("a missing key", func(t *testing.T) {
		resp, b := e.post(t, "/api/v1/orders", orderRequest("short"))
		require.Equal(t, http.StatusBadRequest, resp.StatusCode)
		assert.Equal(t, map[string]string{"idempotencyKey": "checkout.err.key"}, problems(t, b))
	})

	req := orderRequest("key-double-click-0001")
	// 559 + 80 (160 cm) + 79 (drawer) + 2 × 49.90.
	wantTotal := catalog.EUR(71800 + 9980)
	req.ExpectedTotal = &wantTotal
	resp, b := e.post(t, "/api/v1/orders", req)
	require.Equal(t, http.StatusCreated, resp.StatusCode, string(b))
	first := decode[api.PlaceOrderResponse](t, b)
	assert.Equal(t, "VT-1011", first.Number, "numbers follow the demo's VT-1010")
	require.True(t, strings.HasPrefix(first.TrackURL, "/track/VT-1011?t="), first.TrackURL)
	t.Run("the tracking link opens the order", func(t *testing.T) {
		token := strings.TrimPrefix(first.TrackURL, "/track/VT-1011?t=")
		resp, b := e.do(t, "GET", "/api/v1/orders/VT-1011?token="+url.QueryEscape(token), nil)
		assert.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	})
	assert.True(t, first.Created)
	assert.Equal(t, wantTotal, first.Totals.Total)
	assert.Equal(t, catalog.EUR(0), first.Totals.Shipping, "free from 500 EUR")
	assert.Equal(t, catalog.EUR(14193), first.Totals.VAT)
	assert.Equal(t, server.DemoBankAccount, first.BankAccount)
	assert.Equal(t, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), first.PromisedBy.UTC(), "three working days, then two of transit")

	t.Run("the same key again places nothing more", func(t *testing.T) {
		resp, b := e.post(t, "/api/v1/orders", req)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
		again := decode[api.PlaceOrderResponse](t, b)
		assert.Equal(t, first.Number, again.Number)
		assert.False(t, again.Created)
		_, err := e.orders.Order(ctx, "VT-1012")
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
	})

	t.Run("the same key with another cart conflicts", func(t *testing.T) {
		other := req
		other.Items = other.Items[1:]
		other.ExpectedTotal = nil
		resp, b := e.post(t, "/api/v1/orders", other)
		require.Equal(t, http.StatusConflict, resp.StatusCode, string(b))
		assert.Equal(t, "checkout.err.key_reused", decode[api.ErrorBody](t, b).Error.Key)
	})

	t.Run("the order keeps a full snapshot of the configuration", func(t *testing.T) {
		o, err := e.orders.Order(ctx, first.Number)
		require.NoError(t, err)
		assert.Equal(t, "es", o.Locale)
		assert.Equal(t, orders.PayBankTransfer, o.Totals.PaymentMethod)
		require.Len(t, o.Lines, 2)
		desk := o.Lines[0]
		assert.True(t, desk.Configured)
		assert.Equal(t, catalog.EUR(71800), desk.UnitPrice)
		var snap catalog.ConfigSnapshot
		require.NoError(t, json.Unmarshal([]byte(desk.Configuration), &snap))
		cf := demo.ConfiguratorFor("standing-desk")
		cfg, err := catalog.DecodeConfiguration(cf, req.Items[0].Configuration)
		require.NoError(t, err)
		want, err := cf.Snapshot(cfg)
		require.NoError(t, err)
		assert.Equal(t, want, snap)
		assert.Equal(t, "Cajonera", snap.Options[2].Name.In("es"), "names in every language are kept")
		assert.False(t, o.Lines[1].Configured)
		assert.Equal(t, 2, o.Lines[1].Qty)
	})

	t.Run("the snapshot outlives changes to the catalog", func(t *testing.T) {
		cat := sqlite.NewCatalogStore(e.db)
		p, err := cat.Product(ctx, "standing-desk")
		require.NoError(t, err)
		p.Name = catalog.Text{"en": "Renamed desk", "es": "Escritorio renombrado"}
		p.Price = catalog.EUR(99900)
		p.SKU = "VT-HO-NEW"
		require.NoError(t, cat.PutProduct(ctx, *p))
		o, err := e.orders.Order(ctx, first.Number)
		require.NoError(t, err)
		desk := o.Lines[0]
		assert.Equal(t, catalog.EUR(71800), desk.UnitPrice, "the price paid stays")
		var snap catalog.ConfigSnapshot
		require.NoError(t, json.Unmarshal([]byte(desk.Configuration), &snap))
		assert.Equal(t, "Estructura eléctrica de altura regulable", snap.BaseName.In("es"), "the parts keep their names")
		assert.Equal(t, "Escritorio elevable", desk.Name.In("es"), "the name it was bought under stays")
		assert.NotContains(t, desk.Configuration, "VT-HO-NEW")
	})

	t.Run("the confirmation email is in the outbox, in Spanish, with the tracking link", func(t *testing.T) {
		mails, err := e.orders.Outbox(ctx, first.Number)
		require.NoError(t, err)
		require.Len(t, mails, 1)
		m := mails[0]
		assert.Equal(t, "ana.lopez@example.com", m.To)
		assert.Equal(t, orders.MailConfirmation, m.Kind)
		assert.Equal(t, "Tu pedido VT-1011 en Vitrine", m.Subject)
		assert.Contains(t, m.Body, "https://shop.example"+first.TrackURL)
		assert.Contains(t, m.Body, "Escritorio elevable")
		assert.Contains(t, m.Body, "Ancho del tablero: 160 cm")
		assert.Contains(t, m.Body, "817,80")
		assert.Contains(t, m.Body, server.DemoBankAccount)
	})
}

func TestPlaceOrderNeedsACheckoutStore(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.Checkout = nil })
	resp, _ := e.post(t, "/api/v1/orders", orderRequest("key-no-store-00000001"))
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}

package api

import (
	"time"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// ConfiguratorResponse is the body of GET /api/v1/configurators/{slug}: the
// product and its configurator, which the page runs in the browser for
// instant feedback.
type ConfiguratorResponse struct {
	Product      catalog.Product      `json:"product"`
	Configurator catalog.Configurator `json:"configurator"`
}

// ConfigurationPriceRequest is the body of POST /api/v1/configurations/price.
// The configuration is given by its share Code or in full as Configuration
// (not both); Change, when set, is applied to it first, as the page does on
// each choice. There is deliberately no price field: the server prices.
type ConfigurationPriceRequest struct {
	Product       string                 `json:"product"`
	Code          string                 `json:"code,omitempty"`
	Configuration *catalog.Configuration `json:"configuration,omitempty"`
	Change        *catalog.ConfigChange  `json:"change,omitempty"`
}

// ConfigurationPriceResponse is the server's price of a configuration and
// everything the summary shows about it.
type ConfigurationPriceResponse struct {
	// Configuration is the configuration priced: the one sent, with Change
	// and what the rules did about it applied.
	Configuration catalog.Configuration `json:"configuration"`
	Code          string                `json:"code"`
	Total         catalog.Money         `json:"total"`
	Lines         []catalog.PriceLine   `json:"lines"`
	Parts         []catalog.PartLine    `json:"parts"`
	LeadTimeDays  int                   `json:"leadTimeDays"`
	// DeliveryBy is the standard delivery date if ordered now.
	DeliveryBy   time.Time                    `json:"deliveryBy"`
	Availability []catalog.ConfigAvailability `json:"availability"`
	// Notices say what the rules changed while applying Change.
	Notices     []catalog.ConfigNotice `json:"notices"`
	Accessories []catalog.Product      `json:"accessories"`
}

// CartPriceRequest is the body of POST /api/v1/cart/price.
type CartPriceRequest struct {
	Items []catalog.CartItem `json:"items"`
	// Shipping is the shipping method to price; empty means standard.
	Shipping string `json:"shipping,omitempty"`
}

// CartLine is one priced line of a cart.
type CartLine struct {
	Product catalog.Product `json:"product"`
	Qty     int             `json:"qty"`
	// Configuration is the line's share code (normalized); empty for a
	// product that is not configurable.
	Configuration string                  `json:"configuration,omitempty"`
	UnitPrice     catalog.Money           `json:"unitPrice"`
	Total         catalog.Money           `json:"total"`
	LeadTimeDays  int                     `json:"leadTimeDays"`
	Snapshot      *catalog.ConfigSnapshot `json:"snapshot,omitempty"`
}

// CartPriceResponse is the server's price of a whole cart.
type CartPriceResponse struct {
	Lines      []CartLine         `json:"lines"`
	Totals     catalog.CartTotals `json:"totals"`
	Shipping   string             `json:"shipping"`
	DeliveryBy time.Time          `json:"deliveryBy"`
	// Accessories go with the configured products in the cart and are not
	// in it yet.
	Accessories []catalog.Product `json:"accessories"`
}

// PlaceOrderRequest is the body of POST /api/v1/orders.
type PlaceOrderRequest struct {
	// IdempotencyKey is chosen by the browser once per checkout (16 to 128
	// letters, digits, "-" or "_"): sending the same request again returns
	// the order it placed instead of placing another.
	IdempotencyKey string             `json:"idempotencyKey"`
	Locale         string             `json:"locale"`
	Items          []catalog.CartItem `json:"items"`
	Checkout       orders.Checkout    `json:"checkout"`
	// ExpectedTotal is the total the customer was shown. When set and the
	// server's total differs (the catalog changed meanwhile), the order is
	// refused with ECONFLICT so that nobody is charged a price they did not
	// see.
	ExpectedTotal *catalog.Money `json:"expectedTotal,omitempty"`
}

// PlaceOrderResponse is the answer to POST /api/v1/orders: 201 when the
// order was placed, 200 when the key had placed it already.
type PlaceOrderResponse struct {
	Number string `json:"number"`
	// TrackURL is the path of the order's tracking page.
	TrackURL   string        `json:"trackUrl"`
	Email      string        `json:"email"`
	Totals     orders.Totals `json:"totals"`
	Shipping   string        `json:"shipping"`
	PromisedBy time.Time     `json:"promisedBy"`
	// BankAccount is where to transfer the total, for a bank transfer.
	BankAccount string `json:"bankAccount,omitempty"`
	Created     bool   `json:"created"`
}

package catalog

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// This file prices a cart the way an order will be charged: the catalog's
// current prices, each configuration re-validated and re-priced by the
// engine, then shipping and VAT by the store's rules. The browser shows the
// same totals, but only these, computed on the server, are ever charged.

// Shipping methods offered at checkout.
const (
	// ShippingStandard is delivery to the customer's address, priced by
	// ShippingRule.
	ShippingStandard = "standard"
	// ShippingPickup is collection from the warehouse, free of charge.
	ShippingPickup = "pickup"
)

// ShippingMethods lists the shipping methods in the order checkout offers
// them.
var ShippingMethods = []string{ShippingStandard, ShippingPickup}

// Limits of a cart, so that a crafted request cannot make the server price
// thousands of lines.
const (
	MaxCartLines = 50
	MaxLineQty   = 20
)

// TransitDays is how many working days a standard delivery travels after it
// ships.
const TransitDays = 2

// CartItem is one line of a cart as the browser keeps it: a product, how
// many, and for a configurable product the share code of its configuration
// (empty means the default configuration).
type CartItem struct {
	Product       string `json:"product"`
	Qty           int    `json:"qty"`
	Configuration string `json:"configuration,omitempty"`
}

// CartLine is a cart item priced with the catalog as it is now.
type CartLine struct {
	Item    CartItem
	Product Product
	// UnitPrice is the product's price, or its configuration's total.
	UnitPrice Money
	// Total is UnitPrice times the quantity.
	Total Money
	// LeadTimeDays is how many working days the line needs before it ships.
	LeadTimeDays int
	// Snapshot is the configuration written out in full; nil for a product
	// that is not configurable.
	Snapshot *ConfigSnapshot
}

// ShippingRule prices standard delivery: free from FreeFrom, else Furniture
// if any line is of a furniture category (it travels by pallet), else
// Parcel.
type ShippingRule struct {
	FreeFrom            Money    `json:"freeFrom"`
	Furniture           Money    `json:"furniture"`
	Parcel              Money    `json:"parcel"`
	FurnitureCategories []string `json:"furnitureCategories"`
}

// Cost returns the price of delivering goods worth subtotal (VAT included)
// from the given categories by method. An empty cart ships nothing and
// costs nothing.
func (r ShippingRule) Cost(method string, subtotal Money, categories []string) Money {
	zero := Money{Currency: subtotal.Currency}
	if method == ShippingPickup || len(categories) == 0 || subtotal.Amount >= r.FreeFrom.Amount {
		return zero
	}
	for _, c := range categories {
		for _, f := range r.FurnitureCategories {
			if c == f {
				return r.Furniture
			}
		}
	}
	return r.Parcel
}

// CartRules are the store's VAT rate and shipping rule.
type CartRules struct {
	// VATBasisPoints is the VAT rate in hundredths of a percent (2100 is
	// 21 %). Prices include VAT, as European consumer prices must.
	VATBasisPoints int          `json:"vatBasisPoints"`
	Shipping       ShippingRule `json:"shipping"`
}

// DefaultCartRules are Spain's general VAT rate, 21 %, and the demo store's
// shipping: free from 500 EUR, else 29 EUR when furniture is in the cart and
// 6.90 EUR for parcels.
func DefaultCartRules() CartRules {
	return CartRules{
		VATBasisPoints: 2100,
		Shipping: ShippingRule{FreeFrom: EUR(50000), Furniture: EUR(2900), Parcel: EUR(690),
			FurnitureCategories: []string{"living-room", "home-office", "bedroom-storage", "outdoor"}},
	}
}

// CartTotals are what a cart costs. Total includes Shipping and VAT is the
// part of Total that is tax.
type CartTotals struct {
	Subtotal       Money `json:"subtotal"`
	Shipping       Money `json:"shipping"`
	VAT            Money `json:"vat"`
	Total          Money `json:"total"`
	VATBasisPoints int   `json:"vatBasisPoints"`
	// FreeShippingFrom is the subtotal from which standard delivery is free,
	// so the cart can say how much is missing.
	FreeShippingFrom Money `json:"freeShippingFrom"`
	// LeadTimeDays is the longest lead time of the lines: the order ships
	// when its slowest line is ready.
	LeadTimeDays int `json:"leadTimeDays"`
}

// Totals adds up lines delivered by method.
func (r CartRules) Totals(lines []CartLine, method string) CartTotals {
	sub := EUR(0)
	if len(lines) > 0 {
		sub = Money{Currency: lines[0].Total.Currency}
	}
	var cats []string
	lead := 0
	for _, l := range lines {
		sub = sub.Add(l.Total)
		cats = append(cats, l.Product.Category)
		lead = max(lead, l.LeadTimeDays)
	}
	ship := r.Shipping.Cost(method, sub, cats)
	total := sub.Add(ship)
	return CartTotals{Subtotal: sub, Shipping: ship, Total: total, VAT: VATIncluded(total, r.VATBasisPoints),
		VATBasisPoints: r.VATBasisPoints, FreeShippingFrom: r.Shipping.FreeFrom, LeadTimeDays: lead}
}

// VATIncluded returns the VAT contained in a price that includes VAT at
// basisPoints, rounded half up to the cent: 121.00 at 21 % holds 21.00.
func VATIncluded(total Money, basisPoints int) Money {
	if basisPoints <= 0 {
		return Money{Currency: total.Currency}
	}
	bp := int64(basisPoints)
	num := total.Amount * bp
	den := 10000 + bp
	neg := num < 0
	if neg {
		num = -num
	}
	v := (2*num + den) / (2 * den)
	if neg {
		v = -v
	}
	return Money{Amount: v, Currency: total.Currency}
}

// ValidShippingMethod reports whether m is one of ShippingMethods.
func ValidShippingMethod(m string) bool {
	for _, s := range ShippingMethods {
		if s == m {
			return true
		}
	}
	return false
}

// DeliveryDate returns the day an order placed at from arrives by method:
// it ships after leadDays working days (or on the next working day if from
// is a weekend day), then travels TransitDays working days unless it is
// collected. The result is the calendar date in UTC, at midnight.
func DeliveryDate(from time.Time, leadDays int, method string) time.Time {
	d := time.Date(from.UTC().Year(), from.UTC().Month(), from.UTC().Day(), 0, 0, 0, 0, time.UTC)
	nextWorkingDay := func(d time.Time) time.Time {
		d = d.AddDate(0, 0, 1)
		for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			d = d.AddDate(0, 0, 1)
		}
		return d
	}
	for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	for range leadDays {
		d = nextWorkingDay(d)
	}
	if method != ShippingPickup {
		for range TransitDays {
			d = nextWorkingDay(d)
		}
	}
	return d
}

// PriceCart prices items with the catalog as it is now: every product must
// still be sold, every quantity within 1 and MaxLineQty, and every
// configuration must decode and validate with the product's configurator
// today. It returns the problems of all lines at once as Errors, each
// naming its line ("items[2].configuration"); a failing store is returned
// as is.
func PriceCart(ctx context.Context, products Store, configurators ConfiguratorStore, items []CartItem) ([]CartLine, error) {
	if len(items) > MaxCartLines {
		return nil, FieldError("items", "cart.err.too_many", fmt.Sprintf("A cart holds at most %d lines.", MaxCartLines))
	}
	var problems Errors
	lines := make([]CartLine, 0, len(items))
	for i, it := range items {
		field := fmt.Sprintf("items[%d]", i)
		if it.Qty < 1 || it.Qty > MaxLineQty {
			problems = append(problems, FieldError(field+".qty", "cart.err.qty",
				fmt.Sprintf("The quantity must be from 1 to %d.", MaxLineQty)))
			continue
		}
		if !ValidSlug(it.Product) {
			problems = append(problems, FieldError(field+".product", "cart.err.product_gone", "This product is no longer sold."))
			continue
		}
		p, err := products.Product(ctx, it.Product)
		if ErrorCode(err) == ENOTFOUND {
			problems = append(problems, FieldError(field+".product", "cart.err.product_gone", "This product is no longer sold."))
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("price cart: %w", err)
		}
		l := CartLine{Item: it, Product: *p, UnitPrice: p.Price, LeadTimeDays: p.LeadTimeDays}
		switch {
		case p.Configurable:
			cf, err := configurators.Configurator(ctx, p.Slug)
			if err != nil {
				return nil, fmt.Errorf("price cart: %w", err)
			}
			cfg, err := DecodeConfiguration(cf, it.Configuration)
			if err == nil {
				var s ConfigSnapshot
				if s, err = cf.Snapshot(cfg); err == nil {
					l.Snapshot = &s
					l.UnitPrice, l.LeadTimeDays = s.Total, s.LeadTimeDays
					l.Item.Configuration = s.Code
				}
			}
			if err != nil {
				// Keep the engine's key, which says what is wrong in words.
				key := "cart.err.configuration"
				var ce *Error
				if errors.As(err, &ce) && ce.Key != "" {
					key = ce.Key
				}
				problems = append(problems, FieldError(field+".configuration", key, ErrorMessage(err)))
				continue
			}
		case it.Configuration != "":
			problems = append(problems, FieldError(field+".configuration", "cart.err.not_configurable",
				"This product has no options to configure."))
			continue
		}
		l.Total = l.UnitPrice.Mul(int64(it.Qty))
		lines = append(lines, l)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return lines, nil
}

package orders

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"vitrine/showroom/catalog"
)

// This file is what checkout asks of the customer, how it is checked, and
// what placing an order asks of the store. The page checks each step with
// the same code before the server checks everything again.

// Payment methods accepted at checkout. Both are honest offline methods:
// the store charges nothing online and never asks for a card.
const (
	// PayOnDelivery: the customer pays the carrier, cash or card, when the
	// order arrives.
	PayOnDelivery = "cash_on_delivery"
	// PayBankTransfer: the customer transfers the total with the order
	// number as reference; the order ships once it is received.
	PayBankTransfer = "bank_transfer"
)

// PaymentMethods lists the payment methods in the order checkout offers them.
var PaymentMethods = []string{PayOnDelivery, PayBankTransfer}

// NumberPrefix starts every order number the store gives ("VT-1011").
const NumberPrefix = "VT"

// FirstNumber is the lowest number given to a placed order; the demo's
// orders use the ones below.
const FirstNumber = 1001

// Country is a country the store delivers to.
type Country struct {
	// Code is the ISO 3166-1 alpha-2 code; the UI translates the name with
	// the key "checkout.country.<Code>".
	Code string
	// Postcode is the shape of the country's postcodes, after
	// NormalizeCheckout.
	Postcode *regexp.Regexp
	// Example is a postcode of the right shape, for the error message.
	Example string
}

// Countries are the countries the store delivers to, in the order the form
// lists them.
var Countries = []Country{
	{"ES", regexp.MustCompile(`^(0[1-9]|[1-4][0-9]|5[0-2])[0-9]{3}$`), "28009"},
	{"PT", regexp.MustCompile(`^[1-9][0-9]{3}-[0-9]{3}$`), "1100-148"},
	{"FR", regexp.MustCompile(`^[0-9]{5}$`), "75001"},
	{"IT", regexp.MustCompile(`^[0-9]{5}$`), "00184"},
	{"DE", regexp.MustCompile(`^[0-9]{5}$`), "10115"},
	{"NL", regexp.MustCompile(`^[1-9][0-9]{3} ?[A-Z]{2}$`), "1012 AB"},
	{"BE", regexp.MustCompile(`^[1-9][0-9]{3}$`), "1000"},
	{"RO", regexp.MustCompile(`^[0-9]{6}$`), "030031"},
}

// CountryByCode returns the delivery country with code, or nil.
func CountryByCode(code string) *Country {
	for i := range Countries {
		if Countries[i].Code == code {
			return &Countries[i]
		}
	}
	return nil
}

// Checkout steps, in the order the page shows them. Every field belongs to
// one step, so an error sends the customer back to the step to fix it.
const (
	StepContact  = 1
	StepDelivery = 2
	StepPayment  = 3
)

// Checkout is what the customer tells at checkout: how to reach them, where
// to deliver, how to ship and how they will pay. The delivery address is
// also the billing address.
type Checkout struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	Street   string `json:"street"`
	Postcode string `json:"postcode"`
	City     string `json:"city"`
	Country  string `json:"country"`
	Shipping string `json:"shipping"`
	Payment  string `json:"payment"`
}

// Field lengths, generous for real addresses and small enough for a label.
const (
	maxEmail  = 254
	maxName   = 100
	maxStreet = 200
	maxCity   = 100
)

// Normalize trims what the customer typed, collapses runs of spaces, and
// puts postcodes and country codes in the shape Validate expects: upper
// case ("1012 ab" is the Dutch "1012 AB"), and Portugal's "1100148" with its
// hyphen.
func (c *Checkout) Normalize() {
	for _, s := range []*string{&c.Email, &c.Name, &c.Street, &c.Postcode, &c.City, &c.Country, &c.Shipping, &c.Payment} {
		*s = strings.Join(strings.Fields(*s), " ")
	}
	c.Country = strings.ToUpper(c.Country)
	c.Postcode = strings.ToUpper(c.Postcode)
	if c.Country == "PT" && len(c.Postcode) == 7 && !strings.Contains(c.Postcode, "-") {
		c.Postcode = c.Postcode[:4] + "-" + c.Postcode[4:]
	}
}

// StepOf returns the step of the form that holds field (a Checkout JSON
// name), or 0 if no step does (the cart's lines, for instance).
func StepOf(field string) int {
	switch field {
	case "email":
		return StepContact
	case "name", "street", "postcode", "city", "country", "shipping":
		return StepDelivery
	case "payment":
		return StepPayment
	}
	return 0
}

// Validate reports every problem of c (normalized first) as catalog.Errors,
// each with its field and translation key, in the order the form shows the
// fields; nil if c is complete and well-formed.
func (c Checkout) Validate() error { return c.ValidateStep(0) }

// ValidateStep is Validate limited to the fields of one step (0 is all).
func (c Checkout) ValidateStep(step int) error {
	var es catalog.Errors
	add := func(field, key, msg string) {
		if step == 0 || StepOf(field) == step {
			es = append(es, catalog.FieldError(field, key, msg))
		}
	}
	text := func(field, value string, max int, missingKey, missingMsg string) {
		switch {
		case value == "":
			add(field, missingKey, missingMsg)
		case utf8.RuneCountInString(value) > max:
			add(field, "checkout.err.too_long", fmt.Sprintf("Please keep this under %d characters.", max))
		case strings.IndexFunc(value, unicode.IsControl) >= 0:
			add(field, "checkout.err.characters", "Please remove the special characters.")
		}
	}
	switch {
	case c.Email == "":
		add("email", "checkout.err.email_missing", "Please enter your email address.")
	case !ValidEmail(c.Email):
		add("email", "checkout.err.email_invalid", "Please enter an email address like name@example.com.")
	}
	text("name", c.Name, maxName, "checkout.err.name_missing", "Please enter the name of the person who receives the order.")
	text("street", c.Street, maxStreet, "checkout.err.street_missing", "Please enter the street and number.")
	country := CountryByCode(c.Country)
	switch {
	case c.Postcode == "":
		add("postcode", "checkout.err.postcode_missing", "Please enter the postcode.")
	case country != nil && !country.Postcode.MatchString(c.Postcode):
		add("postcode", "checkout.err.postcode_invalid", "This postcode does not exist in the country you chose.")
	}
	text("city", c.City, maxCity, "checkout.err.city_missing", "Please enter the town or city.")
	if country == nil {
		add("country", "checkout.err.country", "Please choose a country we deliver to.")
	}
	if !catalog.ValidShippingMethod(c.Shipping) {
		add("shipping", "checkout.err.shipping", "Please choose how you want to receive the order.")
	}
	if !ValidPaymentMethod(c.Payment) {
		add("payment", "checkout.err.payment", "Please choose how you want to pay.")
	}
	return es.Err()
}

// ValidPaymentMethod reports whether m is one of PaymentMethods.
func ValidPaymentMethod(m string) bool {
	for _, p := range PaymentMethods {
		if p == m {
			return true
		}
	}
	return false
}

var emailDomainRE = regexp.MustCompile(`^([a-zA-Z0-9\p{L}]([a-zA-Z0-9\p{L}-]*[a-zA-Z0-9\p{L}])?\.)+[a-zA-Z\p{L}]{2,}$`)

// ValidEmail reports whether s looks like a deliverable address: one "@", a
// local part without spaces, and a domain with a dot and a real top-level
// name. It does not try to accept every address RFC 5322 allows (quoted
// local parts, IP literals): a customer never types those by mistake, and
// rejecting a typo is what matters here.
func ValidEmail(s string) bool {
	if len(s) > maxEmail {
		return false
	}
	local, domain, ok := strings.Cut(s, "@")
	if !ok || local == "" || len(local) > 64 || strings.Contains(domain, "@") {
		return false
	}
	if strings.ContainsFunc(local, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '"' || r == ',' || r == '<' || r == '>'
	}) ||
		strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
		return false
	}
	return emailDomainRE.MatchString(domain)
}

// CheckoutStore places new orders.
type CheckoutStore interface {
	// PlaceOrder stores a new order in one transaction: it takes the next
	// free number (NumberPrefix, after every order already stored and never
	// below FirstNumber), calls build with it, stores the order build
	// returns with its lines, writes the messages build returns to the
	// outbox (their OrderNumber set to the order's), and records key as
	// used for it.
	//
	// key is the customer's idempotency key: if an order was placed with
	// key already, PlaceOrder calls nothing, writes nothing and returns that
	// order with created false, so pressing "Place order" twice places one
	// order. fingerprint identifies the request key came with; the same key
	// with another fingerprint is ECONFLICT (a client reusing keys).
	//
	// Returns EINVALID if key is empty or the order does not validate, and
	// any error build returns as is; nothing is written then, not even the
	// number.
	PlaceOrder(ctx context.Context, key, fingerprint string, build func(number string) (*Order, []OutboxMessage, error)) (o *Order, created bool, err error)
}

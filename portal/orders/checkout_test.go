package orders

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

func validCheckout() Checkout {
	return Checkout{Email: "ana.lopez@example.com", Name: "Ana López", Street: "Calle de Alcalá 123, 4º B",
		Postcode: "28009", City: "Madrid", Country: "ES", Shipping: catalog.ShippingStandard, Payment: PayOnDelivery}
}

// fieldKeys returns field → key of the problems err reports.
func fieldKeys(t *testing.T, err error) map[string]string {
	t.Helper()
	if err == nil {
		return nil
	}
	var es catalog.Errors
	require.ErrorAs(t, err, &es)
	out := map[string]string{}
	for _, e := range es {
		assert.Equal(t, catalog.EINVALID, e.Code)
		assert.NotEmpty(t, e.Message)
		out[e.Field] = e.Key
	}
	return out
}

func TestCheckoutValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(c *Checkout)
		want   map[string]string
	}{
		{"a complete form", func(c *Checkout) {}, nil},
		{"bank transfer and pickup", func(c *Checkout) { c.Payment, c.Shipping = PayBankTransfer, catalog.ShippingPickup }, nil},
		{"no email", func(c *Checkout) { c.Email = "" }, map[string]string{"email": "checkout.err.email_missing"}},
		{"an email without a domain", func(c *Checkout) { c.Email = "ana@localhost" }, map[string]string{"email": "checkout.err.email_invalid"}},
		{"an email with a space", func(c *Checkout) { c.Email = "ana lopez@example.com" }, map[string]string{"email": "checkout.err.email_invalid"}},
		{"two @", func(c *Checkout) { c.Email = "ana@lopez@example.com" }, map[string]string{"email": "checkout.err.email_invalid"}},
		{"no name", func(c *Checkout) { c.Name = "" }, map[string]string{"name": "checkout.err.name_missing"}},
		{"a name too long", func(c *Checkout) { c.Name = string(make([]rune, 101)) }, map[string]string{"name": "checkout.err.too_long"}},
		{"a street with a control character", func(c *Checkout) { c.Street = "Calle\u0007 1" }, map[string]string{"street": "checkout.err.characters"}},
		{"a Spanish postcode of four digits", func(c *Checkout) { c.Postcode = "2800" }, map[string]string{"postcode": "checkout.err.postcode_invalid"}},
		{"a Spanish province that does not exist", func(c *Checkout) { c.Postcode = "99001" }, map[string]string{"postcode": "checkout.err.postcode_invalid"}},
		{"a Romanian postcode", func(c *Checkout) { c.Country, c.Postcode = "RO", "030031" }, nil},
		{"a Portuguese postcode", func(c *Checkout) { c.Country, c.Postcode = "PT", "1100-148" }, nil},
		{"a Dutch postcode", func(c *Checkout) { c.Country, c.Postcode = "NL", "1012 AB" }, nil},
		{"no postcode", func(c *Checkout) { c.Postcode = "" }, map[string]string{"postcode": "checkout.err.postcode_missing"}},
		{"a country we do not deliver to", func(c *Checkout) { c.Country = "US" }, map[string]string{"country": "checkout.err.country"}},
		{"a card payment", func(c *Checkout) { c.Payment = "card" }, map[string]string{"payment": "checkout.err.payment"}},
		{"an unknown shipping method", func(c *Checkout) { c.Shipping = "drone" }, map[string]string{"shipping": "checkout.err.shipping"}},
		{"everything missing", func(c *Checkout) { *c = Checkout{} }, map[string]string{
			"email": "checkout.err.email_missing", "name": "checkout.err.name_missing", "street": "checkout.err.street_missing",
			"postcode": "checkout.err.postcode_missing", "city": "checkout.err.city_missing", "country": "checkout.err.country",
			"shipping": "checkout.err.shipping", "payment": "checkout.err.payment"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := validCheckout()
			tc.change(&c)
			c.Normalize()
			assert.Equal(t, tc.want, fieldKeys(t, c.Validate()))
		})
	}
}

func TestCheckoutValidateStep(t *testing.T) {
	c := Checkout{Email: "nope"}
	assert.Equal(t, map[string]string{"email": "checkout.err.email_invalid"}, fieldKeys(t, c.ValidateStep(StepContact)))
	assert.Len(t, fieldKeys(t, c.ValidateStep(StepDelivery)), 6)
	assert.Equal(t, map[string]string{"payment": "checkout.err.payment"}, fieldKeys(t, c.ValidateStep(StepPayment)))
	for field := range fieldKeys(t, c.Validate()) {
		assert.NotZero(t, StepOf(field), field)
	}
	assert.Zero(t, StepOf("items[0].qty"))
}

func TestCheckoutNormalize(t *testing.T) {
	c := Checkout{Email: "  ana@example.com ", Name: "Ana   López", Postcode: "1100148", Country: "pt", City: " Lisboa"}
	c.Normalize()
	assert.Equal(t, Checkout{Email: "ana@example.com", Name: "Ana López", Postcode: "1100-148", Country: "PT", City: "Lisboa"}, c)
}

func TestValidEmail(t *testing.T) {
	for _, ok := range []string{"a@b.co", "ana.lopez+vitrine@example.com", "li.wei@例子.中国", "x@sub.domain.example.org"} {
		assert.True(t, ValidEmail(ok), ok)
	}
	for _, bad := range []string{"", "ana", "@example.com", "ana@", "ana@example", "ana@.com", "ana@example..com", ".ana@example.com", "ana..l@example.com", "a<b>@example.com", "ana@exa mple.com", "ana@example.c0m"} {
		assert.False(t, ValidEmail(bad), bad)
	}
}

func TestCountriesHaveMatchingExamples(t *testing.T) {
	for _, c := range Countries {
		assert.Regexp(t, c.Postcode, c.Example, c.Code)
		assert.Same(t, &Countries[0], CountryByCode(Countries[0].Code))
	}
	assert.Nil(t, CountryByCode("US"))
}

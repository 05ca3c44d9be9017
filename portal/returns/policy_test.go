package returns_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/returns"
	"vitrine/showroom/catalog"
)

func TestDefaultPolicy(t *testing.T) {
	p := returns.DefaultPolicy()
	require.NoError(t, p.Validate())
	assert.Equal(t, 30, p.WindowDays)
	for _, c := range []string{"living-room", "home-office", "bedroom-storage", "cycling", "computing", "outdoor"} {
		assert.Equal(t, 30, p.WindowFor(c), "every category gets 30 days by default: %s", c)
	}
	assert.True(t, p.ConfiguredReturnable)
	assert.Equal(t, 10, p.RestockingFeePercent[returns.ItemConfigured])
	assert.Zero(t, p.RestockingFeePercent[returns.ItemStandard])
	assert.Equal(t, catalog.EUR(990), p.ReturnShipping[returns.ShippingDropOff])
	assert.Equal(t, catalog.EUR(1990), p.ReturnShipping[returns.ShippingPickup])
	assert.Equal(t, 10, p.StoreCreditBonusPercent)
	assert.Equal(t, 24, p.WarrantyMonths)
	assert.Equal(t, 14, p.SendBackDays)
}

func TestPolicyWindowFor(t *testing.T) {
	p := returns.DefaultPolicy()
	p.CategoryWindowDays = map[string]int{"computing": 14}
	assert.Equal(t, 14, p.WindowFor("computing"))
	assert.Equal(t, 30, p.WindowFor("outdoor"))
}

func TestPolicyValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*returns.Policy)
		want string
	}{
		{"no currency", func(p *returns.Policy) { p.Currency = "" }, "no currency"},
		{"negative window", func(p *returns.Policy) { p.WindowDays = -1 }, "window of -1 days"},
		{"negative category window", func(p *returns.Policy) { p.CategoryWindowDays = map[string]int{"outdoor": -3} }, "for outdoor"},
		{"fee over 100 %", func(p *returns.Policy) { p.RestockingFeePercent[returns.ItemStandard] = 101 }, "restocking fee 101%"},
		{"bonus over 100 %", func(p *returns.Policy) { p.StoreCreditBonusPercent = 101 }, "store credit bonus"},
		{"missing pickup fee", func(p *returns.Policy) { delete(p.ReturnShipping, returns.ShippingPickup) }, "no return shipping fee for pickup"},
		{"fee in another currency", func(p *returns.Policy) {
			p.ReturnShipping[returns.ShippingDropOff] = catalog.Money{Amount: 990, Currency: "USD"}
		}, "drop_off"},
		{"no time to send", func(p *returns.Policy) { p.SendBackDays = 0 }, "send-back period"},
		{"negative warranty", func(p *returns.Policy) { p.WarrantyMonths = -1 }, "warranty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := returns.DefaultPolicy()
			tc.edit(&p)
			err := p.Validate()
			assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
			assert.Contains(t, catalog.ErrorMessage(err), tc.want)
		})
	}
}

func TestPolicyExplain(t *testing.T) {
	categories := []catalog.Category{
		{Slug: "cycling", Position: 3, Name: catalog.Text{"en": "Cycling", "es": "Ciclismo"}},
		{Slug: "computing", Position: 4, Name: catalog.Text{"en": "Computing", "es": "Informática"}},
	}
	keys := func(lines []returns.PolicyLine) []string {
		var out []string
		for _, l := range lines {
			out = append(out, l.Key)
		}
		return out
	}

	t.Run("the default policy in plain words", func(t *testing.T) {
		lines := returns.DefaultPolicy().Explain(categories, "en")
		assert.Equal(t, []string{
			"returns.policy.window", "returns.policy.final_sale", "returns.policy.configured_fee",
			"returns.policy.fault_free", "returns.policy.shipping", "returns.policy.store_credit",
			"returns.policy.exchange", "returns.policy.send_by", "returns.policy.warranty",
		}, keys(lines))
		text := map[string]string{}
		for _, l := range lines {
			assert.NotContains(t, l.Text, "{", "%s leaves a placeholder", l.Key)
			text[l.Key] = l.Text
		}
		assert.Equal(t, "You can return or exchange most items within 30 days of delivery, no questions asked.", text["returns.policy.window"])
		assert.Equal(t, "Items made to your configuration can be returned too, with a restocking fee of 10%.", text["returns.policy.configured_fee"])
		assert.Equal(t, "Otherwise, return shipping costs €9.90 at a drop-off point or €19.90 for a pickup at your door.", text["returns.policy.shipping"])
		assert.Equal(t, "Choose store credit instead of a refund and get 10% more.", text["returns.policy.store_credit"])
		assert.Equal(t, map[string]string{"drop_off": "9.90", "pickup": "19.90", "currency": "EUR"}, lines[4].Params)
	})

	t.Run("category overrides get a line each, in hall order, named in the locale", func(t *testing.T) {
		p := returns.DefaultPolicy()
		p.CategoryWindowDays = map[string]int{"computing": 14, "cycling": 60, "garden-sheds": 7}
		lines := p.Explain(categories, "es")
		require.Greater(t, len(lines), 4)
		assert.Equal(t, returns.PolicyLine{Key: "returns.policy.window_category",
			Params: map[string]string{"category": "Ciclismo", "days": "60"}, Text: "Cycling: 60 days from delivery."}, lines[1])
		assert.Equal(t, map[string]string{"category": "Informática", "days": "14"}, lines[2].Params)
		assert.Equal(t, "Computing: 14 days from delivery.", lines[2].Text)
		assert.Equal(t, map[string]string{"category": "garden-sheds", "days": "7"}, lines[3].Params, "an unknown category shows its slug, last")
	})

	t.Run("a policy excluding configured items says so", func(t *testing.T) {
		p := returns.DefaultPolicy()
		p.ConfiguredReturnable = false
		p.StoreCreditBonusPercent = 0
		p.RestockingFeePercent[returns.ItemStandard] = 5
		ks := keys(p.Explain(nil, "en"))
		assert.Contains(t, ks, "returns.policy.configured_excluded")
		assert.NotContains(t, ks, "returns.policy.configured_fee")
		assert.NotContains(t, ks, "returns.policy.store_credit", "no bonus, no promise")
		assert.Contains(t, ks, "returns.policy.standard_fee")
	})
}

func TestMessage(t *testing.T) {
	assert.Equal(t, "Choose at most 50 items in one request.", returns.Message("returns.err.too_many_lines", map[string]string{"max": "50"}))
	assert.Equal(t, "returns.nope", returns.Message("returns.nope", nil), "an unknown key shows itself")
	keys := returns.MessageKeys()
	assert.Contains(t, keys, "returns.ineligible.window_closed")
	assert.IsIncreasing(t, keys)
}

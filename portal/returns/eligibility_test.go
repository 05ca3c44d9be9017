package returns_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/returns"
)

func TestEligibilityReturn(t *testing.T) {
	computing14 := returns.DefaultPolicy()
	computing14.CategoryWindowDays = map[string]int{"computing": 14}
	noConfigured := returns.DefaultPolicy()
	noConfigured.ConfiguredReturnable = false

	for _, tc := range []struct {
		name       string
		policy     returns.Policy
		item       returns.Item
		now        time.Time
		returnable int
		code       string
		params     map[string]string
		message    string
	}{
		{name: "every delivered unit is returnable inside the window",
			item: item("l-lamp"), now: day(2025, 3, 10), returnable: 3},
		{name: "units already in returns are subtracted",
			item: item("l-lamp", func(i *returns.Item) { i.AlreadyReturned = 2 }), now: day(2025, 3, 10), returnable: 1},
		{name: "the window is open until the end of its last day",
			item: item("l-lamp"), now: time.Date(2025, 3, 31, 23, 59, 59, 0, time.UTC), returnable: 3},
		{name: "the window closes at midnight after its last day",
			item: item("l-lamp"), now: time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC),
			code: returns.WindowClosed, params: map[string]string{"date": "2025-03-31"},
			message: "The return window closed on 31 March 2025."},
		{name: "computing keeps the default 30 days without an override",
			item: item("l-laptop"), now: day(2025, 3, 20), returnable: 1},
		{name: "a category override shortens the window",
			policy: computing14, item: item("l-laptop"), now: day(2025, 3, 16),
			code: returns.WindowClosed, params: map[string]string{"date": "2025-03-15"}},
		{name: "a category override leaves other categories alone",
			policy: computing14, item: item("l-lamp"), now: day(2025, 3, 16), returnable: 3},
		{name: "final sale items are never returnable",
			item: item("l-helmet"), now: day(2025, 3, 2), code: returns.FinalSale,
			message: "This item was sold as final sale and cannot be returned."},
		{name: "configured items are returnable under the default policy",
			item: item("l-sofa"), now: day(2025, 3, 2), returnable: 1},
		{name: "configured items are not returnable when the policy excludes them",
			policy: noConfigured, item: item("l-sofa"), now: day(2025, 3, 2), code: returns.ConfiguredItem},
		{name: "a fully returned line says already returned",
			item: item("l-lamp", func(i *returns.Item) { i.AlreadyReturned = 3 }), now: day(2025, 3, 2), code: returns.AlreadyReturned},
		{name: "already returned wins over a closed window",
			item: item("l-lamp", func(i *returns.Item) { i.AlreadyReturned = 3 }), now: day(2025, 6, 1), code: returns.AlreadyReturned},
		{name: "final sale wins over a closed window",
			item: item("l-helmet"), now: day(2025, 6, 1), code: returns.FinalSale},
		{name: "an undelivered item cannot be returned",
			item: item("l-monitor"), now: day(2025, 3, 2), code: returns.NotDelivered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.policy
			if p.Currency == "" {
				p = returns.DefaultPolicy()
			}
			e := p.Eligibility(tc.item, tc.now)
			assert.Equal(t, tc.item.LineID, e.LineID)
			assert.Equal(t, tc.returnable, e.Returnable)
			if tc.code == "" {
				assert.Nil(t, e.NotReturnable)
				return
			}
			require.NotNil(t, e.NotReturnable)
			assert.Equal(t, tc.code, e.NotReturnable.Code)
			assert.Equal(t, "returns.ineligible."+tc.code, e.NotReturnable.Key)
			assert.Equal(t, tc.params, e.NotReturnable.Params)
			assert.NotContains(t, e.NotReturnable.Message, "{")
			if tc.message != "" {
				assert.Equal(t, tc.message, e.NotReturnable.Message)
			}
		})
	}
}

func TestEligibilityReturnUntil(t *testing.T) {
	t.Run("is the last nanosecond of the window's last day", func(t *testing.T) {
		e := returns.DefaultPolicy().Eligibility(item("l-lamp"), day(2025, 3, 2))
		assert.Equal(t, time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond), e.ReturnUntil)
	})
	t.Run("counts days in the policy's location", func(t *testing.T) {
		p := returns.DefaultPolicy()
		p.Location = time.FixedZone("CET", 3600)
		// 23:30 UTC on 1 March is already 2 March in CET.
		it := item("l-lamp", func(i *returns.Item) { i.DeliveredAt = ptr(time.Date(2025, 3, 1, 23, 30, 0, 0, time.UTC)) })
		e := p.Eligibility(it, day(2025, 3, 2))
		assert.Equal(t, time.Date(2025, 4, 1, 23, 0, 0, 0, time.UTC).Add(-time.Nanosecond), e.ReturnUntil.UTC())
	})
	t.Run("is zero before delivery", func(t *testing.T) {
		e := returns.DefaultPolicy().Eligibility(item("l-monitor"), day(2025, 3, 2))
		assert.True(t, e.ReturnUntil.IsZero())
		assert.True(t, e.WarrantyUntil.IsZero())
	})
}

func TestEligibilityRepair(t *testing.T) {
	for _, tc := range []struct {
		name       string
		item       returns.Item
		now        time.Time
		repairable int
		until      time.Time
		code       string
		params     map[string]string
	}{
		{name: "the default warranty is 24 months",
			item: item("l-lamp"), now: day(2027, 3, 1), repairable: 3, until: endOf(2027, 3, 1)},
		{name: "the warranty ends after its last day",
			item: item("l-lamp"), now: time.Date(2027, 3, 2, 0, 0, 0, 0, time.UTC),
			until: endOf(2027, 3, 1), code: returns.WarrantyExpired, params: map[string]string{"date": "2027-03-01"}},
		{name: "a product's own warranty replaces the default",
			item: item("l-laptop"), now: day(2028, 2, 1), repairable: 1, until: endOf(2028, 3, 1)},
		{name: "final sale items are still under warranty",
			item: item("l-helmet"), now: day(2025, 6, 1), repairable: 1, until: endOf(2027, 3, 1)},
		{name: "a warranty ending in a shorter month ends on its last day",
			item: item("l-lamp", func(i *returns.Item) {
				i.DeliveredAt = ptr(time.Date(2024, 1, 31, 9, 0, 0, 0, time.UTC))
				i.WarrantyMonths = 1
			}),
			now: day(2024, 2, 29), repairable: 3, until: endOf(2024, 2, 29)},
		{name: "returned units cannot be repaired",
			item: item("l-lamp", func(i *returns.Item) { i.AlreadyReturned = 3 }), now: day(2025, 4, 1),
			until: endOf(2027, 3, 1), code: returns.AlreadyReturned},
		{name: "undelivered items cannot be repaired",
			item: item("l-monitor"), now: day(2025, 4, 1), code: returns.NotDelivered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := returns.DefaultPolicy().Eligibility(tc.item, tc.now)
			assert.Equal(t, tc.repairable, e.Repairable)
			assert.Equal(t, tc.until, e.WarrantyUntil)
			if tc.code == "" {
				assert.Nil(t, e.NotRepairable)
				return
			}
			require.NotNil(t, e.NotRepairable)
			assert.Equal(t, tc.code, e.NotRepairable.Code)
			assert.Equal(t, tc.params, e.NotRepairable.Params)
		})
	}
}

func TestEligibilityAllowed(t *testing.T) {
	e := returns.DefaultPolicy().Eligibility(item("l-helmet"), day(2025, 3, 5))
	n, why := e.Allowed(returns.KindReturn)
	assert.Equal(t, 0, n, "a final-sale helmet cannot be returned")
	assert.NotNil(t, why)
	n, why = e.Allowed(returns.KindRepair)
	assert.Equal(t, 1, n, "but it can be repaired")
	assert.Nil(t, why)
}

// endOf returns the last nanosecond of a UTC day.
func endOf(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
}

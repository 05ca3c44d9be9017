package demo

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// orderNows are the moments the demo orders are checked at: the states must
// hold whatever the day of the week and the time of day the demo starts.
var orderNows = []time.Time{
	time.Date(2025, 3, 12, 10, 0, 0, 0, time.UTC),  // a Wednesday morning
	time.Date(2025, 3, 15, 0, 30, 0, 0, time.UTC),  // just after midnight on a Saturday
	time.Date(2025, 3, 16, 23, 45, 0, 0, time.UTC), // just before midnight on a Sunday
	time.Date(2028, 2, 29, 12, 0, 0, 0, time.FixedZone("CST", 8*3600)),
}

// demoOrderTable is the issue's table of demo orders.
var demoOrderTable = []struct {
	number, email string
	status        orders.Status
}{
	{"VT-1001", "ana.lopez@example.com", orders.StatusDelivered},
	{"VT-1002", "li.wei@example.com", orders.StatusInTransit},
	{"VT-1003", "maria.popescu@example.com", orders.StatusOutForDelivery},
	{"VT-1004", "john.smith@example.com", orders.StatusDelivered},
	{"VT-1005", "carmen.diaz@example.com", orders.StatusDelayed},
	{"VT-1006", "wang.fang@example.com", orders.StatusAttemptFailed},
	{"VT-1007", "ion.ionescu@example.com", orders.StatusInTransit},
	{"VT-1008", "emma.brown@example.com", orders.StatusConfirmed},
	{"VT-1009", "lucas.martin@example.com", orders.StatusCancelled},
	{"VT-1010", "sofia.garcia@example.com", orders.StatusDelivered},
}

func TestOrdersAreTheTableOfTheIssue(t *testing.T) {
	for _, now := range orderNows {
		os := Orders(now)
		require.Len(t, os, len(demoOrderTable))
		for i, want := range demoOrderTable {
			o := os[i]
			t.Run(now.Format(time.RFC3339)+"/"+want.number, func(t *testing.T) {
				assert.Equal(t, want.number, o.Number)
				assert.Equal(t, want.email, o.Email)
				require.NoError(t, o.Validate())
				assert.Equal(t, want.status, o.State(now).Status)
			})
		}
	}
}

func TestOrdersCanBeLookedUpByEmailAndPostcode(t *testing.T) {
	for _, o := range Orders(orderNows[0]) {
		t.Run(o.Number, func(t *testing.T) {
			assert.True(t, o.Matches(strings.ToUpper(o.Email)), "email")
			assert.True(t, o.Matches(strings.ToLower(o.Postcode)), "postcode")
			assert.False(t, o.Matches("nobody@example.com"))
		})
	}
}

func TestOrdersDeliveredDaysAgo(t *testing.T) {
	for _, now := range orderNows {
		byNumber := ordersByNumber(Orders(now))
		for number, days := range map[string]int{"VT-1001": 3, "VT-1004": 45, "VT-1010": 10} {
			t.Run(now.Format(time.RFC3339)+"/"+number, func(t *testing.T) {
				o := byNumber[number]
				st := o.State(now)
				require.Equal(t, orders.StatusDelivered, st.Status)
				assert.Equal(t, now.AddDate(0, 0, -days).UTC(), st.DeliveredAt)
				for _, l := range o.Lines {
					at, ok := o.LineDeliveredAt(l.ID)
					assert.True(t, ok)
					assert.Equal(t, st.DeliveredAt, at)
				}
			})
		}
	}
}

func TestOrderVT1005StaysDelayed(t *testing.T) {
	now := orderNows[0]
	o := ordersByNumber(Orders(now))["VT-1005"]
	for _, later := range []int{0, 1, 3, 7, 20} {
		at := now.AddDate(0, 0, later)
		st := o.State(at)
		assert.Equal(t, orders.StatusDelayed, st.Status, "%d days later", later)
		notices := orders.DelayNotices(o, at)
		require.Len(t, notices, 1, "%d days later", later)
		assert.Equal(t, orders.ReasonLate, notices[0].Reason)
		assert.True(t, notices[0].NewEstimate.After(at), "%d days later the estimate is still ahead", later)
	}
}

func TestOrdersWithNoticesAtNow(t *testing.T) {
	// Only the delayed and the failed orders need a notice on the day the
	// demo starts; the others must not email their customers.
	for _, now := range orderNows {
		got := map[string]orders.DelayReason{}
		for _, o := range Orders(now) {
			for _, n := range orders.DelayNotices(o, now) {
				got[o.Number] = n.Reason
			}
		}
		assert.Equal(t, map[string]orders.DelayReason{"VT-1005": orders.ReasonLate, "VT-1006": orders.ReasonFailedAttempt}, got, now)
	}
}

func TestOrderVT1007IsSplit(t *testing.T) {
	now := orderNows[0]
	o := ordersByNumber(Orders(now))["VT-1007"]
	st := o.State(now)
	require.Len(t, st.Shipments, 2)
	assert.Equal(t, orders.StatusDelivered, st.Shipments[0].Status)
	assert.Equal(t, orders.StatusInTransit, st.Shipments[1].Status)
	assert.True(t, st.PartlyDelivered)
}

func TestOrderLinesAreCatalogSnapshots(t *testing.T) {
	products := map[string]catalog.Product{}
	for _, p := range Products() {
		products[p.Slug] = p
	}
	for _, o := range Orders(orderNows[0]) {
		var subtotal int64
		for _, l := range o.Lines {
			p, ok := products[l.Slug]
			require.True(t, ok, "%s line %d: %s is in the catalog", o.Number, l.ID, l.Slug)
			assert.Equal(t, p.SKU, l.SKU)
			assert.Equal(t, p.Category, l.Category)
			assert.Equal(t, p.Name, l.Name)
			assert.Equal(t, p.FinalSale, l.FinalSale)
			assert.Equal(t, p.WarrantyMonths, l.WarrantyMonths)
			assert.Equal(t, p.Configurable, l.Configured, "%s line %d configured", o.Number, l.ID)
			if l.Configured {
				var snap catalog.ConfigSnapshot
				require.NoError(t, json.Unmarshal([]byte(l.Configuration), &snap))
				assert.Equal(t, l.Slug, snap.Product)
				assert.Equal(t, snap.Total, l.UnitPrice)
				assert.NotEmpty(t, snap.Code)
			} else {
				assert.Equal(t, p.Price, l.UnitPrice)
			}
			subtotal += l.UnitPrice.Amount * int64(l.Qty)
		}
		assert.Equal(t, subtotal, o.Totals.Subtotal.Amount, o.Number)
		assert.Equal(t, o.Totals.Subtotal.Amount+o.Totals.Shipping.Amount, o.Totals.Total.Amount, o.Number)
		assert.NotEmpty(t, o.Totals.PaymentMethod, o.Number)
	}
}

func TestOrderVT1001HasARegularAndAConfiguredSofa(t *testing.T) {
	o := ordersByNumber(Orders(orderNows[0]))["VT-1001"]
	require.Len(t, o.Lines, 2)
	assert.False(t, o.Lines[0].Configured)
	assert.Equal(t, "modular-sofa", o.Lines[1].Slug)
	assert.True(t, o.Lines[1].Configured)
}

func TestOrderVT1010HasAFinalSaleAndAReturnableItem(t *testing.T) {
	o := ordersByNumber(Orders(orderNows[0]))["VT-1010"]
	require.Len(t, o.Lines, 2)
	assert.Equal(t, "cycling-helmet", o.Lines[0].Slug)
	assert.True(t, o.Lines[0].FinalSale)
	assert.False(t, o.Lines[1].FinalSale)
}

func TestOrdersUseEachIDOnce(t *testing.T) {
	// The store requires shipment ids, tracking numbers and event ids to be
	// unique across orders, not only within one.
	seen := map[string]bool{}
	for _, o := range Orders(orderNows[0]) {
		for _, s := range o.Shipments {
			for _, id := range []string{"shipment " + s.ID, "tracking " + s.TrackingNumber} {
				assert.False(t, seen[id], id)
				seen[id] = true
			}
			for _, e := range s.Events {
				assert.False(t, seen["event "+e.EventID], e.EventID)
				seen["event "+e.EventID] = true
			}
		}
	}
}

func TestOrdersAreDeterministic(t *testing.T) {
	assert.Equal(t, Orders(orderNows[0]), Orders(orderNows[0]))
}

func ordersByNumber(os []orders.Order) map[string]orders.Order {
	m := map[string]orders.Order{}
	for _, o := range os {
		m[o.Number] = o
	}
	return m
}

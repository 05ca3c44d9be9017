package returns_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/returns"
	"vitrine/showroom/catalog"
)

// amounts is the money side of a quote in cents, for compact tables.
type amounts struct {
	value, fees, shipping, refund, credit, bonus, exchange, diff int64
	waived                                                       bool
}

func amountsOf(q returns.Quote) amounts {
	return amounts{
		value: q.ItemValue.Amount, fees: q.RestockingFees.Amount, shipping: q.ReturnShipping.Amount,
		refund: q.Refund.Amount, credit: q.StoreCredit.Amount, bonus: q.StoreCreditBonus.Amount,
		exchange: q.ExchangeValue.Amount, diff: q.ExchangeDifference.Amount, waived: q.ReturnShippingWaived,
	}
}

func line(id string, qty int, reason returns.Reason) returns.RequestLine {
	l := returns.RequestLine{LineID: id, Qty: qty, Reason: reason}
	if reason.NeedsPhotos() {
		l.PhotoIDs = []string{"photo-" + id}
	}
	return l
}

func target(typ returns.TargetType, slug string, cents int64) *returns.ExchangeTarget {
	return &returns.ExchangeTarget{Type: typ, Slug: slug, UnitPrice: catalog.EUR(cents)}
}

func TestQuote(t *testing.T) {
	now := day(2025, 3, 10)
	// A line whose unit price makes the store-credit bonus land on half a cent.
	half := func(cents int64) returns.Item {
		return item("l-lamp", func(i *returns.Item) { i.LineID, i.UnitPrice = "l-odd", catalog.EUR(cents) })
	}
	for _, tc := range []struct {
		name   string
		req    returns.Request
		extra  []returns.Item
		policy func(*returns.Policy)
		want   amounts
	}{
		{name: "a refund pays the value minus drop-off shipping",
			req:  returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-lamp", 1, returns.ReasonChangedMind)}},
			want: amounts{value: 4900, shipping: 990, refund: 3910}},
		{name: "pickup costs more than drop-off",
			req:  returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingPickup, Lines: []returns.RequestLine{line("l-lamp", 1, returns.ReasonDoesntFit)}},
			want: amounts{value: 4900, shipping: 1990, refund: 2910}},
		{name: "a damaged item ships back free",
			req:  returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingPickup, Lines: []returns.RequestLine{line("l-lamp", 1, returns.ReasonDamaged)}},
			want: amounts{value: 4900, refund: 4900, waived: true}},
		{name: "a wrong item ships back free",
			req:  returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-lamp", 1, returns.ReasonWrongItem)}},
			want: amounts{value: 4900, refund: 4900, waived: true}},
		{name: "partial quantities count only the units sent",
			req:  returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-lamp", 2, returns.ReasonChangedMind)}},
			want: amounts{value: 9800, shipping: 990, refund: 8810}},
		{name: "a configured item pays a 10 % restocking fee",
			req:  returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-sofa", 1, returns.ReasonChangedMind)}},
			want: amounts{value: 104900, fees: 10490, shipping: 990, refund: 93420}},
		{name: "a defective configured item pays no fee and ships free",
			req:  returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingPickup, Lines: []returns.RequestLine{line("l-sofa", 1, returns.ReasonDefective)}},
			want: amounts{value: 104900, refund: 104900, waived: true}},
		{name: "one damaged line makes the parcel free but other lines keep their fee",
			req: returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingPickup, Lines: []returns.RequestLine{
				line("l-sofa", 1, returns.ReasonChangedMind), line("l-lamp", 1, returns.ReasonDamaged)}},
			want: amounts{value: 109800, fees: 10490, refund: 99310, waived: true}},
		{name: "a fee of exactly half a cent rounds up",
			req:   returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-odd", 1, returns.ReasonChangedMind)}},
			extra: []returns.Item{item("l-sofa", func(i *returns.Item) { i.LineID, i.UnitPrice = "l-odd", catalog.EUR(10005) })}, // fee 1000.5
			want:  amounts{value: 10005, fees: 1001, shipping: 990, refund: 8014}},
		{name: "the merchant's fee percentage is used",
			req:    returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-sofa", 1, returns.ReasonChangedMind)}},
			policy: func(p *returns.Policy) { p.RestockingFeePercent[returns.ItemConfigured] = 15 },
			want:   amounts{value: 104900, fees: 15735, shipping: 990, refund: 88175}},
		{name: "a standard restocking fee applies when the merchant sets one",
			req:    returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-lamp", 1, returns.ReasonChangedMind)}},
			policy: func(p *returns.Policy) { p.RestockingFeePercent[returns.ItemStandard] = 5 },
			want:   amounts{value: 4900, fees: 245, shipping: 990, refund: 3665}},
		{name: "fees above the value leave a refund of zero, never negative",
			req:  returns.Request{Resolution: returns.ResolutionRefund, ShippingMethod: returns.ShippingPickup, Lines: []returns.RequestLine{line("l-cheap", 1, returns.ReasonChangedMind)}},
			want: amounts{value: 500, shipping: 1990}},
		{name: "store credit adds a 10 % bonus",
			req:  returns.Request{Resolution: returns.ResolutionStoreCredit, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-lamp", 1, returns.ReasonChangedMind)}},
			want: amounts{value: 4900, shipping: 990, credit: 4301, bonus: 391}},
		{name: "a store credit bonus of exactly half a cent rounds up",
			req:   returns.Request{Resolution: returns.ResolutionStoreCredit, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-odd", 1, returns.ReasonChangedMind)}},
			extra: []returns.Item{half(2985)}, // credit 1995, bonus 199.5
			want:  amounts{value: 2985, shipping: 990, credit: 2195, bonus: 200}},
		{name: "a store credit bonus under half a cent rounds down",
			req:   returns.Request{Resolution: returns.ResolutionStoreCredit, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-odd", 1, returns.ReasonChangedMind)}},
			extra: []returns.Item{half(2984)}, // credit 1994, bonus 199.4
			want:  amounts{value: 2984, shipping: 990, credit: 2193, bonus: 199}},
		{name: "store credit on a damaged item gets the bonus on the full value",
			req:  returns.Request{Resolution: returns.ResolutionStoreCredit, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{line("l-lamp", 2, returns.ReasonDamaged)}},
			want: amounts{value: 9800, credit: 10780, bonus: 980, waived: true}},
		{name: "an exchange up in price makes the customer pay the difference",
			req: returns.Request{Kind: returns.KindExchange, Resolution: returns.ResolutionExchange, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{
				withTarget(line("l-lamp", 1, returns.ReasonDoesntFit), target(returns.TargetProduct, "arc-floor-lamp", 18900))}},
			want: amounts{value: 4900, shipping: 990, exchange: 18900, diff: 14990}},
		{name: "an exchange down in price gives the customer the difference back",
			req: returns.Request{Kind: returns.KindExchange, Resolution: returns.ResolutionExchange, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{
				withTarget(line("l-sofa", 1, returns.ReasonDoesntFit), target(returns.TargetConfiguration, "modular-sofa", 89900))}},
			want: amounts{value: 104900, fees: 10490, shipping: 990, exchange: 89900, diff: -3520}},
		{name: "a wrong item exchanged for the right one at the same price costs nothing",
			req: returns.Request{Kind: returns.KindExchange, Resolution: returns.ResolutionExchange, ShippingMethod: returns.ShippingPickup, Lines: []returns.RequestLine{
				withTarget(line("l-lamp", 2, returns.ReasonWrongItem), target(returns.TargetVariant, "desk-lamp", 4900))}},
			want: amounts{value: 9800, exchange: 9800, waived: true}},
		{name: "an exchange of several units multiplies the target price",
			req: returns.Request{Kind: returns.KindExchange, Resolution: returns.ResolutionExchange, ShippingMethod: returns.ShippingDropOff, Lines: []returns.RequestLine{
				withTarget(line("l-lamp", 3, returns.ReasonDoesntFit), target(returns.TargetVariant, "desk-lamp", 5900))}},
			want: amounts{value: 14700, shipping: 990, exchange: 17700, diff: 3990}},
		{name: "a repair costs nothing and ships free",
			req: returns.Request{Kind: returns.KindRepair, Contact: returns.ContactEmail, ShippingMethod: returns.ShippingPickup, Lines: []returns.RequestLine{
				withText(line("l-laptop", 1, returns.ReasonDefective), "Screen stays black.")}},
			want: amounts{waived: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := returns.DefaultPolicy()
			if tc.policy != nil {
				tc.policy(&p)
			}
			req := tc.req
			req.OrderNumber, req.IdempotencyKey = "VT-1001", "k"
			if req.Kind == "" {
				req.Kind = returns.KindReturn
			}
			q, err := p.Quote(req, append(items(), tc.extra...), now)
			require.NoError(t, err)
			assert.Equal(t, tc.want, amountsOf(q))
			assert.Equal(t, "EUR", q.Currency)
			assert.Len(t, q.Lines, len(req.Lines))
		})
	}
}

func withTarget(l returns.RequestLine, t *returns.ExchangeTarget) returns.RequestLine {
	l.Exchange = t
	return l
}

func withText(l returns.RequestLine, s string) returns.RequestLine {
	l.ReasonText = s
	return l
}

func TestQuoteLines(t *testing.T) {
	req := lampReturn()
	req.Lines = []returns.RequestLine{line("l-sofa", 1, returns.ReasonChangedMind), line("l-lamp", 2, returns.ReasonDamaged)}
	q, err := returns.DefaultPolicy().Quote(req, items(), day(2025, 3, 10))
	require.NoError(t, err)
	assert.Equal(t, []returns.QuoteLine{
		{LineID: "l-sofa", Qty: 1, UnitPrice: catalog.EUR(104900), Value: catalog.EUR(104900), RestockingFee: catalog.EUR(10490), ExchangeValue: catalog.EUR(0)},
		{LineID: "l-lamp", Qty: 2, UnitPrice: catalog.EUR(4900), Value: catalog.EUR(9800), RestockingFee: catalog.EUR(0), ExchangeValue: catalog.EUR(0)},
	}, q.Lines)
}

func TestQuoteSendBy(t *testing.T) {
	q, err := returns.DefaultPolicy().Quote(lampReturn(), items(), time.Date(2025, 3, 10, 8, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, endOf(2025, 3, 24), q.SendBy, "14 days from the request, to the end of that day")
}

func TestQuoteErrors(t *testing.T) {
	t.Run("an invalid request gives its validation problems", func(t *testing.T) {
		req := lampReturn()
		req.Lines[0].Qty = 0
		_, err := returns.DefaultPolicy().Quote(req, items(), day(2025, 3, 10))
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
		assert.Equal(t, []string{"lines[0].qty returns.err.qty_min"}, fieldKeys(err))
	})
	t.Run("an invalid policy is refused", func(t *testing.T) {
		p := returns.DefaultPolicy()
		p.StoreCreditBonusPercent = 150
		_, err := p.Quote(lampReturn(), items(), day(2025, 3, 10))
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
		assert.Contains(t, catalog.ErrorMessage(err), "store credit bonus")
	})
	t.Run("an item priced in another currency is an internal error", func(t *testing.T) {
		its := items()
		its[0].UnitPrice = catalog.Money{Amount: 4900, Currency: "USD"}
		_, err := returns.DefaultPolicy().Quote(lampReturn(), its, day(2025, 3, 10))
		assert.Equal(t, catalog.EINTERNAL, catalog.ErrorCode(err))
	})
}

func TestNewReturn(t *testing.T) {
	now := day(2025, 3, 10)
	req := lampReturn()
	req.Lines[0] = line("l-lamp", 2, returns.ReasonDamaged)
	r, err := returns.DefaultPolicy().NewReturn(req, items(), now)
	require.NoError(t, err)
	assert.Empty(t, r.Number, "the store assigns the number")
	assert.Equal(t, returns.StatusRequested, r.Status)
	assert.Equal(t, []returns.Event{{Status: returns.StatusRequested, At: now, By: returns.ByCustomer}}, r.Timeline)
	assert.Equal(t, "VT-1001", r.OrderNumber)
	assert.Equal(t, "key-1", r.IdempotencyKey)
	assert.Equal(t, int64(9800), r.Quote.Refund.Amount)
	require.Len(t, r.Lines, 1)
	assert.Equal(t, returns.Line{
		LineID: "l-lamp", Slug: "desk-lamp", SKU: "DL-1", Name: catalog.Text{"en": "Desk lamp"}, UnitPrice: catalog.EUR(4900),
		Qty: 2, Reason: returns.ReasonDamaged, PhotoIDs: []string{"photo-l-lamp"}, Delivered: 3,
	}, r.Lines[0])

	t.Run("an invalid request creates nothing", func(t *testing.T) {
		req := lampReturn()
		req.Lines[0].LineID = "l-helmet"
		r, err := returns.DefaultPolicy().NewReturn(req, items(), now)
		assert.Nil(t, r)
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
	})
}

// FuzzQuote feeds arbitrary requests and items to Quote. It must never panic;
// every error must be coded; and every quote must keep the invariants a
// customer relies on: no negative refund or credit, never more back than the
// items are worth (plus the advertised bonus), fees never above the value,
// and totals that add up.
func FuzzQuote(f *testing.F) {
	f.Add(int64(4900), 3, 0, 1, uint8(1), uint8(0), uint8(0), int64(18900), false, false, 10, uint8(0), "home-office")
	f.Add(int64(104900), 1, 0, 1, uint8(0), uint8(2), uint8(1), int64(89900), true, false, 29, uint8(1), "living-room")
	f.Add(int64(2985), 1, 0, 1, uint8(1), uint8(1), uint8(0), int64(0), false, false, 5, uint8(0), "cycling")
	f.Add(int64(500), 2, 1, 1, uint8(2), uint8(3), uint8(1), int64(500), false, true, 400, uint8(2), "outdoor")
	f.Add(int64(-1), 1_000_000, 0, 999, uint8(5), uint8(2), uint8(0), int64(1<<62), true, false, 0, uint8(6), "computing")
	reasons := append(slices.Clone(returns.Reasons), "bored")
	f.Fuzz(func(t *testing.T, price int64, delivered, returned, qty int, reason, resolution, ship uint8,
		exPrice int64, configured, finalSale bool, ageDays int, photos uint8, category string) {
		p := returns.DefaultPolicy()
		p.CategoryWindowDays = map[string]int{"computing": 14}
		now := day(2025, 6, 1)
		deliveredAt := now.AddDate(0, 0, -(ageDays % 100_000))
		it := returns.Item{OrderNumber: "VT-1", LineID: "l1", Slug: "desk-lamp", Category: category,
			UnitPrice: catalog.EUR(price), Delivered: delivered, AlreadyReturned: returned,
			DeliveredAt: &deliveredAt, FinalSale: finalSale, Configured: configured}
		req := returns.Request{OrderNumber: "VT-1", IdempotencyKey: "k",
			ShippingMethod: []returns.ShippingMethod{returns.ShippingDropOff, returns.ShippingPickup, "teleport"}[int(ship)%3],
			Lines: []returns.RequestLine{{LineID: "l1", Qty: qty,
				Reason: reasons[int(reason)%len(reasons)], ReasonText: "because"}}}
		for i := range int(photos) {
			req.Lines[0].PhotoIDs = append(req.Lines[0].PhotoIDs, string(rune('a'+i%26))+"-photo")
		}
		switch resolution % 4 {
		case 0:
			req.Kind, req.Resolution = returns.KindReturn, returns.ResolutionRefund
		case 1:
			req.Kind, req.Resolution = returns.KindReturn, returns.ResolutionStoreCredit
		case 2:
			req.Kind, req.Resolution = returns.KindExchange, returns.ResolutionExchange
			req.Lines[0].Exchange = &returns.ExchangeTarget{Type: returns.TargetProduct, Slug: "arc-floor-lamp", UnitPrice: catalog.EUR(exPrice)}
		case 3:
			req.Kind, req.Contact = returns.KindRepair, returns.ContactEmail
		}

		q, err := p.Quote(req, []returns.Item{it}, now)
		if err != nil {
			code := catalog.ErrorCode(err)
			assert.Contains(t, []string{catalog.EINVALID, catalog.EINTERNAL}, code)
			if code == catalog.EINTERNAL {
				assert.True(t, price < 0 || price > 10_000_000_000, "internal error only for a bad item price, got %v", err)
			}
			return
		}
		value := q.ItemValue.Amount
		assert.GreaterOrEqual(t, q.Refund.Amount, int64(0))
		assert.LessOrEqual(t, q.Refund.Amount, value)
		assert.GreaterOrEqual(t, q.StoreCredit.Amount, int64(0))
		assert.GreaterOrEqual(t, q.StoreCreditBonus.Amount, int64(0))
		assert.LessOrEqual(t, q.StoreCredit.Amount-q.StoreCreditBonus.Amount, value)
		assert.LessOrEqual(t, q.StoreCreditBonus.Amount, (q.StoreCredit.Amount-q.StoreCreditBonus.Amount)/10+1)
		assert.GreaterOrEqual(t, q.RestockingFees.Amount, int64(0))
		assert.LessOrEqual(t, q.RestockingFees.Amount, value)
		assert.GreaterOrEqual(t, q.ExchangeDifference.Amount, -value)
		assert.LessOrEqual(t, q.ExchangeDifference.Amount, q.ExchangeValue.Amount)
		assert.LessOrEqual(t, qty, delivered-returned, "never more units than are left")
		assert.Equal(t, value, price*int64(qty)*boolInt(req.Kind != returns.KindRepair))
		nonZero := 0
		for _, m := range []catalog.Money{q.Refund, q.StoreCredit, q.ExchangeDifference} {
			assert.Equal(t, "EUR", m.Currency)
			if m.Amount != 0 {
				nonZero++
			}
		}
		assert.LessOrEqual(t, nonZero, 1, "one resolution at a time")
		if q.ReturnShippingWaived {
			assert.Zero(t, q.ReturnShipping.Amount)
		}
	})
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

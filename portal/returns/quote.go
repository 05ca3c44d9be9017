package returns

import (
	"fmt"
	"time"

	"vitrine/showroom/catalog"
)

// QuoteLine is the money side of one line of a request.
type QuoteLine struct {
	LineID    string        `json:"lineId"`
	Qty       int           `json:"qty"`
	UnitPrice catalog.Money `json:"unitPrice"`
	// Value is UnitPrice × Qty: what the customer paid for these units.
	Value catalog.Money `json:"value"`
	// RestockingFee is the policy's percentage of Value for the item's kind,
	// rounded half up to the cent; zero when the reason is the store's fault.
	RestockingFee catalog.Money `json:"restockingFee"`
	// ExchangeValue is the replacement's unit price × Qty (exchanges only).
	ExchangeValue catalog.Money `json:"exchangeValue"`
}

// Quote is what a request is worth, computed on the server from the order's
// prices and the policy; the browser only displays it. Every amount is in
// the policy's currency and never negative except ExchangeDifference.
//
// How it adds up:
//
//	credit = max(0, ItemValue − RestockingFees − ReturnShipping)
//	refund:        Refund = credit
//	store credit:  StoreCreditBonus = credit × bonus% (half up), StoreCredit = credit + bonus
//	exchange:      ExchangeDifference = ExchangeValue − credit
//	repair:        every amount is zero (the warranty covers shipping)
//
// credit never goes below zero: when fees exceed what the items are worth the
// store absorbs the rest rather than billing the customer for a return.
type Quote struct {
	Currency  string        `json:"currency"`
	Lines     []QuoteLine   `json:"lines"`
	ItemValue catalog.Money `json:"itemValue"`
	// RestockingFees is the sum of the lines' fees.
	RestockingFees catalog.Money `json:"restockingFees"`
	// ReturnShipping is the fee for the chosen method; zero when
	// ReturnShippingWaived. One parcel carries the whole request, so when any
	// line is the store's fault the whole parcel ships free.
	ReturnShipping       catalog.Money `json:"returnShipping"`
	ReturnShippingWaived bool          `json:"returnShippingWaived"`
	// Refund goes back to the original payment method (refunds only).
	Refund catalog.Money `json:"refund"`
	// StoreCredit is the credit granted including StoreCreditBonus (store
	// credit only).
	StoreCredit      catalog.Money `json:"storeCredit"`
	StoreCreditBonus catalog.Money `json:"storeCreditBonus"`
	// ExchangeValue is the replacements' total (exchanges only).
	ExchangeValue catalog.Money `json:"exchangeValue"`
	// ExchangeDifference is positive when the customer pays the difference
	// and negative when they get it back on their original payment method.
	ExchangeDifference catalog.Money `json:"exchangeDifference"`
	// SendBy is the last instant to send the parcel: the end of the day
	// Policy.SendBackDays after the request.
	SendBy time.Time `json:"sendBy"`
}

// percentOf returns pct % of v rounded half up to the minor unit (v ≥ 0,
// 0 ≤ pct ≤ 100): 10 % of 1005 cents is 100.5, which becomes 101. Rounding
// half up is what customers expect from a receipt and favours them on the
// bonus; the same rule applies to fees so the two are computed alike.
func percentOf(v int64, pct int) int64 { return (v*int64(pct) + 50) / 100 }

// Quote validates req (see Request.Validate) and computes its amounts at now.
// It returns the validation error unchanged when req is not valid, an
// EINVALID error when the policy is not valid, and a plain (internal) error
// when the server's own data is inconsistent, such as an item priced in
// another currency.
func (p Policy) Quote(req Request, items []Item, now time.Time) (Quote, error) {
	if err := p.Validate(); err != nil {
		return Quote{}, err
	}
	if err := req.Validate(p, items, now); err != nil {
		return Quote{}, err
	}
	byID := map[string]Item{}
	for _, it := range items {
		if it.OrderNumber == req.OrderNumber {
			byID[it.LineID] = it
		}
	}
	zero := catalog.Money{Currency: p.Currency}
	q := Quote{
		Currency: p.Currency, ItemValue: zero, RestockingFees: zero, ReturnShipping: zero,
		Refund: zero, StoreCredit: zero, StoreCreditBonus: zero, ExchangeValue: zero, ExchangeDifference: zero,
		SendBy: p.endOfDay(now, p.SendBackDays),
	}
	fault := false
	for _, l := range req.Lines {
		it := byID[l.LineID]
		if it.UnitPrice.Currency != p.Currency || it.UnitPrice.Amount < 0 || it.UnitPrice.Amount > maxUnitPrice {
			return Quote{}, fmt.Errorf("quote %s line %s: unit price %d %s is not a valid %s price",
				req.OrderNumber, l.LineID, it.UnitPrice.Amount, it.UnitPrice.Currency, p.Currency)
		}
		ql := QuoteLine{LineID: l.LineID, Qty: l.Qty, UnitPrice: it.UnitPrice,
			Value: it.UnitPrice.Mul(int64(l.Qty)), RestockingFee: zero, ExchangeValue: zero}
		if req.Kind == KindRepair {
			ql.Value = zero
		} else if !l.Reason.StoresFault() {
			ql.RestockingFee.Amount = percentOf(ql.Value.Amount, p.restockingPercent(it))
		}
		if l.Exchange != nil {
			ql.ExchangeValue = l.Exchange.UnitPrice.Mul(int64(l.Qty))
		}
		fault = fault || l.Reason.StoresFault()
		q.ItemValue = q.ItemValue.Add(ql.Value)
		q.RestockingFees = q.RestockingFees.Add(ql.RestockingFee)
		q.ExchangeValue = q.ExchangeValue.Add(ql.ExchangeValue)
		q.Lines = append(q.Lines, ql)
	}
	switch {
	case req.Kind == KindRepair:
		// Warranty repairs ship both ways at the store's cost.
		q.ReturnShippingWaived = true
		return q, nil
	case fault:
		q.ReturnShippingWaived = true
	default:
		q.ReturnShipping = p.ReturnShipping[req.ShippingMethod]
	}
	credit := max(q.ItemValue.Amount-q.RestockingFees.Amount-q.ReturnShipping.Amount, 0)
	switch req.Resolution {
	case ResolutionRefund:
		q.Refund.Amount = credit
	case ResolutionStoreCredit:
		q.StoreCreditBonus.Amount = percentOf(credit, p.StoreCreditBonusPercent)
		q.StoreCredit.Amount = credit + q.StoreCreditBonus.Amount
	case ResolutionExchange:
		q.ExchangeDifference.Amount = q.ExchangeValue.Amount - credit
	}
	return q, nil
}

// NewReturn validates and quotes req and returns the return to store: status
// Requested, one timeline entry by "customer" at now, and a snapshot of each
// order line. Its Number is empty; the store assigns it on Create.
func (p Policy) NewReturn(req Request, items []Item, now time.Time) (*Return, error) {
	q, err := p.Quote(req, items, now)
	if err != nil {
		return nil, err
	}
	byID := map[string]Item{}
	for _, it := range items {
		if it.OrderNumber == req.OrderNumber {
			byID[it.LineID] = it
		}
	}
	r := &Return{
		Kind:           req.Kind,
		OrderNumber:    req.OrderNumber,
		Status:         StatusRequested,
		Resolution:     req.Resolution,
		ShippingMethod: req.ShippingMethod,
		Quote:          q,
		IdempotencyKey: req.IdempotencyKey,
		CreatedAt:      now,
		UpdatedAt:      now,
		Timeline:       []Event{{Status: StatusRequested, At: now, By: ByCustomer}},
	}
	if req.Kind == KindRepair {
		r.Contact = req.Contact
		if req.Contact == ContactPhone {
			r.Phone = req.Phone
		}
	}
	for _, l := range req.Lines {
		it := byID[l.LineID]
		var target *ExchangeTarget
		if l.Exchange != nil {
			t := *l.Exchange
			target = &t
		}
		r.Lines = append(r.Lines, Line{
			LineID: l.LineID, Slug: it.Slug, SKU: it.SKU, Name: it.Name, UnitPrice: it.UnitPrice,
			Qty: l.Qty, Reason: l.Reason, ReasonText: l.ReasonText,
			PhotoIDs: append([]string(nil), l.PhotoIDs...), Exchange: target, Delivered: it.Delivered,
		})
	}
	return r, nil
}

package returns_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/returns"
	"vitrine/showroom/catalog"
)

func TestRequestValidate(t *testing.T) {
	now := day(2025, 3, 10)
	exchange := func(r *returns.Request) {
		r.Kind, r.Resolution = returns.KindExchange, returns.ResolutionExchange
		r.Lines[0].Exchange = &returns.ExchangeTarget{Type: returns.TargetProduct, Slug: "arc-floor-lamp", UnitPrice: catalog.EUR(18900)}
	}
	repair := func(r *returns.Request) {
		r.Kind, r.Resolution, r.Contact = returns.KindRepair, "", returns.ContactEmail
		r.Lines[0].Reason, r.Lines[0].ReasonText, r.Lines[0].PhotoIDs = returns.ReasonDefective, "The switch flickers.", []string{"p1"}
	}
	for _, tc := range []struct {
		name string
		edit func(*returns.Request)
		want []string // "field key" of every problem; none means valid
	}{
		{name: "a plain refund request is valid", edit: func(*returns.Request) {}},
		{name: "store credit is a valid resolution for a return",
			edit: func(r *returns.Request) { r.Resolution = returns.ResolutionStoreCredit }},
		{name: "a valid exchange", edit: exchange},
		{name: "a valid repair", edit: repair},
		{name: "the order number is required",
			edit: func(r *returns.Request) { r.OrderNumber = " " },
			want: []string{"orderNumber returns.err.order_required", "lines[0].lineId returns.err.unknown_line"}},
		{name: "the kind must be known",
			edit: func(r *returns.Request) { r.Kind = "swap" },
			want: []string{"kind returns.err.kind"}},
		{name: "the idempotency key is required",
			edit: func(r *returns.Request) { r.IdempotencyKey = "" },
			want: []string{"idempotencyKey returns.err.idempotency_key"}},
		{name: "the idempotency key is bounded",
			edit: func(r *returns.Request) { r.IdempotencyKey = strings.Repeat("k", returns.MaxIdempotencyKey+1) },
			want: []string{"idempotencyKey returns.err.idempotency_key"}},
		{name: "a return needs refund or store credit",
			edit: func(r *returns.Request) { r.Resolution = returns.ResolutionExchange },
			want: []string{"resolution returns.err.resolution"}},
		{name: "the shipping method is required",
			edit: func(r *returns.Request) { r.ShippingMethod = "" },
			want: []string{"shippingMethod returns.err.shipping"}},
		{name: "at least one line",
			edit: func(r *returns.Request) { r.Lines = nil },
			want: []string{"lines returns.err.no_lines"}},
		{name: "a line of another order is unknown",
			edit: func(r *returns.Request) { r.Lines[0].LineID = "l-elsewhere" },
			want: []string{"lines[0].lineId returns.err.unknown_line"}},
		{name: "a line may appear once",
			edit: func(r *returns.Request) { r.Lines = append(r.Lines, r.Lines[0]) },
			want: []string{"lines[1].lineId returns.err.duplicate_line"}},
		{name: "quantity at least one",
			edit: func(r *returns.Request) { r.Lines[0].Qty = 0 },
			want: []string{"lines[0].qty returns.err.qty_min"}},
		{name: "quantity at most what is returnable",
			edit: func(r *returns.Request) { r.Lines[0].Qty = 4 },
			want: []string{"lines[0].qty returns.err.qty_max"}},
		{name: "a final-sale line is refused with its reason",
			edit: func(r *returns.Request) { r.Lines[0].LineID = "l-helmet" },
			want: []string{"lines[0].lineId returns.ineligible.final_sale"}},
		{name: "an undelivered line is refused with its reason",
			edit: func(r *returns.Request) { r.Lines[0].LineID = "l-monitor" },
			want: []string{"lines[0].lineId returns.ineligible.not_delivered"}},
		{name: "the reason must be known",
			edit: func(r *returns.Request) { r.Lines[0].Reason = "bored" },
			want: []string{"lines[0].reason returns.err.reason"}},
		{name: "other needs a text",
			edit: func(r *returns.Request) { r.Lines[0].Reason, r.Lines[0].ReasonText = returns.ReasonOther, "  " },
			want: []string{"lines[0].reasonText returns.err.reason_text_required"}},
		{name: "other with a text is valid",
			edit: func(r *returns.Request) {
				r.Lines[0].Reason, r.Lines[0].ReasonText = returns.ReasonOther, "Colour differs from photos"
			}},
		{name: "reason text up to 500 characters is valid",
			edit: func(r *returns.Request) { r.Lines[0].ReasonText = strings.Repeat("é", returns.MaxReasonText) }},
		{name: "reason text over 500 characters is refused",
			edit: func(r *returns.Request) { r.Lines[0].ReasonText = strings.Repeat("é", returns.MaxReasonText+1) },
			want: []string{"lines[0].reasonText returns.err.reason_text_long"}},
		{name: "damaged needs a photo",
			edit: func(r *returns.Request) { r.Lines[0].Reason = returns.ReasonDamaged },
			want: []string{"lines[0].photoIds returns.err.photos_required"}},
		{name: "defective needs a photo",
			edit: func(r *returns.Request) { r.Lines[0].Reason = returns.ReasonDefective },
			want: []string{"lines[0].photoIds returns.err.photos_required"}},
		{name: "damaged with five photos is valid",
			edit: func(r *returns.Request) {
				r.Lines[0].Reason, r.Lines[0].PhotoIDs = returns.ReasonDamaged, []string{"p1", "p2", "p3", "p4", "p5"}
			}},
		{name: "six photos are too many",
			edit: func(r *returns.Request) {
				r.Lines[0].Reason, r.Lines[0].PhotoIDs = returns.ReasonDamaged, []string{"p1", "p2", "p3", "p4", "p5", "p6"}
			},
			want: []string{"lines[0].photoIds returns.err.photos_max"}},
		{name: "a photo may be used once",
			edit: func(r *returns.Request) { r.Lines[0].PhotoIDs = []string{"p1", "p1"} },
			want: []string{"lines[0].photoIds returns.err.photo_id"}},
		{name: "an exchange needs a target on every line",
			edit: func(r *returns.Request) { exchange(r); r.Lines[0].Exchange = nil },
			want: []string{"lines[0].exchange returns.err.exchange_required"}},
		{name: "an exchange needs the exchange resolution",
			edit: func(r *returns.Request) { exchange(r); r.Resolution = returns.ResolutionRefund },
			want: []string{"resolution returns.err.resolution"}},
		{name: "a return cannot carry an exchange target",
			edit: func(r *returns.Request) {
				exchange(r)
				r.Kind, r.Resolution = returns.KindReturn, returns.ResolutionRefund
			},
			want: []string{"lines[0].exchange returns.err.exchange_unexpected"}},
		{name: "a variant must be of the same product",
			edit: func(r *returns.Request) { exchange(r); r.Lines[0].Exchange.Type = returns.TargetVariant },
			want: []string{"lines[0].exchange.slug returns.err.exchange_product"}},
		{name: "a variant of the same product is valid",
			edit: func(r *returns.Request) {
				exchange(r)
				r.Lines[0].Exchange.Type, r.Lines[0].Exchange.Slug, r.Lines[0].Exchange.SKU = returns.TargetVariant, "desk-lamp", "DL-2"
			}},
		{name: "the target type must be known",
			edit: func(r *returns.Request) { exchange(r); r.Lines[0].Exchange.Type = "gift" },
			want: []string{"lines[0].exchange.type returns.err.exchange_type"}},
		{name: "the target price must be in the store's currency",
			edit: func(r *returns.Request) {
				exchange(r)
				r.Lines[0].Exchange.UnitPrice = catalog.Money{Amount: 100, Currency: "USD"}
			},
			want: []string{"lines[0].exchange.unitPrice returns.err.exchange_price"}},
		{name: "a repair has no resolution",
			edit: func(r *returns.Request) { repair(r); r.Resolution = returns.ResolutionRefund },
			want: []string{"resolution returns.err.resolution"}},
		{name: "a repair needs a contact method",
			edit: func(r *returns.Request) { repair(r); r.Contact = "" },
			want: []string{"contact returns.err.contact"}},
		{name: "a repair by phone needs a number",
			edit: func(r *returns.Request) { repair(r); r.Contact, r.Phone = returns.ContactPhone, "call me" },
			want: []string{"phone returns.err.phone"}},
		{name: "a repair by phone with a number is valid",
			edit: func(r *returns.Request) { repair(r); r.Contact, r.Phone = returns.ContactPhone, "+34 600 12 34 56" }},
		{name: "a repair needs a problem description",
			edit: func(r *returns.Request) { repair(r); r.Lines[0].ReasonText = "" },
			want: []string{"lines[0].reasonText returns.err.reason_text_required"}},
		{name: "a repair is for damage or a defect",
			edit: func(r *returns.Request) { repair(r); r.Lines[0].Reason = returns.ReasonChangedMind },
			want: []string{"lines[0].reason returns.err.repair_reason"}},
		{name: "a final-sale item can be repaired",
			edit: func(r *returns.Request) { repair(r); r.Lines[0].LineID = "l-helmet" }},
		{name: "every problem is reported, not just the first",
			edit: func(r *returns.Request) { r.ShippingMethod = ""; r.Lines[0].Qty = 0 },
			want: []string{"shippingMethod returns.err.shipping", "lines[0].qty returns.err.qty_min"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := lampReturn()
			tc.edit(&r)
			err := r.Validate(returns.DefaultPolicy(), items(), now)
			if tc.want == nil {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
			assert.Equal(t, tc.want, fieldKeys(err))
			for _, p := range returns.Problems(err) {
				assert.NotContains(t, p.Err.Message, "{", "message of %s misses a parameter", p.Err.Key)
			}
		})
	}
}

func TestRequestValidateParams(t *testing.T) {
	t.Run("too many units names the maximum", func(t *testing.T) {
		r := lampReturn()
		r.Lines[0].Qty = 5
		ps := returns.Problems(r.Validate(returns.DefaultPolicy(), items(), day(2025, 3, 10)))
		require.Len(t, ps, 1)
		assert.Equal(t, map[string]string{"max": "3"}, ps[0].Params)
		assert.Equal(t, "You can send back at most 3 of this item.", ps[0].Err.Message)
	})
	t.Run("a closed window gives its date", func(t *testing.T) {
		ps := returns.Problems(lampReturn().Validate(returns.DefaultPolicy(), items(), day(2025, 5, 1)))
		require.Len(t, ps, 1)
		assert.Equal(t, "returns.ineligible.window_closed", ps[0].Err.Key)
		assert.Equal(t, map[string]string{"date": "2025-03-31"}, ps[0].Params)
	})
	t.Run("the coded error is reachable with errors.As", func(t *testing.T) {
		err := lampReturn().Validate(returns.DefaultPolicy(), nil, day(2025, 3, 10))
		var ce *catalog.Error
		require.True(t, errors.As(err, &ce))
		assert.Equal(t, "lines[0].lineId", ce.Field)
	})
}

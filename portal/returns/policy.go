package returns

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"vitrine/showroom/catalog"
)

// ItemKind groups items for restocking fees: standard products and products
// made to the customer's configuration, which cost more to take back.
type ItemKind string

// Item kinds for Policy.RestockingFeePercent.
const (
	ItemStandard   ItemKind = "standard"
	ItemConfigured ItemKind = "configured"
)

// KindOf returns the item kind of it.
func KindOf(it Item) ItemKind {
	if it.Configured {
		return ItemConfigured
	}
	return ItemStandard
}

// Policy is the merchant's returns, exchanges and warranty policy, set in one
// place. Every decision of this package reads it, and Explain turns it into
// the plain words shown on /returns/policy, so the page can never disagree
// with what the server does.
type Policy struct {
	// Currency of every amount; items, targets and fees must all use it.
	Currency string
	// WindowDays is how many days after delivery an item can be returned or
	// exchanged. The window ends at the end of the last day in Location.
	WindowDays int
	// CategoryWindowDays overrides WindowDays for the categories it names
	// (by category slug).
	CategoryWindowDays map[string]int
	// ConfiguredReturnable says whether items made to the customer's
	// configuration can be returned at all.
	ConfiguredReturnable bool
	// RestockingFeePercent is the fee, in percent of the returned value,
	// charged per item kind; missing kinds pay none. Fees are waived on lines
	// whose reason is the store's fault (Reason.StoresFault).
	RestockingFeePercent map[ItemKind]int
	// ReturnShipping is what the customer pays for the parcel back, per
	// method, unless a line of the request is the store's fault.
	ReturnShipping map[ShippingMethod]catalog.Money
	// StoreCreditBonusPercent is added on top of the refundable amount when
	// the customer takes store credit instead of a refund.
	StoreCreditBonusPercent int
	// WarrantyMonths is the warranty for items whose product sets none.
	WarrantyMonths int
	// SendBackDays is how long, from the request, the customer has to send
	// the parcel.
	SendBackDays int
	// Location is where "end of day" is measured for windows and deadlines;
	// nil means UTC.
	Location *time.Location
}

// DefaultPolicy returns the store's policy: 30 days from delivery for every
// category, final-sale items excluded, configured items returnable with a
// 10 % restocking fee, return shipping 9.90 EUR at a drop-off point or
// 19.90 EUR by pickup (free when the store is at fault), a 10 % store-credit
// bonus, a 24-month warranty unless the product says otherwise, and 14 days
// to send the parcel.
func DefaultPolicy() Policy {
	return Policy{
		Currency:             "EUR",
		WindowDays:           30,
		CategoryWindowDays:   map[string]int{},
		ConfiguredReturnable: true,
		RestockingFeePercent: map[ItemKind]int{ItemConfigured: 10},
		ReturnShipping: map[ShippingMethod]catalog.Money{
			ShippingDropOff: catalog.EUR(990),
			ShippingPickup:  catalog.EUR(1990),
		},
		StoreCreditBonusPercent: 10,
		WarrantyMonths:          24,
		SendBackDays:            14,
	}
}

// Validate reports the first problem with the policy as an EINVALID error.
// A policy is configuration, so this runs at start-up and before every quote,
// turning a typo into a clear error instead of a wrong refund.
func (p Policy) Validate() error {
	bad := func(format string, args ...any) error {
		return catalog.Errorf(catalog.EINVALID, "returns policy: "+format, args...)
	}
	switch {
	case p.Currency == "":
		return bad("no currency")
	case p.WindowDays < 0 || p.WindowDays > maxDays:
		return bad("window of %d days is out of range", p.WindowDays)
	case p.StoreCreditBonusPercent < 0 || p.StoreCreditBonusPercent > 100:
		return bad("store credit bonus %d%% is out of range", p.StoreCreditBonusPercent)
	case p.WarrantyMonths < 0 || p.WarrantyMonths > 1200:
		return bad("warranty of %d months is out of range", p.WarrantyMonths)
	case p.SendBackDays < 1 || p.SendBackDays > maxDays:
		return bad("send-back period of %d days is out of range", p.SendBackDays)
	}
	for c, d := range p.CategoryWindowDays {
		if d < 0 || d > maxDays {
			return bad("window of %d days for %s is out of range", d, c)
		}
	}
	for k, pct := range p.RestockingFeePercent {
		if pct < 0 || pct > 100 {
			return bad("restocking fee %d%% for %s items is out of range", pct, k)
		}
	}
	for _, m := range []ShippingMethod{ShippingDropOff, ShippingPickup} {
		fee, ok := p.ReturnShipping[m]
		if !ok {
			return bad("no return shipping fee for %s", m)
		}
		if fee.Amount < 0 || fee.Amount > maxUnitPrice || fee.Currency != p.Currency {
			return bad("return shipping fee for %s is not a valid %s amount", m, p.Currency)
		}
	}
	return nil
}

// maxDays bounds every period of the policy (ten years), so date arithmetic
// stays far from overflow.
const maxDays = 3650

// WindowFor returns the return window, in days, for items of category.
func (p Policy) WindowFor(category string) int {
	if d, ok := p.CategoryWindowDays[category]; ok {
		return d
	}
	return p.WindowDays
}

// restockingPercent returns the restocking fee percentage for it.
func (p Policy) restockingPercent(it Item) int { return p.RestockingFeePercent[KindOf(it)] }

// warrantyMonths returns the warranty of it: the product's own, or the
// policy's default when the product sets none (0).
func (p Policy) warrantyMonths(it Item) int {
	if it.WarrantyMonths > 0 {
		return it.WarrantyMonths
	}
	return p.WarrantyMonths
}

func (p Policy) loc() *time.Location {
	if p.Location == nil {
		return time.UTC
	}
	return p.Location
}

// endOfDay returns the last nanosecond of the day of t plus days, in the
// policy's location. Windows close at the end of their last day so that "you
// can return it until 14 March" holds for all of 14 March.
func (p Policy) endOfDay(t time.Time, days int) time.Time {
	t = t.In(p.loc())
	y, m, d := t.Date()
	return time.Date(y, m, d+days+1, 0, 0, 0, 0, p.loc()).Add(-time.Nanosecond)
}

// endOfDayMonths returns the end of the day months after t. When the target
// month is shorter (31 January + 1 month), the warranty ends on its last day
// rather than spilling into the next month as time.AddDate would.
func (p Policy) endOfDayMonths(t time.Time, months int) time.Time {
	t = t.In(p.loc())
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(months), 1, 0, 0, 0, 0, p.loc())
	last := first.AddDate(0, 1, -1).Day()
	if d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d+1, 0, 0, 0, 0, p.loc()).Add(-time.Nanosecond)
}

// PolicyLine is one sentence of the policy page: a translation key with its
// parameters for the UI, and the same sentence in English.
type PolicyLine struct {
	Key    string            `json:"key"`
	Params map[string]string `json:"params,omitempty"`
	Text   string            `json:"text"`
}

// Explain returns the policy in plain words, one line per rule, for
// /returns/policy. categories gives the names of categories with their own
// window, shown in locale (English in Text); a category missing from it is
// shown by its slug. Money parameters are plain decimals ("9.90") with the
// currency in "currency", so the UI can format them for its locale.
func (p Policy) Explain(categories []catalog.Category, locale string) []PolicyLine {
	var out []PolicyLine
	add := func(key string, params map[string]string, en map[string]string) {
		if en == nil {
			en = params
		}
		out = append(out, PolicyLine{Key: key, Params: params, Text: Message(key, en)})
	}
	add("returns.policy.window", map[string]string{"days": strconv.Itoa(p.WindowDays)}, nil)

	names := map[string]catalog.Text{}
	order := map[string]int{}
	for _, c := range categories {
		names[c.Slug] = c.Name
		order[c.Slug] = c.Position
	}
	var overridden []string
	for slug := range p.CategoryWindowDays {
		overridden = append(overridden, slug)
	}
	sort.Slice(overridden, func(i, j int) bool {
		a, b := overridden[i], overridden[j]
		oa, ka := order[a]
		ob, kb := order[b]
		if ka != kb {
			return ka // known categories first, in hall order
		}
		if oa != ob {
			return oa < ob
		}
		return a < b
	})
	for _, slug := range overridden {
		name, en := slug, slug
		if t, ok := names[slug]; ok {
			name, en = t.In(locale), t.In("en")
		}
		days := strconv.Itoa(p.CategoryWindowDays[slug])
		add("returns.policy.window_category",
			map[string]string{"category": name, "days": days},
			map[string]string{"category": en, "days": days})
	}

	add("returns.policy.final_sale", nil, nil)
	if !p.ConfiguredReturnable {
		add("returns.policy.configured_excluded", nil, nil)
	} else if pct := p.RestockingFeePercent[ItemConfigured]; pct > 0 {
		add("returns.policy.configured_fee", map[string]string{"percent": strconv.Itoa(pct)}, nil)
	} else {
		add("returns.policy.configured_free", nil, nil)
	}
	if pct := p.RestockingFeePercent[ItemStandard]; pct > 0 {
		add("returns.policy.standard_fee", map[string]string{"percent": strconv.Itoa(pct)}, nil)
	}
	add("returns.policy.fault_free", nil, nil)
	drop, pick := p.ReturnShipping[ShippingDropOff], p.ReturnShipping[ShippingPickup]
	add("returns.policy.shipping",
		map[string]string{"drop_off": decimal(drop.Amount), "pickup": decimal(pick.Amount), "currency": p.Currency},
		map[string]string{"drop_off": formatMoney(drop), "pickup": formatMoney(pick)})
	if p.StoreCreditBonusPercent > 0 {
		add("returns.policy.store_credit", map[string]string{"percent": strconv.Itoa(p.StoreCreditBonusPercent)}, nil)
	}
	add("returns.policy.exchange", nil, nil)
	add("returns.policy.send_by", map[string]string{"days": strconv.Itoa(p.SendBackDays)}, nil)
	add("returns.policy.warranty", map[string]string{"months": strconv.Itoa(p.WarrantyMonths)}, nil)
	return out
}

// decimal formats minor units as a plain decimal with two places ("9.90").
func decimal(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d.%02d", sign, cents/100, cents%100)
}

// formatMoney formats m for English text ("€9.90", or "9.90 USD" for a
// currency without a symbol here).
func formatMoney(m catalog.Money) string {
	if m.Currency == "EUR" {
		if m.Amount < 0 {
			return "-€" + decimal(-m.Amount)
		}
		return "€" + decimal(m.Amount)
	}
	return strings.TrimSpace(decimal(m.Amount) + " " + m.Currency)
}

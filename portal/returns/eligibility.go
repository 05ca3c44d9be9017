package returns

import (
	"time"

	"vitrine/showroom/catalog"
)

// Item is a delivered order line as this package needs it. The HTTP layer
// builds it from the order (portal/orders) and the store's count of units
// already in returns; this package does not import orders, so the two domains
// stay independent.
type Item struct {
	OrderNumber string
	LineID      string
	Slug        string
	SKU         string
	Category    string
	Name        catalog.Text
	UnitPrice   catalog.Money
	// Delivered is how many units of the line were delivered.
	Delivered int
	// AlreadyReturned is how many units are in returns or exchanges that are
	// open or completed (not rejected); see Store.Returned.
	AlreadyReturned int
	// DeliveredAt is nil until the line is delivered.
	DeliveredAt *time.Time
	FinalSale   bool
	// Configured items were made to the customer's configuration.
	Configured bool
	// WarrantyMonths is the product's warranty; 0 means the policy default.
	WarrantyMonths int
}

// Codes of Notice: why an item cannot be returned or repaired.
const (
	NotDelivered    = "not_delivered"
	FinalSale       = "final_sale"
	ConfiguredItem  = "configured"
	AlreadyReturned = "already_returned"
	WindowClosed    = "window_closed"
	WarrantyExpired = "warranty_expired"
)

// Notice tells the customer, in plain words, why something is not possible.
// Code is stable for programs, Key and Params are for the UI's translation,
// and Message is the English text.
type Notice struct {
	Code    string            `json:"code"`
	Key     string            `json:"key"`
	Params  map[string]string `json:"params,omitempty"`
	Message string            `json:"message"`
}

func notice(code string, params map[string]string) *Notice {
	key := "returns.ineligible." + code
	en := params
	if d, ok := params["date"]; ok {
		// The UI formats the ISO date for its locale; English gets "14 March 2025".
		if t, err := time.Parse(time.DateOnly, d); err == nil {
			en = map[string]string{"date": t.Format("2 January 2006")}
		}
	}
	return &Notice{Code: code, Key: key, Params: params, Message: Message(key, en)}
}

// Eligibility says what the customer may still do with one delivered line.
type Eligibility struct {
	LineID string `json:"lineId"`
	// Returnable is how many units can still be returned or exchanged; when
	// it is 0, NotReturnable says why.
	Returnable    int     `json:"returnable"`
	NotReturnable *Notice `json:"notReturnable,omitempty"`
	// ReturnUntil is the last instant of the return window; zero before
	// delivery.
	ReturnUntil time.Time `json:"returnUntil"`
	// Repairable is how many units can be sent for repair under warranty;
	// when it is 0, NotRepairable says why.
	Repairable    int     `json:"repairable"`
	NotRepairable *Notice `json:"notRepairable,omitempty"`
	// WarrantyUntil is the last instant of the warranty; zero before
	// delivery.
	WarrantyUntil time.Time `json:"warrantyUntil"`
}

// Eligibility returns what can be done with it at now. Reasons are checked in
// the order that tells the customer the most useful thing: not delivered,
// final sale, made to configuration, everything already returned, and last
// the closed window (with its date).
func (p Policy) Eligibility(it Item, now time.Time) Eligibility {
	e := Eligibility{LineID: it.LineID}
	left := max(it.Delivered-it.AlreadyReturned, 0)
	if it.DeliveredAt == nil {
		e.NotReturnable = notice(NotDelivered, nil)
		e.NotRepairable = notice(NotDelivered, nil)
		return e
	}
	e.ReturnUntil = p.endOfDay(*it.DeliveredAt, p.WindowFor(it.Category))
	e.WarrantyUntil = p.endOfDayMonths(*it.DeliveredAt, p.warrantyMonths(it))

	switch {
	case it.FinalSale:
		e.NotReturnable = notice(FinalSale, nil)
	case it.Configured && !p.ConfiguredReturnable:
		e.NotReturnable = notice(ConfiguredItem, nil)
	case left == 0:
		e.NotReturnable = notice(AlreadyReturned, nil)
	case now.After(e.ReturnUntil):
		e.NotReturnable = notice(WindowClosed, map[string]string{"date": e.ReturnUntil.Format(time.DateOnly)})
	default:
		e.Returnable = left
	}

	// The legal warranty covers final-sale and configured items too; only
	// units the store already took back are out of it.
	switch {
	case left == 0:
		e.NotRepairable = notice(AlreadyReturned, nil)
	case now.After(e.WarrantyUntil):
		e.NotRepairable = notice(WarrantyExpired, map[string]string{"date": e.WarrantyUntil.Format(time.DateOnly)})
	default:
		e.Repairable = left
	}
	return e
}

// Allowed returns how many units of the line a request of kind k may include.
func (e Eligibility) Allowed(k Kind) (int, *Notice) {
	if k == KindRepair {
		return e.Repairable, e.NotRepairable
	}
	return e.Returnable, e.NotReturnable
}

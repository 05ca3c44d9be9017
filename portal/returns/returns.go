// Package returns is the domain of self-service returns, exchanges and repair
// requests: the merchant's policy, which delivered items can still go back and
// why not, the amounts a request is worth (refunds, store credit, fees,
// exchange differences), and the status each request moves through.
//
// It is pure Go: no HTTP, no SQL, no go-app. Every amount and every decision is
// computed here, on the server; the browser only shows a preview. Time is
// always passed in (now time.Time), so tests set the date instead of sleeping.
// The store the domain needs is declared in store.go and implemented in
// server/sqlite; returnstest holds the suite every implementation must pass.
package returns

import (
	"fmt"
	"regexp"
	"time"

	"vitrine/showroom/catalog"
)

// Kind says what the customer wants done with the items they send back.
type Kind string

// Kinds of request. A return gives money or store credit back, an exchange
// swaps the items for others, and a repair sends the same items back fixed
// under warranty.
const (
	KindReturn   Kind = "return"
	KindExchange Kind = "exchange"
	KindRepair   Kind = "repair"
)

// Kinds lists every kind, in the order the UI offers them.
var Kinds = []Kind{KindReturn, KindExchange, KindRepair}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return k == KindReturn || k == KindExchange || k == KindRepair }

// Reason is why the customer sends an item back. Some reasons are the store's
// fault (see StoresFault), which waives fees and asks for photos.
type Reason string

// Reasons a customer can give for one line of a request.
const (
	ReasonDoesntFit   Reason = "doesnt_fit"
	ReasonChangedMind Reason = "changed_mind"
	ReasonDamaged     Reason = "damaged"
	ReasonDefective   Reason = "defective"
	ReasonWrongItem   Reason = "wrong_item"
	ReasonOther       Reason = "other"
)

// Reasons lists every reason in the order the UI offers them.
var Reasons = []Reason{ReasonDoesntFit, ReasonChangedMind, ReasonDamaged, ReasonDefective, ReasonWrongItem, ReasonOther}

// Valid reports whether r is one of Reasons.
func (r Reason) Valid() bool {
	for _, v := range Reasons {
		if r == v {
			return true
		}
	}
	return false
}

// StoresFault reports whether the reason puts the fault with the store
// (damaged, defective, wrong item). Such lines never pay a restocking fee, and
// a parcel holding one ships back free: charging a customer for our mistake
// would be unfair and, in the EU, usually unlawful.
func (r Reason) StoresFault() bool {
	return r == ReasonDamaged || r == ReasonDefective || r == ReasonWrongItem
}

// NeedsPhotos reports whether lines with this reason must carry at least one
// photo, so staff can judge damage or a defect before the parcel arrives.
func (r Reason) NeedsPhotos() bool { return r == ReasonDamaged || r == ReasonDefective }

// Resolution is what a return or exchange gives the customer back.
type Resolution string

// Resolutions. Returns are resolved by a refund to the original payment
// method or by store credit with a bonus; exchanges by the replacement items.
// Repairs have no resolution ("").
const (
	ResolutionRefund      Resolution = "refund"
	ResolutionStoreCredit Resolution = "store_credit"
	ResolutionExchange    Resolution = "exchange"
)

// ShippingMethod is how the parcel travels back to the store.
type ShippingMethod string

// Shipping methods: the customer takes the parcel to a drop-off point with a
// QR code, or a courier picks it up at their door.
const (
	ShippingDropOff ShippingMethod = "drop_off"
	ShippingPickup  ShippingMethod = "pickup"
)

// ContactMethod is how the customer prefers to be reached about a repair.
type ContactMethod string

// Contact methods for repairs. Email uses the order's address; phone needs a
// number in Request.Phone.
const (
	ContactEmail ContactMethod = "email"
	ContactPhone ContactMethod = "phone"
)

// TargetType says what an exchange line is swapped for.
type TargetType string

// Exchange targets: another variant of the same product (size, colour),
// another configuration of the same configurable product (the configurator
// reopens), or a different product altogether.
const (
	TargetVariant       TargetType = "variant"
	TargetConfiguration TargetType = "configuration"
	TargetProduct       TargetType = "product"
)

// ExchangeTarget is the item a returned line is exchanged for. UnitPrice is
// set by the server from the catalog or the configurator, never taken from
// the browser, because the exchange difference is computed from it.
type ExchangeTarget struct {
	Type TargetType `json:"type"`
	Slug string     `json:"slug"`
	// SKU names the variant; ConfigurationID the saved configuration, for
	// TargetConfiguration. Both may be empty for TargetProduct.
	SKU             string        `json:"sku,omitempty"`
	ConfigurationID string        `json:"configurationId,omitempty"`
	Name            catalog.Text  `json:"name,omitempty"`
	UnitPrice       catalog.Money `json:"unitPrice"`
}

// Line is one item of a stored return: what the customer asked for, plus a
// snapshot of the order line taken when the request was made, so the return
// still reads right after the catalog changes.
type Line struct {
	LineID     string          `json:"lineId"`
	Slug       string          `json:"slug"`
	SKU        string          `json:"sku"`
	Name       catalog.Text    `json:"name"`
	UnitPrice  catalog.Money   `json:"unitPrice"`
	Qty        int             `json:"qty"`
	Reason     Reason          `json:"reason"`
	ReasonText string          `json:"reasonText,omitempty"`
	PhotoIDs   []string        `json:"photoIds,omitempty"`
	Exchange   *ExchangeTarget `json:"exchange,omitempty"`
	// Delivered is how many units of the order line were delivered. The
	// store checks against it, in the transaction that creates the return,
	// that returns never take back more than was delivered.
	Delivered int `json:"delivered"`
}

// Event is one step of a return's timeline: the status it reached, when, who
// moved it there ("customer", a staff account, "carrier"), and why for a
// rejection.
type Event struct {
	Status Status    `json:"status"`
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Reason string    `json:"reason,omitempty"`
}

// Return is a return, exchange or repair request as stored: its lines, the
// amounts agreed when it was made, and its status with the full timeline the
// customer and staff see.
type Return struct {
	// Number is assigned by the store (see NewNumber); empty until created.
	Number         string         `json:"number"`
	Kind           Kind           `json:"kind"`
	OrderNumber    string         `json:"orderNumber"`
	Status         Status         `json:"status"`
	Resolution     Resolution     `json:"resolution,omitempty"`
	ShippingMethod ShippingMethod `json:"shippingMethod"`
	Contact        ContactMethod  `json:"contact,omitempty"`
	Phone          string         `json:"phone,omitempty"`
	Lines          []Line         `json:"lines"`
	// Quote holds the amounts computed when the request was made; staff
	// refund what it says, so a later policy change does not alter it.
	Quote          Quote     `json:"quote"`
	IdempotencyKey string    `json:"idempotencyKey"`
	CreatedAt      time.Time `json:"createdAt"`
	UpdatedAt      time.Time `json:"updatedAt"`
	Timeline       []Event   `json:"timeline"`
}

// Number prefixes: RT for returns and exchanges, RP for repairs, so staff and
// customers tell them apart at a glance.
const (
	ReturnPrefix = "RT-"
	RepairPrefix = "RP-"
)

// NewNumber returns the customer-facing number of the return or exchange with
// sequence seq, zero-padded to six digits ("RT-000123") and longer beyond.
func NewNumber(seq int) string { return fmt.Sprintf("%s%06d", ReturnPrefix, seq) }

// NewRepairNumber returns the number of the repair request with sequence seq
// ("RP-000123").
func NewRepairNumber(seq int) string { return fmt.Sprintf("%s%06d", RepairPrefix, seq) }

// NumberFor returns the number of a request of kind k with sequence seq.
func NumberFor(k Kind, seq int) string {
	if k == KindRepair {
		return NewRepairNumber(seq)
	}
	return NewNumber(seq)
}

var numberRE = regexp.MustCompile(`^R[TP]-[0-9]{6,12}$`)

// ValidNumber reports whether s is shaped like a return or repair number, so
// lookups can reject garbage before touching the store.
func ValidNumber(s string) bool { return numberRE.MatchString(s) }

package orders

import (
	"time"
)

// DelayReason says why a delivery is late or at risk.
type DelayReason string

// The delay reasons, each with its own message and its own action by the
// store.
const (
	// ReasonLate: the promised date has passed without delivery and the
	// carrier has said nothing.
	ReasonLate DelayReason = "late"
	// ReasonCarrierDelay: the carrier reported a delay with a new estimate.
	ReasonCarrierDelay DelayReason = "carrier_delay"
	// ReasonFailedAttempt: the courier could not deliver.
	ReasonFailedAttempt DelayReason = "failed_attempt"
	// ReasonReturnedToSender: the parcel is coming back to the store.
	ReasonReturnedToSender DelayReason = "returned_to_sender"
)

// Key returns the translation key of the reason's message
// ("orders.delay.reason.late").
func (r DelayReason) Key() string { return "orders.delay.reason." + string(r) }

// BusinessDaysAfterMissedPromise is how many business days after a missed
// promise the store expects a parcel that the carrier says nothing about:
// the estimate a late notice gives.
const BusinessDaysAfterMissedPromise = 3

// DelayNotice tells the customer that a delivery is late or at risk, what
// the new estimate is and what the store is doing about it. The order page
// shows the current notices; the delay job emails each one once, by Key.
type DelayNotice struct {
	// Key identifies the notice for "send once": the same late shipment
	// gives the same key on every run of the job, while a new reason, a
	// new carrier exception or a newly missed date gives a new key. Format:
	// "<shipment id>/<reason>/<event id or missed date>"; for units not yet
	// shipped the order number stands for the shipment id.
	Key         string `json:"key"`
	OrderNumber string `json:"orderNumber"`
	// ShipmentID is empty when the notice is about units not yet shipped.
	ShipmentID string      `json:"shipmentId,omitempty"`
	Reason     DelayReason `json:"reason"`
	// EventID is the carrier event the notice is about, for exceptions.
	EventID string `json:"eventId,omitempty"`
	// PromisedBy is the date that was missed or is at risk: the promise, or
	// for a late parcel the carrier's earlier new estimate if that was
	// missed too.
	PromisedBy time.Time `json:"promisedBy"`
	// NewEstimate is the date delivery is now expected on: the carrier's
	// estimate when it gave one, else BusinessDaysAfterMissedPromise business
	// days after the missed date (for a late parcel) or the next business
	// day after the attempt (for a failed attempt), never earlier than the
	// next business day after now. Zero when nobody can say (returned to
	// sender).
	NewEstimate time.Time `json:"newEstimate,omitzero"`
	// ActionKey is the translation key of what the store is doing about it;
	// Message and Action are the English texts of Reason.Key() and ActionKey,
	// for emails and logs.
	ActionKey string `json:"actionKey"`
	Message   string `json:"message"`
	Action    string `json:"action"`
}

// delayTexts holds the English message and action of each reason.
var delayTexts = map[DelayReason][2]string{
	ReasonLate: {
		"This delivery has passed its promised date.",
		"We have asked the carrier where your parcel is and will email you as soon as we know more. If it does not arrive by the new estimate, we will send a replacement or refund you.",
	},
	ReasonCarrierDelay: {
		"The carrier has told us this delivery will be late.",
		"We are following your parcel with the carrier and will email you if the date changes again.",
	},
	ReasonFailedAttempt: {
		"The carrier could not deliver your parcel.",
		"The carrier will try again. We have asked them to contact you to arrange a time or a pickup point.",
	},
	ReasonReturnedToSender: {
		"Your parcel is on its way back to us.",
		"We will contact you to send it again at no cost, or to refund you if you prefer.",
	},
}

// DelayNotices returns the delay notices of o at now: at most one per
// shipment not yet delivered, plus one when units not yet shipped have passed
// the order's promised date. A cancelled or delivered order has none.
//
// The rules, for a shipment not delivered, strongest first:
//   - its latest event is a return to sender: ReasonReturnedToSender;
//   - its latest event is a failed attempt: ReasonFailedAttempt;
//   - the carrier reported a delay and its new estimate has not passed:
//     ReasonCarrierDelay with that estimate;
//   - now is past the end (UTC) of the promised date, or of the carrier's
//     new estimate if it gave one: ReasonLate.
func DelayNotices(o Order, now time.Time) []DelayNotice {
	return o.State(now).Notices
}

// shipmentDelay returns the delay notice of a shipment that is not
// delivered, or nil. tl is its timeline.
func (o *Order) shipmentDelay(s *Shipment, tl []CarrierEvent, now time.Time) *DelayNotice {
	today := day(now)
	promise := day(o.promise(s))
	if len(tl) > 0 {
		last := tl[len(tl)-1]
		switch last.Kind {
		case EventReturnedToSender:
			return o.notice(s.ID, ReasonReturnedToSender, last.EventID, promise, time.Time{})
		case EventFailedAttempt:
			est := day(last.NewEstimate)
			if last.NewEstimate.IsZero() {
				est = addBusinessDays(later(day(last.At), today), 1)
			}
			return o.notice(s.ID, ReasonFailedAttempt, last.EventID, promise, est)
		}
	}
	for i := len(tl) - 1; i >= 0; i-- {
		if e := tl[i]; e.Kind == EventDelay {
			est := day(e.NewEstimate)
			if now.Before(endOfDay(est)) {
				return o.notice(s.ID, ReasonCarrierDelay, e.EventID, promise, est)
			}
			promise = est // The carrier missed its own new date too.
			break
		}
	}
	if !now.Before(endOfDay(promise)) {
		return o.notice(s.ID, ReasonLate, "", promise, lateEstimate(promise, today))
	}
	return nil
}

// unshippedDelay returns the late notice for units in no shipment once the
// order's promised date has passed, or nil.
func (o *Order) unshippedDelay(now time.Time) *DelayNotice {
	promise := day(o.PromisedBy)
	if now.Before(endOfDay(promise)) {
		return nil
	}
	return o.notice("", ReasonLate, "", promise, lateEstimate(promise, day(now)))
}

func (o *Order) notice(shipmentID string, r DelayReason, eventID string, promise, estimate time.Time) *DelayNotice {
	subject := shipmentID
	if subject == "" {
		subject = o.Number
	}
	tail := eventID
	if r == ReasonLate {
		tail = promise.Format(time.DateOnly)
	}
	texts := delayTexts[r]
	return &DelayNotice{
		Key:         subject + "/" + string(r) + "/" + tail,
		OrderNumber: o.Number,
		ShipmentID:  shipmentID,
		Reason:      r,
		EventID:     eventID,
		PromisedBy:  promise,
		NewEstimate: estimate,
		ActionKey:   "orders.delay.action." + string(r),
		Message:     texts[0],
		Action:      texts[1],
	}
}

// lateEstimate is the estimate for a parcel that missed promise and the
// carrier says nothing about.
func lateEstimate(promise, today time.Time) time.Time {
	est := addBusinessDays(promise, BusinessDaysAfterMissedPromise)
	if !est.After(today) {
		est = addBusinessDays(today, 1)
	}
	return est
}

// day returns midnight UTC of t's date in UTC: promises and estimates are
// calendar dates, and the store keeps them in UTC.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// endOfDay returns the first instant after t's date (UTC): a promise for a
// date holds until then.
func endOfDay(t time.Time) time.Time { return day(t).AddDate(0, 0, 1) }

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// addBusinessDays returns the date n business days (Monday to Friday) after
// d. Public holidays differ per country and are not counted: estimates are
// estimates.
func addBusinessDays(d time.Time, n int) time.Time {
	d = day(d)
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d
}

package orders

import "time"

// Status is where a shipment, or an order as a whole, stands, in the words a
// customer sees.
type Status string

// The statuses, in the order of a normal delivery, then the ones that say
// something went wrong.
const (
	// StatusConfirmed: the order is placed and paid; nothing is packed yet.
	StatusConfirmed Status = "confirmed"
	// StatusPreparing: a shipment exists (we are packing it, or the carrier
	// has its label) but the carrier has not picked it up.
	StatusPreparing      Status = "preparing"
	StatusShipped        Status = "shipped"
	StatusInTransit      Status = "in_transit"
	StatusOutForDelivery Status = "out_for_delivery"
	StatusDelivered      Status = "delivered"
	// StatusDelayed: late against the promise, or the carrier reported a
	// delay; a DelayNotice says why and gives the new estimate.
	StatusDelayed Status = "delayed"
	// StatusAttemptFailed: the carrier could not deliver (nobody home), or
	// gave up and is returning the parcel to us.
	StatusAttemptFailed Status = "delivery_attempt_failed"
	StatusCancelled     Status = "cancelled"
)

// Key returns the translation key of the status's label
// ("orders.status.in_transit").
func (s Status) Key() string { return "orders.status." + string(s) }

// Steps of the progress bar: Confirmed, Preparing, Shipped, In transit, Out
// for delivery, Delivered. LastStep is the index of the last one.
const LastStep = 5

// Progress is how far a delivery has come, for a progress bar of LastStep+1
// steps. It never moves backwards: a failed attempt keeps the "out for
// delivery" step it reached, and a late shipment keeps its last step.
type Progress struct {
	// Step is the index of the step reached, from 0 (Confirmed) to LastStep
	// (Delivered).
	Step int `json:"step"`
}

// Fraction returns the share of the bar to fill, from 0 to 1.
func (p Progress) Fraction() float64 { return float64(p.Step) / LastStep }

// statusOfKind is the status a shipment has when kind is its latest event.
var statusOfKind = map[EventKind]Status{
	EventLabelCreated:     StatusPreparing,
	EventPickedUp:         StatusShipped,
	EventInTransit:        StatusInTransit,
	EventOutForDelivery:   StatusOutForDelivery,
	EventDelivered:        StatusDelivered,
	EventFailedAttempt:    StatusAttemptFailed,
	EventDelay:            StatusDelayed,
	EventReturnedToSender: StatusAttemptFailed,
}

// ShipmentState is what a customer sees of one shipment at a given moment.
type ShipmentState struct {
	ShipmentID string   `json:"shipmentId"`
	Status     Status   `json:"status"`
	Progress   Progress `json:"progress"`
	// Estimate is the date delivery is now expected on (see Shipment.State);
	// zero once delivered, or when nobody can say (returned to sender).
	Estimate time.Time `json:"estimate,omitzero"`
	// DeliveredAt is when the carrier delivered it; zero until then.
	DeliveredAt time.Time `json:"deliveredAt,omitzero"`
	// Timeline is the shipment's events as they happened (see Timeline).
	Timeline []CarrierEvent `json:"timeline"`
	// Delay is the notice the page shows about a late or failed delivery;
	// nil when all is well.
	Delay *DelayNotice `json:"delay,omitempty"`
}

// OrderState is what a customer sees of an order at a given moment: a
// summary status and the state of every shipment.
type OrderState struct {
	// Status summarises the order; see State for the rules.
	Status   Status   `json:"status"`
	Progress Progress `json:"progress"`
	// PartlyDelivered is true when some shipments are delivered and others
	// are not, so the page can say so next to Status.
	PartlyDelivered bool `json:"partlyDelivered"`
	// DeliveredAt is when the last shipment was delivered, once all were.
	DeliveredAt time.Time       `json:"deliveredAt,omitzero"`
	Shipments   []ShipmentState `json:"shipments"`
	// Notices are the delay notices of the order (see DelayNotices).
	Notices []DelayNotice `json:"notices"`
}

// State derives the order's state at now from its shipments' carrier events
// alone; nothing is stored but the events, so a late or out-of-order event
// can never leave a stale status behind.
//
// A shipment's status is that of its latest event by time (no event:
// Preparing), with these exceptions, strongest first:
//   - a cancelled order's shipments are Cancelled;
//   - a shipment with a delivered event is Delivered, whatever came after
//     (carriers send stray scans after delivery);
//   - a failed attempt or return to sender as the latest event stays
//     Delivery attempt failed: the customer may need to act;
//   - out for delivery stays Out for delivery even when late: it arrives
//     today, and the delay notice still explains the lateness;
//   - otherwise a shipment with a delay notice (see DelayNotices) is Delayed.
//
// The order's status is Cancelled if it was cancelled (with progress 0: the
// bar is not shown), Delivered if every
// unit was delivered, and otherwise the most pressing status among the
// shipments not yet delivered: Delivery attempt failed, then Delayed, then
// the least advanced one (a split order with one parcel delivered and one in
// transit is In transit, with PartlyDelivered set). Units that are in no
// shipment yet count as Confirmed when the order has no shipment at all and
// as Preparing otherwise, and make the order Delayed once its own promised
// date has passed. The order's progress is that of the shipment whose status
// it reports.
func (o *Order) State(now time.Time) OrderState {
	st := OrderState{Shipments: make([]ShipmentState, 0, len(o.Shipments))}
	for i := range o.Shipments {
		ss := o.shipmentState(&o.Shipments[i], now)
		st.Shipments = append(st.Shipments, ss)
		if ss.Delay != nil {
			st.Notices = append(st.Notices, *ss.Delay)
		}
	}
	if o.Cancelled() {
		st.Status = StatusCancelled
		return st
	}

	// pending holds what is not delivered yet: shipments, and a stand-in for
	// the units not in any shipment.
	var pending []ShipmentState
	delivered := 0
	for _, ss := range st.Shipments {
		if ss.Status == StatusDelivered {
			delivered++
			if ss.DeliveredAt.After(st.DeliveredAt) {
				st.DeliveredAt = ss.DeliveredAt
			}
			continue
		}
		pending = append(pending, ss)
	}
	if o.hasUnshippedUnits() {
		rest := ShipmentState{Status: StatusConfirmed}
		if len(o.Shipments) > 0 {
			rest = ShipmentState{Status: StatusPreparing, Progress: Progress{Step: 1}}
		}
		if n := o.unshippedDelay(now); n != nil {
			st.Notices = append(st.Notices, *n)
			rest.Status = StatusDelayed
		}
		pending = append(pending, rest)
	}
	if len(pending) == 0 {
		st.Status, st.Progress = StatusDelivered, Progress{Step: LastStep}
		return st
	}
	st.DeliveredAt = time.Time{}
	st.PartlyDelivered = delivered > 0

	pick := pending[0]
	for _, ss := range pending[1:] {
		if urgency(ss.Status) > urgency(pick.Status) ||
			urgency(ss.Status) == urgency(pick.Status) && ss.Progress.Step < pick.Progress.Step {
			pick = ss
		}
	}
	st.Status, st.Progress = pick.Status, pick.Progress
	return st
}

// urgency ranks statuses for the order summary: problems first.
func urgency(s Status) int {
	switch s {
	case StatusAttemptFailed:
		return 2
	case StatusDelayed:
		return 1
	}
	return 0
}

// shipmentState returns the state at now of shipment s, one of o's
// shipments. Estimate is the day of the out-for-delivery scan if that is the
// latest event, else the delay notice's new estimate, else the carrier's
// latest estimate, else the shipment's EstimatedAt, else its promised date.
func (o *Order) shipmentState(s *Shipment, now time.Time) ShipmentState {
	tl := Timeline(s.Events)
	st := ShipmentState{ShipmentID: s.ID, Timeline: tl, Progress: Progress{Step: 1}}
	for _, e := range tl {
		st.Progress.Step = max(st.Progress.Step, kindRank[e.Kind])
	}
	if o.Cancelled() {
		st.Status = StatusCancelled
		return st
	}
	if at, ok := deliveredAt(tl); ok {
		st.Status, st.DeliveredAt, st.Progress.Step = StatusDelivered, at, LastStep
		return st
	}

	base := StatusPreparing
	if len(tl) > 0 {
		base = statusOfKind[tl[len(tl)-1].Kind]
	}
	st.Delay = o.shipmentDelay(s, tl, now)
	switch {
	case base == StatusAttemptFailed || base == StatusOutForDelivery:
		st.Status = base
	case st.Delay != nil:
		st.Status = StatusDelayed
	default:
		st.Status = base
	}

	switch {
	case st.Delay != nil && st.Delay.Reason == ReasonReturnedToSender:
		// Nobody can say yet: the store decides whether to ship again.
	case base == StatusOutForDelivery:
		st.Estimate = day(tl[len(tl)-1].At)
	case st.Delay != nil:
		st.Estimate = st.Delay.NewEstimate
	case !latestEstimate(tl).IsZero():
		st.Estimate = day(latestEstimate(tl))
	case !s.EstimatedAt.IsZero():
		st.Estimate = day(s.EstimatedAt)
	default:
		st.Estimate = day(o.promise(s))
	}
	return st
}

// deliveredAt returns the time of the first delivered event of a timeline.
func deliveredAt(tl []CarrierEvent) (time.Time, bool) {
	for _, e := range tl {
		if e.Kind == EventDelivered {
			return e.At, true
		}
	}
	return time.Time{}, false
}

// latestEstimate returns the NewEstimate of the latest event of a timeline
// that has one, or zero.
func latestEstimate(tl []CarrierEvent) time.Time {
	for i := len(tl) - 1; i >= 0; i-- {
		if !tl[i].NewEstimate.IsZero() {
			return tl[i].NewEstimate
		}
	}
	return time.Time{}
}

// promise returns the date promised for s: its own, else the order's.
func (o *Order) promise(s *Shipment) time.Time {
	if !s.PromisedBy.IsZero() {
		return s.PromisedBy
	}
	return o.PromisedBy
}

// hasUnshippedUnits reports whether some ordered units are in no shipment.
func (o *Order) hasUnshippedUnits() bool {
	shipped := map[int]int{}
	for _, s := range o.Shipments {
		for _, it := range s.Items {
			shipped[it.LineID] += it.Qty
		}
	}
	for _, l := range o.Lines {
		if shipped[l.ID] < l.Qty {
			return true
		}
	}
	return false
}

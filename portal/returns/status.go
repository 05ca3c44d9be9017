package returns

import (
	"strings"
	"time"

	"vitrine/showroom/catalog"
)

// Status is where a request stands. Returns and exchanges go Requested →
// Approved → InTransit → Received → Inspected → Refunded (returns) or
// Exchanged (exchanges); repairs go Requested → Approved → InTransit →
// Received → Repaired → ShippedBack. Any of them may end Rejected, with a
// reason, from the statuses listed in transitions.
type Status string

// Statuses, in the order a timeline shows them.
const (
	StatusRequested   Status = "requested"
	StatusApproved    Status = "approved"
	StatusInTransit   Status = "in_transit"
	StatusReceived    Status = "received"
	StatusInspected   Status = "inspected"
	StatusRefunded    Status = "refunded"
	StatusExchanged   Status = "exchanged"
	StatusRepaired    Status = "repaired"
	StatusShippedBack Status = "shipped_back"
	StatusRejected    Status = "rejected"
)

// ByCustomer is the actor recorded when the customer moves a request (they
// create it); staff actions record the staff account's name.
const ByCustomer = "customer"

// transitions lists, per kind, the statuses each status may move to. Refunds
// cover store credit too: both end the return. Rejection is possible before
// approval (the request is out of policy) and after the parcel arrives (the
// items are not in the state described), never while it travels.
var transitions = map[Kind]map[Status][]Status{
	KindReturn: {
		StatusRequested: {StatusApproved, StatusRejected},
		StatusApproved:  {StatusInTransit},
		StatusInTransit: {StatusReceived},
		StatusReceived:  {StatusInspected, StatusRejected},
		StatusInspected: {StatusRefunded, StatusRejected},
	},
	KindExchange: {
		StatusRequested: {StatusApproved, StatusRejected},
		StatusApproved:  {StatusInTransit},
		StatusInTransit: {StatusReceived},
		StatusReceived:  {StatusInspected, StatusRejected},
		StatusInspected: {StatusExchanged, StatusRejected},
	},
	KindRepair: {
		StatusRequested: {StatusApproved, StatusRejected},
		StatusApproved:  {StatusInTransit},
		StatusInTransit: {StatusReceived},
		StatusReceived:  {StatusRepaired, StatusRejected},
		StatusRepaired:  {StatusShippedBack},
	},
}

// Next returns the statuses a request of kind k in status s may move to,
// for the staff view's buttons; none for an end state.
func Next(k Kind, s Status) []Status {
	return append([]Status(nil), transitions[k][s]...)
}

// CanTransition reports whether a request of kind k may move from one status
// to another.
func CanTransition(k Kind, from, to Status) bool {
	for _, s := range transitions[k][from] {
		if s == to {
			return true
		}
	}
	return false
}

// Final reports whether s ends a request: nothing can follow it.
func (s Status) Final() bool {
	return s == StatusRefunded || s == StatusExchanged || s == StatusShippedBack || s == StatusRejected
}

// Open reports whether the request still awaits something from staff, the
// carrier or the customer.
func (r *Return) Open() bool { return !r.Status.Final() }

// Transition moves the request to status to, recording who did it and, for a
// rejection, why; the timeline gains one entry and UpdatedAt becomes now.
// It returns ECONFLICT when the move is not allowed from the current status
// (including moving to the status it is already in, as a double-tapped staff
// button does), as a *Problem whose Params name both statuses; and EINVALID
// when by is empty or a rejection has no reason. On error r is unchanged.
func (r *Return) Transition(to Status, by, reason string, now time.Time) error {
	if strings.TrimSpace(by) == "" {
		return &catalog.Error{Code: catalog.EINVALID, Field: "by", Key: "returns.err.actor",
			Message: Message("returns.err.actor", nil)}
	}
	if !CanTransition(r.Kind, r.Status, to) {
		// The message names the request and both statuses for staff and
		// logs; the UI translates the key with the statuses as parameters.
		return &Problem{
			Err: &catalog.Error{Code: catalog.ECONFLICT, Key: "returns.err.illegal_transition",
				Message: "Request " + r.Number + " (" + string(r.Kind) + ") cannot move from " +
					string(r.Status) + " to " + string(to) + "."},
			Params: map[string]string{"from": string(r.Status), "to": string(to)},
		}
	}
	reason = strings.TrimSpace(reason)
	if to == StatusRejected && reason == "" {
		return &catalog.Error{Code: catalog.EINVALID, Field: "reason", Key: "returns.err.reject_reason",
			Message: Message("returns.err.reject_reason", nil)}
	}
	r.Status = to
	r.UpdatedAt = now
	r.Timeline = append(r.Timeline, Event{Status: to, At: now, By: by, Reason: reason})
	return nil
}

package orders

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// EventKind is what a carrier says happened to a shipment.
type EventKind string

// The carrier event kinds we understand, in the order a shipment normally
// goes through them; the exceptions can happen at any point.
const (
	EventLabelCreated   EventKind = "label_created"
	EventPickedUp       EventKind = "picked_up"
	EventInTransit      EventKind = "in_transit"
	EventOutForDelivery EventKind = "out_for_delivery"
	EventDelivered      EventKind = "delivered"
	// EventFailedAttempt means the courier could not hand the parcel over
	// (nobody home, no access); the carrier usually tries again.
	EventFailedAttempt EventKind = "exception_failed_attempt"
	// EventDelay means the carrier knows the parcel will be late; the event
	// carries the carrier's new estimate.
	EventDelay EventKind = "exception_delay"
	// EventReturnedToSender means the carrier gave up and the parcel is on
	// its way back to us.
	EventReturnedToSender EventKind = "returned_to_sender"
)

// EventKinds lists every kind, for validation and for tools that simulate a
// carrier.
var EventKinds = []EventKind{
	EventLabelCreated, EventPickedUp, EventInTransit, EventOutForDelivery, EventDelivered,
	EventFailedAttempt, EventDelay, EventReturnedToSender,
}

// Valid reports whether k is a kind we understand.
func (k EventKind) Valid() bool { return slices.Contains(EventKinds, k) }

// Key returns the translation key of the kind's default description, for
// timelines whose carrier sent no description of its own.
func (k EventKind) Key() string { return "orders.event." + string(k) }

// CarrierEvent is one scan or notice from a carrier about a shipment. It is
// also the body of the carrier webhook (see DecodeEvent).
type CarrierEvent struct {
	// EventID is the carrier's unique id for the event. Carriers retry
	// webhooks, so the same event may arrive more than once: it is applied
	// once, by this id.
	EventID string `json:"eventId"`
	// ShipmentID is our id of the shipment; carriers do not know it, so it
	// is empty in a webhook and filled in by the store.
	ShipmentID     string    `json:"shipmentId,omitempty"`
	TrackingNumber string    `json:"trackingNumber"`
	Kind           EventKind `json:"kind"`
	// At is when the event happened according to the carrier. Events arrive
	// out of order; timelines are ordered by At, not by arrival.
	At time.Time `json:"at"`
	// Place is where it happened, as the carrier names it ("Madrid hub").
	Place string `json:"place,omitempty"`
	// Description is the carrier's own words, in the carrier's language.
	Description string `json:"description,omitempty"`
	// NewEstimate is the carrier's new delivery estimate; required for
	// EventDelay, optional for EventFailedAttempt (the next attempt), and
	// absent otherwise.
	NewEstimate time.Time `json:"newEstimate,omitzero"`
}

// Limits on what a carrier may send, so that a broken or hostile sender
// cannot fill the database.
const (
	maxEventIDLen     = 128
	maxTrackingLen    = 64
	maxPlaceLen       = 200
	maxDescriptionLen = 1000
	// MaxEventBody is the largest webhook body DecodeEvent accepts; the HTTP
	// layer should stop reading there.
	MaxEventBody = 16 << 10
)

// Validate reports the first problem with e as an EINVALID *catalog.Error
// whose Field names the JSON field at fault.
func (e *CarrierEvent) Validate() error {
	switch {
	case e.EventID == "" || len(e.EventID) > maxEventIDLen:
		return invalid("eventId", "orders.err.event_id_invalid", fmt.Sprintf("eventId is required and must be at most %d bytes", maxEventIDLen))
	case e.TrackingNumber == "" || len(e.TrackingNumber) > maxTrackingLen:
		return invalid("trackingNumber", "orders.err.event_tracking_invalid", fmt.Sprintf("trackingNumber is required and must be at most %d bytes", maxTrackingLen))
	case !e.Kind.Valid():
		return invalid("kind", "orders.err.event_kind_invalid", fmt.Sprintf("kind %q is not one of %v", e.Kind, EventKinds))
	case e.At.IsZero():
		return invalid("at", "orders.err.event_time_missing", "at is required (RFC 3339 time)")
	case len(e.Place) > maxPlaceLen:
		return invalid("place", "orders.err.event_place_too_long", fmt.Sprintf("place must be at most %d bytes", maxPlaceLen))
	case len(e.Description) > maxDescriptionLen:
		return invalid("description", "orders.err.event_description_too_long", fmt.Sprintf("description must be at most %d bytes", maxDescriptionLen))
	case e.Kind == EventDelay && e.NewEstimate.IsZero():
		return invalid("newEstimate", "orders.err.event_estimate_missing", "newEstimate is required for exception_delay")
	case !e.NewEstimate.IsZero() && e.Kind != EventDelay && e.Kind != EventFailedAttempt:
		return invalid("newEstimate", "orders.err.event_estimate_unexpected", fmt.Sprintf("newEstimate is only allowed for exception_delay and exception_failed_attempt, not %s", e.Kind))
	}
	return nil
}

// DecodeEvent parses and validates a carrier webhook body: one JSON object
// with the fields of CarrierEvent. Unknown fields, trailing data, bodies over
// MaxEventBody and invalid events are EINVALID errors with a message that
// tells the carrier's developers what to fix.
func DecodeEvent(body []byte) (CarrierEvent, error) {
	var e CarrierEvent
	if len(body) > MaxEventBody {
		return e, invalid("", "orders.err.event_too_large", fmt.Sprintf("event body is larger than %d bytes", MaxEventBody))
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return CarrierEvent{}, invalid("", "orders.err.event_malformed", fmt.Sprintf("event body is not a valid JSON event: %v", err))
	}
	if dec.More() {
		return CarrierEvent{}, invalid("", "orders.err.event_malformed", "event body has data after the JSON object")
	}
	if e.ShipmentID != "" {
		return CarrierEvent{}, invalid("shipmentId", "orders.err.event_shipment_id", "shipmentId is ours to set; name the shipment by trackingNumber")
	}
	if err := e.Validate(); err != nil {
		return CarrierEvent{}, err
	}
	return e, nil
}

// Timeline returns events as they happened: each EventID once (the first
// arrival wins, as the carrier's retry repeats it), ordered by At. Events at
// the same instant are ordered by how far along the delivery they are, then
// by arrival, so a "delivered" scan never shows before the "out for delivery"
// scan with the same time stamp. The input is not modified.
func Timeline(events []CarrierEvent) []CarrierEvent {
	seen := make(map[string]bool, len(events))
	out := make([]CarrierEvent, 0, len(events))
	for _, e := range events {
		if seen[e.EventID] {
			continue
		}
		seen[e.EventID] = true
		out = append(out, e)
	}
	slices.SortStableFunc(out, func(a, b CarrierEvent) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return kindRank[a.Kind] - kindRank[b.Kind]
	})
	return out
}

// kindRank orders kinds along a delivery, for ties in Timeline and for the
// progress bar. Exceptions rank with the step they interrupt.
var kindRank = map[EventKind]int{
	EventLabelCreated:     1,
	EventPickedUp:         2,
	EventInTransit:        3,
	EventDelay:            3,
	EventReturnedToSender: 3,
	EventOutForDelivery:   4,
	EventFailedAttempt:    4,
	EventDelivered:        5,
}

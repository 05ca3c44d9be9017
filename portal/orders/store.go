package orders

import (
	"context"
	"time"
)

// Kinds of outbox message this domain writes. Other domains may add theirs.
const (
	MailDelayNotice  = "delay_notice"
	MailConfirmation = "order_confirmation"
	MailUpdate       = "order_update"
)

// OutboxMessage is an email waiting to be sent. Emails are written to the
// outbox in the same transaction as the change they report, and a sender
// delivers them afterwards, so no change goes unreported and no email
// reports a change that was rolled back. Tests and the staff view read it.
type OutboxMessage struct {
	// ID is assigned by the store, increasing in the order messages were
	// written.
	ID      int64  `json:"id"`
	To      string `json:"to"`
	Subject string `json:"subject"`
	Body    string `json:"body"`
	// Kind says what the email is about (MailDelayNotice, ...), for the
	// staff view and for tests.
	Kind string `json:"kind"`
	// OrderNumber is the order the email is about; empty if none.
	OrderNumber string    `json:"orderNumber,omitempty"`
	CreatedAt   time.Time `json:"createdAt"`
}

// Store keeps orders, their carrier events, the record of delay notices
// sent, and the outbox. Every method that writes does so in one transaction:
// it happens completely or not at all. Times come back in UTC.
type Store interface {
	// CreateOrder stores o with its lines, shipments and their events.
	// Returns EINVALID if o does not validate, and ECONFLICT if an order
	// with o.Number exists, or a shipment id, tracking number or event id of
	// o is already used by another order.
	CreateOrder(ctx context.Context, o *Order) error

	// Order returns the order with number: lines and shipments in the order
	// they were created, each shipment's events in the order they arrived
	// with ShipmentID filled in, and no shipments or events as nil. Returns
	// ENOTFOUND if there is no such order.
	Order(ctx context.Context, number string) (*Order, error)

	// AddEvent records a carrier event on the shipment with e.TrackingNumber
	// (and e.ShipmentID, when set) and returns the number of that
	// shipment's order. added is false, and nothing changes, if an event with
	// e.EventID was already recorded: carriers retry webhooks. Returns
	// EINVALID if e does not validate, and ENOTFOUND if no shipment has that
	// tracking number (or ShipmentID names another shipment).
	AddEvent(ctx context.Context, e CarrierEvent) (orderNumber string, added bool, err error)

	// OpenOrders returns the orders that are not cancelled and have units
	// not yet delivered (a shipment without a delivered event, or units in no
	// shipment), oldest first. The delay job checks them on a schedule.
	OpenOrders(ctx context.Context) ([]Order, error)

	// SendNotice records that the notice with key was sent for the order
	// and writes m to the outbox, in one transaction, at most once per key:
	// if key was already recorded it returns false and writes nothing, so
	// the delay job can run as often as it likes and even concurrently.
	// m.CreatedAt defaults to the store's clock. Returns ENOTFOUND if there
	// is no such order, and EINVALID if key is empty.
	SendNotice(ctx context.Context, orderNumber, key string, m OutboxMessage) (sent bool, err error)

	// AddOutbox writes m to the outbox and returns its ID. m.CreatedAt
	// defaults to the store's clock. Returns EINVALID if m has no recipient
	// or no subject.
	AddOutbox(ctx context.Context, m OutboxMessage) (int64, error)

	// Outbox returns the outbox messages about orderNumber, or all messages
	// if it is empty, in the order they were written.
	Outbox(ctx context.Context, orderNumber string) ([]OutboxMessage, error)
}

package orders

import "context"

// SubscriptionStore keeps which customers asked, on their order's page, for
// an email at every change of a shipment ("get email updates"). The email
// goes to the order's own address, so a subscription is only a mark on the
// order. It is an interface of its own, beside Store, so that stores and
// fakes of Store written for other features need not implement it.
type SubscriptionStore interface {
	// Subscribe records that the customer of order number wants updates and
	// reports whether the subscription is new (false if it already
	// existed). Returns ENOTFOUND if there is no such order.
	Subscribe(ctx context.Context, number string) (created bool, err error)

	// Subscribed reports whether the customer of order number asked for
	// updates; false for an unknown order.
	Subscribed(ctx context.Context, number string) (bool, error)
}

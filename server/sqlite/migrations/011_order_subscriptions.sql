-- Customers who asked, on their order's page, for an email at every change
-- of a shipment (portal/orders SubscriptionStore). The email goes to the
-- order's own address, so nothing but the order is stored; the updates
-- themselves go through the outbox, once per carrier event.

CREATE TABLE order_subscriptions (
	order_number TEXT PRIMARY KEY REFERENCES orders (number) ON DELETE CASCADE,
	created_at TEXT NOT NULL
);

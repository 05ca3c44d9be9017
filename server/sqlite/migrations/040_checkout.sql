-- Checkout (showroom cart → portal/orders.CheckoutStore): the counter that
-- numbers placed orders, and the idempotency keys that make pressing
-- "Place order" twice place one order.

-- The last number given per prefix. PlaceOrder takes the next one from
-- whichever is higher, this or the highest number already in orders (the
-- demo's VT-1001 to VT-1010 are inserted without the counter), so numbers
-- are never reused even if an order were deleted.
CREATE TABLE order_counters (
	prefix TEXT PRIMARY KEY,              -- "VT"
	last INTEGER NOT NULL
);

-- One row per order placed through checkout, written in the same
-- transaction as the order. fingerprint is a hash of the request the key
-- came with: the same key with another request is refused.
CREATE TABLE checkout_keys (
	key TEXT PRIMARY KEY,
	fingerprint TEXT NOT NULL,
	order_number TEXT NOT NULL UNIQUE REFERENCES orders (number) ON DELETE CASCADE,
	created_at TEXT NOT NULL
);

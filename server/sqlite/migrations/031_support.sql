-- Support tickets: messages customers send through the contact form
-- (portal/support). The acknowledgement email of a ticket goes to the shared
-- outbox table (010_orders.sql), written in the same transaction.

CREATE TABLE support_tickets (
	reference    TEXT PRIMARY KEY,         -- "SR-4K7P-9XQ2", random
	name         TEXT NOT NULL,
	email        TEXT NOT NULL,
	order_number TEXT NOT NULL DEFAULT '', -- '' when about no order
	topic        TEXT NOT NULL,
	message      TEXT NOT NULL CHECK (length(message) <= 4000),
	locale       TEXT NOT NULL,
	created_at   TEXT NOT NULL             -- UTC, RFC 3339 with nanoseconds
);

-- Staff read the newest tickets first.
CREATE INDEX support_tickets_created ON support_tickets (created_at);

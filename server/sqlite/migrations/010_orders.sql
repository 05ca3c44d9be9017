-- Order tracking: orders, their lines and shipments, carrier events, the
-- record of delay notices sent, and the email outbox (portal/orders).
--
-- Orders keep snapshots of what was sold (name, SKU, price, configuration)
-- and never reference the catalog tables: products change and are retired,
-- an order must keep saying what was bought and for how much.
--
-- Times are TEXT in RFC 3339 with nanoseconds, always UTC ("...Z"), so they
-- sort as text and round-trip exactly. Amounts are INTEGER minor units in
-- the order's one currency. Booleans are INTEGER 0/1.

CREATE TABLE orders (
	number TEXT PRIMARY KEY,              -- "VT-1001"
	email TEXT NOT NULL,
	postcode TEXT NOT NULL,               -- billing postcode, as typed
	name TEXT NOT NULL,
	address_lines TEXT NOT NULL,          -- JSON array of street lines
	address_city TEXT NOT NULL,
	address_postcode TEXT NOT NULL,
	address_country TEXT NOT NULL,        -- ISO 3166-1 alpha-2
	locale TEXT NOT NULL,
	placed_at TEXT NOT NULL,
	promised_by TEXT NOT NULL,
	cancelled_at TEXT,                    -- NULL unless cancelled
	currency TEXT NOT NULL,               -- of every amount of the order
	subtotal INTEGER NOT NULL,
	shipping INTEGER NOT NULL,
	vat INTEGER NOT NULL,                 -- included in total
	total INTEGER NOT NULL,
	payment_method TEXT NOT NULL
);

-- The delay job scans orders that are not cancelled, oldest first.
CREATE INDEX orders_open ON orders (placed_at) WHERE cancelled_at IS NULL;

CREATE TABLE order_lines (
	order_number TEXT NOT NULL REFERENCES orders (number) ON DELETE CASCADE,
	id INTEGER NOT NULL,                  -- 1, 2, ... within the order
	slug TEXT NOT NULL,
	sku TEXT NOT NULL,
	category TEXT NOT NULL,
	name TEXT NOT NULL,                   -- JSON object locale -> name
	unit_price INTEGER NOT NULL,
	qty INTEGER NOT NULL CHECK (qty > 0),
	final_sale INTEGER NOT NULL,
	configured INTEGER NOT NULL,
	configuration TEXT NOT NULL,          -- opaque JSON snapshot; '' if not configured
	warranty_months INTEGER NOT NULL,
	PRIMARY KEY (order_number, id)
);

CREATE TABLE shipments (
	id TEXT PRIMARY KEY,                  -- "VT-1007-2"
	order_number TEXT NOT NULL REFERENCES orders (number) ON DELETE CASCADE,
	position INTEGER NOT NULL,            -- order of the shipments within the order
	carrier TEXT NOT NULL,
	-- Carrier webhooks name the shipment by its tracking number.
	tracking_number TEXT NOT NULL UNIQUE,
	promised_by TEXT,                     -- NULL: the order's promise
	estimated_at TEXT                     -- NULL: no estimate given
);

CREATE INDEX shipments_order ON shipments (order_number, position);

CREATE TABLE shipment_items (
	shipment_id TEXT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
	-- order_number is repeated so that the line reference can be checked.
	order_number TEXT NOT NULL,
	line_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	qty INTEGER NOT NULL CHECK (qty > 0),
	PRIMARY KEY (shipment_id, line_id),
	FOREIGN KEY (order_number, line_id) REFERENCES order_lines (order_number, id) ON DELETE CASCADE
);

-- Carrier events in the order they arrived (seq). Status is derived from
-- them by portal/orders, ordered by happened_at; nothing derived is stored.
-- event_id is the carrier's id: a retried webhook is recognised by it and
-- applied once.
CREATE TABLE carrier_events (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	event_id TEXT NOT NULL UNIQUE,
	shipment_id TEXT NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
	kind TEXT NOT NULL,
	happened_at TEXT NOT NULL,
	place TEXT NOT NULL,
	description TEXT NOT NULL,
	new_estimate TEXT,                    -- NULL unless the carrier gave one
	received_at TEXT NOT NULL             -- our clock, for support
);

CREATE INDEX carrier_events_shipment ON carrier_events (shipment_id, seq);

-- Delay notices already emailed, so each is sent once (portal/orders
-- DelayNotice.Key).
CREATE TABLE delay_notices_sent (
	key TEXT PRIMARY KEY,
	order_number TEXT NOT NULL REFERENCES orders (number) ON DELETE CASCADE,
	sent_at TEXT NOT NULL
);

-- Emails waiting to be sent, written in the same transaction as the change
-- they report. Not tied to orders by a foreign key: other domains (returns,
-- support) write here too, and an email outlives what it was about.
CREATE TABLE outbox (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	to_addr TEXT NOT NULL,
	subject TEXT NOT NULL,
	body TEXT NOT NULL,
	kind TEXT NOT NULL,
	order_number TEXT NOT NULL,           -- '' when about no order
	created_at TEXT NOT NULL,
	sent_at TEXT                          -- NULL until delivered by the sender
);

CREATE INDEX outbox_order ON outbox (order_number, id);

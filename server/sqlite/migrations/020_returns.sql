-- Returns, exchanges and repair requests, their timelines, and the photos
-- customers upload for them (portal/returns).
--
-- A return keeps a snapshot of each order line it takes back (name, SKU,
-- price, units delivered), like an order keeps a snapshot of the catalog, so
-- it reads the same after the order or the catalog changes. It names its
-- order by number without a foreign key: the returns store is a domain of
-- its own (its conformance suite runs without any order), and the HTTP layer
-- checks the order exists before it asks for a return.
--
-- Times are TEXT in fixed-width UTC ("2025-03-10T09:30:15.123000000Z") so
-- that comparing and sorting the strings compares the times. Amounts are
-- INTEGER minor units. JSON columns hold values only this store reads.

CREATE TABLE returns (
	-- seq numbers every request, returns and repairs alike; the number the
	-- customer sees is made from it (RT-000012, RP-000013).
	seq INTEGER PRIMARY KEY,
	number TEXT NOT NULL UNIQUE,
	kind TEXT NOT NULL,                   -- return | exchange | repair
	order_number TEXT NOT NULL,
	status TEXT NOT NULL,
	resolution TEXT NOT NULL,             -- '' for repairs
	shipping_method TEXT NOT NULL,
	contact TEXT NOT NULL,                -- repairs only, else ''
	phone TEXT NOT NULL,
	quote TEXT NOT NULL,                  -- JSON of returns.Quote, fixed when requested
	idempotency_key TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	-- A double tap or a resent request finds the return it already made.
	UNIQUE (order_number, idempotency_key)
);

CREATE INDEX returns_order ON returns (order_number, created_at);
CREATE INDEX returns_status ON returns (status, created_at);

CREATE TABLE return_lines (
	return_seq INTEGER NOT NULL REFERENCES returns (seq) ON DELETE CASCADE,
	position INTEGER NOT NULL,            -- order of the lines in the request
	-- order_number is repeated from returns so that the sum of units
	-- already going back per order line (the quantity limit) starts from
	-- one index.
	order_number TEXT NOT NULL,
	line_id TEXT NOT NULL,
	slug TEXT NOT NULL,
	sku TEXT NOT NULL,
	name TEXT NOT NULL,                   -- JSON object locale -> name
	unit_price INTEGER NOT NULL,
	currency TEXT NOT NULL,
	qty INTEGER NOT NULL CHECK (qty > 0),
	reason TEXT NOT NULL,
	reason_text TEXT NOT NULL,
	photo_ids TEXT NOT NULL,              -- JSON array, in the customer's order
	exchange TEXT,                        -- JSON of returns.ExchangeTarget; NULL if none
	delivered INTEGER NOT NULL,
	PRIMARY KEY (return_seq, position)
);

CREATE INDEX return_lines_order ON return_lines (order_number, line_id);

-- Each step of a request, oldest first: what the customer and staff see.
CREATE TABLE return_events (
	return_seq INTEGER NOT NULL REFERENCES returns (seq) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	status TEXT NOT NULL,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,                  -- "customer" or a staff account
	reason TEXT NOT NULL,                 -- why, for a rejection; else ''
	PRIMARY KEY (return_seq, position)
);

-- Photos of damaged or defective items. They are uploaded one by one before
-- the request is sent, re-encoded by the server without their metadata, and
-- kept here with their bytes, so a photo and its record are written (and
-- backed up, and deleted) together: no file can outlive its row or go
-- missing under it. return_number is NULL until a request names the photo.
CREATE TABLE return_photos (
	id TEXT PRIMARY KEY,                  -- random, unguessable
	order_number TEXT NOT NULL,
	content_type TEXT NOT NULL,
	size INTEGER NOT NULL,
	width INTEGER NOT NULL,
	height INTEGER NOT NULL,
	created_at TEXT NOT NULL,
	return_number TEXT,
	data BLOB NOT NULL
);

CREATE INDEX return_photos_order ON return_photos (order_number, return_number);

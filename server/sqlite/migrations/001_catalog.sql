-- The catalog: categories (each one a stand of the showroom) and products.
-- Translated content (names, descriptions, spec values) is stored as JSON
-- objects keyed by locale, so adding a language needs no schema change.

CREATE TABLE categories (
	slug        TEXT PRIMARY KEY,
	name        TEXT NOT NULL,            -- JSON {"en": "...", ...}
	description TEXT NOT NULL DEFAULT '{}',
	position    INTEGER NOT NULL,
	featured    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE products (
	slug            TEXT PRIMARY KEY,
	sku             TEXT NOT NULL UNIQUE,
	category        TEXT NOT NULL REFERENCES categories(slug),
	name            TEXT NOT NULL,         -- JSON by locale
	description     TEXT NOT NULL DEFAULT '{}',
	price_amount    INTEGER NOT NULL CHECK (price_amount >= 0), -- minor units
	price_currency  TEXT NOT NULL,
	stock           INTEGER NOT NULL CHECK (stock >= 0),
	lead_time_days  INTEGER NOT NULL CHECK (lead_time_days >= 0),
	specs           TEXT NOT NULL DEFAULT '[]', -- JSON [{"key": ..., "value": {...}}]
	configurable    INTEGER NOT NULL DEFAULT 0,
	featured        INTEGER NOT NULL DEFAULT 0,
	final_sale      INTEGER NOT NULL DEFAULT 0,
	warranty_months INTEGER NOT NULL DEFAULT 24,
	model           TEXT NOT NULL DEFAULT '',
	thumbnail       TEXT NOT NULL DEFAULT '',
	position        INTEGER NOT NULL
);

CREATE INDEX products_category ON products(category, position);

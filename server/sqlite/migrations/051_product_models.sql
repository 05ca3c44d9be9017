-- Merchants' own 3D models of their products (`vitrine models import`).
-- One row per product: importing again replaces it. The bytes live here
-- beside their digest, so the file and the product's model path
-- (products.model = '/media/models/<product>-<first 12 hex of sha256>.glb')
-- are written in one transaction and can never disagree. Deleting a product
-- deletes its model.
CREATE TABLE product_models (
	product TEXT PRIMARY KEY REFERENCES products(slug) ON DELETE CASCADE,
	sha256  TEXT NOT NULL CHECK (length(sha256) = 64), -- lowercase hex
	size    INTEGER NOT NULL CHECK (size > 0),        -- bytes, = length(data)
	data    BLOB NOT NULL,
	created TEXT NOT NULL                              -- RFC 3339, UTC
);

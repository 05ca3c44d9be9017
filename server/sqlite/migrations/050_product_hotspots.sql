-- Hotspots: numbered markers on a product's 3D model that explain a feature
-- where it is. They are stored as JSON with the product, like specs, because
-- they are always read and written with it and never queried on their own:
-- [{"id": "...", "position": [x, y, z], "title": {"en": ...}, "text": {...}}]
-- with the position in metres in the model's own coordinates.
--
-- Products that existed before this migration get no hotspots ('[]'): the
-- demo seed only fills an empty database, so an old demo database keeps its
-- products without hotspots until it is recreated.

ALTER TABLE products ADD COLUMN hotspots TEXT NOT NULL DEFAULT '[]';

package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"vitrine/showroom/catalog"
)

// ModelStore implements catalog.ModelStore: merchants' own product models,
// kept in the database beside the catalog they belong to, so a backup of
// the database is a backup of the store.
type ModelStore struct{ db *DB }

// NewModelStore returns the model store of db.
func NewModelStore(db *DB) *ModelStore { return &ModelStore{db: db} }

var _ catalog.ModelStore = (*ModelStore)(nil)

func noProduct(slug string) error {
	return &catalog.Error{Code: catalog.ENOTFOUND, Field: "product", Key: "catalog.not_found",
		Message: fmt.Sprintf("No product has the slug %q.", slug)}
}

func noModel(slug string) error {
	return &catalog.Error{Code: catalog.ENOTFOUND, Field: "model", Key: "models.err.none",
		Message: fmt.Sprintf("The product %s has no model of its own.", slug)}
}

// productExists reports whether slug names a product, inside tx.
func productExists(ctx context.Context, tx *sql.Tx, slug string) (bool, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM products WHERE slug = ?`, slug).Scan(&n); err != nil {
		return false, fmt.Errorf("find product %s: %w", slug, err)
	}
	return n > 0, nil
}

// PutModel implements catalog.ModelStore.
func (s *ModelStore) PutModel(ctx context.Context, product string, data []byte) (*catalog.ModelFile, error) {
	if len(data) == 0 {
		return nil, catalog.Errorf(catalog.EINVALID, "The model file is empty.")
	}
	m := catalog.NewModelFile(product, data, s.db.Now())
	if err := m.Validate(); err != nil {
		return nil, err
	}
	err := s.db.InTx(ctx, func(tx *sql.Tx) error {
		ok, err := productExists(ctx, tx, product)
		if err != nil {
			return err
		} else if !ok {
			return noProduct(product)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO product_models (product, sha256, size, data, created)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (product) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size,
				data = excluded.data, created = excluded.created`,
			m.Product, m.SHA256, m.Size, data, m.Created.Format(time.RFC3339Nano)); err != nil {
			return fmt.Errorf("put model of %s: %w", product, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE products SET model = ? WHERE slug = ?`, m.Path(), product); err != nil {
			return fmt.Errorf("point %s at its model: %w", product, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// ModelData implements catalog.ModelStore.
func (s *ModelStore) ModelData(ctx context.Context, product string) (*catalog.ModelFile, []byte, error) {
	var m catalog.ModelFile
	var created string
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT product, sha256, size, created, data FROM product_models WHERE product = ?`, product).
		Scan(&m.Product, &m.SHA256, &m.Size, &created, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, noModel(product)
	} else if err != nil {
		return nil, nil, fmt.Errorf("load model of %s: %w", product, err)
	}
	if m.Created, err = time.Parse(time.RFC3339Nano, created); err != nil {
		return nil, nil, fmt.Errorf("model of %s: created: %w", product, err)
	}
	return &m, data, nil
}

// Models implements catalog.ModelStore.
func (s *ModelStore) Models(ctx context.Context) ([]catalog.ModelFile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT product, sha256, size, created FROM product_models ORDER BY product`)
	if err != nil {
		return nil, fmt.Errorf("list models: %w", err)
	}
	defer rows.Close()
	out := []catalog.ModelFile{}
	for rows.Next() {
		var m catalog.ModelFile
		var created string
		if err := rows.Scan(&m.Product, &m.SHA256, &m.Size, &created); err != nil {
			return nil, fmt.Errorf("scan model: %w", err)
		}
		if m.Created, err = time.Parse(time.RFC3339Nano, created); err != nil {
			return nil, fmt.Errorf("model of %s: created: %w", m.Product, err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// RemoveModel implements catalog.ModelStore.
func (s *ModelStore) RemoveModel(ctx context.Context, product, fallback string) error {
	return s.db.InTx(ctx, func(tx *sql.Tx) error {
		ok, err := productExists(ctx, tx, product)
		if err != nil {
			return err
		} else if !ok {
			return noProduct(product)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM product_models WHERE product = ?`, product)
		if err != nil {
			return fmt.Errorf("remove model of %s: %w", product, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("remove model of %s: %w", product, err)
		} else if n == 0 {
			return noModel(product)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE products SET model = ? WHERE slug = ?`, fallback, product); err != nil {
			return fmt.Errorf("point %s back at %q: %w", product, fallback, err)
		}
		return nil
	})
}

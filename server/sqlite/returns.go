package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	sqlite3 "modernc.org/sqlite/lib"

	"vitrine/portal/returns"
	"vitrine/showroom/catalog"
)

// ReturnStore implements returns.Store on the tables of
// migrations/020_returns.sql, and keeps the bytes of the customers' photos
// beside their metadata (PutPhotoData, PhotoData).
//
// The quantity limit (never more units going back than were delivered) is
// kept by the transaction that creates a return: it reads the units already
// in returns and exchanges of each order line, adds the request's, and
// inserts only if every line stays within what was delivered. Transactions
// begin IMMEDIATE (see Open), so the write lock is taken before that read:
// a second request for the same line waits for the first to commit and
// then counts its units. There is no window between the check and the
// insert for another writer to use, on one connection or many.
type ReturnStore struct {
	db *DB
}

var _ returns.Store = (*ReturnStore)(nil)

// NewReturnStore returns the returns store of db.
func NewReturnStore(db *DB) *ReturnStore { return &ReturnStore{db: db} }

// returnTimeFormat is fixed width, so stored times sort as text.
const returnTimeFormat = "2006-01-02T15:04:05.000000000Z"

func returnTime(t time.Time) string { return t.UTC().Format(returnTimeFormat) }

func returnParseTime(s string) (time.Time, error) {
	t, err := time.Parse(returnTimeFormat, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// returnQuerier is what loading a return needs, on the database or in a
// transaction.
type returnQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// errOverReturned is the ECONFLICT of a request that would take back more
// units of a line than were delivered, counting the returns made since the
// customer loaded the form.
func errOverReturned(lineID string) error {
	return &catalog.Error{Code: catalog.ECONFLICT, Field: "lines", Key: "returns.err.over_returned",
		Message: "Some of these items are already being returned. Reload the page to see what can still be returned.",
		Params:  map[string]string{"line": lineID}}
}

// Create implements returns.Store.
func (s *ReturnStore) Create(ctx context.Context, r *returns.Return) (*returns.Return, bool, error) {
	if r == nil || !r.Kind.Valid() || r.OrderNumber == "" || r.IdempotencyKey == "" || len(r.Lines) == 0 {
		return nil, false, catalog.Errorf(catalog.EINVALID, "a return needs a kind, an order, an idempotency key and lines")
	}
	var stored *returns.Return
	created := false
	err := s.db.InTx(ctx, func(tx *sql.Tx) error {
		// The idempotency check comes first: a resend finds its return
		// even when the quantity check below would now refuse it.
		var number string
		err := tx.QueryRowContext(ctx, `SELECT number FROM returns WHERE order_number = ? AND idempotency_key = ?`,
			r.OrderNumber, r.IdempotencyKey).Scan(&number)
		switch {
		case err == nil:
			stored, err = returnLoad(ctx, tx, number)
			return err
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}

		if r.Kind != returns.KindRepair {
			used, err := returnedUnits(ctx, tx, r.OrderNumber)
			if err != nil {
				return err
			}
			for _, l := range r.Lines {
				used[l.LineID] += l.Qty
				if used[l.LineID] > l.Delivered {
					return errOverReturned(l.LineID)
				}
			}
		}
		if err := returnCheckPhotos(ctx, tx, r); err != nil {
			return err
		}

		var seq int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM returns`).Scan(&seq); err != nil {
			return err
		}
		c := *r
		c.Number = returns.NumberFor(r.Kind, seq)
		quote, err := json.Marshal(c.Quote)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO returns (seq, number, kind, order_number, status, resolution,
			shipping_method, contact, phone, quote, idempotency_key, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			seq, c.Number, string(c.Kind), c.OrderNumber, string(c.Status), string(c.Resolution),
			string(c.ShippingMethod), string(c.Contact), c.Phone, string(quote), c.IdempotencyKey,
			returnTime(c.CreatedAt), returnTime(c.UpdatedAt)); err != nil {
			return fmt.Errorf("insert return: %w", err)
		}
		for i, l := range c.Lines {
			if err := returnInsertLine(ctx, tx, seq, i, c.OrderNumber, l); err != nil {
				return err
			}
			for _, id := range l.PhotoIDs {
				if _, err := tx.ExecContext(ctx, `UPDATE return_photos SET return_number = ? WHERE id = ?`, c.Number, id); err != nil {
					return fmt.Errorf("attach photo %s: %w", id, err)
				}
			}
		}
		for i, e := range c.Timeline {
			if err := returnInsertEvent(ctx, tx, seq, i, e); err != nil {
				return err
			}
		}
		stored, err = returnLoad(ctx, tx, c.Number)
		created = err == nil
		return err
	})
	if err != nil {
		return nil, false, fmt.Errorf("create return of %s: %w", r.OrderNumber, err)
	}
	return stored, created, nil
}

// returnCheckPhotos checks that every photo r names exists, belongs to r's
// order and is used by no other return.
func returnCheckPhotos(ctx context.Context, tx *sql.Tx, r *returns.Return) error {
	for _, l := range r.Lines {
		for _, id := range l.PhotoIDs {
			var order string
			var attached sql.NullString
			err := tx.QueryRowContext(ctx, `SELECT order_number, return_number FROM return_photos WHERE id = ?`, id).Scan(&order, &attached)
			switch {
			case errors.Is(err, sql.ErrNoRows) || err == nil && order != r.OrderNumber:
				return &catalog.Error{Code: catalog.EINVALID, Field: "photoIds", Key: "returns.err.photo_id",
					Message: returns.Message("returns.err.photo_id", nil)}
			case err != nil:
				return err
			case attached.Valid:
				return &catalog.Error{Code: catalog.ECONFLICT, Field: "photoIds", Key: "returns.err.photo_id",
					Message: returns.Message("returns.err.photo_id", nil)}
			}
		}
	}
	return nil
}

func returnInsertLine(ctx context.Context, tx *sql.Tx, seq, pos int, order string, l returns.Line) error {
	name, err := json.Marshal(l.Name)
	if err != nil {
		return err
	}
	photos, err := json.Marshal(append([]string{}, l.PhotoIDs...))
	if err != nil {
		return err
	}
	var exchange any
	if l.Exchange != nil {
		b, err := json.Marshal(l.Exchange)
		if err != nil {
			return err
		}
		exchange = string(b)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO return_lines (return_seq, position, order_number, line_id,
		slug, sku, name, unit_price, currency, qty, reason, reason_text, photo_ids, exchange, delivered)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		seq, pos, order, l.LineID, l.Slug, l.SKU, string(name), l.UnitPrice.Amount, l.UnitPrice.Currency,
		l.Qty, string(l.Reason), l.ReasonText, string(photos), exchange, l.Delivered); err != nil {
		return fmt.Errorf("insert return line %s: %w", l.LineID, err)
	}
	return nil
}

func returnInsertEvent(ctx context.Context, tx *sql.Tx, seq, pos int, e returns.Event) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO return_events (return_seq, position, status, at, actor, reason)
		VALUES (?, ?, ?, ?, ?, ?)`, seq, pos, string(e.Status), returnTime(e.At), e.By, e.Reason); err != nil {
		return fmt.Errorf("insert return event: %w", err)
	}
	return nil
}

// returnedUnits sums, per line of order, the units in returns and
// exchanges that are not rejected.
func returnedUnits(ctx context.Context, q returnQuerier, order string) (map[string]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT l.line_id, SUM(l.qty) FROM return_lines l
		JOIN returns r ON r.seq = l.return_seq
		WHERE l.order_number = ? AND r.kind IN ('return', 'exchange') AND r.status <> 'rejected'
		GROUP BY l.line_id`, order)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// returnLoad reads the return with number, with its lines and timeline.
func returnLoad(ctx context.Context, q returnQuerier, number string) (*returns.Return, error) {
	r := &returns.Return{}
	var seq int
	var kind, status, resolution, method, contact, quote, created, updated string
	err := q.QueryRowContext(ctx, `SELECT seq, number, kind, order_number, status, resolution, shipping_method,
		contact, phone, quote, idempotency_key, created_at, updated_at FROM returns WHERE number = ?`, number).Scan(
		&seq, &r.Number, &kind, &r.OrderNumber, &status, &resolution, &method,
		&contact, &r.Phone, &quote, &r.IdempotencyKey, &created, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &catalog.Error{Code: catalog.ENOTFOUND, Key: "returns.err.not_found",
			Message: fmt.Sprintf("There is no request numbered %s.", number)}
	}
	if err != nil {
		return nil, err
	}
	r.Kind, r.Status, r.Resolution = returns.Kind(kind), returns.Status(status), returns.Resolution(resolution)
	r.ShippingMethod, r.Contact = returns.ShippingMethod(method), returns.ContactMethod(contact)
	if err := json.Unmarshal([]byte(quote), &r.Quote); err != nil {
		return nil, fmt.Errorf("return %s quote: %w", number, err)
	}
	r.Quote.SendBy = r.Quote.SendBy.UTC()
	if r.CreatedAt, err = returnParseTime(created); err != nil {
		return nil, err
	}
	if r.UpdatedAt, err = returnParseTime(updated); err != nil {
		return nil, err
	}
	if r.Lines, err = returnLoadLines(ctx, q, seq); err != nil {
		return nil, fmt.Errorf("return %s: %w", number, err)
	}
	if r.Timeline, err = returnLoadEvents(ctx, q, seq); err != nil {
		return nil, fmt.Errorf("return %s: %w", number, err)
	}
	return r, nil
}

func returnLoadLines(ctx context.Context, q returnQuerier, seq int) ([]returns.Line, error) {
	rows, err := q.QueryContext(ctx, `SELECT line_id, slug, sku, name, unit_price, currency, qty, reason,
		reason_text, photo_ids, exchange, delivered FROM return_lines WHERE return_seq = ? ORDER BY position`, seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []returns.Line
	for rows.Next() {
		var l returns.Line
		var name, reason, photos string
		var exchange sql.NullString
		if err := rows.Scan(&l.LineID, &l.Slug, &l.SKU, &name, &l.UnitPrice.Amount, &l.UnitPrice.Currency, &l.Qty,
			&reason, &l.ReasonText, &photos, &exchange, &l.Delivered); err != nil {
			return nil, err
		}
		l.Reason = returns.Reason(reason)
		if err := json.Unmarshal([]byte(name), &l.Name); err != nil {
			return nil, fmt.Errorf("line %s name: %w", l.LineID, err)
		}
		if err := json.Unmarshal([]byte(photos), &l.PhotoIDs); err != nil {
			return nil, fmt.Errorf("line %s photos: %w", l.LineID, err)
		}
		if len(l.PhotoIDs) == 0 {
			l.PhotoIDs = nil
		}
		if exchange.Valid {
			l.Exchange = &returns.ExchangeTarget{}
			if err := json.Unmarshal([]byte(exchange.String), l.Exchange); err != nil {
				return nil, fmt.Errorf("line %s exchange: %w", l.LineID, err)
			}
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func returnLoadEvents(ctx context.Context, q returnQuerier, seq int) ([]returns.Event, error) {
	rows, err := q.QueryContext(ctx, `SELECT status, at, actor, reason FROM return_events
		WHERE return_seq = ? ORDER BY position`, seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []returns.Event
	for rows.Next() {
		var e returns.Event
		var status, at string
		if err := rows.Scan(&status, &at, &e.By, &e.Reason); err != nil {
			return nil, err
		}
		e.Status = returns.Status(status)
		if e.At, err = returnParseTime(at); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Get implements returns.Store.
func (s *ReturnStore) Get(ctx context.Context, number string) (*returns.Return, error) {
	r, err := returnLoad(ctx, s.db, number)
	if err != nil {
		return nil, fmt.Errorf("load return %s: %w", number, err)
	}
	return r, nil
}

// returnList loads the returns whose numbers query selects, in its order.
func (s *ReturnStore) returnList(ctx context.Context, query string, args ...any) ([]*returns.Return, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var numbers []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		numbers = append(numbers, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]*returns.Return, 0, len(numbers))
	for _, n := range numbers {
		r, err := returnLoad(ctx, s.db, n)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// ListByOrder implements returns.Store.
func (s *ReturnStore) ListByOrder(ctx context.Context, orderNumber string) ([]*returns.Return, error) {
	out, err := s.returnList(ctx, `SELECT number FROM returns WHERE order_number = ?
		ORDER BY created_at DESC, number DESC`, orderNumber)
	if err != nil {
		return nil, fmt.Errorf("list returns of %s: %w", orderNumber, err)
	}
	return out, nil
}

// List implements returns.Store.
func (s *ReturnStore) List(ctx context.Context, f returns.Filter) ([]*returns.Return, error) {
	var where []string
	var args []any
	if len(f.Statuses) > 0 {
		where = append(where, "status IN ("+strings.TrimSuffix(strings.Repeat("?, ", len(f.Statuses)), ", ")+")")
		for _, st := range f.Statuses {
			args = append(args, string(st))
		}
	}
	if f.Kind != "" {
		where = append(where, "kind = ?")
		args = append(args, string(f.Kind))
	}
	q := `SELECT number FROM returns`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY created_at DESC, number DESC"
	if f.Limit > 0 {
		q += " LIMIT " + strconv.Itoa(f.Limit)
	}
	out, err := s.returnList(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list returns: %w", err)
	}
	return out, nil
}

// Returned implements returns.Store.
func (s *ReturnStore) Returned(ctx context.Context, orderNumber string) (map[string]int, error) {
	out, err := returnedUnits(ctx, s.db, orderNumber)
	if err != nil {
		return nil, fmt.Errorf("returned units of %s: %w", orderNumber, err)
	}
	return out, nil
}

// Transition implements returns.Store. The domain's Return.Transition
// decides whether the move is allowed, on the status read inside the
// transaction, so of two staff pressing the same button one wins and the
// other gets ECONFLICT.
func (s *ReturnStore) Transition(ctx context.Context, number string, to returns.Status, by, reason string, at time.Time) (*returns.Return, error) {
	var out *returns.Return
	err := s.db.InTx(ctx, func(tx *sql.Tx) error {
		r, err := returnLoad(ctx, tx, number)
		if err != nil {
			return err
		}
		if err := r.Transition(to, by, reason, at); err != nil {
			return err
		}
		e := r.Timeline[len(r.Timeline)-1]
		var seq int
		if err := tx.QueryRowContext(ctx, `UPDATE returns SET status = ?, updated_at = ? WHERE number = ? RETURNING seq`,
			string(r.Status), returnTime(r.UpdatedAt), number).Scan(&seq); err != nil {
			return err
		}
		if err := returnInsertEvent(ctx, tx, seq, len(r.Timeline)-1, e); err != nil {
			return err
		}
		out = r
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("move return %s to %s: %w", number, to, err)
	}
	return out, nil
}

// PutPhoto implements returns.Store: the photo's record without its bytes.
func (s *ReturnStore) PutPhoto(ctx context.Context, p returns.Photo) error {
	return s.PutPhotoData(ctx, p, nil, 0)
}

// PutPhotoData stores a newly uploaded photo with its bytes, in one write.
// When maxUnattached is positive and the order already has that many photos
// no request uses yet, it returns ECONFLICT with the key
// "returns.err.photos_pending" and stores nothing: a form holds at most a
// few photos per item, and nobody should fill the disk through it. Returns
// ECONFLICT if a photo with p.ID exists.
func (s *ReturnStore) PutPhotoData(ctx context.Context, p returns.Photo, data []byte, maxUnattached int) error {
	if p.ID == "" || p.OrderNumber == "" || p.ContentType == "" {
		return catalog.Errorf(catalog.EINVALID, "a photo needs an id, an order and a content type")
	}
	if data == nil {
		data = []byte{}
	}
	err := s.db.InTx(ctx, func(tx *sql.Tx) error {
		if maxUnattached > 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM return_photos
				WHERE order_number = ? AND return_number IS NULL`, p.OrderNumber).Scan(&n); err != nil {
				return err
			}
			if n >= maxUnattached {
				return &catalog.Error{Code: catalog.ECONFLICT, Field: "photo", Key: "returns.err.photos_pending",
					Message: fmt.Sprintf("This order already has %d photos waiting to be sent. Remove some first.", n),
					Params:  map[string]string{"max": strconv.Itoa(maxUnattached)}}
			}
		}
		var attached any
		if p.ReturnNumber != "" {
			attached = p.ReturnNumber
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO return_photos (id, order_number, content_type, size, width, height,
			created_at, return_number, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.ID, p.OrderNumber, p.ContentType, p.Size, p.Width, p.Height, returnTime(p.CreatedAt), attached, data)
		return err
	})
	var se interface{ Code() int }
	if errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY || se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE) {
		return &catalog.Error{Code: catalog.ECONFLICT, Message: fmt.Sprintf("photo %s already exists", p.ID)}
	}
	if err != nil {
		return fmt.Errorf("store photo %s: %w", p.ID, err)
	}
	return nil
}

func errNoPhoto(id string) error {
	return &catalog.Error{Code: catalog.ENOTFOUND, Key: "returns.err.photo_not_found",
		Message: fmt.Sprintf("There is no photo %s.", id)}
}

// Photo implements returns.Store.
func (s *ReturnStore) Photo(ctx context.Context, id string) (*returns.Photo, error) {
	p, _, err := s.photo(ctx, id, false)
	return p, err
}

// PhotoData returns a photo's record and its bytes. Returns ENOTFOUND if
// there is no such photo.
func (s *ReturnStore) PhotoData(ctx context.Context, id string) (*returns.Photo, []byte, error) {
	return s.photo(ctx, id, true)
}

func (s *ReturnStore) photo(ctx context.Context, id string, withData bool) (*returns.Photo, []byte, error) {
	p := &returns.Photo{ID: id}
	var created string
	var attached sql.NullString
	var data []byte
	cols := `order_number, content_type, size, width, height, created_at, return_number`
	dest := []any{&p.OrderNumber, &p.ContentType, &p.Size, &p.Width, &p.Height, &created, &attached}
	if withData {
		cols += `, data`
		dest = append(dest, &data)
	}
	err := s.db.QueryRowContext(ctx, `SELECT `+cols+` FROM return_photos WHERE id = ?`, id).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, errNoPhoto(id)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("load photo %s: %w", id, err)
	}
	if p.CreatedAt, err = returnParseTime(created); err != nil {
		return nil, nil, err
	}
	p.ReturnNumber = attached.String
	return p, data, nil
}

// DeletePhoto implements returns.Store.
func (s *ReturnStore) DeletePhoto(ctx context.Context, id string) error {
	return s.db.InTx(ctx, func(tx *sql.Tx) error {
		var attached sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT return_number FROM return_photos WHERE id = ?`, id).Scan(&attached)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return errNoPhoto(id)
		case err != nil:
			return fmt.Errorf("delete photo %s: %w", id, err)
		case attached.Valid:
			return &catalog.Error{Code: catalog.ECONFLICT, Key: "returns.err.photo_attached",
				Message: fmt.Sprintf("Photo %s belongs to request %s and stays with it.", id, attached.String)}
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM return_photos WHERE id = ?`, id)
		return err
	})
}

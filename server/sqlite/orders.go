package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	sqlite3 "modernc.org/sqlite/lib"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// OrderStore implements orders.Store on the tables of
// migrations/010_orders.sql. Every write runs in one transaction, and since
// the database takes the write lock when a transaction begins (_txlock=
// immediate), the checks a write makes before inserting cannot be overtaken
// by another writer.
type OrderStore struct {
	db *DB
}

var _ orders.Store = (*OrderStore)(nil)

// NewOrderStore returns the order store of db.
func NewOrderStore(db *DB) *OrderStore { return &OrderStore{db: db} }

// orderQuerier is what loading an order needs, so it can run on the
// database or inside a transaction.
type orderQuerier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// CreateOrder implements orders.Store.
func (s *OrderStore) CreateOrder(ctx context.Context, o *orders.Order) error {
	if err := o.Validate(); err != nil {
		return fmt.Errorf("create order %s: %w", o.Number, err)
	}
	err := s.db.InTx(ctx, func(tx *sql.Tx) error { return s.insertOrder(ctx, tx, o) })
	if err != nil {
		return fmt.Errorf("create order %s: %w", o.Number, orderConflict(err))
	}
	return nil
}

// insertOrder writes o, which must validate, with its lines, shipments and
// events inside tx; CreateOrder and PlaceOrder share it.
func (s *OrderStore) insertOrder(ctx context.Context, tx *sql.Tx, o *orders.Order) error {
	if err := orderCheckUnused(ctx, tx, o); err != nil {
		return err
	}
	addrLines, err := json.Marshal(o.Address.Lines)
	if err != nil {
		return err
	}
	t := o.Totals
	if _, err := tx.ExecContext(ctx, `INSERT INTO orders (number, email, postcode, name,
		address_lines, address_city, address_postcode, address_country, locale,
		placed_at, promised_by, cancelled_at, currency, subtotal, shipping, vat, total, payment_method)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		o.Number, o.Email, o.Postcode, o.Name,
		string(addrLines), o.Address.City, o.Address.Postcode, o.Address.Country, o.Locale,
		orderTime(o.PlacedAt), orderTime(o.PromisedBy), orderNullTime(o.CancelledAt),
		t.Total.Currency, t.Subtotal.Amount, t.Shipping.Amount, t.VAT.Amount, t.Total.Amount, t.PaymentMethod,
	); err != nil {
		return fmt.Errorf("insert order: %w", err)
	}
	for _, l := range o.Lines {
		name, err := json.Marshal(l.Name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO order_lines (order_number, id, slug, sku, category,
			name, unit_price, qty, final_sale, configured, configuration, warranty_months)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			o.Number, l.ID, l.Slug, l.SKU, l.Category, string(name), l.UnitPrice.Amount, l.Qty,
			l.FinalSale, l.Configured, l.Configuration, l.WarrantyMonths,
		); err != nil {
			return fmt.Errorf("insert line %d: %w", l.ID, err)
		}
	}
	for i, sh := range o.Shipments {
		if _, err := tx.ExecContext(ctx, `INSERT INTO shipments (id, order_number, position, carrier,
			tracking_number, promised_by, estimated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			sh.ID, o.Number, i, sh.Carrier, sh.TrackingNumber, orderNullTime(sh.PromisedBy), orderNullTime(sh.EstimatedAt),
		); err != nil {
			return fmt.Errorf("insert shipment %s: %w", sh.ID, err)
		}
		for j, it := range sh.Items {
			if _, err := tx.ExecContext(ctx, `INSERT INTO shipment_items (shipment_id, order_number, line_id, position, qty)
				VALUES (?, ?, ?, ?, ?)`, sh.ID, o.Number, it.LineID, j, it.Qty); err != nil {
				return fmt.Errorf("insert shipment %s item %d: %w", sh.ID, it.LineID, err)
			}
		}
		for _, e := range sh.Events {
			if err := s.insertEvent(ctx, tx, sh.ID, e); err != nil {
				return err
			}
		}
	}
	return nil
}

// orderCheckUnused returns ECONFLICT if o's number, or one of its shipment
// ids, tracking numbers or event ids, is already in the store, so the
// caller learns which one rather than a constraint name.
func orderCheckUnused(ctx context.Context, tx *sql.Tx, o *orders.Order) error {
	exists := func(query string, arg any) (bool, error) {
		var n int
		err := tx.QueryRowContext(ctx, query, arg).Scan(&n)
		return n > 0, err
	}
	if ok, err := exists(`SELECT COUNT(*) FROM orders WHERE number = ?`, o.Number); err != nil || ok {
		return orderConflictOr(err, "an order numbered %s already exists", o.Number)
	}
	for _, sh := range o.Shipments {
		if ok, err := exists(`SELECT COUNT(*) FROM shipments WHERE id = ?`, sh.ID); err != nil || ok {
			return orderConflictOr(err, "shipment %s already exists", sh.ID)
		}
		if ok, err := exists(`SELECT COUNT(*) FROM shipments WHERE tracking_number = ?`, sh.TrackingNumber); err != nil || ok {
			return orderConflictOr(err, "tracking number %s is already used", sh.TrackingNumber)
		}
		for _, e := range sh.Events {
			if ok, err := exists(`SELECT COUNT(*) FROM carrier_events WHERE event_id = ?`, e.EventID); err != nil || ok {
				return orderConflictOr(err, "carrier event %s is already recorded", e.EventID)
			}
		}
	}
	return nil
}

// orderConflictOr returns err if it is not nil, else an ECONFLICT error.
func orderConflictOr(err error, format string, args ...any) error {
	if err != nil {
		return err
	}
	return &catalog.Error{Code: catalog.ECONFLICT, Key: "orders.err.conflict", Message: fmt.Sprintf(format, args...)}
}

// orderConflict turns a uniqueness violation that got past the checks into
// ECONFLICT, and returns any other error unchanged.
func orderConflict(err error) error {
	var se interface{ Code() int }
	if errors.As(err, &se) && (se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY) {
		return &catalog.Error{Code: catalog.ECONFLICT, Key: "orders.err.conflict", Message: "the order, a shipment or a carrier event already exists"}
	}
	return err
}

func (s *OrderStore) insertEvent(ctx context.Context, tx *sql.Tx, shipmentID string, e orders.CarrierEvent) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO carrier_events (event_id, shipment_id, kind, happened_at,
		place, description, new_estimate, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		e.EventID, shipmentID, string(e.Kind), orderTime(e.At), e.Place, e.Description,
		orderNullTime(e.NewEstimate), orderTime(s.db.Now()),
	); err != nil {
		return fmt.Errorf("insert event %s: %w", e.EventID, err)
	}
	return nil
}

// Order implements orders.Store.
func (s *OrderStore) Order(ctx context.Context, number string) (*orders.Order, error) {
	o, err := orderLoad(ctx, s.db, number)
	if err != nil {
		return nil, fmt.Errorf("load order %s: %w", number, err)
	}
	return o, nil
}

// orderLoad reads one order with everything in it.
func orderLoad(ctx context.Context, q orderQuerier, number string) (*orders.Order, error) {
	o := &orders.Order{}
	var addrLines, placed, promised string
	var cancelled sql.NullString
	var currency string
	var subtotal, shipping, vat, total int64
	err := q.QueryRowContext(ctx, `SELECT number, email, postcode, name, address_lines, address_city,
		address_postcode, address_country, locale, placed_at, promised_by, cancelled_at,
		currency, subtotal, shipping, vat, total, payment_method
		FROM orders WHERE number = ?`, number).Scan(
		&o.Number, &o.Email, &o.Postcode, &o.Name, &addrLines, &o.Address.City,
		&o.Address.Postcode, &o.Address.Country, &o.Locale, &placed, &promised, &cancelled,
		&currency, &subtotal, &shipping, &vat, &total, &o.Totals.PaymentMethod)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &catalog.Error{Code: catalog.ENOTFOUND, Key: "orders.err.not_found", Message: fmt.Sprintf("no order numbered %s", number)}
	}
	if err != nil {
		return nil, err
	}
	money := func(amount int64) catalog.Money { return catalog.Money{Amount: amount, Currency: currency} }
	o.Totals.Subtotal, o.Totals.Shipping, o.Totals.VAT, o.Totals.Total = money(subtotal), money(shipping), money(vat), money(total)
	if err := json.Unmarshal([]byte(addrLines), &o.Address.Lines); err != nil {
		return nil, fmt.Errorf("address lines: %w", err)
	}
	if o.PlacedAt, err = orderParseTime(placed); err != nil {
		return nil, err
	}
	if o.PromisedBy, err = orderParseTime(promised); err != nil {
		return nil, err
	}
	if o.CancelledAt, err = orderParseNullTime(cancelled); err != nil {
		return nil, err
	}
	if o.Lines, err = orderLoadLines(ctx, q, number, currency); err != nil {
		return nil, err
	}
	if o.Shipments, err = orderLoadShipments(ctx, q, number); err != nil {
		return nil, err
	}
	return o, nil
}

func orderLoadLines(ctx context.Context, q orderQuerier, number, currency string) ([]orders.Line, error) {
	// rowid is the insertion order, so lines come back as they were given.
	rows, err := q.QueryContext(ctx, `SELECT id, slug, sku, category, name, unit_price, qty, final_sale,
		configured, configuration, warranty_months FROM order_lines WHERE order_number = ? ORDER BY rowid`, number)
	if err != nil {
		return nil, fmt.Errorf("lines: %w", err)
	}
	defer rows.Close()
	var lines []orders.Line
	for rows.Next() {
		var l orders.Line
		var name string
		l.UnitPrice.Currency = currency
		if err := rows.Scan(&l.ID, &l.Slug, &l.SKU, &l.Category, &name, &l.UnitPrice.Amount, &l.Qty,
			&l.FinalSale, &l.Configured, &l.Configuration, &l.WarrantyMonths); err != nil {
			return nil, fmt.Errorf("lines: %w", err)
		}
		if err := json.Unmarshal([]byte(name), &l.Name); err != nil {
			return nil, fmt.Errorf("line %d name: %w", l.ID, err)
		}
		lines = append(lines, l)
	}
	return lines, rows.Err()
}

func orderLoadShipments(ctx context.Context, q orderQuerier, number string) ([]orders.Shipment, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, carrier, tracking_number, promised_by, estimated_at
		FROM shipments WHERE order_number = ? ORDER BY position`, number)
	if err != nil {
		return nil, fmt.Errorf("shipments: %w", err)
	}
	var shipments []orders.Shipment
	for rows.Next() {
		var sh orders.Shipment
		var promised, estimated sql.NullString
		if err := rows.Scan(&sh.ID, &sh.Carrier, &sh.TrackingNumber, &promised, &estimated); err != nil {
			rows.Close()
			return nil, fmt.Errorf("shipments: %w", err)
		}
		if sh.PromisedBy, err = orderParseNullTime(promised); err != nil {
			rows.Close()
			return nil, err
		}
		if sh.EstimatedAt, err = orderParseNullTime(estimated); err != nil {
			rows.Close()
			return nil, err
		}
		shipments = append(shipments, sh)
	}
	// Close before the next queries: an in-memory database has a single
	// connection, which the open rows would hold.
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("shipments: %w", err)
	}
	for i := range shipments {
		sh := &shipments[i]
		if sh.Items, err = orderLoadItems(ctx, q, sh.ID); err != nil {
			return nil, err
		}
		if sh.Events, err = orderLoadEvents(ctx, q, sh); err != nil {
			return nil, err
		}
	}
	return shipments, nil
}

func orderLoadItems(ctx context.Context, q orderQuerier, shipmentID string) ([]orders.ShipmentItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT line_id, qty FROM shipment_items WHERE shipment_id = ? ORDER BY position`, shipmentID)
	if err != nil {
		return nil, fmt.Errorf("shipment %s items: %w", shipmentID, err)
	}
	defer rows.Close()
	var items []orders.ShipmentItem
	for rows.Next() {
		var it orders.ShipmentItem
		if err := rows.Scan(&it.LineID, &it.Qty); err != nil {
			return nil, fmt.Errorf("shipment %s items: %w", shipmentID, err)
		}
		items = append(items, it)
	}
	return items, rows.Err()
}

func orderLoadEvents(ctx context.Context, q orderQuerier, sh *orders.Shipment) ([]orders.CarrierEvent, error) {
	rows, err := q.QueryContext(ctx, `SELECT event_id, kind, happened_at, place, description, new_estimate
		FROM carrier_events WHERE shipment_id = ? ORDER BY seq`, sh.ID)
	if err != nil {
		return nil, fmt.Errorf("shipment %s events: %w", sh.ID, err)
	}
	defer rows.Close()
	var events []orders.CarrierEvent
	for rows.Next() {
		e := orders.CarrierEvent{ShipmentID: sh.ID, TrackingNumber: sh.TrackingNumber}
		var kind, happened string
		var estimate sql.NullString
		if err := rows.Scan(&e.EventID, &kind, &happened, &e.Place, &e.Description, &estimate); err != nil {
			return nil, fmt.Errorf("shipment %s events: %w", sh.ID, err)
		}
		e.Kind = orders.EventKind(kind)
		if e.At, err = orderParseTime(happened); err != nil {
			return nil, err
		}
		if e.NewEstimate, err = orderParseNullTime(estimate); err != nil {
			return nil, err
		}
		events = append(events, e)
	}
	return events, rows.Err()
}

// AddEvent implements orders.Store.
func (s *OrderStore) AddEvent(ctx context.Context, e orders.CarrierEvent) (string, bool, error) {
	if err := e.Validate(); err != nil {
		return "", false, fmt.Errorf("add event %s: %w", e.EventID, err)
	}
	var number string
	added := false
	err := s.db.InTx(ctx, func(tx *sql.Tx) error {
		var shipmentID string
		err := tx.QueryRowContext(ctx, `SELECT id, order_number FROM shipments WHERE tracking_number = ?`,
			e.TrackingNumber).Scan(&shipmentID, &number)
		if errors.Is(err, sql.ErrNoRows) || err == nil && e.ShipmentID != "" && e.ShipmentID != shipmentID {
			return &catalog.Error{Code: catalog.ENOTFOUND, Key: "orders.err.shipment_not_found",
				Message: fmt.Sprintf("no shipment has tracking number %s", e.TrackingNumber)}
		}
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM carrier_events WHERE event_id = ?`, e.EventID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil // A retried webhook: already applied.
		}
		added = true
		return s.insertEvent(ctx, tx, shipmentID, e)
	})
	if err != nil {
		return "", false, fmt.Errorf("add event %s: %w", e.EventID, err)
	}
	return number, added, nil
}

// OpenOrders implements orders.Store.
func (s *OrderStore) OpenOrders(ctx context.Context) ([]orders.Order, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT o.number FROM orders o
		WHERE o.cancelled_at IS NULL AND (
			EXISTS (SELECT 1 FROM shipments s WHERE s.order_number = o.number
				AND NOT EXISTS (SELECT 1 FROM carrier_events e WHERE e.shipment_id = s.id AND e.kind = ?))
			OR (SELECT SUM(qty) FROM order_lines l WHERE l.order_number = o.number) >
				(SELECT COALESCE(SUM(qty), 0) FROM shipment_items i WHERE i.order_number = o.number))
		ORDER BY o.placed_at, o.number`, string(orders.EventDelivered))
	if err != nil {
		return nil, fmt.Errorf("list open orders: %w", err)
	}
	var numbers []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list open orders: %w", err)
		}
		numbers = append(numbers, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list open orders: %w", err)
	}
	out := make([]orders.Order, 0, len(numbers))
	for _, n := range numbers {
		o, err := orderLoad(ctx, s.db, n)
		if err != nil {
			return nil, fmt.Errorf("list open orders: load %s: %w", n, err)
		}
		out = append(out, *o)
	}
	return out, nil
}

// SendNotice implements orders.Store.
func (s *OrderStore) SendNotice(ctx context.Context, orderNumber, key string, m orders.OutboxMessage) (bool, error) {
	if key == "" {
		return false, catalog.FieldError("key", "orders.err.notice_key_missing", "a notice needs a key")
	}
	if err := orderValidateMail(&m); err != nil {
		return false, fmt.Errorf("send notice %s: %w", key, err)
	}
	if m.OrderNumber == "" {
		m.OrderNumber = orderNumber
	}
	sent := false
	err := s.db.InTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM orders WHERE number = ?`, orderNumber).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &catalog.Error{Code: catalog.ENOTFOUND, Key: "orders.err.not_found", Message: fmt.Sprintf("no order numbered %s", orderNumber)}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO delay_notices_sent (key, order_number, sent_at) VALUES (?, ?, ?)
			ON CONFLICT (key) DO NOTHING`, key, orderNumber, orderTime(s.db.Now()))
		if err != nil {
			return err
		}
		if k, err := res.RowsAffected(); err != nil || k == 0 {
			return err // Already sent: nothing more to do.
		}
		sent = true
		_, err = s.insertMail(ctx, tx, m)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("send notice %s: %w", key, err)
	}
	return sent, nil
}

// AddOutbox implements orders.Store.
func (s *OrderStore) AddOutbox(ctx context.Context, m orders.OutboxMessage) (int64, error) {
	if err := orderValidateMail(&m); err != nil {
		return 0, fmt.Errorf("add to outbox: %w", err)
	}
	var id int64
	err := s.db.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.insertMail(ctx, tx, m)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("add to outbox: %w", err)
	}
	return id, nil
}

// orderValidateMail checks the fields of an outbox message the sender needs.
func orderValidateMail(m *orders.OutboxMessage) error {
	switch {
	case m.To == "":
		return catalog.FieldError("to", "orders.err.mail_to_missing", "an email needs a recipient")
	case m.Subject == "":
		return catalog.FieldError("subject", "orders.err.mail_subject_missing", "an email needs a subject")
	}
	return nil
}

func (s *OrderStore) insertMail(ctx context.Context, tx *sql.Tx, m orders.OutboxMessage) (int64, error) {
	if m.CreatedAt.IsZero() {
		m.CreatedAt = s.db.Now()
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO outbox (to_addr, subject, body, kind, order_number, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, m.To, m.Subject, m.Body, m.Kind, m.OrderNumber, orderTime(m.CreatedAt))
	if err != nil {
		return 0, fmt.Errorf("insert outbox message: %w", err)
	}
	return res.LastInsertId()
}

// Outbox implements orders.Store.
func (s *OrderStore) Outbox(ctx context.Context, orderNumber string) ([]orders.OutboxMessage, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, to_addr, subject, body, kind, order_number, created_at
		FROM outbox WHERE ? = '' OR order_number = ? ORDER BY id`, orderNumber, orderNumber)
	if err != nil {
		return nil, fmt.Errorf("list outbox: %w", err)
	}
	defer rows.Close()
	var out []orders.OutboxMessage
	for rows.Next() {
		var m orders.OutboxMessage
		var created string
		if err := rows.Scan(&m.ID, &m.To, &m.Subject, &m.Body, &m.Kind, &m.OrderNumber, &created); err != nil {
			return nil, fmt.Errorf("list outbox: %w", err)
		}
		if m.CreatedAt, err = orderParseTime(created); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// orderTime formats t for a TEXT column: UTC with nanoseconds, so that
// stored times round-trip exactly and sort as text.
func orderTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// orderNullTime is orderTime for a nullable column: the zero time is NULL.
func orderNullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return orderTime(t)
}

func orderParseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

func orderParseNullTime(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	return orderParseTime(s.String)
}

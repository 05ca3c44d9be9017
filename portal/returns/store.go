package returns

import (
	"context"
	"time"
)

// Photo is the metadata of a photo the customer uploaded for a request. The
// HTTP layer checks type and size, re-encodes the image without its metadata
// (EXIF, location) and keeps the bytes; this package only needs to know the
// photo exists, which order it belongs to and which return uses it.
type Photo struct {
	ID          string `json:"id"`
	OrderNumber string `json:"orderNumber"`
	// ContentType is the type after re-encoding ("image/jpeg", "image/png",
	// "image/webp").
	ContentType string    `json:"contentType"`
	Size        int64     `json:"size"`
	Width       int       `json:"width"`
	Height      int       `json:"height"`
	CreatedAt   time.Time `json:"createdAt"`
	// ReturnNumber is the return that uses the photo; empty until the
	// request naming it is created.
	ReturnNumber string `json:"returnNumber,omitempty"`
}

// Filter selects returns for the staff list. Zero fields select everything.
type Filter struct {
	// Statuses keeps returns in any of these statuses.
	Statuses []Status
	Kind     Kind
	// Limit caps the number of returns; 0 means no limit.
	Limit int
}

// Store keeps returns, exchanges and repair requests with their timelines,
// and the metadata of their photos. Implementations live in server/sqlite
// (and later PostgreSQL); returnstest.Run checks any of them against the
// contracts below. Returns come back as stored, times compared with Equal
// (any location, at least millisecond precision), empty slices possibly nil.
type Store interface {
	// Create stores r, assigning its Number from a sequence (NumberFor with
	// r.Kind; any Number in r is ignored), and returns the stored return.
	// created is false when a return with the same OrderNumber and
	// IdempotencyKey already exists: that return is returned unchanged and
	// nothing is written, so a double tap or a resent request creates one
	// return. The idempotency check comes first, so a resend never fails on
	// the quantity check below.
	//
	// In the same transaction, for returns and exchanges, the units of each
	// order line in returns and exchanges that are not rejected, plus this
	// request's, must not exceed the line's Delivered; otherwise Create
	// returns ECONFLICT and writes nothing. Repairs are not counted: the
	// items come back to the customer. Two concurrent Creates that together
	// exceed Delivered therefore see exactly one succeed.
	//
	// Every photo a line names must exist and belong to r.OrderNumber, or
	// Create returns EINVALID; a photo already used by another return gives
	// ECONFLICT. On success each photo's ReturnNumber is set.
	Create(ctx context.Context, r *Return) (stored *Return, created bool, err error)

	// Get returns the return with number. Returns ENOTFOUND if there is none.
	Get(ctx context.Context, number string) (*Return, error)

	// ListByOrder returns the returns of an order, newest first (by
	// CreatedAt, then Number). An order without returns gives an empty list,
	// not an error.
	ListByOrder(ctx context.Context, orderNumber string) ([]*Return, error)

	// List returns the returns matching f for the staff view, newest first
	// (by CreatedAt, then Number).
	List(ctx context.Context, f Filter) ([]*Return, error)

	// Returned returns, per line ID of the order, the units in returns and
	// exchanges that are not rejected: the Item.AlreadyReturned of each line.
	// Lines without such units are absent.
	Returned(ctx context.Context, orderNumber string) (map[string]int, error)

	// Transition moves the return with number to status to as
	// Return.Transition does, at time at, and stores the new status and
	// timeline entry in one transaction; it returns the updated return.
	// Returns ENOTFOUND if there is no such return, and Return.Transition's
	// errors (ECONFLICT for a move not allowed from the current status,
	// EINVALID for a rejection without reason), writing nothing then. Of two
	// concurrent identical transitions exactly one succeeds; the other gets
	// ECONFLICT.
	Transition(ctx context.Context, number string, to Status, by, reason string, at time.Time) (*Return, error)

	// PutPhoto stores the metadata of a newly uploaded photo, with an empty
	// ReturnNumber. Returns ECONFLICT if a photo with the same ID exists.
	PutPhoto(ctx context.Context, p Photo) error

	// Photo returns the metadata of one photo. Returns ENOTFOUND if there is
	// none.
	Photo(ctx context.Context, id string) (*Photo, error)

	// DeletePhoto removes a photo the customer took back before sending the
	// request. Returns ENOTFOUND if there is none, and ECONFLICT if a return
	// already uses it.
	DeletePhoto(ctx context.Context, id string) error
}

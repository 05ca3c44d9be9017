// Package supporttest is the conformance suite of support.Store: every
// implementation runs it from its own tests, so they keep the same contract.
package supporttest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/orders"
	"vitrine/portal/support"
	"vitrine/showroom/catalog"
)

// Env is a fresh, empty store and a way to read the outbox it writes to.
type Env struct {
	Store support.Store
	// Outbox returns every message in the outbox, in the order written.
	Outbox func(ctx context.Context) ([]orders.OutboxMessage, error)
}

// Run runs the suite. open must return a new, empty environment per call.
func Run(t *testing.T, open func(t *testing.T) Env) {
	ctx := context.Background()
	at := time.Date(2026, 3, 4, 10, 15, 0, 123456789, time.UTC)
	ticket := func(ref string) support.Ticket {
		return support.Ticket{Reference: ref, Name: "Ana López", Email: "ana@example.com", OrderNumber: "VT-1001",
			Topic: "delivery", Message: "Where is my sofa?\nIt was due on Monday.", Locale: "es", CreatedAt: at}
	}
	ack := support.Mail{To: "ana@example.com", Subject: "Hemos recibido tu mensaje SR-AAAA-0001", Body: "Gracias."}

	t.Run("a ticket is kept with its acknowledgement in the outbox", func(t *testing.T) {
		e := open(t)
		require.NoError(t, e.Store.CreateTicket(ctx, ticket("SR-AAAA-0001"), ack))
		got, err := e.Store.Ticket(ctx, "SR-AAAA-0001")
		require.NoError(t, err)
		assert.Equal(t, ticket("SR-AAAA-0001"), got)
		box, err := e.Outbox(ctx)
		require.NoError(t, err)
		require.Len(t, box, 1)
		assert.Equal(t, ack.To, box[0].To)
		assert.Equal(t, ack.Subject, box[0].Subject)
		assert.Equal(t, ack.Body, box[0].Body)
		assert.Equal(t, support.MailAcknowledgement, box[0].Kind)
		assert.Equal(t, "VT-1001", box[0].OrderNumber)
	})

	t.Run("fields are stored normalised", func(t *testing.T) {
		e := open(t)
		tk := ticket("SR-AAAA-0002")
		tk.Name, tk.OrderNumber, tk.Message = "  Li Wei ", " vt-1002 ", "  你好  "
		require.NoError(t, e.Store.CreateTicket(ctx, tk, ack))
		got, err := e.Store.Ticket(ctx, "SR-AAAA-0002")
		require.NoError(t, err)
		assert.Equal(t, "Li Wei", got.Name)
		assert.Equal(t, "VT-1002", got.OrderNumber)
		assert.Equal(t, "你好", got.Message)
	})

	t.Run("a duplicate reference is a conflict and writes nothing", func(t *testing.T) {
		e := open(t)
		require.NoError(t, e.Store.CreateTicket(ctx, ticket("SR-AAAA-0003"), ack))
		other := ticket("SR-AAAA-0003")
		other.Message = "Another message"
		err := e.Store.CreateTicket(ctx, other, ack)
		assert.Equal(t, catalog.ECONFLICT, catalog.ErrorCode(err))
		got, err := e.Store.Ticket(ctx, "SR-AAAA-0003")
		require.NoError(t, err)
		assert.Equal(t, ticket("SR-AAAA-0003").Message, got.Message)
		box, err := e.Outbox(ctx)
		require.NoError(t, err)
		assert.Len(t, box, 1, "the refused ticket queued no email")
	})

	for _, tc := range []struct {
		name   string
		mutate func(*support.Ticket, *support.Mail)
		field  string
	}{
		{"no name", func(t *support.Ticket, _ *support.Mail) { t.Name = " " }, "name"},
		{"bad email", func(t *support.Ticket, _ *support.Mail) { t.Email = "ana@" }, "email"},
		{"bad order number", func(t *support.Ticket, _ *support.Mail) { t.OrderNumber = "1001" }, "order"},
		{"unknown topic", func(t *support.Ticket, _ *support.Mail) { t.Topic = "complaint" }, "topic"},
		{"empty message", func(t *support.Ticket, _ *support.Mail) { t.Message = "" }, "message"},
		{"bad reference", func(t *support.Ticket, _ *support.Mail) { t.Reference = "SR-1" }, ""},
		{"no time", func(t *support.Ticket, _ *support.Mail) { t.CreatedAt = time.Time{} }, ""},
		{"acknowledgement without recipient", func(_ *support.Ticket, m *support.Mail) { m.To = "" }, "to"},
	} {
		t.Run("refused: "+tc.name, func(t *testing.T) {
			e := open(t)
			tk, m := ticket("SR-AAAA-0004"), ack
			tc.mutate(&tk, &m)
			err := e.Store.CreateTicket(ctx, tk, m)
			require.Equal(t, catalog.EINVALID, catalog.ErrorCode(err), "%v", err)
			var ce *catalog.Error
			if tc.field != "" && assert.ErrorAs(t, err, &ce) {
				assert.Equal(t, tc.field, ce.Field)
			}
			_, err = e.Store.Ticket(ctx, "SR-AAAA-0004")
			assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
			box, err := e.Outbox(ctx)
			require.NoError(t, err)
			assert.Empty(t, box)
		})
	}

	t.Run("an unknown reference is not found", func(t *testing.T) {
		e := open(t)
		_, err := e.Store.Ticket(ctx, "SR-ZZZZ-ZZZZ")
		assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
	})

	t.Run("tickets are listed newest first", func(t *testing.T) {
		e := open(t)
		for i, ref := range []string{"SR-AAAA-0010", "SR-AAAA-0011", "SR-AAAA-0012"} {
			tk := ticket(ref)
			tk.CreatedAt = at.Add(time.Duration(i) * time.Minute)
			require.NoError(t, e.Store.CreateTicket(ctx, tk, ack))
		}
		ts, err := e.Store.Tickets(ctx, 2)
		require.NoError(t, err)
		require.Len(t, ts, 2)
		assert.Equal(t, "SR-AAAA-0012", ts[0].Reference)
		assert.Equal(t, "SR-AAAA-0011", ts[1].Reference)
		_, err = e.Store.Tickets(ctx, 0)
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
	})
}

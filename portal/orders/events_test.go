package orders

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

func TestDecodeEvent(t *testing.T) {
	good := `{"eventId":"e1","trackingNumber":"TRK1","kind":"in_transit","at":"2025-03-12T09:00:00+01:00","place":"Madrid hub","description":"Arrived at hub"}`
	got, err := DecodeEvent([]byte(good))
	require.NoError(t, err)
	assert.Equal(t, "e1", got.EventID)
	assert.Equal(t, "TRK1", got.TrackingNumber)
	assert.Equal(t, EventInTransit, got.Kind)
	assert.True(t, got.At.Equal(time.Date(2025, 3, 12, 8, 0, 0, 0, time.UTC)))
	assert.Equal(t, "Madrid hub", got.Place)
	assert.Equal(t, "Arrived at hub", got.Description)

	delay, err := DecodeEvent([]byte(`{"eventId":"e2","trackingNumber":"TRK1","kind":"exception_delay","at":"2025-03-12T09:00:00Z","newEstimate":"2025-03-18T00:00:00Z"}`))
	require.NoError(t, err)
	assert.Equal(t, date(18), delay.NewEstimate)
}

func TestDecodeEventRejects(t *testing.T) {
	for _, tc := range []struct {
		name  string
		body  string
		field string
	}{
		{"not JSON", `eventId=e1`, ""},
		{"empty body", ``, ""},
		{"an array", `[{"eventId":"e1"}]`, ""},
		{"unknown field", `{"eventId":"e1","trackingNumber":"TRK1","kind":"in_transit","at":"2025-03-12T09:00:00Z","status":"x"}`, ""},
		{"two objects", `{"eventId":"e1","trackingNumber":"TRK1","kind":"in_transit","at":"2025-03-12T09:00:00Z"}{}`, ""},
		{"time not RFC 3339", `{"eventId":"e1","trackingNumber":"TRK1","kind":"in_transit","at":"12/03/2025"}`, ""},
		{"our shipment id", `{"eventId":"e1","shipmentId":"S1","trackingNumber":"TRK1","kind":"in_transit","at":"2025-03-12T09:00:00Z"}`, "shipmentId"},
		{"no event id", `{"trackingNumber":"TRK1","kind":"in_transit","at":"2025-03-12T09:00:00Z"}`, "eventId"},
		{"no tracking number", `{"eventId":"e1","kind":"in_transit","at":"2025-03-12T09:00:00Z"}`, "trackingNumber"},
		{"unknown kind", `{"eventId":"e1","trackingNumber":"TRK1","kind":"lost","at":"2025-03-12T09:00:00Z"}`, "kind"},
		{"no time", `{"eventId":"e1","trackingNumber":"TRK1","kind":"in_transit"}`, "at"},
		{"delay without estimate", `{"eventId":"e1","trackingNumber":"TRK1","kind":"exception_delay","at":"2025-03-12T09:00:00Z"}`, "newEstimate"},
		{"estimate on a plain scan", `{"eventId":"e1","trackingNumber":"TRK1","kind":"in_transit","at":"2025-03-12T09:00:00Z","newEstimate":"2025-03-18T00:00:00Z"}`, "newEstimate"},
		{"place too long", `{"eventId":"e1","trackingNumber":"TRK1","kind":"in_transit","at":"2025-03-12T09:00:00Z","place":"` + strings.Repeat("x", 201) + `"}`, "place"},
		{"body too large", `{"eventId":"e1","description":"` + strings.Repeat("x", MaxEventBody) + `"}`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DecodeEvent([]byte(tc.body))
			require.Error(t, err)
			assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
			var e *catalog.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.field, e.Field)
			assert.NotEmpty(t, e.Message)
			assert.NotEmpty(t, e.Key)
		})
	}
}

func TestEventKindKey(t *testing.T) {
	assert.Equal(t, "orders.event.out_for_delivery", EventOutForDelivery.Key())
	assert.Equal(t, "orders.status.delivery_attempt_failed", StatusAttemptFailed.Key())
	assert.Equal(t, "orders.delay.reason.carrier_delay", ReasonCarrierDelay.Key())
}

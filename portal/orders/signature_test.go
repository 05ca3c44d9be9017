package orders

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

func TestSignKnownVector(t *testing.T) {
	// Computed independently with:
	//   printf '1741773600.{"eventId":"e1"}' | openssl dgst -sha256 -hmac secret
	got := Sign([]byte("secret"), "1741773600", []byte(`{"eventId":"e1"}`))
	assert.Equal(t, signVector, got)
}

func TestVerifySignature(t *testing.T) {
	secret := []byte("carrier-secret")
	body := []byte(`{"eventId":"e1","trackingNumber":"TRK1","kind":"in_transit","at":"2025-03-12T09:00:00Z"}`)
	ts := func(d time.Duration) string { return strconv.FormatInt(now.Add(d).Unix(), 10) }
	for _, tc := range []struct {
		name      string
		timestamp string
		body      []byte
		signature string
		secret    []byte
		key       string // "" means the signature is accepted
	}{
		{name: "good", timestamp: ts(0), signature: Sign(secret, ts(0), body)},
		{name: "good, upper-case hex", timestamp: ts(0), signature: upper(Sign(secret, ts(0), body))},
		{name: "good, 5 minutes old", timestamp: ts(-MaxSignatureAge), signature: Sign(secret, ts(-MaxSignatureAge), body)},
		{name: "good, clock 5 minutes ahead", timestamp: ts(MaxSignatureAge), signature: Sign(secret, ts(MaxSignatureAge), body)},
		{name: "body changed", timestamp: ts(0), body: []byte(`{"eventId":"e2"}`), signature: Sign(secret, ts(0), body), key: "orders.err.signature_mismatch"},
		{name: "wrong secret", timestamp: ts(0), signature: Sign([]byte("guess"), ts(0), body), key: "orders.err.signature_mismatch"},
		{name: "fresh timestamp on an old signature", timestamp: ts(0), signature: Sign(secret, ts(-time.Hour), body), key: "orders.err.signature_mismatch"},
		{name: "replayed after 6 minutes", timestamp: ts(-6 * time.Minute), signature: Sign(secret, ts(-6*time.Minute), body), key: "orders.err.timestamp_too_old"},
		{name: "6 minutes in the future", timestamp: ts(6 * time.Minute), signature: Sign(secret, ts(6*time.Minute), body), key: "orders.err.timestamp_in_future"},
		{name: "signature not hex", timestamp: ts(0), signature: "zz" + Sign(secret, ts(0), body)[2:], key: "orders.err.signature_malformed"},
		{name: "signature truncated", timestamp: ts(0), signature: Sign(secret, ts(0), body)[:32], key: "orders.err.signature_malformed"},
		{name: "signature missing", timestamp: ts(0), signature: "", key: "orders.err.signature_malformed"},
		{name: "timestamp not a number", timestamp: "yesterday", signature: Sign(secret, "yesterday", body), key: "orders.err.timestamp_malformed"},
		{name: "timestamp in milliseconds", timestamp: ts(0) + "000", signature: Sign(secret, ts(0)+"000", body), key: "orders.err.timestamp_in_future"},
		{name: "no secret configured", secret: []byte{}, timestamp: ts(0), signature: Sign(nil, ts(0), body), key: "orders.err.signature_unconfigured"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, s := body, secret
			if tc.body != nil {
				b = tc.body
			}
			if tc.secret != nil {
				s = tc.secret
			}
			err := VerifySignature(s, tc.timestamp, b, tc.signature, now)
			if tc.key == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Equal(t, catalog.EUNAUTHORIZED, catalog.ErrorCode(err))
			var e *catalog.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.key, e.Key)
		})
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'f' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// signVector is the HMAC-SHA256 of TestSignKnownVector, from openssl.
const signVector = "d2f1cf25124fda51d80bc41dbe430a201a5fcc6e9aa58c6f09c306b7b7464137"

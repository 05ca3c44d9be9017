package orders

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	"vitrine/showroom/catalog"
)

// MaxSignatureAge is how far a webhook's timestamp may be from our clock,
// either way. Older requests are refused so that a captured request cannot
// be replayed later; the same bound on the future stops a sender from
// minting requests that stay valid for long.
const MaxSignatureAge = 5 * time.Minute

// Sign returns the signature a carrier sends with a webhook: the hex-encoded
// HMAC-SHA256, keyed with the shared secret, of timestamp + "." + body.
// timestamp is the request time in Unix seconds, as sent in its own header;
// signing it with the body ties the two together, so an old body cannot be
// re-sent with a fresh timestamp.
func Sign(secret []byte, timestamp string, body []byte) string {
	return hex.EncodeToString(mac(secret, timestamp, body))
}

func mac(secret []byte, timestamp string, body []byte) []byte {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte(timestamp))
	h.Write([]byte("."))
	h.Write(body)
	return h.Sum(nil)
}

// VerifySignature checks a webhook's signature and timestamp against now.
// It returns an EUNAUTHORIZED *catalog.Error if the signature is missing,
// malformed or wrong, if the timestamp is not Unix seconds, or if the
// timestamp is more than MaxSignatureAge before or after now. The signature
// is checked first and in constant time, so a forger learns nothing from
// which check failed; the messages are for the carrier's developers.
func VerifySignature(secret []byte, timestamp string, body []byte, signature string, now time.Time) error {
	if len(secret) == 0 {
		// An unset secret would make every signature computable by anyone.
		return unauthorized("orders.err.signature_unconfigured", "webhook secret is not configured")
	}
	got, err := hex.DecodeString(strings.TrimSpace(signature))
	if err != nil || len(got) != sha256.Size {
		return unauthorized("orders.err.signature_malformed", "signature must be a hex-encoded HMAC-SHA256")
	}
	if !hmac.Equal(got, mac(secret, timestamp, body)) {
		return unauthorized("orders.err.signature_mismatch", "signature does not match the timestamp and body")
	}
	sec, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return unauthorized("orders.err.timestamp_malformed", "timestamp must be Unix seconds")
	}
	age := now.Sub(time.Unix(sec, 0))
	switch {
	case age > MaxSignatureAge:
		return unauthorized("orders.err.timestamp_too_old", "timestamp is more than 5 minutes old; the request may be a replay")
	case age < -MaxSignatureAge:
		return unauthorized("orders.err.timestamp_in_future", "timestamp is more than 5 minutes in the future; check the sender's clock")
	}
	return nil
}

func unauthorized(key, message string) error {
	return &catalog.Error{Code: catalog.EUNAUTHORIZED, Key: key, Message: message}
}

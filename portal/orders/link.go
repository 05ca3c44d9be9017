package orders

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// LinkTTL is how long a signed order link (in the confirmation email and on
// the checkout's confirmation page) opens the order's page.
const LinkTTL = 30 * 24 * time.Hour

// ProofTTL is how long a browser stays confirmed for an order after the
// customer typed its email or postcode there.
const ProofTTL = 30 * 24 * time.Hour

// Purposes of the HMACs this file makes. Each is part of what is signed, so
// a value made for one purpose is never valid for another (a link token is
// not a proof, even for the same order and expiry).
const (
	purposeLink  = "vitrine order link v1"
	purposeProof = "vitrine order proof v1"
)

// SignLink returns the token of a signed link to order number that expires
// at expires: "<expiry in Unix seconds>.<base64url HMAC-SHA256>". key is the
// server's secret; the token reveals nothing about it and cannot be altered
// (another number or a later expiry) without it.
func SignLink(key []byte, number string, expires time.Time) string {
	return signToken(key, purposeLink, number, expires)
}

// LinkPath returns the path of the order page of number with a token that
// expires LinkTTL after now: "/track/VT-1001?t=…". The checkout and the
// order emails use it; prefix it with the store's public URL for an email.
func LinkPath(key []byte, number string, now time.Time) string {
	return "/track/" + url.PathEscape(number) + "?t=" + url.QueryEscape(SignLink(key, number, now.Add(LinkTTL)))
}

// VerifyLink checks a link token for order number at now. It returns an
// EUNAUTHORIZED *catalog.Error with the key "track.err.link_invalid" if the
// token is malformed or was not made with key for this number, and with
// "track.err.link_expired" if it was but has expired. The expiry is only
// looked at once the HMAC is known to be ours, so the two answers tell a
// forger nothing.
func VerifyLink(key []byte, number, token string, now time.Time) error {
	exp, ok := verifyToken(key, purposeLink, number, token)
	if !ok {
		return unauthorized("track.err.link_invalid", "This link is not valid. Enter your order number and email or postcode instead.")
	}
	if !now.Before(exp) {
		return unauthorized("track.err.link_expired", "This link has expired. Enter your order number and email or postcode instead.")
	}
	return nil
}

// SignProof returns the value that proves, until expires, that the holder
// typed the right email or postcode for order number. The server keeps it
// in an HttpOnly cookie so that this browser sees the order's personal
// details (name, address) without asking again.
func SignProof(key []byte, number string, expires time.Time) string {
	return signToken(key, purposeProof, number, expires)
}

// VerifyProof reports whether proof was made by SignProof with key for order
// number and has not expired at now.
func VerifyProof(key []byte, number, proof string, now time.Time) bool {
	exp, ok := verifyToken(key, purposeProof, number, proof)
	return ok && now.Before(exp)
}

func signToken(key []byte, purpose, number string, expires time.Time) string {
	exp := strconv.FormatInt(expires.Unix(), 10)
	return exp + "." + base64.RawURLEncoding.EncodeToString(tokenMAC(key, purpose, number, exp))
}

// verifyToken checks the HMAC of token and returns its expiry. An empty key
// verifies nothing: anyone could compute its MACs.
func verifyToken(key []byte, purpose, number, token string) (time.Time, bool) {
	if len(key) == 0 || len(token) > 200 {
		return time.Time{}, false
	}
	exp, sig, ok := strings.Cut(token, ".")
	if !ok {
		return time.Time{}, false
	}
	sec, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || sec <= 0 {
		return time.Time{}, false
	}
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(got, tokenMAC(key, purpose, number, exp)) {
		return time.Time{}, false
	}
	return time.Unix(sec, 0), true
}

// tokenMAC signs purpose, number and expiry, separated by NUL bytes, which
// none of them can contain, so no two different triples sign the same bytes.
func tokenMAC(key []byte, purpose, number, exp string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(purpose + "\x00" + number + "\x00" + exp))
	return h.Sum(nil)
}

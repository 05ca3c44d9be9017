package orders

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

func TestVerifyLink(t *testing.T) {
	key := []byte("0123456789abcdef0123456789abcdef")
	good := SignLink(key, "VT-1002", now.Add(LinkTTL))
	exp, sig, ok := strings.Cut(good, ".")
	require.True(t, ok)
	flip := func(s string) string {
		b := []byte(s)
		if b[0] == 'A' {
			b[0] = 'B'
		} else {
			b[0] = 'A'
		}
		return string(b)
	}
	for _, tc := range []struct {
		name, number, token string
		key                 []byte
		at                  time.Time
		want                string // "" means valid
	}{
		{name: "valid", number: "VT-1002", token: good, at: now},
		{name: "valid a second before expiry", number: "VT-1002", token: good, at: now.Add(LinkTTL - time.Second)},
		{name: "expired", number: "VT-1002", token: good, at: now.Add(LinkTTL), want: "track.err.link_expired"},
		{name: "another order", number: "VT-1003", token: good, at: now, want: "track.err.link_invalid"},
		{name: "expiry moved later", number: "VT-1002", token: "9999999999." + sig, at: now, want: "track.err.link_invalid"},
		{name: "signature tampered", number: "VT-1002", token: exp + "." + flip(sig), at: now, want: "track.err.link_invalid"},
		{name: "other key", number: "VT-1002", token: good, key: []byte("another key of the same length!!"), at: now, want: "track.err.link_invalid"},
		{name: "no key", number: "VT-1002", token: good, key: []byte{}, at: now, want: "track.err.link_invalid"},
		{name: "empty", number: "VT-1002", token: "", at: now, want: "track.err.link_invalid"},
		{name: "no dot", number: "VT-1002", token: exp + sig, at: now, want: "track.err.link_invalid"},
		{name: "negative expiry", number: "VT-1002", token: "-5." + sig, at: now, want: "track.err.link_invalid"},
		{name: "a proof is not a link", number: "VT-1002", token: SignProof(key, "VT-1002", now.Add(LinkTTL)), at: now, want: "track.err.link_invalid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k := key
			if tc.key != nil {
				k = tc.key
			}
			err := VerifyLink(k, tc.number, tc.token, tc.at)
			if tc.want == "" {
				assert.NoError(t, err)
				return
			}
			var e *catalog.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, catalog.EUNAUTHORIZED, e.Code)
			assert.Equal(t, tc.want, e.Key)
		})
	}
}

func TestVerifyProof(t *testing.T) {
	key := []byte("proof key")
	p := SignProof(key, "VT-1001", now.Add(ProofTTL))
	assert.True(t, VerifyProof(key, "VT-1001", p, now))
	assert.False(t, VerifyProof(key, "VT-1001", p, now.Add(ProofTTL)), "expired")
	assert.False(t, VerifyProof(key, "VT-1004", p, now), "another order")
	assert.False(t, VerifyProof([]byte("other"), "VT-1001", p, now), "another key")
	assert.False(t, VerifyProof(key, "VT-1001", SignLink(key, "VT-1001", now.Add(LinkTTL)), now), "a link is not a proof")
	assert.False(t, VerifyProof(key, "VT-1001", "", now))
}

func TestLinkPath(t *testing.T) {
	key := []byte("k")
	p := LinkPath(key, "VT-1001", now)
	require.True(t, strings.HasPrefix(p, "/track/VT-1001?t="), p)
	token := strings.TrimPrefix(p, "/track/VT-1001?t=")
	assert.NoError(t, VerifyLink(key, "VT-1001", token, now.Add(LinkTTL-time.Minute)))
	assert.Error(t, VerifyLink(key, "VT-1001", token, now.Add(LinkTTL)))
}

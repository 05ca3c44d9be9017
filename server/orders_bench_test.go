package server_test

import (
	"net/http"
	"testing"

	"vitrine/server"
)

// BenchmarkOrderLookup compares the time of the two failed lookups an
// attacker could tell apart if they differed: a wrong email for an order
// that exists, and an order that does not exist.
func BenchmarkOrderLookup(b *testing.B) {
	e, _ := newOrderEnv(b, func(c *server.Config) { c.LookupLimit = 1 << 30 })
	for _, bc := range []struct{ name, number, proof string }{
		{"wrong email", "VT-1007", "someone@example.com"},
		{"no such order", "VT-9999", "someone@example.com"},
		{"right email", "VT-1007", "ion.ionescu@example.com"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				resp, _ := e.lookup(b, bc.number, bc.proof)
				if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusOK {
					b.Fatal(resp.Status)
				}
			}
		})
	}
}

package catalog

// Money is an amount in the currency's minor unit (cents for EUR), so sums
// are exact. Every price in the store is Money; floating point never is.
type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// EUR returns an amount of euro cents.
func EUR(cents int64) Money { return Money{Amount: cents, Currency: "EUR"} }

// Add returns m+o. Both must be in the same currency; the store sells in one
// currency, so a mismatch is a programming error and panics.
func (m Money) Add(o Money) Money {
	if m.Currency == "" {
		m.Currency = o.Currency
	}
	if o.Currency != "" && o.Currency != m.Currency {
		panic("catalog: adding " + o.Currency + " to " + m.Currency)
	}
	return Money{Amount: m.Amount + o.Amount, Currency: m.Currency}
}

// Mul returns m times n.
func (m Money) Mul(n int64) Money { return Money{Amount: m.Amount * n, Currency: m.Currency} }

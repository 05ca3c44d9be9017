package server

import (
	"crypto/rand"
	"net/http"
	"strconv"
	"time"

	"vitrine/assets/i18n"
	"vitrine/portal/support"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// Contact form (issue 7): a message becomes a support ticket with a
// reference, and its acknowledgement goes to the outbox in the same
// transaction (support.Store.CreateTicket).

// contactBodyBytes bounds a message's body: 4000 characters of up to four
// bytes each, JSON-escaped, and the other fields.
const contactBodyBytes = 32 << 10

// Contact form limit per client (see rateLimiter): a person writes a few
// messages an hour at most; more is a script filling the outbox with emails
// to anyone. One message is given back every 12 minutes.
const (
	contactLimit  = 5
	contactWindow = time.Hour
)

func (s *Server) contact(w http.ResponseWriter, r *http.Request) {
	var req api.ContactRequest
	if err := decodeJSONLimit(w, r, &req, contactBodyBytes); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	locale := req.Locale
	if !i18n.Supported(locale) {
		locale = i18n.Default
	}
	t := support.Ticket{Name: req.Name, Email: req.Email, OrderNumber: req.Order, Topic: req.Topic,
		Message: req.Message, Locale: locale, CreatedAt: s.cfg.Now()}
	if p := t.Problems(); len(p) > 0 {
		writeError(w, r, s.log, p[0])
		return
	}
	// Only messages that would be kept count, so a customer correcting a
	// field is not held back by their own mistakes.
	if ok, wait := s.contactLimit.allow(clientKey(r)); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		writeError(w, r, s.log, &catalog.Error{Code: catalog.ERATELIMITED, Key: "contact.err.rate_limited",
			Message: "You have sent several messages already; please wait an hour or call us."})
		return
	}
	tr := func(key string, args ...string) string { return i18n.T(locale, key, args...) }
	var err error
	// A reference has 40 random bits, so a collision is rare and a second
	// one in a row all but impossible; three draws are plenty.
	for range 3 {
		if t.Reference, err = support.NewReference(rand.Reader); err != nil {
			break
		}
		err = s.cfg.Support.CreateTicket(r.Context(), t, support.Acknowledgement(t, tr))
		if catalog.ErrorCode(err) != catalog.ECONFLICT {
			break
		}
	}
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	s.log.Info("support ticket created", "reference", t.Reference, "topic", t.Topic)
	writeJSON(w, http.StatusCreated, api.ContactResponse{Reference: t.Reference, Email: t.Email, CreatedAt: t.CreatedAt})
}

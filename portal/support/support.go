// Package support is the "contact us" domain: a message a customer sends
// through the contact form becomes a ticket with a reference number, and the
// customer gets an acknowledgement email. It is pure Go and small, so that
// the browser (wasm) checks a form with the same rules the server applies.
package support

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// How customers reach a person; the contact page and the help center's
// "nothing found" box show them. The opening hours and the reply time are
// UI text, translated under the keys contact.hours and contact.reply_time.
const (
	Phone = "+34 910 000 000"
	// PhoneURI is Phone as a tel: link.
	PhoneURI = "tel:+34910000000"
	Email    = "support@vitrine.example"
	// ContactPath is the contact form's page.
	ContactPath = "/contact"
)

// Limits of the contact form, so one message cannot fill the database; the
// form shows the message's as a counter.
const (
	MaxNameRunes    = 100
	MaxEmailBytes   = 254 // RFC 5321's limit on a forward path
	MaxMessageRunes = 4000
)

// Topics are what a message can be about, in the form's order; the form
// labels them with the translation keys "contact.topic.<topic>".
var Topics = []string{"order", "delivery", "return", "product", "payment", "account", "other"}

// Kinds of outbox message this domain writes.
const MailAcknowledgement = "support_ack"

// Ticket is a message to the store's support team.
type Ticket struct {
	// Reference is what the customer quotes when they write again
	// ("SR-4K7P-9XQ2"); see NewReference.
	Reference string `json:"reference"`
	Name      string `json:"name"`
	Email     string `json:"email"`
	// OrderNumber is optional ("VT-1001").
	OrderNumber string `json:"orderNumber,omitempty"`
	Topic       string `json:"topic"`
	Message     string `json:"message"`
	// Locale is the language the customer wrote from; support answers in it.
	Locale    string    `json:"locale"`
	CreatedAt time.Time `json:"createdAt"`
}

// emailRE is deliberately loose: one @, something on both sides, a dot in
// the domain, no spaces. Whether the address works is learnt by writing to
// it; the form only catches typing slips.
var emailRE = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s.]+$`)

// ValidEmail reports whether s looks like an email address.
func ValidEmail(s string) bool { return len(s) <= MaxEmailBytes && emailRE.MatchString(s) }

// Normalize trims the fields in place and writes the order number in capitals,
// so that " vt-1001 " is VT-1001. Validate calls it.
func (t *Ticket) Normalize() {
	t.Name = strings.TrimSpace(t.Name)
	t.Email = strings.TrimSpace(t.Email)
	t.OrderNumber = strings.ToUpper(strings.TrimSpace(t.OrderNumber))
	t.Topic = strings.TrimSpace(t.Topic)
	t.Message = strings.TrimSpace(t.Message)
}

// Problems normalises t and returns every problem with what the customer
// typed, one per field at most, in the form's order, each an EINVALID
// *catalog.Error with the field and the translation key of its message. The
// form calls it to show all errors at once; Validate returns the first.
// Reference, Locale and CreatedAt are not the customer's and not checked here.
func (t *Ticket) Problems() []*catalog.Error {
	t.Normalize()
	var out []*catalog.Error
	switch {
	case t.Name == "":
		out = append(out, catalog.FieldError("name", "contact.err.name_required", "Please tell us your name."))
	case !utf8.ValidString(t.Name) || utf8.RuneCountInString(t.Name) > MaxNameRunes:
		out = append(out, catalog.FieldError("name", "contact.err.name_too_long", "Please keep your name to 100 characters or fewer."))
	}
	switch {
	case t.Email == "":
		out = append(out, catalog.FieldError("email", "contact.err.email_required", "Please give us an email address to answer to."))
	case !ValidEmail(t.Email):
		out = append(out, catalog.FieldError("email", "contact.err.email_invalid", "This email address does not look right (name@example.com)."))
	}
	if t.OrderNumber != "" && !orders.ValidNumber(t.OrderNumber) {
		out = append(out, catalog.FieldError("order", "contact.err.order_invalid", "Order numbers look like VT-1001."))
	}
	if !ValidTopic(t.Topic) {
		out = append(out, catalog.FieldError("topic", "contact.err.topic", "Please choose what your message is about."))
	}
	switch {
	case t.Message == "":
		out = append(out, catalog.FieldError("message", "contact.err.message_required", "Please write your message."))
	case !utf8.ValidString(t.Message) || utf8.RuneCountInString(t.Message) > MaxMessageRunes:
		out = append(out, catalog.FieldError("message", "contact.err.message_too_long", "Please keep your message to 4000 characters or fewer."))
	}
	return out
}

// Validate reports the first of t's Problems, or a problem with the fields
// the store fills in (reference, locale, time), as an EINVALID
// *catalog.Error.
func (t *Ticket) Validate() error {
	if p := t.Problems(); len(p) > 0 {
		return p[0]
	}
	switch {
	case !ValidReference(t.Reference):
		return catalog.Errorf(catalog.EINVALID, "ticket reference %q is not well formed", t.Reference)
	case !validLocale(t.Locale):
		return catalog.FieldError("locale", "help.err.locale", "This language is not supported.")
	case t.CreatedAt.IsZero():
		return catalog.Errorf(catalog.EINVALID, "ticket %s has no time", t.Reference)
	}
	return nil
}

// ValidTopic reports whether topic is one of Topics.
func ValidTopic(topic string) bool {
	for _, t := range Topics {
		if t == topic {
			return true
		}
	}
	return false
}

func validLocale(l string) bool {
	for _, x := range catalog.Locales {
		if x == l {
			return true
		}
	}
	return false
}

// referenceAlphabet is Crockford's base 32: digits and capitals without I, L,
// O and U, so a reference read out on the phone is not misheard or mistyped.
const referenceAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

var referenceRE = regexp.MustCompile(`^SR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$`)

// ValidReference reports whether s is a well-formed ticket reference.
func ValidReference(s string) bool { return referenceRE.MatchString(s) }

// NewReference returns a random reference, "SR-" and two groups of four
// characters (40 bits), read from r (crypto/rand.Reader in the server). It is
// random rather than a counter so that references say nothing about how
// many tickets the store gets; the store refuses a duplicate (ECONFLICT) and
// the caller draws again.
func NewReference(r io.Reader) (string, error) {
	var b [8]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return "", fmt.Errorf("new ticket reference: %w", err)
	}
	out := []byte("SR-xxxx-xxxx")
	for i, j := 0, 3; i < len(b); i, j = i+1, j+1 {
		if j == 7 {
			j++
		}
		out[j] = referenceAlphabet[b[i]%32]
	}
	return string(out), nil
}

// Mail is the acknowledgement email of a ticket.
type Mail struct {
	To      string `json:"to"`
	Subject string `json:"subject"`
	Body    string `json:"body"`
}

// Store keeps tickets. Writing a ticket and queueing its acknowledgement
// happen in one transaction, so that a customer never gets a reference for a
// message that was not kept, nor a ticket goes unacknowledged.
type Store interface {
	// CreateTicket stores t and writes ack to the outbox (kind
	// MailAcknowledgement, about t.OrderNumber) in one transaction. Returns
	// EINVALID if t does not pass Validate or ack has no recipient or
	// subject, and ECONFLICT if a ticket with t.Reference exists; nothing
	// is written then.
	CreateTicket(ctx context.Context, t Ticket, ack Mail) error

	// Ticket returns the ticket with reference. Returns ENOTFOUND if there
	// is none.
	Ticket(ctx context.Context, reference string) (Ticket, error)

	// Tickets returns up to limit tickets, the newest first. Returns
	// EINVALID if limit is not positive.
	Tickets(ctx context.Context, limit int) ([]Ticket, error)
}

// Acknowledgement is the email that confirms t to the customer, in t's
// language: tr translates a message key with {placeholder} arguments (the
// server passes i18n.T bound to t.Locale). It quotes the message, so the
// customer has a copy of what they sent.
func Acknowledgement(t Ticket, tr func(key string, args ...string) string) Mail {
	body := tr("contact.mail.body", "name", t.Name, "reference", t.Reference, "phone", Phone) +
		"\n\n" + tr("contact.mail.your_message") + "\n\n" + quote(t.Message)
	return Mail{
		To:      t.Email,
		Subject: tr("contact.mail.subject", "reference", t.Reference),
		Body:    body,
	}
}

// quote prefixes every line of s with "> ", as mail readers show a quote.
func quote(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "> " + l
	}
	return strings.Join(lines, "\n")
}

package server

import (
	"strings"

	"vitrine/assets/i18n"
	"vitrine/portal/orders"
)

// orderMailer writes the emails about orders, in the customer's language
// (the locale they shopped in), each with a signed link to the order page.
type orderMailer struct {
	// link returns the absolute signed URL of an order's page.
	link func(number string) string
}

func (s *Server) mailer() orderMailer { return orderMailer{link: s.OrderURL} }

// delay is the email of a delay notice: what happened, the new estimate,
// what the store is doing, and the link.
func (m orderMailer) delay(o *orders.Order, n orders.DelayNotice) orders.OutboxMessage {
	loc := mailLocale(o.Locale)
	t := func(key string, args ...string) string { return i18n.T(loc, key, args...) }
	lines := []string{
		t("track.mail.greeting", "name", o.Name),
		"",
		t(n.Reason.Key()),
	}
	if !n.NewEstimate.IsZero() {
		lines = append(lines, t("track.delay.new_estimate", "date", i18n.FormatDate(loc, n.NewEstimate)))
	}
	lines = append(lines, "", t(n.ActionKey), "", t("track.mail.see_order", "url", m.link(o.Number)), "", t("track.mail.signature"))
	return orders.OutboxMessage{
		To:          o.Email,
		Subject:     t("track.mail.delay.subject."+string(n.Reason), "number", o.Number),
		Body:        strings.Join(lines, "\n"),
		Kind:        orders.MailDelayNotice,
		OrderNumber: o.Number,
	}
}

// update is the email a subscribed customer gets for a carrier event.
func (m orderMailer) update(o *orders.Order, e orders.CarrierEvent) orders.OutboxMessage {
	loc := mailLocale(o.Locale)
	t := func(key string, args ...string) string { return i18n.T(loc, key, args...) }
	carrier := ""
	for _, sh := range o.Shipments {
		if sh.TrackingNumber == e.TrackingNumber {
			carrier = sh.Carrier
		}
	}
	what := t(e.Kind.Key())
	lines := []string{
		t("track.mail.greeting", "name", o.Name),
		"",
		t("track.mail.update.parcel", "carrier", carrier, "tracking", e.TrackingNumber),
		what + " — " + i18n.FormatDateTime(loc, e.At.UTC()) + " UTC" + placeSuffix(e.Place),
	}
	if e.Description != "" {
		lines = append(lines, e.Description)
	}
	lines = append(lines, "", t("track.mail.see_order", "url", m.link(o.Number)), "", t("track.mail.unsubscribe"), t("track.mail.signature"))
	return orders.OutboxMessage{
		To:          o.Email,
		Subject:     t("track.mail.update.subject", "number", o.Number, "status", what),
		Body:        strings.Join(lines, "\n"),
		Kind:        orders.MailUpdate,
		OrderNumber: o.Number,
	}
}

func placeSuffix(place string) string {
	if place == "" {
		return ""
	}
	return ", " + place
}

func mailLocale(l string) string {
	if i18n.Supported(l) {
		return l
	}
	return i18n.Default
}

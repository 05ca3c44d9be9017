package server

import (
	"context"
	"net/url"
	"strings"

	"vitrine/assets/i18n"
	"vitrine/portal/orders"
	"vitrine/portal/returns"
)

// MailReturn is the outbox kind of the emails about a return, exchange or
// repair: one when it is requested and one at every step staff take.
const MailReturn = "return_update"

// ReturnPagePath is the customer's page of request number of order.
func ReturnPagePath(order, number string) string {
	return "/returns/" + url.PathEscape(number) + "?order=" + url.QueryEscape(order)
}

// returnMail is the email telling the customer where request ret stands,
// in the language they shopped in.
func (s *Server) returnMail(o *orders.Order, ret *returns.Return) orders.OutboxMessage {
	loc := mailLocale(o.Locale)
	t := func(key string, args ...string) string { return i18n.T(loc, key, args...) }
	e := ret.Timeline[len(ret.Timeline)-1]
	status := t("returns.status." + string(ret.Status))
	kind := t("returns.kind." + string(ret.Kind))
	lines := []string{
		t("track.mail.greeting", "name", o.Name),
		"",
		t("returns.mail.status", "kind", kind, "number", ret.Number, "status", status),
	}
	if e.Reason != "" {
		lines = append(lines, t("returns.mail.reason", "reason", e.Reason))
	}
	if ret.Status == returns.StatusRequested {
		lines = append(lines, t("returns.mail.send_by", "date", i18n.FormatDate(loc, ret.Quote.SendBy.In(s.policyLocation()))))
	}
	link := strings.TrimSuffix(s.cfg.PublicURL, "/") + ReturnPagePath(ret.OrderNumber, ret.Number)
	lines = append(lines, "", t("returns.mail.see", "url", link), "", t("track.mail.signature"))
	return orders.OutboxMessage{
		To:          o.Email,
		Subject:     t("returns.mail.subject", "number", ret.Number, "status", status),
		Body:        strings.Join(lines, "\n"),
		Kind:        MailReturn,
		OrderNumber: o.Number,
	}
}

// mailReturn writes ret's email to the outbox. The request is already
// stored in its own store, so the email cannot share its transaction; a
// failure is logged for staff to follow up, and the customer still sees
// the step on the request's page.
func (s *Server) mailReturn(ctx context.Context, o *orders.Order, ret *returns.Return) {
	if _, err := s.cfg.Orders.AddOutbox(ctx, s.returnMail(o, ret)); err != nil {
		s.log.Error("return email not queued", "return", ret.Number, "err", err)
	}
}

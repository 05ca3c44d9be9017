package server

import (
	"strconv"
	"strings"

	"vitrine/assets/i18n"
	"vitrine/portal/orders"
	"vitrine/showroom/catalog"
)

// confirmationMail writes the order confirmation email in the language the
// customer shopped in: what they ordered (configured products with their
// choices), what it costs, when and where it arrives, how to pay, and the
// link to follow the order. It is plain text, which every mail client
// shows as written.
func (s *Server) confirmationMail(o *orders.Order, lines []catalog.CartLine, shipping string) orders.OutboxMessage {
	loc := o.Locale
	t := func(key string, args ...string) string { return i18n.T(loc, key, args...) }
	money := func(m catalog.Money) string { return i18n.FormatMoney(loc, m.Amount, m.Currency) }
	var b strings.Builder
	para := func(ls ...string) {
		for _, l := range ls {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	para(t("mail.confirm.greeting", "name", o.Name))
	para(t("mail.confirm.intro", "number", o.Number))
	for _, l := range lines {
		b.WriteString(t("mail.confirm.line", "qty", strconv.Itoa(l.Item.Qty), "name", l.Product.Name.In(loc), "price", money(l.Total)))
		b.WriteByte('\n')
		if l.Snapshot != nil {
			for _, c := range l.Snapshot.Summary(loc) {
				b.WriteString("    · " + c + "\n")
			}
		}
	}
	b.WriteByte('\n')
	ship := money(o.Totals.Shipping)
	if o.Totals.Shipping.Amount == 0 {
		ship = t("cart.free")
	}
	para(
		t("cart.subtotal")+": "+money(o.Totals.Subtotal),
		t("cart.shipping")+": "+ship,
		t("cart.total")+": "+money(o.Totals.Total),
		t("cart.vat_included", "rate", i18n.FormatPercent(loc, s.cfg.Cart.VATBasisPoints), "amount", money(o.Totals.VAT)),
	)
	date := i18n.FormatDate(loc, o.PromisedBy)
	if shipping == catalog.ShippingPickup {
		para(t("mail.confirm.pickup", "date", date))
	} else {
		para(t("mail.confirm.delivery", "date", date),
			o.Name, strings.Join(o.Address.Lines, ", "), o.Address.Postcode+" "+o.Address.City,
			t("checkout.country."+o.Address.Country))
	}
	if o.Totals.PaymentMethod == orders.PayBankTransfer {
		para(t("mail.confirm.pay_bank", "total", money(o.Totals.Total), "account", s.cfg.BankAccount, "number", o.Number))
	} else {
		para(t("mail.confirm.pay_on_delivery", "total", money(o.Totals.Total)))
	}
	para(t("mail.confirm.track", "url", s.trackingURL(o.Number)))
	b.WriteString(t("mail.confirm.signoff"))
	b.WriteByte('\n')
	return orders.OutboxMessage{To: o.Email, Subject: t("mail.confirm.subject", "number", o.Number),
		Body: b.String(), Kind: orders.MailConfirmation, OrderNumber: o.Number, CreatedAt: o.PlacedAt}
}

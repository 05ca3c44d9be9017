package portal

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/portal/orders"
)

// progressSteps are the steps of the progress bar, in order; a step's label
// is the status of the same name.
var progressSteps = []orders.Status{
	orders.StatusConfirmed, orders.StatusPreparing, orders.StatusShipped,
	orders.StatusInTransit, orders.StatusOutForDelivery, orders.StatusDelivered,
}

// formatTime is an instant in the customer's locale and time zone, with the
// zone named, since carriers scan parcels in other zones than the
// customer's: "Mar 12, 2025, 9:05 AM UTC+1".
func formatTime(loc string, t time.Time) string {
	lt := t.In(time.Local)
	zone, _ := lt.Zone()
	if zone == "UTC+0" {
		zone = "UTC"
	}
	return i18n.FormatDateTime(loc, lt) + " " + zone
}

// formatDay is a calendar date (promises and estimates are dates, kept at
// midnight UTC) in the customer's locale; it must not move to the day
// before in a zone west of UTC.
func formatDay(loc string, t time.Time) string { return i18n.FormatDate(loc, t.UTC()) }

func (p *orderPage) lineName(id int) string {
	for _, l := range p.view.Lines {
		if l.ID == id {
			return l.Name.In(p.Loc)
		}
	}
	return "#" + strconv.Itoa(id)
}

// renderStatus is the status in plain words, the progress bar and when the
// view was made, with a way to refresh it.
func (p *orderPage) renderStatus() app.UI {
	v := p.view
	status := p.T(v.Status.Key())
	total := len(progressSteps)
	step := min(max(v.Step, 0), total-1)
	progressText := p.T("track.progress_label", "step", strconv.Itoa(step+1), "total", strconv.Itoa(total), "status", p.T(progressSteps[step].Key()))
	return app.Section().Class("card order-status status-"+string(v.Status)).Aria("labelledby", "order-status").Body(
		app.P().Class("placed").Text(p.T("track.placed", "date", formatDay(p.Loc, v.PlacedAt))),
		app.H2().ID("order-status").Class("status-text").Text(status),
		app.If(v.PartlyDelivered, func() app.UI {
			return app.P().Class("partly").Text(p.T("track.partly_delivered"))
		}),
		app.If(!v.DeliveredAt.IsZero(), func() app.UI {
			return app.P().Text(p.T("track.delivered_on", "date", formatTime(p.Loc, v.DeliveredAt)))
		}),
		app.If(v.Status == orders.StatusCancelled, func() app.UI {
			return app.P().Text(p.T("track.cancelled_text"))
		}),
		app.If(v.Status != orders.StatusCancelled, func() app.UI {
			return app.Div().Class("progress").Body(
				app.Div().ID("order-progress").Class("progress-bar").
					Attr("role", "progressbar").
					Aria("label", p.T("track.progress")).
					Aria("valuemin", "1").Aria("valuemax", strconv.Itoa(total)).
					Aria("valuenow", strconv.Itoa(step+1)).Aria("valuetext", progressText).
					Body(app.Range(progressSteps).Slice(func(i int) app.UI {
						class := "progress-step"
						switch {
						case i < step:
							class += " done"
						case i == step:
							class += " done current"
						}
						return app.Span().Class(class).Aria("hidden", "true")
					})),
				app.P().Class("progress-text").Text(progressText),
			)
		}),
		app.Div().Class("as-of").Body(
			app.Span().Class("note").Text(p.T("track.as_of", "time", formatTime(p.Loc, v.AsOf))),
			app.Button().ID("order-refresh").Type("button").Class("button").Disabled(p.loading).
				OnClick(p.refresh).Text(p.T("track.refresh")),
		),
	)
}

// renderNotices shows the delay notices first and prominently: what
// happened, the new estimate, and what the store is doing about it.
func (p *orderPage) renderNotices() app.UI {
	v := p.view
	return app.Section().ID("order-notices").Class("notice delay").Attr("role", "status").Body(
		app.H2().Text(p.T("track.delay.title")),
		app.Range(v.Notices).Slice(func(i int) app.UI {
			n := v.Notices[i]
			return app.Div().Class("delay-notice").Body(
				app.P().Class("delay-reason").Text(p.T(n.ReasonKey)),
				app.If(!n.NewEstimate.IsZero(), func() app.UI {
					return app.P().Class("delay-estimate").Text(p.T("track.delay.new_estimate", "date", formatDay(p.Loc, n.NewEstimate)))
				}),
				app.P().Class("note").Text(p.T("track.delay.promised", "date", formatDay(p.Loc, n.PromisedBy))),
				app.H3().Text(p.T("track.delay.doing")),
				app.P().Class("delay-action").Text(p.T(n.ActionKey)),
			)
		}),
	)
}

// renderShipment is one parcel: status, carrier, tracking number, estimate,
// items and the carrier's timeline, latest event first.
func (p *orderPage) renderShipment(i int) app.UI {
	v := p.view
	sh := v.Shipments[i]
	title := p.T("track.parcel")
	if len(v.Shipments) > 1 {
		title = p.T("track.parcel_n", "n", strconv.Itoa(i+1), "total", strconv.Itoa(len(v.Shipments)))
	}
	id := "shipment-" + strconv.Itoa(i+1)
	timeline := slices.Clone(sh.Timeline)
	slices.Reverse(timeline)
	return app.Section().ID(id).Class("card shipment status-"+string(sh.Status)).Aria("labelledby", id+"-title").Body(
		app.Div().Class("shipment-head").Body(
			app.H2().ID(id+"-title").Text(title),
			app.Span().Class("badge status-badge").Text(p.T(sh.Status.Key())),
		),
		app.Dl().Class("facts").Body(
			app.Dt().Text(p.T("track.carrier")),
			app.Dd().Class("carrier").Text(sh.Carrier),
			app.Dt().Text(p.T("track.tracking_number")),
			app.Dd().Class("tracking-number").Text(sh.TrackingNumber),
			app.If(!sh.DeliveredAt.IsZero(), func() app.UI {
				return app.Dt().Text(p.T("track.delivered"))
			}),
			app.If(!sh.DeliveredAt.IsZero(), func() app.UI {
				return app.Dd().Class("delivered-at").Text(formatTime(p.Loc, sh.DeliveredAt))
			}),
			app.If(sh.DeliveredAt.IsZero() && !sh.Estimate.IsZero(), func() app.UI {
				return app.Dt().Text(p.T("track.estimate"))
			}),
			app.If(sh.DeliveredAt.IsZero() && !sh.Estimate.IsZero(), func() app.UI {
				return app.Dd().Class("estimate").Text(formatDay(p.Loc, sh.Estimate))
			}),
		),
		app.H3().Text(p.T("track.items")),
		app.Ul().Class("items").Body(
			app.Range(sh.Items).Slice(func(j int) app.UI {
				it := sh.Items[j]
				return app.Li().Text(p.T("track.qty", "qty", strconv.Itoa(it.Qty), "name", p.lineName(it.LineID)))
			}),
		),
		app.H3().Text(p.T("track.timeline")),
		app.If(len(timeline) == 0, func() app.UI {
			return app.P().Class("note").Text(p.T("track.no_events"))
		}),
		app.Ol().Class("timeline").Body(
			app.Range(timeline).Slice(func(j int) app.UI {
				e := timeline[j]
				class := "event kind-" + string(e.Kind)
				if j == 0 {
					class += " latest"
				}
				return app.Li().Class(class).Body(
					app.Time().DateTime(e.At.UTC().Format(time.RFC3339)).Class("event-time").Text(formatTime(p.Loc, e.At)),
					app.P().Class("event-kind").Text(p.T(e.Kind.Key())),
					app.If(e.Place != "", func() app.UI { return app.P().Class("event-place").Text(e.Place) }),
					app.If(e.Description != "", func() app.UI { return app.P().Class("event-desc note").Text(e.Description) }),
				)
			}),
		),
	)
}

// renderUnshipped lists the units no shipment carries yet.
func (p *orderPage) renderUnshipped() app.UI {
	v := p.view
	return app.Section().ID("unshipped").Class("card shipment").Aria("labelledby", "unshipped-title").Body(
		app.H2().ID("unshipped-title").Text(p.T("track.unshipped")),
		app.P().Class("note").Text(p.T("track.unshipped_text")),
		app.Ul().Class("items").Body(
			app.Range(v.Unshipped).Slice(func(j int) app.UI {
				it := v.Unshipped[j]
				return app.Li().Text(p.T("track.qty", "qty", strconv.Itoa(it.Qty), "name", p.lineName(it.LineID)))
			}),
		),
	)
}

// renderActions offers what the customer can do: return (when something is
// returnable), contact support about the order, get email updates.
func (p *orderPage) renderActions() app.UI {
	v := p.view
	var returnBy time.Time
	for _, l := range v.Lines {
		if l.Returnable && (returnBy.IsZero() || l.ReturnBy.After(returnBy)) {
			returnBy = l.ReturnBy
		}
	}
	open := v.Status != orders.StatusCancelled && v.Status != orders.StatusDelivered
	return app.Section().ID("order-actions").Class("order-actions").Aria("labelledby", "actions-title").Body(
		app.H2().ID("actions-title").Text(p.T("track.actions")),
		app.Div().Class("actions").Body(
			app.If(v.Returnable, func() app.UI {
				return app.A().ID("action-return").Class("button primary").Href(returnLink(v.Number)).Text(p.T("track.action.return"))
			}),
			app.If(v.Repairable && !p.offline, func() app.UI {
				return app.A().ID("action-repair").Class("button").Href(returnLink(v.Number) + "&kind=repair").Text(p.T("returns.action.repair"))
			}),
			app.A().ID("action-contact").Class("button").Href(contactLink(v.Number)).Text(p.T("track.action.contact")),
			app.If(open && !v.Subscribed && !p.offline, func() app.UI {
				label := p.T("track.action.subscribe")
				if p.subscribing {
					label = p.T("track.action.subscribing")
				}
				return app.Button().ID("action-subscribe").Type("button").Class("button").Disabled(p.subscribing).
					OnClick(p.subscribe).Text(label)
			}),
		),
		app.If(v.Returnable, func() app.UI {
			return app.P().Class("note").Text(p.T("track.action.return_by", "date", formatDay(p.Loc, returnBy)))
		}),
		app.If(len(v.Returns) > 0, func() app.UI { return renderReturnList(p.Loc, "order-returns", v.Returns) }),
		app.If(v.Subscribed, func() app.UI {
			return app.P().ID("subscribed").Class("notice ok").Attr("role", "status").Text(p.T("track.action.subscribed"))
		}),
		app.If(p.subscribeErr != nil, func() app.UI {
			return app.P().Class("notice error").Attr("role", "alert").Text(p.subscribeErr.in(p.Loc))
		}),
	)
}

// renderDetails shows the delivery details to a browser that confirmed the
// order, and otherwise offers to confirm.
func (p *orderPage) renderDetails() app.UI {
	v := p.view
	if v.Customer == nil {
		if p.offline {
			return app.Text("")
		}
		return app.Section().ID("order-confirm").Class("card").Aria("labelledby", "confirm-title").Body(
			app.H2().ID("confirm-title").Text(p.T("track.details")),
			app.P().Text(p.T("track.confirm.text")),
			p.confirm.render(p.Loc, "confirm", false, "track.confirm.submit", p.onConfirm),
		)
	}
	c := v.Customer
	addr := append(slices.Clone(c.Address.Lines), strings.TrimSpace(c.Address.Postcode+" "+c.Address.City), c.Address.Country)
	return app.Section().ID("order-details").Class("card").Aria("labelledby", "details-title").Body(
		app.H2().ID("details-title").Text(p.T("track.details")),
		app.Dl().Class("facts").Body(
			app.Dt().Text(p.T("track.deliver_to")),
			app.Dd().Body(
				app.P().Class("customer-name").Text(c.Name),
				app.Address().Class("customer-address").Body(
					app.Range(addr).Slice(func(i int) app.UI { return app.Span().Class("address-line").Text(addr[i]) }),
				),
			),
			app.Dt().Text(p.T("track.email")),
			app.Dd().Class("customer-email").Text(c.Email),
		),
	)
}

// renderLines lists the items with their prices, and the totals.
func (p *orderPage) renderLines() app.UI {
	v := p.view
	shipping := ui.Price(p.Loc, v.Totals.Shipping)
	if v.Totals.Shipping.Amount == 0 {
		shipping = p.T("track.shipping_free")
	}
	return app.Section().ID("order-lines").Class("card").Aria("labelledby", "lines-title").Body(
		app.H2().ID("lines-title").Text(p.T("track.lines")),
		app.Ul().Class("order-lines").Body(
			app.Range(v.Lines).Slice(func(i int) app.UI {
				l := v.Lines[i]
				return app.Li().Class("order-line").Body(
					app.Div().Class("line-main").Body(
						app.A().Href("/products/"+l.Slug).Text(p.T("track.qty", "qty", strconv.Itoa(l.Qty), "name", l.Name.In(p.Loc))),
						app.Span().Class("price").Text(ui.Price(p.Loc, l.UnitPrice.Mul(int64(l.Qty)))),
					),
					app.If(len(l.Options) > 0, func() app.UI {
						return app.Ul().Class("line-options note").Body(
							app.Range(l.Options).Slice(func(j int) app.UI {
								o := l.Options[j]
								return app.Li().Text(o.Choice.In(p.Loc) + ": " + o.Option.In(p.Loc))
							}),
						)
					}),
					app.If(l.FinalSale, func() app.UI { return app.Span().Class("badge").Text(p.T("track.final_sale")) }),
				)
			}),
		),
		app.Dl().Class("totals").Body(
			app.Dt().Text(p.T("track.subtotal")), app.Dd().Text(ui.Price(p.Loc, v.Totals.Subtotal)),
			app.Dt().Text(p.T("track.shipping")), app.Dd().Text(shipping),
			app.Dt().Class("total").Text(p.T("track.total")), app.Dd().Class("total").Text(ui.Price(p.Loc, v.Totals.Total)),
			app.Dt().Text(p.T("track.vat")), app.Dd().Text(ui.Price(p.Loc, v.Totals.VAT)),
			app.If(v.Totals.PaymentMethod != "", func() app.UI { return app.Dt().Text(p.T("track.paid_with")) }),
			app.If(v.Totals.PaymentMethod != "", func() app.UI {
				return app.Dd().Text(p.T("orders.payment." + v.Totals.PaymentMethod))
			}),
		),
	)
}

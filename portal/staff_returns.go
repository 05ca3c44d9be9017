package portal

import (
	"context"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/portal/returns"
	"vitrine/server/api"
)

// Handlers here carry an event scope (the request's number, the status):
// go-app keeps a handler from the same function literal otherwise, and a
// button would go on moving the request it was first drawn for.

// staffReturns is /staff/returns, the returns desk: every request, filtered
// by status, and for the one opened its items, photos, customer, amounts
// and timeline, with a button per step it can take next (approve, in
// transit, received, inspected, refunded, exchanged, repaired, shipped
// back) and a rejection with a reason. Every request can so reach its end,
// and the customer's page shows each step. Like every staff page it loads
// in the browser only, with the staff session.
type staffReturns struct {
	app.Compo
	ui.Localized

	// ctx is the page's own context (see returnsPage.ctx): a move's button
	// is gone once the move is made, and with it any Dispatch through the
	// button's context.
	ctx app.Context

	me     *api.StaffSessionResponse
	list   *api.StaffReturnsResponse
	filter returns.Status
	err    error

	open    *api.ReturnView
	moving  bool
	moveErr error
	reason  string
	// reasonErr is shown next to the rejection's reason.
	reasonErr string
}

// NewStaffReturns returns the returns desk.
func NewStaffReturns() app.Composer { return &staffReturns{} }

// OnNav loads in the browser only: the staff session is the browser's.
func (p *staffReturns) OnNav(ctx app.Context) {
	p.ctx = ctx
	p.BindLocale(ctx)
	ctx.Page().SetTitle(p.T("returns.staff.title") + " · " + p.T("app.name"))
	p.filter = returns.Status(ctx.Page().URL().Query().Get("status"))
	if app.IsServer {
		return
	}
	p.load()
}

func (p *staffReturns) load() {
	ctx := p.ctx
	filter := p.filter
	ctx.Async(func() {
		c := &api.Client{}
		me, err := c.StaffMe(context.Background())
		var list *api.StaffReturnsResponse
		if err == nil {
			var statuses []returns.Status
			if filter != "" {
				statuses = append(statuses, filter)
			}
			list, err = c.StaffReturns(context.Background(), statuses...)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if StaffSignInNeeded(ctx, err) {
				return
			}
			p.me, p.list, p.err = me, list, err
		})
	})
}

func (p *staffReturns) setFilter(s returns.Status) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.filter = s
		p.load()
	}
}

func (p *staffReturns) toggle(number string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if p.open != nil && p.open.Number == number {
			p.open = nil
			return
		}
		p.moveErr, p.reason, p.reasonErr = nil, "", ""
		ctx = p.ctx
		ctx.Async(func() {
			v, err := (&api.Client{}).StaffReturn(context.Background(), number)
			ctx.Dispatch(func(ctx app.Context) {
				if StaffSignInNeeded(ctx, err) {
					return
				}
				p.open, p.moveErr = v, err
			})
		})
	}
}

func (p *staffReturns) move(to returns.Status) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if p.moving || p.open == nil {
			return
		}
		reason := ""
		if to == returns.StatusRejected {
			reason = strings.TrimSpace(p.reason)
			if reason == "" {
				p.reasonErr = p.T("returns.err.reject_reason")
				return
			}
		}
		p.moving, p.moveErr, p.reasonErr = true, nil, ""
		number := p.open.Number
		ctx = p.ctx
		ctx.Async(func() {
			v, err := (&api.Client{}).StaffMoveReturn(context.Background(), number, to, reason)
			ctx.Dispatch(func(ctx app.Context) {
				p.moving = false
				if StaffSignInNeeded(ctx, err) {
					return
				}
				if err != nil {
					p.moveErr = err
					return
				}
				p.open, p.reason = v, ""
				p.load()
			})
		})
	}
}

func (p *staffReturns) Render() app.UI {
	title := p.T("returns.staff.title")
	if p.err != nil {
		return ui.Layout(p.Loc, "/staff", title, ui.LoadError(p.Loc, p.err, nil))
	}
	if p.list == nil || p.me == nil {
		return ui.Layout(p.Loc, "/staff", title, ui.Loading(p.Loc))
	}
	total := 0
	for _, n := range p.list.Counts {
		total += n
	}
	return ui.Layout(p.Loc, "/staff", title,
		NewStaffBar(p.Loc, p.me.User.Email),
		app.Nav().Class("staff-filter").Aria("label", p.T("returns.staff.filter")).Body(
			app.Ul().Class("chip-list").Body(
				app.Li().Body(p.filterChip("", p.T("returns.staff.all"), total)),
				app.Range(allStatuses).Slice(func(i int) app.UI {
					s := allStatuses[i]
					return app.Li().Body(p.filterChip(s, p.T(statusKey(s)), p.list.Counts[s]))
				}),
			),
		),
		app.If(len(p.list.Returns) == 0, func() app.UI {
			return app.P().ID("staff-returns-none").Class("note").Text(p.T("returns.staff.none"))
		}),
		app.Ul().ID("staff-returns").Class("staff-returns").Body(
			app.Range(p.list.Returns).Slice(func(i int) app.UI { return p.renderRow(p.list.Returns[i]) }),
		),
	)
}

// allStatuses lists the statuses in the filter's order.
var allStatuses = []returns.Status{
	returns.StatusRequested, returns.StatusApproved, returns.StatusInTransit, returns.StatusReceived,
	returns.StatusInspected, returns.StatusRepaired, returns.StatusRefunded, returns.StatusExchanged,
	returns.StatusShippedBack, returns.StatusRejected,
}

func (p *staffReturns) filterChip(s returns.Status, label string, n int) app.UI {
	id := "filter-all"
	if s != "" {
		id = "filter-" + string(s)
	}
	return app.Button().ID(id).Type("button").Class("chip").Aria("pressed", strconv.FormatBool(p.filter == s)).
		OnClick(p.setFilter(s), app.EventScope(id)).Text(label + " (" + strconv.Itoa(n) + ")")
}

func (p *staffReturns) renderRow(r api.ReturnSummary) app.UI {
	open := p.open != nil && p.open.Number == r.Number
	names := make([]string, 0, len(r.Names))
	for _, n := range r.Names {
		names = append(names, n.In(p.Loc))
	}
	return app.Li().ID("sr-"+r.Number).Class("card staff-return status-"+string(r.Status)).Body(
		app.Button().ID("open-"+r.Number).Type("button").Class("staff-return-head").Aria("expanded", strconv.FormatBool(open)).
			OnClick(p.toggle(r.Number), app.EventScope(r.Number)).Body(
			app.Span().Class("reference").Text(r.Number),
			app.Span().Class("badge status-badge").Text(p.T(statusKey(r.Status))),
			app.Span().Class("note").Text(p.T(kindKey(r.Kind))+" · "+r.OrderNumber+" · "+formatDay(p.Loc, r.CreatedAt)),
			app.Span().Class("note").Text(strings.Join(names, ", ")),
		),
		app.If(open, func() app.UI { return p.renderDetail() }),
	)
}

func (p *staffReturns) renderDetail() app.UI {
	v := p.open
	var addr []string
	if c := v.Customer; c != nil {
		addr = append(append([]string{c.Name, c.Email}, c.Address.Lines...), strings.TrimSpace(c.Address.Postcode+" "+c.Address.City), c.Address.Country)
	}
	if v.Phone != "" {
		addr = append(addr, v.Phone)
	}
	var moves, rejects []returns.Status
	for _, s := range v.Next {
		if s == returns.StatusRejected {
			rejects = append(rejects, s)
		} else {
			moves = append(moves, s)
		}
	}
	return app.Div().ID("detail-"+v.Number).Class("staff-return-detail").Body(
		app.Dl().Class("facts").Body(
			app.Dt().Text(p.T("returns.staff.customer")),
			app.Dd().Body(app.Range(addr).Slice(func(i int) app.UI { return app.Span().Class("address-line").Text(addr[i]) })),
			app.Dt().Text(p.T("returns.staff.method")),
			app.Dd().Text(p.T("returns.method."+string(v.ShippingMethod))),
			app.If(v.Resolution != "", func() app.UI { return app.Dt().Text(p.T("returns.staff.resolution")) }),
			app.If(v.Resolution != "", func() app.UI { return app.Dd().Text(p.T("returns.resolution." + string(v.Resolution))) }),
		),
		app.Ul().Class("order-lines").Body(app.Range(v.Lines).Slice(func(i int) app.UI {
			l := v.Lines[i]
			return app.Li().Class("order-line").Body(
				app.P().Text(p.T("track.qty", "qty", strconv.Itoa(l.Qty), "name", l.Name.In(p.Loc))+" · "+l.SKU),
				app.P().Class("note").Text(p.T("returns.reason."+string(l.Reason))+reasonSuffix(l.ReasonText)),
				app.If(l.Exchange != nil, func() app.UI {
					return app.P().Class("note").Text(p.T("returns.exchange_for", "name", l.Exchange.Name.In(p.Loc),
						"price", ui.Price(p.Loc, l.Exchange.UnitPrice)) + exchangeCode(l.Exchange))
				}),
				app.If(len(l.PhotoIDs) > 0, func() app.UI {
					return app.Ul().Class("photo-thumbs").Body(app.Range(l.PhotoIDs).Slice(func(j int) app.UI {
						src := api.StaffReturnPhotoPath(l.PhotoIDs[j])
						return app.Li().Class("photo-thumb uploaded").Body(
							app.A().Href(src).Attr("target", "_blank").Attr("rel", "noopener").Body(
								app.Img().Src(src).Alt(p.T("returns.photos.alt", "n", strconv.Itoa(j+1))),
							),
						)
					}))
				}),
			)
		})),
		renderQuote(p.Loc, v.Kind, v.Quote),
		renderStaffTimeline(p.Loc, v),
		app.If(len(v.Next) == 0, func() app.UI {
			return app.P().Class("note").Text(p.T("returns.staff.done"))
		}),
		app.Div().Class("actions staff-moves").Body(
			app.Range(moves).Slice(func(i int) app.UI {
				s := moves[i]
				return app.Button().ID("move-"+v.Number+"-"+string(s)).Type("button").Class("button primary").
					Disabled(p.moving).OnClick(p.move(s), app.EventScope(v.Number, string(s))).Text(p.T("returns.staff.action." + string(s)))
			}),
		),
		app.If(len(rejects) > 0, func() app.UI {
			id := "reject-reason-" + v.Number
			return app.Div().Class("field staff-reject").Body(
				app.Label().For(id).Text(p.T("returns.staff.reject_reason")),
				app.Textarea().ID(id).Attr("rows", 2).Attr("maxlength", 500).Text(p.reason).
					Aria("invalid", strconv.FormatBool(p.reasonErr != "")).
					OnInput(func(ctx app.Context, e app.Event) { p.reason = ctx.JSSrc().Get("value").String() }),
				app.If(p.reasonErr != "", func() app.UI { return app.P().ID(id + "-error").Class("field-error").Text(p.reasonErr) }),
				app.Button().ID("move-"+v.Number+"-rejected").Type("button").Class("button danger").
					Disabled(p.moving).OnClick(p.move(returns.StatusRejected), app.EventScope(v.Number, "rejected")).Text(p.T("returns.staff.action.rejected")),
			)
		}),
		app.If(p.moveErr != nil, func() app.UI {
			return app.P().ID("move-error").Class("notice error").Attr("role", "alert").Text(errText(p.Loc, p.moveErr))
		}),
	)
}

func exchangeCode(t *returns.ExchangeTarget) string {
	if t.ConfigurationID == "" {
		return ""
	}
	return " (" + t.ConfigurationID + ")"
}

// renderStaffTimeline is the timeline with who took each step.
func renderStaffTimeline(loc string, v *api.ReturnView) app.UI {
	return app.Ol().Class("timeline").Body(
		app.Range(v.Timeline).Slice(func(i int) app.UI {
			e := v.Timeline[i]
			class := "event"
			if i == len(v.Timeline)-1 {
				class += " latest"
			}
			return app.Li().Class(class).Body(
				app.P().Class("event-kind").Text(i18n.T(loc, statusKey(e.Status))),
				app.P().Class("event-time").Text(formatTime(loc, e.At)+" · "+e.By),
				app.If(e.Reason != "", func() app.UI { return app.P().Class("event-reason").Text(e.Reason) }),
			)
		}),
	)
}

package portal

import (
	"context"
	"errors"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/portal/orders"
	"vitrine/portal/returns"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// returnsPage is /returns: the same lookup as tracking, then the form that
// sends items back. The customer chooses what they want (a return, an
// exchange or a repair), the items and how many of each (every item says
// whether it can go back and, if not, why), a reason per item with photos
// when something arrived damaged or is defective, what they want instead,
// and how the parcel travels. The server prices every choice as it is made
// (the quote), so fees and amounts are on screen before the customer
// confirms; the browser computes nothing it shows.
//
// The page is personal (the order's items and address), so it is not
// prerendered: the browser loads it with the order's proof cookie.
type returnsPage struct {
	app.Compo
	ui.Localized

	// ctx is the page's own context, from OnNav. Work that ends after the
	// event that started it (a quote, an upload, sending) reports through
	// it: go-app drops a Dispatch whose source element is gone, and the
	// button or field that started the work is often gone by then.
	ctx app.Context

	order   string
	lookup  lookupForm
	denied  bool
	opts    *api.ReturnOptions
	err     error
	loading bool

	kind       returns.Kind
	lines      map[string]*formLine
	resolution returns.Resolution
	method     returns.ShippingMethod
	contact    returns.ContactMethod
	phone      string
	key        string

	quote    *api.QuoteResponse
	quoteSeq int
	// problems are the server's problems with the request, by field; they
	// are shown once the customer has tried to send it.
	problems map[string]message
	formErr  *message
	tried    bool
	sending  bool
}

// formLine is what the customer chose for one item.
type formLine struct {
	qty    int
	reason returns.Reason
	text   string
	photos []*formPhoto
	target returns.TargetType
	// product is the slug of the replacement product; config the code of
	// the new configuration.
	product, config string
}

// formPhoto is a photo chosen for an item: shown at once from the device
// (local, a blob: URL), uploaded in the background (id once stored).
type formPhoto struct {
	local     string
	id        string
	uploading bool
	err       error
}

// NewReturns returns the page of /returns.
func NewReturns() app.Composer { return &returnsPage{} }

// OnNav runs on the server's prerender and on every navigation.
func (p *returnsPage) OnNav(ctx app.Context) {
	p.ctx = ctx
	p.BindLocale(ctx)
	ctx.Page().SetTitle(p.T("page.returns") + " · " + p.T("app.name"))
	q := ctx.Page().URL().Query()
	p.order = normalizeNumber(q.Get("order"))
	p.lookup = lookupForm{number: p.order}
	p.denied, p.opts, p.err = false, nil, nil
	p.resetForm()
	if k := returns.Kind(q.Get("kind")); k.Valid() {
		p.kind = k
	}
	if !orders.ValidNumber(p.order) {
		p.order, p.denied = "", true
		return
	}
	p.loading = true
	if app.IsServer {
		return
	}
	p.load(q)
}

func (p *returnsPage) resetForm() {
	p.kind = returns.KindReturn
	p.lines = map[string]*formLine{}
	p.resolution, p.method, p.contact, p.phone = returns.ResolutionRefund, returns.ShippingDropOff, returns.ContactEmail, ""
	p.key = newIdempotencyKey()
	p.quote, p.problems, p.formErr, p.tried, p.sending = nil, nil, nil, false, false
}

// load fetches what can be done with the order. q may carry what the
// configurator sends back (line and config) to continue an exchange.
func (p *returnsPage) load(q url.Values) {
	ctx := p.ctx
	order := p.order
	p.loading = true
	ctx.Async(func() {
		o, err := (&api.Client{}).ReturnOptions(context.Background(), order)
		ctx.Dispatch(func(ctx app.Context) {
			if order != p.order {
				return
			}
			p.loading = false
			switch code := catalog.ErrorCode(err); {
			case err == nil:
				p.opts = o
				p.prefill(q)
			case code == catalog.EUNAUTHORIZED || code == catalog.ENOTFOUND:
				p.denied = true
			default:
				p.err = err
			}
		})
	})
}

// prefill continues an exchange for another configuration when the
// configurator sends the customer back with ?line=…&config=….
func (p *returnsPage) prefill(q url.Values) {
	line, code := q.Get("line"), q.Get("config")
	if line == "" || code == "" {
		return
	}
	for _, it := range p.opts.Items {
		if it.LineID == line && it.Reconfigurable && it.Eligibility.Returnable > 0 {
			p.kind = returns.KindExchange
			p.resolution = returns.ResolutionExchange
			p.lines[line] = &formLine{qty: 1, reason: returns.ReasonChangedMind, target: returns.TargetConfiguration, config: code}
			p.refreshQuote()
		}
	}
}

func (p *returnsPage) onLookup(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.lookup.submit(ctx, func(ctx app.Context, v *api.OrderView) {
		ctx.Navigate("/returns?order=" + url.QueryEscape(v.Number))
	})
}

func (p *returnsPage) retry(ctx app.Context, e app.Event) {
	p.err = nil
	p.load(nil)
}

// line returns the form state of line id, creating it.
func (p *returnsPage) line(id string) *formLine {
	l := p.lines[id]
	if l == nil {
		l = &formLine{target: returns.TargetVariant}
		p.lines[id] = l
	}
	return l
}

// allowed is how many units of it the chosen kind may include.
func (p *returnsPage) allowed(it api.ReturnItem) (int, *returns.Notice) {
	return it.Eligibility.Allowed(p.kind)
}

// reasonsFor are the reasons offered for a kind: a repair is for damage or
// a defect.
func reasonsFor(k returns.Kind) []returns.Reason {
	if k == returns.KindRepair {
		return []returns.Reason{returns.ReasonDefective, returns.ReasonDamaged}
	}
	return returns.Reasons
}

func (p *returnsPage) setKind(k returns.Kind) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		if p.kind == k {
			return
		}
		p.kind = k
		switch k {
		case returns.KindExchange:
			p.resolution = returns.ResolutionExchange
		case returns.KindRepair:
			p.resolution = ""
		default:
			p.resolution = returns.ResolutionRefund
		}
		// Quantities and reasons valid for one kind may not be for another.
		for _, it := range p.opts.Items {
			l := p.lines[it.LineID]
			if l == nil {
				continue
			}
			n, _ := p.allowed(it)
			l.qty = min(l.qty, n)
			if k == returns.KindRepair && !l.reason.NeedsPhotos() {
				l.reason = ""
			}
		}
		p.problems = nil
		p.refreshQuote()
	}
}

func (p *returnsPage) step(id string, delta int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		it, ok := p.item(id)
		if !ok {
			return
		}
		n, _ := p.allowed(it)
		l := p.line(id)
		l.qty = max(0, min(n, l.qty+delta))
		p.refreshQuote()
	}
}

// item returns the order's item with line id.
func (p *returnsPage) item(id string) (api.ReturnItem, bool) {
	if p.opts != nil {
		for _, it := range p.opts.Items {
			if it.LineID == id {
				return it, true
			}
		}
	}
	return api.ReturnItem{}, false
}

// request is the request the form describes, with the line IDs in the
// order of its lines (to put the server's problems next to their items).
func (p *returnsPage) request() (returns.Request, []string) {
	req := returns.Request{OrderNumber: p.order, Kind: p.kind, Resolution: p.resolution,
		ShippingMethod: p.method, IdempotencyKey: p.key}
	if p.kind == returns.KindRepair {
		req.Contact, req.Phone = p.contact, strings.TrimSpace(p.phone)
	}
	var ids []string
	for _, it := range p.opts.Items {
		l := p.lines[it.LineID]
		if l == nil || l.qty < 1 {
			continue
		}
		rl := returns.RequestLine{LineID: it.LineID, Qty: l.qty, Reason: l.reason, ReasonText: l.text}
		if l.reason.NeedsPhotos() {
			for _, ph := range l.photos {
				if ph.id != "" {
					rl.PhotoIDs = append(rl.PhotoIDs, ph.id)
				}
			}
		}
		if p.kind == returns.KindExchange {
			t := &returns.ExchangeTarget{Type: l.target}
			switch l.target {
			case returns.TargetConfiguration:
				t.Slug, t.ConfigurationID = it.Slug, strings.TrimSpace(l.config)
			case returns.TargetProduct:
				t.Slug = l.product
			default:
				t.Type, t.Slug = returns.TargetVariant, it.Slug
			}
			rl.Exchange = t
		}
		req.Lines = append(req.Lines, rl)
		ids = append(ids, it.LineID)
	}
	return req, ids
}

// refreshQuote asks the server what the form's request is worth. Answers
// to older questions are dropped.
func (p *returnsPage) refreshQuote() {
	ctx := p.ctx
	req, ids := p.request()
	p.quoteSeq++
	seq := p.quoteSeq
	if len(req.Lines) == 0 {
		p.quote = nil
		p.problems = nil
		return
	}
	ctx.Async(func() {
		q, err := (&api.Client{}).QuoteReturn(context.Background(), req)
		ctx.Dispatch(func(ctx app.Context) {
			if seq != p.quoteSeq {
				return
			}
			p.quote = q
			p.problems = nil
			if err != nil {
				p.setProblems(err, ids)
			}
		})
	})
}

var lineFieldRE = regexp.MustCompile(`^lines\[(\d+)\]\.(.+)$`)

// setProblems files the server's problems by field, turning "lines[2].qty"
// into the item's own field ("item.<lineID>.qty").
func (p *returnsPage) setProblems(err error, ids []string) {
	p.problems = map[string]message{}
	p.formErr = nil
	var list []*catalog.Error
	var fe catalog.Errors
	var one *catalog.Error
	switch {
	case errors.As(err, &fe):
		list = fe
	case errors.As(err, &one):
		list = []*catalog.Error{one}
	default:
		p.formErr = &message{key: "error.load"}
		return
	}
	for _, e := range list {
		field := e.Field
		if m := lineFieldRE.FindStringSubmatch(field); m != nil {
			i, _ := strconv.Atoi(m[1])
			if i < len(ids) {
				field = "item." + ids[i] + "." + strings.Split(m[2], ".")[0]
			}
		}
		args := paramArgs(e.Params)
		if field == "" {
			p.formErr = &message{key: e.Key, args: args}
			if e.Key == "" {
				p.formErr.key = "error.load"
			}
			continue
		}
		if _, dup := p.problems[field]; !dup {
			p.problems[field] = message{key: e.Key, args: args}
		}
	}
}

// paramArgs flattens params into T's name, value pairs.
func paramArgs(params map[string]string) []string {
	var out []string
	for k, v := range params {
		out = append(out, k, v)
	}
	return out
}

// problem returns the message to show next to field, once the customer
// has tried to send the form.
func (p *returnsPage) problem(field string) (string, bool) {
	m, ok := p.problems[field]
	if !ok || !p.tried {
		return "", false
	}
	params := map[string]string{}
	for i := 0; i+1 < len(m.args); i += 2 {
		params[m.args[i]] = m.args[i+1]
	}
	return paramText(p.Loc, m.key, params), true
}

func (p *returnsPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.sending || p.opts == nil {
		return
	}
	p.tried = true
	for _, l := range p.lines {
		for _, ph := range l.photos {
			if ph.uploading {
				p.formErr = &message{key: "returns.photos_uploading"}
				return
			}
		}
	}
	req, ids := p.request()
	p.sending, p.formErr = true, nil
	ctx = p.ctx
	ctx.Async(func() {
		r, err := (&api.Client{}).CreateReturn(context.Background(), req)
		ctx.Dispatch(func(ctx app.Context) {
			p.sending = false
			if err != nil {
				if catalog.ErrorCode(err) == catalog.ECONFLICT {
					// Items went back meanwhile (another tab, another
					// device): show what is left.
					p.formErr = &message{key: "returns.err.over_returned"}
					p.load(nil)
					return
				}
				p.setProblems(err, ids)
				return
			}
			rememberReturn(ctx, r.Return.Number, r.Return.OrderNumber)
			ctx.Navigate(returnPagePath(r.Return.OrderNumber, r.Return.Number))
		})
	})
}

func (p *returnsPage) Render() app.UI {
	title := p.T("page.returns")
	switch {
	case p.opts != nil:
		// Beside the form, not in it, the articles about what the customer
		// is doing: a repair, or a return or exchange.
		helpContext := "returns"
		if p.kind == returns.KindRepair {
			helpContext = "repair"
		}
		return ui.Layout(p.Loc, "/returns", title, p.renderForm(), &ContextHelp{Context: helpContext, Locale: p.Loc})
	case p.err != nil:
		return ui.Layout(p.Loc, "/returns", title, ui.LoadError(p.Loc, p.err, p.retry))
	case p.denied:
		return ui.Layout(p.Loc, "/returns", title,
			app.Div().Class("track returns").Body(
				app.P().Class("lead").Text(p.T("returns.intro")),
				p.lookup.render(p.Loc, "returns", true, "returns.lookup.submit", p.onLookup),
				app.P().Body(app.A().ID("policy-link").Class("back-link").Href("/returns/policy").Text(p.T("returns.policy.link"))),
			))
	default:
		return ui.Layout(p.Loc, "/returns", title, ui.Loading(p.Loc))
	}
}

func (p *returnsPage) renderForm() app.UI {
	o := p.opts
	return app.Form().ID("return-form").Class("returns return-form").Attr("novalidate", true).OnSubmit(p.submit).Body(
		app.P().Class("lead").Body(
			app.Text(p.T("returns.for_order")+" "),
			app.A().ID("return-order-link").Href("/track/"+o.OrderNumber).Text(o.OrderNumber),
		),
		app.If(len(o.Returns) > 0, func() app.UI { return renderReturnList(p.Loc, "order-returns", o.Returns) }),
		p.renderKinds(),
		p.renderItems(),
		app.If(p.kind == returns.KindReturn, func() app.UI { return p.renderResolution() }),
		app.If(p.kind == returns.KindRepair, func() app.UI { return p.renderContact() }),
		p.renderMethod(),
		p.renderSummary(),
		app.If(p.formErr != nil, func() app.UI {
			return app.P().ID("return-form-error").Class("notice error").Attr("role", "alert").Text(p.formErr.in(p.Loc))
		}),
		app.Div().Class("actions").Body(
			app.Button().ID("return-submit").Type("submit").Class("button primary").Disabled(p.sending).
				Text(p.submitLabel()),
		),
		app.P().Body(app.A().Class("back-link").Href("/returns/policy").Text(p.T("returns.policy.link"))),
	)
}

func (p *returnsPage) submitLabel() string {
	if p.sending {
		return p.T("returns.sending")
	}
	return p.T("returns.submit." + string(p.kind))
}

// renderReturnList lists requests with their status, each a link to its
// page.
func renderReturnList(loc, id string, rs []api.ReturnSummary) app.UI {
	return app.Section().ID(id).Class("card return-list").Aria("labelledby", id+"-title").Body(
		app.H2().ID(id+"-title").Text(i18n.T(loc, "returns.existing")),
		app.Ul().Class("link-list").Body(
			app.Range(rs).Slice(func(i int) app.UI {
				r := rs[i]
				return app.Li().Body(
					app.A().Href(returnPagePath(r.OrderNumber, r.Number)).Body(
						app.Strong().Text(r.Number),
						app.Text(" · "+i18n.T(loc, kindKey(r.Kind))+" · "),
						app.Span().Class("badge status-badge status-"+string(r.Status)).Text(i18n.T(loc, statusKey(r.Status))),
					),
				)
			}),
		),
	)
}

// choice is a radio button with its label, big enough for a thumb.
//
// About event handlers on this page: go-app keeps an element's handler
// when the new one comes from the same function literal, even if it closes
// over other values, unless its scope differs. So every handler here is
// scoped by the element's id, and finds what it acts on (an item, a
// photo) by id when it runs, never through a captured pointer that a
// reload may have replaced.
func choice(id, name string, checked bool, label, hint string, onChange app.EventHandler) app.UI {
	return app.Label().Class("choice").For(id).Body(
		app.Input().Type("radio").ID(id).Name(name).Checked(checked).OnChange(onChange, app.EventScope(id)),
		app.Span().Class("choice-text").Body(
			app.Span().Class("choice-label").Text(label),
			app.If(hint != "", func() app.UI { return app.Span().Class("choice-hint").Text(hint) }),
		),
	)
}

func (p *returnsPage) fieldError(field, id string) app.UI {
	msg, bad := p.problem(field)
	return app.If(bad, func() app.UI { return app.P().ID(id).Class("field-error").Text(msg) })
}

func (p *returnsPage) renderKinds() app.UI {
	return app.FieldSet().ID("return-kind").Class("card choices").Body(
		app.Legend().Text(p.T("returns.kind.question")),
		app.Range(returns.Kinds).Slice(func(i int) app.UI {
			k := returns.Kinds[i]
			return choice("kind-"+string(k), "kind", p.kind == k, p.T(kindKey(k)), p.T("returns.kind."+string(k)+".hint"), p.setKind(k))
		}),
		p.fieldError("kind", "kind-error"),
	)
}

func (p *returnsPage) renderItems() app.UI {
	o := p.opts
	return app.Section().ID("return-items").Class("card").Aria("labelledby", "items-title").Body(
		app.H2().ID("items-title").Text(p.T("returns.items.title."+string(p.kind))),
		app.Ul().Class("return-items").Body(
			app.Range(o.Items).Slice(func(i int) app.UI { return p.renderItem(o.Items[i]) }),
		),
		p.fieldError("lines", "lines-error"),
	)
}

func (p *returnsPage) renderItem(it api.ReturnItem) app.UI {
	id := it.LineID
	n, why := p.allowed(it)
	l := p.lines[id]
	qty := 0
	if l != nil {
		qty = l.qty
	}
	prefix := "item-" + id
	return app.Li().ID(prefix).Class("return-item").Body(
		app.Div().Class("line-main").Body(
			app.Span().Class("item-name").Text(it.Name.In(p.Loc)),
			app.Span().Class("price").Text(ui.Price(p.Loc, it.UnitPrice)),
		),
		app.If(len(it.Options) > 0, func() app.UI {
			return app.Ul().Class("line-options note").Body(app.Range(it.Options).Slice(func(j int) app.UI {
				o := it.Options[j]
				return app.Li().Text(o.Choice.In(p.Loc) + ": " + o.Option.In(p.Loc))
			}))
		}),
		app.If(n == 0 && why != nil, func() app.UI {
			return app.P().ID("why-" + id).Class("not-returnable").Text(paramText(p.Loc, why.Key, why.Params))
		}),
		app.If(n > 0, func() app.UI {
			until := it.Eligibility.ReturnUntil
			if p.kind == returns.KindRepair {
				until = it.Eligibility.WarrantyUntil
			}
			return app.Div().Class("item-choose").Body(
				app.Div().Class("stepper").Aria("label", p.T("returns.qty_label", "name", it.Name.In(p.Loc))).Attr("role", "group").Body(
					app.Button().ID("qty-minus-"+id).Type("button").Class("step").Disabled(qty == 0).
						Aria("label", p.T("returns.qty_less")).OnClick(p.step(id, -1), app.EventScope("minus", id)).Text("−"),
					app.Output().ID("qty-"+id).Class("qty").Aria("live", "polite").Text(strconv.Itoa(qty)),
					app.Button().ID("qty-plus-"+id).Type("button").Class("step").Disabled(qty >= n).
						Aria("label", p.T("returns.qty_more")).OnClick(p.step(id, 1), app.EventScope("plus", id)).Text("+"),
				),
				app.P().Class("note").Text(p.T("returns.until."+string(p.kind), "count", strconv.Itoa(n), "date", formatDay(p.Loc, until))),
			)
		}),
		p.fieldError("item."+id+".qty", prefix+"-qty-error"),
		p.fieldError("item."+id+".lineId", prefix+"-error"),
		app.If(qty > 0, func() app.UI { return p.renderLineDetails(it, l) }),
	)
}

func (p *returnsPage) renderLineDetails(it api.ReturnItem, l *formLine) app.UI {
	id := it.LineID
	reasons := reasonsFor(p.kind)
	textLabel := "returns.reason_text"
	if p.kind == returns.KindRepair {
		textLabel = "returns.problem_text"
	}
	showText := l.reason == returns.ReasonOther || p.kind == returns.KindRepair
	return app.Div().Class("line-details").Body(
		app.Div().Class("field").Body(
			app.Label().For("reason-"+id).Text(p.T("returns.reason")),
			app.Select().ID("reason-"+id).Name("reason-"+id).
				Aria("invalid", strconv.FormatBool(p.hasProblem("item."+id+".reason"))).
				OnChange(func(ctx app.Context, e app.Event) {
					p.line(id).reason = returns.Reason(ctx.JSSrc().Get("value").String())
					p.refreshQuote()
				}, app.EventScope("reason", id)).Body(
				app.Option().Value("").Selected(l.reason == "").Text(p.T("returns.reason.choose")),
				app.Range(reasons).Slice(func(i int) app.UI {
					r := reasons[i]
					return app.Option().Value(string(r)).Selected(l.reason == r).Text(p.T("returns.reason." + string(r)))
				}),
			),
			p.fieldError("item."+id+".reason", "reason-"+id+"-error"),
		),
		app.If(showText, func() app.UI {
			return app.Div().Class("field").Body(
				app.Label().For("reason-text-"+id).Text(p.T(textLabel)),
				app.Textarea().ID("reason-text-"+id).Name("reason-text-"+id).Attr("rows", 3).
					Attr("maxlength", returns.MaxReasonText).Text(l.text).
					OnChange(func(ctx app.Context, e app.Event) {
						p.line(id).text = ctx.JSSrc().Get("value").String()
						p.refreshQuote()
					}, app.EventScope("text", id)),
				p.fieldError("item."+id+".reasonText", "reason-text-"+id+"-error"),
			)
		}),
		app.If(l.reason.NeedsPhotos(), func() app.UI { return p.renderPhotos(id, l) }),
		app.If(p.kind == returns.KindExchange, func() app.UI { return p.renderTarget(it, l) }),
	)
}

func (p *returnsPage) hasProblem(field string) bool {
	_, bad := p.problem(field)
	return bad
}

func (p *returnsPage) renderPhotos(id string, l *formLine) app.UI {
	inputID := "photos-" + id
	return app.Div().Class("field photos").Body(
		app.Label().For(inputID).Class("button photo-add").Text(p.T("returns.photos.add")),
		app.Input().Type("file").ID(inputID).Class("visually-hidden").
			Attr("accept", strings.Join(api.PhotoTypes, ",")).Attr("capture", "environment").Attr("multiple", true).
			OnChange(func(ctx app.Context, e app.Event) { p.addPhotos(ctx, id) }, app.EventScope("photos", id)),
		app.P().Class("field-hint").Text(p.T("returns.photos.hint", "max", strconv.Itoa(returns.MaxPhotos), "mb", strconv.Itoa(api.MaxPhotoBytes>>20))),
		app.Ul().ID("thumbs-"+id).Class("photo-thumbs").Body(
			app.Range(l.photos).Slice(func(i int) app.UI {
				ph := l.photos[i]
				local := ph.local
				class := "photo-thumb"
				switch {
				case ph.uploading:
					class += " uploading"
				case ph.err != nil:
					class += " failed"
				default:
					class += " uploaded"
				}
				return app.Li().Class(class).Body(
					app.Img().Src(ph.local).Alt(p.T("returns.photos.alt", "n", strconv.Itoa(i+1))),
					app.If(ph.uploading, func() app.UI { return app.Span().Class("photo-status").Text(p.T("returns.photos.uploading")) }),
					app.If(ph.err != nil, func() app.UI {
						return app.Span().Class("photo-status field-error").Attr("role", "alert").Text(errText(p.Loc, ph.err))
					}),
					app.Button().Type("button").Class("photo-remove").Aria("label", p.T("returns.photos.remove")).
						OnClick(func(ctx app.Context, e app.Event) { p.removePhoto(ctx, id, local) }, app.EventScope("remove", local)).Text("×"),
				)
			}),
		),
		p.fieldError("item."+id+".photoIds", "photos-"+id+"-error"),
	)
}

// addPhotos shows each chosen file at once and uploads it in the
// background.
func (p *returnsPage) addPhotos(ctx app.Context, id string) {
	l := p.line(id)
	input := ctx.JSSrc()
	files := input.Get("files")
	for i := 0; i < files.Length(); i++ {
		if len(l.photos) >= returns.MaxPhotos {
			p.formErr = &message{key: "returns.err.photos_max", args: []string{"max", strconv.Itoa(returns.MaxPhotos)}}
			break
		}
		file := files.Index(i)
		ph := &formPhoto{local: objectURL(file), uploading: true}
		if file.Get("size").Int() > api.MaxPhotoBytes {
			ph.uploading = false
			ph.err = &catalog.Error{Code: catalog.ETOOLARGE, Key: "returns.err.photo_too_large",
				Params: map[string]string{"max": strconv.Itoa(api.MaxPhotoBytes >> 20)}}
			l.photos = append(l.photos, ph)
			continue
		}
		l.photos = append(l.photos, ph)
		uploadPhoto(p.ctx, p.order, file, func(ctx app.Context, got api.ReturnPhoto, err error) {
			ph.uploading, ph.id, ph.err = false, got.ID, err
			p.refreshQuote()
		})
	}
	// The same file can be chosen again after it was removed.
	input.Set("value", "")
}

func (p *returnsPage) removePhoto(ctx app.Context, id, local string) {
	l := p.line(id)
	var ph *formPhoto
	for i, x := range l.photos {
		if x.local == local {
			ph = x
			l.photos = append(l.photos[:i], l.photos[i+1:]...)
			break
		}
	}
	if ph == nil {
		return
	}
	revokeURL(ph.local)
	if ph.id != "" {
		order, id := p.order, ph.id
		ctx.Async(func() { (&api.Client{}).DeleteReturnPhoto(context.Background(), order, id) })
	}
	p.refreshQuote()
}

// configuratorLink reopens the configurator on the item's configuration;
// the configurator sends the customer back to this form with the new code
// (?line=…&config=…).
func (p *returnsPage) configuratorLink(it api.ReturnItem) string {
	back := "/returns?order=" + url.QueryEscape(p.order) + "&line=" + url.QueryEscape(it.LineID)
	q := url.Values{"return": {back}}
	if it.ConfigurationCode != "" {
		q.Set("code", it.ConfigurationCode)
	}
	return "/configure/" + url.PathEscape(it.Slug) + "?" + q.Encode()
}

func (p *returnsPage) renderTarget(it api.ReturnItem, l *formLine) app.UI {
	id := it.LineID
	name := "target-" + id
	set := func(t returns.TargetType) app.EventHandler {
		return func(ctx app.Context, e app.Event) { p.line(id).target = t; p.refreshQuote() }
	}
	var resolved *returns.ExchangeTarget
	if p.quote != nil {
		if t, ok := p.quote.Targets[id]; ok && t.UnitPrice.Currency != "" {
			resolved = &t
		}
	}
	return app.FieldSet().Class("choices exchange-target").Body(
		app.Legend().Text(p.T("returns.target.question")),
		choice(name+"-variant", name, l.target == returns.TargetVariant, p.T("returns.target.variant"), p.T("returns.target.variant.hint"), set(returns.TargetVariant)),
		app.If(it.Reconfigurable, func() app.UI {
			return choice(name+"-configuration", name, l.target == returns.TargetConfiguration, p.T("returns.target.configuration"), "", set(returns.TargetConfiguration))
		}),
		app.If(it.Reconfigurable && l.target == returns.TargetConfiguration, func() app.UI {
			return app.Div().Class("field").Body(
				app.A().ID("configure-"+id).Class("button").Href(p.configuratorLink(it)).Text(p.T("returns.target.open_configurator")),
				app.Label().For("config-"+id).Text(p.T("returns.target.code")),
				app.Input().Type("text").ID("config-"+id).Value(l.config).Attr("autocapitalize", "off").Attr("spellcheck", "false").
					OnChange(func(ctx app.Context, e app.Event) {
						p.line(id).config = ctx.JSSrc().Get("value").String()
						p.refreshQuote()
					}, app.EventScope("config", id)),
			)
		}),
		choice(name+"-product", name, l.target == returns.TargetProduct, p.T("returns.target.product"), "", set(returns.TargetProduct)),
		app.If(l.target == returns.TargetProduct, func() app.UI {
			return app.Div().Class("field").Body(
				app.Label().For("product-"+id).Text(p.T("returns.target.product_choose")),
				app.Select().ID("product-"+id).OnChange(func(ctx app.Context, e app.Event) {
					p.line(id).product = ctx.JSSrc().Get("value").String()
					p.refreshQuote()
				}, app.EventScope("product", id)).Body(
					app.Option().Value("").Selected(l.product == "").Text(p.T("returns.target.product_none")),
					app.Range(p.opts.Products).Slice(func(i int) app.UI {
						pr := p.opts.Products[i]
						return app.Option().Value(pr.Slug).Selected(l.product == pr.Slug).
							Text(pr.Name.In(p.Loc) + " — " + ui.Price(p.Loc, pr.Price))
					}),
				),
			)
		}),
		app.If(resolved != nil, func() app.UI {
			return app.P().ID("target-" + id + "-resolved").Class("note target-resolved").Text(
				p.T("returns.target.resolved", "name", resolved.Name.In(p.Loc), "price", ui.Price(p.Loc, resolved.UnitPrice)))
		}),
		p.fieldError("item."+id+".exchange", "exchange-"+id+"-error"),
	)
}

func (p *returnsPage) renderResolution() app.UI {
	bonus := p.opts.Policy.StoreCreditBonusPercent
	set := func(r returns.Resolution) app.EventHandler {
		return func(ctx app.Context, e app.Event) { p.resolution = r; p.refreshQuote() }
	}
	creditHint := ""
	if bonus > 0 {
		creditHint = p.T("returns.resolution.store_credit.hint", "percent", strconv.Itoa(bonus))
	}
	return app.FieldSet().ID("return-resolution").Class("card choices").Body(
		app.Legend().Text(p.T("returns.resolution.question")),
		choice("resolution-refund", "resolution", p.resolution == returns.ResolutionRefund,
			p.T("returns.resolution.refund"), p.T("returns.resolution.refund.hint"), set(returns.ResolutionRefund)),
		choice("resolution-store_credit", "resolution", p.resolution == returns.ResolutionStoreCredit,
			p.T("returns.resolution.store_credit"), creditHint, set(returns.ResolutionStoreCredit)),
		p.fieldError("resolution", "resolution-error"),
	)
}

func (p *returnsPage) renderContact() app.UI {
	set := func(c returns.ContactMethod) app.EventHandler {
		return func(ctx app.Context, e app.Event) { p.contact = c; p.refreshQuote() }
	}
	email := ""
	if p.opts.Pickup != nil {
		email = p.opts.Pickup.Email
	}
	return app.FieldSet().ID("return-contact").Class("card choices").Body(
		app.Legend().Text(p.T("returns.contact.question")),
		choice("contact-email", "contact", p.contact == returns.ContactEmail, p.T("returns.contact.email"), email, set(returns.ContactEmail)),
		choice("contact-phone", "contact", p.contact == returns.ContactPhone, p.T("returns.contact.phone"), "", set(returns.ContactPhone)),
		app.If(p.contact == returns.ContactPhone, func() app.UI {
			return app.Div().Class("field").Body(
				app.Label().For("contact-phone-number").Text(p.T("returns.contact.phone_number")),
				app.Input().Type("tel").ID("contact-phone-number").Value(p.phone).Attr("autocomplete", "tel").
					Aria("invalid", strconv.FormatBool(p.hasProblem("phone"))).
					OnChange(func(ctx app.Context, e app.Event) { p.phone = ctx.JSSrc().Get("value").String(); p.refreshQuote() }),
				p.fieldError("phone", "phone-error"),
			)
		}),
		p.fieldError("contact", "contact-error"),
	)
}

func (p *returnsPage) renderMethod() app.UI {
	fees := p.opts.Policy.ReturnShipping
	hint := func(m returns.ShippingMethod) string {
		if p.kind == returns.KindRepair {
			return p.T("returns.quote.free")
		}
		return p.T("returns.method.fee", "fee", ui.Price(p.Loc, fees[m]))
	}
	set := func(m returns.ShippingMethod) app.EventHandler {
		return func(ctx app.Context, e app.Event) { p.method = m; p.refreshQuote() }
	}
	var addr []string
	if c := p.opts.Pickup; c != nil {
		addr = append(append([]string{c.Name}, c.Address.Lines...), strings.TrimSpace(c.Address.Postcode+" "+c.Address.City))
	}
	return app.FieldSet().ID("return-method").Class("card choices").Body(
		app.Legend().Text(p.T("returns.method.question")),
		choice("method-drop_off", "method", p.method == returns.ShippingDropOff, p.T("returns.method.drop_off"),
			p.T("returns.method.drop_off.hint")+" "+hint(returns.ShippingDropOff), set(returns.ShippingDropOff)),
		choice("method-pickup", "method", p.method == returns.ShippingPickup, p.T("returns.method.pickup"),
			p.T("returns.method.pickup.hint")+" "+hint(returns.ShippingPickup), set(returns.ShippingPickup)),
		app.If(p.method == returns.ShippingPickup && len(addr) > 0, func() app.UI {
			return app.Address().ID("pickup-address").Class("customer-address note").Body(
				app.Range(addr).Slice(func(i int) app.UI { return app.Span().Class("address-line").Text(addr[i]) }),
			)
		}),
		app.P().Class("note").Text(p.T("returns.method.fault_free")),
		p.fieldError("shippingMethod", "method-error"),
	)
}

func (p *returnsPage) renderSummary() app.UI {
	req, _ := p.request()
	return app.Section().ID("return-summary").Class("card").Aria("labelledby", "summary-title").Body(
		app.H2().ID("summary-title").Text(p.T("returns.summary")),
		app.If(len(req.Lines) == 0, func() app.UI {
			return app.P().Class("note").Text(p.T("returns.summary.empty"))
		}),
		app.If(len(req.Lines) > 0 && p.quote == nil, func() app.UI {
			return app.P().Class("note").Text(p.T("returns.summary.incomplete"))
		}),
		app.If(len(req.Lines) > 0 && p.quote != nil, func() app.UI {
			q := p.quote.Quote
			return app.Div().Body(
				renderQuote(p.Loc, p.kind, q),
				app.If(p.kind != returns.KindRepair, func() app.UI {
					return app.P().ID("return-send-by").Class("send-by").Text(p.T("returns.send_by", "date", formatDay(p.Loc, q.SendBy)))
				}),
			)
		}),
	)
}

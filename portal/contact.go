package portal

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/portal/support"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// contactPage is /contact: a message to the support team becomes a ticket
// with a reference number. ?order=VT-1001 fills in the order number (the
// order page links here so), ?topic=return the topic.
type contactPage struct {
	app.Compo
	ui.Localized

	form    support.Ticket
	errs    map[string]string // field → translation key of its error
	general error             // an error about the whole form
	sending bool
	done    *api.ContactResponse
}

// NewContact returns the contact page.
func NewContact() app.Composer { return &contactPage{} }

// OnNav runs on the server's prerender and on every navigation in the
// browser. What the customer typed stays when they switch language.
func (p *contactPage) OnNav(ctx app.Context) {
	p.BindLocale(ctx)
	ctx.Page().SetTitle(p.T("page.contact") + " · " + p.T("app.name"))
	q := ctx.Page().URL().Query()
	if o := q.Get("order"); o != "" && p.form.OrderNumber == "" {
		p.form.OrderNumber = o
	}
	if tp := q.Get("topic"); support.ValidTopic(tp) && p.form.Topic == "" {
		p.form.Topic = tp
	}
	if p.form.OrderNumber != "" && p.form.Topic == "" {
		p.form.Topic = "order"
	}
}

// field returns the handler that copies an input's value into the form.
func (p *contactPage) field(dst *string, name string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		*dst = ctx.JSSrc().Get("value").String()
		delete(p.errs, name) // the customer is fixing it
	}
}

func (p *contactPage) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.sending {
		return
	}
	t := p.form
	p.errs, p.general = map[string]string{}, nil
	// The same rules as the server's, so every problem shows at once
	// without a round trip; the server checks again and has the last word.
	for _, e := range t.Problems() {
		p.errs[e.Field] = e.Key
	}
	if len(p.errs) > 0 {
		p.focusFirstError(ctx)
		return
	}
	p.sending = true
	req := api.ContactRequest{Name: t.Name, Email: t.Email, Order: t.OrderNumber, Topic: t.Topic, Message: t.Message, Locale: p.Loc}
	ctx.Async(func() {
		resp, err := (&api.Client{}).Contact(context.Background(), req)
		ctx.Dispatch(func(ctx app.Context) {
			p.sending = false
			var ce *catalog.Error
			switch {
			case err == nil:
				p.done = resp
				ctx.Defer(func(app.Context) { app.Window().ScrollToID("contact-done") })
			case asFieldError(err, &ce):
				p.errs[ce.Field] = ce.Key
				p.focusFirstError(ctx)
			default:
				p.general = err
			}
		})
	})
}

// asFieldError reports whether err is about one field of the form.
func asFieldError(err error, dst **catalog.Error) bool {
	e, ok := err.(*catalog.Error)
	if ok && e.Field != "" && e.Key != "" {
		*dst = e
		return true
	}
	return false
}

// contactFields are the form's fields in order, for focusing the first error.
var contactFields = []string{"name", "email", "order", "topic", "message"}

func (p *contactPage) focusFirstError(ctx app.Context) {
	for _, f := range contactFields {
		if _, bad := p.errs[f]; bad {
			ctx.Defer(func(app.Context) {
				if el := app.Window().GetElementByID("contact-" + f); el.Truthy() {
					el.Call("focus")
				}
			})
			return
		}
	}
}

func (p *contactPage) another(ctx app.Context, e app.Event) {
	p.done = nil
	p.form.Message = ""
}

func (p *contactPage) Render() app.UI {
	return ui.Layout(p.Loc, "/contact", p.T("page.contact"),
		app.Div().Class("contact").Body(
			app.Div().Class("contact-main").Body(
				app.If(p.done != nil, func() app.UI { return p.renderDone() }).
					Else(func() app.UI { return p.renderForm() }),
			),
			p.renderWays(),
		),
	)
}

func (p *contactPage) renderDone() app.UI {
	d := p.done
	return app.Div().ID("contact-done").Class("notice ok contact-done").Attr("role", "status").Body(
		app.H2().Text(p.T("contact.done.title")),
		app.P().Body(
			app.Text(p.T("contact.done.reference")+" "),
			app.Strong().ID("contact-reference").Class("reference").Text(d.Reference),
		),
		app.P().Text(p.T("contact.done.email", "email", d.Email)),
		app.P().Text(p.T("contact.reply_time")),
		app.Button().Type("button").Class("button").OnClick(p.another).Text(p.T("contact.done.another")),
	)
}

// input is one labelled text field with its error under it.
func (p *contactPage) input(name, kind, autocomplete string, value *string, required bool, hint string) app.UI {
	id := "contact-" + name
	errKey, bad := p.errs[name]
	describedBy := ""
	if hint != "" {
		describedBy = id + "-hint"
	}
	if bad {
		describedBy = strings.TrimSpace(describedBy + " " + id + "-error")
	}
	in := app.Input().Type(kind).ID(id).Name(name).Value(*value).Attr("autocomplete", autocomplete).
		Aria("invalid", strconv.FormatBool(bad)).OnInput(p.field(value, name))
	if describedBy != "" {
		in = in.Aria("describedby", describedBy)
	}
	if required {
		in = in.Aria("required", "true")
	}
	return app.Div().Class("field").Body(
		p.label(id, name, required),
		app.If(hint != "", func() app.UI { return app.P().ID(id + "-hint").Class("field-hint").Text(hint) }),
		in,
		p.fieldError(name, errKey, bad),
	)
}

func (p *contactPage) label(id, name string, required bool) app.UI {
	text := p.T("contact.field." + name)
	if !required {
		text += " " + p.T("contact.optional")
	}
	return app.Label().For(id).Text(text)
}

func (p *contactPage) fieldError(name, key string, bad bool) app.UI {
	return app.If(bad, func() app.UI {
		return app.P().ID("contact-" + name + "-error").Class("field-error").Text(p.T(key))
	})
}

func (p *contactPage) renderForm() app.UI {
	f := &p.form
	n := utf8.RuneCountInString(strings.TrimSpace(f.Message))
	topicErr, topicBad := p.errs["topic"]
	msgErr, msgBad := p.errs["message"]
	return app.Form().ID("contact-form").Class("contact-form").Attr("novalidate", true).OnSubmit(p.submit).Body(
		app.P().Class("lead").Text(p.T("contact.lead")),
		p.input("name", "text", "name", &f.Name, true, ""),
		p.input("email", "email", "email", &f.Email, true, ""),
		p.input("order", "text", "off", &f.OrderNumber, false, p.T("contact.order_hint")),
		app.Div().Class("field").Body(
			p.label("contact-topic", "topic", true),
			app.Select().ID("contact-topic").Name("topic").Aria("required", "true").
				Aria("invalid", strconv.FormatBool(topicBad)).OnChange(p.field(&f.Topic, "topic")).Body(
				app.Option().Value("").Selected(f.Topic == "").Text(p.T("contact.topic.choose")),
				app.Range(support.Topics).Slice(func(i int) app.UI {
					tp := support.Topics[i]
					return app.Option().Value(tp).Selected(f.Topic == tp).Text(p.T("contact.topic." + tp))
				}),
			),
			p.fieldError("topic", topicErr, topicBad),
		),
		app.Div().Class("field").Body(
			p.label("contact-message", "message", true),
			app.Textarea().ID("contact-message").Name("message").Rows(6).Aria("required", "true").
				Aria("invalid", strconv.FormatBool(msgBad)).Aria("describedby", "contact-message-count").
				Text(f.Message).OnInput(p.field(&f.Message, "message")),
			app.P().ID("contact-message-count").Class(countClass(n, support.MaxMessageRunes)).
				Text(p.T("help.feedback.count", "n", strconv.Itoa(n), "max", strconv.Itoa(support.MaxMessageRunes))),
			p.fieldError("message", msgErr, msgBad),
		),
		app.If(p.general != nil, func() app.UI {
			return app.P().Class("notice error").Attr("role", "alert").Text(errorText(p.Loc, p.general))
		}),
		app.Div().Class("actions").Body(
			app.Button().ID("contact-send").Type("submit").Class("button primary").Disabled(p.sending).
				Text(p.T("contact.send")),
		),
	)
}

// renderWays shows the other ways to reach a person.
func (p *contactPage) renderWays() app.UI {
	return app.Aside().Class("contact-ways card").Aria("labelledby", "contact-ways-title").Body(
		app.H2().ID("contact-ways-title").Text(p.T("contact.ways")),
		app.Dl().Body(
			app.Dt().Text(p.T("contact.phone")),
			app.Dd().Body(app.A().ID("contact-phone").Href(support.PhoneURI).Text(support.Phone)),
			app.Dt().Text(p.T("contact.hours_label")),
			app.Dd().Text(p.T("contact.hours")),
			app.Dt().Text(p.T("contact.email")),
			app.Dd().Body(app.A().Href("mailto:"+support.Email).Text(support.Email)),
			app.Dt().Text(p.T("contact.reply_label")),
			app.Dd().ID("contact-reply").Text(p.T("contact.reply_time")),
		),
		app.P().Body(app.A().Href("/help").Text(p.T("contact.try_help"))),
	)
}

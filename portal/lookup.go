package portal

import (
	"context"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/assets/i18n"
	"vitrine/portal/orders"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// message is a translation key with its {placeholder} values, kept
// untranslated so that a language switch re-renders it in the new language.
type message struct {
	key  string
	args []string
}

func (m message) in(locale string) string { return i18n.T(locale, m.key, m.args...) }

// lookupForm is the form that proves a customer placed an order: its number
// and its email or postcode. The track page shows both fields; the order
// page, opened from a signed link, asks only for the email or postcode to
// show the delivery details. Each error is shown next to its field, and the
// answer to a wrong pair (the same whether or not the order exists) and the
// rate limit above the button.
type lookupForm struct {
	number, proof string
	// fieldErr holds the error of each field, by the API's field name.
	fieldErr map[string]message
	formErr  *message
	busy     bool
}

func (f *lookupForm) reset() {
	f.fieldErr, f.formErr, f.busy = nil, nil, false
}

// validate checks what the browser can check, so obvious mistakes are
// answered at once and do not use up the customer's attempts.
func (f *lookupForm) validate() bool {
	f.fieldErr, f.formErr = map[string]message{}, nil
	n := normalizeNumber(f.number)
	switch {
	case n == "":
		f.fieldErr["number"] = message{key: "track.err.number_required"}
	case !orders.ValidNumber(n):
		f.fieldErr["number"] = message{key: "track.err.number_invalid"}
	}
	if strings.TrimSpace(f.proof) == "" {
		f.fieldErr["emailOrPostcode"] = message{key: "track.err.proof_required"}
	}
	return len(f.fieldErr) == 0
}

// submit validates, then asks the API; onFound runs on the UI goroutine with
// the confirmed view.
func (f *lookupForm) submit(ctx app.Context, onFound func(ctx app.Context, v *api.OrderView)) {
	if f.busy || !f.validate() {
		return
	}
	f.busy = true
	number, proof := normalizeNumber(f.number), f.proof
	ctx.Async(func() {
		v, err := (&api.Client{}).LookupOrder(context.Background(), number, proof)
		ctx.Dispatch(func(ctx app.Context) {
			f.busy = false
			if err != nil {
				f.showError(err)
				return
			}
			f.proof = ""
			onFound(ctx, v)
		})
	})
}

// showError puts an API error next to its field, or above the button.
func (f *lookupForm) showError(err error) {
	e, ok := err.(*catalog.Error)
	if !ok {
		f.formErr = &message{key: "error.load"}
		return
	}
	if e.Field != "" && e.Key != "" {
		f.fieldErr = map[string]message{e.Field: {key: e.Key}}
		return
	}
	m := message{key: "error.load"}
	switch e.Code {
	case catalog.ENOTFOUND:
		m.key = "track.err.no_match"
	case catalog.ERATELIMITED:
		m = message{key: "track.err.rate_limited", args: []string{"seconds", e.Params["seconds"]}}
	}
	f.formErr = &m
}

// render draws the form. prefix makes the element ids unique on the page;
// when withNumber is false the number is fixed and only the email or
// postcode is asked.
func (f *lookupForm) render(loc, prefix string, withNumber bool, submitKey string, onSubmit app.EventHandler) app.UI {
	t := func(key string, args ...string) string { return i18n.T(loc, key, args...) }
	field := func(name, id, labelKey, hintKey, value, autocomplete string, onInput app.EventHandler) app.UI {
		errID, hintID := id+"-error", id+"-hint"
		msg, bad := f.fieldErr[name]
		described := hintID
		if bad {
			described = errID + " " + hintID
		}
		in := app.Input().Type("text").ID(id).Name(name).Value(value).
			Attr("autocomplete", autocomplete).Attr("spellcheck", "false").
			Aria("describedby", described).OnInput(onInput)
		if name == "number" {
			in = in.Attr("autocapitalize", "characters")
		} else {
			in = in.Attr("autocapitalize", "off")
		}
		if bad {
			in = in.Aria("invalid", "true")
		}
		return app.Div().Class("field").Body(
			app.Label().For(id).Text(t(labelKey)),
			in,
			app.If(bad, func() app.UI {
				return app.P().ID(errID).Class("field-error").Text(msg.in(loc))
			}),
			app.P().ID(hintID).Class("field-hint").Text(t(hintKey)),
		)
	}
	label := t(submitKey)
	if f.busy {
		label = t("track.submitting")
	}
	return app.Form().Class("lookup-form").ID(prefix+"-form").Attr("novalidate", true).OnSubmit(onSubmit).Body(
		app.If(withNumber, func() app.UI {
			return field("number", prefix+"-number", "track.number", "track.number_hint", f.number, "off",
				func(ctx app.Context, e app.Event) { f.number = ctx.JSSrc().Get("value").String() })
		}),
		field("emailOrPostcode", prefix+"-proof", "track.proof", "track.proof_hint", f.proof, "email",
			func(ctx app.Context, e app.Event) { f.proof = ctx.JSSrc().Get("value").String() }),
		app.If(f.formErr != nil, func() app.UI {
			return app.P().ID(prefix+"-form-error").Class("notice error").Attr("role", "alert").Text(f.formErr.in(loc))
		}),
		app.Button().Type("submit").Class("button primary").Disabled(f.busy).Text(label),
	)
}

// normalizeNumber makes " vt-1002" the number "VT-1002", as the server does.
func normalizeNumber(s string) string {
	return strings.ToUpper(strings.TrimPrefix(strings.TrimSpace(s), "#"))
}

package portal

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// Staff pages share the sign-in. A staff page loads its data in the browser
// only (the session cookie is the browser's; the server's prerender has
// none) and sends the visitor to the sign-in when the API answers 401:
//
//	func (p *staffReturns) OnNav(ctx app.Context) {
//		p.BindLocale(ctx)
//		if app.IsServer {
//			return // shows Loading until the browser has asked
//		}
//		ctx.Async(func() {
//			r, err := client.StaffReturns(…)
//			ctx.Dispatch(func(ctx app.Context) {
//				if StaffSignInNeeded(ctx, err) {
//					return
//				}
//				…
//			})
//		})
//	}

// StaffSignInPath is the sign-in page that returns to next once signed in.
func StaffSignInPath(next string) string {
	return "/staff/signin?next=" + url.QueryEscape(next)
}

// StaffSignInNeeded reports whether err says the visitor is not signed in as
// staff, and if so sends them to the sign-in, to come back to this page.
func StaffSignInNeeded(ctx app.Context, err error) bool {
	if catalog.ErrorCode(err) != catalog.EUNAUTHORIZED {
		return false
	}
	u := ctx.Page().URL()
	ctx.Navigate(StaffSignInPath(u.Path))
	return true
}

// safeNext returns where to go after signing in: a staff page of this site,
// never another site (an open redirect would let a link send staff to a
// look-alike page after a real sign-in).
func safeNext(next string) string {
	if strings.HasPrefix(next, "/staff/") && !strings.HasPrefix(next, "//") && !strings.ContainsAny(next, "\\@") &&
		!strings.HasPrefix(next, "/staff/signin") {
		return next
	}
	return "/staff/help"
}

// staffSignIn is /staff/signin.
type staffSignIn struct {
	app.Compo
	ui.Localized

	email, password string
	errs            map[string]string
	general         error
	sending         bool
	next            string
}

// NewStaffSignIn returns the staff sign-in page.
func NewStaffSignIn() app.Composer { return &staffSignIn{} }

// OnNav runs on the server's prerender and on every navigation.
func (p *staffSignIn) OnNav(ctx app.Context) {
	p.BindLocale(ctx)
	ctx.Page().SetTitle(p.T("staff.signin.title") + " · " + p.T("app.name"))
	p.next = safeNext(ctx.Page().URL().Query().Get("next"))
}

func (p *staffSignIn) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if p.sending {
		return
	}
	p.errs, p.general = map[string]string{}, nil
	if strings.TrimSpace(p.email) == "" {
		p.errs["email"] = "staff.err.email_required"
	}
	if p.password == "" {
		p.errs["password"] = "staff.err.password_required"
	}
	if len(p.errs) > 0 {
		return
	}
	p.sending = true
	email, password, next := p.email, p.password, p.next
	ctx.Async(func() {
		_, err := (&api.Client{}).StaffSignIn(context.Background(), email, password)
		ctx.Dispatch(func(ctx app.Context) {
			p.sending = false
			var fe *catalog.Error
			switch {
			case err == nil:
				p.password = ""
				ctx.Navigate(next)
			case asFieldError(err, &fe):
				p.errs[fe.Field] = fe.Key
			default:
				p.general = err
			}
		})
	})
}

func (p *staffSignIn) Render() app.UI {
	field := func(name, kind, autocomplete string, value *string) app.UI {
		id := "staff-" + name
		key, bad := p.errs[name]
		in := app.Input().Type(kind).ID(id).Name(name).Value(*value).Attr("autocomplete", autocomplete).
			Aria("required", "true").Aria("invalid", strconv.FormatBool(bad)).
			OnInput(func(ctx app.Context, e app.Event) {
				*value = ctx.JSSrc().Get("value").String()
				delete(p.errs, name)
			})
		if bad {
			in = in.Aria("describedby", id+"-error")
		}
		return app.Div().Class("field").Body(
			app.Label().For(id).Text(p.T("staff.signin."+name)),
			in,
			app.If(bad, func() app.UI { return app.P().ID(id + "-error").Class("field-error").Text(p.T(key)) }),
		)
	}
	return ui.Layout(p.Loc, "/staff", p.T("staff.signin.title"),
		app.Form().ID("staff-signin").Class("staff-signin card").Attr("novalidate", true).OnSubmit(p.submit).Body(
			app.P().Class("note").Text(p.T("staff.signin.lead")),
			field("email", "email", "username", &p.email),
			field("password", "password", "current-password", &p.password),
			app.If(p.general != nil, func() app.UI {
				return app.P().ID("staff-signin-error").Class("notice error").Attr("role", "alert").Text(errorText(p.Loc, p.general))
			}),
			app.Div().Class("actions").Body(
				app.Button().ID("staff-signin-submit").Type("submit").Class("button primary").Disabled(p.sending).
					Text(p.T("staff.signin.submit")),
			),
		),
	)
}

// staffBar shows who is signed in, with a way to sign out; staff pages put
// it at their top.
type staffBar struct {
	app.Compo
	Locale string
	Email  string
}

func (b *staffBar) signOut(ctx app.Context, e app.Event) {
	ctx.Async(func() {
		(&api.Client{}).StaffSignOut(context.Background())
		ctx.Dispatch(func(ctx app.Context) { ctx.Navigate("/staff/signin") })
	})
}

func (b *staffBar) Render() app.UI {
	return app.Div().Class("staff-bar").Body(
		app.P().ID("staff-who").Text(i18n.T(b.Locale, "staff.signed_in_as", "email", b.Email)),
		app.Button().ID("staff-signout").Type("button").Class("button").OnClick(b.signOut).Text(i18n.T(b.Locale, "staff.signout")),
	)
}

// NewStaffBar returns the bar a staff page shows at its top.
func NewStaffBar(locale, email string) app.UI { return &staffBar{Locale: locale, Email: email} }

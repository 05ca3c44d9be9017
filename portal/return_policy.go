package portal

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/server/api"
)

// returnPolicyPage is /returns/policy: the merchant's policy in plain words.
// The sentences come from the same policy the server applies
// (returns.Policy.Explain), so the page never promises what the server
// would refuse. It is public and prerendered.
type returnPolicyPage struct {
	app.Compo
	ui.Localized

	ctx app.Context

	policy *api.ReturnPolicyView
	err    error
}

// NewReturnPolicy returns the page of /returns/policy.
func NewReturnPolicy() app.Composer { return &returnPolicyPage{} }

// OnNav runs on the server's prerender and on every navigation.
func (p *returnPolicyPage) OnNav(ctx app.Context) {
	p.ctx = ctx
	bindLocale(ctx, &p.Localized, p.load)
	ctx.Page().SetTitle(p.T("returns.policy.title") + " · " + p.T("app.name"))
	p.load(ctx)
}

// load fetches the policy; on a language switch too, since category names
// in it come in the page's language.
func (p *returnPolicyPage) load(ctx app.Context) {
	ctx.Async(func() {
		v, err := (&api.Client{}).ReturnPolicy(context.Background())
		ctx.Dispatch(func(ctx app.Context) { p.policy, p.err = v, err })
	})
}

// retry loads again through the page's own context: the button that asks
// is gone once the page shows Loading, and go-app would drop a Dispatch
// made through it.
func (p *returnPolicyPage) retry(ctx app.Context, e app.Event) {
	p.err = nil
	p.load(p.ctx)
}

func (p *returnPolicyPage) Render() app.UI {
	title := p.T("returns.policy.title")
	switch {
	case p.policy != nil:
		lines := p.policy.Lines
		return ui.Layout(p.Loc, "/returns", title,
			app.Div().Class("track returns").Body(
				app.P().Class("lead").Text(p.T("returns.policy.lead")),
				app.Ul().ID("policy-lines").Class("policy-lines").Body(
					app.Range(lines).Slice(func(i int) app.UI {
						l := lines[i]
						return app.Li().Class("policy-line").Text(paramText(p.Loc, l.Key, l.Params))
					}),
				),
				app.Div().Class("actions").Body(
					app.A().ID("policy-start").Class("button primary").Href("/returns").Text(p.T("returns.policy.start")),
				),
			))
	case p.err != nil:
		return ui.Layout(p.Loc, "/returns", title, ui.LoadError(p.Loc, p.err, p.retry))
	default:
		return ui.Layout(p.Loc, "/returns", title, ui.Loading(p.Loc))
	}
}

package portal

import (
	"context"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// staffHelp is /staff/help: how the help center is used (views and helpful
// ratio per article, readers' comments, searches that found nothing) and
// the button that reloads the articles from their folder.
type staffHelp struct {
	app.Compo
	ui.Localized

	me        *api.StaffSessionResponse
	data      *api.StaffHelpResponse
	err       error
	reloading bool
	reloaded  *api.StaffHelpReloadResponse
	reloadErr error
}

// NewStaffHelp returns the staff view of the help center.
func NewStaffHelp() app.Composer { return &staffHelp{} }

// OnNav loads in the browser only: the staff session is the browser's.
func (p *staffHelp) OnNav(ctx app.Context) {
	p.BindLocale(ctx)
	ctx.Page().SetTitle(p.T("staff.help.title") + " · " + p.T("app.name"))
	if app.IsServer {
		return
	}
	p.load(ctx)
}

func (p *staffHelp) load(ctx app.Context) {
	ctx.Async(func() {
		c := &api.Client{}
		me, err := c.StaffMe(context.Background())
		var data *api.StaffHelpResponse
		if err == nil {
			data, err = c.StaffHelp(context.Background())
		}
		ctx.Dispatch(func(ctx app.Context) {
			if StaffSignInNeeded(ctx, err) {
				return
			}
			p.me, p.data, p.err = me, data, err
		})
	})
}

func (p *staffHelp) reload(ctx app.Context, e app.Event) {
	if p.reloading {
		return
	}
	p.reloading, p.reloaded, p.reloadErr = true, nil, nil
	ctx.Async(func() {
		r, err := (&api.Client{}).StaffReloadHelp(context.Background())
		ctx.Dispatch(func(ctx app.Context) {
			if StaffSignInNeeded(ctx, err) {
				return
			}
			p.reloading, p.reloaded, p.reloadErr = false, r, err
			if err == nil {
				p.load(ctx)
			}
		})
	})
}

func (p *staffHelp) Render() app.UI {
	title := p.T("staff.help.title")
	if p.err != nil {
		return ui.Layout(p.Loc, "/staff", title, ui.LoadError(p.Loc, p.err, nil))
	}
	if p.data == nil {
		return ui.Layout(p.Loc, "/staff", title, ui.Loading(p.Loc))
	}
	d := p.data
	return ui.Layout(p.Loc, "/staff", title,
		NewStaffBar(p.Loc, p.me.User.Email),
		app.Section().Class("staff-section").Aria("labelledby", "staff-reload-title").Body(
			app.H2().ID("staff-reload-title").Text(p.T("staff.help.content")),
			app.P().Text(p.T("staff.help.loaded", "n", strconv.Itoa(len(d.Articles)), "time", i18n.FormatDateTime(p.Loc, d.LoadedAt.Local()))),
			app.If(d.LastReload != nil, func() app.UI {
				return app.P().Class("note").Text(p.T("staff.help.last_reload", "who", d.LastReload.Actor,
					"time", i18n.FormatDateTime(p.Loc, d.LastReload.At.Local())))
			}),
			app.Button().ID("staff-reload").Type("button").Class("button primary").Disabled(p.reloading).
				OnClick(p.reload).Text(p.T("staff.help.reload")),
			app.If(p.reloaded != nil, func() app.UI {
				return app.P().ID("staff-reload-result").Class("notice ok").Attr("role", "status").
					Text(p.T("staff.help.reloaded", "n", strconv.Itoa(p.reloaded.Articles)))
			}),
			app.If(p.reloadErr != nil, func() app.UI {
				msg := errorText(p.Loc, p.reloadErr)
				return app.Div().ID("staff-reload-result").Class("notice error").Attr("role", "alert").Body(
					app.P().Text(msg),
					app.Pre().Class("problems").Text(reloadProblems(p.reloadErr)),
				)
			}),
		),
		app.Section().Class("staff-section").Aria("labelledby", "staff-failed-title").Body(
			app.H2().ID("staff-failed-title").Text(p.T("staff.help.failed")),
			app.If(len(d.FailedSearches) == 0, func() app.UI {
				return app.P().Class("note").Text(p.T("staff.help.failed_none"))
			}).Else(func() app.UI {
				return app.Table().ID("staff-failed").Class("staff-table").Body(
					app.THead().Body(app.Tr().Body(
						app.Th().Scope("col").Text(p.T("staff.help.query")),
						app.Th().Scope("col").Text(p.T("staff.help.language")),
						app.Th().Scope("col").Class("num").Text(p.T("staff.help.count")),
					)),
					app.TBody().Body(
						app.Range(d.FailedSearches).Slice(func(i int) app.UI {
							f := d.FailedSearches[i]
							return app.Tr().Body(
								app.Td().Lang(f.Locale).Text(f.Query),
								app.Td().Text(i18n.LocaleNames[f.Locale]),
								app.Td().Class("num").Text(strconv.Itoa(f.Count)),
							)
						}),
					),
				)
			}),
		),
		app.Section().Class("staff-section").Aria("labelledby", "staff-articles-title").Body(
			app.H2().ID("staff-articles-title").Text(p.T("staff.help.articles")),
			app.Table().ID("staff-articles").Class("staff-table").Body(
				app.THead().Body(app.Tr().Body(
					app.Th().Scope("col").Text(p.T("staff.help.article")),
					app.Th().Scope("col").Class("num").Text(p.T("staff.help.views")),
					app.Th().Scope("col").Class("num").Text(p.T("staff.help.helpful")),
				)),
				app.TBody().Body(
					app.Range(d.Articles).Slice(func(i int) app.UI {
						a := d.Articles[i]
						ratio := "–"
						if a.Ratio != nil {
							ratio = strconv.Itoa(int(*a.Ratio*100+0.5)) + " %"
						}
						return app.Tr().Body(
							app.Td().Body(app.A().Href(a.Path).Text(a.Title)),
							app.Td().Class("num").Text(strconv.Itoa(a.Views)),
							app.Td().Class("num").Body(
								app.Span().Text(ratio),
								app.Span().Class("votes").Text(p.T("staff.help.votes", "n", strconv.Itoa(a.Helpful+a.Unhelpful))),
							),
						)
					}),
				),
			),
		),
		app.Section().Class("staff-section").Aria("labelledby", "staff-comments-title").Body(
			app.H2().ID("staff-comments-title").Text(p.T("staff.help.comments")),
			app.If(len(d.Comments) == 0, func() app.UI {
				return app.P().Class("note").Text(p.T("staff.help.comments_none"))
			}).Else(func() app.UI {
				return app.Ul().ID("staff-comments").Class("staff-comments").Body(
					app.Range(d.Comments).Slice(func(i int) app.UI {
						c := d.Comments[i]
						vote := p.T("staff.help.vote_no")
						if c.Helpful {
							vote = p.T("staff.help.vote_yes")
						}
						return app.Li().Class("card").Body(
							app.P().Class("note").Text(c.ArticleID+" · "+vote+" · "+i18n.LocaleNames[c.Locale]+" · "+
								i18n.FormatDateTime(p.Loc, c.At.Local())),
							app.P().Lang(c.Locale).Text(c.Text),
						)
					}),
				)
			}),
		),
	)
}

// reloadProblems is the list of problems a failed reload reported, one per
// line, as the server wrote them: they name the files staff must fix.
func reloadProblems(err error) string { return catalog.ErrorMessage(err) }

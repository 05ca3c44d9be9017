package portal

import (
	"context"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/portal/help"
	"vitrine/server/api"
)

// helpPage is the help center's home (/help), a category
// (/help/{category}) and a section (/help/{category}/{section}): at every
// level the most read and most helpful questions first, breadcrumbs, and
// the search box.
type helpPage struct {
	app.Compo
	ui.Localized

	place help.Place
	key   string // what the shown data is for: path and locale
	tree  *api.HelpTreeResponse
	level *api.HelpLevelResponse
	err   error
}

// NewHelp returns the help center's page of /help, /help/{category} and
// /help/{category}/{section}.
func NewHelp() app.Composer { return &helpPage{} }

// OnNav runs on the server's prerender and on every navigation in the
// browser, including from one level of the help center to another.
func (p *helpPage) OnNav(ctx app.Context) {
	bindLocale(ctx, &p.Localized, p.load)
	p.load(ctx)
}

func (p *helpPage) load(ctx app.Context) {
	path := ctx.Page().URL().Path
	place, ok := help.ParsePath(path)
	if !ok || place.ArticleID != "" {
		place = help.Place{Category: "-"} // not a level: the API answers not found
	}
	p.place = place
	locale := p.Loc
	key := path + "|" + locale
	p.key = key
	p.tree, p.level, p.err = nil, nil, nil
	ctx.Page().SetTitle(p.T("page.help") + " · " + p.T("app.name"))
	ctx.Async(func() {
		c := &api.Client{}
		var tree *api.HelpTreeResponse
		var level *api.HelpLevelResponse
		var err error
		if place.Category == "" {
			tree, err = c.HelpTree(context.Background(), locale)
		} else {
			level, err = c.HelpLevel(context.Background(), place.Category, place.Section, locale)
		}
		ctx.Dispatch(func(ctx app.Context) {
			if key != p.key {
				return // the reader has moved on
			}
			p.tree, p.level, p.err = tree, level, err
			if t := p.title(); level != nil {
				ctx.Page().SetTitle(t + " · " + p.T("page.help"))
			}
		})
	})
}

// title is the page's heading: the section's, the category's or the help
// center's.
func (p *helpPage) title() string {
	switch {
	case p.level != nil && p.level.Section != nil:
		return p.level.Section.Title.In(p.Loc)
	case p.level != nil:
		return p.level.Category.Title.In(p.Loc)
	default:
		return p.T("page.help")
	}
}

// loaded reports whether the shown data is the current place's.
func (p *helpPage) loaded() bool {
	return p.place.Category == "" && p.tree != nil || p.place.Category != "" && p.level != nil
}

func (p *helpPage) Render() app.UI {
	return ui.Layout(p.Loc, "/help", p.title(),
		app.If(p.err != nil, func() app.UI {
			return app.Div().Body(
				ui.LoadError(p.Loc, p.err, nil),
				app.P().Body(app.A().Href(help.Root).Text(p.T("help.back_home"))),
			)
		}).ElseIf(!p.loaded(), func() app.UI {
			return ui.Loading(p.Loc)
		}).ElseIf(p.level != nil, func() app.UI {
			return app.Div().Class("help").Body(
				breadcrumbs(p.Loc, p.level.Crumbs),
				&HelpSearch{Locale: p.Loc},
				p.renderLevel(),
			)
		}).Else(func() app.UI {
			return app.Div().Class("help").Body(
				app.P().Class("lead").Text(p.T("help.lead")),
				&HelpSearch{Locale: p.Loc},
				p.renderHome(),
			)
		}),
	)
}

// renderHome shows the most wanted questions, then every category with its
// best questions and its sections.
func (p *helpPage) renderHome() app.UI {
	r := p.tree
	return app.Div().Body(
		app.Section().Class("help-popular").Body(
			app.H2().Text(p.T("help.popular")),
			articleList(r.Popular, false),
		),
		app.Section().Class("help-categories").Body(
			app.H2().Class("visually-hidden").Text(p.T("help.categories")),
			app.Ul().Class("grid help-category-grid").Body(
				app.Range(r.Tree.Categories).Slice(func(i int) app.UI {
					c := r.Tree.Categories[i]
					top := topArticles(c, r.Articles, 3)
					n := 0
					for _, s := range c.Sections {
						n += len(s.Articles)
					}
					return app.Li().Class("card help-category").Body(
						app.H3().Class("card-title").Body(app.A().Href(help.CategoryPath(c.Slug)).Text(c.Title.In(p.Loc))),
						articleList(top, false),
						app.P().Class("more").Body(app.A().Href(help.CategoryPath(c.Slug)).
							Text(p.T("help.all_in_category", "n", strconv.Itoa(n)))),
					)
				}),
			),
		),
	)
}

// topArticles picks a category's best n questions from its sections, which
// are in display order: the first of each section, then the second, …
func topArticles(c help.Category, links map[string]api.HelpArticleLink, n int) []api.HelpArticleLink {
	var out []api.HelpArticleLink
	for round := 0; len(out) < n; round++ {
		added := false
		for _, s := range c.Sections {
			if round < len(s.Articles) && len(out) < n {
				if l, ok := links[s.Articles[round].ID]; ok {
					out = append(out, l)
					added = true
				}
			}
		}
		if !added {
			break
		}
	}
	return out
}

// renderLevel shows a category's sections with their questions, or one
// section's questions with their short answers.
func (p *helpPage) renderLevel() app.UI {
	l := p.level
	if l.Section != nil {
		return articleList(links(l.Section.Articles, l.Articles), true)
	}
	return app.Div().Body(
		app.Range(l.Category.Sections).Slice(func(i int) app.UI {
			s := l.Category.Sections[i]
			return app.Section().Class("help-section").Body(
				app.H2().Body(app.A().Href(help.SectionPath(l.Category.Slug, s.Slug)).Text(s.Title.In(p.Loc))),
				articleList(links(s.Articles, l.Articles), true),
			)
		}),
	)
}

// links returns the links of refs, in their order.
func links(refs []help.ArticleRef, all map[string]api.HelpArticleLink) []api.HelpArticleLink {
	out := make([]api.HelpArticleLink, 0, len(refs))
	for _, r := range refs {
		if l, ok := all[r.ID]; ok {
			out = append(out, l)
		}
	}
	return out
}

// articleList lists questions as links, with their one-line answers when
// withSummary is set.
func articleList(as []api.HelpArticleLink, withSummary bool) app.UI {
	return app.Ul().Class("article-list").Body(
		app.Range(as).Slice(func(i int) app.UI {
			a := as[i]
			return app.Li().Body(
				app.A().Href(a.Path).Text(a.Title),
				app.If(withSummary, func() app.UI { return app.P().Class("summary").Text(a.Summary) }),
			)
		}),
	)
}

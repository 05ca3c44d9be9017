package portal

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/app/ui"
	"vitrine/assets/i18n"
	"vitrine/portal/help"
	"vitrine/server/api"
)

// articlePage is one question and its answer:
// /help/{category}/{section}/{article}.
type articlePage struct {
	app.Compo
	ui.Localized

	id   string
	key  string
	resp *api.HelpArticleResponse
	err  error
}

// NewArticle returns the page of a help article.
func NewArticle() app.Composer { return &articlePage{} }

// OnNav runs on the server's prerender and on every navigation in the
// browser, including from one article to a related one.
func (p *articlePage) OnNav(ctx app.Context) {
	bindLocale(ctx, &p.Localized, p.load)
	p.load(ctx)
}

func (p *articlePage) load(ctx app.Context) {
	place, _ := help.ParsePath(ctx.Page().URL().Path)
	id, locale := place.ArticleID, p.Loc
	key := id + "|" + locale
	if key == p.key && p.resp != nil {
		return
	}
	p.id, p.key, p.resp, p.err = id, key, nil, nil
	// The browser's reading counts as a view; the server's prerender of the
	// same page does not, so each reading counts once.
	countView := app.IsClient
	ctx.Async(func() {
		resp, err := (&api.Client{}).HelpArticle(context.Background(), id, locale, countView)
		ctx.Dispatch(func(ctx app.Context) {
			if key != p.key {
				return
			}
			p.resp, p.err = resp, err
			if resp != nil {
				ctx.Page().SetTitle(resp.Article.Title + " · " + p.T("page.help"))
				ctx.Page().SetDescription(resp.Article.Summary)
			}
		})
	})
}

func (p *articlePage) Render() app.UI {
	if p.err != nil {
		return ui.Layout(p.Loc, "/help", p.T("help.not_found"),
			ui.LoadError(p.Loc, p.err, nil),
			&HelpSearch{Locale: p.Loc},
			app.P().Body(app.A().Href(help.Root).Text(p.T("help.back_home"))),
		)
	}
	if p.resp == nil {
		return ui.Layout(p.Loc, "/help", p.T("loading"), ui.Loading(p.Loc))
	}
	a := p.resp.Article
	return ui.Layout(p.Loc, "/help", a.Title,
		app.Div().Class("help help-article").Body(
			breadcrumbs(p.Loc, p.resp.Crumbs),
			app.If(a.Fallback, func() app.UI {
				return app.P().ID("article-fallback").Class("notice").Lang("en").Text(p.T("help.article.fallback"))
			}),
			// The server rendered the Markdown and sanitised the HTML
			// (goldmark, then bluemonday): it is inserted as is.
			app.Raw(`<div class="article-body" id="article-body">`+a.HTML+`</div>`),
			app.P().Class("note updated").Text(p.T("help.article.updated", "date", i18n.FormatDate(p.Loc, a.Updated))),
			&helpFeedback{ArticleID: a.ID, Locale: p.Loc},
			app.If(len(p.resp.Related) > 0, func() app.UI {
				return app.Section().Class("related").Body(
					app.H2().Text(p.T("help.article.related")),
					articleList(p.resp.Related, false),
				)
			}),
			&HelpSearch{Locale: p.Loc},
		),
	)
}

// helpFeedback is "Was this helpful? Yes / No" under an article. Yes is
// recorded at once; No opens an optional comment and offers to contact us,
// and is recorded when sent. Either way the reader sees their vote was
// taken.
type helpFeedback struct {
	app.Compo
	ArticleID string
	Locale    string

	step    feedbackStep
	helpful bool
	comment string
	err     error
	// votedOn is the article of the vote on screen, so that switching the
	// language keeps "thank you" while opening another article starts over.
	votedOn string
}

type feedbackStep int

const (
	feedbackAsk     feedbackStep = iota
	feedbackComment              // "No": the optional comment
	feedbackSending
	feedbackThanks
)

// OnUpdate starts over when the page shows another article.
func (f *helpFeedback) OnUpdate(ctx app.Context) {
	if f.ArticleID != f.votedOn {
		f.step, f.comment, f.err, f.votedOn = feedbackAsk, "", nil, ""
	}
}

func (f *helpFeedback) t(key string, args ...string) string { return i18n.T(f.Locale, key, args...) }

func (f *helpFeedback) yes(ctx app.Context, e app.Event) {
	f.helpful = true
	f.send(ctx)
}

func (f *helpFeedback) no(ctx app.Context, e app.Event) {
	f.helpful, f.step, f.err, f.votedOn = false, feedbackComment, nil, f.ArticleID
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID("feedback-comment"); el.Truthy() {
			el.Call("focus")
		}
	})
}

func (f *helpFeedback) onComment(ctx app.Context, e app.Event) {
	f.comment = ctx.JSSrc().Get("value").String()
}

func (f *helpFeedback) submitComment(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if utf8.RuneCountInString(strings.TrimSpace(f.comment)) > help.MaxCommentRunes {
		return // the counter already says so
	}
	f.send(ctx)
}

func (f *helpFeedback) send(ctx app.Context) {
	id, req := f.ArticleID, api.HelpFeedbackRequest{Helpful: &f.helpful, Comment: f.comment, Locale: f.Locale}
	back := f.step
	f.step, f.err, f.votedOn = feedbackSending, nil, id
	ctx.Async(func() {
		err := (&api.Client{}).HelpFeedback(context.Background(), id, req)
		ctx.Dispatch(func(ctx app.Context) {
			if id != f.ArticleID {
				return
			}
			if err != nil {
				f.step, f.err = back, err
				return
			}
			f.step = feedbackThanks
		})
	})
}

func (f *helpFeedback) Render() app.UI {
	n := utf8.RuneCountInString(strings.TrimSpace(f.comment))
	return app.Section().ID("feedback").Class("feedback").Aria("labelledby", "feedback-title").Body(
		app.H2().ID("feedback-title").Text(f.t("help.feedback.question")),
		app.If(f.step == feedbackThanks, func() app.UI {
			return app.Div().Body(
				app.P().ID("feedback-thanks").Class("notice ok").Attr("role", "status").Text(f.t("help.feedback.thanks")),
				app.If(!f.helpful, func() app.UI {
					return app.P().Body(
						app.Text(f.t("help.feedback.still")+" "),
						app.A().Href("/contact").Text(f.t("help.contact.write")),
					)
				}),
			)
		}).ElseIf(f.step == feedbackComment || f.step == feedbackSending && !f.helpful, func() app.UI {
			return app.Form().Class("feedback-comment").Attr("novalidate", true).OnSubmit(f.submitComment).Body(
				app.Label().For("feedback-comment").Text(f.t("help.feedback.comment_label")),
				app.Textarea().ID("feedback-comment").Rows(4).MaxLength(help.MaxCommentRunes).
					Aria("describedby", "feedback-count").Text(f.comment).OnInput(f.onComment),
				app.P().ID("feedback-count").Class(countClass(n, help.MaxCommentRunes)).
					Text(f.t("help.feedback.count", "n", strconv.Itoa(n), "max", strconv.Itoa(help.MaxCommentRunes))),
				app.Div().Class("actions").Body(
					app.Button().ID("feedback-send").Type("submit").Class("button primary").
						Disabled(f.step == feedbackSending).Text(f.t("help.feedback.send")),
					app.A().Class("button").Href("/contact").Text(f.t("help.contact.write")),
				),
				app.If(f.err != nil, func() app.UI {
					return app.P().Class("field-error").Attr("role", "alert").Text(errorText(f.Locale, f.err))
				}),
			)
		}).Else(func() app.UI {
			return app.Div().Body(
				app.Div().Class("actions").Body(
					app.Button().ID("vote-yes").Type("button").Class("button").Disabled(f.step == feedbackSending).
						OnClick(f.yes).Text(f.t("help.feedback.yes")),
					app.Button().ID("vote-no").Type("button").Class("button").Disabled(f.step == feedbackSending).
						OnClick(f.no).Text(f.t("help.feedback.no")),
				),
				app.If(f.err != nil, func() app.UI {
					return app.P().Class("field-error").Attr("role", "alert").Text(errorText(f.Locale, f.err))
				}),
			)
		}),
	)
}

// countClass is the class of a character counter: "over" past the limit.
func countClass(n, max int) string {
	if n > max {
		return "note counter over"
	}
	return "note counter"
}

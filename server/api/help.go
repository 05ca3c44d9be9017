package api

import (
	"context"
	"net/url"
	"strconv"
	"time"

	"vitrine/portal/help"
)

// HelpArticleLink is an article as lists show it: its title and one-line
// answer in the reader's language, and the path of its page.
type HelpArticleLink struct {
	ID       string `json:"id"`
	Category string `json:"category"`
	Section  string `json:"section"`
	Title    string `json:"title"`
	Summary  string `json:"summary"`
	// Fallback is true when the text is English because the article is not
	// translated into the requested language yet.
	Fallback bool   `json:"fallback,omitempty"`
	Path     string `json:"path"`
}

// HelpCategoryLink is a category of the help tree as a link.
type HelpCategoryLink struct {
	Slug  string `json:"slug"`
	Title string `json:"title"`
	Path  string `json:"path"`
}

// HelpTreeResponse is the body of GET /api/v1/help/tree?locale=: the whole
// tree in display order (most read and most helpful first at every level),
// the articles' titles, and the most wanted questions overall.
type HelpTreeResponse struct {
	Locale string    `json:"locale"`
	Tree   help.Tree `json:"tree"`
	// Articles holds every article of the tree as a link, by ID.
	Articles map[string]HelpArticleLink `json:"articles"`
	// Popular lists the questions with the highest score, for the top of
	// the help center's home.
	Popular []HelpArticleLink `json:"popular"`
}

// HelpLevelResponse is the body of GET /api/v1/help/categories/{category}
// and GET /api/v1/help/categories/{category}/{section}: one category (with
// all its sections, in display order) or one section of it.
type HelpLevelResponse struct {
	Locale   string        `json:"locale"`
	Crumbs   []help.Crumb  `json:"crumbs"`
	Category help.Category `json:"category"`
	// Section is set for a section's level.
	Section  *help.Section              `json:"section,omitempty"`
	Articles map[string]HelpArticleLink `json:"articles"`
}

// HelpArticleResponse is the body of GET /api/v1/help/articles/{id}?locale=.
// Article.HTML is sanitised on the server and safe to insert as is;
// Article.Body (the Markdown) is left out.
type HelpArticleResponse struct {
	Article help.Article      `json:"article"`
	Path    string            `json:"path"`
	Crumbs  []help.Crumb      `json:"crumbs"`
	Related []HelpArticleLink `json:"related"`
	// Translations are the locales the article is written in.
	Translations []string `json:"translations"`
}

// HelpSearchHit is one search result: the article, its path, and a snippet
// with the matched words in <mark> (all other text escaped).
type HelpSearchHit struct {
	help.SearchResult
	Path string `json:"path"`
}

// ContactOptions are the ways to reach a person, shown when the help center
// has no answer. The opening hours and reply time are UI text (keys
// contact.hours and contact.reply_time).
type ContactOptions struct {
	Phone    string `json:"phone"`
	PhoneURI string `json:"phoneUri"`
	Email    string `json:"email"`
	Path     string `json:"path"`
}

// HelpSearchResponse is the body of GET /api/v1/help/search?q=&locale=.
// When nothing is found, the search is recorded for staff and Categories
// and Contact offer a way on.
type HelpSearchResponse struct {
	Query   string          `json:"query"`
	Locale  string          `json:"locale"`
	Results []HelpSearchHit `json:"results"`
	// Categories are set when Results is empty: the categories that seem
	// closest to the query, else the most read.
	Categories []HelpCategoryLink `json:"categories,omitempty"`
	Contact    *ContactOptions    `json:"contact,omitempty"`
}

// HelpFeedbackRequest is the body of POST /api/v1/help/articles/{id}/feedback.
// Helpful is required (a pointer, so that a missing vote is not "no").
type HelpFeedbackRequest struct {
	Helpful *bool  `json:"helpful"`
	Comment string `json:"comment,omitempty"`
	Locale  string `json:"locale"`
}

// HelpFeedbackResponse acknowledges a vote.
type HelpFeedbackResponse struct {
	Recorded bool `json:"recorded"`
}

// HelpContextResponse is the body of GET /api/v1/help/context/{context}:
// the articles most relevant where the customer is (the order page, the
// returns flow, the configurator …).
type HelpContextResponse struct {
	Context  string            `json:"context"`
	Articles []HelpArticleLink `json:"articles"`
}

// ContactRequest is the body of POST /api/v1/contact. Order is optional.
type ContactRequest struct {
	Name    string `json:"name"`
	Email   string `json:"email"`
	Order   string `json:"order,omitempty"`
	Topic   string `json:"topic"`
	Message string `json:"message"`
	Locale  string `json:"locale"`
}

// ContactResponse is the answer to a message: its ticket's reference.
type ContactResponse struct {
	Reference string    `json:"reference"`
	Email     string    `json:"email"`
	CreatedAt time.Time `json:"createdAt"`
}

func localeQuery(locale string, more ...string) string {
	q := url.Values{}
	q.Set("locale", locale)
	for i := 0; i+1 < len(more); i += 2 {
		if more[i+1] != "" {
			q.Set(more[i], more[i+1])
		}
	}
	return "?" + q.Encode()
}

// HelpTree returns the help center's tree in display order, in locale.
func (c *Client) HelpTree(ctx context.Context, locale string) (*HelpTreeResponse, error) {
	var r HelpTreeResponse
	if err := c.get(ctx, Prefix+"/help/tree"+localeQuery(locale), &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// HelpLevel returns a category of the help tree, or one of its sections
// when section is not empty.
func (c *Client) HelpLevel(ctx context.Context, category, section, locale string) (*HelpLevelResponse, error) {
	path := Prefix + "/help/categories/" + url.PathEscape(category)
	if section != "" {
		path += "/" + url.PathEscape(section)
	}
	var r HelpLevelResponse
	if err := c.get(ctx, path+localeQuery(locale), &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// HelpArticle returns an article in locale. countView says whether this
// reading counts in the article's views: the browser's does, the server's
// prerender of the same page does not, so a page load counts once.
func (c *Client) HelpArticle(ctx context.Context, id, locale string, countView bool) (*HelpArticleResponse, error) {
	view := ""
	if !countView {
		view = "0"
	}
	var r HelpArticleResponse
	if err := c.get(ctx, Prefix+"/help/articles/"+url.PathEscape(id)+localeQuery(locale, "view", view), &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// HelpSearch searches the help center in locale.
func (c *Client) HelpSearch(ctx context.Context, q, locale string, limit int) (*HelpSearchResponse, error) {
	lim := ""
	if limit > 0 {
		lim = strconv.Itoa(limit)
	}
	var r HelpSearchResponse
	if err := c.get(ctx, Prefix+"/help/search"+localeQuery(locale, "q", q, "limit", lim), &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// HelpFeedback records a reader's vote on an article.
func (c *Client) HelpFeedback(ctx context.Context, id string, f HelpFeedbackRequest) error {
	return c.Do(ctx, "POST", Prefix+"/help/articles/"+url.PathEscape(id)+"/feedback", f, &HelpFeedbackResponse{})
}

// HelpContext returns up to limit articles for a place of the store.
func (c *Client) HelpContext(ctx context.Context, context, locale string, limit int) ([]HelpArticleLink, error) {
	lim := ""
	if limit > 0 {
		lim = strconv.Itoa(limit)
	}
	var r HelpContextResponse
	err := c.get(ctx, Prefix+"/help/context/"+url.PathEscape(context)+localeQuery(locale, "limit", lim), &r)
	return r.Articles, err
}

// Contact sends a message to the support team and returns its reference.
func (c *Client) Contact(ctx context.Context, m ContactRequest) (*ContactResponse, error) {
	var r ContactResponse
	if err := c.Do(ctx, "POST", Prefix+"/contact", m, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

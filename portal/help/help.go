// Package help is the help center's domain: a tree of categories › sections ›
// articles, the order in which the tree is shown, breadcrumbs, readers'
// feedback and the searches that found nothing. It is pure Go and small on
// purpose: the browser (wasm) build imports it, so Markdown rendering, the
// search index and storage live in the packages beside it (content, search)
// and in server/sqlite, never here.
package help

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"vitrine/showroom/catalog"
)

// Limits on what a reader may send, so that one request cannot fill the
// database; the form shows them as a character counter.
const (
	// MaxCommentRunes bounds the optional comment left with a vote.
	MaxCommentRunes = 1000
	// MaxQueryRunes bounds a search query; longer ones are not searches.
	MaxQueryRunes = 200
)

// Category is the top level of the help tree ("Returns & exchanges").
type Category struct {
	Slug  string       `json:"slug"`
	Title catalog.Text `json:"title"`
	// Position is the editorial order, used when readers' signals tie.
	Position int       `json:"position"`
	Sections []Section `json:"sections"`
}

// Section groups the articles of a category ("Refunds").
type Section struct {
	Slug     string       `json:"slug"`
	Category string       `json:"category"`
	Title    catalog.Text `json:"title"`
	Position int          `json:"position"`
	// Articles are the IDs and editorial ranks of the section's articles, in
	// display order once the tree has been through Ordered.
	Articles []ArticleRef `json:"articles"`
}

// ArticleRef names an article in the tree without its text, so that the tree
// is the same for every language and cheap to copy and reorder.
type ArticleRef struct {
	ID string `json:"id"`
	// Rank is the editors' importance, 1 being the most important question
	// of the whole help center; 0 means unranked.
	Rank int `json:"rank"`
}

// Article is one question and its answer in one language.
type Article struct {
	// ID is the article's slug, the same in every language.
	ID       string `json:"id"`
	Category string `json:"category"`
	Section  string `json:"section"`
	// Locale is the language the article is served for. When Fallback is
	// true the text is the English one, because no translation exists yet:
	// the page then says "Not yet available in your language".
	Locale   string `json:"locale"`
	Fallback bool   `json:"fallback,omitempty"`
	Title    string `json:"title"`
	Summary  string `json:"summary"`
	// Body is the Markdown source; HTML is the same rendered and sanitised,
	// safe to insert into the page as is.
	Body string `json:"body"`
	HTML string `json:"html"`
	// Related lists the IDs of related articles; the relation is symmetric.
	Related  []string `json:"related,omitempty"`
	Keywords []string `json:"keywords,omitempty"`
	// Contexts name the places of the store where the article is offered as
	// contextual help ("returns", "configurator", …).
	Contexts []string  `json:"contexts,omitempty"`
	Updated  time.Time `json:"updated"`
	Rank     int       `json:"rank"`
}

// TextLocale returns the language the article's text is written in, which
// differs from Locale for a fallback; search uses it to pick the analyzer.
func (a *Article) TextLocale() string {
	if a.Fallback {
		return "en"
	}
	return a.Locale
}

// Tree is the whole help center's structure, the same in every language.
type Tree struct {
	Categories []Category `json:"categories"`
}

// Category returns the category with the given slug.
func (t Tree) Category(slug string) (Category, bool) {
	for _, c := range t.Categories {
		if c.Slug == slug {
			return c, true
		}
	}
	return Category{}, false
}

// Section returns the section with the given slugs.
func (t Tree) Section(category, section string) (Section, bool) {
	c, ok := t.Category(category)
	if !ok {
		return Section{}, false
	}
	for _, s := range c.Sections {
		if s.Slug == section {
			return s, true
		}
	}
	return Section{}, false
}

// Feedback is a reader's answer to "Was this helpful?".
type Feedback struct {
	ArticleID string `json:"articleId"`
	// Locale is the language the reader read the article in, so staff know
	// which translation a complaint is about.
	Locale  string `json:"locale"`
	Helpful bool   `json:"helpful"`
	// Comment is optional, at most MaxCommentRunes characters.
	Comment string `json:"comment,omitempty"`
	// At is when the vote was cast; the caller stamps it with its clock.
	At time.Time `json:"at"`
}

// Validate reports the first problem with f as an EINVALID *catalog.Error,
// with the field it is about so that the form can show it there. It trims
// the comment in place, so that a comment of spaces counts as none.
func (f *Feedback) Validate() error {
	f.Comment = strings.TrimSpace(f.Comment)
	switch {
	case !catalog.ValidSlug(f.ArticleID):
		return catalog.FieldError("articleId", "help.err.article", "This article does not exist.")
	case !ValidLocale(f.Locale):
		return catalog.FieldError("locale", "help.err.locale", "This language is not supported.")
	case !utf8.ValidString(f.Comment):
		return catalog.FieldError("comment", "help.err.comment_encoding", "The comment contains characters we cannot read.")
	case utf8.RuneCountInString(f.Comment) > MaxCommentRunes:
		return catalog.FieldError("comment", "help.err.comment_too_long", "The comment is too long: please keep it to 1000 characters or fewer.")
	case f.At.IsZero():
		return catalog.Errorf(catalog.EINVALID, "feedback on %s has no time", f.ArticleID)
	}
	return nil
}

// Stats are an article's readers' signals, summed over all languages.
type Stats struct {
	ArticleID string `json:"articleId"`
	Views     int    `json:"views"`
	Helpful   int    `json:"helpful"`
	Unhelpful int    `json:"unhelpful"`
}

// HelpfulRatio returns the share of votes that said "helpful", or 0 when
// nobody has voted (the staff list shows "–" then, not 0 %).
func (s Stats) HelpfulRatio() float64 {
	if s.Helpful+s.Unhelpful == 0 {
		return 0
	}
	return float64(s.Helpful) / float64(s.Helpful+s.Unhelpful)
}

// SearchResult is one article found by a search.
type SearchResult struct {
	ArticleID string `json:"articleId"`
	Category  string `json:"category"`
	Section   string `json:"section"`
	Locale    string `json:"locale"`
	Fallback  bool   `json:"fallback,omitempty"`
	Title     string `json:"title"`
	// Snippet is HTML: the matched words are wrapped in <mark> and all other
	// text is escaped, so it can be inserted into the page as is.
	Snippet string  `json:"snippet"`
	Score   float64 `json:"score"`
}

// FailedSearch is a search that found nothing, kept so staff can see what
// readers look for and do not find.
type FailedSearch struct {
	Query  string    `json:"query"`
	Locale string    `json:"locale"`
	At     time.Time `json:"at"`
}

// Validate normalises the query in place (see NormalizeQuery) and reports
// the first problem as an EINVALID *catalog.Error.
func (s *FailedSearch) Validate() error {
	s.Query = NormalizeQuery(s.Query)
	switch {
	case s.Query == "":
		return catalog.FieldError("query", "help.err.query_empty", "Type something to search for.")
	case !utf8.ValidString(s.Query):
		return catalog.FieldError("query", "help.err.query_encoding", "The search contains characters we cannot read.")
	case utf8.RuneCountInString(s.Query) > MaxQueryRunes:
		return catalog.FieldError("query", "help.err.query_too_long", "The search is too long.")
	case !ValidLocale(s.Locale):
		return catalog.FieldError("locale", "help.err.locale", "This language is not supported.")
	case s.At.IsZero():
		return catalog.Errorf(catalog.EINVALID, "failed search %q has no time", s.Query)
	}
	return nil
}

// FailedSearchCount is one line of the staff list of searches that found
// nothing: the same query in the same language, counted.
type FailedSearchCount struct {
	Query  string    `json:"query"`
	Locale string    `json:"locale"`
	Count  int       `json:"count"`
	Last   time.Time `json:"last"`
}

// Comment is a reader's comment on an article, as staff read it.
type Comment struct {
	ArticleID string    `json:"articleId"`
	Locale    string    `json:"locale"`
	Helpful   bool      `json:"helpful"`
	Text      string    `json:"text"`
	At        time.Time `json:"at"`
}

// NormalizeQuery trims a query, collapses runs of spaces and lowercases it,
// so that "Refund " and "refund" count as the same failed search.
func NormalizeQuery(q string) string {
	return strings.ToLower(strings.Join(strings.Fields(q), " "))
}

// ValidLocale reports whether locale is one the store is written in.
func ValidLocale(locale string) bool {
	for _, l := range catalog.Locales {
		if l == locale {
			return true
		}
	}
	return false
}

// Store keeps readers' signals. The articles themselves are Markdown files
// (package content), not in the store, so the store does not know which IDs
// exist: callers check the ID against the library first and answer
// ENOTFOUND themselves.
type Store interface {
	// RecordView counts one reading of the article at the given time.
	// Returns EINVALID if articleID is not a well-formed article ID.
	RecordView(ctx context.Context, articleID string, at time.Time) error

	// RecordFeedback stores a vote and its optional comment. Returns
	// EINVALID (with the field) if f does not pass Feedback.Validate, and
	// then stores nothing.
	RecordFeedback(ctx context.Context, f Feedback) error

	// ArticleStats returns an article's counters; an article nobody has
	// read or voted on has zero counters, not ENOTFOUND.
	ArticleStats(ctx context.Context, articleID string) (Stats, error)

	// Stats returns the counters of every article that has any, keyed by ID.
	Stats(ctx context.Context) (map[string]Stats, error)

	// Comments returns up to limit non-empty comments, newest first; all
	// articles' when articleID is "", else that article's. Returns EINVALID
	// if limit is not positive.
	Comments(ctx context.Context, articleID string, limit int) ([]Comment, error)

	// RecordFailedSearch counts a search that found nothing. The query is
	// normalised (NormalizeQuery) so variants of one query count together.
	// Returns EINVALID if s does not pass FailedSearch.Validate.
	RecordFailedSearch(ctx context.Context, s FailedSearch) error

	// TopFailedSearches returns up to limit queries that found nothing on or
	// after since's UTC day (searches are counted per day), the most frequent
	// first, ties the most recent first. Returns EINVALID if limit is not
	// positive.
	TopFailedSearches(ctx context.Context, since time.Time, limit int) ([]FailedSearchCount, error)
}

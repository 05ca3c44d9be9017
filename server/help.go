package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"vitrine/portal/help"
	"vitrine/portal/help/content"
	"vitrine/portal/help/search"
	"vitrine/portal/staff"
	"vitrine/portal/support"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// Help center API (issue 7): the tree, its levels, articles, search,
// feedback and contextual help. The articles are files (package content),
// loaded at start and on reload; readers' signals are in Config.Help.

// helpContent is one loaded version of the help content with its search
// index. Requests hold it (acquire/release) while they use it, so that a
// reload can swap in a new version at once and close the old index only
// after the last search still using it has returned.
type helpContent struct {
	lib      *content.Library
	index    *search.Index
	loadedAt time.Time

	mu      sync.Mutex
	refs    int
	retired bool // replaced by a newer version
	closed  bool // index closed: no request may use it any more
}

// release ends one request's use; the last use of a retired version closes
// its index.
func (c *helpContent) release() {
	c.mu.Lock()
	c.refs--
	closeNow := c.retired && c.refs == 0 && !c.closed
	if closeNow {
		c.closed = true
	}
	c.mu.Unlock()
	if closeNow {
		c.index.Close()
	}
}

// retire marks c as replaced and closes its index if nobody uses it.
func (c *helpContent) retire() {
	c.mu.Lock()
	c.retired = true
	closeNow := c.refs == 0 && !c.closed
	if closeNow {
		c.closed = true
	}
	c.mu.Unlock()
	if closeNow {
		c.index.Close()
	}
}

// isClosed reports whether c's index has been closed (for tests).
func (c *helpContent) isClosed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.closed
}

// helpCenter holds the help content being served.
type helpCenter struct {
	load func() (*content.Library, error)
	now  func() time.Time
	cur  atomic.Pointer[helpContent]
	// reloading serialises reloads, so two staff pressing the button at
	// once build one index after the other, not two at the same time.
	reloading sync.Mutex
}

func newHelpCenter(load func() (*content.Library, error), now func() time.Time) (*helpCenter, error) {
	h := &helpCenter{load: load, now: now}
	if _, err := h.reload(); err != nil {
		return nil, err
	}
	return h, nil
}

// acquire returns the current content, held until release. A version
// closed between loading the pointer and holding it has been replaced, so
// the loop takes the new one.
func (h *helpCenter) acquire() *helpContent {
	for {
		c := h.cur.Load()
		c.mu.Lock()
		if !c.closed {
			c.refs++
			c.mu.Unlock()
			return c
		}
		c.mu.Unlock()
	}
}

// reload loads the content again and builds its index; only when both
// succeed does it swap them in. On error the current content stays.
func (h *helpCenter) reload() (*helpContent, error) {
	h.reloading.Lock()
	defer h.reloading.Unlock()
	lib, err := h.load()
	if err != nil {
		return nil, err
	}
	idx, err := search.New(lib.Searchable())
	if err != nil {
		return nil, err
	}
	next := &helpContent{lib: lib, index: idx, loadedAt: h.now()}
	if old := h.cur.Swap(next); old != nil {
		old.retire()
	}
	return next, nil
}

// ReloadHelp loads the help content again (Config.HelpContent) and swaps it
// in with a new search index; searches in flight finish on the old one.
// The program calls it on SIGHUP; staff call it from /staff/help.
func (s *Server) ReloadHelp() (articles int, err error) {
	if s.help == nil {
		return 0, fmt.Errorf("the help center is not configured")
	}
	c, err := s.help.reload()
	if err != nil {
		logHelpProblem(s.log, err)
		return 0, fmt.Errorf("reload help content: %w", err)
	}
	s.log.Info("help content reloaded", "articles", c.lib.Len())
	return c.lib.Len(), nil
}

// helpRoutes registers the help center's API when it is configured.
func (s *Server) helpRoutes(mux *http.ServeMux) {
	if s.help != nil && s.cfg.Help != nil {
		mux.HandleFunc("GET "+api.Prefix+"/help/tree", s.helpTree)
		mux.HandleFunc("GET "+api.Prefix+"/help/categories/{category}", s.helpLevel)
		mux.HandleFunc("GET "+api.Prefix+"/help/categories/{category}/{section}", s.helpLevel)
		mux.HandleFunc("GET "+api.Prefix+"/help/articles/{id}", s.helpArticle)
		mux.HandleFunc("POST "+api.Prefix+"/help/articles/{id}/feedback", s.helpFeedback)
		mux.HandleFunc("GET "+api.Prefix+"/help/search", s.helpSearch)
		mux.HandleFunc("GET "+api.Prefix+"/help/context/{context}", s.helpContext)
	}
	if s.cfg.Support != nil {
		mux.HandleFunc("POST "+api.Prefix+"/contact", s.contact)
	}
}

// helpLocale reads ?locale=; none means English.
func helpLocale(r *http.Request) (string, error) {
	l := r.URL.Query().Get("locale")
	if l == "" {
		return "en", nil
	}
	if !help.ValidLocale(l) {
		return "", catalog.FieldError("locale", "help.err.locale", "This language is not supported.")
	}
	return l, nil
}

// queryLimit reads ?limit= between 1 and max; none means def.
func queryLimit(r *http.Request, def, max int) (int, error) {
	v := r.URL.Query().Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > max {
		return 0, catalog.Errorf(catalog.EINVALID, "limit must be a number from 1 to %d.", max)
	}
	return n, nil
}

func articleLink(a help.Article) api.HelpArticleLink {
	return api.HelpArticleLink{ID: a.ID, Category: a.Category, Section: a.Section, Title: a.Title,
		Summary: a.Summary, Fallback: a.Fallback, Path: help.ArticlePath(a.Category, a.Section, a.ID)}
}

func articleLinks(as []help.Article) []api.HelpArticleLink {
	out := make([]api.HelpArticleLink, 0, len(as))
	for _, a := range as {
		out = append(out, articleLink(a))
	}
	return out
}

// orderedTree returns the tree in display order by readers' signals.
func (s *Server) orderedTree(ctx context.Context, lib *content.Library) (help.Tree, map[string]help.Stats, error) {
	stats, err := s.cfg.Help.Stats(ctx)
	if err != nil {
		return help.Tree{}, nil, err
	}
	return help.Ordered(lib.Tree(), stats), stats, nil
}

// linksOf returns, by ID, the links in locale of the articles of the
// sections keep accepts.
func linksOf(lib *content.Library, t help.Tree, locale string, keep func(c help.Category, s help.Section) bool) map[string]api.HelpArticleLink {
	out := map[string]api.HelpArticleLink{}
	for _, c := range t.Categories {
		for _, sec := range c.Sections {
			if !keep(c, sec) {
				continue
			}
			for _, ref := range sec.Articles {
				if a, err := lib.Article(ref.ID, locale); err == nil {
					out[a.ID] = articleLink(a)
				}
			}
		}
	}
	return out
}

// popularCount is how many questions the help center's home puts first.
const popularCount = 5

func (s *Server) helpTree(w http.ResponseWriter, r *http.Request) {
	locale, err := helpLocale(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	c := s.help.acquire()
	defer c.release()
	tree, stats, err := s.orderedTree(r.Context(), c.lib)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	ids := c.lib.IDs()
	rank := map[string]int{}
	for _, cat := range tree.Categories {
		for _, sec := range cat.Sections {
			for _, a := range sec.Articles {
				rank[a.ID] = a.Rank
			}
		}
	}
	// IDs come in editorial order; a stable sort keeps it for equal scores.
	sort.SliceStable(ids, func(i, j int) bool {
		return help.Score(stats[ids[i]], rank[ids[i]]) > help.Score(stats[ids[j]], rank[ids[j]])
	})
	resp := api.HelpTreeResponse{Locale: locale, Tree: tree,
		Articles: linksOf(c.lib, tree, locale, func(help.Category, help.Section) bool { return true })}
	for _, id := range ids[:min(popularCount, len(ids))] {
		resp.Popular = append(resp.Popular, resp.Articles[id])
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) helpLevel(w http.ResponseWriter, r *http.Request) {
	locale, err := helpLocale(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	place := help.Place{Category: r.PathValue("category"), Section: r.PathValue("section")}
	c := s.help.acquire()
	defer c.release()
	tree, _, err := s.orderedTree(r.Context(), c.lib)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	crumbs, err := help.Breadcrumbs(tree, locale, place)
	if err != nil {
		writeError(w, r, s.log, notFoundKey(err, "help.err.not_found"))
		return
	}
	cat, _ := tree.Category(place.Category)
	resp := api.HelpLevelResponse{Locale: locale, Crumbs: crumbs, Category: cat}
	if place.Section != "" {
		sec, _ := tree.Section(place.Category, place.Section)
		resp.Section = &sec
	}
	resp.Articles = linksOf(c.lib, tree, locale, func(hc help.Category, hs help.Section) bool {
		return hc.Slug == place.Category && (place.Section == "" || hs.Slug == place.Section)
	})
	writeJSON(w, http.StatusOK, resp)
}

// notFoundKey gives a not-found error a translation key, so that the page
// says "this page does not exist" in the reader's language.
func notFoundKey(err error, key string) error {
	if catalog.ErrorCode(err) == catalog.ENOTFOUND {
		return &catalog.Error{Code: catalog.ENOTFOUND, Key: key, Message: catalog.ErrorMessage(err)}
	}
	return err
}

func (s *Server) helpArticle(w http.ResponseWriter, r *http.Request) {
	locale, err := helpLocale(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	id := r.PathValue("id")
	c := s.help.acquire()
	defer c.release()
	a, err := c.lib.Article(id, locale)
	if err != nil {
		writeError(w, r, s.log, notFoundKey(err, "help.err.not_found"))
		return
	}
	related, err := c.lib.Related(id, locale)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	crumbs, err := help.Breadcrumbs(c.lib.Tree(), locale,
		help.Place{Category: a.Category, Section: a.Section, ArticleID: a.ID, ArticleTitle: a.Title})
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	// The prerender of the page asks with view=0, so a reading counts once.
	if r.URL.Query().Get("view") != "0" {
		if err := s.cfg.Help.RecordView(r.Context(), a.ID, s.cfg.Now()); err != nil {
			// A lost view is not worth failing the reader's page for.
			s.log.Error("record help view", "article", a.ID, "err", err)
		}
	}
	a.Body = "" // the page shows the HTML; the Markdown would double the size
	writeJSON(w, http.StatusOK, api.HelpArticleResponse{Article: a, Crumbs: crumbs,
		Path: help.ArticlePath(a.Category, a.Section, a.ID), Related: articleLinks(related),
		Translations: c.lib.Translations(a.ID)})
}

// feedbackBodyBytes bounds a vote's body: a comment of MaxCommentRunes
// characters of up to four bytes each, JSON-escaped, fits with room.
const feedbackBodyBytes = 16 << 10

func (s *Server) helpFeedback(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var req api.HelpFeedbackRequest
	if err := decodeJSONLimit(w, r, &req, feedbackBodyBytes); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	c := s.help.acquire()
	_, err := c.lib.Article(id, "en")
	c.release()
	if err != nil {
		writeError(w, r, s.log, notFoundKey(err, "help.err.not_found"))
		return
	}
	if req.Helpful == nil {
		writeError(w, r, s.log, catalog.FieldError("helpful", "help.err.helpful_missing", "Say whether the article helped."))
		return
	}
	if req.Locale == "" {
		req.Locale = "en"
	}
	f := help.Feedback{ArticleID: id, Locale: req.Locale, Helpful: *req.Helpful, Comment: req.Comment, At: s.cfg.Now()}
	if err := s.cfg.Help.RecordFeedback(r.Context(), f); err != nil {
		writeError(w, r, s.log, err)
		return
	}
	writeJSON(w, http.StatusCreated, api.HelpFeedbackResponse{Recorded: true})
}

// relatedCategoriesCount is how many categories a search that found nothing
// offers instead.
const relatedCategoriesCount = 3

func (s *Server) helpSearch(w http.ResponseWriter, r *http.Request) {
	locale, err := helpLocale(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	q := r.URL.Query().Get("q")
	// Bytes first: counting the characters of a huge query is work too.
	if len(q) > 4*help.MaxQueryRunes || utf8.RuneCountInString(q) > help.MaxQueryRunes {
		writeError(w, r, s.log, catalog.FieldError("q", "help.err.query_too_long", "The search is too long."))
		return
	}
	limit, err := queryLimit(r, search.DefaultLimit, search.MaxLimit)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	c := s.help.acquire()
	defer c.release()
	results, err := c.index.Search(r.Context(), q, locale, limit)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	resp := api.HelpSearchResponse{Query: q, Locale: locale, Results: make([]api.HelpSearchHit, 0, len(results))}
	for _, res := range results {
		resp.Results = append(resp.Results, api.HelpSearchHit{SearchResult: res,
			Path: help.ArticlePath(res.Category, res.Section, res.ArticleID)})
	}
	if len(results) == 0 && help.NormalizeQuery(q) != "" {
		fs := help.FailedSearch{Query: q, Locale: locale, At: s.cfg.Now()}
		if err := s.cfg.Help.RecordFailedSearch(r.Context(), fs); err != nil {
			s.log.Error("record failed help search", "err", err)
		}
		tree, _, err := s.orderedTree(r.Context(), c.lib)
		if err != nil {
			writeError(w, r, s.log, err)
			return
		}
		resp.Categories = relatedCategories(tree, q, locale, relatedCategoriesCount)
		resp.Contact = &api.ContactOptions{Phone: support.Phone, PhoneURI: support.PhoneURI,
			Email: support.Email, Path: support.ContactPath}
	}
	writeJSON(w, http.StatusOK, resp)
}

// relatedCategories returns up to n categories for a query that found no
// article: first those whose title or a section's title shares a word with
// the query (in locale), then the most read, in display order.
func relatedCategories(t help.Tree, q, locale string, n int) []api.HelpCategoryLink {
	words := strings.Fields(help.NormalizeQuery(q))
	matches := func(title string) bool {
		title = strings.ToLower(title)
		for _, w := range words {
			if utf8.RuneCountInString(w) >= 2 && strings.Contains(title, w) {
				return true
			}
		}
		return false
	}
	var first, rest []api.HelpCategoryLink
	for _, c := range t.Categories {
		link := api.HelpCategoryLink{Slug: c.Slug, Title: c.Title.In(locale), Path: help.CategoryPath(c.Slug)}
		hit := matches(c.Title.In(locale))
		for _, sec := range c.Sections {
			hit = hit || matches(sec.Title.In(locale))
		}
		if hit {
			first = append(first, link)
		} else {
			rest = append(rest, link)
		}
	}
	out := append(first, rest...)
	return out[:min(n, len(out))]
}

func (s *Server) helpContext(w http.ResponseWriter, r *http.Request) {
	locale, err := helpLocale(r)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	name := r.PathValue("context")
	if !slices.Contains(content.Contexts, name) {
		writeError(w, r, s.log, catalog.Errorf(catalog.ENOTFOUND, "There is no help context %q.", name))
		return
	}
	limit, err := queryLimit(r, 3, 10)
	if err != nil {
		writeError(w, r, s.log, err)
		return
	}
	c := s.help.acquire()
	defer c.release()
	writeJSON(w, http.StatusOK, api.HelpContextResponse{Context: name,
		Articles: articleLinks(c.lib.InContext(name, locale, limit))})
}

// logHelpProblem logs a failed reload's problems one line each, as LoadFS
// lists them (one per file), so the log reads like the list staff fix.
func logHelpProblem(log *slog.Logger, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		log.Error("help content", "problem", line)
	}
}

// initSupport sets up the help center, the contact form's limit and the
// staff sign-in from the configuration.
func (s *Server) initSupport() error {
	now := s.cfg.Now
	if s.cfg.HelpContent != nil {
		h, err := newHelpCenter(s.cfg.HelpContent, now)
		if err != nil {
			return fmt.Errorf("server: help content: %w", err)
		}
		s.help = h
	}
	if s.cfg.Staff != nil {
		s.staff = &staff.Auth{Store: s.cfg.Staff, Now: now}
	}
	s.contactLimit = newRateLimiter(contactLimit, contactWindow, now)
	s.signInIP = newRateLimiter(signInFailuresPerIP, signInWindow, now)
	s.signInAccount = newRateLimiter(signInFailuresPerAccount, signInWindow, now)
	return nil
}

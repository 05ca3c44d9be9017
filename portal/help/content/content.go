// Package content is the help center's text: Markdown articles with front
// matter, one file per article per language, embedded in the program and
// loaded into a Library at start. Staff edit the files; the server can load
// them again from a folder on disk (LoadFS with os.DirFS) without a restart.
//
// Layout of a content folder:
//
//	tree.txt                     categories and sections, titled in every language
//	articles/<locale>/<id>.md    one article in one language
//
// Front matter is a block of "key: value" lines between two "---" lines; we
// parse it ourselves rather than pull in a YAML library for ten keys:
//
//	id        the slug, equal to the file name
//	category  section            where the article sits in tree.txt
//	title     summary            the question and its one-line answer
//	related   comma-separated IDs; every link must be returned by the other article
//	rank      the editors' importance, 1 = the help center's first question, unique
//	contexts  comma-separated places of the store showing it (see Contexts)
//	keywords  comma-separated words readers search with
//	updated   YYYY-MM-DD
//
// The English file of an article is the reference: it alone says where the
// article sits in the tree, what it relates to and its rank. A translation
// carries only its own text: id, title, summary, keywords and updated.
package content

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"vitrine/portal/help"
	"vitrine/showroom/catalog"
)

//go:embed tree.txt articles
var embedded embed.FS

// Load loads the content embedded in the program.
func Load() (*Library, error) { return LoadFS(embedded) }

// Files returns the content embedded in the program, laid out as a content
// folder: staff copy it out to start a folder of their own (-help-dir).
func Files() fs.FS { return embedded }

// Contexts are the places of the store that show a few help articles beside
// what the customer is doing; an article lists the ones it belongs to in its
// "contexts" key.
var Contexts = []string{"order", "tracking", "returns", "repair", "configurator", "showroom", "checkout", "contact"}

// Library is the loaded help content: the tree and every article in every
// language it is written in. It is read-only once loaded, so one Library can
// serve concurrent requests; a reload builds a new one and swaps it.
type Library struct {
	tree help.Tree
	// articles holds the articles as written, by ID then by locale.
	articles map[string]map[string]*help.Article
	// ids lists every article ID in editorial order (rank).
	ids []string
}

// Tree returns the help tree in editorial order; help.Ordered puts it in
// display order. The copy is the caller's to change.
func (l *Library) Tree() help.Tree {
	out := help.Tree{Categories: slices.Clone(l.tree.Categories)}
	for i := range out.Categories {
		c := &out.Categories[i]
		c.Sections = slices.Clone(c.Sections)
		for j := range c.Sections {
			c.Sections[j].Articles = slices.Clone(c.Sections[j].Articles)
		}
	}
	return out
}

// Len returns the number of articles (not counting translations).
func (l *Library) Len() int { return len(l.ids) }

// IDs returns every article ID, the editors' most important first.
func (l *Library) IDs() []string { return slices.Clone(l.ids) }

// Article returns the article in locale. When it is not translated into
// locale, the English text is returned with Fallback set, so the page can say
// "Not yet available in your language". An unknown locale is treated as
// English. Returns ENOTFOUND if no article has this ID.
func (l *Library) Article(id, locale string) (help.Article, error) {
	byLocale, ok := l.articles[id]
	if !ok {
		return help.Article{}, catalog.Errorf(catalog.ENOTFOUND, "help article %s not found", id)
	}
	if !help.ValidLocale(locale) {
		locale = "en"
	}
	if a, ok := byLocale[locale]; ok {
		return clone(a), nil
	}
	a := clone(byLocale["en"])
	a.Locale, a.Fallback = locale, true
	return a, nil
}

// Translations returns the locales an article is written in, in the order of
// catalog.Locales, or nil if no article has this ID.
func (l *Library) Translations(id string) []string {
	var out []string
	for _, loc := range catalog.Locales {
		if _, ok := l.articles[id][loc]; ok {
			out = append(out, loc)
		}
	}
	return out
}

// Articles returns every article in locale (with English fallbacks), the
// editors' most important first.
func (l *Library) Articles(locale string) []help.Article {
	out := make([]help.Article, 0, len(l.ids))
	for _, id := range l.ids {
		a, _ := l.Article(id, locale)
		out = append(out, a)
	}
	return out
}

// Searchable returns what the search index holds: every article in every
// locale, with English fallbacks, so that a reader finds an untranslated
// article in their own locale's results too.
func (l *Library) Searchable() []help.Article {
	var out []help.Article
	for _, loc := range catalog.Locales {
		out = append(out, l.Articles(loc)...)
	}
	return out
}

// Related returns the articles related to id, in locale, in the order the
// English file lists them. Returns ENOTFOUND if no article has this ID.
func (l *Library) Related(id, locale string) ([]help.Article, error) {
	a, err := l.Article(id, locale)
	if err != nil {
		return nil, err
	}
	out := make([]help.Article, 0, len(a.Related))
	for _, r := range a.Related {
		ra, err := l.Article(r, locale)
		if err != nil {
			return nil, fmt.Errorf("related article of %s: %w", id, err)
		}
		out = append(out, ra)
	}
	return out, nil
}

// InContext returns up to limit articles that belong to a place of the store
// (one of Contexts), in locale, the editors' most important first. An
// unknown context has no articles.
func (l *Library) InContext(context, locale string, limit int) []help.Article {
	var out []help.Article
	for _, id := range l.ids {
		if len(out) >= limit {
			break
		}
		if slices.Contains(l.articles[id]["en"].Contexts, context) {
			a, _ := l.Article(id, locale)
			out = append(out, a)
		}
	}
	return out
}

// clone copies an article so that callers cannot change the library's
// slices through it.
func clone(a *help.Article) help.Article {
	c := *a
	c.Related = slices.Clone(a.Related)
	c.Keywords = slices.Clone(a.Keywords)
	c.Contexts = slices.Clone(a.Contexts)
	return c
}

// LoadFS loads a content folder (see the package comment), renders every
// article and checks the whole: every article is in English, in an existing
// section, with a unique rank; related articles exist and relate back;
// translations belong to an English article. It reports every problem found,
// each with its file, so that one reload shows staff all of them.
func LoadFS(fsys fs.FS) (*Library, error) {
	l := &Library{articles: map[string]map[string]*help.Article{}}
	var errs []error
	fail := func(file string, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: %s", file, fmt.Sprintf(format, args...)))
	}

	tree, err := fs.ReadFile(fsys, "tree.txt")
	if err != nil {
		return nil, fmt.Errorf("load help content: %w", err)
	}
	if l.tree, err = parseTree(tree); err != nil {
		return nil, fmt.Errorf("load help content: tree.txt: %w", err)
	}

	// English first: translations are checked against it.
	for _, loc := range catalog.Locales {
		dir := path.Join("articles", loc)
		files, err := fs.Glob(fsys, dir+"/*.md")
		if err != nil {
			return nil, fmt.Errorf("load help content: %w", err)
		}
		for _, file := range files {
			a, err := loadArticle(fsys, file, loc)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", file, err))
				continue
			}
			if loc != "en" {
				if _, ok := l.articles[a.ID]["en"]; !ok {
					fail(file, "translation of %s, which has no English file", a.ID)
					continue
				}
			}
			if l.articles[a.ID] == nil {
				l.articles[a.ID] = map[string]*help.Article{}
			}
			l.articles[a.ID][loc] = a
		}
	}
	if entries, err := fs.ReadDir(fsys, "articles"); err == nil {
		for _, e := range entries {
			if !help.ValidLocale(e.Name()) {
				fail(path.Join("articles", e.Name()), "not a locale we publish in (%s)", strings.Join(catalog.Locales, ", "))
			}
		}
	}

	// Place the English articles in the tree and check what they point to.
	ranks := map[int]string{}
	for _, id := range slices.Sorted(maps.Keys(l.articles)) {
		byLocale := l.articles[id]
		en := byLocale["en"]
		file := path.Join("articles", "en", id+".md")
		if other, ok := ranks[en.Rank]; ok {
			fail(file, "rank %d is also the rank of %s", en.Rank, other)
		}
		ranks[en.Rank] = id
		if !l.place(en) {
			fail(file, "section %s/%s is not in tree.txt", en.Category, en.Section)
		}
		for _, r := range en.Related {
			switch other, ok := l.articles[r]; {
			case r == id:
				fail(file, "relates to itself")
			case !ok:
				fail(file, "related article %s does not exist", r)
			case !slices.Contains(other["en"].Related, id):
				fail(file, "relates to %s, which does not relate back", r)
			}
		}
		for _, c := range en.Contexts {
			if !slices.Contains(Contexts, c) {
				fail(file, "context %q is not one of %s", c, strings.Join(Contexts, ", "))
			}
		}
		// Translations share the reference's place in the tree and links.
		for loc, a := range byLocale {
			if loc != "en" {
				a.Category, a.Section, a.Related, a.Rank, a.Contexts = en.Category, en.Section, en.Related, en.Rank, en.Contexts
			}
		}
	}
	for _, c := range l.tree.Categories {
		for _, s := range c.Sections {
			if len(s.Articles) == 0 {
				fail("tree.txt", "section %s/%s has no articles", c.Slug, s.Slug)
			}
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("load help content: %w", errors.Join(errs...))
	}

	for id := range l.articles {
		l.ids = append(l.ids, id)
	}
	sort.Slice(l.ids, func(i, j int) bool {
		return l.articles[l.ids[i]]["en"].Rank < l.articles[l.ids[j]]["en"].Rank
	})
	for i := range l.tree.Categories {
		for j := range l.tree.Categories[i].Sections {
			arts := l.tree.Categories[i].Sections[j].Articles
			sort.Slice(arts, func(x, y int) bool { return arts[x].Rank < arts[y].Rank })
		}
	}
	return l, nil
}

// place adds an English article to its section of the tree and reports
// whether the section exists.
func (l *Library) place(a *help.Article) bool {
	for i, c := range l.tree.Categories {
		if c.Slug != a.Category {
			continue
		}
		for j, s := range c.Sections {
			if s.Slug == a.Section {
				sec := &l.tree.Categories[i].Sections[j]
				sec.Articles = append(sec.Articles, help.ArticleRef{ID: a.ID, Rank: a.Rank})
				return true
			}
		}
	}
	return false
}

// Keys of the front matter. The English file may use all of them; a
// translation only the ones that are text.
var (
	referenceKeys   = []string{"id", "category", "section", "title", "summary", "related", "updated", "rank", "keywords", "contexts"}
	translationKeys = []string{"id", "title", "summary", "updated", "keywords"}
	requiredKeys    = map[string][]string{
		"en":    {"id", "category", "section", "title", "summary", "updated", "rank"},
		"other": {"id", "title", "summary", "updated"},
	}
)

// loadArticle reads, parses and renders one file.
func loadArticle(fsys fs.FS, file, locale string) (*help.Article, error) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, err
	}
	meta, body, err := parseFrontMatter(data)
	if err != nil {
		return nil, err
	}
	allowed, required := translationKeys, requiredKeys["other"]
	if locale == "en" {
		allowed, required = referenceKeys, requiredKeys["en"]
	}
	for k := range meta {
		if !slices.Contains(allowed, k) {
			if locale != "en" && slices.Contains(referenceKeys, k) {
				return nil, fmt.Errorf("key %q belongs in the English file only", k)
			}
			return nil, fmt.Errorf("unknown key %q", k)
		}
	}
	for _, k := range required {
		if meta[k] == "" {
			return nil, fmt.Errorf("key %q is missing", k)
		}
	}
	a := &help.Article{
		ID:       meta["id"],
		Category: meta["category"],
		Section:  meta["section"],
		Locale:   locale,
		Title:    meta["title"],
		Summary:  meta["summary"],
		Body:     body,
		Related:  list(meta["related"]),
		Keywords: list(meta["keywords"]),
		Contexts: list(meta["contexts"]),
	}
	if want := strings.TrimSuffix(path.Base(file), ".md"); a.ID != want || !catalog.ValidSlug(a.ID) {
		return nil, fmt.Errorf("id %q must be a slug and match the file name %q", a.ID, want)
	}
	if a.Updated, err = time.Parse(time.DateOnly, meta["updated"]); err != nil {
		return nil, fmt.Errorf("updated %q is not a date (YYYY-MM-DD)", meta["updated"])
	}
	if locale == "en" {
		if a.Rank, err = strconv.Atoi(meta["rank"]); err != nil || a.Rank < 1 {
			return nil, fmt.Errorf("rank %q is not a positive number", meta["rank"])
		}
	}
	if strings.TrimSpace(body) == "" {
		return nil, errors.New("the article has no body")
	}
	if a.HTML, err = Render(body); err != nil {
		return nil, err
	}
	return a, nil
}

// parseFrontMatter splits a file into its "key: value" front matter and the
// Markdown body. Keys are lowercase words; a key may appear only once.
func parseFrontMatter(data []byte) (map[string]string, string, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(data, []byte("---\n"))
	if !ok {
		return nil, "", errors.New("the file must start with a --- line")
	}
	head, body, ok := bytes.Cut(rest, []byte("\n---\n"))
	if !ok {
		return nil, "", errors.New("the front matter has no closing --- line")
	}
	meta, err := parseKeyValues(head)
	if err != nil {
		return nil, "", err
	}
	return meta, strings.TrimSpace(string(body)) + "\n", nil
}

// parseKeyValues parses "key: value" lines; blank lines and lines starting
// with # are skipped.
func parseKeyValues(block []byte) (map[string]string, error) {
	meta := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(block))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" || strings.ContainsAny(k, " \t") {
			return nil, fmt.Errorf("line %d: want \"key: value\", got %q", n, line)
		}
		if _, dup := meta[k]; dup {
			return nil, fmt.Errorf("line %d: key %q appears twice", n, k)
		}
		meta[k] = v
	}
	return meta, sc.Err()
}

// list splits a comma-separated value, dropping empty items.
func list(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// parseTree parses tree.txt: blocks separated by blank lines, each a
// "category: <slug>" or "section: <category>/<slug>" line followed by one
// "<locale>: <title>" line per language. Categories and sections are placed
// in the order they appear, which is the editorial order.
func parseTree(data []byte) (help.Tree, error) {
	var t help.Tree
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	for i, block := range bytes.Split(data, []byte("\n\n")) {
		meta, err := parseKeyValues(block)
		if err != nil {
			return t, fmt.Errorf("block %d: %w", i+1, err)
		}
		if len(meta) == 0 {
			continue
		}
		title := catalog.Text{}
		for k, v := range meta {
			switch {
			case k == "category" || k == "section":
			case help.ValidLocale(k):
				title[k] = v
			default:
				return t, fmt.Errorf("block %d: unknown key %q", i+1, k)
			}
		}
		if title["en"] == "" {
			return t, fmt.Errorf("block %d: no English title", i+1)
		}
		switch cat, sec := meta["category"], meta["section"]; {
		case cat != "" && sec == "":
			if !catalog.ValidSlug(cat) {
				return t, fmt.Errorf("block %d: category %q is not a slug", i+1, cat)
			}
			if _, dup := t.Category(cat); dup {
				return t, fmt.Errorf("block %d: category %s appears twice", i+1, cat)
			}
			t.Categories = append(t.Categories, help.Category{Slug: cat, Title: title, Position: len(t.Categories)})
		case sec != "" && cat == "":
			cat, slug, _ := strings.Cut(sec, "/")
			if !catalog.ValidSlug(cat) || !catalog.ValidSlug(slug) {
				return t, fmt.Errorf("block %d: section %q is not <category>/<section>", i+1, sec)
			}
			if _, dup := t.Section(cat, slug); dup {
				return t, fmt.Errorf("block %d: section %s appears twice", i+1, sec)
			}
			ci := slices.IndexFunc(t.Categories, func(c help.Category) bool { return c.Slug == cat })
			if ci < 0 {
				return t, fmt.Errorf("block %d: section %s comes before its category", i+1, sec)
			}
			c := &t.Categories[ci]
			c.Sections = append(c.Sections, help.Section{Slug: slug, Category: cat, Title: title, Position: len(c.Sections)})
		default:
			return t, fmt.Errorf("block %d: want one category or section line", i+1)
		}
	}
	if len(t.Categories) == 0 {
		return t, errors.New("no categories")
	}
	return t, nil
}

package content_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/help"
	"vitrine/portal/help/content"
	"vitrine/showroom/catalog"
)

func load(t *testing.T) *content.Library {
	t.Helper()
	lib, err := content.Load()
	require.NoError(t, err)
	return lib
}

func TestEmbeddedContentLoads(t *testing.T) {
	lib := load(t)
	assert.GreaterOrEqual(t, lib.Len(), 42, "the help center promises at least 42 articles")

	tree := lib.Tree()
	assert.Len(t, tree.Categories, 6)
	for _, c := range tree.Categories {
		assert.GreaterOrEqual(t, len(c.Sections), 2, "category %s", c.Slug)
		assert.LessOrEqual(t, len(c.Sections), 4, "category %s", c.Slug)
		for _, loc := range catalog.Locales {
			assert.NotEmpty(t, c.Title[loc], "category %s has no %s title", c.Slug, loc)
		}
		for _, s := range c.Sections {
			assert.NotEmpty(t, s.Articles, "section %s/%s", c.Slug, s.Slug)
			for _, loc := range catalog.Locales {
				assert.NotEmpty(t, s.Title[loc], "section %s/%s has no %s title", c.Slug, s.Slug, loc)
			}
		}
	}
}

func TestEveryArticleIsInEnglishAndSpanish(t *testing.T) {
	lib := load(t)
	for _, id := range lib.IDs() {
		tr := lib.Translations(id)
		assert.Contains(t, tr, "en", id)
		assert.Contains(t, tr, "es", id)
	}
}

func TestTheTenMostImportantAreInEveryLanguage(t *testing.T) {
	lib := load(t)
	zh, ro := 0, 0
	for _, id := range lib.IDs() {
		tr := lib.Translations(id)
		if slices.Contains(tr, "zh-Hans") {
			zh++
		}
		if slices.Contains(tr, "ro") {
			ro++
		}
	}
	assert.GreaterOrEqual(t, zh, 10)
	assert.GreaterOrEqual(t, ro, 10)
	for _, id := range lib.IDs()[:10] {
		assert.Equal(t, catalog.Locales, lib.Translations(id), "top-10 article %s", id)
	}
}

func TestChineseArticlesAnswerReturnsAndInvoices(t *testing.T) {
	lib := load(t)
	for id, word := range map[string]string{"return-policy": "退货", "get-invoice": "发票"} {
		a, err := lib.Article(id, "zh-Hans")
		require.NoError(t, err)
		assert.False(t, a.Fallback, id)
		assert.Contains(t, a.Title+a.Body, word, id)
	}
}

func TestRelatedArticlesExistAndRelateBack(t *testing.T) {
	lib := load(t)
	for _, id := range lib.IDs() {
		a, err := lib.Article(id, "en")
		require.NoError(t, err)
		assert.NotEmpty(t, a.Related, "%s has no related articles", id)
		for _, r := range a.Related {
			other, err := lib.Article(r, "en")
			if assert.NoError(t, err, "%s relates to missing %s", id, r) {
				assert.Contains(t, other.Related, id, "%s relates to %s but not back", id, r)
			}
		}
	}
}

func TestEveryArticleIsComplete(t *testing.T) {
	lib := load(t)
	for _, loc := range catalog.Locales {
		for _, a := range lib.Articles(loc) {
			name := loc + "/" + a.ID
			assert.NotEmpty(t, a.Title, name)
			assert.NotEmpty(t, a.Summary, name)
			assert.NotEmpty(t, a.HTML, name)
			assert.False(t, a.Updated.IsZero(), name)
			assert.Positive(t, a.Rank, name)
			assert.NotContains(t, a.HTML, "**", "%s: emphasis left unrendered", name)
			assert.NotContains(t, a.HTML, "](", "%s: link left unrendered", name)
			_, ok := lib.Tree().Section(a.Category, a.Section)
			assert.True(t, ok, "%s is in a section of the tree", name)
		}
	}
}

func TestInternalLinksPointToArticles(t *testing.T) {
	lib := load(t)
	tree := lib.Tree()
	for _, loc := range catalog.Locales {
		for _, a := range lib.Articles(loc) {
			for _, href := range hrefs(a.HTML) {
				if !strings.HasPrefix(href, help.Root+"/") {
					continue
				}
				p, ok := help.ParsePath(href)
				require.True(t, ok, "%s/%s links to %s", loc, a.ID, href)
				_, err := help.Breadcrumbs(tree, loc, p)
				assert.NoError(t, err, "%s/%s links to %s", loc, a.ID, href)
			}
		}
	}
}

// hrefs returns the href values of the links in sanitised HTML.
func hrefs(html string) []string {
	var out []string
	for _, part := range strings.Split(html, `href="`)[1:] {
		out = append(out, part[:strings.IndexByte(part, '"')])
	}
	return out
}

func TestArticleFallsBackToEnglish(t *testing.T) {
	lib := load(t)
	for _, tc := range []struct {
		name, id, locale string
		fallback         bool
		textLocale       string
	}{
		{name: "a translated article is served as written", id: "warranty", locale: "ro", textLocale: "ro"},
		{name: "an untranslated article falls back to English", id: "vat-included", locale: "zh-Hans", fallback: true, textLocale: "en"},
		{name: "an unknown locale is served in English", id: "vat-included", locale: "fr", textLocale: "en"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := lib.Article(tc.id, tc.locale)
			require.NoError(t, err)
			assert.Equal(t, tc.fallback, a.Fallback)
			assert.Equal(t, tc.textLocale, a.TextLocale())
			en, err := lib.Article(tc.id, "en")
			require.NoError(t, err)
			assert.Equal(t, tc.textLocale == "en", en.Title == a.Title)
			assert.Equal(t, en.Category, a.Category, "a translation sits where the English article does")
			assert.Equal(t, en.Related, a.Related)
		})
	}
	_, err := lib.Article("no-such-article", "en")
	assert.Equal(t, catalog.ENOTFOUND, catalog.ErrorCode(err))
}

func TestLibraryHandsOutCopies(t *testing.T) {
	lib := load(t)
	a, err := lib.Article("return-policy", "en")
	require.NoError(t, err)
	a.Related[0] = "changed"
	tree := lib.Tree()
	tree.Categories[0].Sections[0].Articles[0].ID = "changed"
	again, err := lib.Article("return-policy", "en")
	require.NoError(t, err)
	assert.NotEqual(t, "changed", again.Related[0])
	assert.NotEqual(t, "changed", lib.Tree().Categories[0].Sections[0].Articles[0].ID)
}

func TestSearchableHoldsEveryArticleInEveryLocale(t *testing.T) {
	lib := load(t)
	all := lib.Searchable()
	assert.Len(t, all, lib.Len()*len(catalog.Locales))
	fallbacks := 0
	for _, a := range all {
		if a.Fallback {
			fallbacks++
		}
	}
	assert.Equal(t, 2*(lib.Len()-10), fallbacks, "zh-Hans and ro fall back for all but the translated articles")
}

func TestRelatedAndContext(t *testing.T) {
	lib := load(t)
	rel, err := lib.Related("return-policy", "es")
	require.NoError(t, err)
	require.NotEmpty(t, rel)
	assert.Equal(t, "start-a-return", rel[0].ID)
	assert.Equal(t, "es", rel[0].Locale)

	ret := lib.InContext("returns", "en", 3)
	require.Len(t, ret, 3)
	assert.Equal(t, "return-policy", ret[0].ID, "the most important returns article comes first")
	for _, c := range content.Contexts {
		assert.NotEmpty(t, lib.InContext(c, "en", 5), "context %s has articles", c)
	}
	assert.Empty(t, lib.InContext("nowhere", "en", 5))
}

// article builds a content file from front matter lines and a body.
func article(meta ...string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + strings.Join(meta, "\n") + "\n---\n\nThe answer.\n")}
}

const miniTree = "category: c\nen: C\n\nsection: c/s\nen: S\n"

func TestLoadFSRejectsBrokenContent(t *testing.T) {
	good := func() fstest.MapFS {
		return fstest.MapFS{
			"tree.txt":         {Data: []byte(miniTree)},
			"articles/en/a.md": article("id: a", "category: c", "section: s", "title: A", "summary: a", "related: b", "rank: 1", "updated: 2026-01-02"),
			"articles/en/b.md": article("id: b", "category: c", "section: s", "title: B", "summary: b", "related: a", "rank: 2", "updated: 2026-01-02"),
			"articles/es/a.md": article("id: a", "title: A es", "summary: a es", "updated: 2026-01-03"),
		}
	}
	for _, tc := range []struct {
		name string
		edit func(fs fstest.MapFS)
		want string
	}{
		{name: "related links that do not relate back", want: "does not relate back", edit: func(fs fstest.MapFS) {
			fs["articles/en/b.md"] = article("id: b", "category: c", "section: s", "title: B", "summary: b", "rank: 2", "updated: 2026-01-02")
		}},
		{name: "a related article that does not exist", want: "does not exist", edit: func(fs fstest.MapFS) {
			fs["articles/en/b.md"] = article("id: b", "category: c", "section: s", "title: B", "summary: b", "related: a, zzz", "rank: 2", "updated: 2026-01-02")
		}},
		{name: "a translation without an English file", want: "no English file", edit: func(fs fstest.MapFS) {
			fs["articles/es/x.md"] = article("id: x", "title: X", "summary: x", "updated: 2026-01-03")
		}},
		{name: "a translation that moves the article", want: "English file only", edit: func(fs fstest.MapFS) {
			fs["articles/es/a.md"] = article("id: a", "category: c", "title: A es", "summary: a es", "updated: 2026-01-03")
		}},
		{name: "an id that differs from the file name", want: "match the file name", edit: func(fs fstest.MapFS) {
			fs["articles/es/a.md"] = article("id: b", "title: A es", "summary: a es", "updated: 2026-01-03")
		}},
		{name: "a section missing from the tree", want: "not in tree.txt", edit: func(fs fstest.MapFS) {
			fs["articles/en/b.md"] = article("id: b", "category: c", "section: t", "title: B", "summary: b", "related: a", "rank: 2", "updated: 2026-01-02")
		}},
		{name: "two articles with one rank", want: "also the rank", edit: func(fs fstest.MapFS) {
			fs["articles/en/b.md"] = article("id: b", "category: c", "section: s", "title: B", "summary: b", "related: a", "rank: 1", "updated: 2026-01-02")
		}},
		{name: "a date that is not a date", want: "not a date", edit: func(fs fstest.MapFS) {
			fs["articles/es/a.md"] = article("id: a", "title: A es", "summary: a es", "updated: yesterday")
		}},
		{name: "a missing title", want: `"title" is missing`, edit: func(fs fstest.MapFS) {
			fs["articles/es/a.md"] = article("id: a", "summary: a es", "updated: 2026-01-03")
		}},
		{name: "an unknown key", want: `unknown key "colour"`, edit: func(fs fstest.MapFS) {
			fs["articles/es/a.md"] = article("id: a", "title: A", "summary: a es", "updated: 2026-01-03", "colour: red")
		}},
		{name: "a key given twice", want: "appears twice", edit: func(fs fstest.MapFS) {
			fs["articles/es/a.md"] = article("id: a", "title: A", "title: B", "summary: a es", "updated: 2026-01-03")
		}},
		{name: "a file without front matter", want: "must start with a --- line", edit: func(fs fstest.MapFS) {
			fs["articles/es/a.md"] = &fstest.MapFile{Data: []byte("# Just Markdown\n")}
		}},
		{name: "a folder that is not a locale", want: "not a locale", edit: func(fs fstest.MapFS) {
			fs["articles/fr/a.md"] = article("id: a", "title: A fr", "summary: a fr", "updated: 2026-01-03")
		}},
		{name: "an unknown context", want: `context "kitchen"`, edit: func(fs fstest.MapFS) {
			fs["articles/en/b.md"] = article("id: b", "category: c", "section: s", "title: B", "summary: b", "related: a", "rank: 2", "updated: 2026-01-02", "contexts: kitchen")
		}},
		{name: "a section without articles", want: "has no articles", edit: func(fs fstest.MapFS) {
			fs["tree.txt"] = &fstest.MapFile{Data: []byte(miniTree + "\nsection: c/empty\nen: Empty\n")}
		}},
		{name: "a tree section before its category", want: "before its category", edit: func(fs fstest.MapFS) {
			fs["tree.txt"] = &fstest.MapFile{Data: []byte("section: c/s\nen: S\n\ncategory: c\nen: C\n")}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := good()
			_, err := content.LoadFS(fsys)
			require.NoError(t, err, "the unedited content loads")
			tc.edit(fsys)
			_, err = content.LoadFS(fsys)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestLoadFSReportsEveryProblemAtOnce(t *testing.T) {
	fsys := fstest.MapFS{
		"tree.txt":         {Data: []byte(miniTree)},
		"articles/en/a.md": article("id: a", "category: c", "section: s", "title: A", "summary: a", "related: zzz", "rank: 1", "updated: 2026-01-02"),
		"articles/en/b.md": article("id: b", "category: c", "section: s", "title: B", "summary: b", "rank: 1", "updated: 2026-01-02"),
	}
	_, err := content.LoadFS(fsys)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "articles/en/a.md: related article zzz does not exist")
	assert.Contains(t, err.Error(), "also the rank")
}

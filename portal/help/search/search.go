// Package search is the help center's full-text search: an in-memory bleve
// index over the articles of every language, with an analyzer per language
// (English and Spanish stemming, Chinese bigrams, Romanian without
// diacritics), typo tolerance, prefix matching for results while typing, and
// snippets with the matched words marked.
//
// The index lives in memory and is rebuilt from the content at start and on
// reload: the help center's ~200 articles × locales build in a fraction of a
// second, and even 10 000 articles in a few seconds (BenchmarkSearch10k).
package search

import (
	"context"
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/ro"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	htmlhighlight "github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"vitrine/portal/help"
	"vitrine/showroom/catalog"
)

// Limits of a search request.
const (
	// DefaultLimit is the number of results when the caller asks for none.
	DefaultLimit = 10
	// MaxLimit bounds the results of one request.
	MaxLimit = 50
)

// analyzers maps a text language to the analyzer of its fields.
var analyzers = map[string]string{
	"en":      en.AnalyzerName,
	"es":      es.AnalyzerName,
	"zh-Hans": cjk.AnalyzerName,
	"ro":      roAnalyzer,
}

// Names of what this package registers with bleve.
const (
	roAnalyzer = "vitrine_ro"
	foldFilter = "vitrine_ascii_fold"
	roStopMap  = "vitrine_stop_ro_folded"
	roStop     = "vitrine_stop_ro"
)

// Fields of every indexed document, each suffixed with the text language
// ("title_en"), so that each language's fields have their own analyzer.
// Boosts weigh where a word is found: a match in the title says more about
// the article than one in the body.
var fields = []struct {
	name  string
	boost float64
}{
	{"title", 4},
	{"keywords", 3},
	{"summary", 2},
	{"body", 1},
}

// localeField is the keyword field that restricts a search to one locale.
const localeField = "locale"

func init() {
	// bleve has ASCII folding only as a character filter, which runs before
	// tokenizing and so shifts the offsets of every word after a "ă": the
	// highlighted words would be off. Folding each token keeps offsets true.
	err := registry.RegisterTokenFilter(foldFilter, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldTokens{}, nil
	})
	if err != nil {
		panic(err)
	}
	// Romanian stop words, folded like the tokens they are compared with.
	err = registry.RegisterTokenMap(roStopMap, func(map[string]interface{}, *registry.Cache) (analysis.TokenMap, error) {
		tm := analysis.NewTokenMap()
		if err := tm.LoadBytes(asciifolding.New().Filter(ro.RomanianStopWords)); err != nil {
			return nil, err
		}
		return tm, nil
	})
	if err != nil {
		panic(err)
	}
}

// foldTokens replaces accented letters by their ASCII base in each token, so
// that "garantie" typed on a keyboard without Romanian letters finds
// "garanție".
type foldTokens struct{}

func (foldTokens) Filter(in analysis.TokenStream) analysis.TokenStream {
	folder := asciifolding.New()
	for _, tok := range in {
		tok.Term = folder.Filter(tok.Term)
	}
	return in
}

// Index is a built search index. It is safe for concurrent searches; a reload
// builds a new Index and swaps it.
type Index struct {
	index bleve.Index
	// hits holds what a result shows besides its snippet, by document ID,
	// so that a search reads no stored document but the highlighted fields.
	hits map[string]entry
	// fallbacks holds the locales that list English articles, whose English
	// fields a search in that locale must then look at too.
	fallbacks map[string]bool
}

// entry is what the index keeps in memory about one document.
type entry struct {
	result help.SearchResult
	// lang is the language of the text, which names its fields.
	lang string
	// summary is the escaped summary, the snippet when no field has a
	// fragment to show (a match in the keywords only).
	summary string
}

// document is what bleve indexes for one article in one locale.
type document map[string]any

// New builds an index over articles, typically content.Library.Searchable():
// each article is found under its Locale, and read with the analyzer of its
// TextLocale (an English fallback listed under "ro" is analysed as English).
//
// The index is scorch kept in memory (an empty path), not bleve.NewMemOnly:
// NewMemOnly is the older upsidedown index over an in-memory key-value store,
// and on 10 000 articles it measured 24 s to build and 27 ms p95 per search,
// against 3.6 s and under 3 ms for scorch (BenchmarkSearch10k).
func New(articles []help.Article) (*Index, error) {
	idx, err := bleve.NewUsing("", indexMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create help index: %w", err)
	}
	ix := &Index{index: idx, hits: make(map[string]entry, len(articles)), fallbacks: map[string]bool{}}
	batch := idx.NewBatch()
	for i := range articles {
		a := &articles[i]
		if !help.ValidLocale(a.Locale) || !help.ValidLocale(a.TextLocale()) {
			return nil, fmt.Errorf("index help article %s: locale %q is not one we publish in", a.ID, a.Locale)
		}
		id := a.Locale + "/" + a.ID
		if _, dup := ix.hits[id]; dup {
			return nil, fmt.Errorf("index help article %s: listed twice", id)
		}
		lang := a.TextLocale()
		if lang != a.Locale {
			ix.fallbacks[a.Locale] = true
		}
		doc := document{
			localeField:        a.Locale,
			"title_" + lang:    a.Title,
			"keywords_" + lang: strings.Join(a.Keywords, ", "),
			"summary_" + lang:  a.Summary,
			"body_" + lang:     PlainText(a.Body),
		}
		if err := batch.Index(id, doc); err != nil {
			return nil, fmt.Errorf("index help article %s: %w", id, err)
		}
		ix.hits[id] = entry{
			result: help.SearchResult{ArticleID: a.ID, Category: a.Category, Section: a.Section,
				Locale: a.Locale, Fallback: a.Fallback, Title: a.Title},
			lang:    lang,
			summary: html.EscapeString(a.Summary),
		}
		if batch.Size() >= 1000 {
			if err := idx.Batch(batch); err != nil {
				return nil, fmt.Errorf("index help articles: %w", err)
			}
			batch = idx.NewBatch()
		}
	}
	if err := idx.Batch(batch); err != nil {
		return nil, fmt.Errorf("index help articles: %w", err)
	}
	return ix, nil
}

// Close releases the index and its background goroutines. Searches after
// Close fail, so a reload swaps in the new Index first and closes the old
// one once the searches that were using it have returned.
func (ix *Index) Close() error { return ix.index.Close() }

// Len returns the number of documents (articles × locales) in the index.
func (ix *Index) Len() int { return len(ix.hits) }

// indexMapping describes the documents: per language, text fields with that
// language's analyzer, stored with term vectors so that snippets can be
// highlighted; and the locale as an exact keyword.
func indexMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = keyword.Name
	if err := m.AddCustomTokenFilter(roStop, map[string]any{"type": stop.Name, "stop_token_map": roStopMap}); err != nil {
		panic(err) // a constant configuration: it fails in every test or never
	}
	if err := m.AddCustomAnalyzer(roAnalyzer, map[string]any{
		"type":      custom.Name,
		"tokenizer": unicodetok.Name,
		// Fold before the stop words and the stemmer, so that "returnare"
		// and "returnăre", "si" and "și" are the same word.
		"token_filters": []string{lowercase.Name, foldFilter, roStop, ro.SnowballStemmerName},
	}); err != nil {
		panic(err)
	}
	doc := bleve.NewDocumentStaticMapping()
	for lang, analyzer := range analyzers {
		for _, f := range fields {
			fm := bleve.NewTextFieldMapping()
			fm.Analyzer = analyzer
			fm.Store = f.name != "keywords"
			fm.IncludeTermVectors = f.name != "keywords"
			fm.IncludeInAll = false
			doc.AddFieldMappingsAt(f.name+"_"+lang, fm)
		}
	}
	loc := bleve.NewKeywordFieldMapping()
	loc.Store = false
	loc.IncludeInAll = false
	doc.AddFieldMappingsAt(localeField, loc)
	m.DefaultMapping = doc
	return m
}

// Search returns up to limit articles of locale matching query, the best
// first. A query is matched word by word in the locale's language (and in
// English, for the articles the locale shows in English); words of four
// letters or more also match with a typo, and the last word also matches as
// the start of a word, for results while typing. An empty query finds
// nothing. Returns EINVALID if the locale is unknown or the query longer than
// help.MaxQueryRunes.
func (ix *Index) Search(ctx context.Context, q, locale string, limit int) ([]help.SearchResult, error) {
	if !help.ValidLocale(locale) {
		return nil, catalog.FieldError("locale", "help.err.locale", "This language is not supported.")
	}
	if utf8.RuneCountInString(q) > help.MaxQueryRunes {
		return nil, catalog.FieldError("query", "help.err.query_too_long", "The search is too long.")
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, nil
	}
	langs := []string{locale}
	if ix.fallbacks[locale] {
		langs = append(langs, "en")
	}
	adv, err := ix.index.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search help: %w", err)
	}
	reader, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("search help: %w", err)
	}
	defer reader.Close()
	var should []query.Query
	for _, lang := range langs {
		qs, err := ix.languageQueries(ctx, reader, q, lang)
		if err != nil {
			return nil, err
		}
		should = append(should, qs...)
	}
	if len(should) == 0 {
		return nil, nil // only stop words or punctuation
	}
	inLocale := bleve.NewTermQuery(locale)
	inLocale.SetField(localeField)
	anyWord := bleve.NewDisjunctionQuery(should...)
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(inLocale, anyWord), limit, 0, false)
	req.Highlight = bleve.NewHighlightWithStyle(htmlhighlight.Name)
	for _, lang := range langs {
		req.Highlight.AddField("body_" + lang)
		req.Highlight.AddField("summary_" + lang)
		req.Highlight.AddField("title_" + lang)
	}
	res, err := ix.index.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search help for %q in %s: %w", q, locale, err)
	}
	out := make([]help.SearchResult, 0, len(res.Hits))
	for _, hit := range res.Hits {
		e, ok := ix.hits[hit.ID]
		if !ok {
			continue
		}
		r := e.result
		r.Score = hit.Score
		r.Snippet = snippet(hit.Fragments, e)
		out = append(out, r)
	}
	return out, nil
}

// languageQueries returns the queries for q in one language's fields: each
// analysed word as a term in every field (boosted by field), a fuzzy variant
// of long words the index does not know (typos), and a prefix variant of the
// last word (a word being typed).
func (ix *Index) languageQueries(ctx context.Context, r index.IndexReader, q, lang string) ([]query.Query, error) {
	analyzer := ix.index.Mapping().AnalyzerNamed(analyzers[lang])
	if analyzer == nil {
		return nil, fmt.Errorf("search help: no analyzer for %s", lang)
	}
	tokens := analyzer.Analyze([]byte(q))
	cjkText := lang == "zh-Hans"
	var out []query.Query
	seen := map[string]bool{}
	for i, tok := range tokens {
		term := string(tok.Term)
		if seen[term] {
			continue
		}
		seen[term] = true
		n := utf8.RuneCountInString(term)
		last := i == len(tokens)-1 && !endsWithSpace(q)
		// Looking for typos costs more than all the rest of a search (an
		// automaton per word, a walk of the dictionary), so only words the
		// index does not know are looked up with one or two letters changed.
		fuzzy := 0
		if !cjkText && n >= 4 {
			known, err := ix.known(ctx, r, term, lang)
			if err != nil {
				return nil, err
			}
			if !known {
				fuzzy = 1
				if n >= 8 {
					fuzzy = 2
				}
			}
		}
		for _, f := range fields {
			field := f.name + "_" + lang
			tq := bleve.NewTermQuery(term)
			tq.SetField(field)
			tq.SetBoost(f.boost)
			out = append(out, tq)
			if f.name == "body" {
				continue
			}
			if fuzzy > 0 {
				// The first letter must be right, which keeps the walk of
				// the dictionary short; typos rarely hit the first letter.
				fq := bleve.NewFuzzyQuery(term)
				fq.SetField(field)
				fq.Fuzziness = fuzzy
				fq.Prefix = 1
				fq.SetBoost(f.boost * 0.4)
				out = append(out, fq)
			}
			if last && (n >= 3 || (cjkText && isHan(term))) {
				pq := bleve.NewPrefixQuery(term)
				pq.SetField(field)
				pq.SetBoost(f.boost * 0.5)
				out = append(out, pq)
			}
		}
	}
	return out, nil
}

// known reports whether any article of the language has term in one of its
// fields.
func (ix *Index) known(ctx context.Context, r index.IndexReader, term, lang string) (bool, error) {
	for _, f := range fields {
		tfr, err := r.TermFieldReader(ctx, []byte(term), f.name+"_"+lang, false, false, false)
		if err != nil {
			return false, fmt.Errorf("search help: look up %q: %w", term, err)
		}
		n := tfr.Count()
		tfr.Close()
		if n > 0 {
			return true, nil
		}
	}
	return false, nil
}

// endsWithSpace reports whether the reader has finished the last word.
func endsWithSpace(q string) bool {
	r, _ := utf8.DecodeLastRuneInString(q)
	return unicode.IsSpace(r)
}

// isHan reports whether s is made of Chinese characters only.
func isHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// snippet picks the best highlighted fragment of a hit: body, then summary,
// then title. The fragments come from bleve's HTML formatter, which escapes
// the text and adds only <mark> tags. Without a marked fragment (a match in
// the keywords only) the summary is shown, escaped.
func snippet(fragments map[string][]string, e entry) string {
	for _, f := range []string{"body_", "summary_", "title_"} {
		if frags := fragments[f+e.lang]; len(frags) > 0 && strings.Contains(frags[0], "<mark>") {
			return strings.TrimSpace(frags[0])
		}
	}
	return e.summary
}

package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"vitrine/portal/help"
	"vitrine/portal/help/content"
	"vitrine/portal/help/search"
)

// benchQueries is a varied query set: whole words, typos, word forms,
// several words, a word being typed, in all four languages.
var benchQueries = []struct{ locale, q string }{
	{"en", "refund"}, {"en", "refnd"}, {"en", "returning furniture"}, {"en", "track my parcel"},
	{"en", "invoce"}, {"en", "how long does delivery take"}, {"en", "deliv"}, {"en", "warrenty sofa"},
	{"es", "devolución"}, {"es", "factura"}, {"es", "envio gratis"}, {"es", "reembolso tarjeta"}, {"es", "garantia"},
	{"zh-Hans", "退货"}, {"zh-Hans", "发票"}, {"zh-Hans", "保修期"}, {"zh-Hans", "退"},
	{"ro", "returnare"}, {"ro", "factura"}, {"ro", "garantie"}, {"ro", "livrare gratuita"},
}

var (
	bench10k     *search.Index
	bench10kTime time.Duration
	bench10kErr  error
	bench10kOnce sync.Once
)

// index10k builds, once per test binary, an index of 10 000 generated
// articles; building it takes seconds, and the benchmark runs several times.
func index10k(b *testing.B) *search.Index {
	bench10kOnce.Do(func() {
		lib, err := content.Load()
		if err != nil {
			bench10kErr = err
			return
		}
		arts := generate(lib, 10000)
		start := time.Now()
		bench10k, bench10kErr = search.New(arts)
		bench10kTime = time.Since(start)
	})
	if bench10kErr != nil {
		b.Fatal(bench10kErr)
	}
	return bench10k
}

// BenchmarkSearch10k measures one search over 10 000 articles, with the
// query set above in turn, and reports the median and 95th percentile.
//
//	go test ./portal/help/search/ -run '^$' -bench Search10k -benchtime 1000x
func BenchmarkSearch10k(b *testing.B) {
	ix := index10k(b)
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := benchQueries[i%len(benchQueries)]
		start := time.Now()
		if _, err := ix.Search(ctx, q.q, q.locale, search.DefaultLimit); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	ms := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(bench10kTime.Seconds(), "build-s")
}

// generate returns n articles made of the words of the real content, in a
// fixed mix of locales (40 % English, 30 % Spanish, 15 % Chinese, 15 %
// Romanian), with generated words as well so that the dictionary grows with
// the corpus as a real one would. The same n always gives the same articles.
func generate(lib *content.Library, n int) []help.Article {
	rng := rand.New(rand.NewPCG(7, 11))
	vocab := map[string][]string{}
	for _, loc := range []string{"en", "es", "zh-Hans", "ro"} {
		for _, a := range lib.Articles(loc) {
			if a.Fallback {
				continue
			}
			text := a.Title + " " + a.Summary + " " + search.PlainText(a.Body)
			if loc == "zh-Hans" {
				for _, r := range text {
					if unicode.Is(unicode.Han, r) {
						vocab[loc] = append(vocab[loc], string(r))
					}
				}
				continue
			}
			vocab[loc] = append(vocab[loc], strings.Fields(text)...)
		}
	}
	syllables := []string{"ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "pin", "ex", "qua", "zo", "ber", "nit", "ros", "gal"}
	word := func(loc string) string {
		if rng.IntN(5) == 0 && loc != "zh-Hans" { // one word in five is new
			var sb strings.Builder
			for range 2 + rng.IntN(3) {
				sb.WriteString(syllables[rng.IntN(len(syllables))])
			}
			return sb.String()
		}
		v := vocab[loc]
		return v[rng.IntN(len(v))]
	}
	sentence := func(loc string, words int) string {
		parts := make([]string, words)
		for i := range parts {
			parts[i] = word(loc)
		}
		sep := " "
		if loc == "zh-Hans" {
			sep = ""
		}
		return strings.Join(parts, sep)
	}
	out := make([]help.Article, n)
	for i := range out {
		var loc string
		switch p := rng.IntN(100); {
		case p < 40:
			loc = "en"
		case p < 70:
			loc = "es"
		case p < 85:
			loc = "zh-Hans"
		default:
			loc = "ro"
		}
		out[i] = help.Article{
			ID:       fmt.Sprintf("generated-%05d", i),
			Category: "orders-delivery", Section: "delivery",
			Locale:   loc,
			Title:    sentence(loc, 4+rng.IntN(5)),
			Summary:  sentence(loc, 12+rng.IntN(12)),
			Body:     sentence(loc, 60+rng.IntN(120)),
			Keywords: strings.Fields(sentence(loc, 3)),
			Rank:     i + 1,
		}
	}
	return out
}

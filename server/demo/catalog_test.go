package demo

import (
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

// The configurator has parts for exactly these products; any other product
// marked Configurable would open an empty configurator.
var configurable = []string{"modular-sofa", "standing-desk", "city-bike"}

func TestCategoriesValidate(t *testing.T) {
	for _, c := range Categories() {
		t.Run(c.Slug, func(t *testing.T) {
			assert.NoError(t, c.Validate())
		})
	}
}

func TestProductsValidate(t *testing.T) {
	for _, p := range Products() {
		t.Run(p.Slug, func(t *testing.T) {
			assert.NoError(t, p.Validate())
		})
	}
}

func TestCatalogSize(t *testing.T) {
	assert.Len(t, Categories(), 6)
	assert.Len(t, Products(), 24)
}

func TestIdentifiersAreUnique(t *testing.T) {
	var catSlugs, slugs, skus []string
	for _, c := range Categories() {
		catSlugs = append(catSlugs, c.Slug)
	}
	for _, p := range Products() {
		slugs = append(slugs, p.Slug)
		skus = append(skus, p.SKU)
	}
	for _, tc := range []struct {
		name string
		ids  []string
	}{
		{"category slugs", catSlugs},
		{"product slugs", slugs},
		{"product SKUs", skus},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.ids)
			seen := map[string]bool{}
			for _, id := range tc.ids {
				assert.False(t, seen[id], "%q appears twice", id)
				seen[id] = true
			}
		})
	}
}

func TestSKUFormat(t *testing.T) {
	re := regexp.MustCompile(`^VT-[A-Z]{2}-\d{3}$`)
	for _, p := range Products() {
		assert.Regexp(t, re, p.SKU, p.Slug)
	}
}

func TestProductCategoryExists(t *testing.T) {
	cats := map[string]bool{}
	for _, c := range Categories() {
		cats[c.Slug] = true
	}
	for _, p := range Products() {
		assert.True(t, cats[p.Category], "product %s is in unknown category %q", p.Slug, p.Category)
	}
}

func TestEveryCategoryHasFourProducts(t *testing.T) {
	count := map[string]int{}
	for _, p := range Products() {
		count[p.Category]++
	}
	for _, c := range Categories() {
		assert.GreaterOrEqual(t, count[c.Slug], 4, "category %s", c.Slug)
	}
}

// Every name and description the customer reads must exist in every locale,
// and a translation equal to the English text is almost always a forgotten
// copy-paste rather than a word that happens to be the same.
func TestTextsAreTranslated(t *testing.T) {
	type text struct {
		name string
		text catalog.Text
	}
	var texts []text
	for _, c := range Categories() {
		texts = append(texts,
			text{"category " + c.Slug + " name", c.Name},
			text{"category " + c.Slug + " description", c.Description})
	}
	for _, p := range Products() {
		texts = append(texts,
			text{p.Slug + " name", p.Name},
			text{p.Slug + " description", p.Description})
	}
	require.Len(t, texts, 2*(6+24))
	for _, tc := range texts {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, tc.text["en"])
			for _, loc := range catalog.Locales {
				assert.NotEmpty(t, tc.text[loc], "locale %s", loc)
				if loc != "en" {
					assert.NotEqual(t, tc.text["en"], tc.text[loc], "locale %s", loc)
				}
			}
		})
	}
}

func TestSpecKeysHaveNoDuplicates(t *testing.T) {
	keys := SpecKeys()
	require.NotEmpty(t, keys)
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	assert.Equal(t, len(keys), len(slices.Compact(sorted)))
}

func TestSpecsUseTheSharedVocabulary(t *testing.T) {
	keys := SpecKeys()
	for _, p := range Products() {
		t.Run(p.Slug, func(t *testing.T) {
			assert.GreaterOrEqual(t, len(p.Specs), 4)
			assert.LessOrEqual(t, len(p.Specs), 7)
			seen := map[string]bool{}
			for _, s := range p.Specs {
				assert.Contains(t, keys, s.Key)
				assert.False(t, seen[s.Key], "key %s appears twice", s.Key)
				seen[s.Key] = true
			}
		})
	}
}

// A spec value is either language-neutral, stored once in English, or worded,
// and then a reader of any locale must find it in their language.
func TestSpecValuesAreNeutralOrFullyTranslated(t *testing.T) {
	for _, p := range Products() {
		t.Run(p.Slug, func(t *testing.T) {
			for _, s := range p.Specs {
				require.NotEmpty(t, s.Value["en"], "spec %s", s.Key)
				if len(s.Value) == 1 {
					continue
				}
				assert.Len(t, s.Value, len(catalog.Locales), "spec %s", s.Key)
				for _, loc := range catalog.Locales {
					assert.NotEmpty(t, s.Value[loc], "spec %s locale %s", s.Key, loc)
				}
			}
		})
	}
}

func TestOnlyTheThreeAssembledProductsAreConfigurable(t *testing.T) {
	var got []string
	for _, p := range Products() {
		if p.Configurable {
			got = append(got, p.Slug)
		}
	}
	assert.ElementsMatch(t, configurable, got)
}

func TestOnlyTheHelmetIsFinalSale(t *testing.T) {
	var got []string
	for _, p := range Products() {
		if p.FinalSale {
			got = append(got, p.Slug)
		}
	}
	assert.Equal(t, []string{"cycling-helmet"}, got)
}

func TestFeatured(t *testing.T) {
	t.Run("categories", func(t *testing.T) {
		var got []string
		for _, c := range Categories() {
			if c.Featured {
				got = append(got, c.Slug)
			}
		}
		assert.Equal(t, []string{"living-room", "home-office", "cycling"}, got)
	})
	t.Run("products", func(t *testing.T) {
		n := 0
		cats := map[string]bool{}
		for _, p := range Products() {
			if p.Featured {
				n++
				cats[p.Category] = true
			}
		}
		assert.InDelta(t, 6, n, 1)
		assert.Greater(t, len(cats), 3, "featured products should span categories")
	})
}

func TestPositions(t *testing.T) {
	t.Run("categories are numbered from 0 in order", func(t *testing.T) {
		for i, c := range Categories() {
			assert.Equal(t, i, c.Position, c.Slug)
		}
	})
	t.Run("products are numbered from 0 within their category", func(t *testing.T) {
		next := map[string]int{}
		for _, p := range Products() {
			assert.Equal(t, next[p.Category], p.Position, p.Slug)
			next[p.Category]++
		}
	})
	t.Run("products are grouped in category order", func(t *testing.T) {
		pos := map[string]int{}
		for _, c := range Categories() {
			pos[c.Slug] = c.Position
		}
		ps := Products()
		for i := 1; i < len(ps); i++ {
			assert.LessOrEqual(t, pos[ps[i-1].Category], pos[ps[i].Category], ps[i].Slug)
		}
	})
}

func TestStockAndLeadTime(t *testing.T) {
	outOfStock := 0
	for _, p := range Products() {
		t.Run(p.Slug, func(t *testing.T) {
			if p.Stock == 0 {
				outOfStock++
				assert.GreaterOrEqual(t, p.LeadTimeDays, 14)
				assert.LessOrEqual(t, p.LeadTimeDays, 42)
				return
			}
			assert.GreaterOrEqual(t, p.LeadTimeDays, 2)
			assert.LessOrEqual(t, p.LeadTimeDays, 5)
		})
	}
	assert.Positive(t, outOfStock, "the demo should show made-to-order products")
	assert.Less(t, outOfStock, len(Products())/2, "most products should be in stock")
}

func TestPricesAndWarranty(t *testing.T) {
	for _, p := range Products() {
		t.Run(p.Slug, func(t *testing.T) {
			assert.Equal(t, "EUR", p.Price.Currency)
			assert.Positive(t, p.Price.Amount)
			if p.Slug == "cycling-helmet" {
				assert.Equal(t, 12, p.WarrantyMonths)
				return
			}
			assert.Contains(t, []int{24, 60}, p.WarrantyMonths)
		})
	}
}

// The brief fixes these prices; the configurator's default configuration must
// add up to them.
func TestConfigurableDefaultPrices(t *testing.T) {
	want := map[string]int64{"modular-sofa": 104900, "standing-desk": 59900, "city-bike": 74900}
	for _, p := range Products() {
		if w, ok := want[p.Slug]; ok {
			assert.Equal(t, w, p.Price.Amount, p.Slug)
		}
	}
}

func TestAssetPaths(t *testing.T) {
	for _, p := range Products() {
		assert.Equal(t, "/web/models/"+p.Slug+".glb", p.Model)
		assert.Equal(t, "/web/thumbs/"+p.Slug+".png", p.Thumbnail)
	}
}

func TestDeterministic(t *testing.T) {
	assert.Equal(t, Categories(), Categories())
	assert.Equal(t, Products(), Products())
	assert.Equal(t, SpecKeys(), SpecKeys())
}

// Callers such as the seeder may adjust what they get; that must not leak
// into the next caller's catalog through shared maps or slices.
func TestCallersGetTheirOwnCopy(t *testing.T) {
	ps := Products()
	require.NotEmpty(t, ps)
	require.NotEmpty(t, ps[0].Specs)
	ps[0].Name["en"] = "changed"
	ps[0].Specs[0].Value["en"] = "changed"
	require.NotEmpty(t, ps[0].Hotspots)
	ps[0].Hotspots[0].Title["en"] = "changed"

	cs := Categories()
	require.NotEmpty(t, cs)
	cs[0].Description["en"] = "changed"

	keys := SpecKeys()
	keys[0] = "changed"

	assert.NotEqual(t, "changed", Products()[0].Name["en"])
	assert.NotEqual(t, "changed", Products()[0].Specs[0].Value["en"])
	assert.NotEqual(t, "changed", Products()[0].Hotspots[0].Title["en"])
	assert.NotEqual(t, "changed", Categories()[0].Description["en"])
	assert.NotEqual(t, "changed", SpecKeys()[0])
}

package demo

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/showroom/catalog"
)

func productBySlug(t *testing.T, slug string) catalog.Product {
	t.Helper()
	for _, p := range Products() {
		if p.Slug == slug {
			return p
		}
	}
	require.Failf(t, "no such product", "%s", slug)
	return catalog.Product{}
}

func TestConfiguratorsCheck(t *testing.T) {
	var slugs []string
	for _, cf := range Configurators() {
		slugs = append(slugs, cf.Product)
		t.Run(cf.Product, func(t *testing.T) {
			assert.NoError(t, cf.Check())
			assert.True(t, productBySlug(t, cf.Product).Configurable)
			assert.Equal(t, cf, ConfiguratorFor(cf.Product))
		})
	}
	assert.Equal(t, configurable, slugs, "one configurator per configurable product")
	assert.Nil(t, ConfiguratorFor("oak-coffee-table"), "other products have no configurator")
}

// The brief fixes the products' prices, and a configurable product's price
// is that of its default configuration.
func TestConfiguratorDefaultsCostTheProductPrice(t *testing.T) {
	want := map[string]int64{"modular-sofa": 104900, "standing-desk": 59900, "city-bike": 74900}
	for _, cf := range Configurators() {
		t.Run(cf.Product, func(t *testing.T) {
			cfg := cf.Default()
			require.NoError(t, cf.Validate(cfg))
			total, _ := cf.Price(cfg)
			assert.Equal(t, catalog.EUR(want[cf.Product]), total)
			p := productBySlug(t, cf.Product)
			assert.Equal(t, p.Price, total)
			assert.Equal(t, p.LeadTimeDays, cf.LeadTime(cfg))
		})
	}
}

func TestConfiguratorTextsAreTranslated(t *testing.T) {
	for _, cf := range Configurators() {
		texts := map[string]catalog.Text{"base": cf.BaseName}
		for _, s := range cf.Steps {
			texts["step "+s.ID] = s.Name
		}
		for _, d := range cf.Dimensions {
			texts["dimension "+d.ID] = d.Name
		}
		for _, q := range cf.Quantities {
			texts["quantity "+q.ID] = q.Name
		}
		for _, ch := range cf.Choices {
			texts["choice "+ch.ID] = ch.Name
			for _, o := range ch.Options {
				texts["option "+ch.ID+"/"+o.ID] = o.Name
			}
		}
		for name, text := range texts {
			t.Run(cf.Product+" "+name, func(t *testing.T) {
				require.NotEmpty(t, text["en"])
				for _, loc := range catalog.Locales {
					assert.NotEmpty(t, text[loc], "locale %s", loc)
					if loc != "en" {
						assert.NotEqual(t, text["en"], text[loc], "locale %s", loc)
					}
				}
			})
		}
	}
}

func TestConfiguratorSKUs(t *testing.T) {
	for _, cf := range Configurators() {
		t.Run(cf.Product, func(t *testing.T) {
			prefix := productBySlug(t, cf.Product).SKU + "-"
			skus := []string{cf.BaseSKU}
			for _, d := range cf.Dimensions {
				skus = append(skus, d.SKU)
			}
			for _, q := range cf.Quantities {
				skus = append(skus, q.SKU)
			}
			for _, ch := range cf.Choices {
				for _, o := range ch.Options {
					skus = append(skus, o.SKU)
				}
			}
			seen := map[string]bool{}
			for _, s := range skus {
				assert.True(t, strings.HasPrefix(s, prefix), "%s starts with %s", s, prefix)
				assert.False(t, seen[s], "%s is unique", s)
				seen[s] = true
			}
		})
	}
}

func TestConfiguratorPrices(t *testing.T) {
	for _, tc := range []struct {
		name    string
		product string
		changes []catalog.ConfigChange
		euros   int64
	}{
		{"desk 120 cm", "standing-desk", []catalog.ConfigChange{{Part: "width", Value: 120}}, 559},
		{"desk 130 cm", "standing-desk", []catalog.ConfigChange{{Part: "width", Value: 130}}, 579},
		{"desk 180 cm", "standing-desk", []catalog.ConfigChange{{Part: "width", Value: 180}}, 679},
		{"desk with monitor arm and its cable tray", "standing-desk",
			[]catalog.ConfigChange{{Part: "monitor-arm", Option: "monitor-arm"}}, 599 + 69 + 29},
		{"desk in white laminate", "standing-desk", []catalog.ConfigChange{{Part: "top", Option: "white-laminate"}}, 569},
		{"sofa of two modules", "modular-sofa", []catalog.ConfigChange{{Part: "modules", Value: 2}}, 759},
		{"sofa of five modules", "modular-sofa", []catalog.ConfigChange{{Part: "modules", Value: 5}}, 1629},
		{"sofa in velvet", "modular-sofa", []catalog.ConfigChange{{Part: "fabric", Option: "velvet"}}, 1169},
		{"sofa with chaise and walnut legs", "modular-sofa",
			[]catalog.ConfigChange{{Part: "chaise", Option: "left"}, {Part: "legs", Option: "walnut"}}, 1049 + 390 + 40},
		{"bike with dynamo and both racks", "city-bike",
			[]catalog.ConfigChange{{Part: "lights", Option: "dynamo"}, {Part: "rack", Option: "front-rear"}}, 749 + 119 + 89},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cf := ConfiguratorFor(tc.product)
			cfg := cf.Default()
			for _, ch := range tc.changes {
				var err error
				cfg, _, err = cf.Apply(cfg, ch)
				require.NoError(t, err, "%+v", ch)
			}
			total, _ := cf.Price(cfg)
			assert.Equal(t, catalog.EUR(tc.euros*100), total)
		})
	}
}

func TestConfiguratorRules(t *testing.T) {
	for _, tc := range []struct {
		name    string
		product string
		before  []catalog.ConfigChange
		change  catalog.ConfigChange
		errMsg  string // English reason when refused
		notices []string
		check   func(t *testing.T, cfg catalog.Configuration)
	}{
		{name: "monitor arm adds the cable tray", product: "standing-desk",
			change:  catalog.ConfigChange{Part: "monitor-arm", Option: "monitor-arm"},
			notices: []string{"The monitor arm needs the cable tray, so we added it."},
			check: func(t *testing.T, cfg catalog.Configuration) {
				assert.Equal(t, "cable-tray", cfg.Options["cable-tray"])
			}},
		{name: "drawer unit refused on a 120 cm top", product: "standing-desk",
			before: []catalog.ConfigChange{{Part: "width", Value: 120}},
			change: catalog.ConfigChange{Part: "drawer", Option: "drawer-unit"},
			errMsg: "The drawer unit needs a top width of at least 140 cm."},
		{name: "narrowing the top removes the drawer unit", product: "standing-desk",
			before:  []catalog.ConfigChange{{Part: "drawer", Option: "drawer-unit"}},
			change:  catalog.ConfigChange{Part: "width", Value: 130},
			notices: []string{"The drawer unit needs a top width of at least 140 cm, so we removed it."}},
		{name: "width 125 refused", product: "standing-desk", change: catalog.ConfigChange{Part: "width", Value: 125},
			errMsg: "The top width must be from 120 to 180 cm in steps of 10 cm."},
		{name: "width 190 refused", product: "standing-desk", change: catalog.ConfigChange{Part: "width", Value: 190},
			errMsg: "The top width must be from 120 to 180 cm in steps of 10 cm."},
		{name: "out-of-stock walnut can be ordered and delays delivery", product: "standing-desk",
			change: catalog.ConfigChange{Part: "top", Option: "walnut-veneer"},
			check: func(t *testing.T, cfg catalog.Configuration) {
				assert.Equal(t, 21, ConfiguratorFor("standing-desk").LeadTime(cfg))
			}},
		{name: "a velvet colour switches the fabric", product: "modular-sofa",
			change:  catalog.ConfigChange{Part: "colour", Option: "emerald"},
			notices: []string{"The emerald needs the velvet, so we changed the fabric to velvet."}},
		{name: "a new fabric brings one of its colours", product: "modular-sofa",
			change:  catalog.ConfigChange{Part: "fabric", Option: "boucle"},
			notices: []string{"The sand needs the linen, so we changed the colour to ivory."}},
		{name: "chaise refused with two modules", product: "modular-sofa",
			before: []catalog.ConfigChange{{Part: "modules", Value: 2}},
			change: catalog.ConfigChange{Part: "chaise", Option: "right"},
			errMsg: "The right chaise needs at least 3 seat modules."},
		{name: "six modules refused", product: "modular-sofa", change: catalog.ConfigChange{Part: "modules", Value: 6},
			errMsg: "The number of seat modules must be from 2 to 5."},
		{name: "dynamo lighting brings back the 28-inch wheels", product: "city-bike",
			before:  []catalog.ConfigChange{{Part: "wheels", Option: "26-inch"}},
			change:  catalog.ConfigChange{Part: "lights", Option: "dynamo"},
			notices: []string{"The hub dynamo lighting needs the 28-inch wheels, so we changed the wheels to 28-inch wheels."}},
		{name: "26-inch wheels remove dynamo lighting", product: "city-bike",
			before:  []catalog.ConfigChange{{Part: "lights", Option: "dynamo"}},
			change:  catalog.ConfigChange{Part: "wheels", Option: "26-inch"},
			notices: []string{"The hub dynamo lighting needs the 28-inch wheels, so we removed it."}},
		{name: "sport saddle refused with the swept-back handlebar", product: "city-bike",
			change: catalog.ConfigChange{Part: "saddle", Option: "sport"},
			errMsg: "The sport saddle can't be combined with the swept-back handlebar."},
		{name: "sport saddle accepted with a flat handlebar", product: "city-bike",
			before: []catalog.ConfigChange{{Part: "handlebar", Option: "flat"}},
			change: catalog.ConfigChange{Part: "saddle", Option: "sport"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cf := ConfiguratorFor(tc.product)
			cfg := cf.Default()
			for _, ch := range tc.before {
				var err error
				cfg, _, err = cf.Apply(cfg, ch)
				require.NoError(t, err, "%+v", ch)
			}
			got, notices, err := cf.Apply(cfg, tc.change)
			if tc.errMsg != "" {
				assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
				assert.Equal(t, tc.errMsg, catalog.ErrorMessage(err))
				if ch := tc.change; ch.Option != "" {
					for _, a := range cf.Availability(cfg) {
						if a.Choice == ch.Part && a.Option == ch.Option {
							assert.False(t, a.Enabled, "shown disabled")
							require.NotNil(t, a.Reason)
							assert.Equal(t, tc.errMsg, a.Reason.Message, "with the same reason")
						}
					}
				}
				return
			}
			require.NoError(t, err)
			assert.NoError(t, cf.Validate(got))
			var msgs []string
			for _, n := range notices {
				msgs = append(msgs, n.Message)
			}
			assert.Equal(t, tc.notices, msgs)
			if tc.check != nil {
				tc.check(t, got)
			}
		})
	}
}

func TestConfiguratorAccessories(t *testing.T) {
	for _, tc := range []struct {
		name    string
		product string
		changes []catalog.ConfigChange
		want    []string
	}{
		{"bike without lights", "city-bike", nil, []string{"bike-light-set", "u-lock", "cycling-helmet"}},
		{"bike with lights", "city-bike", []catalog.ConfigChange{{Part: "lights", Option: "battery"}}, []string{"u-lock", "cycling-helmet"}},
		{"desk", "standing-desk", nil, []string{"ergonomic-chair", "desk-lamp"}},
		{"desk with monitor arm", "standing-desk", []catalog.ConfigChange{{Part: "monitor-arm", Option: "monitor-arm"}},
			[]string{"monitor-27", "ergonomic-chair", "desk-lamp"}},
		{"linen sofa", "modular-sofa", nil, []string{"oak-coffee-table", "linen-armchair", "arc-floor-lamp"}},
		{"velvet sofa", "modular-sofa", []catalog.ConfigChange{{Part: "fabric", Option: "velvet"}}, []string{"oak-coffee-table", "arc-floor-lamp"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cf := ConfiguratorFor(tc.product)
			cfg := cf.Default()
			for _, ch := range tc.changes {
				var err error
				cfg, _, err = cf.Apply(cfg, ch)
				require.NoError(t, err)
			}
			assert.Equal(t, tc.want, cf.Accessories(cfg, Products()))
		})
	}
}

// TestConfiguratorRandomWalk makes random changes to each demo configurator
// (with a fixed seed) and checks that every accepted configuration validates,
// reopens from its share code, survives an order snapshot with its price,
// and that Availability agrees with Apply.
func TestConfiguratorRandomWalk(t *testing.T) {
	for _, cf := range Configurators() {
		t.Run(cf.Product, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(len(cf.Product))))
			cfg, accepted := cf.Default(), 0
			for range 300 {
				next, _, err := cf.Apply(cfg, randomChange(rng, cf))
				if err != nil {
					require.Equal(t, catalog.EINVALID, catalog.ErrorCode(err), "%v", err)
					continue
				}
				accepted++
				cfg = next
				require.NoError(t, cf.Validate(cfg))
				total, _ := cf.Price(cfg)

				decoded, err := catalog.DecodeConfiguration(cf, cfg.Encode())
				require.NoError(t, err)
				require.Equal(t, cfg, decoded)

				snap, err := cf.Snapshot(cfg)
				require.NoError(t, err)
				body, err := json.Marshal(snap)
				require.NoError(t, err)
				var back catalog.ConfigSnapshot
				require.NoError(t, json.Unmarshal(body, &back))
				require.Equal(t, cfg, back.Configuration())
				require.Equal(t, total, back.Total)

				for _, a := range cf.Availability(cfg) {
					_, _, err := cf.Apply(cfg, catalog.ConfigChange{Part: a.Choice, Option: a.Option})
					require.Equal(t, a.Enabled, err == nil, "%s: %s/%s", cfg.Encode(), a.Choice, a.Option)
				}
			}
			assert.Greater(t, accepted, 100, "the walk explores the configurator")
		})
	}
}

func randomChange(rng *rand.Rand, cf *catalog.Configurator) catalog.ConfigChange {
	n := rng.IntN(len(cf.Choices) + len(cf.Dimensions) + len(cf.Quantities))
	switch {
	case n < len(cf.Choices):
		ch := cf.Choices[n]
		if i := rng.IntN(len(ch.Options) + 1); i < len(ch.Options) {
			return catalog.ConfigChange{Part: ch.ID, Option: ch.Options[i].ID}
		}
		return catalog.ConfigChange{Part: ch.ID}
	case n < len(cf.Choices)+len(cf.Dimensions):
		d := cf.Dimensions[n-len(cf.Choices)]
		return catalog.ConfigChange{Part: d.ID, Value: d.Min - d.Increment + rng.IntN(d.Max-d.Min+3*d.Increment)}
	default:
		q := cf.Quantities[n-len(cf.Choices)-len(cf.Dimensions)]
		return catalog.ConfigChange{Part: q.ID, Value: q.Min - 1 + rng.IntN(q.Max-q.Min+3)}
	}
}

func TestConfiguratorsAreDeterministicAndTravelAsJSON(t *testing.T) {
	assert.Equal(t, Configurators(), Configurators())
	for _, cf := range Configurators() {
		body, err := json.Marshal(cf)
		require.NoError(t, err)
		var back catalog.Configurator
		require.NoError(t, json.Unmarshal(body, &back))
		assert.NoError(t, back.Check(), cf.Product)
		assert.Equal(t, cf.Availability(cf.Default()), back.Availability(back.Default()), cf.Product)
	}
}

package catalog

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func en(s string) Text { return Text{"en": s} }

// testDesk is a small desk configurator exercising every rule kind: a width
// dimension, a monitor arm that requires a cable tray, a drawer unit and a
// cable tray with minimum widths, an exclusion between a top and a frame
// colour, and an out-of-stock top with a lead time.
func testDesk() *Configurator {
	return &Configurator{
		Product: "test-desk", Base: EUR(55900), BaseSKU: "TD-BASE", BaseName: en("Desk frame"),
		LeadTimeDays: 5,
		Steps:        []ConfigStep{{ID: "top", Name: en("Top")}, {ID: "frame", Name: en("Frame")}, {ID: "extras", Name: en("Extras")}},
		Dimensions: []ConfigDimension{{ID: "width", Step: "top", Name: Text{"en": "Top width", "es": "Ancho del tablero"}, Unit: "cm",
			Min: 120, Max: 180, Increment: 10, Default: 140, PricePerIncrement: EUR(2000), SKU: "TD-TOP",
			Model: ConfigModel{Nodes: []string{"top"}, Axis: "x"}}},
		Choices: []ConfigChoice{
			{ID: "top", Step: "top", Name: en("Top"), Required: true, Default: "oak", Options: []ConfigOption{
				{ID: "oak", SKU: "TD-OAK", Name: en("Oak veneer"), Available: true, Model: ConfigModel{Material: "top", Color: "#c8a27a"}},
				{ID: "walnut", SKU: "TD-WAL", Name: en("Walnut veneer"), Price: EUR(9000), LeadTimeDays: 21},
				{ID: "white", SKU: "TD-WHI", Name: en("White laminate"), Price: EUR(-3000), Available: true},
			}},
			{ID: "frame-colour", Step: "frame", Name: en("Frame colour"), Required: true, Default: "black", Options: []ConfigOption{
				{ID: "black", SKU: "TD-FB", Name: en("Black"), Available: true},
				{ID: "white", SKU: "TD-FW", Name: en("White"), Available: true},
				{ID: "grey", SKU: "TD-FG", Name: en("Grey"), Available: true},
			}},
			{ID: "drawer", Step: "extras", Name: en("Drawer"), Options: []ConfigOption{
				{ID: "drawer-unit", SKU: "TD-DRW", Name: en("Drawer unit"), Price: EUR(7900), Available: true},
			}},
			{ID: "cable-tray", Step: "extras", Name: en("Cable tray"), Options: []ConfigOption{
				{ID: "cable-tray", SKU: "TD-CT", Name: en("Cable tray"), Price: EUR(2900), Available: true},
			}},
			{ID: "monitor-arm", Step: "extras", Name: en("Monitor arm"), Options: []ConfigOption{
				{ID: "monitor-arm", SKU: "TD-MA", Name: en("Monitor arm"), Price: EUR(6900), Available: true,
					Model: ConfigModel{Nodes: []string{"monitor-arm"}}},
			}},
		},
		Rules: []ConfigRule{
			{Kind: RuleRequires, If: ConfigRef{Choice: "monitor-arm", Option: "monitor-arm"}, Then: ConfigRef{Choice: "cable-tray", Option: "cable-tray"}},
			{Kind: RuleMinDimension, If: ConfigRef{Choice: "drawer", Option: "drawer-unit"}, Dimension: "width", Min: 140},
			{Kind: RuleMinDimension, If: ConfigRef{Choice: "cable-tray", Option: "cable-tray"}, Dimension: "width", Min: 130},
			{Kind: RuleExcludes, If: ConfigRef{Choice: "top", Option: "white"}, Then: ConfigRef{Choice: "frame-colour", Option: "grey"}},
		},
		AccessoryRules: []ConfigAccessory{
			{Product: "monitor-27", When: []ConfigRef{{Choice: "monitor-arm", Option: "monitor-arm"}}},
			{Product: "desk-lamp"},
			{Product: "ergonomic-chair"},
			{Product: "test-desk"},
		},
	}
}

// testSofa exercises quantities (priced per module, with a rule on the
// count) and colours that each require a fabric of a required choice.
func testSofa() *Configurator {
	linen := ConfigRef{Choice: "fabric", Option: "linen"}
	velvet := ConfigRef{Choice: "fabric", Option: "velvet"}
	return &Configurator{
		Product: "test-sofa", Base: EUR(17900), BaseSKU: "TS-BASE", BaseName: en("Sofa base"), LeadTimeDays: 10,
		Steps: []ConfigStep{{ID: "layout", Name: en("Layout")}, {ID: "cover", Name: en("Cover")}},
		Quantities: []ConfigQuantity{{ID: "modules", Step: "layout", Name: en("Seat modules"), SKU: "TS-SEAT",
			Min: 2, Max: 5, Default: 3, UnitPrice: EUR(29000), Model: ConfigModel{Nodes: []string{"seat"}, Axis: "x"}}},
		Choices: []ConfigChoice{
			{ID: "chaise", Step: "layout", Name: en("Chaise"), Options: []ConfigOption{
				{ID: "chaise-left", SKU: "TS-CHL", Name: en("Chaise, left"), Price: EUR(39000), Available: true},
			}},
			{ID: "fabric", Step: "cover", Name: en("Fabric"), Required: true, Default: "linen", Options: []ConfigOption{
				{ID: "linen", SKU: "TS-LIN", Name: en("Linen"), Available: true},
				{ID: "velvet", SKU: "TS-VEL", Name: en("Velvet"), Price: EUR(12000), Available: true},
			}},
			{ID: "colour", Step: "cover", Name: en("Colour"), Required: true, Default: "sand", Options: []ConfigOption{
				{ID: "sand", SKU: "TS-C1", Name: en("Sand"), Available: true},
				{ID: "sage", SKU: "TS-C2", Name: en("Sage"), Available: true},
				{ID: "emerald", SKU: "TS-C3", Name: en("Emerald"), Available: true},
				{ID: "rust", SKU: "TS-C4", Name: en("Rust"), Available: true},
			}},
		},
		Rules: []ConfigRule{
			{Kind: RuleMinDimension, If: ConfigRef{Choice: "chaise", Option: "chaise-left"}, Dimension: "modules", Min: 3},
			{Kind: RuleRequires, If: ConfigRef{Choice: "colour", Option: "sand"}, Then: linen},
			{Kind: RuleRequires, If: ConfigRef{Choice: "colour", Option: "sage"}, Then: linen},
			{Kind: RuleRequires, If: ConfigRef{Choice: "colour", Option: "emerald"}, Then: velvet},
			{Kind: RuleRequires, If: ConfigRef{Choice: "colour", Option: "rust"}, Then: velvet},
		},
		AccessoryRules: []ConfigAccessory{
			{Product: "linen-armchair", When: []ConfigRef{linen}},
			{Product: "oak-coffee-table", Unless: []ConfigRef{{Choice: "chaise"}}},
		},
	}
}

// with returns the default configuration of cf changed by edits, which are
// set directly (no rule resolution), so tests can build invalid ones.
func with(cf *Configurator, edits map[string]any) Configuration {
	c := cf.Default()
	for k, v := range edits {
		switch v := v.(type) {
		case string:
			c.Options[k] = v
		case int:
			if _, ok := c.Dimensions[k]; ok {
				c.Dimensions[k] = v
			} else {
				c.Quantities[k] = v
			}
		}
	}
	return c
}

func TestConfiguratorCheck(t *testing.T) {
	for _, tc := range []struct {
		name  string
		cf    *Configurator
		spoil func(cf *Configurator)
	}{
		{"desk fixture is sound", testDesk(), nil},
		{"sofa fixture is sound", testSofa(), nil},
		{"unknown step", testDesk(), func(cf *Configurator) { cf.Choices[0].Step = "nope" }},
		{"part ID used twice", testDesk(), func(cf *Configurator) { cf.Choices[1].ID = "width" }},
		{"part ID not a slug", testDesk(), func(cf *Configurator) { cf.Choices[1].ID = "frame_colour" }},
		{"repeated option", testDesk(), func(cf *Configurator) { cf.Choices[1].Options[1].ID = "black" }},
		{"unavailable without lead time", testDesk(), func(cf *Configurator) { cf.Choices[0].Options[1].LeadTimeDays = 0 }},
		{"price in another currency", testDesk(), func(cf *Configurator) { cf.Choices[0].Options[1].Price = Money{Amount: 1, Currency: "USD"} }},
		{"required choice without default", testDesk(), func(cf *Configurator) { cf.Choices[0].Default = "" }},
		{"default names no option", testDesk(), func(cf *Configurator) { cf.Choices[2].Default = "drawer" }},
		{"dimension range not a whole number of steps", testDesk(), func(cf *Configurator) { cf.Dimensions[0].Max = 185 }},
		{"dimension default off step", testDesk(), func(cf *Configurator) { cf.Dimensions[0].Default = 145 }},
		{"rule names unknown option", testDesk(), func(cf *Configurator) { cf.Rules[0].Then.Option = "tray" }},
		{"rule within one choice", testDesk(), func(cf *Configurator) { cf.Rules[3].Then = ConfigRef{Choice: "top", Option: "oak"} }},
		{"unknown rule kind", testDesk(), func(cf *Configurator) { cf.Rules[0].Kind = "likes" }},
		{"min-dimension on unknown part", testDesk(), func(cf *Configurator) { cf.Rules[1].Dimension = "depth" }},
		{"accessory names unknown choice", testDesk(), func(cf *Configurator) { cf.AccessoryRules[0].When[0].Choice = "arm" }},
		{"default breaks a rule", testDesk(), func(cf *Configurator) { cf.Choices[2].Default = "drawer-unit"; cf.Dimensions[0].Default = 120 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.spoil == nil {
				assert.NoError(t, tc.cf.Check())
				return
			}
			tc.spoil(tc.cf)
			err := tc.cf.Check()
			assert.Equal(t, EINVALID, ErrorCode(err), "error: %v", err)
		})
	}
}

func TestConfigValidate(t *testing.T) {
	desk, sofa := testDesk(), testSofa()
	for _, tc := range []struct {
		name string
		cf   *Configurator
		cfg  Configuration
		key  string // "" when valid
		msg  string
	}{
		{"desk default is valid", desk, desk.Default(), "", ""},
		{"sofa default is valid", sofa, sofa.Default(), "", ""},
		{"width 120 is valid", desk, with(desk, map[string]any{"width": 120}), "", ""},
		{"width 180 is valid", desk, with(desk, map[string]any{"width": 180}), "", ""},
		{"width 125 is off step", desk, with(desk, map[string]any{"width": 125}), "configurator.err.dimension_range",
			"The top width must be from 120 to 180 cm in steps of 10 cm."},
		{"width 190 is too wide", desk, with(desk, map[string]any{"width": 190}), "configurator.err.dimension_range", ""},
		{"width 110 is too narrow", desk, with(desk, map[string]any{"width": 110}), "configurator.err.dimension_range", ""},
		{"arm with tray is valid", desk, with(desk, map[string]any{"monitor-arm": "monitor-arm", "cable-tray": "cable-tray"}), "", ""},
		{"arm without tray", desk, with(desk, map[string]any{"monitor-arm": "monitor-arm"}), "configurator.reason.requires",
			"The monitor arm needs the cable tray."},
		{"drawer on a 130 cm top", desk, with(desk, map[string]any{"drawer": "drawer-unit", "width": 130}), "configurator.reason.min_dimension",
			"The drawer unit needs a top width of at least 140 cm."},
		{"drawer on a 140 cm top is valid", desk, with(desk, map[string]any{"drawer": "drawer-unit"}), "", ""},
		{"white top with grey frame", desk, with(desk, map[string]any{"top": "white", "frame-colour": "grey"}), "configurator.reason.excludes",
			"The white laminate can't be combined with the grey."},
		{"unknown option", desk, with(desk, map[string]any{"top": "marble"}), "configurator.err.unknown_option", ""},
		{"unknown choice", desk, with(desk, map[string]any{"legs": "oak"}), "configurator.err.unknown_part", ""},
		{"required choice left empty", desk, with(desk, map[string]any{"top": ""}), "configurator.err.required", "Please choose the top."},
		{"missing choice", desk, func() Configuration { c := desk.Default(); delete(c.Options, "drawer"); return c }(), "configurator.err.missing_part", ""},
		{"missing dimension", desk, func() Configuration { c := desk.Default(); delete(c.Dimensions, "width"); return c }(), "configurator.err.missing_part", ""},
		{"other product", desk, sofa.Default(), "configurator.err.product", ""},
		{"2 modules are valid", sofa, with(sofa, map[string]any{"modules": 2}), "", ""},
		{"6 modules are too many", sofa, with(sofa, map[string]any{"modules": 6}), "configurator.err.quantity_range", ""},
		{"1 module is too few", sofa, with(sofa, map[string]any{"modules": 1}), "configurator.err.quantity_range", ""},
		{"chaise with 2 modules", sofa, with(sofa, map[string]any{"modules": 2, "chaise": "chaise-left"}), "configurator.reason.min_quantity",
			"The chaise, left needs at least 3 seat modules."},
		{"velvet colour on linen", sofa, with(sofa, map[string]any{"colour": "emerald"}), "configurator.reason.requires", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.cf.Validate(tc.cfg)
			if tc.key == "" {
				assert.NoError(t, err)
				return
			}
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, EINVALID, e.Code)
			assert.Equal(t, tc.key, e.Key)
			if tc.msg != "" {
				assert.Equal(t, tc.msg, e.Message)
			}
		})
	}
}

func TestConfigPrice(t *testing.T) {
	desk, sofa := testDesk(), testSofa()
	for _, tc := range []struct {
		name  string
		cf    *Configurator
		cfg   Configuration
		total int64
	}{
		{"desk default", desk, desk.Default(), 59900},
		{"width 120 adds nothing", desk, with(desk, map[string]any{"width": 120}), 55900},
		{"width 130 adds one step", desk, with(desk, map[string]any{"width": 130}), 57900},
		{"width 180 adds six steps", desk, with(desk, map[string]any{"width": 180}), 67900},
		{"negative delta lowers the price", desk, with(desk, map[string]any{"top": "white"}), 56900},
		{"options add up", desk, with(desk, map[string]any{"top": "walnut", "monitor-arm": "monitor-arm", "cable-tray": "cable-tray"}), 78700},
		{"sofa default", sofa, sofa.Default(), 104900},
		{"2 modules", sofa, with(sofa, map[string]any{"modules": 2}), 75900},
		{"5 modules", sofa, with(sofa, map[string]any{"modules": 5}), 162900},
		{"4 velvet modules with chaise", sofa, with(sofa, map[string]any{"modules": 4, "chaise": "chaise-left", "fabric": "velvet", "colour": "rust"}), 184900},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, tc.cf.Validate(tc.cfg))
			total, lines := tc.cf.Price(tc.cfg)
			assert.Equal(t, EUR(tc.total), total)
			sum := Money{}
			for _, l := range lines {
				sum = sum.Add(l.Amount)
			}
			assert.Equal(t, total, sum, "lines add up to the total")
		})
	}
}

func TestConfigPriceLines(t *testing.T) {
	sofa := testSofa()
	_, lines := sofa.Price(with(sofa, map[string]any{"modules": 4, "fabric": "velvet", "colour": "rust"}))
	assert.Equal(t, []PriceLine{
		{Name: en("Sofa base"), Qty: 1, Amount: EUR(17900)},
		{Part: "modules", Name: en("Seat modules"), Qty: 4, Amount: EUR(116000)},
		{Part: "fabric", Option: "velvet", Name: en("Velvet"), Qty: 1, Amount: EUR(12000)},
	}, lines)
}

func TestConfigApply(t *testing.T) {
	desk, sofa := testDesk(), testSofa()
	for _, tc := range []struct {
		name    string
		cf      *Configurator
		from    Configuration
		change  ConfigChange
		want    Configuration // zero when the change is refused
		errKey  string
		notices []string // English messages
	}{
		{"monitor arm adds the cable tray", desk, desk.Default(),
			ConfigChange{Part: "monitor-arm", Option: "monitor-arm"},
			with(desk, map[string]any{"monitor-arm": "monitor-arm", "cable-tray": "cable-tray"}), "",
			[]string{"The monitor arm needs the cable tray, so we added it."}},
		{"dropping the cable tray removes the monitor arm", desk,
			with(desk, map[string]any{"monitor-arm": "monitor-arm", "cable-tray": "cable-tray"}),
			ConfigChange{Part: "cable-tray", Option: ""}, desk.Default(), "",
			[]string{"The monitor arm needs the cable tray, so we removed it."}},
		{"narrowing the top removes the drawer unit", desk, with(desk, map[string]any{"drawer": "drawer-unit"}),
			ConfigChange{Part: "width", Value: 130}, with(desk, map[string]any{"width": 130}), "",
			[]string{"The drawer unit needs a top width of at least 140 cm, so we removed it."}},
		{"narrowing the top removes the tray and then the arm", desk,
			with(desk, map[string]any{"monitor-arm": "monitor-arm", "cable-tray": "cable-tray"}),
			ConfigChange{Part: "width", Value: 120}, with(desk, map[string]any{"width": 120}), "",
			[]string{"The cable tray needs a top width of at least 130 cm, so we removed it.",
				"The monitor arm needs the cable tray, so we removed it."}},
		{"widening keeps everything", desk, with(desk, map[string]any{"drawer": "drawer-unit"}),
			ConfigChange{Part: "width", Value: 180}, with(desk, map[string]any{"drawer": "drawer-unit", "width": 180}), "", nil},
		{"choosing the chosen option changes nothing", desk, desk.Default(),
			ConfigChange{Part: "top", Option: "oak"}, desk.Default(), "", nil},
		{"drawer unit refused on a 130 cm top", desk, with(desk, map[string]any{"width": 130}),
			ConfigChange{Part: "drawer", Option: "drawer-unit"}, Configuration{}, "configurator.reason.min_dimension", nil},
		{"monitor arm refused when its cable tray does not fit", desk, with(desk, map[string]any{"width": 120}),
			ConfigChange{Part: "monitor-arm", Option: "monitor-arm"}, Configuration{}, "configurator.reason.requires_blocked", nil},
		{"white top refused with a grey frame", desk, with(desk, map[string]any{"frame-colour": "grey"}),
			ConfigChange{Part: "top", Option: "white"}, Configuration{}, "configurator.reason.excludes", nil},
		{"grey frame refused with a white top", desk, with(desk, map[string]any{"top": "white"}),
			ConfigChange{Part: "frame-colour", Option: "grey"}, Configuration{}, "configurator.reason.excludes", nil},
		{"width 125 refused", desk, desk.Default(), ConfigChange{Part: "width", Value: 125}, Configuration{}, "configurator.err.dimension_range", nil},
		{"width 190 refused", desk, desk.Default(), ConfigChange{Part: "width", Value: 190}, Configuration{}, "configurator.err.dimension_range", nil},
		{"unknown part refused", desk, desk.Default(), ConfigChange{Part: "legs", Option: "oak"}, Configuration{}, "configurator.err.unknown_part", nil},
		{"unknown option refused", desk, desk.Default(), ConfigChange{Part: "top", Option: "marble"}, Configuration{}, "configurator.err.unknown_option", nil},
		{"none refused for a required choice", desk, desk.Default(), ConfigChange{Part: "top"}, Configuration{}, "configurator.err.required", nil},
		{"invalid starting configuration refused", desk, with(desk, map[string]any{"width": 125}),
			ConfigChange{Part: "top", Option: "white"}, Configuration{}, "configurator.err.dimension_range", nil},
		{"velvet colour switches the fabric", sofa, sofa.Default(),
			ConfigChange{Part: "colour", Option: "emerald"}, with(sofa, map[string]any{"colour": "emerald", "fabric": "velvet"}), "",
			[]string{"The emerald needs the velvet, so we changed the fabric to velvet."}},
		{"velvet fabric replaces a linen colour with the first that fits", sofa, sofa.Default(),
			ConfigChange{Part: "fabric", Option: "velvet"}, with(sofa, map[string]any{"colour": "emerald", "fabric": "velvet"}), "",
			[]string{"The sand needs the linen, so we changed the colour to emerald."}},
		{"back to linen restores the default colour", sofa, with(sofa, map[string]any{"colour": "rust", "fabric": "velvet"}),
			ConfigChange{Part: "fabric", Option: "linen"}, sofa.Default(), "",
			[]string{"The rust needs the velvet, so we changed the colour to sand."}},
		{"two modules remove the chaise", sofa, with(sofa, map[string]any{"chaise": "chaise-left"}),
			ConfigChange{Part: "modules", Value: 2}, with(sofa, map[string]any{"modules": 2}), "",
			[]string{"The chaise, left needs at least 3 seat modules, so we removed it."}},
		{"six modules refused", sofa, sofa.Default(), ConfigChange{Part: "modules", Value: 6}, Configuration{}, "configurator.err.quantity_range", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := tc.from.Encode()
			got, notices, err := tc.cf.Apply(tc.from, tc.change)
			assert.Equal(t, before, tc.from.Encode(), "the starting configuration is not modified")
			if tc.errKey != "" {
				var e *Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, EINVALID, e.Code)
				assert.Equal(t, tc.errKey, e.Key)
				assert.NotEmpty(t, e.Message)
				assert.Equal(t, tc.from, got, "a refused change returns the configuration unchanged")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
			assert.NoError(t, tc.cf.Validate(got))
			var msgs []string
			for _, n := range notices {
				msgs = append(msgs, n.Message)
			}
			assert.Equal(t, tc.notices, msgs)
		})
	}
}

func TestConfigApplyNoticeDetails(t *testing.T) {
	desk := testDesk()
	_, notices, err := desk.Apply(desk.Default(), ConfigChange{Part: "monitor-arm", Option: "monitor-arm"})
	require.NoError(t, err)
	require.Len(t, notices, 1)
	n := notices[0]
	assert.Equal(t, "configurator.notice.added", n.Key)
	assert.Equal(t, "cable-tray", n.Choice)
	assert.Equal(t, "cable-tray", n.Option)
	assert.Equal(t, "", n.Previous)
	assert.Equal(t, "configurator.reason.requires", n.Reason.Key)
	assert.Equal(t, en("Monitor arm"), n.Reason.Params["option"])
	assert.Equal(t, en("Cable tray"), n.Reason.Params["required"])
}

func TestConfigAvailability(t *testing.T) {
	desk := testDesk()
	for _, tc := range []struct {
		name   string
		cfg    Configuration
		choice string
		option string
		reason string // English; "" when enabled
	}{
		{"drawer unit disabled on a 130 cm top", with(desk, map[string]any{"width": 130}), "drawer", "drawer-unit",
			"The drawer unit needs a top width of at least 140 cm."},
		{"drawer unit enabled on a 140 cm top", desk.Default(), "drawer", "drawer-unit", ""},
		{"monitor arm enabled: it adds the tray", desk.Default(), "monitor-arm", "monitor-arm", ""},
		{"monitor arm disabled when the tray does not fit", with(desk, map[string]any{"width": 120}), "monitor-arm", "monitor-arm",
			"The monitor arm needs the cable tray, which doesn't fit your other choices."},
		{"white top disabled with a grey frame", with(desk, map[string]any{"frame-colour": "grey"}), "top", "white",
			"The white laminate can't be combined with the grey."},
		{"grey frame disabled with a white top", with(desk, map[string]any{"top": "white"}), "frame-colour", "grey",
			"The grey can't be combined with the white laminate."},
		{"out-of-stock walnut stays orderable", desk.Default(), "top", "walnut", ""},
		{"chosen option enabled", desk.Default(), "top", "oak", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, desk.Validate(tc.cfg))
			var found *ConfigAvailability
			for _, a := range desk.Availability(tc.cfg) {
				if a.Choice == tc.choice && a.Option == tc.option {
					found = &a
				}
			}
			require.NotNil(t, found)
			if tc.reason == "" {
				assert.True(t, found.Enabled)
				assert.Nil(t, found.Reason)
				return
			}
			assert.False(t, found.Enabled)
			require.NotNil(t, found.Reason)
			assert.Equal(t, tc.reason, found.Reason.Message)
		})
	}
}

// TestConfigAvailabilityMatchesApply checks that an option is shown enabled
// exactly when Apply accepts it, in configurations reached by many changes.
func TestConfigAvailabilityMatchesApply(t *testing.T) {
	for _, cf := range []*Configurator{testDesk(), testSofa()} {
		for _, cfg := range reachable(t, cf) {
			for _, a := range cf.Availability(cfg) {
				_, _, err := cf.Apply(cfg, ConfigChange{Part: a.Choice, Option: a.Option})
				assert.Equal(t, a.Enabled, err == nil, "%s %s: %s/%s", cf.Product, cfg.Encode(), a.Choice, a.Option)
			}
		}
	}
}

// reachable returns configurations reached from the default by one or two
// accepted changes.
func reachable(t *testing.T, cf *Configurator) []Configuration {
	var changes []ConfigChange
	for _, ch := range cf.Choices {
		if !ch.Required {
			changes = append(changes, ConfigChange{Part: ch.ID})
		}
		for _, o := range ch.Options {
			changes = append(changes, ConfigChange{Part: ch.ID, Option: o.ID})
		}
	}
	for _, d := range cf.Dimensions {
		for v := d.Min; v <= d.Max; v += d.Increment {
			changes = append(changes, ConfigChange{Part: d.ID, Value: v})
		}
	}
	for _, q := range cf.Quantities {
		for n := q.Min; n <= q.Max; n++ {
			changes = append(changes, ConfigChange{Part: q.ID, Value: n})
		}
	}
	seen := map[string]bool{}
	out := []Configuration{cf.Default()}
	seen[cf.Default().Encode()] = true
	for _, from := range []Configuration{cf.Default()} {
		for _, c1 := range changes {
			a, _, err := cf.Apply(from, c1)
			if err != nil {
				continue
			}
			for _, c2 := range changes {
				b, _, err := cf.Apply(a, c2)
				if err != nil || seen[b.Encode()] {
					continue
				}
				seen[b.Encode()] = true
				out = append(out, b)
			}
		}
	}
	require.Greater(t, len(out), 10)
	return out
}

func TestConfigEncode(t *testing.T) {
	desk := testDesk()
	assert.Equal(t, "cable-tray.-_drawer.-_frame-colour.black_monitor-arm.-_top.oak_width.140", desk.Default().Encode())

	for _, cf := range []*Configurator{testDesk(), testSofa()} {
		for _, cfg := range reachable(t, cf) {
			code := cfg.Encode()
			assert.Regexp(t, `^[a-z0-9._-]+$`, code, "codes are URL-safe")
			assert.Equal(t, code, cfg.clone().Encode(), "encoding is deterministic")
			got, err := DecodeConfiguration(cf, code)
			require.NoError(t, err, code)
			assert.Equal(t, cfg, got, code)
		}
	}
}

func TestConfigDecode(t *testing.T) {
	desk := testDesk()
	for _, tc := range []struct {
		name string
		code string
		want Configuration // zero when rejected
	}{
		{"empty code is the default", "", desk.Default()},
		{"missing parts get defaults", "width.160", with(desk, map[string]any{"width": 160})},
		{"order does not matter", "width.160_top.white", with(desk, map[string]any{"width": 160, "top": "white"})},
		{"dash is none", "drawer.-", desk.Default()},
		{"unknown part", "legs.oak", Configuration{}},
		{"unknown option", "top.marble", Configuration{}},
		{"none for a required choice", "top.-", Configuration{}},
		{"dimension off step", "width.125", Configuration{}},
		{"dimension too large", "width.190", Configuration{}},
		{"not a number", "width.wide", Configuration{}},
		{"pair without a dot", "width", Configuration{}},
		{"pair without a value", "drawer.", Configuration{}},
		{"repeated part", "width.150_width.160", Configuration{}},
		{"combination that breaks a rule", "monitor-arm.monitor-arm", Configuration{}},
		{"too long", strings.Repeat("width.140_", 300), Configuration{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodeConfiguration(desk, tc.code)
			if tc.want.Product == "" {
				assert.Equal(t, EINVALID, ErrorCode(err), "error: %v", err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestConfigSnapshot(t *testing.T) {
	desk := testDesk()
	cfg := with(desk, map[string]any{"top": "walnut", "width": 160, "monitor-arm": "monitor-arm", "cable-tray": "cable-tray"})
	snap, err := desk.Snapshot(cfg)
	require.NoError(t, err)

	b, err := json.Marshal(snap)
	require.NoError(t, err)
	var back ConfigSnapshot
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, snap, back, "the snapshot survives JSON")

	assert.Equal(t, cfg, back.Configuration(), "the snapshot rebuilds its configuration")
	total, _ := desk.Price(cfg)
	assert.Equal(t, total, back.Total)
	assert.Equal(t, EUR(55900+8*1000+9000+6900+2900), back.Total)
	assert.Equal(t, 21, back.LeadTimeDays)
	assert.Equal(t, cfg.Encode(), back.Code)
	assert.Equal(t, []ConfigSnapshotDimension{{ID: "width", Name: desk.Dimensions[0].Name, SKU: "TD-TOP-160",
		Value: 160, Unit: "cm", Price: EUR(8000)}}, back.Dimensions)
	assert.Contains(t, back.Options, ConfigSnapshotOption{Choice: "top", ChoiceName: en("Top"), Option: "walnut",
		SKU: "TD-WAL", Name: en("Walnut veneer"), Price: EUR(9000)})
	assert.Contains(t, back.Options, ConfigSnapshotOption{Choice: "drawer", ChoiceName: en("Drawer"), Price: Money{}},
		"a choice left empty is recorded as such")

	_, err = desk.Snapshot(with(desk, map[string]any{"width": 125}))
	assert.Equal(t, EINVALID, ErrorCode(err), "an invalid configuration has no snapshot")
}

func TestConfigParts(t *testing.T) {
	sofa := testSofa()
	parts := sofa.Parts(with(sofa, map[string]any{"modules": 4, "chaise": "chaise-left"}))
	assert.Equal(t, []PartLine{
		{SKU: "TS-BASE", Name: en("Sofa base"), Qty: 1, Price: EUR(17900)},
		{SKU: "TS-SEAT", Name: en("Seat modules"), Qty: 4, Price: EUR(29000)},
		{SKU: "TS-CHL", Name: en("Chaise, left"), Qty: 1, Price: EUR(39000)},
		{SKU: "TS-LIN", Name: en("Linen"), Qty: 1, Price: Money{}},
		{SKU: "TS-C1", Name: en("Sand"), Qty: 1, Price: Money{}},
	}, parts)

	desk := testDesk()
	dparts := desk.Parts(with(desk, map[string]any{"width": 150}))
	require.Greater(t, len(dparts), 1)
	assert.Equal(t, PartLine{SKU: "TD-TOP-150", Name: Text{"en": "Top width 150 cm", "es": "Ancho del tablero 150 cm"},
		Qty: 1, Price: EUR(6000)}, dparts[1])
}

func TestConfigLeadTime(t *testing.T) {
	desk := testDesk()
	for _, tc := range []struct {
		name string
		cfg  Configuration
		days int
	}{
		{"in-stock parts ship after the base lead time", desk.Default(), 5},
		{"an out-of-stock part sets the lead time", with(desk, map[string]any{"top": "walnut"}), 21},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.days, desk.LeadTime(tc.cfg))
		})
	}
}

func TestConfigAccessories(t *testing.T) {
	desk, sofa := testDesk(), testSofa()
	all := []Product{{Slug: "monitor-27"}, {Slug: "desk-lamp"}, {Slug: "ergonomic-chair"}, {Slug: "test-desk"},
		{Slug: "linen-armchair"}, {Slug: "oak-coffee-table"}}
	for _, tc := range []struct {
		name     string
		cf       *Configurator
		cfg      Configuration
		products []Product
		want     []string
	}{
		{"unconditional accessories, never the product itself", desk, desk.Default(), all, []string{"desk-lamp", "ergonomic-chair"}},
		{"monitor arm brings the monitor", desk, with(desk, map[string]any{"monitor-arm": "monitor-arm", "cable-tray": "cable-tray"}), all,
			[]string{"monitor-27", "desk-lamp", "ergonomic-chair"}},
		{"products missing from the catalog are left out", desk, desk.Default(), all[1:2], []string{"desk-lamp"}},
		{"when matches an option", sofa, sofa.Default(), all, []string{"linen-armchair", "oak-coffee-table"}},
		{"unless matches any option of a choice", sofa, with(sofa, map[string]any{"chaise": "chaise-left"}), all, []string{"linen-armchair"}},
		{"when not matched", sofa, with(sofa, map[string]any{"fabric": "velvet", "colour": "rust"}), all, []string{"oak-coffee-table"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.cf.Accessories(tc.cfg, tc.products))
		})
	}
}

func TestConfigModels(t *testing.T) {
	desk := testDesk()
	models := desk.Models(with(desk, map[string]any{"width": 160, "monitor-arm": "monitor-arm", "cable-tray": "cable-tray"}))
	assert.Equal(t, []ConfigModel{
		{Material: "top", Color: "#c8a27a"},
		{Nodes: []string{"monitor-arm"}},
		{Nodes: []string{"top"}, Axis: "x", Scale: 160.0 / 140.0},
	}, models)

	sofa := testSofa()
	assert.Equal(t, []ConfigModel{{Nodes: []string{"seat"}, Axis: "x", Repeat: 4}},
		sofa.Models(with(sofa, map[string]any{"modules": 4})))
}

func TestConfigPhraseFormat(t *testing.T) {
	p := newPhrase("configurator.reason.min_dimension", "The {option} needs a {dimension} of at least {min} {unit}.",
		map[string]Text{"option": {"en": "Drawer unit", "es": "Cajonera"}, "dimension": {"en": "Top width", "es": "ancho del tablero"},
			"min": {"en": "140"}, "unit": {"en": "cm"}})
	assert.Equal(t, "The drawer unit needs a top width of at least 140 cm.", p.Message)
	assert.Equal(t, "La Cajonera necesita un ancho del tablero de al menos 140 cm.",
		p.Format("La {option} necesita un {dimension} de al menos {min} {unit}.", "es"))
	assert.Equal(t, p.Message, p.Format("", "es"), "without a translation the English sentence is used")
	assert.Equal(t, "left {unknown} as is", p.Format("left {unknown} as is", "es"))
	assert.Equal(t, "XL frame", lowerFirst("XL frame"), "abbreviations keep their case")
	assert.Equal(t, "S frame", lowerFirst("S frame"), "single letters keep their case")
}

func TestConfiguratorJSON(t *testing.T) {
	// The browser receives configurators as JSON and runs the same engine on
	// them, so a configurator must survive the trip with identical results.
	for _, cf := range []*Configurator{testDesk(), testSofa()} {
		b, err := json.Marshal(cf)
		require.NoError(t, err)
		var back Configurator
		require.NoError(t, json.Unmarshal(b, &back))
		require.NoError(t, back.Check())
		for _, cfg := range reachable(t, cf) {
			want, _ := cf.Price(cfg)
			got, _ := back.Price(cfg)
			assert.Equal(t, want, got)
			assert.Equal(t, cf.Availability(cfg), back.Availability(cfg))
		}
	}
}

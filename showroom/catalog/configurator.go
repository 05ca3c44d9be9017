package catalog

// This file is the configurator's rule and pricing engine. It runs twice: in
// the browser, so that every choice updates the preview and the price at
// once, and on the server, which re-validates and re-prices every
// configuration it receives and never trusts a price computed by a browser.
// So it stays pure Go with no I/O and only the standard library.

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rule kinds of ConfigRule.
const (
	// RuleRequires: choosing If needs Then (an option of another choice).
	// Choosing If selects Then too, with a notice; losing Then removes If.
	RuleRequires = "requires"
	// RuleExcludes: If and Then cannot be chosen together.
	RuleExcludes = "excludes"
	// RuleMinDimension: If needs the dimension or quantity named by
	// Dimension to be at least Min.
	RuleMinDimension = "min-dimension"
)

// maxCodeLen bounds the share code DecodeConfiguration accepts, so a hostile
// link cannot make the server split megabytes.
const maxCodeLen = 2048

// Configurator describes how the buyer assembles one configurable product:
// the steps the page shows, the parts chosen in each step, the rules between
// parts, and how the price is made. It is plain data (JSON-marshalable) so the
// server can send it to the browser, where the same engine runs.
type Configurator struct {
	// Product is the slug of the configurable product.
	Product string `json:"product"`
	// Base is the price of what every configuration contains (frame,
	// assembly); BaseSKU and BaseName name it in the parts list.
	Base     Money  `json:"base"`
	BaseSKU  string `json:"baseSku"`
	BaseName Text   `json:"baseName"`
	// LeadTimeDays is the delivery time when every chosen part is in stock.
	LeadTimeDays int `json:"leadTimeDays"`
	// Steps are shown in this order; every part names its step.
	Steps      []ConfigStep      `json:"steps"`
	Choices    []ConfigChoice    `json:"choices"`
	Dimensions []ConfigDimension `json:"dimensions,omitempty"`
	Quantities []ConfigQuantity  `json:"quantities,omitempty"`
	Rules      []ConfigRule      `json:"rules,omitempty"`
	// Accessories are other products offered beside the summary and in the
	// cart, computed from the configuration rather than hard-coded per page.
	AccessoryRules []ConfigAccessory `json:"accessoryRules,omitempty"`
}

// ConfigStep is one page section of the configurator ("Frame", "Extras").
type ConfigStep struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
}

// ConfigChoice is a single-select group of options ("Legs": oak, black
// metal, walnut). Its ID is unique among all parts of the configurator.
type ConfigChoice struct {
	ID   string `json:"id"`
	Step string `json:"step"`
	Name Text   `json:"name"`
	// Required choices always have an option; optional ones may have none,
	// written "" in a Configuration.
	Required bool `json:"required"`
	// Default is the option chosen in the default configuration ("" for none).
	Default string         `json:"default"`
	Options []ConfigOption `json:"options"`
}

// ConfigOption is one alternative of a choice.
type ConfigOption struct {
	ID   string `json:"id"`
	SKU  string `json:"sku"`
	Name Text   `json:"name"`
	// Swatch is a colour ("#5a6b4f") and Thumbnail a picture path under
	// /web/; the page shows whichever is set.
	Swatch    string `json:"swatch,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
	// Price is added to the base price; it may be negative.
	Price Money `json:"price"`
	// Available is false when the part is out of stock: it can still be
	// ordered but ships after LeadTimeDays, which must then be set.
	Available    bool        `json:"available"`
	LeadTimeDays int         `json:"leadTimeDays,omitempty"`
	Model        ConfigModel `json:"model"`
}

// ConfigModel tells the 3D preview how a part looks. The engine does not read
// it; it only passes it on (see Configurator.Models).
type ConfigModel struct {
	// Nodes are the names of nodes of the product's GLB to show for this
	// part; nodes no chosen part names are hidden.
	Nodes []string `json:"nodes,omitempty"`
	// Material names the GLB material to recolour with Color ("#rrggbb").
	Material string `json:"material,omitempty"`
	Color    string `json:"color,omitempty"`
	// Scale multiplies the size of Nodes (0 means 1), along Axis ("x", "y",
	// "z") if set, else uniformly.
	Scale float64 `json:"scale,omitempty"`
	Axis  string  `json:"axis,omitempty"`
	// Repeat is how many copies of Nodes to place side by side along Axis;
	// Models sets it for quantities.
	Repeat int `json:"repeat,omitempty"`
}

// ConfigDimension is a size the buyer sets within a range (a desk top from
// 120 to 180 cm in steps of 10). Its price is Price at Min plus
// PricePerIncrement for every Increment above Min.
type ConfigDimension struct {
	ID                string `json:"id"`
	Step              string `json:"step"`
	Name              Text   `json:"name"`
	Unit              string `json:"unit"`
	Min               int    `json:"min"`
	Max               int    `json:"max"`
	Increment         int    `json:"increment"`
	Default           int    `json:"default"`
	Price             Money  `json:"price"`
	PricePerIncrement Money  `json:"pricePerIncrement"`
	// SKU is the stem of the part's SKU; the parts list appends the value.
	SKU string `json:"sku"`
	// Model's nodes are scaled along its Axis by value/Default, since the
	// GLB is modelled at the default size.
	Model ConfigModel `json:"model"`
}

// ConfigQuantity is a number of identical parts (seat modules of a sofa),
// each priced UnitPrice.
type ConfigQuantity struct {
	ID        string      `json:"id"`
	Step      string      `json:"step"`
	Name      Text        `json:"name"`
	SKU       string      `json:"sku"`
	Min       int         `json:"min"`
	Max       int         `json:"max"`
	Default   int         `json:"default"`
	UnitPrice Money       `json:"unitPrice"`
	Model     ConfigModel `json:"model"`
}

// ConfigRef names an option of a choice. In accessory rules an empty Option
// means "any option of the choice".
type ConfigRef struct {
	Choice string `json:"choice"`
	Option string `json:"option,omitempty"`
}

// ConfigRule constrains which options go together; see the Rule* kinds.
type ConfigRule struct {
	Kind string    `json:"kind"`
	If   ConfigRef `json:"if"`
	// Then is the other option of a requires or excludes rule.
	Then ConfigRef `json:"then"`
	// Dimension and Min are the bound of a min-dimension rule; Dimension
	// names a dimension or a quantity.
	Dimension string `json:"dimension,omitempty"`
	Min       int    `json:"min,omitempty"`
}

// ConfigAccessory offers another product (by slug) with the configured one:
// when any of When is chosen (always, if When is empty) and none of Unless
// is. "Bike light set unless lights are chosen" is {Unless: lights}.
type ConfigAccessory struct {
	Product string      `json:"product"`
	When    []ConfigRef `json:"when,omitempty"`
	Unless  []ConfigRef `json:"unless,omitempty"`
}

// ConfigPhrase is a sentence for the customer: Key is its translation key,
// Params the values to put in its {placeholders} (names in every locale,
// numbers in "en" only), and Message the finished English sentence.
type ConfigPhrase struct {
	Key     string          `json:"key"`
	Params  map[string]Text `json:"params,omitempty"`
	Message string          `json:"message"`
}

// Format fills template (the translation of Key in locale) with Params in
// that locale. It returns Message when template is empty, so a missing
// translation still shows the English sentence.
func (p ConfigPhrase) Format(template, locale string) string {
	if template == "" {
		return p.Message
	}
	return fill(template, p.Params, locale, false)
}

// ConfigNotice tells the buyer what the engine changed on its own while
// applying their choice, and why: the Reason is shown first, then the action
// (Key: configurator.notice.added, .removed or .changed). Message is the
// whole English sentence ("The monitor arm needs the cable tray, so we added
// it.").
type ConfigNotice struct {
	ConfigPhrase
	Reason ConfigPhrase `json:"reason"`
	// Choice is the choice the engine changed, from Previous to Option (""
	// is none).
	Choice   string `json:"choice"`
	Option   string `json:"option"`
	Previous string `json:"previous"`
}

// ConfigChange is one action of the buyer: set Part (a choice, dimension or
// quantity ID) to Option (for a choice; "" is none) or to Value.
type ConfigChange struct {
	Part   string `json:"part"`
	Option string `json:"option,omitempty"`
	Value  int    `json:"value,omitempty"`
}

// ConfigAvailability says whether choosing an option now would be accepted,
// and if not, why, so the page can show it disabled with the reason.
type ConfigAvailability struct {
	Choice  string        `json:"choice"`
	Option  string        `json:"option"`
	Enabled bool          `json:"enabled"`
	Reason  *ConfigPhrase `json:"reason,omitempty"`
}

// PriceLine is one line of the price breakdown; the lines add up to the
// total. Part is empty for the base price.
type PriceLine struct {
	Part   string `json:"part,omitempty"`
	Option string `json:"option,omitempty"`
	Name   Text   `json:"name"`
	Qty    int    `json:"qty"`
	Amount Money  `json:"amount"`
}

// PartLine is one row of the summary's parts list. Price is per unit.
type PartLine struct {
	SKU   string `json:"sku"`
	Name  Text   `json:"name"`
	Qty   int    `json:"qty"`
	Price Money  `json:"price"`
}

// Configuration is what the buyer chose: an option per choice ("" for none),
// a value per dimension and a count per quantity. It holds IDs only; prices
// always come from the Configurator, never from the configuration.
type Configuration struct {
	Product    string            `json:"product"`
	Options    map[string]string `json:"options"`
	Dimensions map[string]int    `json:"dimensions"`
	Quantities map[string]int    `json:"quantities"`
}

// ConfigSnapshot is a configuration written out in full (names in every
// locale, SKUs, prices) when it is ordered. Orders keep it forever, so what
// was bought can be shown and rebuilt even after the catalog changes.
type ConfigSnapshot struct {
	Product      string                    `json:"product"`
	Code         string                    `json:"code"`
	BaseSKU      string                    `json:"baseSku"`
	BaseName     Text                      `json:"baseName"`
	Base         Money                     `json:"base"`
	Options      []ConfigSnapshotOption    `json:"options"`
	Dimensions   []ConfigSnapshotDimension `json:"dimensions"`
	Quantities   []ConfigSnapshotQuantity  `json:"quantities"`
	Total        Money                     `json:"total"`
	LeadTimeDays int                       `json:"leadTimeDays"`
}

// ConfigSnapshotOption is the option chosen for one choice; Option is empty
// when none was.
type ConfigSnapshotOption struct {
	Choice     string `json:"choice"`
	ChoiceName Text   `json:"choiceName"`
	Option     string `json:"option"`
	SKU        string `json:"sku,omitempty"`
	Name       Text   `json:"name,omitempty"`
	Price      Money  `json:"price"`
}

// ConfigSnapshotDimension is the value chosen for one dimension.
type ConfigSnapshotDimension struct {
	ID    string `json:"id"`
	Name  Text   `json:"name"`
	SKU   string `json:"sku"`
	Value int    `json:"value"`
	Unit  string `json:"unit"`
	Price Money  `json:"price"`
}

// ConfigSnapshotQuantity is the count chosen for one quantity.
type ConfigSnapshotQuantity struct {
	ID        string `json:"id"`
	Name      Text   `json:"name"`
	SKU       string `json:"sku"`
	Count     int    `json:"count"`
	UnitPrice Money  `json:"unitPrice"`
	Price     Money  `json:"price"`
}

// Configuration rebuilds the configuration the snapshot was taken of.
func (s ConfigSnapshot) Configuration() Configuration {
	c := Configuration{Product: s.Product, Options: map[string]string{},
		Dimensions: map[string]int{}, Quantities: map[string]int{}}
	for _, o := range s.Options {
		c.Options[o.Choice] = o.Option
	}
	for _, d := range s.Dimensions {
		c.Dimensions[d.ID] = d.Value
	}
	for _, q := range s.Quantities {
		c.Quantities[q.ID] = q.Count
	}
	return c
}

// Lookups. Configurators have a few dozen parts, so linear scans are cheaper
// than keeping indexes in sync with plain, JSON-decoded data.

func (cf *Configurator) choice(id string) *ConfigChoice {
	for i := range cf.Choices {
		if cf.Choices[i].ID == id {
			return &cf.Choices[i]
		}
	}
	return nil
}

func (ch *ConfigChoice) option(id string) *ConfigOption {
	for i := range ch.Options {
		if ch.Options[i].ID == id {
			return &ch.Options[i]
		}
	}
	return nil
}

func (cf *Configurator) dimension(id string) *ConfigDimension {
	for i := range cf.Dimensions {
		if cf.Dimensions[i].ID == id {
			return &cf.Dimensions[i]
		}
	}
	return nil
}

func (cf *Configurator) quantity(id string) *ConfigQuantity {
	for i := range cf.Quantities {
		if cf.Quantities[i].ID == id {
			return &cf.Quantities[i]
		}
	}
	return nil
}

func (cf *Configurator) option(r ConfigRef) *ConfigOption {
	if ch := cf.choice(r.Choice); ch != nil {
		return ch.option(r.Option)
	}
	return nil
}

// optionName and partName return the names used in messages; an unknown ID
// stands for itself rather than failing, since messages are best effort.
func (cf *Configurator) optionName(r ConfigRef) Text {
	if o := cf.option(r); o != nil {
		return o.Name
	}
	return Text{"en": r.Option}
}

func (cf *Configurator) partName(id string) Text {
	if ch := cf.choice(id); ch != nil {
		return ch.Name
	}
	if d := cf.dimension(id); d != nil {
		return d.Name
	}
	if q := cf.quantity(id); q != nil {
		return q.Name
	}
	return Text{"en": id}
}

func (c Configuration) clone() Configuration {
	n := Configuration{Product: c.Product,
		Options:    make(map[string]string, len(c.Options)),
		Dimensions: make(map[string]int, len(c.Dimensions)),
		Quantities: make(map[string]int, len(c.Quantities))}
	for k, v := range c.Options {
		n.Options[k] = v
	}
	for k, v := range c.Dimensions {
		n.Dimensions[k] = v
	}
	for k, v := range c.Quantities {
		n.Quantities[k] = v
	}
	return n
}

// has reports whether r is chosen; an empty r.Option matches any option.
func (c Configuration) has(r ConfigRef) bool {
	v := c.Options[r.Choice]
	if r.Option == "" {
		return v != ""
	}
	return v == r.Option
}

// value returns the value of a dimension or the count of a quantity.
func (c Configuration) value(part string) int {
	if v, ok := c.Dimensions[part]; ok {
		return v
	}
	return c.Quantities[part]
}

// Default returns the configuration the configurator opens with and "Reset"
// returns to. Check makes sure it is valid.
func (cf *Configurator) Default() Configuration {
	c := Configuration{Product: cf.Product,
		Options:    make(map[string]string, len(cf.Choices)),
		Dimensions: make(map[string]int, len(cf.Dimensions)),
		Quantities: make(map[string]int, len(cf.Quantities))}
	for _, ch := range cf.Choices {
		c.Options[ch.ID] = ch.Default
	}
	for _, d := range cf.Dimensions {
		c.Dimensions[d.ID] = d.Default
	}
	for _, q := range cf.Quantities {
		c.Quantities[q.ID] = q.Default
	}
	return c
}

// Validate reports the first problem with c as an EINVALID *Error whose Key
// and Message say it in plain words and whose Field is the part concerned.
// A valid configuration names this configurator's product, has an entry for
// every part and nothing else, values within range, and breaks no rule.
func (cf *Configurator) Validate(c Configuration) error {
	if c.Product != cf.Product {
		return &Error{Code: EINVALID, Key: "configurator.err.product",
			Message: fmt.Sprintf("This configuration is for %q, not %q.", c.Product, cf.Product)}
	}
	for _, k := range sortedKeys(c.Options) {
		if cf.choice(k) == nil {
			return unknownPart(k)
		}
	}
	for _, k := range sortedKeys(c.Dimensions) {
		if cf.dimension(k) == nil {
			return unknownPart(k)
		}
	}
	for _, k := range sortedKeys(c.Quantities) {
		if cf.quantity(k) == nil {
			return unknownPart(k)
		}
	}
	for i := range cf.Choices {
		ch := &cf.Choices[i]
		v, ok := c.Options[ch.ID]
		if !ok {
			return missingPart(cf, ch.ID)
		}
		if err := checkOption(ch, v); err != nil {
			return err
		}
	}
	for i := range cf.Dimensions {
		d := &cf.Dimensions[i]
		v, ok := c.Dimensions[d.ID]
		if !ok {
			return missingPart(cf, d.ID)
		}
		if err := checkDimension(d, v); err != nil {
			return err
		}
	}
	for i := range cf.Quantities {
		q := &cf.Quantities[i]
		v, ok := c.Quantities[q.ID]
		if !ok {
			return missingPart(cf, q.ID)
		}
		if err := checkQuantity(q, v); err != nil {
			return err
		}
	}
	if v := cf.firstViolation(c); v != nil {
		r := cf.reason(v, v.subject)
		return &Error{Code: EINVALID, Field: v.subject.Choice, Key: r.Key, Message: r.Message}
	}
	return nil
}

func unknownPart(id string) error {
	return &Error{Code: EINVALID, Field: id, Key: "configurator.err.unknown_part",
		Message: fmt.Sprintf("This product has no part %q.", id)}
}

func missingPart(cf *Configurator, id string) error {
	return &Error{Code: EINVALID, Field: id, Key: "configurator.err.missing_part",
		Message: fmt.Sprintf("Please choose the %s.", lowerFirst(cf.partName(id).In("en")))}
}

func checkOption(ch *ConfigChoice, v string) error {
	switch {
	case v == "" && ch.Required:
		return &Error{Code: EINVALID, Field: ch.ID, Key: "configurator.err.required",
			Message: fmt.Sprintf("Please choose the %s.", lowerFirst(ch.Name.In("en")))}
	case v != "" && ch.option(v) == nil:
		return &Error{Code: EINVALID, Field: ch.ID, Key: "configurator.err.unknown_option",
			Message: fmt.Sprintf("The %s has no option %q.", lowerFirst(ch.Name.In("en")), v)}
	}
	return nil
}

func checkDimension(d *ConfigDimension, v int) error {
	if v < d.Min || v > d.Max || d.Increment <= 0 || (v-d.Min)%d.Increment != 0 {
		return &Error{Code: EINVALID, Field: d.ID, Key: "configurator.err.dimension_range",
			Message: fmt.Sprintf("The %s must be from %d to %d %s in steps of %d %s.",
				lowerFirst(d.Name.In("en")), d.Min, d.Max, d.Unit, d.Increment, d.Unit)}
	}
	return nil
}

func checkQuantity(q *ConfigQuantity, v int) error {
	if v < q.Min || v > q.Max {
		return &Error{Code: EINVALID, Field: q.ID, Key: "configurator.err.quantity_range",
			Message: fmt.Sprintf("The number of %s must be from %d to %d.",
				lowerFirst(q.Name.In("en")), q.Min, q.Max)}
	}
	return nil
}

// violation is a rule c breaks: subject is the option that breaks it and
// other the option it conflicts with or misses (zero for min-dimension).
type violation struct {
	rule    *ConfigRule
	subject ConfigRef
	other   ConfigRef
}

// firstViolation returns the first rule, in declared order, that c breaks.
func (cf *Configurator) firstViolation(c Configuration) *violation {
	for i := range cf.Rules {
		r := &cf.Rules[i]
		if r.If.Option == "" || !c.has(r.If) {
			continue
		}
		switch r.Kind {
		case RuleRequires:
			if !c.has(r.Then) {
				return &violation{rule: r, subject: r.If, other: r.Then}
			}
		case RuleExcludes:
			if r.Then.Option != "" && c.has(r.Then) {
				return &violation{rule: r, subject: r.If, other: r.Then}
			}
		case RuleMinDimension:
			if c.value(r.Dimension) < r.Min {
				return &violation{rule: r, subject: r.If}
			}
		}
	}
	return nil
}

// violates reports whether choosing ref in c breaks any rule ref takes part in.
func (cf *Configurator) violates(c Configuration, ref ConfigRef) bool {
	for i := range cf.Rules {
		r := &cf.Rules[i]
		switch r.Kind {
		case RuleRequires:
			if r.If == ref && !c.has(r.Then) {
				return true
			}
		case RuleExcludes:
			if (r.If == ref && c.has(r.Then)) || (r.Then == ref && c.has(r.If)) {
				return true
			}
		case RuleMinDimension:
			if r.If == ref && c.value(r.Dimension) < r.Min {
				return true
			}
		}
	}
	return false
}

// reason says in plain words why v is a problem, told from the side of about
// (the option shown disabled or removed).
func (cf *Configurator) reason(v *violation, about ConfigRef) ConfigPhrase {
	switch v.rule.Kind {
	case RuleRequires:
		return newPhrase("configurator.reason.requires", "The {option} needs the {required}.",
			map[string]Text{"option": cf.optionName(v.subject), "required": cf.optionName(v.other)})
	case RuleExcludes:
		other := v.other
		if about == v.other {
			other = v.subject
		}
		return newPhrase("configurator.reason.excludes", "The {option} can't be combined with the {other}.",
			map[string]Text{"option": cf.optionName(about), "other": cf.optionName(other)})
	default:
		min := Text{"en": strconv.Itoa(v.rule.Min)}
		if d := cf.dimension(v.rule.Dimension); d != nil {
			return newPhrase("configurator.reason.min_dimension",
				"The {option} needs a {dimension} of at least {min} {unit}.",
				map[string]Text{"option": cf.optionName(v.subject), "dimension": d.Name,
					"min": min, "unit": {"en": d.Unit}})
		}
		return newPhrase("configurator.reason.min_quantity", "The {option} needs at least {min} {quantity}.",
			map[string]Text{"option": cf.optionName(v.subject), "quantity": cf.partName(v.rule.Dimension), "min": min})
	}
}

// blocked is the reason a change the buyer asked for is refused: the rule's
// own reason when it is about the option they chose, or else a reason naming
// their option and the part it pulled in that does not fit.
func (cf *Configurator) blocked(origin, subject ConfigRef, reason ConfigPhrase) *ConfigPhrase {
	if origin == subject {
		return &reason
	}
	p := newPhrase("configurator.reason.requires_blocked",
		"The {option} needs the {required}, which doesn't fit your other choices.",
		map[string]Text{"option": cf.optionName(origin), "required": cf.optionName(subject)})
	return &p
}

// Apply returns c with change made, and the notices of what the engine
// changed on its own to keep the configuration valid: options the new choice
// requires are selected (a notice each), and options that no longer fit are
// removed or, in a required choice, replaced by one that fits. An option
// that conflicts with the current choices (Availability shows it disabled) is
// refused with EINVALID carrying its reason. c itself is never modified and
// is returned unchanged with any error; it must be valid.
func (cf *Configurator) Apply(c Configuration, change ConfigChange) (Configuration, []ConfigNotice, error) {
	if err := cf.Validate(c); err != nil {
		return c, nil, fmt.Errorf("apply change to %s: %w", change.Part, err)
	}
	next, notices, err := cf.apply(c, change)
	if err != nil {
		return c, nil, err
	}
	return next, notices, nil
}

func (cf *Configurator) apply(c Configuration, change ConfigChange) (Configuration, []ConfigNotice, error) {
	next := c.clone()
	protected := map[ConfigRef]ConfigRef{}
	if ch := cf.choice(change.Part); ch != nil {
		if err := checkOption(ch, change.Option); err != nil {
			return c, nil, err
		}
		if next.Options[ch.ID] == change.Option {
			return next, nil, nil
		}
		next.Options[ch.ID] = change.Option
		if change.Option != "" {
			r := ConfigRef{Choice: ch.ID, Option: change.Option}
			protected[r] = r
		}
	} else if d := cf.dimension(change.Part); d != nil {
		if err := checkDimension(d, change.Value); err != nil {
			return c, nil, err
		}
		next.Dimensions[d.ID] = change.Value
	} else if q := cf.quantity(change.Part); q != nil {
		if err := checkQuantity(q, change.Value); err != nil {
			return c, nil, err
		}
		next.Quantities[q.ID] = change.Value
	} else {
		return c, nil, unknownPart(change.Part)
	}
	notices, reason := cf.resolve(&next, protected)
	if reason != nil {
		return c, nil, &Error{Code: EINVALID, Field: change.Part, Key: reason.Key, Message: reason.Message}
	}
	return next, notices, nil
}

// resolve repairs c until it breaks no rule. Protected options (the buyer's
// new choice and what it pulled in, each mapped to the buyer's choice) are
// kept; a conflict involving one of them refuses the change, with the reason
// returned. Other options give way.
func (cf *Configurator) resolve(c *Configuration, protected map[ConfigRef]ConfigRef) ([]ConfigNotice, *ConfigPhrase) {
	var notices []ConfigNotice
	// Every round fixes one option; a configuration cannot need more rounds
	// than it has choices twice over unless the rules chase each other.
	for range 2*len(cf.Choices) + 4 {
		v := cf.firstViolation(*c)
		if v == nil {
			return notices, nil
		}
		switch v.rule.Kind {
		case RuleRequires:
			reason := cf.reason(v, v.subject)
			if origin, ok := protected[v.subject]; ok {
				prev := c.Options[v.other.Choice]
				if _, taken := protected[ConfigRef{Choice: v.other.Choice, Option: prev}]; taken && prev != "" {
					return nil, cf.blocked(origin, v.other, reason)
				}
				c.Options[v.other.Choice] = v.other.Option
				protected[v.other] = origin
				notices = append(notices, cf.notice(v.other.Choice, prev, v.other.Option, reason))
				continue
			}
			n, bad := cf.remove(c, v.subject, reason)
			if bad != nil {
				return nil, bad
			}
			notices = append(notices, n)
		case RuleExcludes:
			if origin, ok := protected[v.subject]; ok {
				return nil, cf.blocked(origin, v.subject, cf.reason(v, v.subject))
			}
			if origin, ok := protected[v.other]; ok {
				return nil, cf.blocked(origin, v.other, cf.reason(v, v.other))
			}
			n, bad := cf.remove(c, v.other, cf.reason(v, v.other))
			if bad != nil {
				return nil, bad
			}
			notices = append(notices, n)
		default:
			reason := cf.reason(v, v.subject)
			if origin, ok := protected[v.subject]; ok {
				return nil, cf.blocked(origin, v.subject, reason)
			}
			n, bad := cf.remove(c, v.subject, reason)
			if bad != nil {
				return nil, bad
			}
			notices = append(notices, n)
		}
	}
	p := newPhrase("configurator.reason.unresolved", "These choices don't fit together.", nil)
	return nil, &p
}

// remove takes ref out of c because of reason. In an optional choice that
// leaves none; a required choice gets its default, or else its first option,
// that fits the rest of c. If none fits, the change is refused with reason.
func (cf *Configurator) remove(c *Configuration, ref ConfigRef, reason ConfigPhrase) (ConfigNotice, *ConfigPhrase) {
	ch := cf.choice(ref.Choice)
	if ch == nil {
		return ConfigNotice{}, &reason
	}
	if !ch.Required {
		c.Options[ch.ID] = ""
		return cf.notice(ch.ID, ref.Option, "", reason), nil
	}
	candidates := make([]string, 0, len(ch.Options)+1)
	candidates = append(candidates, ch.Default)
	for _, o := range ch.Options {
		candidates = append(candidates, o.ID)
	}
	for _, id := range candidates {
		if id == ref.Option || id == "" {
			continue
		}
		c.Options[ch.ID] = id
		if !cf.violates(*c, ConfigRef{Choice: ch.ID, Option: id}) {
			return cf.notice(ch.ID, ref.Option, id, reason), nil
		}
	}
	c.Options[ch.ID] = ref.Option
	return ConfigNotice{}, &reason
}

// notice reports that the engine changed choice from prev to next because of
// reason.
func (cf *Configurator) notice(choice, prev, next string, reason ConfigPhrase) ConfigNotice {
	n := ConfigNotice{Reason: reason, Choice: choice, Option: next, Previous: prev}
	var tmpl string
	switch {
	case prev == "":
		n.Key, tmpl = "configurator.notice.added", "so we added it."
		n.Params = map[string]Text{"option": cf.optionName(ConfigRef{Choice: choice, Option: next})}
	case next == "":
		n.Key, tmpl = "configurator.notice.removed", "so we removed it."
		n.Params = map[string]Text{"option": cf.optionName(ConfigRef{Choice: choice, Option: prev})}
	default:
		n.Key, tmpl = "configurator.notice.changed", "so we changed the {choice} to {option}."
		n.Params = map[string]Text{"choice": cf.partName(choice),
			"option": cf.optionName(ConfigRef{Choice: choice, Option: next})}
	}
	n.Message = strings.TrimSuffix(reason.Message, ".") + ", " + fill(tmpl, n.Params, "en", true)
	return n
}

// Availability tells, for every option of every choice in order, whether
// choosing it now would be accepted by Apply, and if not, why. The chosen
// options are enabled. Choosing none in an optional choice is always
// accepted and is not listed.
func (cf *Configurator) Availability(c Configuration) []ConfigAvailability {
	var out []ConfigAvailability
	for _, ch := range cf.Choices {
		for _, o := range ch.Options {
			a := ConfigAvailability{Choice: ch.ID, Option: o.ID, Enabled: true}
			if c.Options[ch.ID] != o.ID {
				// The same resolution as apply, kept here to keep the
				// reason's parameters, which an *Error does not carry.
				next := c.clone()
				next.Options[ch.ID] = o.ID
				r := ConfigRef{Choice: ch.ID, Option: o.ID}
				if _, reason := cf.resolve(&next, map[ConfigRef]ConfigRef{r: r}); reason != nil {
					a.Enabled, a.Reason = false, reason
				}
			}
			out = append(out, a)
		}
	}
	return out
}

// Price returns the total price of c and its breakdown: the base price, then
// every dimension, quantity and option that changes the price. c should be
// valid; parts it does not know are left out.
func (cf *Configurator) Price(c Configuration) (Money, []PriceLine) {
	total := cf.Base
	lines := []PriceLine{{Name: cf.BaseName, Qty: 1, Amount: cf.Base}}
	add := func(l PriceLine) {
		if l.Amount.Amount != 0 {
			total = total.Add(l.Amount)
			lines = append(lines, l)
		}
	}
	for i := range cf.Dimensions {
		d := &cf.Dimensions[i]
		if v, ok := c.Dimensions[d.ID]; ok {
			add(PriceLine{Part: d.ID, Name: d.Name, Qty: 1, Amount: d.priceAt(v)})
		}
	}
	for _, q := range cf.Quantities {
		n := c.Quantities[q.ID]
		add(PriceLine{Part: q.ID, Name: q.Name, Qty: n, Amount: q.UnitPrice.Mul(int64(n))})
	}
	for i := range cf.Choices {
		ch := &cf.Choices[i]
		if o := ch.option(c.Options[ch.ID]); o != nil {
			add(PriceLine{Part: ch.ID, Option: o.ID, Name: o.Name, Qty: 1, Amount: o.Price})
		}
	}
	return total, lines
}

func (d *ConfigDimension) priceAt(v int) Money {
	if d.Increment <= 0 {
		return d.Price
	}
	return d.Price.Add(d.PricePerIncrement.Mul(int64((v - d.Min) / d.Increment)))
}

// Parts returns the parts list of c for the summary: the base, each
// dimensioned part (its SKU ends with the value), each quantity and each
// chosen option, with per-unit prices.
func (cf *Configurator) Parts(c Configuration) []PartLine {
	parts := []PartLine{{SKU: cf.BaseSKU, Name: cf.BaseName, Qty: 1, Price: cf.Base}}
	for i := range cf.Dimensions {
		d := &cf.Dimensions[i]
		v, ok := c.Dimensions[d.ID]
		if !ok {
			continue
		}
		name := Text{}
		for loc, s := range d.Name {
			name[loc] = fmt.Sprintf("%s %d %s", s, v, d.Unit)
		}
		parts = append(parts, PartLine{SKU: fmt.Sprintf("%s-%d", d.SKU, v), Name: name, Qty: 1, Price: d.priceAt(v)})
	}
	for _, q := range cf.Quantities {
		if n := c.Quantities[q.ID]; n > 0 {
			parts = append(parts, PartLine{SKU: q.SKU, Name: q.Name, Qty: n, Price: q.UnitPrice})
		}
	}
	for i := range cf.Choices {
		ch := &cf.Choices[i]
		if o := ch.option(c.Options[ch.ID]); o != nil {
			parts = append(parts, PartLine{SKU: o.SKU, Name: o.Name, Qty: 1, Price: o.Price})
		}
	}
	return parts
}

// LeadTime returns the days until c can ship: the configurator's own lead
// time or the longest of the chosen options', whichever is longer.
func (cf *Configurator) LeadTime(c Configuration) int {
	days := cf.LeadTimeDays
	for i := range cf.Choices {
		ch := &cf.Choices[i]
		if o := ch.option(c.Options[ch.ID]); o != nil && o.LeadTimeDays > days {
			days = o.LeadTimeDays
		}
	}
	return days
}

// Models returns what the 3D preview shows for c: the model hints of the
// chosen options in choice order, then each dimension's nodes scaled to its
// value and each quantity's nodes repeated by its count.
func (cf *Configurator) Models(c Configuration) []ConfigModel {
	var out []ConfigModel
	for i := range cf.Choices {
		ch := &cf.Choices[i]
		if o := ch.option(c.Options[ch.ID]); o != nil && (len(o.Model.Nodes) > 0 || o.Model.Color != "" || o.Model.Scale != 0) {
			out = append(out, o.Model)
		}
	}
	for _, d := range cf.Dimensions {
		if len(d.Model.Nodes) > 0 && d.Default > 0 {
			m := d.Model
			m.Scale = float64(c.Dimensions[d.ID]) / float64(d.Default)
			out = append(out, m)
		}
	}
	for _, q := range cf.Quantities {
		if len(q.Model.Nodes) > 0 {
			m := q.Model
			m.Repeat = c.Quantities[q.ID]
			out = append(out, m)
		}
	}
	return out
}

// Accessories returns the slugs of the products to offer with c, in the
// order the configurator declares them, keeping only those in products (the
// catalog as it is now) and never the configured product itself.
func (cf *Configurator) Accessories(c Configuration, products []Product) []string {
	known := make(map[string]bool, len(products))
	for _, p := range products {
		known[p.Slug] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, a := range cf.AccessoryRules {
		if !known[a.Product] || seen[a.Product] || a.Product == cf.Product {
			continue
		}
		if len(a.When) > 0 && !anyChosen(c, a.When) {
			continue
		}
		if anyChosen(c, a.Unless) {
			continue
		}
		seen[a.Product] = true
		out = append(out, a.Product)
	}
	return out
}

func anyChosen(c Configuration, refs []ConfigRef) bool {
	for _, r := range refs {
		if c.has(r) {
			return true
		}
	}
	return false
}

// Snapshot writes c out in full for an order. It returns an EINVALID error
// if c does not validate, so an order never keeps an impossible product.
func (cf *Configurator) Snapshot(c Configuration) (ConfigSnapshot, error) {
	if err := cf.Validate(c); err != nil {
		return ConfigSnapshot{}, fmt.Errorf("snapshot %s configuration: %w", cf.Product, err)
	}
	total, _ := cf.Price(c)
	s := ConfigSnapshot{Product: cf.Product, Code: c.Encode(), BaseSKU: cf.BaseSKU,
		BaseName: cf.BaseName, Base: cf.Base, Total: total, LeadTimeDays: cf.LeadTime(c),
		Options:    []ConfigSnapshotOption{},
		Dimensions: []ConfigSnapshotDimension{},
		Quantities: []ConfigSnapshotQuantity{}}
	for i := range cf.Choices {
		ch := &cf.Choices[i]
		so := ConfigSnapshotOption{Choice: ch.ID, ChoiceName: ch.Name}
		if o := ch.option(c.Options[ch.ID]); o != nil {
			so.Option, so.SKU, so.Name, so.Price = o.ID, o.SKU, o.Name, o.Price
		}
		s.Options = append(s.Options, so)
	}
	for i := range cf.Dimensions {
		d := &cf.Dimensions[i]
		v := c.Dimensions[d.ID]
		s.Dimensions = append(s.Dimensions, ConfigSnapshotDimension{ID: d.ID, Name: d.Name,
			SKU: fmt.Sprintf("%s-%d", d.SKU, v), Value: v, Unit: d.Unit, Price: d.priceAt(v)})
	}
	for _, q := range cf.Quantities {
		n := c.Quantities[q.ID]
		s.Quantities = append(s.Quantities, ConfigSnapshotQuantity{ID: q.ID, Name: q.Name, SKU: q.SKU,
			Count: n, UnitPrice: q.UnitPrice, Price: q.UnitPrice.Mul(int64(n))})
	}
	return s, nil
}

// Encode returns a short, URL-safe code of c for share links: its parts as
// "part.value" sorted and joined by "_" ("arms.slim_legs.oak_width.140"),
// with "-" for an optional choice left empty. IDs are slugs, so "." and "_"
// never occur in them; the same configuration always gives the same code.
func (c Configuration) Encode() string {
	pairs := make([]string, 0, len(c.Options)+len(c.Dimensions)+len(c.Quantities))
	for k, v := range c.Options {
		if v == "" {
			v = "-"
		}
		pairs = append(pairs, k+"."+v)
	}
	for k, v := range c.Dimensions {
		pairs = append(pairs, k+"."+strconv.Itoa(v))
	}
	for k, v := range c.Quantities {
		pairs = append(pairs, k+"."+strconv.Itoa(v))
	}
	sort.Strings(pairs)
	return strings.Join(pairs, "_")
}

// DecodeConfiguration reads a code made by Encode back into a configuration
// of cf. Parts the code leaves out get their defaults, so links shared before
// a part was added still open; unknown parts or options, malformed values and
// configurations that do not validate are EINVALID.
func DecodeConfiguration(cf *Configurator, code string) (Configuration, error) {
	if len(code) > maxCodeLen {
		return Configuration{}, badCode("the code is too long")
	}
	c := cf.Default()
	if code == "" {
		return c, nil
	}
	seen := map[string]bool{}
	for _, pair := range strings.Split(code, "_") {
		k, v, ok := strings.Cut(pair, ".")
		if !ok || seen[k] {
			return Configuration{}, badCode(fmt.Sprintf("%q is not a part=value pair or repeats a part", pair))
		}
		seen[k] = true
		if ch := cf.choice(k); ch != nil {
			switch {
			case v == "-":
				v = ""
			case v == "":
				return Configuration{}, badCode(fmt.Sprintf("%q has no option", pair))
			case ch.option(v) == nil:
				return Configuration{}, fmt.Errorf("decode configuration: %w", checkOption(ch, v))
			}
			c.Options[k] = v
			continue
		}
		_, isDim := c.Dimensions[k]
		_, isQty := c.Quantities[k]
		if !isDim && !isQty {
			return Configuration{}, fmt.Errorf("decode configuration: %w", unknownPart(k))
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return Configuration{}, badCode(fmt.Sprintf("%q is not a number", v))
		}
		if isDim {
			c.Dimensions[k] = n
		} else {
			c.Quantities[k] = n
		}
	}
	if err := cf.Validate(c); err != nil {
		return Configuration{}, fmt.Errorf("decode configuration: %w", err)
	}
	return c, nil
}

func badCode(detail string) error {
	return &Error{Code: EINVALID, Key: "configurator.err.bad_code",
		Message: "This configuration link is damaged: " + detail + "."}
}

// Check reports the first mistake in the configurator's own data as an
// EINVALID *Error: malformed or repeated IDs, dangling references, prices in
// another currency, impossible ranges, or a default that does not validate.
// The demo data and any configurator loaded from storage go through it.
func (cf *Configurator) Check() error {
	bad := func(format string, args ...any) error {
		return Errorf(EINVALID, "configurator %s: %s", cf.Product, fmt.Sprintf(format, args...))
	}
	cur := cf.Base.Currency
	sameCurrency := func(m Money) bool { return m.Currency == cur || (m.Currency == "" && m.Amount == 0) }
	switch {
	case !ValidSlug(cf.Product):
		return bad("product slug is not valid")
	case cur == "" || cf.Base.Amount < 0:
		return bad("base price is not valid")
	case cf.BaseSKU == "" || cf.BaseName["en"] == "":
		return bad("base part has no SKU or English name")
	case cf.LeadTimeDays < 0:
		return bad("negative lead time")
	case len(cf.Steps) == 0:
		return bad("no steps")
	}
	steps := map[string]bool{}
	for _, s := range cf.Steps {
		if !ValidSlug(s.ID) || steps[s.ID] || s.Name["en"] == "" {
			return bad("step %q is not valid, repeated or nameless", s.ID)
		}
		steps[s.ID] = true
	}
	parts := map[string]bool{}
	part := func(id, step string, name Text) error {
		switch {
		case !ValidSlug(id) || parts[id]:
			return bad("part %q is not a valid slug or is repeated", id)
		case !steps[step]:
			return bad("part %s is in unknown step %q", id, step)
		case name["en"] == "":
			return bad("part %s has no English name", id)
		}
		parts[id] = true
		return nil
	}
	for _, ch := range cf.Choices {
		if err := part(ch.ID, ch.Step, ch.Name); err != nil {
			return err
		}
		if len(ch.Options) == 0 {
			return bad("choice %s has no options", ch.ID)
		}
		ids := map[string]bool{}
		for _, o := range ch.Options {
			switch {
			case !ValidSlug(o.ID) || ids[o.ID]:
				return bad("option %s/%q is not a valid slug or is repeated", ch.ID, o.ID)
			case o.SKU == "" || o.Name["en"] == "":
				return bad("option %s/%s has no SKU or English name", ch.ID, o.ID)
			case !sameCurrency(o.Price):
				return bad("option %s/%s is priced in another currency", ch.ID, o.ID)
			case o.LeadTimeDays < 0 || (!o.Available && o.LeadTimeDays == 0):
				return bad("option %s/%s is unavailable without a lead time", ch.ID, o.ID)
			}
			ids[o.ID] = true
		}
		if (ch.Required || ch.Default != "") && !ids[ch.Default] {
			return bad("choice %s has no valid default", ch.ID)
		}
	}
	for _, d := range cf.Dimensions {
		if err := part(d.ID, d.Step, d.Name); err != nil {
			return err
		}
		switch {
		case d.Increment <= 0 || d.Min < 0 || d.Min > d.Max || (d.Max-d.Min)%d.Increment != 0:
			return bad("dimension %s has an impossible range", d.ID)
		case checkDimension(&d, d.Default) != nil:
			return bad("dimension %s default is out of range", d.ID)
		case d.Unit == "" || d.SKU == "":
			return bad("dimension %s has no unit or SKU", d.ID)
		case !sameCurrency(d.Price) || !sameCurrency(d.PricePerIncrement):
			return bad("dimension %s is priced in another currency", d.ID)
		}
	}
	for _, q := range cf.Quantities {
		if err := part(q.ID, q.Step, q.Name); err != nil {
			return err
		}
		switch {
		case q.Min < 0 || q.Min > q.Default || q.Default > q.Max:
			return bad("quantity %s has an impossible range", q.ID)
		case q.SKU == "":
			return bad("quantity %s has no SKU", q.ID)
		case !sameCurrency(q.UnitPrice):
			return bad("quantity %s is priced in another currency", q.ID)
		}
	}
	for i, r := range cf.Rules {
		if cf.option(r.If) == nil {
			return bad("rule %d names unknown option %s/%s", i, r.If.Choice, r.If.Option)
		}
		switch r.Kind {
		case RuleRequires, RuleExcludes:
			if cf.option(r.Then) == nil || r.Then.Choice == r.If.Choice {
				return bad("rule %d needs an option of another choice", i)
			}
		case RuleMinDimension:
			if cf.dimension(r.Dimension) == nil && cf.quantity(r.Dimension) == nil {
				return bad("rule %d names unknown dimension %q", i, r.Dimension)
			}
		default:
			return bad("rule %d has unknown kind %q", i, r.Kind)
		}
	}
	for _, a := range cf.AccessoryRules {
		if !ValidSlug(a.Product) {
			return bad("accessory %q is not a valid slug", a.Product)
		}
		for _, r := range append(append([]ConfigRef{}, a.When...), a.Unless...) {
			if cf.choice(r.Choice) == nil || (r.Option != "" && cf.option(r) == nil) {
				return bad("accessory %s names unknown option %s/%s", a.Product, r.Choice, r.Option)
			}
		}
	}
	if err := cf.Validate(cf.Default()); err != nil {
		return bad("default configuration: %v", err)
	}
	return nil
}

// newPhrase makes a phrase whose English message is template filled with
// params, names lowercased as they sit mid-sentence.
func newPhrase(key, template string, params map[string]Text) ConfigPhrase {
	return ConfigPhrase{Key: key, Params: params, Message: fill(template, params, "en", true)}
}

// fill replaces each {name} in template by params[name] in locale.
func fill(template string, params map[string]Text, locale string, lower bool) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(template, '{')
		j := strings.IndexByte(template[i+1:], '}')
		if i < 0 || j < 0 {
			b.WriteString(template)
			return b.String()
		}
		b.WriteString(template[:i])
		name := template[i+1 : i+1+j]
		if t, ok := params[name]; ok {
			s := t.In(locale)
			if lower {
				s = lowerFirst(s)
			}
			b.WriteString(s)
		} else {
			b.WriteString(template[i : i+2+j])
		}
		template = template[i+2+j:]
	}
}

// lowerFirst lowercases a capitalised word ("Cable tray" → "cable tray") but
// leaves abbreviations and single letters ("XL frame", "S frame") as they are.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	r2, _ := utf8.DecodeRuneInString(s[n:])
	if unicode.IsUpper(r) && unicode.IsLower(r2) {
		return string(unicode.ToLower(r)) + s[n:]
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

package catalog

import (
	"strconv"
)

// Summary lists what was chosen in s, one phrase per part, in locale: each
// dimension with its value ("Top width: 160 cm"), each quantity with its
// count ("Seat modules: 4"), then each option chosen by name ("Walnut
// veneer"). Choices left empty are not listed. The cart, the order email and
// the order pages show it under the product's name.
func (s ConfigSnapshot) Summary(locale string) []string {
	var out []string
	for _, d := range s.Dimensions {
		out = append(out, d.Name.In(locale)+": "+strconv.Itoa(d.Value)+" "+d.Unit)
	}
	for _, q := range s.Quantities {
		out = append(out, q.Name.In(locale)+": "+strconv.Itoa(q.Count))
	}
	for _, o := range s.Options {
		if o.Option != "" {
			out = append(out, o.Name.In(locale))
		}
	}
	return out
}

// FormatMidSentence is Format for languages that write common nouns in
// lower case mid-sentence (Spanish, Romanian): every name put in template
// loses its capital ("Cable tray" → "cable tray"), but abbreviations such as
// "XL frame" keep theirs. An empty template gives Message.
func (p ConfigPhrase) FormatMidSentence(template, locale string) string {
	if template == "" {
		return p.Message
	}
	return fill(template, p.Params, locale, true)
}

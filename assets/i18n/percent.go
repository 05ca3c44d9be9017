package i18n

import "strconv"

// FormatPercent formats a rate given in hundredths of a percent (2100 is
// 21 %) as locale writes it: "21%" in English and Chinese, "21 %" with a
// no-break space in Spanish and Romanian, and decimals only when the rate
// has them ("5.5%", "5,5 %").
func FormatPercent(locale string, basisPoints int) string {
	whole, frac := basisPoints/100, basisPoints%100
	s := strconv.Itoa(whole)
	if frac != 0 {
		f := strconv.Itoa(frac)
		if frac < 10 {
			f = "0" + f
		}
		if f[1] == '0' {
			f = f[:1]
		}
		sep := "."
		if locale == "es" || locale == "ro" {
			sep = ","
		}
		s += sep + f
	}
	if locale == "es" || locale == "ro" {
		return s + "\u00a0%"
	}
	return s + "%"
}

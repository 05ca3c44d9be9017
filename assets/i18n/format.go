package i18n

import (
	"strconv"
	"strings"
	"time"
)

// symbols of the currencies the store may sell in.
var symbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "RON": "lei"}

// FormatMoney formats an amount of minor units (cents) in a currency as a
// customer of locale reads it: "€1,049.00" in English and Chinese,
// "1049,00 €" in Spanish (which groups thousands only from five digits) and
// "1.049,00 €" in Romanian.
func FormatMoney(locale string, minor int64, currency string) string {
	sym := symbols[currency]
	if sym == "" {
		sym = currency
	}
	neg := minor < 0
	if neg {
		minor = -minor
	}
	whole, cents := strconv.FormatInt(minor/100, 10), minor%100
	var s string
	switch locale {
	case "es", "ro":
		if locale == "ro" || len(whole) > 4 {
			whole = group(whole, ".")
		}
		s = whole + "," + pad2(cents) + "\u00a0" + sym
	default:
		s = sym + group(whole, ",") + "." + pad2(cents)
	}
	if neg {
		s = "-" + s
	}
	return s
}

func pad2(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

func group(digits, sep string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	first := len(digits) % 3
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// FormatDate formats the calendar date of t as locale writes it:
// "Nov 25, 2026", "25 nov 2026", "2026年11月25日", "25 nov. 2026".
func FormatDate(locale string, t time.Time) string {
	y, m, d := t.Date()
	month := T(locale, "month.short."+strconv.Itoa(int(m)))
	switch locale {
	case "zh-Hans":
		return strconv.Itoa(y) + "年" + strconv.Itoa(int(m)) + "月" + strconv.Itoa(d) + "日"
	case "en":
		return month + " " + strconv.Itoa(d) + ", " + strconv.Itoa(y)
	default:
		return strconv.Itoa(d) + " " + month + " " + strconv.Itoa(y)
	}
}

// FormatDateTime formats t's date and time of day (24-hour clock, except
// English's 12-hour one) in t's own location.
func FormatDateTime(locale string, t time.Time) string {
	clock := t.Format("15:04")
	if locale == "en" {
		clock = t.Format("3:04 PM")
	}
	return FormatDate(locale, t) + ", " + clock
}

package portal

import (
	"encoding/json"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"vitrine/assets/i18n"
	"vitrine/portal/returns"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

// What the returns pages share: translating the domain's messages with
// their parameters, the status timeline, the photo upload, and remembering
// which order a request belongs to.

// paramText translates key in locale with params, as the returns domain
// and the API send them: dates come as ISO days and are shown in the
// customer's format, amounts as plain decimals with their currency.
func paramText(loc, key string, params map[string]string) string {
	names := make([]string, 0, len(params))
	for k := range params {
		names = append(names, k)
	}
	sort.Strings(names)
	var args []string
	for _, k := range names {
		v := params[k]
		switch {
		case k == "date":
			if t, err := time.Parse(time.DateOnly, v); err == nil {
				v = i18n.FormatDate(loc, t)
			}
		case k == "from" || k == "to":
			v = i18n.T(loc, "returns.status."+v)
		case params["currency"] != "" && k != "currency":
			if m, ok := parseDecimal(v, params["currency"]); ok {
				v = i18n.FormatMoney(loc, m.Amount, m.Currency)
			}
		}
		args = append(args, k, v)
	}
	return i18n.T(loc, key, args...)
}

// parseDecimal reads "9.90" as 990 minor units of currency.
func parseDecimal(s, currency string) (catalog.Money, bool) {
	whole, frac, _ := strings.Cut(s, ".")
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || len(frac) > 2 {
		return catalog.Money{}, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil {
		return catalog.Money{}, false
	}
	if strings.HasPrefix(whole, "-") {
		f = -f
	}
	return catalog.Money{Amount: w*100 + f, Currency: currency}, true
}

// errText is the message of an API error in locale, with its parameters.
func errText(loc string, err error) string {
	if e, ok := err.(*catalog.Error); ok && e.Key != "" {
		return paramText(loc, e.Key, e.Params)
	}
	return i18n.T(loc, "error.load")
}

// statusKey is the translation key of a request's status.
func statusKey(s returns.Status) string { return "returns.status." + string(s) }

// kindKey is the translation key of a kind of request ("Return").
func kindKey(k returns.Kind) string { return "returns.kind." + string(k) }

// returnPagePath is the customer's page of a request; the order number in
// the query lets the page reach the order's API with the proof cookie.
func returnPagePath(order, number string) string {
	return "/returns/" + url.PathEscape(number) + "?order=" + url.QueryEscape(order)
}

// Which order each request belongs to is kept on the device, so a request's
// page opened without ?order= (from the browser's history) still finds it.
const returnOrderPrefix = "vitrine.return."

func rememberReturn(ctx app.Context, number, order string) {
	if app.IsClient {
		ctx.LocalStorage().Set(returnOrderPrefix+number, order)
	}
}

func rememberedOrder(ctx app.Context, number string) string {
	if !app.IsClient {
		return ""
	}
	var order string
	if ctx.LocalStorage().Get(returnOrderPrefix+number, &order) != nil {
		return ""
	}
	return order
}

// newIdempotencyKey returns a random key for one submission of a form: a
// double tap or a resend carries the same key, and the server makes one
// request of it.
func newIdempotencyKey() string {
	if app.IsClient {
		if c := app.Window().Get("crypto"); c.Truthy() && c.Get("randomUUID").Truthy() {
			return c.Call("randomUUID").String()
		}
	}
	return "k-" + strconv.FormatInt(time.Now().UnixNano(), 36)
}

// renderTimeline draws a request's timeline: the steps it went through,
// each with its time (and reason for a rejection), then the steps still to
// come on its usual path, greyed.
func renderTimeline(loc string, v *api.ReturnView) app.UI {
	type step struct {
		status returns.Status
		at     time.Time
		reason string
		done   bool
	}
	var steps []step
	reached := map[returns.Status]bool{}
	for _, e := range v.Timeline {
		steps = append(steps, step{status: e.Status, at: e.At, reason: e.Reason, done: true})
		reached[e.Status] = true
	}
	if !v.Status.Final() {
		for _, s := range v.Path {
			if !reached[s] {
				steps = append(steps, step{status: s})
			}
		}
	}
	last := len(v.Timeline) - 1
	return app.Ol().ID("return-timeline").Class("timeline return-timeline").Body(
		app.Range(steps).Slice(func(i int) app.UI {
			s := steps[i]
			class := "event status-" + string(s.status)
			switch {
			case i == last:
				class += " latest"
			case !s.done:
				class += " upcoming"
			}
			return app.Li().Class(class).Body(
				app.P().Class("event-kind").Text(i18n.T(loc, statusKey(s.status))),
				app.If(s.done, func() app.UI {
					return app.Time().DateTime(s.at.UTC().Format(time.RFC3339)).Class("event-time").Text(formatTime(loc, s.at))
				}),
				app.If(s.reason != "", func() app.UI {
					return app.P().Class("event-reason").Text(i18n.T(loc, "returns.rejected_because", "reason", s.reason))
				}),
			)
		}),
	)
}

// renderQuote lists what a request is worth, as the server computed it.
func renderQuote(loc string, kind returns.Kind, q returns.Quote) app.UI {
	t := func(key string, args ...string) string { return i18n.T(loc, key, args...) }
	price := func(m catalog.Money) string { return i18n.FormatMoney(loc, m.Amount, m.Currency) }
	minus := func(m catalog.Money) string { return "−" + price(m) }
	shipping := minus(q.ReturnShipping)
	if q.ReturnShippingWaived || q.ReturnShipping.Amount == 0 {
		shipping = t("returns.quote.free")
	}
	type row struct {
		label, value, class string
	}
	var rows []row
	if kind != returns.KindRepair {
		rows = append(rows, row{t("returns.quote.items"), price(q.ItemValue), ""})
		if q.RestockingFees.Amount > 0 {
			rows = append(rows, row{t("returns.quote.restocking"), minus(q.RestockingFees), "fee"})
		}
		rows = append(rows, row{t("returns.quote.shipping"), shipping, "fee"})
	}
	switch {
	case kind == returns.KindRepair:
		rows = append(rows, row{t("returns.quote.repair"), t("returns.quote.free"), "total"})
	case q.StoreCredit.Amount > 0 || q.StoreCreditBonus.Amount > 0:
		rows = append(rows, row{t("returns.quote.bonus"), "+" + price(q.StoreCreditBonus), ""},
			row{t("returns.quote.store_credit"), price(q.StoreCredit), "total"})
	case kind == returns.KindExchange:
		rows = append(rows, row{t("returns.quote.exchange_value"), price(q.ExchangeValue), ""})
		switch d := q.ExchangeDifference; {
		case d.Amount > 0:
			rows = append(rows, row{t("returns.quote.you_pay"), price(d), "total"})
		case d.Amount < 0:
			rows = append(rows, row{t("returns.quote.you_get"), price(catalog.Money{Amount: -d.Amount, Currency: d.Currency}), "total"})
		default:
			rows = append(rows, row{t("returns.quote.no_difference"), price(d), "total"})
		}
	default:
		rows = append(rows, row{t("returns.quote.refund"), price(q.Refund), "total"})
	}
	return app.Dl().ID("return-quote").Class("totals return-quote").Body(
		app.Range(rows).Slice(func(i int) app.UI {
			r := rows[i]
			return app.Div().Class("quote-row "+r.class).Body(app.Dt().Text(r.label), app.Dd().Text(r.value))
		}),
	)
}

// uploadPhoto sends file (a File from an <input type=file>) to order's
// photo API as the request body, and calls done with the stored photo or
// the error, on the UI goroutine. The browser streams the file itself, so
// a 10 MB photo is never copied into the Go program. It does nothing on
// the server's prerender.
func uploadPhoto(ctx app.Context, order string, file app.Value, done func(ctx app.Context, p api.ReturnPhoto, err error)) {
	if !app.IsClient {
		return
	}
	fail := func(err error) { ctx.Dispatch(func(ctx app.Context) { done(ctx, api.ReturnPhoto{}, err) }) }
	ct := file.Get("type").String()
	if ct == "" {
		ct = "application/octet-stream"
	}
	opts := map[string]any{
		"method":      "POST",
		"credentials": "same-origin",
		"body":        file,
		"headers":     map[string]any{"Content-Type": ct, "Accept": "application/json"},
	}
	var onResp, onText, onErr app.Func
	release := func() { onResp.Release(); onText.Release(); onErr.Release() }
	status := 0
	onErr = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		fail(&catalog.Error{Code: "network", Key: "error.load", Message: "network error"})
		return nil
	})
	onText = app.FuncOf(func(this app.Value, args []app.Value) any {
		release()
		body := args[0].String()
		if status >= 400 {
			var e api.ErrorBody
			if json.Unmarshal([]byte(body), &e) != nil || e.Error.Code == "" {
				fail(&catalog.Error{Code: catalog.EINTERNAL, Key: "error.load", Message: "status " + strconv.Itoa(status)})
				return nil
			}
			fail(&catalog.Error{Code: e.Error.Code, Message: e.Error.Message, Field: e.Error.Field, Key: e.Error.Key, Params: e.Error.Params})
			return nil
		}
		var r api.ReturnPhotoResponse
		if err := json.Unmarshal([]byte(body), &r); err != nil {
			fail(err)
			return nil
		}
		ctx.Dispatch(func(ctx app.Context) { done(ctx, r.Photo, nil) })
		return nil
	})
	onResp = app.FuncOf(func(this app.Value, args []app.Value) any {
		status = args[0].Get("status").Int()
		args[0].Call("text").Call("then", onText).Call("catch", onErr)
		return nil
	})
	app.Window().Call("fetch", api.ReturnPhotosPath(order), opts).Call("then", onResp).Call("catch", onErr)
}

// objectURL returns a blob: URL showing file, for a thumbnail before it is
// sent (the page's CSP allows blob: images); revokeURL frees it.
func objectURL(file app.Value) string {
	if !app.IsClient {
		return ""
	}
	return app.Window().Get("URL").Call("createObjectURL", file).String()
}

func revokeURL(u string) {
	if app.IsClient && u != "" {
		app.Window().Get("URL").Call("revokeObjectURL", u)
	}
}

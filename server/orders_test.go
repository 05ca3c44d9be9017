package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/assets/i18n"
	"vitrine/portal/orders"
	"vitrine/server"
	"vitrine/server/api"
	"vitrine/showroom/catalog"
)

const (
	testSecret        = "test-signing-secret-0123456789abcdef"
	testCarrierSecret = "test-carrier-secret-0123456789abcdef"
)

// clock is a settable clock for the server under test.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// newOrderEnv is newEnv with a settable clock, starting now (the demo data
// is seeded relative to the real time).
func newOrderEnv(t testing.TB, mutate ...func(*server.Config)) (*env, *clock) {
	clk := &clock{t: time.Now()}
	e := newEnv(t, append([]func(*server.Config){func(c *server.Config) { c.Now = clk.Now }}, mutate...)...)
	return e, clk
}

func jsonBody(t testing.TB, v any) *strings.Reader {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return strings.NewReader(string(b))
}

func (e *env) lookup(t testing.TB, number, proof string) (*http.Response, []byte) {
	t.Helper()
	return e.do(t, "POST", "/api/v1/orders/lookup", jsonBody(t, api.LookupRequest{Number: number, EmailOrPostcode: proof}),
		"Content-Type", "application/json")
}

func errorOf(t *testing.T, b []byte) api.ErrorDetail {
	t.Helper()
	return decode[api.ErrorBody](t, b).Error
}

func proofCookie(t *testing.T, resp *http.Response) *http.Cookie {
	t.Helper()
	for _, c := range resp.Cookies() {
		if c.Name == server.ProofCookie {
			return c
		}
	}
	t.Fatalf("no %s cookie in %v", server.ProofCookie, resp.Header.Values("Set-Cookie"))
	return nil
}

func TestOrderLookupRightPair(t *testing.T) {
	e, _ := newOrderEnv(t)
	for _, tc := range []struct{ name, number, proof string }{
		{"email", "VT-1002", "li.wei@example.com"},
		{"email in other case, with spaces", " vt-1002 ", "  Li.Wei@Example.COM "},
		{"postcode", "VT-1002", "200040"},
		{"postcode with a space", "VT-1004", "w8 4ep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := e.lookup(t, tc.number, tc.proof)
			require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
			v := decode[api.OrderResponse](t, body).Order
			assert.Equal(t, strings.ToUpper(strings.TrimSpace(tc.number)), v.Number)
			assert.True(t, v.Confirmed)
			require.NotNil(t, v.Customer, "the customer proved who they are")

			c := proofCookie(t, resp)
			assert.True(t, c.HttpOnly, "page scripts cannot read the proof")
			assert.Equal(t, http.SameSiteLaxMode, c.SameSite)
			assert.False(t, c.Secure, "plain HTTP in the test; Secure over TLS")
			assert.Equal(t, "/api/v1/orders/"+v.Number, c.Path, "sent with this order's requests only")
			assert.Equal(t, int(orders.ProofTTL/time.Second), c.MaxAge)
		})
	}
	resp, body := e.lookup(t, "VT-1002", "li.wei@example.com")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	v := decode[api.OrderResponse](t, body).Order
	assert.Equal(t, orders.StatusInTransit, v.Status)
	assert.Equal(t, "Li Wei", v.Customer.Name)
	assert.Equal(t, "200040", v.Customer.Address.Postcode)
	require.Len(t, v.Shipments, 1)
	assert.Equal(t, "DHL Express", v.Shipments[0].Carrier)
	assert.Equal(t, "4812345670", v.Shipments[0].TrackingNumber)
	assert.Len(t, v.Shipments[0].Timeline, 4)
	assert.False(t, v.Shipments[0].Estimate.IsZero(), "an estimate for a parcel in transit")
}

func TestOrderLookupWrongPairIsIndistinguishable(t *testing.T) {
	e, _ := newOrderEnv(t)
	wrongEmail, wrongBody := e.lookup(t, "VT-1002", "someone@example.com")
	wrongCode, wrongCodeBody := e.lookup(t, "VT-1002", "99999")
	missing, missingBody := e.lookup(t, "VT-9999", "li.wei@example.com")
	otherOrders, otherBody := e.lookup(t, "VT-1003", "li.wei@example.com")

	assert.Equal(t, http.StatusNotFound, wrongEmail.StatusCode)
	for name, r := range map[string]struct {
		resp *http.Response
		body []byte
	}{"wrong postcode": {wrongCode, wrongCodeBody}, "no such order": {missing, missingBody}, "another customer's email": {otherOrders, otherBody}} {
		assert.Equal(t, wrongEmail.StatusCode, r.resp.StatusCode, name)
		assert.Equal(t, string(wrongBody), string(r.body), name)
		assert.Empty(t, r.resp.Cookies(), name)
	}
	d := errorOf(t, wrongBody)
	assert.Equal(t, "track.err.no_match", d.Key)
	assert.Contains(t, d.Message, "We could not find an order with that number and email or postcode")
}

func TestOrderLookupFieldErrors(t *testing.T) {
	e, _ := newOrderEnv(t)
	for _, tc := range []struct{ name, number, proof, field, key string }{
		{"no number", "", "li.wei@example.com", "number", "track.err.number_required"},
		{"number of the wrong shape", "1002", "li.wei@example.com", "number", "track.err.number_invalid"},
		{"no email or postcode", "VT-1002", "  ", "emailOrPostcode", "track.err.proof_required"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := e.lookup(t, tc.number, tc.proof)
			assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
			d := errorOf(t, body)
			assert.Equal(t, tc.field, d.Field)
			assert.Equal(t, tc.key, d.Key)
		})
	}
	resp, _ := e.do(t, "POST", "/api/v1/orders/lookup", strings.NewReader(`{"number":"VT-1002","emailOrPostcode":"x","admin":true}`), "Content-Type", "application/json")
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "unknown fields are refused")
}

func TestOrderLookupRateLimit(t *testing.T) {
	e, clk := newOrderEnv(t)
	for i := range 10 {
		resp, _ := e.lookup(t, "VT-1002", "guess"+strconv.Itoa(i)+"@example.com")
		require.Equal(t, http.StatusNotFound, resp.StatusCode, "attempt %d", i+1)
	}
	resp, body := e.lookup(t, "VT-1002", "li.wei@example.com")
	require.Equal(t, http.StatusTooManyRequests, resp.StatusCode, "the eleventh attempt in a minute, even with the right pair")
	assert.Equal(t, "6", resp.Header.Get("Retry-After"))
	d := errorOf(t, body)
	assert.Equal(t, catalog.ERATELIMITED, d.Code)
	assert.Equal(t, "track.err.rate_limited", d.Key)
	assert.Equal(t, map[string]string{"seconds": "6"}, d.Params)
	assert.Contains(t, d.Message, "6 seconds")

	clk.Add(4 * time.Second)
	resp, body = e.lookup(t, "VT-1002", "li.wei@example.com")
	require.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
	assert.Equal(t, "2", resp.Header.Get("Retry-After"))
	assert.Equal(t, "2", errorOf(t, body).Params["seconds"])

	clk.Add(2 * time.Second)
	resp, _ = e.lookup(t, "VT-1002", "li.wei@example.com")
	assert.Equal(t, http.StatusOK, resp.StatusCode, "after the wait it said")
}

func TestOrderLookupLimitIsConfigurable(t *testing.T) {
	e, _ := newOrderEnv(t, func(c *server.Config) { c.LookupLimit = 2 })
	for range 2 {
		resp, _ := e.lookup(t, "VT-1002", "x@example.com")
		require.Equal(t, http.StatusNotFound, resp.StatusCode)
	}
	resp, _ := e.lookup(t, "VT-1002", "x@example.com")
	assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
	assert.Equal(t, "30", resp.Header.Get("Retry-After"))
}

// getOrder fetches an order's view with an optional token and cookie.
func (e *env) getOrder(t *testing.T, number, token string, cookie *http.Cookie) (*http.Response, []byte) {
	t.Helper()
	path := "/api/v1/orders/" + number
	if token != "" {
		path += "?token=" + url.QueryEscape(token)
	}
	var h []string
	if cookie != nil {
		h = []string{"Cookie", cookie.Name + "=" + cookie.Value}
	}
	return e.do(t, "GET", path, nil, h...)
}

func tokenOf(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	require.NoError(t, err)
	return u.Query().Get("t")
}

func TestOrderSignedLink(t *testing.T) {
	e, clk := newOrderEnv(t)
	link := e.server.OrderLink("VT-1002")
	require.True(t, strings.HasPrefix(link, "/track/VT-1002?t="), link)
	token := tokenOf(t, link)
	assert.Equal(t, "https://vitrine.example"+link, e.server.OrderURL("VT-1002"))

	resp, body := e.getOrder(t, "VT-1002", token, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	v := decode[api.OrderResponse](t, body).Order
	assert.Equal(t, orders.StatusInTransit, v.Status)
	assert.False(t, v.Confirmed)
	assert.Nil(t, v.Customer)
	assert.Len(t, v.Lines, 2, "a link shows the items")

	exp, sig, _ := strings.Cut(token, ".")
	for _, tc := range []struct{ name, number, token, key string }{
		{"tampered signature", "VT-1002", exp + "." + strings.Repeat("A", len(sig)), "track.err.link_invalid"},
		{"expiry pushed later", "VT-1002", "9999999999." + sig, "track.err.link_invalid"},
		{"another order's number", "VT-1003", token, "track.err.link_invalid"},
		{"no token, no proof", "VT-1002", "", "track.err.confirm_needed"},
		{"no token, no such order", "VT-9999", "", "track.err.confirm_needed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := e.getOrder(t, tc.number, tc.token, nil)
			assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
			assert.Equal(t, tc.key, errorOf(t, body).Key)
			assert.NotContains(t, string(body), "Li Wei")
		})
	}

	clk.Add(orders.LinkTTL + time.Second)
	resp, body = e.getOrder(t, "VT-1002", token, nil)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	assert.Equal(t, "track.err.link_expired", errorOf(t, body).Key)
}

func TestOrderPersonalDataNeedsProof(t *testing.T) {
	e, _ := newOrderEnv(t)
	token := tokenOf(t, e.server.OrderLink("VT-1007"))
	personal := []string{"Ion Ionescu", "ion.ionescu@example.com", "Memorandumului", "400114"}

	_, body := e.getOrder(t, "VT-1007", token, nil)
	for _, p := range personal {
		assert.NotContains(t, string(body), p, "a link alone shows no personal data")
	}

	resp, _ := e.lookup(t, "VT-1007", "400114")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	proof := proofCookie(t, resp)

	for _, tok := range []string{"", token} {
		resp, body := e.getOrder(t, "VT-1007", tok, proof)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
		v := decode[api.OrderResponse](t, body).Order
		assert.True(t, v.Confirmed)
		require.NotNil(t, v.Customer)
		assert.Equal(t, "Ion Ionescu", v.Customer.Name)
		assert.Equal(t, []string{"Strada Memorandumului 28, ap. 7"}, v.Customer.Address.Lines)
		assert.Len(t, v.Shipments, 2, "a split order shows both shipments")
		assert.True(t, v.PartlyDelivered)
	}

	resp, body = e.getOrder(t, "VT-1003", "", proof)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "a proof for one order opens no other")
	assert.NotContains(t, string(body), "Maria")
	forged := &http.Cookie{Name: server.ProofCookie, Value: token}
	resp, _ = e.getOrder(t, "VT-1007", "", forged)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "a link token is not a proof")

	logs := e.logs.String()
	for _, secret := range []string{token, proof.Value, "400114", testSecret} {
		assert.NotContains(t, logs, secret, "secrets never reach the log")
	}
}

func TestOrderViewReturnsAndNotices(t *testing.T) {
	e, _ := newOrderEnv(t)
	view := func(number string) api.OrderView {
		_, body := e.getOrder(t, number, tokenOf(t, e.server.OrderLink(number)), nil)
		return decode[api.OrderResponse](t, body).Order
	}
	v := view("VT-1010")
	assert.True(t, v.Returnable)
	require.Len(t, v.Lines, 2)
	assert.False(t, v.Lines[0].Returnable, "the helmet is final sale")
	assert.True(t, v.Lines[1].Returnable, "the armchair was delivered ten days ago")
	assert.False(t, view("VT-1004").Returnable, "delivered 45 days ago")
	assert.False(t, view("VT-1002").Returnable, "not delivered yet")

	v = view("VT-1005")
	assert.Equal(t, orders.StatusDelayed, v.Status)
	require.Len(t, v.Notices, 1)
	assert.Equal(t, orders.ReasonLate, v.Notices[0].Reason)
	assert.Equal(t, "orders.delay.reason.late", v.Notices[0].ReasonKey)
	assert.Equal(t, "orders.delay.action.late", v.Notices[0].ActionKey)
	assert.False(t, v.Notices[0].NewEstimate.IsZero())

	v = view("VT-1001")
	require.Len(t, v.Lines, 2)
	assert.NotEmpty(t, v.Lines[1].Options, "the configured sofa lists its choices")
	assert.Equal(t, "Cover", v.Lines[1].Options[1].Choice["en"])

	v = view("VT-1008")
	assert.Equal(t, orders.StatusConfirmed, v.Status)
	assert.Len(t, v.Unshipped, 2, "nothing shipped yet")
}

// postEvent sends a carrier webhook signed with secret at ts.
func (e *env) postEvent(t *testing.T, secret string, ts time.Time, body string) (*http.Response, []byte) {
	t.Helper()
	stamp := strconv.FormatInt(ts.Unix(), 10)
	return e.do(t, "POST", "/api/v1/carrier/events", strings.NewReader(body),
		"Content-Type", "application/json",
		api.HeaderCarrierTimestamp, stamp,
		api.HeaderCarrierSignature, orders.Sign([]byte(secret), stamp, []byte(body)))
}

func eventJSON(id, tracking string, kind orders.EventKind, at time.Time) string {
	return `{"eventId":"` + id + `","trackingNumber":"` + tracking + `","kind":"` + string(kind) +
		`","at":"` + at.UTC().Format(time.RFC3339) + `","place":"Shanghai","description":"With the courier"}`
}

func TestCarrierWebhook(t *testing.T) {
	e, clk := newOrderEnv(t)
	now := clk.Now()
	good := eventJSON("dhl-77", "4812345670", orders.EventOutForDelivery, now.Add(-time.Minute))

	for _, tc := range []struct {
		name   string
		secret string
		at     time.Time
		body   string
		status int
		key    string
	}{
		{"bad signature", "not-the-carrier-secret-0123456789", now, good, 401, "orders.err.signature_mismatch"},
		{"replayed timestamp", testCarrierSecret, now.Add(-6 * time.Minute), good, 401, "orders.err.timestamp_too_old"},
		{"malformed body", testCarrierSecret, now, `{"eventId":`, 400, "orders.err.event_malformed"},
		{"unknown field", testCarrierSecret, now, `{"eventId":"x","trackingNumber":"4812345670","kind":"delivered","at":"2025-03-12T09:00:00Z","shipmentId":"VT-1002-1"}`, 400, "orders.err.event_shipment_id"},
		{"invalid kind", testCarrierSecret, now, eventJSON("dhl-x", "4812345670", "teleported", now), 400, "orders.err.event_kind_invalid"},
		{"unknown tracking number", testCarrierSecret, now, eventJSON("dhl-78", "0000000000", orders.EventInTransit, now), 404, "orders.err.shipment_not_found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := e.postEvent(t, tc.secret, tc.at, tc.body)
			assert.Equal(t, tc.status, resp.StatusCode, string(body))
			assert.Equal(t, tc.key, errorOf(t, body).Key)
		})
	}

	resp, body := e.do(t, "POST", "/api/v1/carrier/events", strings.NewReader(good), "Content-Type", "application/json")
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "no signature headers: %s", body)

	big := `{"eventId":"big","trackingNumber":"4812345670","kind":"in_transit","at":"2025-03-12T09:00:00Z","description":"` + strings.Repeat("x", orders.MaxEventBody) + `"}`
	resp, _ = e.postEvent(t, testCarrierSecret, now, big)
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode, "bodies stop at 16 KiB")

	o, err := e.orders.Order(context.Background(), "VT-1002")
	require.NoError(t, err)
	require.Len(t, o.Shipments[0].Events, 4, "nothing refused was applied")

	resp, body = e.postEvent(t, testCarrierSecret, now, good)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	assert.Equal(t, api.CarrierEventResponse{Status: api.EventApplied, OrderNumber: "VT-1002"}, decode[api.CarrierEventResponse](t, body))

	clk.Add(time.Minute)
	resp, body = e.postEvent(t, testCarrierSecret, clk.Now(), good)
	require.Equal(t, http.StatusOK, resp.StatusCode, "a retried event is accepted")
	assert.Equal(t, api.EventDuplicate, decode[api.CarrierEventResponse](t, body).Status)

	o, err = e.orders.Order(context.Background(), "VT-1002")
	require.NoError(t, err)
	assert.Len(t, o.Shipments[0].Events, 5, "applied once")
	assert.Equal(t, orders.StatusOutForDelivery, o.State(clk.Now()).Status)
}

func TestSubscribeAndUpdateEmails(t *testing.T) {
	e, clk := newOrderEnv(t)
	ctx := context.Background()
	post := func(body string, cookie *http.Cookie) (*http.Response, []byte) {
		h := []string{"Content-Type", "application/json"}
		if cookie != nil {
			h = append(h, "Cookie", cookie.Name+"="+cookie.Value)
		}
		return e.do(t, "POST", "/api/v1/orders/VT-1003/subscribe", strings.NewReader(body), h...)
	}
	resp, _ := post(`{}`, nil)
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode, "nobody subscribes a stranger")

	token := tokenOf(t, e.server.OrderLink("VT-1003"))
	resp, body := post(`{"token":"`+token+`"}`, nil)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	assert.True(t, decode[api.SubscribeResponse](t, body).Subscribed)

	_, body = e.getOrder(t, "VT-1003", token, nil)
	assert.True(t, decode[api.OrderResponse](t, body).Order.Subscribed)

	ev := eventJSON("fan-9", "2150012345678", orders.EventDelivered, clk.Now())
	for range 2 {
		resp, _ := e.postEvent(t, testCarrierSecret, clk.Now(), ev)
		require.Equal(t, http.StatusOK, resp.StatusCode)
	}
	box, err := e.orders.Outbox(ctx, "VT-1003")
	require.NoError(t, err)
	var updates []orders.OutboxMessage
	for _, m := range box {
		if m.Kind == orders.MailUpdate {
			updates = append(updates, m)
		}
	}
	require.Len(t, updates, 1, "one email per event, even when the carrier retries")
	assert.Equal(t, "maria.popescu@example.com", updates[0].To)
	assert.Contains(t, updates[0].Subject, "VT-1003")
	assert.Contains(t, updates[0].Subject, "Livrat", "in Romanian, the language Maria shopped in")
	assert.Contains(t, updates[0].Body, "https://vitrine.example/track/VT-1003?t=")
}

func TestDelayJobSendsEachNoticeOnce(t *testing.T) {
	e, _ := newOrderEnv(t)
	ctx := context.Background()
	job := e.server.DelayJob()
	require.NotNil(t, job)

	sent, err := job.RunOnce(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, sent, "VT-1005 is late and VT-1006's delivery attempt failed")
	sent, err = job.RunOnce(ctx)
	require.NoError(t, err)
	assert.Zero(t, sent, "the second run finds nothing new")

	box, err := e.orders.Outbox(ctx, "VT-1005")
	require.NoError(t, err)
	require.Len(t, box, 1, "VT-1005 gets exactly one notice")
	m := box[0]
	assert.Equal(t, orders.MailDelayNotice, m.Kind)
	assert.Equal(t, "carmen.diaz@example.com", m.To)
	assert.Contains(t, m.Subject, "VT-1005")
	assert.Contains(t, m.Subject, "retraso", "in Spanish, the language Carmen shopped in")
	assert.Contains(t, m.Body, "Carmen Díaz")
	assert.Contains(t, m.Body, "https://vitrine.example/track/VT-1005?t=")

	for _, n := range []string{"VT-1001", "VT-1002", "VT-1003", "VT-1007", "VT-1008", "VT-1009"} {
		box, err := e.orders.Outbox(ctx, n)
		require.NoError(t, err)
		assert.Empty(t, box, "%s is on time", n)
	}
}

func TestDelayJobRunsOnStartAndStops(t *testing.T) {
	e, _ := newOrderEnv(t, func(c *server.Config) { c.DelayCheckEvery = time.Hour })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { e.server.DelayJob().Run(ctx); close(done) }()
	require.Eventually(t, func() bool {
		box, err := e.orders.Outbox(context.Background(), "VT-1005")
		return err == nil && len(box) == 1
	}, 10*time.Second, 10*time.Millisecond, "the job checks once at start")
	cancel()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the job did not stop when its context ended")
	}
}

func TestCarrierExceptionNotifiesAtOnce(t *testing.T) {
	e, clk := newOrderEnv(t, func(c *server.Config) { c.DelayCheckEvery = -1 })
	ev := `{"eventId":"dhl-delay","trackingNumber":"4812345670","kind":"exception_delay","at":"` +
		clk.Now().UTC().Format(time.RFC3339) + `","newEstimate":"` + clk.Now().AddDate(0, 0, 9).UTC().Format(time.RFC3339) + `"}`
	resp, body := e.postEvent(t, testCarrierSecret, clk.Now(), ev)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	box, err := e.orders.Outbox(context.Background(), "VT-1002")
	require.NoError(t, err)
	require.Len(t, box, 1, "the customer hears of the delay without waiting for the job")
	assert.Equal(t, orders.MailDelayNotice, box[0].Kind)
	assert.Contains(t, box[0].Subject, "VT-1002")
	// The email carries the carrier's new estimate, in words, not a message key.
	o, err := e.orders.Order(context.Background(), "VT-1002")
	require.NoError(t, err)
	assert.Contains(t, box[0].Body, i18n.FormatDate(o.Locale, clk.Now().AddDate(0, 0, 9).UTC()))
	assert.NotContains(t, box[0].Body, "track.")
}

// Package carrier plays a parcel carrier against a running Vitrine: it sends
// signed events to the carrier webhook (POST /api/v1/carrier/events), so a
// person can watch a demo order move through its states on its page. It is
// `bin/vitrine carrier simulate …`; main only hands it the arguments.
package carrier

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"vitrine/portal/orders"
	"vitrine/server/api"
	"vitrine/server/demo"
	"vitrine/server/secret"
)

const usage = `usage: vitrine carrier simulate [flags]

Sends signed carrier events to a running Vitrine so you can watch an order
move on its page (/track/VT-1002). By default it walks every undelivered
shipment of a demo order to "delivered", a few seconds between events.

Examples:
  vitrine carrier simulate -order VT-1002
  vitrine carrier simulate -order VT-1005 -events exception_delay
  vitrine carrier simulate -tracking 4812345670 -events in_transit,delivered -delay 1s

The carrier secret comes from VITRINE_CARRIER_SECRET, else from carrier.key
in the data folder (the server creates it on first start).

flags:
`

// Command runs `vitrine carrier args…` and returns the process's exit code:
// 0 on success, 1 when sending failed, 2 for a usage error.
func Command(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "simulate" {
		fmt.Fprint(stderr, usage)
		return 2
	}
	fl := flag.NewFlagSet("vitrine carrier simulate", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, usage); fl.PrintDefaults() }
	url := fl.String("url", envOr("VITRINE_URL", "http://127.0.0.1:8080"), "address of the running server (env VITRINE_URL)")
	order := fl.String("order", "", "demo order to move (VT-1001 … VT-1010)")
	tracking := fl.String("tracking", "", "tracking number of the shipment to move (instead of -order)")
	events := fl.String("events", "", "comma-separated event kinds to send, in order; default: the steps left to delivered")
	delay := fl.Duration("delay", 3*time.Second, "pause between events")
	dataDir := fl.String("data", envOr("VITRINE_DATA", "./data"), "the server's data folder, where carrier.key is (env VITRINE_DATA)")
	if err := fl.Parse(args[1:]); err != nil {
		return 2
	}
	if (*order == "") == (*tracking == "") {
		fmt.Fprintln(stderr, "carrier simulate: give either -order or -tracking")
		return 2
	}
	kinds, err := parseKinds(*events)
	if err != nil {
		fmt.Fprintln(stderr, "carrier simulate:", err)
		return 2
	}
	key, err := secret.Load(secret.CarrierEnv, filepath.Join(*dataDir, secret.CarrierFile), false)
	if err != nil {
		fmt.Fprintln(stderr, "carrier simulate:", err)
		return 1
	}
	sim := &Simulator{URL: *url, Secret: key, Delay: *delay, Out: stdout}
	now := time.Now()
	var plan []Step
	if *order != "" {
		plan, err = PlanDemoOrder(strings.ToUpper(*order), kinds, now)
	} else {
		if len(kinds) == 0 {
			kinds = []orders.EventKind{orders.EventPickedUp, orders.EventInTransit, orders.EventOutForDelivery, orders.EventDelivered}
		}
		plan = planShipment("", *tracking, "", kinds)
	}
	if err != nil {
		fmt.Fprintln(stderr, "carrier simulate:", err)
		return 1
	}
	if err := sim.Run(ctx, plan); err != nil {
		fmt.Fprintln(stderr, "carrier simulate:", err)
		return 1
	}
	return 0
}

// Step is one event the simulator will send: its kind on a shipment. The
// time, id and estimate are filled in when it is sent.
type Step struct {
	Order          string // for the output only; may be empty
	TrackingNumber string
	Kind           orders.EventKind
	Place          string
}

// Simulator sends Steps to a server's webhook, signed with Secret.
type Simulator struct {
	// URL is the server's base URL ("http://127.0.0.1:8080").
	URL    string
	Secret []byte
	// Delay is the pause between two events.
	Delay time.Duration
	// Out receives one line per event sent.
	Out io.Writer
	// Client defaults to a client with a 10-second timeout.
	Client *http.Client
	// Now is the clock events are stamped and signed with; nil is time.Now.
	Now func() time.Time
}

// Run sends the steps in order, pausing Delay between them, and stops at
// the first refusal: the server's message says what was wrong (most often
// a secret that is not the server's).
func (s *Simulator) Run(ctx context.Context, steps []Step) error {
	if len(steps) == 0 {
		return errors.New("nothing to send")
	}
	now := s.Now
	if now == nil {
		now = time.Now
	}
	client := s.Client
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	for i, st := range steps {
		if i > 0 && s.Delay > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(s.Delay):
			}
		}
		t := now().UTC().Truncate(time.Second)
		e := orders.CarrierEvent{
			EventID:        fmt.Sprintf("sim-%s-%d-%d", st.TrackingNumber, now().UnixNano(), i),
			TrackingNumber: st.TrackingNumber,
			Kind:           st.Kind,
			At:             t,
			Place:          st.Place,
			Description:    descriptions[st.Kind],
		}
		if st.Kind == orders.EventDelay {
			e.NewEstimate = t.AddDate(0, 0, 4).Truncate(24 * time.Hour)
		}
		res, err := Send(ctx, client, s.URL, s.Secret, e, now())
		if err != nil {
			return fmt.Errorf("%s %s: %w", st.TrackingNumber, st.Kind, err)
		}
		label := st.Order
		if label == "" {
			label = res.OrderNumber
		}
		fmt.Fprintf(s.Out, "%s  %s  %-26s %s\n", label, st.TrackingNumber, st.Kind, res.Status)
	}
	return nil
}

// Send posts one event to the webhook at base, signed with key at now, and
// returns the server's answer. A refusal is an error with the server's
// message.
func Send(ctx context.Context, client *http.Client, base string, key []byte, e orders.CarrierEvent, now time.Time) (api.CarrierEventResponse, error) {
	var out api.CarrierEventResponse
	body, err := json.Marshal(e)
	if err != nil {
		return out, err
	}
	ts := strconv.FormatInt(now.Unix(), 10)
	req, err := http.NewRequestWithContext(ctx, "POST", strings.TrimSuffix(base, "/")+api.Prefix+"/carrier/events", bytes.NewReader(body))
	if err != nil {
		return out, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(api.HeaderCarrierTimestamp, ts)
	req.Header.Set(api.HeaderCarrierSignature, orders.Sign(key, ts, body))
	resp, err := client.Do(req)
	if err != nil {
		return out, fmt.Errorf("is the server running? %w", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return out, err
	}
	if resp.StatusCode != http.StatusOK {
		var eb api.ErrorBody
		if json.Unmarshal(b, &eb) == nil && eb.Error.Message != "" {
			return out, fmt.Errorf("the server said %d: %s", resp.StatusCode, eb.Error.Message)
		}
		return out, fmt.Errorf("the server said %d", resp.StatusCode)
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return out, fmt.Errorf("unexpected answer: %w", err)
	}
	return out, nil
}

// PlanDemoOrder returns the steps that move demo order number (see
// demo.Orders): for each shipment not yet delivered, the given kinds, or by
// default the steps left between its last demo event and delivered.
func PlanDemoOrder(number string, kinds []orders.EventKind, now time.Time) ([]Step, error) {
	for _, o := range demo.Orders(now) {
		if o.Number != number {
			continue
		}
		if o.Cancelled() {
			return nil, fmt.Errorf("%s is cancelled: no carrier has it", number)
		}
		if len(o.Shipments) == 0 {
			return nil, fmt.Errorf("%s has not shipped yet: no carrier has it", number)
		}
		var steps []Step
		for _, sh := range o.Shipments {
			tl := orders.Timeline(sh.Events)
			ks := kinds
			if len(ks) == 0 {
				ks = remaining(tl)
			}
			steps = append(steps, planShipment(number, sh.TrackingNumber, o.Address.City, ks)...)
		}
		if len(steps) == 0 {
			return nil, fmt.Errorf("every shipment of %s is already delivered", number)
		}
		return steps, nil
	}
	return nil, fmt.Errorf("%s is not a demo order (VT-1001 … VT-1010); use -tracking for others", number)
}

// walk is a delivery's normal course.
var walk = []orders.EventKind{orders.EventLabelCreated, orders.EventPickedUp, orders.EventInTransit, orders.EventOutForDelivery, orders.EventDelivered}

// remaining returns the steps of walk after the latest event of a
// timeline; none once delivered. An exception counts as the step before the
// one it interrupted, so a failed attempt is followed by a new "out for
// delivery" and a delay by the rest of the transit.
func remaining(tl []orders.CarrierEvent) []orders.EventKind {
	reached := -1
	for _, e := range tl {
		if e.Kind == orders.EventDelivered {
			return nil
		}
	}
	if len(tl) > 0 {
		k := tl[len(tl)-1].Kind
		switch k {
		case orders.EventFailedAttempt:
			k = orders.EventInTransit
		case orders.EventDelay, orders.EventReturnedToSender:
			k = orders.EventPickedUp
		}
		for i, w := range walk {
			if w == k {
				reached = i
			}
		}
	}
	return walk[reached+1:]
}

func planShipment(order, tracking, city string, kinds []orders.EventKind) []Step {
	steps := make([]Step, 0, len(kinds))
	for _, k := range kinds {
		place := places[k]
		if city != "" && (k == orders.EventOutForDelivery || k == orders.EventDelivered || k == orders.EventFailedAttempt) {
			place = city
		}
		steps = append(steps, Step{Order: order, TrackingNumber: tracking, Kind: k, Place: place})
	}
	return steps
}

var places = map[orders.EventKind]string{
	orders.EventLabelCreated:     "Zaragoza",
	orders.EventPickedUp:         "Zaragoza",
	orders.EventInTransit:        "Regional hub",
	orders.EventOutForDelivery:   "Local delivery station",
	orders.EventDelivered:        "Delivery address",
	orders.EventFailedAttempt:    "Delivery address",
	orders.EventDelay:            "Regional hub",
	orders.EventReturnedToSender: "Regional hub",
}

// descriptions are the carrier's own words: carriers write in their
// language, not the customer's, and the page translates the kind beside it.
var descriptions = map[orders.EventKind]string{
	orders.EventLabelCreated:     "Shipping label created (simulated)",
	orders.EventPickedUp:         "Parcel collected from the sender (simulated)",
	orders.EventInTransit:        "Departed from the sorting centre (simulated)",
	orders.EventOutForDelivery:   "With the courier for delivery today (simulated)",
	orders.EventDelivered:        "Delivered to the customer (simulated)",
	orders.EventFailedAttempt:    "Recipient not available (simulated)",
	orders.EventDelay:            "Delayed by weather at the hub (simulated)",
	orders.EventReturnedToSender: "Returned to sender (simulated)",
}

func parseKinds(s string) ([]orders.EventKind, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []orders.EventKind
	for _, part := range strings.Split(s, ",") {
		k := orders.EventKind(strings.TrimSpace(part))
		if !k.Valid() {
			return nil, fmt.Errorf("unknown event kind %q; known: %v", k, orders.EventKinds)
		}
		out = append(out, k)
	}
	return out, nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

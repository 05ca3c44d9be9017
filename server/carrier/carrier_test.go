package carrier_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/assets"
	"vitrine/portal/orders"
	"vitrine/server"
	"vitrine/server/carrier"
	"vitrine/server/demo"
	"vitrine/server/sqlite"
)

const carrierKey = "carrier-key-for-the-simulator-test"

// startServer runs the real server over a fresh SQLite file with the demo
// data and returns its URL and order store.
func startServer(t *testing.T) (string, *sqlite.OrderStore) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sim.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	store := sqlite.NewOrderStore(db)
	_, err = demo.Seed(ctx, demo.Stores{Catalog: sqlite.NewCatalogStore(db), Orders: store}, time.Now())
	require.NoError(t, err)
	srv, err := server.New(server.Config{
		Catalog:       sqlite.NewCatalogStore(db),
		Dist:          fstest.MapFS{"app.wasm": {Data: []byte("\x00asm")}},
		Web:           assets.Web(),
		IsPage:        func(string) bool { return false },
		Logger:        slog.New(slog.DiscardHandler),
		Orders:        store,
		Secret:        []byte("link-secret-for-the-simulator-test"),
		CarrierSecret: []byte(carrierKey),
	})
	require.NoError(t, err)
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return hs.URL, store
}

func status(t *testing.T, store *sqlite.OrderStore, number string) orders.Status {
	t.Helper()
	o, err := store.Order(context.Background(), number)
	require.NoError(t, err)
	return o.State(time.Now()).Status
}

func TestSimulateWalksADemoOrderToDelivered(t *testing.T) {
	url, store := startServer(t)
	require.Equal(t, orders.StatusInTransit, status(t, store, "VT-1002"))

	steps, err := carrier.PlanDemoOrder("VT-1002", nil, time.Now())
	require.NoError(t, err)
	require.Len(t, steps, 2)
	assert.Equal(t, orders.EventOutForDelivery, steps[0].Kind)
	assert.Equal(t, orders.EventDelivered, steps[1].Kind)
	assert.Equal(t, "上海", steps[1].Place, "delivered in the customer's city")

	var out bytes.Buffer
	sim := &carrier.Simulator{URL: url, Secret: []byte(carrierKey), Out: &out}
	require.NoError(t, sim.Run(context.Background(), steps))
	assert.Equal(t, orders.StatusDelivered, status(t, store, "VT-1002"))
	assert.Contains(t, out.String(), "VT-1002  4812345670  out_for_delivery")
	assert.Contains(t, out.String(), "delivered                  applied")
}

func TestSimulatePlans(t *testing.T) {
	now := time.Now()
	for _, tc := range []struct {
		order string
		kinds []orders.EventKind
		want  []orders.EventKind // nil: an error
	}{
		{"VT-1005", nil, []orders.EventKind{orders.EventOutForDelivery, orders.EventDelivered}},
		{"VT-1006", nil, []orders.EventKind{orders.EventOutForDelivery, orders.EventDelivered}},
		{"VT-1007", nil, []orders.EventKind{orders.EventOutForDelivery, orders.EventDelivered}},
		{"VT-1002", []orders.EventKind{orders.EventDelay}, []orders.EventKind{orders.EventDelay}},
		{"VT-1001", nil, nil},
		{"VT-1008", nil, nil},
		{"VT-1009", nil, nil},
		{"VT-4242", nil, nil},
	} {
		t.Run(tc.order, func(t *testing.T) {
			steps, err := carrier.PlanDemoOrder(tc.order, tc.kinds, now)
			if tc.want == nil {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			var got []orders.EventKind
			for _, s := range steps {
				got = append(got, s.Kind)
			}
			assert.Equal(t, tc.want, got)
		})
	}
	steps, err := carrier.PlanDemoOrder("VT-1007", nil, now)
	require.NoError(t, err)
	assert.Equal(t, "1098765432", steps[0].TrackingNumber, "only the shipment still on its way moves")
}

func TestSimulateWithTheWrongSecretSaysSo(t *testing.T) {
	url, store := startServer(t)
	steps, err := carrier.PlanDemoOrder("VT-1003", nil, time.Now())
	require.NoError(t, err)
	sim := &carrier.Simulator{URL: url, Secret: []byte("not-the-servers-carrier-secret"), Out: &bytes.Buffer{}}
	err = sim.Run(context.Background(), steps)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "401")
	assert.Contains(t, err.Error(), "signature does not match")
	assert.Equal(t, orders.StatusOutForDelivery, status(t, store, "VT-1003"), "nothing changed")
}

func TestCommand(t *testing.T) {
	url, store := startServer(t)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "carrier.key"), []byte(carrierKey+"\n"), 0o600))
	t.Setenv("VITRINE_CARRIER_SECRET", "")

	var out, errOut bytes.Buffer
	code := carrier.Command(context.Background(), []string{"simulate", "-url", url, "-data", dir, "-order", "vt-1003", "-delay", "0s"}, &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	assert.Equal(t, orders.StatusDelivered, status(t, store, "VT-1003"))
	assert.Contains(t, out.String(), "VT-1003")

	for _, tc := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"no subcommand", nil, 2, "usage: vitrine carrier simulate"},
		{"neither order nor tracking", []string{"simulate", "-data", dir}, 2, "give either -order or -tracking"},
		{"unknown kind", []string{"simulate", "-data", dir, "-order", "VT-1002", "-events", "teleported"}, 2, "unknown event kind"},
		{"no secret", []string{"simulate", "-data", t.TempDir(), "-order", "VT-1002"}, 1, "start the server once"},
		{"unknown tracking number", []string{"simulate", "-url", url, "-data", dir, "-tracking", "NOPE", "-events", "delivered"}, 1, "no shipment has tracking number NOPE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			assert.Equal(t, tc.code, carrier.Command(context.Background(), tc.args, &out, &errOut))
			assert.Contains(t, errOut.String(), tc.says)
		})
	}
}

package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/returns"
	"vitrine/server/demo"
	"vitrine/server/sqlite"
)

func TestSeedMakesReturnsInSeveralStates(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "seed.db"))
	require.NoError(t, err)
	defer db.Close()
	rs := sqlite.NewReturnStore(db)
	now := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	_, err = demo.Seed(ctx, demo.Stores{Catalog: sqlite.NewCatalogStore(db), Orders: sqlite.NewOrderStore(db),
		Returns: rs, ReturnPhotos: rs}, now)
	require.NoError(t, err)

	all, err := rs.List(ctx, returns.Filter{})
	require.NoError(t, err)
	states := map[string]returns.Status{}
	for _, r := range all {
		states[r.OrderNumber+"/"+r.Lines[0].LineID+"/"+string(r.Kind)] = r.Status
		assert.False(t, r.CreatedAt.After(now), "%s is not in the future", r.Number)
		for _, e := range r.Timeline {
			assert.False(t, e.At.After(now), "%s: step %s is not in the future", r.Number, e.Status)
		}
	}
	assert.Equal(t, map[string]returns.Status{
		"VT-1004/2/return":   returns.StatusRefunded,
		"VT-1004/1/repair":   returns.StatusReceived,
		"VT-1007/3/exchange": returns.StatusApproved,
		"VT-1007/2/repair":   returns.StatusRequested,
		"VT-1010/1/repair":   returns.StatusInTransit,
		"VT-1010/2/return":   returns.StatusRejected,
	}, states)

	for _, order := range []string{"VT-1001", "VT-1010"} {
		got, err := rs.Returned(ctx, order)
		require.NoError(t, err)
		assert.Empty(t, got, "%s keeps its items returnable for the browser tests", order)
	}
	got, err := rs.Returned(ctx, "VT-1007")
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"3": 1}, got, "VT-1007's light set stays returnable")
	got, err = rs.Returned(ctx, "VT-1004")
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"2": 1}, got, "the keyboard went back; the repair does not count")

	repair, err := rs.ListByOrder(ctx, "VT-1004")
	require.NoError(t, err)
	require.Len(t, repair, 2)
	require.Equal(t, returns.KindRepair, repair[0].Kind)
	require.Len(t, repair[0].Lines[0].PhotoIDs, 1, "a repair comes with its photo")
	p, data, err := rs.PhotoData(ctx, repair[0].Lines[0].PhotoIDs[0])
	require.NoError(t, err)
	assert.Equal(t, repair[0].Number, p.ReturnNumber)
	assert.NotEmpty(t, data)
}

package help_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/help"
)

func TestScore(t *testing.T) {
	// Each case names two articles, and the first must score higher.
	type side struct {
		stats help.Stats
		rank  int
	}
	for _, tc := range []struct {
		name          string
		higher, lower side
	}{
		{name: "without signals the editors' first question leads",
			higher: side{rank: 1}, lower: side{rank: 2}},
		{name: "a ranked article leads an unranked one",
			higher: side{rank: 40}, lower: side{rank: 0}},
		{name: "many views beat a better editorial rank",
			higher: side{rank: 10, stats: help.Stats{Views: 1000}}, lower: side{rank: 1}},
		{name: "a few views do not beat a much better editorial rank",
			higher: side{rank: 1}, lower: side{rank: 4, stats: help.Stats{Views: 5}}},
		{name: "with equal reads and rank the more helpful leads",
			higher: side{rank: 3, stats: help.Stats{Views: 50, Helpful: 10, Unhelpful: 1}},
			lower:  side{rank: 3, stats: help.Stats{Views: 50, Helpful: 5, Unhelpful: 6}}},
		{name: "many unhelpful votes sink a well-read article below a less-read one",
			higher: side{rank: 5, stats: help.Stats{Views: 100, Helpful: 20}},
			lower:  side{rank: 5, stats: help.Stats{Views: 200, Unhelpful: 30}}},
		{name: "one early no does not sink the editors' first question",
			higher: side{rank: 1, stats: help.Stats{Views: 1, Unhelpful: 1}}, lower: side{rank: 2}},
		{name: "more views lead when nothing else differs",
			higher: side{rank: 7, stats: help.Stats{Views: 20}}, lower: side{rank: 7, stats: help.Stats{Views: 19}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hi := help.Score(tc.higher.stats, tc.higher.rank)
			lo := help.Score(tc.lower.stats, tc.lower.rank)
			assert.Greater(t, hi, lo)
		})
	}
}

func TestScoreWithoutSignals(t *testing.T) {
	assert.InDelta(t, 2.0, help.Score(help.Stats{}, 1), 1e-9, "rank 1 starts at the editorial weight")
	assert.InDelta(t, 1.0, help.Score(help.Stats{}, 4), 1e-9)
	assert.InDelta(t, 0.0, help.Score(help.Stats{}, 0), 1e-9, "an unranked, unread article scores zero")
	assert.InDelta(t, help.Score(help.Stats{}, 2), help.Score(help.Stats{Views: -5, Helpful: -3, Unhelpful: -1}, 2), 1e-9,
		"corrupt negative counters count as zero")
}

// sampleTree is a small help tree in editorial order.
func sampleTree() help.Tree {
	return help.Tree{Categories: []help.Category{
		{Slug: "orders", Position: 0, Title: map[string]string{"en": "Orders", "es": "Pedidos"}, Sections: []help.Section{
			{Slug: "delivery", Category: "orders", Position: 0, Title: map[string]string{"en": "Delivery"}, Articles: []help.ArticleRef{
				{ID: "delivery-times", Rank: 3}, {ID: "shipping-costs", Rank: 6}, {ID: "delivery-day", Rank: 20},
			}},
			{Slug: "tracking", Category: "orders", Position: 1, Title: map[string]string{"en": "Tracking"}, Articles: []help.ArticleRef{
				{ID: "track-order", Rank: 2}, {ID: "late", Rank: 0},
			}},
		}},
		{Slug: "returns", Position: 1, Title: map[string]string{"en": "Returns"}, Sections: []help.Section{
			{Slug: "refunds", Category: "returns", Position: 0, Title: map[string]string{"en": "Refunds"}, Articles: []help.ArticleRef{
				{ID: "refund-timing", Rank: 5}, {ID: "store-credit", Rank: 12},
			}},
			{Slug: "returning", Category: "returns", Position: 1, Title: map[string]string{"en": "Returning"}, Articles: []help.ArticleRef{
				{ID: "return-policy", Rank: 1},
			}},
		}},
	}}
}

// order flattens a tree into "category/section/article" lines.
func order(t help.Tree) []string {
	var out []string
	for _, c := range t.Categories {
		for _, s := range c.Sections {
			for _, a := range s.Articles {
				out = append(out, c.Slug+"/"+s.Slug+"/"+a.ID)
			}
		}
	}
	return out
}

func TestOrdered(t *testing.T) {
	for _, tc := range []struct {
		name  string
		stats map[string]help.Stats
		want  []string
	}{
		{name: "without signals every level follows its best editorial rank",
			want: []string{
				"returns/returning/return-policy",
				"returns/refunds/refund-timing", "returns/refunds/store-credit",
				"orders/tracking/track-order", "orders/tracking/late",
				"orders/delivery/delivery-times", "orders/delivery/shipping-costs", "orders/delivery/delivery-day",
			}},
		{name: "a much-read question lifts its section and category to the top",
			stats: map[string]help.Stats{"delivery-day": {Views: 5000, Helpful: 40}},
			want: []string{
				"orders/delivery/delivery-day", "orders/delivery/delivery-times", "orders/delivery/shipping-costs",
				"orders/tracking/track-order", "orders/tracking/late",
				"returns/returning/return-policy",
				"returns/refunds/refund-timing", "returns/refunds/store-credit",
			}},
		{name: "an unhelpful question drops below its helpful neighbour, which lifts the section",
			stats: map[string]help.Stats{"refund-timing": {Views: 30, Unhelpful: 25}, "store-credit": {Views: 30, Helpful: 5}},
			want: []string{
				"returns/refunds/store-credit", "returns/refunds/refund-timing",
				"returns/returning/return-policy",
				"orders/tracking/track-order", "orders/tracking/late",
				"orders/delivery/delivery-times", "orders/delivery/shipping-costs", "orders/delivery/delivery-day",
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, order(help.Ordered(sampleTree(), tc.stats)))
		})
	}
}

func TestOrderedLeavesItsInputAlone(t *testing.T) {
	in := sampleTree()
	before := order(in)
	got := help.Ordered(in, map[string]help.Stats{"delivery-day": {Views: 9999}})
	require.NotEqual(t, before, order(got))
	assert.Equal(t, before, order(in))
}

func TestOrderedBreaksTiesByEditorialOrder(t *testing.T) {
	tree := help.Tree{Categories: []help.Category{
		{Slug: "b", Position: 1, Sections: []help.Section{{Slug: "s", Articles: []help.ArticleRef{{ID: "z"}, {ID: "y"}}}}},
		{Slug: "a", Position: 0, Sections: []help.Section{{Slug: "s", Articles: []help.ArticleRef{{ID: "x"}}}}},
	}}
	assert.Equal(t, []string{"a/s/x", "b/s/y", "b/s/z"}, order(help.Ordered(tree, nil)))
}

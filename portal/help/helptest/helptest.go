// Package helptest is the conformance suite of help.Store: every
// implementation (SQLite today, PostgreSQL later) runs it from its own tests,
// so they all keep the same contract.
package helptest

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"vitrine/portal/help"
	"vitrine/showroom/catalog"
)

// Run runs the suite. open must return a new, empty store for each call.
func Run(t *testing.T, open func(t *testing.T) help.Store) {
	ctx := context.Background()
	day := time.Date(2025, 6, 2, 9, 30, 0, 0, time.UTC)

	t.Run("an article nobody has seen has zero stats", func(t *testing.T) {
		s := open(t)
		st, err := s.ArticleStats(ctx, "return-policy")
		require.NoError(t, err)
		assert.Equal(t, help.Stats{ArticleID: "return-policy"}, st)
		all, err := s.Stats(ctx)
		require.NoError(t, err)
		assert.Empty(t, all)
	})

	t.Run("views are counted across days", func(t *testing.T) {
		s := open(t)
		for _, at := range []time.Time{day, day.Add(time.Hour), day.AddDate(0, 0, 1), day.AddDate(0, 0, 30)} {
			require.NoError(t, s.RecordView(ctx, "track-order", at))
		}
		require.NoError(t, s.RecordView(ctx, "vat", day))
		st, err := s.ArticleStats(ctx, "track-order")
		require.NoError(t, err)
		assert.Equal(t, help.Stats{ArticleID: "track-order", Views: 4}, st)
		all, err := s.Stats(ctx)
		require.NoError(t, err)
		assert.Equal(t, map[string]help.Stats{
			"track-order": {ArticleID: "track-order", Views: 4},
			"vat":         {ArticleID: "vat", Views: 1},
		}, all)
	})

	t.Run("a view of a malformed ID is refused", func(t *testing.T) {
		s := open(t)
		err := s.RecordView(ctx, "Robert'); DROP TABLE", day)
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
	})

	t.Run("votes are counted per article", func(t *testing.T) {
		s := open(t)
		for _, f := range []help.Feedback{
			{ArticleID: "refund-timing", Locale: "en", Helpful: true, At: day},
			{ArticleID: "refund-timing", Locale: "es", Helpful: true, At: day},
			{ArticleID: "refund-timing", Locale: "zh-Hans", Helpful: false, Comment: "太慢了", At: day},
			{ArticleID: "store-credit", Locale: "ro", Helpful: false, At: day},
		} {
			require.NoError(t, s.RecordFeedback(ctx, f))
		}
		require.NoError(t, s.RecordView(ctx, "refund-timing", day))
		all, err := s.Stats(ctx)
		require.NoError(t, err)
		assert.Equal(t, map[string]help.Stats{
			"refund-timing": {ArticleID: "refund-timing", Views: 1, Helpful: 2, Unhelpful: 1},
			"store-credit":  {ArticleID: "store-credit", Unhelpful: 1},
		}, all)
		st, err := s.ArticleStats(ctx, "store-credit")
		require.NoError(t, err)
		assert.Equal(t, help.Stats{ArticleID: "store-credit", Unhelpful: 1}, st)
	})

	t.Run("a comment of the maximum length is kept whole", func(t *testing.T) {
		s := open(t)
		long := strings.Repeat("ă", help.MaxCommentRunes)
		require.NoError(t, s.RecordFeedback(ctx, help.Feedback{ArticleID: "warranty", Locale: "ro", Comment: long, At: day}))
		got, err := s.Comments(ctx, "warranty", 10)
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, long, got[0].Text)
	})

	t.Run("a comment that is too long is refused and nothing is stored", func(t *testing.T) {
		s := open(t)
		err := s.RecordFeedback(ctx, help.Feedback{ArticleID: "warranty", Locale: "en",
			Comment: strings.Repeat("x", help.MaxCommentRunes+1), At: day})
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
		st, err := s.ArticleStats(ctx, "warranty")
		require.NoError(t, err)
		assert.Zero(t, st.Unhelpful+st.Helpful)
	})

	t.Run("feedback in an unknown locale is refused", func(t *testing.T) {
		s := open(t)
		err := s.RecordFeedback(ctx, help.Feedback{ArticleID: "warranty", Locale: "xx", Helpful: true, At: day})
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
	})

	t.Run("comments are listed newest first, without empty ones", func(t *testing.T) {
		s := open(t)
		for i, f := range []help.Feedback{
			{ArticleID: "vat", Locale: "en", Helpful: false, Comment: "first"},
			{ArticleID: "vat", Locale: "en", Helpful: true},
			{ArticleID: "get-invoice", Locale: "es", Helpful: false, Comment: "  second  "},
			{ArticleID: "vat", Locale: "ro", Helpful: true, Comment: "third"},
		} {
			f.At = day.Add(time.Duration(i) * time.Minute)
			require.NoError(t, s.RecordFeedback(ctx, f))
		}
		all, err := s.Comments(ctx, "", 10)
		require.NoError(t, err)
		assert.Equal(t, []help.Comment{
			{ArticleID: "vat", Locale: "ro", Helpful: true, Text: "third", At: day.Add(3 * time.Minute)},
			{ArticleID: "get-invoice", Locale: "es", Text: "second", At: day.Add(2 * time.Minute)},
			{ArticleID: "vat", Locale: "en", Text: "first", At: day},
		}, all)
		vat, err := s.Comments(ctx, "vat", 1)
		require.NoError(t, err)
		require.Len(t, vat, 1)
		assert.Equal(t, "third", vat[0].Text)
		_, err = s.Comments(ctx, "", 0)
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
	})

	t.Run("failed searches are counted per normalised query and locale", func(t *testing.T) {
		s := open(t)
		for i, fs := range []help.FailedSearch{
			{Query: "sofa legs", Locale: "en"},
			{Query: " Sofa  LEGS", Locale: "en"},
			{Query: "sofa legs", Locale: "es"},
			{Query: "退货运费", Locale: "zh-Hans"},
			{Query: "sofa legs", Locale: "en"},
			{Query: "退货运费", Locale: "zh-Hans"},
		} {
			fs.At = day.Add(time.Duration(i) * time.Hour)
			require.NoError(t, s.RecordFailedSearch(ctx, fs))
		}
		top, err := s.TopFailedSearches(ctx, day, 10)
		require.NoError(t, err)
		assert.Equal(t, []help.FailedSearchCount{
			{Query: "sofa legs", Locale: "en", Count: 3, Last: day.Add(4 * time.Hour)},
			{Query: "退货运费", Locale: "zh-Hans", Count: 2, Last: day.Add(5 * time.Hour)},
			{Query: "sofa legs", Locale: "es", Count: 1, Last: day.Add(2 * time.Hour)},
		}, top)
	})

	t.Run("failed searches are summed over days and ties go to the most recent", func(t *testing.T) {
		s := open(t)
		record := func(q string, at time.Time) {
			require.NoError(t, s.RecordFailedSearch(ctx, help.FailedSearch{Query: q, Locale: "en", At: at}))
		}
		record("assembly video", day)
		record("assembly video", day.AddDate(0, 0, 1))
		record("gift card", day.AddDate(0, 0, 2))
		record("gift card", day.AddDate(0, 0, 2).Add(-time.Hour)) // arrives late: Last must not go back
		top, err := s.TopFailedSearches(ctx, day, 10)
		require.NoError(t, err)
		assert.Equal(t, []help.FailedSearchCount{
			{Query: "gift card", Locale: "en", Count: 2, Last: day.AddDate(0, 0, 2)},
			{Query: "assembly video", Locale: "en", Count: 2, Last: day.AddDate(0, 0, 1)},
		}, top)
	})

	t.Run("failed searches before since and beyond the limit are left out", func(t *testing.T) {
		s := open(t)
		for i, q := range []string{"old", "a", "b", "b", "c", "c", "c"} {
			at := day.AddDate(0, 0, 10).Add(time.Duration(i) * time.Minute)
			if q == "old" {
				at = day
			}
			require.NoError(t, s.RecordFailedSearch(ctx, help.FailedSearch{Query: q, Locale: "en", At: at}))
		}
		top, err := s.TopFailedSearches(ctx, day.AddDate(0, 0, 10), 2)
		require.NoError(t, err)
		var queries []string
		for _, c := range top {
			queries = append(queries, c.Query)
		}
		assert.Equal(t, []string{"c", "b"}, queries)
		_, err = s.TopFailedSearches(ctx, day, 0)
		assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
	})

	t.Run("an empty or overlong failed search is refused", func(t *testing.T) {
		s := open(t)
		for _, q := range []string{"   ", strings.Repeat("q", help.MaxQueryRunes+1)} {
			err := s.RecordFailedSearch(ctx, help.FailedSearch{Query: q, Locale: "en", At: day})
			assert.Equal(t, catalog.EINVALID, catalog.ErrorCode(err))
		}
		top, err := s.TopFailedSearches(ctx, day, 10)
		require.NoError(t, err)
		assert.Empty(t, top)
	})
}

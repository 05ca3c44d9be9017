package sqlite

import (
	"context"
	"fmt"
	"time"

	"vitrine/portal/help"
	"vitrine/showroom/catalog"
)

// HelpStore implements help.Store: views, votes and failed searches of the
// help center, over the tables of migrations/030_help.sql.
type HelpStore struct{ db *DB }

// NewHelpStore returns a help.Store over db.
func NewHelpStore(db *DB) *HelpStore { return &HelpStore{db: db} }

var _ help.Store = (*HelpStore)(nil)

// How the help tables store days and times: fixed-width UTC text, so that
// comparing and sorting the strings in SQL compares the times.
const (
	helpDayFormat  = "2006-01-02"
	helpTimeFormat = "2006-01-02T15:04:05.000000000Z"
)

// RecordView implements help.Store.
func (s *HelpStore) RecordView(ctx context.Context, articleID string, at time.Time) error {
	if !catalog.ValidSlug(articleID) {
		return catalog.FieldError("articleId", "help.err.article", "This article does not exist.")
	}
	if at.IsZero() {
		return catalog.Errorf(catalog.EINVALID, "view of %s has no time", articleID)
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO help_views (article_id, day, views) VALUES (?, ?, 1)
		ON CONFLICT (article_id, day) DO UPDATE SET views = views + 1`,
		articleID, at.UTC().Format(helpDayFormat))
	if err != nil {
		return fmt.Errorf("record view of %s: %w", articleID, err)
	}
	return nil
}

// RecordFeedback implements help.Store.
func (s *HelpStore) RecordFeedback(ctx context.Context, f help.Feedback) error {
	if err := f.Validate(); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO help_feedback (article_id, locale, helpful, comment, created_at)
		VALUES (?, ?, ?, ?, ?)`, f.ArticleID, f.Locale, f.Helpful, f.Comment, f.At.UTC().Format(helpTimeFormat))
	if err != nil {
		return fmt.Errorf("record feedback on %s: %w", f.ArticleID, err)
	}
	return nil
}

// helpStatsQuery sums views and votes per article; the UNION makes an article
// with votes but no views (or the reverse) appear too.
const helpStatsQuery = `
	SELECT id,
		COALESCE((SELECT SUM(views) FROM help_views v WHERE v.article_id = ids.id), 0),
		COALESCE((SELECT SUM(helpful) FROM help_feedback f WHERE f.article_id = ids.id), 0),
		COALESCE((SELECT SUM(1 - helpful) FROM help_feedback f WHERE f.article_id = ids.id), 0)
	FROM (SELECT article_id AS id FROM help_views UNION SELECT article_id FROM help_feedback) AS ids`

// ArticleStats implements help.Store.
func (s *HelpStore) ArticleStats(ctx context.Context, articleID string) (help.Stats, error) {
	st := help.Stats{ArticleID: articleID}
	err := s.db.QueryRowContext(ctx, `SELECT
		COALESCE((SELECT SUM(views) FROM help_views WHERE article_id = ?1), 0),
		COALESCE((SELECT SUM(helpful) FROM help_feedback WHERE article_id = ?1), 0),
		COALESCE((SELECT SUM(1 - helpful) FROM help_feedback WHERE article_id = ?1), 0)`, articleID).
		Scan(&st.Views, &st.Helpful, &st.Unhelpful)
	if err != nil {
		return help.Stats{}, fmt.Errorf("stats of %s: %w", articleID, err)
	}
	return st, nil
}

// Stats implements help.Store.
func (s *HelpStore) Stats(ctx context.Context) (map[string]help.Stats, error) {
	rows, err := s.db.QueryContext(ctx, helpStatsQuery)
	if err != nil {
		return nil, fmt.Errorf("help stats: %w", err)
	}
	defer rows.Close()
	out := map[string]help.Stats{}
	for rows.Next() {
		var st help.Stats
		if err := rows.Scan(&st.ArticleID, &st.Views, &st.Helpful, &st.Unhelpful); err != nil {
			return nil, fmt.Errorf("scan help stats: %w", err)
		}
		out[st.ArticleID] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("help stats: %w", err)
	}
	return out, nil
}

// Comments implements help.Store.
func (s *HelpStore) Comments(ctx context.Context, articleID string, limit int) ([]help.Comment, error) {
	if limit <= 0 {
		return nil, catalog.Errorf(catalog.EINVALID, "comments limit %d is not positive", limit)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, locale, helpful, comment, created_at
		FROM help_feedback WHERE comment <> '' AND (?1 = '' OR article_id = ?1)
		ORDER BY created_at DESC, id DESC LIMIT ?2`, articleID, limit)
	if err != nil {
		return nil, fmt.Errorf("list help comments: %w", err)
	}
	defer rows.Close()
	var out []help.Comment
	for rows.Next() {
		var c help.Comment
		var at string
		if err := rows.Scan(&c.ArticleID, &c.Locale, &c.Helpful, &c.Text, &at); err != nil {
			return nil, fmt.Errorf("scan help comment: %w", err)
		}
		if c.At, err = time.Parse(helpTimeFormat, at); err != nil {
			return nil, fmt.Errorf("help comment on %s: time %q: %w", c.ArticleID, at, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list help comments: %w", err)
	}
	return out, nil
}

// RecordFailedSearch implements help.Store.
func (s *HelpStore) RecordFailedSearch(ctx context.Context, fs help.FailedSearch) error {
	if err := fs.Validate(); err != nil {
		return err
	}
	at := fs.At.UTC()
	// MAX keeps last_at right when records arrive out of order, as they may
	// from several servers; the fixed-width format compares as text.
	_, err := s.db.ExecContext(ctx, `INSERT INTO help_failed_searches (query, locale, day, searches, last_at)
		VALUES (?, ?, ?, 1, ?)
		ON CONFLICT (query, locale, day) DO UPDATE SET searches = searches + 1, last_at = MAX(last_at, excluded.last_at)`,
		fs.Query, fs.Locale, at.Format(helpDayFormat), at.Format(helpTimeFormat))
	if err != nil {
		return fmt.Errorf("record failed search %q: %w", fs.Query, err)
	}
	return nil
}

// TopFailedSearches implements help.Store.
func (s *HelpStore) TopFailedSearches(ctx context.Context, since time.Time, limit int) ([]help.FailedSearchCount, error) {
	if limit <= 0 {
		return nil, catalog.Errorf(catalog.EINVALID, "failed searches limit %d is not positive", limit)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT query, locale, SUM(searches) AS n, MAX(last_at) AS last
		FROM help_failed_searches WHERE day >= ?
		GROUP BY query, locale ORDER BY n DESC, last DESC, query, locale LIMIT ?`,
		since.UTC().Format(helpDayFormat), limit)
	if err != nil {
		return nil, fmt.Errorf("list failed searches: %w", err)
	}
	defer rows.Close()
	var out []help.FailedSearchCount
	for rows.Next() {
		var c help.FailedSearchCount
		var last string
		if err := rows.Scan(&c.Query, &c.Locale, &c.Count, &last); err != nil {
			return nil, fmt.Errorf("scan failed search: %w", err)
		}
		if c.Last, err = time.Parse(helpTimeFormat, last); err != nil {
			return nil, fmt.Errorf("failed search %q: time %q: %w", c.Query, last, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list failed searches: %w", err)
	}
	return out, nil
}

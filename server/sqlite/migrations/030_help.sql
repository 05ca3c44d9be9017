-- Help center: readers' signals about the articles. The articles themselves
-- are Markdown files embedded in the program (portal/help/content), so the
-- tables name articles by ID and have no foreign key to an articles table.

-- help_views counts readings per article per UTC day: one row per article and
-- day however many readers, so the table grows with time, not with traffic,
-- and "views in the last 30 days" stays possible.
CREATE TABLE help_views (
	article_id TEXT NOT NULL,
	day        TEXT NOT NULL,            -- YYYY-MM-DD, UTC
	views      INTEGER NOT NULL CHECK (views > 0),
	PRIMARY KEY (article_id, day)
) WITHOUT ROWID;

-- help_feedback keeps every "Was this helpful?" vote with its optional
-- comment, which staff read to improve the article.
CREATE TABLE help_feedback (
	id         INTEGER PRIMARY KEY,
	article_id TEXT NOT NULL,
	locale     TEXT NOT NULL,
	helpful    INTEGER NOT NULL CHECK (helpful IN (0, 1)),
	comment    TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
	created_at TEXT NOT NULL             -- UTC, fixed width: 2006-01-02T15:04:05.000000000Z
);
CREATE INDEX help_feedback_article ON help_feedback (article_id, created_at);

-- help_failed_searches counts searches that found nothing, per normalised
-- query, locale and UTC day, so that a bot repeating one query adds one row
-- per day and staff see the queries readers miss most.
CREATE TABLE help_failed_searches (
	query    TEXT NOT NULL,
	locale   TEXT NOT NULL,
	day      TEXT NOT NULL,              -- YYYY-MM-DD, UTC
	searches INTEGER NOT NULL CHECK (searches > 0),
	last_at  TEXT NOT NULL,              -- UTC, fixed width: 2006-01-02T15:04:05.000000000Z
	PRIMARY KEY (query, locale, day)
) WITHOUT ROWID;
CREATE INDEX help_failed_searches_day ON help_failed_searches (day);

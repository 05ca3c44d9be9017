-- Staff accounts, their sessions and the audit log (portal/staff).

-- staff_users are created on the server (bin/vitrine staff add). The email is
-- stored normalised (trimmed, lower case); password_hash is bcrypt's output.
CREATE TABLE staff_users (
	id            INTEGER PRIMARY KEY,
	email         TEXT NOT NULL UNIQUE,
	password_hash BLOB NOT NULL,
	created_at    TEXT NOT NULL           -- UTC, RFC 3339 with nanoseconds
);

-- staff_sessions are signed-in browsers. token_hash is the SHA-256 (hex) of
-- the cookie's token, so a copy of the database cannot be used to sign in.
CREATE TABLE staff_sessions (
	token_hash TEXT PRIMARY KEY,
	user_id    INTEGER NOT NULL REFERENCES staff_users (id) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX staff_sessions_expiry ON staff_sessions (expires_at);
CREATE INDEX staff_sessions_user ON staff_sessions (user_id);

-- staff_audit records every staff action: who (the account and its email
-- at the time, which survives the account), what, to what, and when.
CREATE TABLE staff_audit (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	user_id INTEGER NOT NULL,             -- no foreign key: the log outlives accounts
	actor   TEXT NOT NULL,
	action  TEXT NOT NULL,
	target  TEXT NOT NULL DEFAULT '',
	detail  TEXT NOT NULL DEFAULT '',
	at      TEXT NOT NULL
);
CREATE INDEX staff_audit_action ON staff_audit (action, id);

// Package sqlite implements every store of Vitrine's domains on SQLite through
// modernc.org/sqlite, a pure Go driver, so the server builds with CGO_ENABLED=0.
// Each store is named after the domain interface it implements
// (NewCatalogStore implements catalog.Store, and so on); a PostgreSQL package
// can sit beside this one and pass the same conformance suites.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is an open database with its migrations applied.
type DB struct {
	*sql.DB
	// Now is the clock stores use for timestamps; tests replace it.
	Now func() time.Time
}

// The store's database is the file FileName in its data folder: the
// -data flag of bin/vitrine and of its commands, else $VITRINE_DATA, else
// ./data (DefaultDataDir).
const FileName = "vitrine.db"

// DefaultDataDir returns the data folder when no -data flag names one:
// $VITRINE_DATA, else ./data.
func DefaultDataDir() string {
	if d := os.Getenv("VITRINE_DATA"); d != "" {
		return d
	}
	return "./data"
}

// Path returns the database's file in the data folder dir.
func Path(dir string) string { return filepath.Join(dir, FileName) }

// Open opens (creating if needed) the SQLite database at path, or an in-memory
// one for ":memory:", and applies every pending migration.
func Open(ctx context.Context, path string) (*DB, error) {
	// For historical reasons SQLite does not check foreign keys unless asked,
	// per connection; the _pragma parameters apply to every pooled connection.
	// WAL lets readers proceed while one writer commits, and busy_timeout makes
	// a second writer wait instead of failing at once.
	dsn := "file:" + path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_txlock=immediate"
	if path != ":memory:" {
		dsn += "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if path == ":memory:" {
		// Every connection to ":memory:" is a new, empty database: keep one.
		db.SetMaxOpenConns(1)
	}
	d := &DB{DB: db, Now: time.Now}
	if err := d.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return d, nil
}

// SchemaVersion returns the number of the newest migration applied.
func (d *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := d.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

// migrate applies, in order and each in its own transaction, every file
// migrations/NNN_name.sql whose number is not yet recorded. Files are never
// edited once shipped; a change to the schema is a new file.
func (d *DB) migrate(ctx context.Context) error {
	if _, err := d.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := strings.TrimPrefix(name, "migrations/")
		var version int
		if _, err := fmt.Sscanf(base, "%d_", &version); err != nil {
			return fmt.Errorf("migration %s: name must start with a number: %w", base, err)
		}
		var n int
		if err := d.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		body, err := migrationFS.ReadFile(name)
		if err != nil {
			return err
		}
		if err := d.InTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				version, base, d.Now().UTC().Format(time.RFC3339))
			return err
		}); err != nil {
			return fmt.Errorf("migration %s: %w", base, err)
		}
	}
	return nil
}

// InTx runs fn in a transaction, committing if it returns nil and rolling back
// otherwise, so that nothing half-written stays in the database.
func (d *DB) InTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

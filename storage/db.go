package storage

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Options tune Open.
type Options struct {
	// Timeout is how long Open waits for another process to let go of the
	// file before it gives up with ErrLocked; 0 means one second.
	Timeout time.Duration
	// ReadOnly opens the file for reading only: nothing is created,
	// migrated or backed up, and every write returns an error. Several
	// read-only processes may share a file, but not with a writer.
	ReadOnly bool
	// NoBackup turns off the automatic backups.
	NoBackup bool
}

// DefaultTimeout is the Options.Timeout used when none is given.
const DefaultTimeout = time.Second

// Modes of the files and folders the store creates: only the user may read
// them, since the register is sensitive.
const (
	fileMode os.FileMode = 0o600
	dirMode  os.FileMode = 0o700
)

// DB is an open database. Its methods are safe for concurrent use.
type DB struct {
	bolt *bolt.DB
	path string
	opts Options
	user string

	mu         sync.Mutex // guards the fields below
	lastBackup time.Time  // newest backup, zero when there is none
	backupErr  error      // why the last automatic backup failed
}

// DefaultPath is where the database lives unless --db says otherwise:
// <user config dir>/airisk/airisk.db.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the folder for the database: %w; give one with --db", err)
	}
	return filepath.Join(dir, "airisk", "airisk.db"), nil
}

// Open opens the database at path, creating it (0600, in a 0700 folder)
// when it does not exist and opts.ReadOnly is false. It returns ErrLocked
// when another process has it open, ErrNewerSchema when a newer version of
// the program wrote it (the file is left untouched), and ErrDamaged when it
// is not a database of ours or is corrupt. An older database is backed up
// and migrated.
func Open(path string, opts Options) (*DB, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open database %q: %w", path, err)
	}
	existed, err := prepareFile(abs, opts)
	if err != nil {
		return nil, err
	}
	version := 0
	if existed {
		// Read the schema without write access first, so that a newer
		// database is refused before anything could write to it.
		if version, err = probe(abs, opts.Timeout); err != nil {
			return nil, err
		}
	}
	bdb, err := openBolt(abs, opts, existed)
	if err != nil {
		return nil, err
	}
	db := &DB{bolt: bdb, path: abs, opts: opts, user: currentUser()}
	if err := db.setUp(version); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	return db, nil
}

// setUp brings the schema up to date and takes the opening backup.
func (db *DB) setUp(version int) error {
	if db.opts.ReadOnly {
		return checkReadable(db.path, version)
	}
	if newest, err := newestBackup(db.path); err == nil {
		db.lastBackup = newest
	}
	if version > 0 && version < schemaVersion {
		// A migration rewrites every record: keep the old file first.
		if err := db.backupNow(); err != nil {
			return fmt.Errorf("could not back up %q before upgrading it, so it was left as it was: %w", db.path, err)
		}
	}
	if version != schemaVersion {
		if err := db.update(func(tx *bolt.Tx) error { return migrate(tx, db.path) }); err != nil {
			return err
		}
	}
	db.backupIfDue()
	return nil
}

// Close closes the database. It is safe to call more than once.
func (db *DB) Close() error {
	if err := db.bolt.Close(); err != nil {
		return fmt.Errorf("close %q: %w", db.path, err)
	}
	return nil
}

// Path is the absolute path of the database file.
func (db *DB) Path() string { return db.path }

// BackupError says why the last automatic backup failed, nil when it
// worked (or none was due). A failed backup never fails the edit that
// triggered it; the application shows this instead.
func (db *DB) BackupError() error {
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.backupErr
}

// checkWritable refuses writes to a database opened read-only.
func (db *DB) checkWritable() error {
	if db.opts.ReadOnly {
		return fmt.Errorf("could not save: %q was opened read-only", db.path)
	}
	return nil
}

// view runs fn in a read transaction. Corrupt pages make bbolt panic or
// fault; both are turned into ErrDamaged.
func (db *DB) view(fn func(*bolt.Tx) error) error {
	return protect(db.path, func() error { return db.bolt.View(fn) })
}

// update runs fn in one read-write transaction, committed with fsync. Disk
// errors become sentences; the transaction leaves nothing half-written.
func (db *DB) update(fn func(*bolt.Tx) error) error {
	err := protect(db.path, func() error { return db.bolt.Update(fn) })
	var own *storeError
	if err == nil || errors.As(err, &own) {
		return err
	}
	return saveError(db.path, err)
}

// currentUser names the person at the keyboard for the change log.
func currentUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, env := range []string{"USER", "USERNAME", "LOGNAME"} {
		if name := os.Getenv(env); name != "" {
			return name
		}
	}
	return "unknown"
}

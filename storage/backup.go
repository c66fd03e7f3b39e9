package storage

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Automatic backups: a consistent copy of the database when it is opened
// and at most daily afterwards, in a backups folder beside it.
const (
	keepBackups      = 10
	backupEvery      = 24 * time.Hour
	backupTimeFormat = "20060102-150405" // UTC
	backupFolder     = "backups"
	partialPrefix    = ".partial-"
)

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path string
	// Time is when the backup was taken (from its name), in UTC.
	Time time.Time
	Size int64
}

// Backups lists the backups of this database, newest first.
func (db *DB) Backups() ([]BackupInfo, error) { return ListBackups(db.path) }

// ListBackups lists the backups of the database at dbPath, newest first.
// They are <folder of dbPath>/backups/<name>-YYYYMMDD-HHMMSS.db, where name
// is the database's file name without its extension ("airisk"). A missing
// folder means no backups.
func ListBackups(dbPath string) ([]BackupInfo, error) {
	dir := backupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list the backups in %q: %w", dir, err)
	}
	prefix := backupPrefix(dbPath)
	var out []BackupInfo
	for _, e := range entries {
		stamp, ok := strings.CutPrefix(e.Name(), prefix)
		stamp, isDB := strings.CutSuffix(stamp, ".db")
		t, err := time.Parse(backupTimeFormat, stamp)
		if !ok || !isDB || err != nil || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed while we looked
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, e.Name()), Time: t, Size: info.Size()})
	}
	slices.SortFunc(out, func(a, b BackupInfo) int { return b.Time.Compare(a.Time) })
	return out, nil
}

func backupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), backupFolder) }

func backupPrefix(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// newestBackup returns when the newest backup of dbPath was taken.
func newestBackup(dbPath string) (time.Time, error) {
	list, err := ListBackups(dbPath)
	if err != nil || len(list) == 0 {
		return time.Time{}, err
	}
	return list[0].Time, nil
}

// backupIfDue takes a backup when the newest is a day old (or there is
// none) and the database holds a project. A failure is kept for
// BackupError rather than failing the open or the edit that triggered it.
func (db *DB) backupIfDue() {
	if db.opts.NoBackup || db.opts.ReadOnly {
		return
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	if time.Since(db.lastBackup) < backupEvery || !db.hasProjects() {
		return
	}
	db.backupErr = db.backupLocked()
}

// hasProjects reports whether there is anything worth backing up.
func (db *DB) hasProjects() bool {
	found := false
	_ = db.view(func(tx *bolt.Tx) error {
		if root := tx.Bucket(rootProjects); root != nil {
			k, _ := root.Cursor().First()
			found = k != nil
		}
		return nil
	})
	return found
}

// backupNow writes a backup whether or not one is due (unless NoBackup).
func (db *DB) backupNow() error {
	if db.opts.NoBackup {
		return nil
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	return db.backupLocked()
}

// backupLocked writes a backup and keeps the newest ten; db.mu is held.
func (db *DB) backupLocked() error {
	now := time.Now().UTC()
	if err := writeBackup(db, now); err != nil {
		return err
	}
	db.lastBackup = now
	return pruneBackups(db.path)
}

// writeBackup copies the database in one read transaction (a consistent
// state even while others write) to a temporary file, then renames it into
// place, so a backup file is never half-written.
func writeBackup(db *DB, now time.Time) error {
	dir := backupDir(db.path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return newError(nil, err, "could not back up %q: %s (%s)", db.path, osReason(err), dir)
	}
	final := filepath.Join(dir, backupPrefix(db.path)+now.Format(backupTimeFormat)+".db")
	if exists(final) {
		return nil // taken this very second
	}
	tmp, err := os.CreateTemp(dir, partialPrefix+backupPrefix(db.path)+"*.db")
	if err != nil {
		return newError(nil, err, "could not back up %q: %s (%s)", db.path, osReason(err), dir)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	err = db.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(tmp)
		return err
	})
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), final)
	}
	if err == nil {
		err = syncDir(dir)
	}
	if err != nil {
		return newError(nil, err, "could not back up %q: %s (%s)", db.path, osReason(err), final)
	}
	return nil
}

// pruneBackups keeps the newest keepBackups backups of dbPath and removes
// copies left half-written by a crash.
func pruneBackups(dbPath string) error {
	list, err := ListBackups(dbPath)
	if err != nil {
		return err
	}
	for _, b := range list[min(len(list), keepBackups):] {
		if err := os.Remove(b.Path); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
	}
	partials, _ := filepath.Glob(filepath.Join(backupDir(dbPath), partialPrefix+backupPrefix(dbPath)+"*.db"))
	for _, p := range partials {
		_ = os.Remove(p)
	}
	return nil
}

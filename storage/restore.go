package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Restore puts the backup at backupPath in place of the database at dbPath,
// which must not be open. The backup is checked first: it must open as a
// bbolt database, pass bbolt's consistency check and carry a schema this
// version knows. The current file is then moved aside to
// <dbPath>.before-restore-YYYYMMDD-HHMMSS (returned as keptAside; empty
// when there was no file) and the backup copied in through a temporary
// file, so dbPath is at every moment either the old file or the whole
// backup. ErrLocked when another process has the database open.
func Restore(dbPath, backupPath string) (keptAside string, err error) {
	dbPath, err = filepath.Abs(dbPath)
	if err != nil {
		return "", fmt.Errorf("restore %q: %w", dbPath, err)
	}
	if err := checkBackup(backupPath); err != nil {
		return "", err
	}
	if err := checkNotOpen(dbPath); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), dirMode); err != nil {
		return "", restoreError(dbPath, err)
	}
	tmp, err := copyToTemp(backupPath, filepath.Dir(dbPath))
	if err != nil {
		return "", restoreError(dbPath, err)
	}
	defer os.Remove(tmp) // a no-op once renamed
	if exists(dbPath) {
		keptAside = asideName(dbPath, time.Now().UTC())
		if err := os.Rename(dbPath, keptAside); err != nil {
			return "", restoreError(dbPath, err)
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		if keptAside != "" {
			_ = os.Rename(keptAside, dbPath)
		}
		return "", restoreError(dbPath, err)
	}
	return keptAside, syncDir(filepath.Dir(dbPath))
}

func restoreError(dbPath string, err error) error {
	return newError(nil, err, "could not restore %q: %s; the database was left as it was", dbPath, osReason(err))
}

// asideName picks the name the current file is kept under.
func asideName(dbPath string, now time.Time) string {
	name := dbPath + ".before-restore-" + now.Format(backupTimeFormat)
	for n := 2; exists(name); n++ {
		name = fmt.Sprintf("%s.before-restore-%s-%d", dbPath, now.Format(backupTimeFormat), n)
	}
	return name
}

// checkBackup opens a backup read-only and checks it through and through.
func checkBackup(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return newError(ErrNotFound, err, "there is no backup %q", path)
	}
	if !info.Mode().IsRegular() || info.Size() == 0 {
		return newError(ErrDamaged, nil, "%q cannot be restored: it is not a database file", path)
	}
	bdb, err := openBolt(path, Options{Timeout: DefaultTimeout, ReadOnly: true}, true)
	if err != nil {
		return fmt.Errorf("%q cannot be restored: %w", path, err)
	}
	defer bdb.Close()
	return protect(path, func() error {
		return bdb.View(func(tx *bolt.Tx) error {
			if err := checkSize(tx, path); err != nil {
				return err
			}
			if err := consistency(tx); err != nil {
				return newError(ErrDamaged, err, "%q cannot be restored: it is damaged (%v)", path, err)
			}
			version, err := readSchema(tx, path)
			if err == nil && version == 0 {
				err = newError(ErrDamaged, nil, "%q cannot be restored: it holds no AI Risk Workbench data", path)
			}
			return err
		})
	})
}

// consistency runs bbolt's consistency check and joins what it finds (at
// most five problems).
func consistency(tx *bolt.Tx) error {
	var problems []string
	for err := range tx.Check() {
		if len(problems) < 5 {
			problems = append(problems, err.Error())
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return errors.New(strings.Join(problems, "; "))
}

// checkNotOpen makes sure no other process uses the database: a read-only
// open shares its lock with readers only. A file too damaged to open is
// exactly what a restore is for, so that is no obstacle.
func checkNotOpen(dbPath string) error {
	if !exists(dbPath) {
		return nil
	}
	bdb, err := openBolt(dbPath, Options{Timeout: DefaultTimeout, ReadOnly: true}, true)
	if errors.Is(err, ErrLocked) {
		return err
	}
	if err == nil {
		return bdb.Close()
	}
	return nil
}

// copyToTemp copies src into a new 0600 temporary file in dir, synced to
// disk, and returns its name.
func copyToTemp(src, dir string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, partialPrefix+"restore-*.db")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

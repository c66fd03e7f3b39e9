package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

// prepareFile checks what is at path and, for a writable open, creates the
// folder (0700) when it is missing. existed is false when there is no file
// or it is empty, that is when bbolt will initialise it.
func prepareFile(path string, opts Options) (existed bool, err error) {
	info, err := os.Stat(path)
	switch {
	case err == nil && info.IsDir():
		return false, fmt.Errorf("%q is a folder, not a database file; give a file name with --db", path)
	case err == nil && info.Size() > 0:
		return true, nil
	case err == nil && opts.ReadOnly:
		return false, newError(ErrNotFound, nil, "there is no database in %q: the file is empty", path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return false, fmt.Errorf("open database %q: %w", path, err)
	case err != nil && opts.ReadOnly:
		return false, newError(ErrNotFound, err, "there is no database at %q", path)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return false, newError(nil, err, "could not create the folder for the database %q: %s", dir, osReason(err))
	}
	return false, nil
}

// probe opens an existing file read-only and returns its schema version,
// refusing files that are not ours, damaged, or from a newer version.
func probe(path string, timeout time.Duration) (int, error) {
	bdb, err := openBolt(path, Options{Timeout: timeout, ReadOnly: true}, true)
	if err != nil {
		return 0, err
	}
	defer bdb.Close()
	version := 0
	err = protect(path, func() error {
		return bdb.View(func(tx *bolt.Tx) error {
			if err := checkSize(tx, path); err != nil {
				return err
			}
			version, err = readSchema(tx, path)
			return err
		})
	})
	return version, err
}

// checkSize catches a file cut short (copied while in use, or a disk that
// filled up outside bbolt): its pages would lie beyond the end of the file.
func checkSize(tx *bolt.Tx, path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("open database %q: %w", path, err)
	}
	if tx.Size() > info.Size() {
		return newError(ErrDamaged, nil, "%q is damaged: it is %d bytes long but its contents need %d, so it was cut short; restore a backup (airisk backups) or open another database with --db", path, info.Size(), tx.Size())
	}
	return nil
}

// checkReadable says whether a database opened read-only can be read as it
// is: an older one must be upgraded by a writable open first.
func checkReadable(path string, version int) error {
	switch {
	case version == 0:
		return newError(ErrNotFound, nil, "%q holds no AI Risk Workbench data yet", path)
	case version < schemaVersion:
		return fmt.Errorf("%q was written by an older version of AI Risk Workbench and must be upgraded; open it once without read-only", path)
	}
	return nil
}

// openBolt opens the file with bbolt and turns its failures into sentences.
// existed says whether there is a database there already or bbolt is to
// create one.
func openBolt(path string, opts Options, existed bool) (*bolt.DB, error) {
	var bdb *bolt.DB
	err := protect(path, func() (err error) {
		bdb, err = bolt.Open(path, fileMode, &bolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly})
		return err
	})
	if err != nil {
		return nil, openError(path, opts.ReadOnly, existed, err)
	}
	return bdb, nil
}

// openError explains why bbolt could not open path.
func openError(path string, readOnly, existed bool, err error) error {
	var own *storeError
	var pathErr *fs.PathError
	switch {
	case errors.As(err, &own):
		return err
	case errors.Is(err, bolt.ErrTimeout):
		return &LockedError{Path: path}
	case errors.As(err, &pathErr) && !existed:
		return newError(nil, err, "could not create the database %q: %s; choose another database with --db", path, osReason(err))
	case errors.As(err, &pathErr) && readOnly:
		return newError(nil, err, "could not open %q: %s", path, osReason(err))
	case errors.As(err, &pathErr):
		return newError(nil, err, "could not open %q for writing: %s; open it read-only or choose another database with --db", path, osReason(err))
	}
	return newError(ErrDamaged, err, "%q is not an AI Risk Workbench database or is damaged (%v); restore a backup (airisk backups) or open another database with --db", path, err)
}

// protect runs fn, turning a panic or a memory fault (bbolt reads the file
// through mmap) into ErrDamaged for path: damaged data must not crash the
// program.
func protect(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer func() {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			err = newError(ErrDamaged, fmt.Errorf("%v", r), "%q is damaged (%v); restore a backup (airisk backups) or open another database with --db", path, r)
		}
	}()
	return fn()
}

package storage

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// saveError explains a failed write to path. The transaction that failed
// was rolled back, so the file still holds the previous state.
func saveError(path string, err error) error {
	return newError(nil, err, "could not save: %s (%s)", osReason(err), path)
}

// osReason says in words why a file operation failed. bbolt sometimes
// flattens the system error into text, hence the checks on the message.
func osReason(err error) string {
	has := func(errno syscall.Errno) bool {
		return errors.Is(err, errno) || strings.Contains(err.Error(), errno.Error())
	}
	switch {
	case has(syscall.ENOSPC):
		return "the disk is full"
	case has(syscall.EDQUOT):
		return "the disk quota is used up"
	case has(syscall.EFBIG):
		return "the file has reached the largest size allowed"
	case has(syscall.EROFS):
		return "the disk is read-only"
	case errors.Is(err, bolt.ErrDatabaseReadOnly):
		return "the database was opened read-only"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied: the file or its folder is read-only for you"
	case has(syscall.EIO):
		return "the disk reported an input/output error"
	}
	return err.Error()
}

// syncDir flushes a folder's entries, so a rename in it survives a crash.
// Some systems cannot sync a folder; that is not an error there.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, fs.ErrPermission) {
		return err
	}
	return nil
}

// exists reports whether something is at path.
func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

package storage

import (
	"errors"
	"fmt"
)

// The sentinel errors of the store. Every error the store returns is a
// sentence naming the file (and the project, where there is one) that can be
// shown as it is; test for the kind of failure with errors.Is.
var (
	// ErrLocked means another process (another AI Risk Workbench window or
	// a CLI command) has the database open. Open returns it after
	// Options.Timeout instead of waiting for ever; the error is a
	// *LockedError naming the file.
	ErrLocked = errors.New("the database is open in another AI Risk Workbench window")

	// ErrNotFound means the project, snapshot or entity asked for is not in
	// the database.
	ErrNotFound = errors.New("not found")

	// ErrExists means Create was given a project whose id is already taken.
	ErrExists = errors.New("already exists")

	// ErrNewerSchema means the database was written by a newer version of
	// the program. Open refuses it without writing a byte, so the newer
	// version can still use it.
	ErrNewerSchema = errors.New("the database was written by a newer version of AI Risk Workbench")

	// ErrDamaged means the file is not a database of ours, is cut short or
	// corrupt, or holds a project that no longer passes validation.
	ErrDamaged = errors.New("the database is damaged")
)

// LockedError is the error Open returns when another process holds the
// database. errors.Is(err, ErrLocked) reports true for it.
type LockedError struct {
	// Path is the database file that is in use.
	Path string
}

// Error tells the person what to do.
func (e *LockedError) Error() string {
	return fmt.Sprintf("%q is open in another AI Risk Workbench window; close it there or open another database with --db", e.Path)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// storeError is a sentence for the person at the keyboard that still
// answers errors.Is for its sentinel and for the error underneath.
type storeError struct {
	msg   string
	kind  error
	cause error
}

func (e *storeError) Error() string { return e.msg }

func (e *storeError) Unwrap() []error {
	var errs []error
	for _, err := range []error{e.kind, e.cause} {
		if err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// newError builds a storeError of the given kind (a sentinel, or nil when
// none fits) caused by cause (may be nil).
func newError(kind, cause error, format string, args ...any) error {
	return &storeError{msg: fmt.Sprintf(format, args...), kind: kind, cause: cause}
}

package main

import (
	"errors"
	"fmt"
)

// Exit codes: scripts rely on them.
const (
	exitOK    = 0
	exitError = 1 // a user error: one clear line on stderr
	exitUsage = 2 // bad usage
)

// usageError marks a mistake in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// exitCode maps an error to the process exit code.
func exitCode(err error) int {
	var u usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &u):
		return exitUsage
	default:
		return exitError
	}
}

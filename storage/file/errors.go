package file

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Every error returned by this package wraps one of them
// (test with errors.Is); most come as an *Error that also says where.
var (
	// ErrSyntax means the file is not well-formed JSON or YAML.
	ErrSyntax = errors.New("malformed file")
	// ErrInvalid means the file is well-formed but its content is wrong:
	// a field of the wrong type, a dangling reference, a value out of range.
	ErrInvalid = errors.New("invalid model")
	// ErrNotModel means the file is not an AI Risk Workbench model file
	// (no "format" field, or a format that is not "airisk/...").
	ErrNotModel = errors.New("not an AI Risk Workbench model file")
	// ErrNewerFormat means the file was written for a newer major version
	// of the format ("airisk/2") than this program reads.
	ErrNewerFormat = errors.New("model file from a newer version")
	// ErrTooLarge means the file is bigger than model.MaxImportBytes.
	ErrTooLarge = errors.New("file too large")
	// ErrLimit means the file breaks a structural limit: nesting too deep,
	// YAML aliases expanding too far, more than one YAML document.
	ErrLimit = errors.New("file exceeds a limit")
	// ErrEncoding means the file is not UTF-8 text.
	ErrEncoding = errors.New("not UTF-8 text")
	// ErrUnknownFormat means a file's kind could not be recognised (Import),
	// or a file name's extension names no format we write (WriteFile).
	ErrUnknownFormat = errors.New("unknown file format")
	// ErrThreatDragonV1 means a Threat Dragon model in the old version 1
	// format, which has to be opened and saved in Threat Dragon 2 first.
	ErrThreatDragonV1 = errors.New("Threat Dragon version 1 model")
)

// Problem is one thing wrong with a file: where it is (Line, 1-based, 0
// when unknown; Path, the field path such as "flows[3].to", empty when it
// concerns the whole file) and what is wrong, in words for a person.
type Problem struct {
	Line    int
	Path    string
	Message string
}

// String gives the problem as "path: message" (the message alone when it
// concerns the whole file).
func (p Problem) String() string {
	switch {
	case p.Path == "":
		return p.Message
	default:
		return p.Path + ": " + p.Message
	}
}

// Error is the error returned for a file that cannot be read: the file's
// name, every problem found, and the sentinel (Kind) saying what sort of
// failure it is. Error() gives one line per problem, compiler style:
// "support.yaml:42: flows[3].to: unknown element "llm2"".
type Error struct {
	File     string
	Kind     error
	Problems []Problem
}

// maxShownProblems bounds Error() so a hopeless file gives a readable
// message; Problems keeps them all.
const maxShownProblems = 50

// Error lists the problems, one a line, each led by file:line.
func (e *Error) Error() string {
	lines := make([]string, 0, min(len(e.Problems), maxShownProblems)+1)
	for i, p := range e.Problems {
		if i == maxShownProblems {
			lines = append(lines, fmt.Sprintf("%s: ... and %d more problems", e.File, len(e.Problems)-i))
			break
		}
		where := e.File
		if p.Line > 0 {
			where = fmt.Sprintf("%s:%d", e.File, p.Line)
		}
		lines = append(lines, where+": "+p.String())
	}
	if len(lines) == 0 {
		return e.File + ": " + e.Kind.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the sentinel, so errors.Is(err, ErrInvalid) works.
func (e *Error) Unwrap() error { return e.Kind }

// fileError builds an *Error with a single problem.
func fileError(name string, kind error, line int, path, format string, args ...any) *Error {
	return &Error{File: name, Kind: kind, Problems: []Problem{{Line: line, Path: path, Message: fmt.Sprintf(format, args...)}}}
}

package threats

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNoThreats means a catalogue folder holds no threat files.
var ErrNoThreats = errors.New("no threat catalogue files found")

// LoadError is one problem found while loading a catalogue: where it is
// (file, line, threat id, field) and what is wrong, in a sentence.
type LoadError struct {
	File   string
	Line   int    // 1-based; 0 when the problem is not tied to a line
	Threat string // threat id, "" when the problem is not in a threat
	Field  string // field name, "" for the whole entry or file
	Msg    string
}

// Error reads "catalogue/ai-1.yaml:12: AIT-003: when: unknown name foo".
func (e LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Threat != "" {
		b.WriteString(e.Threat + ": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// LoadErrors is every problem found in one load. As an error it reads as
// one line per problem.
type LoadErrors []LoadError

// Error lists the problems, one a line; with many it says how many more.
func (es LoadErrors) Error() string {
	const shown = 30
	lines := make([]string, 0, shown+1)
	for i, e := range es {
		if i == shown {
			lines = append(lines, fmt.Sprintf("... and %d more problems", len(es)-shown))
			break
		}
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// Err returns es as an error, or nil when there are none.
func (es LoadErrors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// sink collects the problems of one file.
type sink struct {
	file string
	errs *LoadErrors
}

// MaxLoadErrors is how many problems one load reports before it stops
// listing them, so a hostile file cannot fill memory with messages.
const MaxLoadErrors = 1000

func (s sink) add(line int, threat, field, format string, args ...any) {
	switch n := len(*s.errs); {
	case n > MaxLoadErrors:
		return
	case n == MaxLoadErrors:
		*s.errs = append(*s.errs, LoadError{File: s.file, Msg: fmt.Sprintf("stopped after %d problems", MaxLoadErrors)})
		return
	}
	*s.errs = append(*s.errs, LoadError{File: s.file, Line: line, Threat: threat, Field: field, Msg: fmt.Sprintf(format, args...)})
}

package model

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong with a project, named by its path in the
// portable file ("flows[3].to") and described for the person at the keyboard.
type Problem struct {
	Path    string
	Message string
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// Problems is every problem found at once. As an error it reads as one
// line per problem.
type Problems []Problem

func (ps *Problems) add(path, format string, args ...any) {
	*ps = append(*ps, Problem{Path: path, Message: fmt.Sprintf(format, args...)})
}

// Error lists the problems, one a line; with many it says how many more.
func (ps Problems) Error() string {
	const shown = 20
	lines := make([]string, 0, shown+1)
	for i, p := range ps {
		if i == shown {
			lines = append(lines, fmt.Sprintf("... and %d more problems", len(ps)-shown))
			break
		}
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// Err returns ps as an error, or nil when there are none.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

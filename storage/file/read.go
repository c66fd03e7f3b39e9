package file

import (
	"errors"
	"io"
	"strings"

	"airisk/model"
)

// Read reads a portable model file, JSON or YAML (told apart by content),
// from r. name is used in messages only. The project is validated fully:
// on any problem Read returns nil and an *Error listing every problem with
// its field path and line.
func Read(r io.Reader, name string) (*model.Project, error) {
	data, err := readLimited(r, name)
	if err != nil {
		return nil, err
	}
	return decodePortable(data, name)
}

// ReadFile reads the portable model file at path; files larger than
// model.MaxImportBytes are refused before they are read.
func ReadFile(path string) (*model.Project, error) {
	data, err := readFileLimited(path)
	if err != nil {
		return nil, err
	}
	return decodePortable(data, path)
}

// locator finds the line of a field path in the file just read; 0 when it
// cannot.
type locator func(paths []string) map[string]int

func decodePortable(data []byte, name string) (*model.Project, error) {
	data, err := prepareText(data, name)
	if err != nil {
		return nil, err
	}
	var (
		doc    *document
		locate locator
	)
	if c := firstByte(data); c == '{' || c == '[' {
		doc, locate, err = decodeJSON(data, name)
	} else {
		doc, locate, err = decodeYAML(data, name)
	}
	if err != nil {
		return nil, err
	}
	p := &doc.Project
	normalize(p)
	if err := p.Validate(); err != nil {
		return nil, invalid(name, err, locate)
	}
	return p, nil
}

// normalize brings a freshly decoded project to its canonical in-memory
// form: sets as []string, times in UTC, empty lists rather than nil ones.
func normalize(p *model.Project) {
	for i := range p.Elements {
		p.Elements[i].Props.Normalize()
	}
	for i := range p.Flows {
		p.Flows[i].Props.Normalize()
	}
	*p = canonical(p)
}

// invalid turns model validation problems into an *Error whose problems
// carry the line of their path when the locator finds it.
func invalid(name string, err error, locate locator) error {
	var ps model.Problems
	if !errors.As(err, &ps) {
		return fileError(name, ErrInvalid, 0, "", "%v", err)
	}
	paths := make([]string, len(ps))
	for i, p := range ps {
		paths[i] = p.Path
	}
	lines := map[string]int{}
	if locate != nil {
		lines = locate(paths)
	}
	out := &Error{File: name, Kind: ErrInvalid, Problems: make([]Problem, len(ps))}
	for i, p := range ps {
		out.Problems[i] = Problem{Line: lineOf(lines, p.Path), Path: p.Path, Message: p.Message}
	}
	return out
}

// lineOf returns the line of path, or of its longest prefix the file has
// (a missing field is reported at the object that lacks it).
func lineOf(lines map[string]int, path string) int {
	for p := path; p != ""; p = parentPath(p) {
		if l, ok := lines[p]; ok {
			return l
		}
	}
	return 0
}

// parentPath drops the last step of a field path: "flows[3].to" ->
// "flows[3]" -> "flows" -> "".
func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// withPrefixes returns paths plus all their prefixes, the set a locator
// needs to record.
func withPrefixes(paths []string) map[string]bool {
	want := make(map[string]bool, len(paths)*3)
	for _, p := range paths {
		for ; p != "" && !want[p]; p = parentPath(p) {
			want[p] = true
		}
	}
	return want
}

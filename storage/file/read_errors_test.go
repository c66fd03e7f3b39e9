package file

import (
	"errors"
	"strings"
	"testing"
)

// TestReadErrors: each broken file gives the expected sentinel and the
// exact message, with file name, line and field path.
func TestReadErrors(t *testing.T) {
	const head = "format: airisk/1\nproject: {id: p, name: P}\n"
	const jsonHead = "{\n \"format\": \"airisk/1\",\n \"project\": {\"id\": \"p\", \"name\": \"P\"},\n"
	tests := []struct {
		name string
		in   string
		kind error
		want string
	}{
		{"dangling flow end (YAML)", head + "elements:\n  - {id: a, kind: process, name: A}\nflows:\n  - id: f1\n    from: a\n    to: llm2\n",
			ErrInvalid, `support.yaml:8: flows[0].to: unknown element "llm2"`},
		{"dangling flow end (JSON)", jsonHead + " \"elements\": [{\"id\": \"a\", \"kind\": \"process\", \"name\": \"A\"}],\n \"flows\": [\n  {\"id\": \"f1\", \"from\": \"a\", \"to\": \"llm2\"}\n ]\n}\n",
			ErrInvalid, `support.yaml:6: flows[0].to: unknown element "llm2"`},
		{"missing field reported at its object", head + "risks:\n  - id: R-1\n    title: T\n",
			ErrInvalid, `support.yaml:4: risks[0].likelihood: must be a whole number from 1 to 5, not 0`},
		{"every problem at once", head + "elements:\n  - {id: a, kind: robot, name: A}\n  - {id: a, kind: process, name: \"\"}\n",
			ErrInvalid, "support.yaml:4: elements[0].kind: unknown kind \"robot\"\nsupport.yaml:5: elements[1].id: \"a\" is used twice\nsupport.yaml:5: elements[1].name: is empty"},
		{"wrong type (YAML)", head + "risks:\n  - id: R-1\n    likelihood: high\n",
			ErrInvalid, "support.yaml:5: risks[0].likelihood: must be a whole number, not `high`"},
		{"wrong type (JSON)", jsonHead + " \"risks\": [{\"id\": \"R-1\",\n  \"likelihood\": \"high\"}]\n}",
			ErrInvalid, "support.yaml:5: risks[0].likelihood: must be a whole number, not text"},
		{"list expected", head + "elements: {}\n", ErrInvalid, "support.yaml:3: elements: must be a list, not a mapping"},
		{"bad time (JSON)", "{\"format\": \"airisk/1\",\n \"project\": {\"id\": \"p\", \"created\": \"yesterday\"}}",
			ErrInvalid, `support.yaml:2: project.created: must be a time like 2026-11-20T10:00:00Z (RFC 3339), not "yesterday"`},
		{"bad time (YAML)", "format: airisk/1\nproject:\n  created: yesterday\n",
			ErrInvalid, `support.yaml:3: project.created: must be a time like 2026-11-20T10:00:00Z (RFC 3339), not "yesterday"`},
		{"JSON syntax", "{\"format\": \"airisk/1\",\n \"project\": {\"id\": \"p\" \"name\": \"P\"}}",
			ErrSyntax, `support.yaml:2: not valid JSON: invalid character '"' after object key:value pair`},
		{"JSON cut short", "{\"format\": \"airisk/1\",\n \"project\": {", ErrSyntax, "support.yaml:2: not valid JSON: unexpected end of JSON input"},
		{"JSON with trailing data", "{\"format\": \"airisk/1\", \"project\": {\"id\": \"p\", \"name\": \"P\"}}\n{}", ErrSyntax,
			"support.yaml:2: not valid JSON: invalid character '{' after top-level value"},
		{"YAML syntax", "format: airisk/1\nproject: [\n", ErrSyntax, "support.yaml:2: not valid YAML: did not find expected node content"},
		{"YAML duplicate key", head + "project: {id: q}\n", ErrInvalid, `support.yaml:3: project: "project" is given twice in the same mapping (first on line 2)`},
		{"two YAML documents", "format: airisk/1\n---\nformat: airisk/1\n", ErrLimit, "support.yaml:2: the file holds more than one YAML document; a model file holds one"},
		{"not a mapping", "- a\n- b\n", ErrInvalid, "support.yaml:1: the file must hold one mapping with format, project, boundaries, elements and so on"},
		{"JSON list", "[1, 2]", ErrInvalid, "support.yaml:1: the file must hold one JSON object"},
		{"no format", "project: {id: p}\n", ErrNotModel, `support.yaml:1: format: is missing; an AI Risk Workbench model file starts with "format: airisk/1"`},
		{"foreign format", "format: 3\n", ErrNotModel, `support.yaml:1: format: is not text, not "airisk/1": this is not an AI Risk Workbench model file`},
		{"newer major version", "format: airisk/2\nproject: {whatever: [1]}\n", ErrNewerFormat,
			`support.yaml:1: format: is "airisk/2": the file was written by a newer version of AI Risk Workbench (this one reads airisk/1); update the program to open it`},
		{"newer major version (JSON)", `{"format": "airisk/2.1", "project": 5}`, ErrNewerFormat, `support.yaml:1: format: is "airisk/2.1"`},
		{"empty file", " \n\n", ErrSyntax, "support.yaml: the file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Read(strings.NewReader(tt.in), "support.yaml")
			if p != nil || !errors.Is(err, tt.kind) {
				t.Fatalf("got %v (project %v), want %v", err, p != nil, tt.kind)
			}
			if got := err.Error(); !strings.HasPrefix(got, tt.want) {
				t.Errorf("got message\n%s\nwant it to start with\n%s", got, tt.want)
			}
		})
	}
}

// TestReadNewerMinor: a newer minor version reads, unknown fields ignored.
func TestReadNewerMinor(t *testing.T) {
	for name, in := range map[string]string{
		"YAML": "format: airisk/1.7\nproject: {id: p, name: P, mood: calm}\nfuture: [1, 2]\nelements:\n  - {id: a, kind: process, name: A, colour: red}\n",
		"JSON": `{"format": "airisk/1.12", "project": {"id": "p", "name": "P", "mood": "calm"}, "future": {"x": [1]}, "elements": [{"id": "a", "kind": "process", "name": "A", "colour": "red"}]}`,
	} {
		p, err := Read(strings.NewReader(in), "new.airisk")
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(p.Elements) != 1 || p.Meta.ID != "p" {
			t.Errorf("%s: got %d elements, id %q; want 1 and p", name, len(p.Elements), p.Meta.ID)
		}
	}
}

// TestErrorShowsLimitedProblems: a hopeless file gives a readable message
// while Problems keeps everything.
func TestErrorShowsLimitedProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("format: airisk/1\nproject: {id: p, name: P}\nelements:\n")
	for range 80 {
		b.WriteString("  - {id: a, kind: process, name: A}\n")
	}
	_, err := Read(strings.NewReader(b.String()), "many.yaml")
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("got %T, want *Error", err)
	}
	if len(fe.Problems) != 79 {
		t.Errorf("got %d problems, want 79 (every repeated id)", len(fe.Problems))
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxShownProblems+1 || !strings.Contains(lines[len(lines)-1], "29 more problems") {
		t.Errorf("got %d lines ending %q, want %d and a count of the rest", len(lines), lines[len(lines)-1], maxShownProblems+1)
	}
}

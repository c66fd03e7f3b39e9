package file

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"airisk/model"
)

// billionLaughs is the classic alias bomb: nine levels of nine aliases,
// 9^9 nodes once expanded, in a few hundred bytes.
func billionLaughs() string {
	var b strings.Builder
	b.WriteString("format: airisk/1\nproject: {id: p, name: P}\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		p := fmt.Sprintf("*a%d", i-1)
		fmt.Fprintf(&b, "x%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(p+", ", 9), ", "))
	}
	b.WriteString("elements: *a9\n")
	return b.String()
}

func manyElements(n int) string {
	var b strings.Builder
	b.WriteString("format: airisk/1\nproject: {id: p, name: P}\nelements:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: e%d, kind: process, name: E}\n", i)
	}
	return b.String()
}

// TestHostileInput: each hostile file is refused with a clear message (or,
// for text that merely looks dangerous, accepted and kept as text), and
// none of them hangs or panics.
func TestHostileInput(t *testing.T) {
	const head = "format: airisk/1\nproject: {id: p, name: P}\n"
	const jhead = `{"format": "airisk/1", "project": {"id": "p", "name": "P"}, `
	tests := []struct {
		name string
		in   string
		kind error  // nil: accepted
		want string // part of the message, or a check on the project
	}{
		{"invalid UTF-8 (YAML)", head + "elements:\n  - {id: a, kind: process, name: \"caf\xe9\"}\n", ErrEncoding, "many.yaml:4: the file is not UTF-8 text"},
		{"invalid UTF-8 (JSON)", jhead + "\"elements\": [{\"id\": \"a\", \"kind\": \"process\", \"name\": \"\xff\xfe\"}]}", ErrEncoding, "not UTF-8 text"},
		{"UTF-16 file", "\xff\xfef\x00o\x00", ErrEncoding, "not UTF-8 text"},
		{"huge likelihood (JSON)", jhead + `"risks": [{"id": "R-1", "likelihood": 1e309}]}`, ErrInvalid, "risks[0].likelihood: must be a whole number, not 1e309"},
		{"huge likelihood (YAML)", head + "risks:\n  - {id: R-1, likelihood: 99999999999999999999999}\n", ErrInvalid, "risks[0].likelihood: must be a whole number"},
		{"huge coordinate (YAML)", head + "elements:\n  - {id: a, kind: process, name: A, x: 1e309}\n", ErrInvalid, "elements[0].x: must be a number within ±1e308, not `1e309`"},
		{"huge coordinate (JSON)", jhead + `"elements": [{"id": "a", "kind": "process", "name": "A", "x": 1e999}]}`, ErrInvalid, "elements[0].x: must be a number within ±1e308, not 1e999"},
		{"coordinate out of range", head + "elements:\n  - {id: a, kind: process, name: A, y: 1e300}\n", ErrInvalid, "elements[0].x: position must be a number within ±1e+06"},
		{"NaN coordinate", head + "elements:\n  - {id: a, kind: process, name: A, x: .nan}\n", ErrInvalid, "elements[0].x: position must be a number"},
		{"infinite size", head + "boundaries:\n  - {id: b, kind: vendor, name: B, w: .inf}\n", ErrInvalid, "boundaries[0].w: width and height must be between 0 and"},
		{"huge number in props", jhead + `"elements": [{"id": "a", "kind": "process", "name": "A", "props": {"rate_limited": 1e400}}]}`, ErrInvalid, "elements[0].props.rate_limited"},
		{"negative score", head + "risks:\n  - {id: R-1, title: T, likelihood: -1, impact: 3, treatment: treat, status: open}\n", ErrInvalid, "risks[0].likelihood: must be a whole number from 1 to 5, not -1"},
		{"zero score", head + "risks:\n  - {id: R-1, title: T, likelihood: 2, impact: 0, treatment: treat, status: open}\n", ErrInvalid, "risks[0].impact: must be a whole number from 1 to 5, not 0"},
		{"residual half set", head + "risks:\n  - {id: R-1, title: T, likelihood: 2, impact: 2, residual_likelihood: 1, treatment: treat, status: open}\n", ErrInvalid, "risks[0].residual_impact: residual likelihood and impact are set together or not at all"},
		{"duplicate ids", head + "elements:\n  - {id: a, kind: process, name: A}\n  - {id: a, kind: user, name: B}\n", ErrInvalid, `many.yaml:5: elements[1].id: "a" is used twice`},
		{"flow id taken by an element", head + "elements:\n  - {id: a, kind: process, name: A}\n  - {id: b, kind: process, name: B}\nflows:\n  - {id: a, from: a, to: b}\n", ErrInvalid, `flows[0].id: "a" is already the id of an element`},
		{"dangling references", head + "elements:\n  - {id: a, kind: process, name: A, boundary: nowhere}\nrisks:\n  - {id: R-1, title: T, elements: [ghost], likelihood: 1, impact: 1, treatment: treat, status: open}\nboundaries:\n  - {id: b, name: B, kind: vendor, parent: void}\n",
			ErrInvalid, `elements[0].boundary: unknown boundary "nowhere"`},
		{"boundary cycle", head + "boundaries:\n  - {id: a, name: A, kind: vendor, parent: b}\n  - {id: b, name: B, kind: vendor, parent: a}\n", ErrInvalid, `boundaries[0].parent: boundary "a" ends up inside itself`},
		{"path-like id", head + "elements:\n  - {id: ../../etc/passwd, kind: process, name: A}\n", ErrInvalid, `elements[0].id: "../../etc/passwd" may only use letters, digits, '.', '_' and '-'`},
		{"path-like project id", "format: airisk/1\nproject: {id: /tmp/x, name: P}\n", ErrInvalid, "project.id:"},
		{"name too long", head + "elements:\n  - {id: a, kind: process, name: " + strings.Repeat("n", 301) + "}\n", ErrInvalid, "elements[0].name: is longer than 300 characters"},
		{"too many elements", manyElements(model.MaxElements + 1), ErrInvalid, "elements: has 20001 elements; the limit is 20000"},
		{"deeply nested YAML (flow)", head + "x: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n", ErrLimit, "many.yaml:3: mappings and lists nest more than 64 deep"},
		{"deeply nested YAML (beyond the parser)", head + "x: " + strings.Repeat("[", 20000) + "\n", ErrSyntax, "exceeded max depth"},
		{"deeply nested YAML (block)", head + nestedBlock(100), ErrLimit, "nest more than 64 deep"},
		{"deeply nested JSON", `{"format": "airisk/1", "x": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}", ErrLimit, "many.yaml:1: objects and lists nest more than 64 deep"},
		{"alias bomb", billionLaughs(), ErrLimit, "the file looks like an alias bomb and is refused"},
		{"alias to itself", head + "x: &a [1, *a]\n", ErrLimit, "refers to the node that contains it"},
		{"small aliases are fine", head + "common: &c {third_party: true}\nelements:\n  - {id: a, kind: process, name: A, props: *c}\n  - {id: b, kind: process, name: B, props: *c}\n", nil, ""},
		{"formula-looking text kept as text", head + "elements:\n  - id: a\n    kind: process\n    name: \"=cmd|' /C calc'!A0\"\n    description: \"@SUM(1+1) +1 -2 =HYPERLINK(\\\"http://x\\\")\"\n", nil, "=cmd|' /C calc'!A0"},
		{"markup kept as text", jhead + `"elements": [{"id": "a", "kind": "process", "name": "<script>alert(1)</script>"}]}`, nil, "<script>alert(1)</script>"},
		{"control characters", head + "elements:\n  - {id: a, kind: process, name: \"bell\\a and nul\\0\"}\n", nil, "bell\a and nul\x00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Read(strings.NewReader(tt.in), "many.yaml")
			if tt.kind == nil {
				checkAccepted(t, p, err, tt.want)
				return
			}
			if p != nil || !errors.Is(err, tt.kind) {
				t.Fatalf("got %v (project %v), want %v", err, p != nil, tt.kind)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got message\n%.500s\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

// checkAccepted: the project reads, the first element's name (when one
// is expected) is kept as given, and it survives a write and a read.
func checkAccepted(t *testing.T, p *model.Project, err error, name string) {
	t.Helper()
	if err != nil {
		t.Fatalf("got %v, want the file accepted", err)
	}
	if name != "" && p.Elements[0].Name != name {
		t.Errorf("name %q, want %q kept as plain text", p.Elements[0].Name, name)
	}
	for _, f := range []Format{JSON, YAML} {
		var buf bytes.Buffer
		if err := Write(&buf, p, f); err != nil {
			t.Fatalf("write %s: %v", f, err)
		}
		q, err := Read(&buf, "again")
		if err != nil {
			t.Fatalf("read back %s: %v", f, err)
		}
		if q.Elements[0].Name != p.Elements[0].Name || q.Elements[0].Description != p.Elements[0].Description {
			t.Errorf("%s round trip changed %q to %q", f, p.Elements[0].Name, q.Elements[0].Name)
		}
	}
}

func nestedBlock(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i) + "k:\n")
	}
	return b.String()
}

// TestHostileThreatDragon: hostile Threat Dragon input gives a clear
// error quickly, or imports safely.
func TestHostileThreatDragon(t *testing.T) {
	tests := []struct {
		name string
		in   string
		kind error
		want string
	}{
		{"deep nesting", `{"summary": {"title": "x"}, "detail": ` + strings.Repeat("[", 50000) + strings.Repeat("]", 50000) + "}", ErrLimit, "nest more than 64 deep"},
		{"not UTF-8", "{\"summary\": {\"title\": \"\xc3\x28\"}, \"detail\": {\"diagrams\": []}}", ErrEncoding, "not UTF-8 text"},
		{"not an object", "[1, 2, 3]", ErrUnknownFormat, "a Threat Dragon model is a JSON object"},
		{"not Threat Dragon", `{"hello": "world"}`, ErrUnknownFormat, "neither summary.title nor detail.diagrams"},
		{"cells of the wrong type", `{"summary": {"title": "x"}, "detail": {"diagrams": [{"cells": {"a": 1}}]}}`, ErrInvalid, "detail.diagrams[0].cells: must be a list, not an object"},
		{"huge number", `{"summary": {"title": "x"}, "detail": {"diagrams": [{"cells": [{"id": "a", "shape": "actor", "position": {"x": 1e999, "y": 0}}]}]}}`, ErrInvalid, "detail.diagrams[0].cells[0].position.x: must be a number within ±1e308"},
		{"too many elements", tdManyActors(model.MaxElements + 1), ErrLimit, "the model has 20001 elements; the limit is 20000"},
		{"trailing data", `{"summary": {"title": "x"}, "detail": {"diagrams": []}} {}`, ErrSyntax, "unexpected data after the end of the JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, fid, err := ReadThreatDragon(strings.NewReader(tt.in), "td.json")
			if p != nil || fid != nil || !errors.Is(err, tt.kind) {
				t.Fatalf("got %v (project %v), want %v", err, p != nil, tt.kind)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got message\n%.500s\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func tdManyActors(n int) string {
	var b strings.Builder
	b.WriteString(`{"summary": {"title": "x"}, "detail": {"diagrams": [{"cells": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "a%d", "shape": "actor"}`, i)
	}
	b.WriteString("]}]}}")
	return b.String()
}

package file

import (
	"bytes"
	"testing"
)

// The fuzz tests feed arbitrary bytes to the readers: none may panic or
// hang, and whatever they accept must write and read back unchanged.
// Seed corpora live in testdata/fuzz/<FuzzName>/.

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"format": "airisk/1", "project": {"id": "p", "name": "P"}}`))
	f.Fuzz(func(t *testing.T, data []byte) { checkPortableRoundTrip(t, data, JSON) })
}

func FuzzReadYAML(f *testing.F) {
	f.Add([]byte("format: airisk/1\nproject: {id: p, name: P}\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkPortableRoundTrip(t, data, YAML) })
}

// checkPortableRoundTrip reads data; when it is accepted, writing it in f
// and reading that back must give the same bytes again.
func checkPortableRoundTrip(t *testing.T, data []byte, f Format) {
	p, err := Read(bytes.NewReader(data), "fuzz")
	if err != nil {
		if p != nil {
			t.Fatalf("got a project with the error %v", err)
		}
		return
	}
	var first bytes.Buffer
	if err := Write(&first, p, f); err != nil {
		t.Fatalf("accepted project does not write: %v", err)
	}
	q, err := Read(bytes.NewReader(first.Bytes()), "written")
	if err != nil {
		t.Fatalf("written file does not read back: %v\n%s", err, first.Bytes())
	}
	var second bytes.Buffer
	if err := Write(&second, q, f); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Bytes(), second.Bytes()) {
		t.Fatalf("write, read, write is not stable:\n%s", firstDiff(second.Bytes(), first.Bytes()))
	}
}

func FuzzReadThreatDragon(f *testing.F) {
	f.Add([]byte(`{"summary": {"title": "t"}, "detail": {"diagrams": [{"cells": [{"id": "a", "shape": "actor", "position": {"x": 1, "y": 2}, "data": {"type": "tm.Actor", "name": "A"}}]}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, fid, err := ReadThreatDragon(bytes.NewReader(data), "fuzz.json")
		if err != nil {
			if p != nil || fid != nil {
				t.Fatalf("got a project or report with the error %v", err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("imported project is not valid: %v", err)
		}
		_ = fid.String()
		var out bytes.Buffer
		if err := WriteThreatDragon(&out, p); err != nil {
			t.Fatalf("imported project does not export: %v", err)
		}
		if _, _, err := ReadThreatDragon(bytes.NewReader(out.Bytes()), "export.json"); err != nil {
			t.Fatalf("export does not import: %v", err)
		}
	})
}

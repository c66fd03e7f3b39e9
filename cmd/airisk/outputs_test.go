package main

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputs writes every kind of output the command line offers and
// checks each opens as what it claims to be. With netns it runs inside a
// network namespace with no interfaces, proving no command needs a network.
func testOutputs(t *testing.T, netns bool) {
	dir := t.TempDir()
	db := filepath.Join(dir, "airisk.db")
	run := func(args ...string) result { return airisk(t, netns, append([]string{"--db", db}, args...)...) }
	if r := run("import", sampleFile(t)); r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	if r := run("analyse", "support-assistant"); r.code != 0 || !strings.Contains(r.stdout, "findings") {
		t.Fatalf("analyse: %+v", r)
	}
	outputs := []struct {
		name  string
		args  []string
		check func(t *testing.T, data []byte)
	}{
		{"svg", []string{"render", "support-assistant", "-o", "d.svg"}, checkSVG},
		{"png", []string{"render", "support-assistant", "-o", "d.png"}, checkPNG},
		{"json", []string{"export", "support-assistant", "-o", "p.airisk.json"}, checkContains(`"format": "airisk/1"`)},
		{"yaml", []string{"export", "support-assistant", "-o", "p.airisk.yaml"}, checkContains("format: airisk/1")},
		{"threat dragon", []string{"export", "support-assistant", "-o", "p.td.json"}, checkContains(`"diagrams"`)},
		{"workbook", []string{"export", "support-assistant", "--xlsx", "r.xlsx"}, checkContains("PK")},
		{"html report", []string{"report", "support-assistant", "-o", "r.html"}, checkContains("<svg")},
		{"markdown report", []string{"report", "support-assistant", "-o", "r.md"}, checkContains("r-diagram.svg")},
	}
	for _, o := range outputs {
		t.Run(o.name, func(t *testing.T) {
			out := filepath.Join(dir, o.args[len(o.args)-1])
			o.args[len(o.args)-1] = out
			if r := run(o.args...); r.code != 0 {
				t.Fatalf("got %+v", r)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			o.check(t, data)
		})
	}
	if r := run("import", filepath.Join(dir, "p.td.json")); r.code != 0 || lastLine(r.stdout) != "support-assistant-2" {
		t.Errorf("re-import the Threat Dragon export: got %+v", r)
	}
	if r := run("import-xlsx", "support-assistant", filepath.Join(dir, "r.xlsx")); r.code != 0 || !strings.Contains(r.stdout, "0 changes") {
		t.Errorf("re-import the unchanged workbook: got %+v, want 0 changes", r)
	}
}

func TestOutputs(t *testing.T) { testOutputs(t, false) }

func checkSVG(t *testing.T, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("SVG does not parse: %v", err)
			}
			break
		}
	}
	if !bytes.Contains(data, []byte("Support chat service")) {
		t.Error("SVG lacks the element names")
	}
}

func checkPNG(t *testing.T, data []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 200 || b.Dy() < 100 {
		t.Errorf("PNG is %dx%d, want a real picture", b.Dx(), b.Dy())
	}
}

func checkContains(want string) func(t *testing.T, data []byte) {
	return func(t *testing.T, data []byte) {
		t.Helper()
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("output lacks %q", want)
		}
	}
}

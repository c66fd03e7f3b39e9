package report

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"airisk/model"
	"airisk/storage/file"
	"airisk/threats"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

const sampleFile = "../../assets/samples/support-assistant.airisk.yaml"

// fixedNow is the export time of every golden report: after two of the
// sample's due dates, so overdue flags show.
var fixedNow = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

// readSample reads the bundled sample project through the portable reader.
func readSample(t testing.TB) *model.Project {
	t.Helper()
	p, err := file.ReadFile(sampleFile)
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	return p
}

func bundled(t testing.TB) *threats.Catalogue {
	t.Helper()
	c, err := threats.Bundled()
	if err != nil {
		t.Fatalf("load the bundled catalogue: %v", err)
	}
	return c
}

// sketchSVG draws the project as a plain SVG picture (boxes and lines at
// the stored positions), standing in for the diagram renderer.
func sketchSVG(p *model.Project) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="1740" height="780">`)
	b.WriteString(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>`)
	for _, bd := range p.Boundaries {
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="%g" fill="none" stroke="#c62828" stroke-dasharray="8 4"/><text x="%g" y="%g" font-size="14" fill="#c62828">%s</text>`,
			bd.X, bd.Y, bd.W, bd.H, bd.X+8, bd.Y+18, xmlText(bd.Name))
	}
	for _, f := range p.Flows {
		from, _ := p.Element(f.From)
		to, _ := p.Element(f.To)
		fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#555" marker-end="url(#arrow)"/>`, from.X+80, from.Y+25, to.X+80, to.Y+25)
	}
	for _, e := range p.Elements {
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="160" height="50" rx="8" fill="#eef2f6" stroke="#1f3a5f"/><text x="%g" y="%g" font-size="12" text-anchor="middle">%s</text>`,
			e.X, e.Y, e.X+80, e.Y+30, xmlText(e.Name))
	}
	b.WriteString(`</svg>`)
	return b.Bytes()
}

func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (review the change, then run with -update):\n%s", name, firstDiff(string(want), string(got)))
	}
}

// firstDiff shows the first line that differs.
func firstDiff(want, got string) string {
	wl, gl := bytes.Split([]byte(want), []byte("\n")), bytes.Split([]byte(got), []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return fmt.Sprintf("line %d:\n  got  %q\n  want %q", i+1, g, w)
		}
	}
	return "(no line differs)"
}

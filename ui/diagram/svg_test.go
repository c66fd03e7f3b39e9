package diagram

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

func TestRenderSVGSample(t *testing.T) {
	p := loadSample(t)
	data, err := RenderSVG(p, RenderOptions{Badges: map[string]Badge{"chat-app": {Count: 7, Score: 16}}})
	if err != nil {
		t.Fatalf("RenderSVG: %v", err)
	}
	if out := os.Getenv("DIAGRAM_SVG"); out != "" {
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text := svgText(t, data)
	for _, e := range p.Elements {
		if !strings.Contains(text, e.Name) {
			t.Errorf("SVG text does not contain element name %q", e.Name)
		}
	}
	for _, bad := range []string{"<script", "href", "@import", "url("} {
		if bytes.Contains(data, []byte(bad)) {
			t.Errorf("SVG contains %q; it must reference nothing and run nothing", bad)
		}
	}
}

// svgText parses data as XML and returns all its character data.
func svgText(t *testing.T, data []byte) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			b.Write(cd)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestRenderSVGGolden(t *testing.T) {
	data, err := RenderSVG(fixture(), RenderOptions{Badges: map[string]Badge{"app": {Count: 3, Score: 12}, "f4": {Count: 1, Score: 0}}})
	if err != nil {
		t.Fatalf("RenderSVG: %v", err)
	}
	svgText(t, data)
	if !bytes.Contains(data, []byte("Fixture &lt;test&gt; &amp; co")) || !bytes.Contains(data, []byte("Agent &amp; planner")) {
		t.Error("names are not XML-escaped in the SVG")
	}
	golden(t, "fixture.svg", data)
}

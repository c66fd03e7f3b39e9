package report

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"airisk/ui/diagram"
)

// The diagram renderer's real output goes through the report as it will in
// the program: inlined, cleaned, and still carrying every element's name.
func TestRenderedDiagramInHTML(t *testing.T) {
	p := readSample(t)
	svg, err := diagram.RenderSVG(p, diagram.RenderOptions{})
	if err != nil {
		t.Fatalf("RenderSVG: %v", err)
	}
	doc, _ := renderHTML(t, p, bundled(t), Options{Now: fixedNow, DiagramSVG: svg})
	if bad := externalReferences(doc); len(bad) > 0 {
		t.Errorf("the report runs or fetches something:\n%s", strings.Join(bad, "\n"))
	}
	var text string
	walk(doc, func(n *html.Node) {
		if hasClass(n, "diagram") {
			text = textOf(n)
		}
	})
	for _, e := range p.Elements {
		if !strings.Contains(text, e.Name) {
			t.Errorf("the diagram lost the name of element %s (%q)", e.ID, e.Name)
		}
	}
}

package report

import (
	"bytes"
	"testing"
)

func sampleOptions(p []byte) Options {
	return Options{Now: fixedNow, AppVersion: "1.0.0-test", DiagramSVG: p}
}

func TestSampleHTMLGolden(t *testing.T) {
	p := readSample(t)
	var buf bytes.Buffer
	if err := HTML(&buf, p, bundled(t), sampleOptions(sketchSVG(p))); err != nil {
		t.Fatalf("HTML: %v", err)
	}
	golden(t, "sample.html", buf.Bytes())
}

func TestSampleMarkdownGolden(t *testing.T) {
	p := readSample(t)
	var buf bytes.Buffer
	if err := Markdown(&buf, p, bundled(t), sampleOptions(nil)); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	golden(t, "sample.md", buf.Bytes())
}

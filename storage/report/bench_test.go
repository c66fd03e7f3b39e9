package report

import (
	"io"
	"testing"
)

func BenchmarkHTML(b *testing.B) {
	p, c := bigProject(1000), bundled(b)
	opt := Options{Now: fixedNow, DiagramSVG: sketchSVG(readSample(b))}
	b.ReportAllocs()
	for b.Loop() {
		if err := HTML(io.Discard, p, c, opt); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarkdown(b *testing.B) {
	p, c := bigProject(1000), bundled(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Markdown(io.Discard, p, c, Options{Now: fixedNow}); err != nil {
			b.Fatal(err)
		}
	}
}

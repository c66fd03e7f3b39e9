package threats

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"airisk/model"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

const (
	sampleFile   = "../assets/samples/support-assistant.airisk.yaml"
	sampleGolden = "testdata/sample.golden"
)

// readSample reads the bundled sample project.
func readSample(t testing.TB) *model.Project {
	t.Helper()
	data, err := os.ReadFile(sampleFile)
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	var p model.Project
	if err := yaml.Unmarshal(data, &p); err != nil {
		t.Fatalf("read sample: %v", err)
	}
	for i := range p.Elements {
		p.Elements[i].Props.Normalize()
	}
	for i := range p.Flows {
		p.Flows[i].Props.Normalize()
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("the sample is not valid:\n%v", err)
	}
	return &p
}

// formatFindings writes one line per finding: key, target kind, target
// name and why.
func formatFindings(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s [%s] %s: %s\n", f.Key, f.TargetKind, f.TargetName, f.Why)
	}
	return b.String()
}

func TestSampleGolden(t *testing.T) {
	c := bundledCatalogue(t)
	got := formatFindings(Analyse(readSample(t), c))
	if *update {
		if err := os.WriteFile(sampleGolden, []byte(got), 0o644); err != nil {
			t.Fatalf("write golden: %v", err)
		}
	}
	want, err := os.ReadFile(sampleGolden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("analysis of the sample differs from %s (review, then -update):\n%s", sampleGolden, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

func TestSampleDecisionsStillFire(t *testing.T) {
	c := bundledCatalogue(t)
	p := readSample(t)
	keys := map[string]bool{}
	for _, f := range Analyse(p, c) {
		keys[f.Key] = true
	}
	for _, d := range p.Decisions {
		if !keys[d.Finding] {
			t.Errorf("the sample's decision on %s has no finding: the threat no longer fires there", d.Finding)
		}
	}
}

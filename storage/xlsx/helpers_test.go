package xlsx

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	yaml "go.yaml.in/yaml/v3"

	"airisk/model"
	"airisk/threats"
)

var update = flag.Bool("update", false, "rewrite the fuzz seed corpus under testdata/fuzz")

// exportTime is the fixed export time of the tests.
var exportTime = time.Date(2026, 11, 22, 9, 30, 0, 0, time.UTC)

// loadSample reads the bundled sample project. storage/file is the
// program's reader; the test reads the YAML directly so the two packages
// can be tested apart.
func loadSample(t testing.TB) *model.Project {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "assets", "samples", "support-assistant.airisk.yaml"))
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	var doc struct {
		Format        string `yaml:"format"`
		model.Project `yaml:",inline"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("decode sample: %v", err)
	}
	p := &doc.Project
	for i := range p.Elements {
		p.Elements[i].Props.Normalize()
	}
	for i := range p.Flows {
		p.Flows[i].Props.Normalize()
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("sample is not valid: %v", err)
	}
	return p
}

// catalogue returns the bundled catalogue.
func catalogue(t testing.TB) *threats.Catalogue {
	t.Helper()
	c, err := threats.Bundled()
	if err != nil {
		t.Fatalf("load bundled catalogue: %v", err)
	}
	return c
}

// exportBytes exports p and returns the workbook bytes.
func exportBytes(t testing.TB, p *model.Project, c *threats.Catalogue, opt Options) []byte {
	t.Helper()
	if opt.Now.IsZero() {
		opt.Now = exportTime
	}
	var buf bytes.Buffer
	if err := Export(&buf, p, c, opt); err != nil {
		t.Fatalf("Export: %v", err)
	}
	return buf.Bytes()
}

// open opens workbook bytes with excelize.
func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// rows returns a sheet's rows as text.
func rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rs, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("rows of %s: %v", sheet, err)
	}
	return rs
}

// saved writes f to bytes.
func saved(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatalf("save workbook: %v", err)
	}
	return buf.Bytes()
}

// testPNG is a small picture standing in for the rendered diagram.
func testPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, h/2, color.RGBA{R: 200, A: 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatalf("encode png: %v", err)
	}
	return buf.Bytes()
}

// hostile are strings a spreadsheet might take for formulas or commands.
var hostile = []string{
	"=HYPERLINK(\"http://evil.example\",\"click\")",
	"+SUM(1,2)",
	"-2+3",
	"@SUM(A1)",
	"\t=1+1",
	"\r=1+1",
	"=cmd|' /C calc'!A0",
}

// bigProject builds a valid project of n risks over a small diagram, with
// one or two controls per risk, for the round trip tests and benchmarks.
func bigProject(n int) *model.Project {
	p := &model.Project{
		Meta: model.ProjectMeta{ID: "big", Name: "Big register", Owner: "Risk team",
			Created: exportTime.Add(-48 * time.Hour), Updated: exportTime.Add(-time.Hour)},
		Boundaries: []model.Boundary{{ID: "corp", Name: "Company", Kind: model.BoundaryOrganisation}},
		Elements: []model.Element{
			{ID: "user", Kind: model.KindUser, Name: "User", Props: model.Props{}},
			{ID: "app", Kind: model.KindAIApp, Name: "Chat service", Boundary: "corp", Props: model.Props{"retrieval_augmented": true, "accepts_untrusted_input": true}},
			{ID: "llm", Kind: model.KindModel, Name: "Model", Boundary: "corp", Props: model.Props{"fine_tuned": true}},
		},
		Flows: []model.Flow{
			{ID: "f1", From: "user", To: "app", Name: "Question", Props: model.Props{"carries": []string{"prompts"}}},
			{ID: "f2", From: "app", To: "llm", Name: "Prompt", Props: model.Props{"encrypted": true}},
		},
	}
	statuses := model.ControlStatuses
	for i := range n {
		r := model.Risk{
			ID: fmt.Sprintf("R-%06d", i+1), Title: fmt.Sprintf("Risk number %d: prompt injection through retrieved passages", i+1),
			Description: "A retrieved passage carries instructions that the service follows, leaking data or taking actions the user did not ask for.",
			Threat:      "AIT-044", Elements: []string{"app", "llm"},
			Likelihood: i%5 + 1, Impact: (i/5)%5 + 1, Treatment: model.TreatmentTreat, Status: model.RiskOpen,
			Owner: "Platform lead", Due: "2026-12-15", Review: "2027-03-01", Notes: "Raised in the workshop.",
			Updated:  exportTime.Add(-time.Duration(i) * time.Minute),
			Controls: []model.Control{{Title: "Mark retrieved text as data in the prompt", Status: statuses[i%3], Provisions: []string{"2.2", "9.1"}}},
		}
		if i%2 == 0 {
			r.ResidualLikelihood, r.ResidualImpact = 1+i%3, 2
			r.Controls = append(r.Controls, model.Control{Title: "Review indexed content", Status: model.ControlPlanned, Provisions: []string{"5.4.1"}})
		}
		p.Risks = append(p.Risks, r)
	}
	return p
}

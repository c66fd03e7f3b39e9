package file

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"airisk/model"
)

// TestThreatDragonFixtures imports each Threat Dragon model under
// testdata/threatdragon and compares the project (as portable YAML) and
// the fidelity report, or the error, with the golden files.
func TestThreatDragonFixtures(t *testing.T) {
	inputs, err := filepath.Glob("testdata/threatdragon/*.td.json")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, in := range inputs {
		base := strings.TrimSuffix(in, ".td.json")
		if strings.HasSuffix(base, ".export") {
			continue
		}
		t.Run(filepath.Base(base), func(t *testing.T) {
			p, fid, err := ReadThreatDragon(bytes.NewReader(mustRead(t, in)), filepath.Base(in))
			if err != nil {
				golden(t, base+".error.txt", []byte(err.Error()+"\n"))
				return
			}
			var buf bytes.Buffer
			if err := Write(&buf, p, YAML); err != nil {
				t.Fatalf("write the imported project: %v", err)
			}
			golden(t, base+".airisk.yaml", buf.Bytes())
			golden(t, base+".fidelity.txt", []byte(fid.String()))
		})
	}
}

// TestThreatDragonErrors checks the kind of error each broken model gives.
func TestThreatDragonErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		want error
	}{
		{"version 1 model", "hostile-v1.td.json", ErrThreatDragonV1},
		{"wrong field type", "hostile-bad-type.td.json", ErrInvalid},
		{"boundaries nested too deep", "hostile-nesting.td.json", ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, fid, err := ReadThreatDragon(bytes.NewReader(mustRead(t, "testdata/threatdragon/"+tt.file)), tt.file)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got error %v, want %v", err, tt.want)
			}
			if p != nil || fid != nil {
				t.Errorf("got a project or report with the error; an import is all or nothing")
			}
		})
	}
}

// roundTripTD exports p to Threat Dragon and imports it back.
func roundTripTD(t *testing.T, p *model.Project) (*model.Project, *Fidelity, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteThreatDragon(&buf, p); err != nil {
		t.Fatalf("export: %v", err)
	}
	q, fid, err := ReadThreatDragon(bytes.NewReader(buf.Bytes()), "export.td.json")
	if err != nil {
		t.Fatalf("import the export: %v", err)
	}
	return q, fid, buf.Bytes()
}

// TestThreatDragonRoundTrip: ours -> Threat Dragon -> ours gives back the
// same project, every element, flow, boundary, kind, property and risk.
func TestThreatDragonRoundTrip(t *testing.T) {
	for _, path := range []string{"testdata/canonical.airisk.yaml", sampleProject} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			p, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			q, fid, _ := roundTripTD(t, p)
			want, got := canonical(p), canonical(q)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip changed the project:\n%s", projectDiff(t, &got, &want))
			}
			if _, dropped := fid.Counts(); dropped == 0 {
				t.Errorf("the report lists nothing as not carried; the drawing details at least are not")
			}
		})
	}
}

// TestThreatDragonForeignRoundTrip: a model written in Threat Dragon,
// imported, exported and imported again, stays the same project.
func TestThreatDragonForeignRoundTrip(t *testing.T) {
	p, _, err := ReadThreatDragon(bytes.NewReader(mustRead(t, "testdata/threatdragon/full.td.json")), "full.td.json")
	if err != nil {
		t.Fatal(err)
	}
	q, _, _ := roundTripTD(t, p)
	want, got := canonical(p), canonical(q)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("second round changed the project:\n%s", projectDiff(t, &got, &want))
	}
}

// projectDiff shows where two projects differ, as portable YAML.
func projectDiff(t *testing.T, got, want *model.Project) string {
	var g, w bytes.Buffer
	if err := Write(&g, got, YAML); err != nil {
		return err.Error()
	}
	if err := Write(&w, want, YAML); err != nil {
		return err.Error()
	}
	return firstDiff(g.Bytes(), w.Bytes())
}

// TestThreatDragonExportGolden keeps the exported model of the canonical
// project under review.
func TestThreatDragonExportGolden(t *testing.T) {
	p, err := ReadFile("testdata/canonical.airisk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := WriteThreatDragon(&a, p); err != nil {
		t.Fatal(err)
	}
	if err := WriteThreatDragon(&b, p); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two exports of the same project differ")
	}
	golden(t, "testdata/threatdragon/canonical.export.td.json", a.Bytes())
	if Detect(a.Bytes()) != ThreatDragon {
		t.Errorf("Detect(export) = %s, want %s", Detect(a.Bytes()), ThreatDragon)
	}
}

// TestThreatDragonExportShape checks the export against what Threat
// Dragon's v2 schema requires, and the shape chosen for each kind.
func TestThreatDragonExportShape(t *testing.T) {
	p, err := ReadFile(sampleProject)
	if err != nil {
		t.Fatal(err)
	}
	_, _, data := roundTripTD(t, p)
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	requireKeys(t, "model", m, "version", "summary", "detail")
	requireKeys(t, "summary", m["summary"], "title")
	detail := m["detail"].(map[string]any)
	requireKeys(t, "detail", detail, "contributors", "diagrams", "diagramTop", "reviewer", "threatTop")
	diagram := detail["diagrams"].([]any)[0].(map[string]any)
	requireKeys(t, "diagram", diagram, "diagramType", "id", "thumbnail", "title", "version", "cells")
	shapes := map[string]string{}
	threats := 0
	for _, c := range diagram["cells"].([]any) {
		cell := c.(map[string]any)
		requireKeys(t, "cell", cell, "id", "shape", "zIndex", "data")
		data := cell["data"].(map[string]any)
		requireKeys(t, "cell data", data, "type", "hasOpenThreats")
		if x, ok := data["airisk"].(map[string]any); ok {
			shapes[x["id"].(string)] = cell["shape"].(string)
		}
		list, _ := data["threats"].([]any)
		for _, th := range list {
			threats++
			requireKeys(t, "threat", th, "description", "mitigation", "severity", "status", "title", "type")
		}
	}
	for id, want := range map[string]string{"customer": "actor", "llm": "actor", "chat-app": "process", "help-index": "store", "f1": "flow", "corp": "trust-boundary-box"} {
		if shapes[id] != want {
			t.Errorf("%s exported as %q, want %q", id, shapes[id], want)
		}
	}
	if threats != len(p.Risks) {
		t.Errorf("got %d threats, want one per risk (%d)", threats, len(p.Risks))
	}
}

func requireKeys(t *testing.T, what string, v any, keys ...string) {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%s is %T, want an object", what, v)
	}
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks %q, which Threat Dragon's schema requires", what, k)
		}
	}
}

// TestThreatDragonEditedThere: what people change in Threat Dragon wins
// over what the export kept.
func TestThreatDragonEditedThere(t *testing.T) {
	p, err := ReadFile(sampleProject)
	if err != nil {
		t.Fatal(err)
	}
	_, _, data := roundTripTD(t, p)
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for _, c := range m["detail"].(map[string]any)["diagrams"].([]any)[0].(map[string]any)["cells"].([]any) {
		cell := c.(map[string]any)
		data := cell["data"].(map[string]any)
		x, _ := data["airisk"].(map[string]any)
		switch {
		case x == nil:
		case x["id"] == "customer": // moved into the company box
			cell["position"] = map[string]any{"x": 340.0, "y": 300.0}
		case x["id"] == "f1": // encryption unticked
			data["isEncrypted"] = false
		case x["id"] == "chat-app": // threat marked mitigated, renamed
			for _, th := range data["threats"].([]any) {
				th.(map[string]any)["status"] = "Mitigated"
			}
			data["name"] = "Chat service v2"
		}
	}
	edited, _ := json.Marshal(m)
	q, fid, err := ReadThreatDragon(bytes.NewReader(edited), "edited.json")
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := q.Element("customer"); e.Boundary != "corp" || e.X != 340 {
		t.Errorf("moved customer: got boundary %q at x %g, want corp at 340", e.Boundary, e.X)
	}
	if f, _ := q.Flow("f1"); f.Props.Bool("encrypted") {
		t.Errorf("f1 still encrypted after isEncrypted was unticked")
	}
	if e, _ := q.Element("chat-app"); e.Name != "Chat service v2" {
		t.Errorf("chat-app name %q, want the one edited in Threat Dragon", e.Name)
	}
	for _, r := range q.Risks {
		if len(r.Elements) > 0 && r.Elements[0] == "chat-app" && r.Status != model.RiskClosed {
			t.Errorf("risk %s: status %s, want closed after Mitigated in Threat Dragon", r.ID, r.Status)
		}
	}
	if !strings.Contains(fid.String(), "changed in Threat Dragon") {
		t.Errorf("the report does not say what changed in Threat Dragon:\n%s", fid)
	}
}

// TestThreatDragonBothThreatForms: threats in data.threats (the app) and
// at the cell level (the schema) are both read, a repeat only once.
func TestThreatDragonBothThreatForms(t *testing.T) {
	p, _, err := ReadThreatDragon(bytes.NewReader(mustRead(t, "testdata/threatdragon/full.td.json")), "full.td.json")
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]int{}
	for _, r := range p.Risks {
		titles[r.Title]++
	}
	for title, want := range map[string]int{"Card data kept in worker memory dumps": 1, "Refunds issued twice": 1, "Lateral movement between shop hosts": 1} {
		if titles[title] != want {
			t.Errorf("risk %q appears %d times, want %d", title, titles[title], want)
		}
	}
	if len(p.Risks) != 10 {
		t.Errorf("got %d risks, want 10 (ten threats, one of them written in both forms)", len(p.Risks))
	}
}

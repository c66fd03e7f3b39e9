package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"airisk/model"
	"airisk/threats"
)

// goodLocalCatalogue adds a threat on vector stores, which the assistant
// project has.
const goodLocalCatalogue = `pack: acme
threats:
  - id: ACME-1
    title: Shared service account on the vector store
    description: Every job uses one account, so a compromised job reaches all the documents.
    example: The indexing job's key leaks and is used to read every article draft.
    phases: [deployment]
    stride: [E]
    on: [vector_store]
    likelihood: 2
    impact: 4
    rationale: House rule from the 2025 audit.
    mitigations:
      - text: Give each job its own least-privilege account.
        provisions: ["2.6"]
`

// badLocalCatalogue has three problems: an unknown STRIDE letter, a
// provision the Code does not have, and a kind that does not exist.
const badLocalCatalogue = `threats:
  - id: ACME-2
    title: Broken entry
    description: A threat with mistakes.
    example: None.
    phases: [deployment]
    stride: [X]
    on: [vector_shop]
    likelihood: 2
    impact: 4
    rationale: Test.
    mitigations:
      - text: Something.
        provisions: ["99.9"]
`

func writeCatalogue(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestCatalogueImportBadListsEveryProblem(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*catalogueScreen](t, st.ws)
	before, findings := st.ws.state.Catalogue, len(st.ws.state.Findings)
	dir := writeCatalogue(t, map[string]string{"good.yaml": goodLocalCatalogue, "bad.yaml": badLocalCatalogue})

	if s.importPath(dir) {
		t.Fatal("a catalogue with errors was imported")
	}
	if s.problems == nil {
		t.Fatal("no problems dialog was shown")
	}
	if got := len(s.problems.problems); got < 3 {
		t.Errorf("the dialog lists %d problems, want at least 3: %v", got, s.problems.problems)
	}
	fields := map[string]bool{}
	for _, p := range s.problems.problems {
		fields[p.Field] = true
		if !strings.HasSuffix(p.File, "bad.yaml") || p.Line == 0 || p.Threat != "ACME-2" {
			t.Errorf("problem %+v does not name bad.yaml, a line and ACME-2", p)
		}
	}
	for _, f := range []string{"stride", "on"} {
		if !fields[f] {
			t.Errorf("no problem names the field %q; got %v", f, fields)
		}
	}
	if got := problemCell(s.problems.problems[0], 0); got != "bad.yaml" {
		t.Errorf("file cell = %q, want bad.yaml", got)
	}
	if st.ws.state.Catalogue != before || st.ui.cat != before || len(st.ws.state.Findings) != findings {
		t.Error("a failed import changed the catalogue or the findings")
	}
	if _, ok := st.ws.state.Catalogue.Threat("ACME-1"); ok {
		t.Error("the good file of a failed import was half-loaded")
	}
}

func TestCatalogueImportGoodFile(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*catalogueScreen](t, st.ws)
	dir := writeCatalogue(t, map[string]string{"acme.yaml": goodLocalCatalogue, "other.yaml": badLocalCatalogue})

	if !s.importPath(filepath.Join(dir, "acme.yaml")) {
		t.Fatalf("the file was not imported: %v", st.ui.lastError)
	}
	th, ok := st.ws.state.Catalogue.Threat("ACME-1")
	if !ok || !th.Local {
		t.Fatalf("ACME-1 after import: found %v, want a local threat", ok)
	}
	if _, ok := st.ws.state.Catalogue.Threat("ACME-2"); ok {
		t.Error("importing one file also read its neighbour")
	}
	if !slices.ContainsFunc(s.shown, func(t *threats.Threat) bool { return t.ID == "ACME-1" }) {
		t.Error("the new threat is not listed")
	}
	if _, ok := st.ws.state.Finding("ACME-1@docs"); !ok {
		t.Error("the findings were not re-run with the new catalogue: no ACME-1@docs")
	}
	for _, shown := range s.shown {
		if !matchPack(shown, packOptionLocal) {
			t.Errorf("after the import the list shows %s, want local threats only", shown.ID)
		}
	}
}

func TestCatalogueImportRefused(t *testing.T) {
	dir := writeCatalogue(t, map[string]string{"notes.txt": goodLocalCatalogue})
	tests := []struct {
		name, path, want string
	}{
		{"empty folder", t.TempDir(), "no threat catalogue files"},
		{"not a YAML file", filepath.Join(dir, "notes.txt"), "ending in .yaml or .yml"},
		{"missing", filepath.Join(dir, "gone.yaml"), "could not be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := newHistoryTest(t)
			s := screenOf[*catalogueScreen](t, st.ws)
			before := st.ws.state.Catalogue
			if s.importPath(tt.path) {
				t.Fatal("got imported, want refused")
			}
			if st.ui.lastError == nil || !strings.Contains(st.ui.lastError.Error(), tt.want) {
				t.Errorf("got error %v, want one saying %q", st.ui.lastError, tt.want)
			}
			if st.ws.state.Catalogue != before {
				t.Error("a refused import changed the catalogue")
			}
		})
	}
}

func TestCatalogueFilters(t *testing.T) {
	cat, err := threats.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		filter threatFilter
		check  func(t *threats.Threat) bool
	}{
		{"stride E", threatFilter{stride: threats.ElevationOfPrivilege},
			func(t *threats.Threat) bool { return slices.Contains(t.Stride, threats.ElevationOfPrivilege) }},
		{"kind", threatFilter{kind: model.KindVectorStore.Name()},
			func(t *threats.Threat) bool { return slices.Contains(t.Kinds(), model.KindVectorStore) }},
		{"flows", threatFilter{kind: targetOptionFlow}, (*threats.Threat).OnFlows},
		{"stride pack", threatFilter{pack: packOptionStride}, func(t *threats.Threat) bool { return t.Pack == threats.PackStride }},
		{"phase", threatFilter{phase: threats.PhaseEndOfLife},
			func(t *threats.Threat) bool { return slices.Contains(t.Phases, threats.PhaseEndOfLife) }},
		{"OWASP LLM", threatFilter{framework: frameworkLLM}, func(t *threats.Threat) bool {
			return slices.ContainsFunc(t.References, func(r string) bool { return strings.HasPrefix(r, "LLM") })
		}},
		{"search", threatFilter{text: "ait-044"}, func(t *threats.Threat) bool { return t.ID == "AIT-044" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			for _, th := range cat.Threats {
				if tt.filter.match(th) {
					n++
					if !tt.check(th) {
						t.Errorf("got %s, which the filter should hide", th.ID)
					}
				}
			}
			if n == 0 || n == len(cat.Threats) {
				t.Errorf("got %d of %d threats, want some but not all", n, len(cat.Threats))
			}
		})
	}
}

func TestCatalogueStridePackSwitch(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*catalogueScreen](t, st.ws)
	countStride := func() int {
		n := 0
		for _, f := range st.ws.state.Findings {
			if f.Threat.Pack == threats.PackStride {
				n++
			}
		}
		return n
	}
	if countStride() != 0 {
		t.Fatal("STRIDE findings before the pack is switched on")
	}
	s.strideCheck.SetChecked(true)
	if !slices.Contains(st.store.stored(assistantID).Meta.Packs, threats.PackStride) {
		t.Error("the stored project does not have the STRIDE pack on")
	}
	if countStride() == 0 {
		t.Error("no STRIDE findings with the pack on")
	}
	st.ws.undo()
	if s.strideCheck.Checked || countStride() != 0 {
		t.Errorf("after undo: switch %v, %d STRIDE findings; want off and none", s.strideCheck.Checked, countStride())
	}
}

func TestThreatDetailNamesProvisionsAndReferences(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*catalogueScreen](t, st.ws)
	s.showThreat("AIT-044")
	th, _ := st.ws.state.Catalogue.Threat("AIT-044")
	text := richText(s.detail.body)
	prov := th.Mitigations[0].Provisions[0]
	p, _ := st.ws.state.Catalogue.Code.Provision(prov)
	for _, want := range []string{th.Description, prov + " " + p.Title, "Chat service", appliesTo(th)} {
		if !strings.Contains(text, want) {
			t.Errorf("the detail of AIT-044 lacks %q", want)
		}
	}
	for _, ref := range th.References {
		if name := st.ws.state.Catalogue.ReferenceName(ref); name != "" && !strings.Contains(text, name) {
			t.Errorf("the detail lacks the name %q of reference %s", name, ref)
		}
	}
}

func TestCatalogueAndChecklistLinkToEachOther(t *testing.T) {
	st := newHistoryTest(t)
	cat := screenOf[*catalogueScreen](t, st.ws)
	check := screenOf[*checklistScreen](t, st.ws)
	check.stakeholderSel.SetSelected(stakeholderNames[threats.AffectedEntity])

	cat.showThreat("AIT-044")
	links := linksOf(cat.detail.body)
	if len(links) == 0 {
		t.Fatal("the threat's provisions are not links")
	}
	link := links[0]
	link.OnTapped()
	if st.ws.currentScreen() != screen(check) || check.detail.id == "" || !strings.Contains(link.Text, check.detail.id+" ") {
		t.Fatalf("tapping %q shows %s with provision %q", link.Text, st.ws.currentScreen().Name(), check.detail.id)
	}
	if check.filter.stakeholder != "" {
		t.Error("the checklist kept a filter that hid the provision")
	}

	first := linksOf(check.detail.citing)[0]
	first.OnTapped()
	if st.ws.currentScreen() != screen(cat) || cat.detail.threat == nil || !strings.HasPrefix(first.Text, cat.detail.threat.ID+" ") {
		t.Errorf("tapping %q shows %s", first.Text, st.ws.currentScreen().Name())
	}
}

package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"airisk/model"
	"airisk/threats"
)

// workshopChanges edits a copy of the sample as a workshop might and
// returns what changed, with the findings worked out by c.
func workshopChanges(t testing.TB, c *threats.Catalogue) *Changes {
	t.Helper()
	before := loadSample(t)
	before.Risks[2].Status = model.RiskOpen
	after := before.Clone()
	after.Elements = append(after.Elements, model.Element{ID: "search-tool", Kind: model.KindTool, Name: "Web search tool",
		Boundary: "corp", Props: model.Props{"tool_privilege": "read_only"}})
	after.Flows = append(after.Flows, model.Flow{ID: "f99", From: "agent", To: "search-tool", Name: "Search query", Props: model.Props{}})
	after.Flows = after.Flows[1:]
	after.Elements[0].Name = "Signed-in customer"
	after.Risks[2].Status = model.RiskClosed
	after.Risks[1].ResidualLikelihood, after.Risks[1].ResidualImpact = 2, 4
	after.Risks = append(after.Risks, model.Risk{ID: "R-004", Title: "Search results steer the agent", Likelihood: 3, Impact: 3,
		Treatment: model.TreatmentTreat, Status: model.RiskOpen, Controls: []model.Control{}})
	after.Decisions = append(after.Decisions, model.Decision{Finding: "AIT-041@search-tool", Status: model.DecisionDismissed, Reason: "Read only"})
	if err := after.Validate(); err != nil {
		t.Fatalf("after: %v", err)
	}
	was, now := threats.Analyse(before, c), threats.Analyse(after, c)
	return &Changes{Title: "Workshop W-001: Design review, 2026-11-21", Comparison: model.Compare(before, after),
		FindingsNew: missingFindings(now, was), FindingsGone: missingFindings(was, now)}
}

// missingFindings lists the findings of a whose keys b lacks.
func missingFindings(a, b []threats.Finding) []threats.Finding {
	keys := map[string]bool{}
	for _, f := range b {
		keys[f.Key] = true
	}
	var out []threats.Finding
	for _, f := range a {
		if !keys[f.Key] {
			out = append(out, f)
		}
	}
	return out
}

func TestChangesSheet(t *testing.T) {
	c := catalogue(t)
	ch := workshopChanges(t, c)
	if len(ch.FindingsNew) == 0 {
		t.Fatal("the test's edits raise no new finding")
	}
	f := open(t, exportBytes(t, workshopProject(t), c, Options{Now: workshopTime, Changes: ch}))
	rs := rows(t, f, sheetChanges)
	if got := cell(rs[0], 0); got != "What changed: "+ch.Title {
		t.Errorf("A1: got %q", got)
	}
	counts := map[string]string{}
	for _, r := range rs[findRow(t, rs, "Change")+1:] {
		if len(r) < 2 || r[0] == "" {
			break
		}
		counts[r[0]] = r[1]
	}
	wantCounts := map[string]int{"Elements added": 1, "Elements removed": 0, "Elements renamed": 1, "Flows added": 1,
		"Flows removed": 1, "Findings new": len(ch.FindingsNew), "Findings gone": len(ch.FindingsGone), "Risks created": 1,
		"Risks closed": 1, "Risk status changed": 0, "Risks re-scored": 1, "Decisions made or changed": 1}
	for name, want := range wantCounts {
		if got := counts[name]; got != fmt.Sprint(want) {
			t.Errorf("summary %s: got %q, want %d", name, got, want)
		}
	}
	tests := []struct {
		section string
		want    []string // the first row under the headings
	}{
		{"Elements added (1)", []string{"search-tool", "Web search tool"}},
		{"Elements renamed (1)", []string{"customer", "Customer", "Signed-in customer"}},
		{"Flows added (1)", []string{"f99", "Search query"}},
		{"Flows removed (1)", []string{"f1", "Question and attachments"}},
		{fmt.Sprintf("Findings new (%d)", len(ch.FindingsNew)), []string{ch.FindingsNew[0].Threat.ID, ch.FindingsNew[0].Threat.Title,
			ch.FindingsNew[0].TargetName, string(ch.FindingsNew[0].TargetKind)}},
		{"Risks created (1)", []string{"R-004", "Search results steer the agent"}},
		{"Risks closed (1)", []string{"R-003", "Data leak through images in rendered answers", "open"}},
		{"Risks re-scored (1)", []string{"R-002", "Refund agent tricked into issuing refunds", "12 High (3 × 4)", "12 High (3 × 4)",
			"Not assessed", "8 Medium (2 × 4)"}},
		{"Decisions made or changed (1)", []string{"AIT-041@search-tool", "none", "dismissed"}},
	}
	for _, tt := range tests {
		t.Run(tt.section, func(t *testing.T) {
			at := findRow(t, rs, tt.section)
			for i, want := range tt.want {
				if got := cell(rs[at+2], i); got != want {
					t.Errorf("column %d: got %q, want %q (headings %q)", i+1, got, want, rs[at+1])
				}
			}
		})
	}
	for _, r := range rs {
		if strings.HasPrefix(cell(r, 0), "Elements removed (") {
			t.Errorf("got a section for elements removed, want none when nothing was removed")
		}
	}
	assertTables(t, f, sheetChanges, "ChangesSummary", "ElementsAdded", "FindingsNew", "RisksRescored", "DecisionsChanged")
	assertFrozen(t, f, sheetChanges, 2)
	assertLandscape(t, f, sheetChanges)
}

func TestChangesSheetWithoutComparison(t *testing.T) {
	f := open(t, exportBytes(t, loadSample(t), nil, Options{}))
	if v, _ := f.GetCellValue(sheetChanges, "A2"); !strings.Contains(v, "No workshop comparison was available") {
		t.Errorf("A2: got %q, want a sentence saying no comparison was available", v)
	}
}

func TestChangesSheetNothingChanged(t *testing.T) {
	f := open(t, exportBytes(t, loadSample(t), nil, Options{Changes: &Changes{Title: "Workshop W-001"}}))
	rs := rows(t, f, sheetChanges)
	found := false
	for _, r := range rs {
		if strings.HasPrefix(cell(r, 0), "Nothing changed") {
			found = true
		}
	}
	if !found {
		t.Errorf("got %q, want a sentence saying nothing changed", rs)
	}
	if tables, _ := f.GetTables(sheetChanges); len(tables) != 1 {
		t.Errorf("tables: got %d, want the summary only", len(tables))
	}
}

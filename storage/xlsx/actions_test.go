package xlsx

import (
	"slices"
	"strings"
	"testing"
)

func TestActionsSheet(t *testing.T) {
	f := open(t, exportBytes(t, workshopProject(t), nil, Options{Now: workshopTime}))
	rs := rows(t, f, sheetActions)
	if !slices.Equal(rs[0], headers(actionColumns)) {
		t.Fatalf("headings: got %q, want %q", rs[0], headers(actionColumns))
	}
	// R-003 is closed and left out; owners come alphabetically, the
	// unowned risk last.
	want := [][]string{
		{"Payments product owner", "R-002", "Refund agent tricked into issuing refunds", "open", "treat", "12", "High",
			"2026-11-30", "Yes", "2027-02-01", "Limit the refund tool to the signed-in customer's own orders, with a daily cap (planned)", "2.6"},
		{"Support platform lead", "R-001", "Prompt injection through retrieved community answers", "in_progress", "treat", "6", "Medium",
			"2026-12-15", "", "2027-03-01",
			"Strip instructions from retrieved text and mark it as data in the prompt (in progress)\nReview community answers before they are indexed (planned)",
			"2.2, 5.4.1, 9.1"},
		{unownedName, "R-004", "Unowned risk", "open", "treat", "4", "Low", "", "", "", "", ""},
	}
	if len(rs) != len(want)+1 {
		t.Fatalf("rows: got %d, want %d", len(rs)-1, len(want))
	}
	for i, w := range want {
		for j := range w {
			if got := cell(rs[i+1], j); got != w[j] {
				t.Errorf("row %d %s: got %q, want %q", i+2, actionColumns[j].Header, got, w[j])
			}
		}
	}
	assertTables(t, f, sheetActions, "ActionsTable")
	assertFrozen(t, f, sheetActions, 1)
	assertLandscape(t, f, sheetActions)
}

func TestActionsSheetFormats(t *testing.T) {
	f := open(t, exportBytes(t, workshopProject(t), nil, Options{Now: workshopTime}))
	formats, err := f.GetConditionalFormats(sheetActions)
	if err != nil {
		t.Fatal(err)
	}
	col := func(h string) string { return colName(columnIndex(actionColumns, h)) }
	tests := []struct {
		name, ref, criteria string
		count               int
	}{
		{"band colours on score and rating", col(colActionScore) + "2:" + colName(columnIndex(actionColumns, colActionScore)+1) + "4", "ISNUMBER", 4},
		{"overdue flag", col(colActionOverdue) + "2:" + col(colActionOverdue) + "4", "", 1},
		{"overdue due dates", col(colActionDue) + "2:" + col(colActionDue) + "4", `="Yes"`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts, ok := formats[tt.ref]
			if !ok || len(opts) != tt.count {
				t.Fatalf("formats on %s: got %d (%v), want %d; all: %v", tt.ref, len(opts), ok, tt.count, formats)
			}
			if !strings.Contains(opts[0].Criteria, tt.criteria) {
				t.Errorf("criteria: got %q, want it to contain %q", opts[0].Criteria, tt.criteria)
			}
		})
	}
}

func TestActionsSheetEmpty(t *testing.T) {
	p := loadSample(t)
	p.Risks = nil
	rs := rows(t, open(t, exportBytes(t, p, nil, Options{})), sheetActions)
	if len(rs) != 1 {
		t.Errorf("rows: got %d, want the header only", len(rs))
	}
}

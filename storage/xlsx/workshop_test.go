package xlsx

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"airisk/model"
	"airisk/threats"
)

// workshopTime is the export time of the workshop tests: after R-002's
// due date (2026-11-30), before R-001's (2026-12-15).
var workshopTime = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

// workshopProject is the sample with two workshops (one ended, one still
// running) and an unowned risk.
func workshopProject(t testing.TB) *model.Project {
	t.Helper()
	p := loadSample(t)
	t0 := time.Date(2026, 11, 21, 14, 0, 0, 0, time.UTC)
	p.Workshops = []model.Workshop{
		{ID: "W-001", Title: "Design review", Facilitator: "Ana", Attendees: []string{"Ana", "Ben"},
			Started: t0, Ended: t0.Add(2*time.Hour + 5*time.Minute), Agenda: []string{"chat-app", "agent"},
			Decided:      []string{"AIT-044@chat-app", "AIT-063@agent", "AIT-049@chat-app"},
			RisksCreated: []string{"R-001", "R-002"}, RisksChanged: []string{"R-003"},
			Parking: []model.ParkingItem{
				{Text: "Who reviews community answers?", Element: "chat-app", Owner: "Ben", Raised: t0.Add(30 * time.Minute)},
				{Text: "Is the refund cap per day?", Raised: t0.Add(time.Hour), Done: true},
			},
			Notes: "Good session.", SnapshotBefore: "s1", SnapshotAfter: "s2"},
		{ID: "W-002", Title: "Follow-up", Attendees: []string{"Ana"}, Started: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC),
			Parking: []model.ParkingItem{{Text: "Check the logs retention", Element: "logs", Raised: time.Date(2026, 12, 1, 9, 10, 0, 0, time.UTC)}}},
	}
	p.Risks = append(p.Risks, model.Risk{ID: "R-004", Title: "Unowned risk", Likelihood: 2, Impact: 2,
		Treatment: model.TreatmentTreat, Status: model.RiskOpen, Controls: []model.Control{}})
	if err := p.Validate(); err != nil {
		t.Fatalf("test project: %v", err)
	}
	return p
}

// findRow returns the index of the first row whose first cell is first.
func findRow(t testing.TB, rs [][]string, first string) int {
	t.Helper()
	for i, r := range rs {
		if len(r) > 0 && r[0] == first {
			return i
		}
	}
	t.Fatalf("no row starts with %q", first)
	return -1
}

// cell returns row[i], "" past its end.
func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func TestWorkshopLogSheet(t *testing.T) {
	f := open(t, exportBytes(t, workshopProject(t), nil, Options{Now: workshopTime}))
	rs := rows(t, f, sheetWorkshops)
	if len(rs) < workshopHead+2 || !slices.Equal(rs[workshopHead-1], headers(workshopColumns)) {
		t.Fatalf("row %d: got %q, want the workshop headings", workshopHead, rs[min(workshopHead-1, len(rs)-1)])
	}
	tests := []struct {
		name string
		row  []string
		want []string
	}{
		{"ended workshop", rs[workshopHead], []string{"W-001", "Design review", "2026-11-21", "14:00", "16:05", "2 h 05 min", "Ana", "Ana, Ben",
			"3", "AIT-044@chat-app, AIT-063@agent, AIT-049@chat-app", "R-001, R-002", "R-003", "2", "Good session."}},
		{"running workshop", rs[workshopHead+1], []string{"W-002", "Follow-up", "2026-12-01", "09:00", "", "30 min so far", "", "Ana",
			"0", "", "", "", "1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, want := range tt.want {
				if got := cell(tt.row, i); got != want {
					t.Errorf("%s: got %q, want %q", workshopColumns[i].Header, got, want)
				}
			}
		})
	}
	t.Run("parking lot", func(t *testing.T) {
		at := findRow(t, rs, "Parking lot (3)")
		if !slices.Equal(rs[at+1], headers(parkingColumns)) {
			t.Errorf("parking headings: got %q, want %q", rs[at+1], headers(parkingColumns))
		}
		want := [][]string{
			{"W-001", "Who reviews community answers?", "Support chat service", "Ben", "2026-11-21 14:30", "No"},
			{"W-001", "Is the refund cap per day?", "", "", "2026-11-21 15:00", "Yes"},
			{"W-002", "Check the logs retention", "Chat logs and monitoring", "", "2026-12-01 09:10", "No"},
		}
		for i, w := range want {
			got := rs[at+2+i]
			for j := range w {
				if cell(got, j) != w[j] {
					t.Errorf("item %d %s: got %q, want %q", i+1, parkingColumns[j].Header, cell(got, j), w[j])
				}
			}
		}
	})
	assertTables(t, f, sheetWorkshops, "WorkshopLog", "ParkingLot")
	assertFrozen(t, f, sheetWorkshops, workshopHead)
	assertLandscape(t, f, sheetWorkshops)
}

func TestWorkshopLogWithoutWorkshops(t *testing.T) {
	f := open(t, exportBytes(t, loadSample(t), nil, Options{}))
	if v, _ := f.GetCellValue(sheetWorkshops, "A2"); !strings.Contains(v, "No workshop has been run") {
		t.Errorf("A2: got %q, want a sentence saying no workshop was run", v)
	}
	if tables, _ := f.GetTables(sheetWorkshops); len(tables) != 0 {
		t.Errorf("tables: got %d, want none", len(tables))
	}
}

func TestWorkshopLogWithoutParking(t *testing.T) {
	p := workshopProject(t)
	for i := range p.Workshops {
		p.Workshops[i].Parking = nil
	}
	rs := rows(t, open(t, exportBytes(t, p, nil, Options{Now: workshopTime})), sheetWorkshops)
	at := findRow(t, rs, "Parking lot (0)")
	if got := cell(rs[at+1], 0); !strings.Contains(got, "No question was parked") {
		t.Errorf("under the parking lot: got %q, want a sentence saying nothing was parked", got)
	}
}

func TestDurationText(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0 min"}, {45 * time.Minute, "45 min"}, {59*time.Minute + 40*time.Second, "1 h 00 min"},
		{2*time.Hour + 5*time.Minute, "2 h 05 min"}, {26 * time.Hour, "26 h 00 min"},
	}
	for _, tt := range tests {
		if got := durationText(tt.d); got != tt.want {
			t.Errorf("durationText(%v): got %q, want %q", tt.d, got, tt.want)
		}
	}
}

// TestWorkshopSheetsKeepHostileText puts formula-like text everywhere the
// new sheets show project text and checks every such cell stays a string.
func TestWorkshopSheetsKeepHostileText(t *testing.T) {
	p := workshopProject(t)
	w := &p.Workshops[0]
	w.Title, w.Facilitator, w.Notes = hostile[0], hostile[1], hostile[2]
	w.Attendees = []string{hostile[3]}
	w.Parking[0].Text, w.Parking[0].Owner = hostile[4], hostile[5]
	p.Risks[0].Owner, p.Risks[0].Controls[0].Title = hostile[6], hostile[0]
	if err := p.Validate(); err != nil {
		t.Fatalf("test project: %v", err)
	}
	ch := &Changes{Title: hostile[1], Comparison: model.Comparison{
		Elements: model.ItemChanges{Added: []model.Item{{ID: "x", Name: hostile[2]}}},
		Risks:    model.RiskChanges{Created: []model.Item{{ID: "R-009", Name: hostile[3]}}},
	}, FindingsNew: []threats.Finding{{Key: "AIT-001@x", TargetName: hostile[4], TargetKind: threats.TargetElement}}}
	f := open(t, exportBytes(t, p, nil, Options{Now: workshopTime, Changes: ch}))
	found := 0
	for _, sheet := range []string{sheetWorkshops, sheetActions, sheetChanges} {
		for r, row := range rows(t, f, sheet) {
			for c, v := range row {
				ref := cellName(c, r+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					t.Errorf("%s!%s: got formula %q, want none", sheet, ref, formula)
				}
				if !slices.ContainsFunc(hostile, func(h string) bool { return strings.Contains(v, cellText(h)) }) {
					continue
				}
				found++
				if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
					t.Errorf("%s!%s %q: got cell type %v, want a string", sheet, ref, v, typ)
				}
			}
		}
	}
	if found < 11 {
		t.Errorf("hostile strings found as text: got %d, want at least 11", found)
	}
}

func assertTables(t *testing.T, f *excelize.File, sheet string, want ...string) {
	t.Helper()
	tables, err := f.GetTables(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tb := range tables {
		got = append(got, tb.Name)
	}
	for _, name := range want {
		if !slices.Contains(got, name) {
			t.Errorf("%s tables: got %q, want %s among them", sheet, got, name)
		}
	}
}

func assertFrozen(t *testing.T, f *excelize.File, sheet string, rows int) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != rows {
		t.Errorf("%s panes: got %+v (%v), want the first %d rows frozen", sheet, panes, err, rows)
	}
}

func assertLandscape(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("%s page layout: got %+v (%v), want A4 landscape", sheet, layout, err)
	}
}

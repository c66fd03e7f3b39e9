package xlsx

import (
	"errors"
	"strings"
	"testing"

	"airisk/model"
)

func TestDiagramPicture(t *testing.T) {
	p := loadSample(t)
	t.Run("picture", func(t *testing.T) {
		f := open(t, exportBytes(t, p, nil, Options{Diagram: testPNG(t, 2000, 1000)}))
		pics, err := f.GetPictures(sheetDiagram, "A4")
		if err != nil || len(pics) != 1 {
			t.Fatalf("pictures: got %d (%v), want 1", len(pics), err)
		}
		if pics[0].Extension != ".png" || pics[0].Format.ScaleX != 0.5 {
			t.Errorf("picture: got %s scaled %v, want .png scaled 0.5", pics[0].Extension, pics[0].Format.ScaleX)
		}
	})
	t.Run("no picture", func(t *testing.T) {
		f := open(t, exportBytes(t, p, nil, Options{}))
		v, _ := f.GetCellValue(sheetDiagram, "A2")
		if !strings.Contains(v, "not provided") {
			t.Errorf("A2: got %q, want a sentence saying the picture was not provided", v)
		}
	})
	t.Run("not a png", func(t *testing.T) {
		err := Export(&strings.Builder{}, p, nil, Options{Diagram: []byte("GIF89a not really")})
		if !errors.Is(err, ErrDiagram) {
			t.Errorf("got %v, want ErrDiagram", err)
		}
	})
}

func TestHeatMapCounts(t *testing.T) {
	p := loadSample(t)
	f := open(t, exportBytes(t, p, nil, Options{}))
	// Inherent grid: impact across columns B..F, likelihood 5..1 down rows
	// 6..10. R-001 is 4x4, R-002 3x4; R-003 (3x3, residual 1x3) is closed
	// and, as in the app and the report, not drawn. Residual grid starts at
	// column H (impact 1 in I): R-001 2x3, R-002 unassessed (3x4).
	tests := []struct {
		cell, want string
	}{
		{"E7", "1"}, {"E8", "1"}, {"D8", ""}, {"B6", ""},
		{"K9", "1"}, {"L8", "1"}, {"K10", ""}, {"A6", "5 Almost certain"}, {"F5", "5 Severe"},
	}
	for _, tt := range tests {
		if got, _ := f.GetCellValue(sheetHeatMap, tt.cell); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.cell, got, tt.want)
		}
	}
	st, _ := f.GetCellStyle(sheetHeatMap, "F6")
	style, err := f.GetStyle(st)
	if err != nil || len(style.Fill.Color) == 0 || style.Fill.Color[0] != bandColours(4)[3] {
		t.Errorf("F6 (5x5): got fill %v, want the top band colour %s", style.Fill.Color, bandColours(4)[3])
	}
}

func TestCodeOfPracticeSheet(t *testing.T) {
	c := catalogue(t)
	if c.Code == nil || len(c.Code.Provisions) == 0 {
		t.Skip("the bundled catalogue has no Code of Practice yet")
	}
	p := loadSample(t)
	f := open(t, exportBytes(t, p, c, Options{}))
	rs := rows(t, f, sheetCode)
	head := -1
	for i, r := range rs {
		if len(r) > 1 && r[0] == "Principle" && r[1] == "UK ID" {
			head = i
		}
	}
	if head < 0 {
		t.Fatal("no provisions header row")
	}
	if got, want := len(rs)-head-1, len(c.Code.Provisions); got != want {
		t.Errorf("provision rows: got %d, want %d", got, want)
	}
	if want := 72; len(c.Code.Provisions) != want {
		t.Errorf("bundled provisions: got %d, want %d", len(c.Code.Provisions), want)
	}
	found := false
	for _, r := range rs[head+1:] {
		if r[1] == "2.2" {
			found = true
			if len(r) < 11 || !strings.Contains(r[8], "R-001") || r[10] != "Yes" {
				t.Errorf("provision 2.2: got %q, want controls of R-001 and Addressed Yes", r)
			}
		}
	}
	if !found {
		t.Error("provision 2.2 not listed")
	}
	tables, _ := f.GetTables(sheetCode)
	if len(tables) != 2 {
		t.Errorf("tables: got %d, want 2 (coverage per principle, provisions)", len(tables))
	}
}

func TestFindingsSheet(t *testing.T) {
	c := catalogue(t)
	p := loadSample(t)
	p.Decisions = append(p.Decisions, model.Decision{Finding: "AIT-999@llm", Status: model.DecisionDismissed, Reason: "Not used"})
	f := open(t, exportBytes(t, p, c, Options{}))
	rs := rows(t, f, sheetFindings)
	status := map[string]string{}
	for _, r := range rs[1:] {
		status[r[0]] = r[5]
	}
	tests := []struct{ key, want string }{
		{"AIT-044@chat-app", "accepted"},
		{"AIT-999@llm", "stale: dismissed"},
	}
	for _, tt := range tests {
		if got := status[tt.key]; got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.key, got, tt.want)
		}
	}
	proposed := 0
	for _, s := range status {
		if s == "proposed" {
			proposed++
		}
	}
	if proposed == 0 {
		t.Error("no proposed findings listed")
	}
}

func TestLibraryStakeholderColumns(t *testing.T) {
	c := catalogue(t)
	if c.Code == nil || len(c.Threats) == 0 {
		t.Skip("the bundled catalogue is empty")
	}
	f := open(t, exportBytes(t, loadSample(t), c, Options{}))
	rs := rows(t, f, sheetLibrary)
	dev := columnIndex(libraryColumns, "Developer")
	yes := 0
	for _, r := range rs[1:] {
		if dev < len(r) && r[dev] == "Yes" {
			yes++
		}
	}
	if yes == 0 {
		t.Errorf("developer column: %d of %d threats marked, want some", yes, len(rs)-1)
	}
	t0 := c.Threats[0]
	want := (&exporter{c: c}).stakeholdersOf(t0.Provisions())
	for i, s := range libraryStakeholders {
		col := columnIndex(libraryColumns, stakeholderName(s))
		got := col < len(rs[1]) && rs[1][col] == "Yes"
		if got != want[i] {
			t.Errorf("%s %s: got %v, want %v", t0.ID, s, got, want[i])
		}
	}
}

package xlsx

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"airisk/model"
)

func TestExportSheetsAndHeaders(t *testing.T) {
	p := loadSample(t)
	c := catalogue(t)
	f := open(t, exportBytes(t, p, c, Options{AppVersion: "1.2.3"}))

	if got := f.GetSheetList(); !slices.Equal(got, SheetNames) {
		t.Fatalf("sheets: got %q, want %q", got, SheetNames)
	}
	controls := 0
	for _, r := range p.Risks {
		controls += len(r.Controls)
	}
	tests := []struct {
		sheet   string
		headers []string
		rows    int // data rows under the header
	}{
		{sheetRegister, headers(registerColumns), len(p.Risks)},
		{sheetControls, headers(controlColumns), controls},
		{sheetLibrary, headers(libraryColumns), len(c.Threats)},
		{sheetElements, nil, len(p.Elements)},
		{sheetFlows, nil, len(p.Flows)},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			rs := rows(t, f, tt.sheet)
			if len(rs) != tt.rows+1 {
				t.Errorf("rows: got %d, want %d", len(rs), tt.rows+1)
			}
			if tt.headers != nil && !slices.Equal(rs[0], tt.headers) {
				t.Errorf("headers: got %q, want %q", rs[0], tt.headers)
			}
		})
	}
}

func TestRegisterColumnsInIssueOrder(t *testing.T) {
	want := []string{"risk id", "title", "description", "elements", "threat id", "stride", "phase", "likelihood", "impact",
		"inherent score", "inherent rating", "controls", "control status", "provisions", "residual likelihood",
		"residual impact", "residual score", "residual rating", "above appetite", "treatment", "owner", "status", "due",
		"review", "notes", "references", "last changed (utc)"}
	var got []string
	for _, c := range registerColumns {
		got = append(got, headerKey(c.Header))
	}
	if !slices.Equal(got, want) {
		t.Errorf("register columns: got %q, want %q", got, want)
	}
}

func TestRegisterRowValues(t *testing.T) {
	p := loadSample(t)
	f := open(t, exportBytes(t, p, catalogue(t), Options{}))
	rs := rows(t, f, sheetRegister)
	col := func(row []string, h string) string {
		i := columnIndex(registerColumns, h)
		if i >= len(row) {
			return ""
		}
		return row[i]
	}
	tests := []struct {
		name, id, column, want string
	}{
		{"inherent score", "R-001", colInherent, "16"},
		{"inherent band", "R-001", colInherentBand, "High"},
		{"residual score", "R-001", colResidual, "6"},
		{"residual band", "R-001", colResidualBand, "Medium"},
		{"unassessed residual falls back to inherent", "R-002", colResidual, "12"},
		{"above appetite", "R-002", colAboveAppetite, "Yes"},
		{"within appetite", "R-003", colAboveAppetite, "No"},
		{"control summary is the least advanced", "R-001", string(fieldControlStatus), "planned"},
		{"elements by name", "R-001", colElements, "Support chat service\nHelp-centre vector index"},
		{"controls numbered", "R-003", colControls, "1. Render answers without remote images or auto-loading links"},
		{"provisions sorted", "R-001", colProvisions, "2.2, 5.4.1, 9.1"},
		{"due date shown ISO", "R-001", string(fieldDue), "2026-12-15"},
		{"empty residual", "R-002", string(fieldResidualL), ""},
		{"threat", "R-002", colThreat, "AIT-063"},
	}
	byID := map[string][]string{}
	for _, r := range rs[1:] {
		byID[r[0]] = r
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := col(byID[tt.id], tt.column); got != tt.want {
				t.Errorf("%s %s: got %q, want %q", tt.id, tt.column, got, tt.want)
			}
		})
	}
}

func TestRegisterTableValidationsAndFormats(t *testing.T) {
	p := loadSample(t)
	f := open(t, exportBytes(t, p, catalogue(t), Options{}))

	tables, err := f.GetTables(sheetRegister)
	if err != nil || len(tables) != 1 {
		t.Fatalf("tables: got %d (%v), want 1", len(tables), err)
	}
	if want := "A1:AA4"; tables[0].Range != want {
		t.Errorf("table range: got %s, want %s", tables[0].Range, want)
	}
	if tables[0].ShowRowStripes == nil || !*tables[0].ShowRowStripes {
		t.Error("table rows are not banded")
	}

	dvs, err := f.GetDataValidations(sheetRegister)
	if err != nil {
		t.Fatal(err)
	}
	wantDV := map[string]string{
		"H2:H4": `"1,2,3,4,5"`, "I2:I4": `"1,2,3,4,5"`, "O2:O4": `"1,2,3,4,5"`, "P2:P4": `"1,2,3,4,5"`,
		"T2:T4": `"treat,tolerate,transfer,terminate"`, "V2:V4": `"open,in_progress,accepted,closed"`,
		"M2:M4": `"planned,in_progress,implemented"`,
	}
	got := map[string]string{}
	for _, dv := range dvs {
		got[dv.Sqref] = dv.Formula1
		if dv.Type != "list" {
			t.Errorf("validation %s: type %s, want list", dv.Sqref, dv.Type)
		}
	}
	for ref, formula := range wantDV {
		if got[ref] != formula {
			t.Errorf("validation on %s: got %q, want %q", ref, got[ref], formula)
		}
	}

	cfs, err := f.GetConditionalFormats(sheetRegister)
	if err != nil {
		t.Fatal(err)
	}
	for ref, n := range map[string]int{"J2:K4": 4, "Q2:R4": 4, "S2:S4": 1} {
		if len(cfs[ref]) != n {
			t.Errorf("conditional formats on %s: got %d rules, want %d", ref, len(cfs[ref]), n)
		}
	}
	if c := cfs["J2:K4"]; len(c) > 0 && !strings.Contains(c[0].Criteria, "$J2<=4") {
		t.Errorf("first band rule: got %q, want the Low band up to 4", c[0].Criteria)
	}

	panes, err := f.GetPanes(sheetRegister)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 1 {
		t.Errorf("panes: got %+v (%v), want the header row and id column frozen", panes, err)
	}
}

func TestControlsSheetValidation(t *testing.T) {
	f := open(t, exportBytes(t, loadSample(t), catalogue(t), Options{}))
	dvs, err := f.GetDataValidations(sheetControls)
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != "E2:E5" {
		t.Fatalf("controls validation: got %d (%v), want one on E2:E5", len(dvs), err)
	}
	if tables, _ := f.GetTables(sheetControls); len(tables) != 1 {
		t.Errorf("controls tables: got %d, want 1", len(tables))
	}
}

func TestPageSetup(t *testing.T) {
	f := open(t, exportBytes(t, loadSample(t), catalogue(t), Options{}))
	for _, sheet := range SheetNames {
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
			pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s page layout: got size %v orientation %v fit %v, want A4 (9) landscape 1 page wide",
				sheet, deref(pl.Size), deref(pl.Orientation), deref(pl.FitToWidth))
		}
	}
	names := f.GetDefinedName()
	titles := map[string]string{}
	for _, n := range names {
		if n.Name == "_xlnm.Print_Titles" {
			titles[n.Scope] = n.RefersTo
		}
	}
	if want := "'Register'!$1:$1"; titles[sheetRegister] != want {
		t.Errorf("register print titles: got %q, want %q", titles[sheetRegister], want)
	}
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestHostileStringsStayText exports text that looks like formulas
// everywhere text goes and checks that every such cell holds a string
// and no formula.
func TestHostileStringsStayText(t *testing.T) {
	p := bigProject(len(hostile))
	p.Meta.Name = hostile[0]
	for i, h := range hostile {
		r := &p.Risks[i]
		r.Title, r.Description, r.Owner, r.Notes = h, h, h, h
		r.Controls[0].Title = h
	}
	p.Elements[1].Name = hostile[1]
	p.Elements[1].Description = hostile[2]
	p.Flows[0].Name = hostile[3]
	p.Flows[0].Description = hostile[4]
	if err := p.Validate(); err != nil {
		t.Fatalf("test project: %v", err)
	}
	f := open(t, exportBytes(t, p, catalogue(t), Options{}))
	formulaCols := map[string]bool{}
	for _, h := range []string{colInherent, colInherentBand, colResidual, colResidualBand, colAboveAppetite} {
		formulaCols[colName(columnIndex(registerColumns, h))] = true
	}
	found := 0
	for _, sheet := range SheetNames {
		for r, row := range rows(t, f, sheet) {
			for c, v := range row {
				cell := cellName(c, r+1)
				formula, err := f.GetCellFormula(sheet, cell)
				if err != nil {
					t.Fatal(err)
				}
				if sheet == sheetRegister && formulaCols[colName(c)] && r > 0 {
					continue
				}
				if formula != "" {
					t.Errorf("%s!%s: got formula %q, want none", sheet, cell, formula)
				}
				if !slices.Contains(hostile, v) && !strings.Contains(v, hostile[0]) {
					continue
				}
				found++
				typ, _ := f.GetCellType(sheet, cell)
				if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
					t.Errorf("%s!%s %q: got cell type %v, want a string", sheet, cell, v, typ)
				}
			}
		}
	}
	if want := 6*len(hostile) + 4; found < want {
		t.Errorf("hostile strings found as text: got %d, want at least %d", found, want)
	}
}

func TestExportEmptyProject(t *testing.T) {
	p := &model.Project{Meta: model.ProjectMeta{ID: "empty", Name: "Empty"}}
	f := open(t, exportBytes(t, p, nil, Options{}))
	if rs := rows(t, f, sheetRegister); len(rs) != 1 {
		t.Errorf("register rows: got %d, want the header only", len(rs))
	}
	if tables, _ := f.GetTables(sheetRegister); len(tables) != 1 {
		t.Errorf("register tables: got %d, want 1", len(tables))
	}
	if dvs, _ := f.GetDataValidations(sheetRegister); len(dvs) != 7 {
		t.Errorf("register validations: got %d, want 7", len(dvs))
	}
}

func TestExportCustomScoring(t *testing.T) {
	p := loadSample(t)
	p.Scoring = &model.Scoring{
		LikelihoodLabels: []string{"L1", "L2", "L3", "L4", "L5"}, ImpactLabels: []string{"I1", "I2", "I3", "I4", "I5"},
		Bands:    []model.Band{{Name: `Say "ok"`, Max: 6}, {Name: "Act", Max: 25}},
		Appetite: 12,
	}
	f := open(t, exportBytes(t, p, nil, Options{}))
	formula, _ := f.GetCellFormula(sheetRegister, "K2")
	if !strings.Contains(formula, `"Say ""ok"""`) {
		t.Errorf("rating formula: got %q, want the band name quoted", formula)
	}
	if v, _ := f.GetCellValue(sheetRegister, "K2"); v != "Act" {
		t.Errorf("K2: got %q, want Act", v)
	}
	if v, _ := f.GetCellValue(sheetRegister, "S3"); v != "No" {
		t.Errorf("S3 (12 against appetite 12): got %q, want No", v)
	}
	cfs, _ := f.GetConditionalFormats(sheetRegister)
	if len(cfs["J2:K4"]) != 2 {
		t.Errorf("band rules: got %d, want 2", len(cfs["J2:K4"]))
	}
	if v, _ := f.GetCellValue(sheetHeatMap, "A6"); v != "5 L5" {
		t.Errorf("heat map axis: got %q, want %q", v, "5 L5")
	}
}

func TestProgress(t *testing.T) {
	p := bigProject(1200)
	var calls [][2]int
	exportBytes(t, p, catalogue(t), Options{Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }})
	if len(calls) < 2 || len(calls) > 120 {
		t.Fatalf("progress calls: got %d, want between 2 and 120", len(calls))
	}
	last := calls[len(calls)-1]
	if last[0] != last[1] {
		t.Errorf("last call: got %v, want done == total", last)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] || calls[i][1] != last[1] {
			t.Fatalf("progress not monotonic: %v after %v", calls[i], calls[i-1])
		}
	}
}

func TestBandColours(t *testing.T) {
	tests := []struct {
		n    int
		want []string
	}{
		{1, []string{"A9D08E"}},
		{2, []string{"A9D08E", "FF7C80"}},
		{4, []string{"A9D08E", "FFE699", "F4B183", "FF7C80"}},
	}
	for _, tt := range tests {
		if got := bandColours(tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("bandColours(%d): got %v, want %v", tt.n, got, tt.want)
		}
	}
	if got := bandColours(7); len(got) != 7 || got[0] != "A9D08E" || got[6] != "FF7C80" {
		t.Errorf("bandColours(7): got %v, want 7 colours from green to red", got)
	}
}

func TestEstimateLines(t *testing.T) {
	tests := []struct {
		name  string
		s     string
		width float64
		want  int
	}{
		{"empty", "", 10, 1},
		{"fits", "short", 10, 1},
		{"two paragraphs", "a\nb", 10, 2},
		{"wraps at words", "aaaa bbbb cccc", 9, 2},
		{"long word", strings.Repeat("x", 25), 10, 3},
	}
	for _, tt := range tests {
		if got := estimateLines(tt.s, tt.width); got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}
}

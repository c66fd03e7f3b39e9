package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"airisk/model"
)

// sheetEditor edits an exported workbook the way a reviewer would.
type sheetEditor struct {
	t testing.TB
	f *excelize.File
}

func newEditor(t testing.TB, data []byte) *sheetEditor {
	return &sheetEditor{t: t, f: open(t, data)}
}

// rowOf finds the row of a risk id (and control number on Controls).
func (e *sheetEditor) rowOf(sheet, id string, control int) int {
	e.t.Helper()
	for i, r := range rows(e.t, e.f, sheet) {
		if len(r) > 0 && r[0] == id && (control == 0 || (len(r) > 2 && r[2] == fmt.Sprint(control))) {
			return i + 1
		}
	}
	e.t.Fatalf("%s has no row for %s %d", sheet, id, control)
	return 0
}

// set writes v under heading h in the row of id.
func (e *sheetEditor) set(sheet, id string, control int, h string, v any) {
	e.t.Helper()
	cols := registerColumns
	if sheet == sheetControls {
		cols = controlColumns
	}
	cell := cellName(columnIndex(cols, h), e.rowOf(sheet, id, control))
	if err := e.f.SetCellValue(sheet, cell, v); err != nil {
		e.t.Fatalf("set %s!%s: %v", sheet, cell, err)
	}
}

func (e *sheetEditor) bytes() []byte { return saved(e.t, e.f) }

func readChanges(t testing.TB, data []byte, p *model.Project) (*ImportReport, model.Change) {
	t.Helper()
	rep, ch, err := ReadChanges(bytes.NewReader(data), p)
	if err != nil {
		t.Fatalf("ReadChanges: %v", err)
	}
	return rep, ch
}

func TestReadChangesUnchangedWorkbook(t *testing.T) {
	p := loadSample(t)
	rep, ch := readChanges(t, exportBytes(t, p, catalogue(t), Options{}), p)
	if len(rep.Changes)+len(rep.Problems)+len(rep.Unknown)+len(rep.Missing)+len(rep.Ignored) != 0 {
		t.Errorf("report of an untouched workbook: got %+v, want it empty", rep)
	}
	if len(ch.Ops) != 0 {
		t.Errorf("change: got %d ops, want none", len(ch.Ops))
	}
}

func TestReadChangesRoundTrip(t *testing.T) {
	p := loadSample(t)
	e := newEditor(t, exportBytes(t, p, catalogue(t), Options{}))
	e.set(sheetRegister, "R-001", 0, string(fieldOwner), "Alice Smith")
	e.set(sheetRegister, "R-001", 0, string(fieldLikelihood), 5)
	e.set(sheetRegister, "R-002", 0, string(fieldResidualL), 2)
	e.set(sheetRegister, "R-002", 0, string(fieldResidualI), "2")
	e.set(sheetRegister, "R-002", 0, string(fieldDue), time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC))
	e.set(sheetRegister, "R-002", 0, string(fieldControlStatus), "in_progress")
	e.set(sheetRegister, "R-003", 0, string(fieldImpact), "Major")
	e.set(sheetRegister, "R-003", 0, string(fieldTreatment), "Tolerate")
	e.set(sheetRegister, "R-003", 0, string(fieldStatus), "In progress")
	e.set(sheetRegister, "R-003", 0, string(fieldReview), "2027-04-01")
	e.set(sheetRegister, "R-003", 0, string(fieldNotes), "=Reopened after the pen test")
	e.set(sheetRegister, "R-003", 0, colTitle, "Edited title: read-only, ignored")
	e.set(sheetControls, "R-001", 2, colControlStatus, "implemented")

	rep, ch := readChanges(t, e.bytes(), p)
	want := []CellChange{
		{sheetRegister, "R-001", -1, "Likelihood", "4", "5"},
		{sheetRegister, "R-001", -1, "Owner", "Support platform lead", "Alice Smith"},
		{sheetRegister, "R-002", -1, "Residual likelihood", "", "2"},
		{sheetRegister, "R-002", -1, "Residual impact", "", "2"},
		{sheetRegister, "R-002", -1, "Due", "2026-11-30", "2027-01-15"},
		{sheetRegister, "R-003", -1, "Impact", "3", "4"},
		{sheetRegister, "R-003", -1, "Treatment", "treat", "tolerate"},
		{sheetRegister, "R-003", -1, "Status", "closed", "in_progress"},
		{sheetRegister, "R-003", -1, "Review", "2027-05-01", "2027-04-01"},
		{sheetRegister, "R-003", -1, "Notes", "Fixed in widget release 4.2.", "=Reopened after the pen test"},
		{sheetControls, "R-001", 2, "Control status", "planned", "implemented"},
		{sheetRegister, "R-002", 1, "Control status", "planned", "in_progress"},
	}
	if !slices.Equal(rep.Changes, want) {
		t.Errorf("changes:\n got %v\nwant %v", rep.Changes, want)
	}
	if !rep.OK() || len(rep.Unknown)+len(rep.Missing) != 0 {
		t.Errorf("report: got problems %v, unknown %v, missing %v, want none", rep.Problems, rep.Unknown, rep.Missing)
	}
	if len(ch.Ops) != 3 || ch.Summary == "" {
		t.Fatalf("change: got %d ops (%q), want 3 PutRisk ops with a summary", len(ch.Ops), ch.Summary)
	}
	checkRoundTripApplied(t, p, ch)
}

// checkRoundTripApplied applies the round trip's change to a copy of p and
// checks the edited risks.
func checkRoundTripApplied(t *testing.T, p *model.Project, ch model.Change) {
	t.Helper()
	applied := p.Clone()
	if _, err := applied.Apply(ch); err != nil {
		t.Fatalf("apply: %v", err)
	}
	r1, _ := applied.Risk("R-001")
	r2, _ := applied.Risk("R-002")
	r3, _ := applied.Risk("R-003")
	checks := []struct {
		name      string
		got, want any
	}{
		{"R-001 owner", r1.Owner, "Alice Smith"},
		{"R-001 likelihood", r1.Likelihood, 5},
		{"R-001 control 2", r1.Controls[1].Status, model.ControlImplemented},
		{"R-001 title untouched", r1.Title, "Prompt injection through retrieved community answers"},
		{"R-002 residual", [2]int{r2.ResidualLikelihood, r2.ResidualImpact}, [2]int{2, 2}},
		{"R-002 due", r2.Due, "2027-01-15"},
		{"R-002 control", r2.Controls[0].Status, model.ControlInProgress},
		{"R-003 impact", r3.Impact, 4},
		{"R-003 status", r3.Status, model.RiskInProgress},
		{"R-003 notes", r3.Notes, "=Reopened after the pen test"},
		{"R-003 title untouched", r3.Title, "Data leak through images in rendered answers"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	if orig, _ := p.Risk("R-001"); orig.Owner != "Support platform lead" {
		t.Errorf("ReadChanges changed the project: R-001 owner is %q", orig.Owner)
	}
}

func TestReadChangesProblems(t *testing.T) {
	p := loadSample(t)
	base := exportBytes(t, p, nil, Options{})
	tests := []struct {
		name         string
		sheet, id    string
		control      int
		column       string
		value        any
		wantColumn   string
		wantInReason string
	}{
		{"likelihood out of range", sheetRegister, "R-001", 0, string(fieldLikelihood), 7, "Likelihood", "1 to 5"},
		{"likelihood not a number", sheetRegister, "R-001", 0, string(fieldLikelihood), "high-ish", "Likelihood", "1 to 5"},
		{"likelihood fraction", sheetRegister, "R-001", 0, string(fieldLikelihood), 2.5, "Likelihood", "whole number"},
		{"impact emptied", sheetRegister, "R-002", 0, string(fieldImpact), "", "Impact", "empty"},
		{"residual half set", sheetRegister, "R-002", 0, string(fieldResidualL), 2, "Residual impact", "together"},
		{"residual half cleared", sheetRegister, "R-001", 0, string(fieldResidualI), "", "Residual impact", "together"},
		{"treatment unknown", sheetRegister, "R-001", 0, string(fieldTreatment), "ignore", "Treatment", "treat, tolerate"},
		{"status unknown", sheetRegister, "R-001", 0, string(fieldStatus), "done", "Status", "open, in_progress"},
		{"ambiguous date", sheetRegister, "R-001", 0, string(fieldDue), "03/04/2027", "Due", "YYYY-MM-DD"},
		{"impossible date", sheetRegister, "R-001", 0, string(fieldReview), "2027-02-30", "Review", "YYYY-MM-DD"},
		{"owner too long", sheetRegister, "R-001", 0, string(fieldOwner), strings.Repeat("x", model.MaxNameLength+1), "Owner", "longer"},
		{"control status unknown", sheetControls, "R-001", 1, colControlStatus, "finished", "Status", "planned"},
		{"control status emptied", sheetControls, "R-001", 1, colControlStatus, "", "Status", "empty"},
		{"control number not a number", sheetControls, "R-001", 1, colControlNumber, "first", "Control #", "number"},
		{"summary on a risk with two controls", sheetRegister, "R-001", 0, string(fieldControlStatus), "implemented", "Control status", "Controls sheet"},
		{"summary not a status", sheetRegister, "R-003", 0, string(fieldControlStatus), "done", "Control status", "planned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEditor(t, base)
			e.set(sheetRegister, "R-003", 0, string(fieldOwner), "A valid edit elsewhere")
			e.set(tt.sheet, tt.id, tt.control, tt.column, tt.value)
			rep, ch := readChanges(t, e.bytes(), p)
			if len(ch.Ops) != 0 {
				t.Errorf("change: got %d ops, want none while there are problems", len(ch.Ops))
			}
			if len(rep.Problems) != 1 {
				t.Fatalf("problems: got %v, want one", rep.Problems)
			}
			pr := rep.Problems[0]
			if pr.Column != tt.wantColumn || !strings.Contains(pr.Reason, tt.wantInReason) || pr.Row < 2 || pr.Sheet != tt.sheet {
				t.Errorf("problem: got %s (sheet %s row %d column %q), want %s column %q with %q in the reason",
					pr, pr.Sheet, pr.Row, pr.Column, tt.sheet, tt.wantColumn, tt.wantInReason)
			}
		})
	}
}

func TestReadChangesConflictingControlStatus(t *testing.T) {
	p := loadSample(t)
	e := newEditor(t, exportBytes(t, p, nil, Options{}))
	e.set(sheetRegister, "R-002", 0, string(fieldControlStatus), "implemented")
	e.set(sheetControls, "R-002", 1, colControlStatus, "in_progress")
	rep, ch := readChanges(t, e.bytes(), p)
	if len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Reason, "Controls sheet sets this control to in_progress") {
		t.Errorf("problems: got %v, want the conflict", rep.Problems)
	}
	if len(ch.Ops) != 0 {
		t.Errorf("change: got %d ops, want none", len(ch.Ops))
	}

	e = newEditor(t, exportBytes(t, p, nil, Options{}))
	e.set(sheetRegister, "R-002", 0, string(fieldControlStatus), "implemented")
	e.set(sheetControls, "R-002", 1, colControlStatus, "implemented")
	rep, _ = readChanges(t, e.bytes(), p)
	if !rep.OK() || len(rep.Changes) != 1 || rep.Changes[0].Sheet != sheetControls {
		t.Errorf("agreeing edits: got changes %v problems %v, want the one change from the Controls sheet", rep.Changes, rep.Problems)
	}
}

func TestReadChangesUnknownAndMissing(t *testing.T) {
	p := loadSample(t)
	e := newEditor(t, exportBytes(t, p, catalogue(t), Options{}))
	e.set(sheetRegister, "R-003", 0, string(fieldOwner), "New owner")
	if err := e.f.RemoveRow(sheetRegister, e.rowOf(sheetRegister, "R-002", 0)); err != nil {
		t.Fatal(err)
	}
	last := len(rows(t, e.f, sheetRegister)) + 1
	must(t, e.f.SetSheetRow(sheetRegister, cellName(0, last), &[]any{"R-999", "A risk added in Excel"}))
	must(t, e.f.SetSheetRow(sheetRegister, cellName(0, last+1), &[]any{nil, "A note without an id"}))
	ctl := len(rows(t, e.f, sheetControls)) + 1
	must(t, e.f.SetSheetRow(sheetControls, cellName(0, ctl), &[]any{"R-003", "x", 2, "A new control", "planned"}))

	rep, ch := readChanges(t, e.bytes(), p)
	if want := []string{"R-999", fmt.Sprintf("Register row %d has no Risk ID", last+1), "R-003 control 2"}; !slices.Equal(rep.Unknown, want) {
		t.Errorf("unknown: got %q, want %q", rep.Unknown, want)
	}
	if want := []string{"R-002"}; !slices.Equal(rep.Missing, want) {
		t.Errorf("missing: got %q, want %q", rep.Missing, want)
	}
	if !rep.OK() || len(ch.Ops) != 1 || ch.Ops[0].Risk.Owner != "New owner" {
		t.Errorf("change: got %d ops, problems %v, want the owner edit alone", len(ch.Ops), rep.Problems)
	}
}

func TestReadChangesDuplicateRow(t *testing.T) {
	p := loadSample(t)
	e := newEditor(t, exportBytes(t, p, nil, Options{}))
	must(t, e.f.SetCellValue(sheetRegister, cellName(0, e.rowOf(sheetRegister, "R-003", 0)), "R-001"))
	rep, ch := readChanges(t, e.bytes(), p)
	if len(rep.Problems) != 1 || rep.Problems[0].Column != colRiskID || len(ch.Ops) != 0 {
		t.Errorf("got problems %v and %d ops, want one Risk ID problem and no ops", rep.Problems, len(ch.Ops))
	}
}

func TestReadChangesMovedColumnsAndTitleRow(t *testing.T) {
	p := loadSample(t)
	e := newEditor(t, exportBytes(t, p, nil, Options{}))
	must(t, e.f.RemoveCol(sheetRegister, "C"))
	must(t, e.f.InsertRows(sheetRegister, 1, 2))
	must(t, e.f.SetCellValue(sheetRegister, "A1", "Reviewed register, November"))
	must(t, e.f.SetCellValue(sheetRegister, cellName(columnIndex(registerColumns, string(fieldOwner))-1, 4), "Moved owner"))
	rep, _ := readChanges(t, e.bytes(), p)
	want := []CellChange{{sheetRegister, "R-001", -1, "Owner", "Support platform lead", "Moved owner"}}
	if !slices.Equal(rep.Changes, want) || !rep.OK() {
		t.Errorf("got changes %v problems %v, want %v", rep.Changes, rep.Problems, want)
	}
}

func TestReadChangesMissingColumnsAndSheets(t *testing.T) {
	p := loadSample(t)
	e := newEditor(t, exportBytes(t, p, nil, Options{}))
	must(t, e.f.RemoveCol(sheetRegister, colName(columnIndex(registerColumns, string(fieldNotes)))))
	must(t, e.f.DeleteSheet(sheetControls))
	rep, ch := readChanges(t, e.bytes(), p)
	if len(rep.Ignored) != 2 || !strings.Contains(rep.Ignored[0], "Notes") || !strings.Contains(rep.Ignored[1], "Controls") {
		t.Errorf("ignored: got %q, want the Notes column and the Controls sheet", rep.Ignored)
	}
	if !rep.OK() || len(ch.Ops) != 0 || len(rep.Missing) != 0 {
		t.Errorf("got problems %v, missing %v, %d ops; want none", rep.Problems, rep.Missing, len(ch.Ops))
	}
}

func TestReadChangesUnreadable(t *testing.T) {
	p := loadSample(t)
	noRegister := excelize.NewFile()
	defer noRegister.Close()
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrNotWorkbook},
		{"text", []byte("Risk ID,Owner\nR-001,Alice\n"), ErrNotWorkbook},
		{"no register", saved(t, noRegister), ErrNoRegister},
		{"truncated", exportBytes(t, p, nil, Options{})[:2000], ErrNotWorkbook},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, ch, err := ReadChanges(bytes.NewReader(tt.data), p)
			if !errors.Is(err, tt.want) || rep != nil || len(ch.Ops) != 0 {
				t.Errorf("got %v (report %v, %d ops), want %v", err, rep, len(ch.Ops), tt.want)
			}
		})
	}
}

// endless is a reader that never ends.
type endless struct{}

func (endless) Read(b []byte) (int, error) { return len(b), nil }

func TestReadChangesTooLarge(t *testing.T) {
	_, _, err := ReadChanges(endless{}, loadSample(t))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("got %v, want ErrTooLarge", err)
	}
}

func TestReadChangesBigRegister(t *testing.T) {
	p := bigProject(300)
	e := newEditor(t, exportBytes(t, p, nil, Options{}))
	e.set(sheetRegister, "R-000299", 0, string(fieldStatus), "closed")
	rep, ch := readChanges(t, e.bytes(), p)
	if !rep.OK() || len(rep.Changes) != 1 || len(ch.Ops) != 1 || ch.Ops[0].ID != "R-000299" {
		t.Errorf("got changes %v problems %v, want the one status change", rep.Changes, rep.Problems)
	}
}

func TestReadChangesKeepsWhatCellsCannotHold(t *testing.T) {
	p := loadSample(t)
	r := &p.Risks[0]
	r.Notes = "line one\r\nline two \x01 with a control character"
	r.Owner = "  Padded owner  "
	rep, ch := readChanges(t, exportBytes(t, p, nil, Options{}), p)
	if len(rep.Changes) != 0 || len(ch.Ops) != 0 {
		t.Errorf("changes: got %v, want none for text the cells hold differently", rep.Changes)
	}
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestReadChangesZipBomb(t *testing.T) {
	// A part declaring more than the in-memory limit, as a bomb would; the
	// check reads the declared sizes, so the data itself can be short.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/styles.xml", Method: zip.Store,
		CompressedSize64: 4, UncompressedSize64: inMemoryLimit + 1})
	must(t, err)
	_, err = w.Write([]byte("<a/>"))
	must(t, err)
	must(t, zw.Close())
	_, _, err = ReadChanges(&buf, loadSample(t))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("got %v, want ErrTooLarge", err)
	}
}

package xlsx

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// libreOffice finds soffice, or skips the test with a message.
func libreOffice(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("LibreOffice round trips are slow; skipped with -short")
	}
	for _, name := range []string{"soffice", "libreoffice"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skip("LibreOffice is not installed (apt-get install libreoffice-calc); the LibreOffice round trip is not tested")
	return ""
}

// throughLibreOffice opens each workbook in LibreOffice and saves it again
// as .xlsx, as a reviewer using LibreOffice would, and returns the saved
// files in the same order.
func throughLibreOffice(t *testing.T, soffice string, workbooks map[string][]byte) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	must(t, os.MkdirAll(in, 0o755))
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out}
	for name, data := range workbooks {
		path := filepath.Join(in, name+".xlsx")
		must(t, os.WriteFile(path, data, 0o644))
		args = append(args, path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, args...)
	if outText, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, outText)
	}
	saved := map[string][]byte{}
	for name := range workbooks {
		data, err := os.ReadFile(filepath.Join(out, name+".xlsx"))
		if err != nil {
			t.Fatalf("LibreOffice did not save %s: %v", name, err)
		}
		saved[name] = data
	}
	return saved
}

func TestReadChangesAfterLibreOffice(t *testing.T) {
	soffice := libreOffice(t)
	p := loadSample(t)
	p.Risks[2].Notes = "Two lines\nof notes"
	p.Risks[2].Updated = exportTime.Add(-time.Hour)
	exported := exportBytes(t, p, catalogue(t), Options{Diagram: testPNG(t, 400, 300)})
	e := newEditor(t, exported)
	e.set(sheetRegister, "R-001", 0, string(fieldOwner), "Alice Smith")
	e.set(sheetRegister, "R-002", 0, string(fieldResidualL), 2)
	e.set(sheetRegister, "R-002", 0, string(fieldResidualI), 2)
	e.set(sheetRegister, "R-002", 0, string(fieldDue), time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC))
	e.set(sheetRegister, "R-003", 0, string(fieldReview), "2027-04-01")
	e.set(sheetRegister, "R-003", 0, string(fieldStatus), "in_progress")
	e.set(sheetControls, "R-001", 2, colControlStatus, "implemented")

	saved := throughLibreOffice(t, soffice, map[string][]byte{"untouched": exported, "reviewed": e.bytes()})

	t.Run("untouched", func(t *testing.T) {
		rep, ch := readChanges(t, saved["untouched"], p)
		if len(rep.Changes)+len(rep.Problems)+len(rep.Unknown)+len(rep.Missing)+len(rep.Ignored) != 0 || len(ch.Ops) != 0 {
			t.Errorf("report after LibreOffice: got %+v, want it empty", rep)
		}
	})
	t.Run("reviewed", func(t *testing.T) {
		rep, ch := readChanges(t, saved["reviewed"], p)
		want := []CellChange{
			{sheetRegister, "R-001", -1, "Owner", "Support platform lead", "Alice Smith"},
			{sheetRegister, "R-002", -1, "Residual likelihood", "", "2"},
			{sheetRegister, "R-002", -1, "Residual impact", "", "2"},
			{sheetRegister, "R-002", -1, "Due", "2026-11-30", "2027-01-15"},
			{sheetRegister, "R-003", -1, "Status", "closed", "in_progress"},
			{sheetRegister, "R-003", -1, "Review", "2027-05-01", "2027-04-01"},
			{sheetControls, "R-001", 2, "Control status", "planned", "implemented"},
		}
		if !slices.Equal(rep.Changes, want) || !rep.OK() {
			t.Errorf("changes after LibreOffice:\n got %v (problems %v)\nwant %v", rep.Changes, rep.Problems, want)
		}
		applied := p.Clone()
		if _, err := applied.Apply(ch); err != nil {
			t.Fatalf("apply: %v", err)
		}
		if r, _ := applied.Risk("R-002"); r.Due != "2027-01-15" || r.ResidualScore() != 4 {
			t.Errorf("R-002 after apply: due %s residual %d, want 2027-01-15 and 4", r.Due, r.ResidualScore())
		}
	})
	t.Run("formulas kept", func(t *testing.T) {
		f := open(t, saved["reviewed"])
		row := newEditor(t, saved["reviewed"]).rowOf(sheetRegister, "R-002", 0)
		for _, h := range []string{colInherent, colInherentBand, colResidual, colResidualBand, colAboveAppetite} {
			cell := cellName(columnIndex(registerColumns, h), row)
			formula, err := f.GetCellFormula(sheetRegister, cell)
			if err != nil || formula == "" {
				t.Errorf("%s (%s) after LibreOffice: got formula %q (%v), want the formula kept", h, cell, formula, err)
			}
		}
		dvs, _ := f.GetDataValidations(sheetRegister)
		if len(dvs) != 7 {
			t.Errorf("validations after LibreOffice: got %d, want 7", len(dvs))
		}
	})
}

package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"airisk/model"
)

// readControls reads the Controls sheet's Status column by risk and
// control number. A workbook without the sheet or the columns leaves the
// control statuses as they are.
func (im *importer) readControls() error {
	t, err := openTable(im.f, sheetControls)
	if err != nil {
		return fmt.Errorf("read workbook: %w", err)
	}
	if t == nil || !t.has(colControlNumber) || !t.has(colControlStatus) {
		im.rep.Ignored = append(im.rep.Ignored, "The workbook has no Controls sheet with Risk ID, Control # and Status columns; control statuses were left as they are, apart from the Register's Control status column.")
		if t != nil {
			t.close()
		}
		return nil
	}
	defer t.close()
	im.readCtl = true
	for {
		cells, ok, err := t.next()
		if err != nil {
			return fmt.Errorf("read workbook: %w", err)
		}
		if !ok {
			return nil
		}
		im.controlRow(t, cells)
	}
}

// controlRow compares one Controls row with its control.
func (im *importer) controlRow(t *table, cells []string) {
	id := strings.TrimSpace(t.get(cells, colRiskID))
	num := strings.TrimSpace(t.get(cells, colControlNumber))
	if id == "" {
		if !blank(cells) {
			im.addUnknown(fmt.Sprintf("%s row %d has no Risk ID", t.sheet, t.row))
		}
		return
	}
	n, ok := controlNumber(num)
	if !ok {
		im.rep.problem(sheetControls, t.row, colControlNumber, num, "must be the control's number: 1 for the risk's first control, 2 for the second...")
		return
	}
	key := controlKey{id, n}
	if prev, dup := im.controlRows[key]; dup {
		im.rep.problem(sheetControls, t.row, colControlNumber, num, fmt.Sprintf("control %d of %s is also on row %d; keep one row per control.", n, id, prev))
		return
	}
	if _, known := im.index[id]; !known {
		im.addUnknown(id)
		return
	}
	if n > len(im.p.Risks[im.index[id]].Controls) {
		im.addUnknown(fmt.Sprintf("%s control %d", id, n))
		return
	}
	im.controlRows[key] = t.row
	im.readControlStatus(t.row, key, t.get(cells, colControlStatus))
}

func controlNumber(s string) (int, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || f < 1 || f > model.MaxControlsPerRisk {
		return 0, false
	}
	return int(f), true
}

func (im *importer) readControlStatus(row int, key controlKey, raw string) {
	st, why := parseEnum(raw, model.ControlStatuses, false)
	if why != "" {
		im.rep.problem(sheetControls, row, colControlStatus, raw, why)
		return
	}
	before := im.risk(key.id).Controls[key.n-1].Status
	if st == before {
		return
	}
	im.edit(key.id).Controls[key.n-1].Status = st
	im.controlSet[key] = st
	im.rep.Changes = append(im.rep.Changes, CellChange{Sheet: sheetControls, RiskID: key.id, Control: key.n,
		Field: string(fieldControlStatus), Before: string(before), After: string(st)})
}

// reconcileControls applies the Register's Control status cells that were
// edited. The cell shows the least advanced status of the risk's
// controls, so it can set a risk's only control; for a risk with several
// controls, each is set on the Controls sheet.
func (im *importer) reconcileControls() {
	for _, rc := range im.regControls {
		orig := &im.p.Risks[im.index[rc.id]]
		if rc.status == controlSummary(orig.Controls) || rc.status == controlSummary(im.risk(rc.id).Controls) {
			continue
		}
		switch {
		case len(orig.Controls) == 0:
			im.rep.problem(sheetRegister, rc.row, string(fieldControlStatus), rc.raw, rc.id+" has no controls; add them in the app, or leave this cell empty.")
		case len(orig.Controls) > 1:
			im.rep.problem(sheetRegister, rc.row, string(fieldControlStatus), rc.raw,
				fmt.Sprintf("%s has %d controls; set the status of each on the Controls sheet.", rc.id, len(orig.Controls)))
		case rc.status == "":
			im.rep.problem(sheetRegister, rc.row, string(fieldControlStatus), rc.raw, "is empty; choose "+joinStrings(model.ControlStatuses, ", ")+".")
		default:
			im.setOnlyControl(rc)
		}
	}
}

func (im *importer) setOnlyControl(rc regControl) {
	key := controlKey{rc.id, 1}
	if other, ok := im.controlSet[key]; ok && other != rc.status {
		im.rep.problem(sheetRegister, rc.row, string(fieldControlStatus), rc.raw,
			fmt.Sprintf("the Controls sheet sets this control to %s (row %d); make the two agree.", other, im.controlRows[key]))
		return
	}
	before := im.p.Risks[im.index[rc.id]].Controls[0].Status
	im.edit(rc.id).Controls[0].Status = rc.status
	im.rep.Changes = append(im.rep.Changes, CellChange{Sheet: sheetRegister, RiskID: rc.id, Control: 1,
		Field: string(fieldControlStatus), Before: string(before), After: string(rc.status)})
}

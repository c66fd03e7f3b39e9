package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"airisk/model"
)

// riskField reads one editable column of the Register: show gives the
// project's value as the workbook shows it, parse reads a cell into that
// form (or a reason it cannot), and set stores the parsed form.
type riskField struct {
	field field
	show  func(r *model.Risk) string
	parse func(im *importer, raw string) (string, string)
	set   func(r *model.Risk, v string)
}

var riskFields = []riskField{
	{fieldLikelihood, func(r *model.Risk) string { return levelText(r.Likelihood) },
		func(im *importer, raw string) (string, string) { return levelField(raw, im.sc.LikelihoodLabels, false) },
		func(r *model.Risk, v string) { r.Likelihood = atoi(v) }},
	{fieldImpact, func(r *model.Risk) string { return levelText(r.Impact) },
		func(im *importer, raw string) (string, string) { return levelField(raw, im.sc.ImpactLabels, false) },
		func(r *model.Risk, v string) { r.Impact = atoi(v) }},
	{fieldResidualL, func(r *model.Risk) string { return levelText(r.ResidualLikelihood) },
		func(im *importer, raw string) (string, string) { return levelField(raw, im.sc.LikelihoodLabels, true) },
		func(r *model.Risk, v string) { r.ResidualLikelihood = atoi(v) }},
	{fieldResidualI, func(r *model.Risk) string { return levelText(r.ResidualImpact) },
		func(im *importer, raw string) (string, string) { return levelField(raw, im.sc.ImpactLabels, true) },
		func(r *model.Risk, v string) { r.ResidualImpact = atoi(v) }},
	{fieldTreatment, func(r *model.Risk) string { return string(r.Treatment) },
		func(_ *importer, raw string) (string, string) { return enumField(raw, model.Treatments) },
		func(r *model.Risk, v string) { r.Treatment = model.Treatment(v) }},
	{fieldOwner, func(r *model.Risk) string { return r.Owner },
		func(_ *importer, raw string) (string, string) { return parseName(raw) },
		func(r *model.Risk, v string) { r.Owner = v }},
	{fieldStatus, func(r *model.Risk) string { return string(r.Status) },
		func(_ *importer, raw string) (string, string) { return enumField(raw, model.RiskStatuses) },
		func(r *model.Risk, v string) { r.Status = model.RiskStatus(v) }},
	{fieldDue, func(r *model.Risk) string { return r.Due },
		func(im *importer, raw string) (string, string) { return parseDate(raw, im.date1904) },
		func(r *model.Risk, v string) { r.Due = v }},
	{fieldReview, func(r *model.Risk) string { return r.Review },
		func(im *importer, raw string) (string, string) { return parseDate(raw, im.date1904) },
		func(r *model.Risk, v string) { r.Review = v }},
	{fieldNotes, func(r *model.Risk) string { return r.Notes },
		func(_ *importer, raw string) (string, string) { return parseText(raw) },
		func(r *model.Risk, v string) { r.Notes = v }},
}

func levelField(raw string, labels []string, optional bool) (string, string) {
	v, why := parseLevel(raw, labels, optional)
	return levelText(v), why
}

func enumField[T ~string](raw string, allowed []T) (string, string) {
	v, why := parseEnum(raw, allowed, false)
	return string(v), why
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// readRegister reads every Register row.
func (im *importer) readRegister() error {
	t, err := openTable(im.f, sheetRegister)
	if err != nil {
		return fmt.Errorf("read workbook: %w", err)
	}
	if t == nil {
		return fmt.Errorf("read workbook: %w", ErrNoRegister)
	}
	defer t.close()
	for _, rf := range riskFields {
		if !t.has(string(rf.field)) {
			im.rep.Ignored = append(im.rep.Ignored, fmt.Sprintf("The Register has no %s column; %s was left as it is.", rf.field, strings.ToLower(string(rf.field))))
		}
	}
	for {
		cells, ok, err := t.next()
		if err != nil {
			return fmt.Errorf("read workbook: %w", err)
		}
		if !ok {
			return nil
		}
		im.registerRow(t, cells)
	}
}

// registerRow compares one Register row with its risk.
func (im *importer) registerRow(t *table, cells []string) {
	id := strings.TrimSpace(t.get(cells, colRiskID))
	if id == "" {
		if !blank(cells) {
			im.addUnknown(fmt.Sprintf("%s row %d has no Risk ID", t.sheet, t.row))
		}
		return
	}
	if prev, dup := im.rows[id]; dup {
		im.rep.problem(sheetRegister, t.row, colRiskID, id, fmt.Sprintf("is also on row %d; keep one row per risk.", prev))
		return
	}
	if _, ok := im.index[id]; !ok {
		im.addUnknown(id)
		return
	}
	im.rows[id] = t.row
	for _, rf := range riskFields {
		if t.has(string(rf.field)) {
			im.readField(t.row, id, rf, t.get(cells, string(rf.field)))
		}
	}
	r := im.risk(id)
	if (r.ResidualLikelihood == 0) != (r.ResidualImpact == 0) {
		im.rep.problem(sheetRegister, t.row, string(fieldResidualI), "", "residual likelihood and residual impact are filled in together, or both left empty while not assessed.")
	}
	if t.has(string(fieldControlStatus)) {
		im.readControlSummary(t.row, id, t.get(cells, string(fieldControlStatus)))
	}
}

// readField compares one editable cell with the risk and records a change.
func (im *importer) readField(row int, id string, rf riskField, raw string) {
	v, why := rf.parse(im, raw)
	if why != "" {
		im.rep.problem(sheetRegister, row, string(rf.field), raw, why)
		return
	}
	before := rf.show(im.risk(id))
	if trimmedEqual(before, v) {
		return
	}
	rf.set(im.edit(id), v)
	im.rep.Changes = append(im.rep.Changes, CellChange{Sheet: sheetRegister, RiskID: id, Control: -1,
		Field: string(rf.field), Before: before, After: v})
}

// readControlSummary keeps the Register's Control status cell for
// reconcileControls, once the Controls sheet has been read.
func (im *importer) readControlSummary(row int, id, raw string) {
	st, why := parseEnum(raw, model.ControlStatuses, true)
	if why != "" {
		im.rep.problem(sheetRegister, row, string(fieldControlStatus), raw, why)
		return
	}
	im.regControls = append(im.regControls, regControl{id: id, row: row, status: st, raw: raw})
}

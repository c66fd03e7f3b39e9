package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"airisk/model"
)

// sheetActions is the sheet of the per-owner action lists.
const sheetActions = "Actions"

// unownedName heads the risks nobody owns yet, as the app does.
const unownedName = "No owner yet"

// The Actions sheet's headings that the extras refer to.
const (
	colActionScore   = "Score"
	colActionDue     = "Due"
	colActionOverdue = "Overdue"
)

// actionColumns are the Actions sheet's columns: one row per risk that is
// not closed, grouped by owner, soonest due first.
var actionColumns = []column{
	{"Owner", 18, "", kindText},
	{colRiskID, 9, "", kindText},
	{colTitle, 32, "", kindText},
	{"Status", 11, "", kindCenter},
	{"Treatment", 10, "", kindCenter},
	{colActionScore, 8, "", kindCenter},
	{"Rating", 10, "", kindCenter},
	{colActionDue, 11, "", kindDate},
	{colActionOverdue, 9, "", kindCenter},
	{"Review", 11, "", kindDate},
	{"Controls to do", 44, "", kindText},
	{colProvisions, 12, "", kindText},
}

// fillActions streams each owner's action list: their risks that are not
// closed and the controls on them not implemented yet.
func (x *exporter) fillActions(s *stream) error {
	row := make([]any, len(actionColumns))
	for _, a := range model.OwnerActions(x.p, x.now) {
		owner := a.Owner
		if owner == "" {
			owner = unownedName
		}
		for _, it := range a.Items {
			controls, provisions := actionControlLines(it.Controls)
			copy(row, []any{text(owner), text(it.RiskID), text(it.RiskTitle), text(string(it.Status)), text(string(it.Treatment)),
				score(it.Score), text(it.Band), excelDate(it.Due), yesBlank(it.Overdue), excelDate(it.Review),
				text(controls), text(provisions)})
			lines := max(estimateLines(owner, 18), estimateLines(it.RiskTitle, 32), estimateLines(controls, 44))
			if err := s.add(row, rowHeight(lines, 10)); err != nil {
				return err
			}
			x.progress.add(1)
		}
	}
	return nil
}

// actionRows counts the Actions sheet's rows, for progress.
func (x *exporter) actionRows() int {
	n := 0
	for _, r := range x.p.Risks {
		if r.Status != model.RiskClosed {
			n++
		}
	}
	return n
}

// actionControlLines lists the controls one a line with their status,
// "Title (planned)", and the union of their provisions.
func actionControlLines(cs []model.ActionControl) (controls, provisions string) {
	out := make([]string, len(cs))
	all := make([]model.Control, len(cs))
	for i, c := range cs {
		out[i] = c.Title + " (" + strings.ReplaceAll(string(c.Status), "_", " ") + ")"
		all[i] = model.Control{Provisions: c.Provisions}
	}
	return lines(out), strings.Join(controlProvisions(all), ", ")
}

// actionExtras colours the score and rating by band, and flags overdue
// risks: "Yes" in Overdue and the due date in the Register's warning
// style (as Above appetite is there).
func (x *exporter) actionExtras(s *stream) error {
	i := columnIndex(actionColumns, colActionScore)
	ref := cellName(i, 2) + ":" + cellName(i+1, s.lastRow())
	if err := x.bandFormats(sheetActions, ref, "$"+cellName(i, 2)); err != nil {
		return err
	}
	warn := x.st.warnDxf
	err := x.f.SetConditionalFormat(sheetActions, s.columnRange(colActionOverdue), []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: "==", Value: `"Yes"`, Format: &warn},
	})
	if err != nil {
		return fmt.Errorf("colour the overdue column: %w", err)
	}
	flag := "$" + cellName(columnIndex(actionColumns, colActionOverdue), 2) + `="Yes"`
	err = x.f.SetConditionalFormat(sheetActions, s.columnRange(colActionDue), []excelize.ConditionalFormatOptions{
		{Type: "formula", Criteria: flag, Format: &warn},
	})
	if err != nil {
		return fmt.Errorf("colour the overdue due dates: %w", err)
	}
	return nil
}

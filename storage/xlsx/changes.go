package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"airisk/model"
	"airisk/threats"
)

// sheetChanges is the sheet of what changed in the latest workshop.
const sheetChanges = "Changes"

// Changes is what changed during a workshop: the comparison of the
// snapshots taken when it started and when it ended, and the findings
// that appeared or disappeared between them. The caller works it out (it
// needs the stored snapshots) and hands it to Export in Options.
type Changes struct {
	// Title names the workshop, for example "Workshop W-002: Design
	// review, 2026-11-21".
	Title      string
	Comparison model.Comparison
	// FindingsNew fire after the workshop and not before; FindingsGone
	// fired before and no longer do.
	FindingsNew, FindingsGone []threats.Finding
}

// changeWidths are the Changes sheet's column widths; every section's
// table starts in column A.
var changeWidths = []float64{24, 36, 30, 22, 22, 22}

// changeCell is one cell of a section; style 0 means wrapped text.
type changeCell struct {
	v     any
	style int
}

// changeSection is one list of the Changes sheet: its heading, the name
// of its table, its column headings and its rows.
type changeSection struct {
	title, table string
	headers      []string
	rows         [][]changeCell
}

// writeChanges writes a summary of the counts, then one table per kind of
// change that has any, or says why there is no comparison.
func (x *exporter) writeChanges() error {
	const sheet = sheetChanges
	w := &cellWriter{f: x.f, sheet: sheet}
	for i, wd := range changeWidths {
		w.width(i, wd)
	}
	ch := x.opt.Changes
	if ch == nil {
		w.set("A1", "What changed", x.st.title)
		w.set("A2", "No workshop comparison was available for this export. It needs a workshop that has ended, with the snapshots the app "+
			"takes when a workshop starts and ends, and a workbook exported from the app's database rather than from a file.", x.st.note)
		w.merge("A2", "F2")
		w.height(2, 32)
		return firstErr(w.err, x.pageSetup(sheet, 0))
	}
	w.set("A1", "What changed: "+strings.TrimSpace(ch.Title), x.st.title)
	w.set("A2", "Compares the project as it was when the workshop started with the project when it ended (the snapshots the app took then). "+
		"Findings are worked out for both with the threat catalogue of this export.", x.st.note)
	w.merge("A2", "F2")
	w.height(2, 32)
	bands, err := x.bandTextStyles()
	if err != nil {
		return err
	}
	sections := x.changeSections(ch, bands)
	row := x.changeSummary(w, sections, 4)
	for _, s := range sections {
		if len(s.rows) > 0 {
			row = x.changeTable(w, s, row+2)
		}
	}
	if w.err != nil {
		return w.err
	}
	if err := freezeRows(x.f, sheet, 2); err != nil {
		return err
	}
	return x.pageSetup(sheet, 0)
}

// changeSummary writes the count of every kind of change from row and
// returns the last row used.
func (x *exporter) changeSummary(w *cellWriter, sections []changeSection, row int) int {
	w.set(cellName(0, row), "Summary", x.st.subtitle)
	w.height(row, 22)
	row++
	w.row(0, row, x.st.header, "Change", "Count")
	w.height(row, 20)
	head, total := row, 0
	for _, s := range sections {
		row++
		w.set(cellName(0, row), s.title, x.st.text)
		w.set(cellName(1, row), len(s.rows), x.st.center)
		total += len(s.rows)
	}
	w.table("A"+itoa(head)+":B"+itoa(row), "ChangesSummary")
	if total == 0 {
		row += 2
		w.set(cellName(0, row), "Nothing changed between the start and the end of the workshop.", x.st.note)
		w.merge(cellName(0, row), cellName(3, row))
	}
	return row
}

// changeTable writes one section under its heading at row and returns the
// last row used.
func (x *exporter) changeTable(w *cellWriter, s changeSection, row int) int {
	w.set(cellName(0, row), fmt.Sprintf("%s (%d)", s.title, len(s.rows)), x.st.subtitle)
	w.height(row, 22)
	head := row + 1
	w.row(0, head, x.st.header, toAny(s.headers)...)
	w.height(head, 20)
	row = head
	for _, cells := range s.rows {
		row++
		n := 1
		for i, c := range cells {
			style := c.style
			if style == 0 {
				style = x.st.text
			}
			w.set(cellName(i, row), c.v, style)
			if str, ok := c.v.(string); ok {
				n = max(n, estimateLines(str, changeWidths[i]))
			}
		}
		w.height(row, rowHeight(n, 8))
	}
	w.table("A"+itoa(head)+":"+cellName(len(s.headers)-1, row), s.table)
	return row
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// cells turns values into text cells (nil for empty strings).
func cells(values ...string) []changeCell {
	out := make([]changeCell, len(values))
	for i, v := range values {
		out[i] = changeCell{v: text(v)}
	}
	return out
}

// changeSections lists every kind of change the comparison holds, in the
// order of the sheet.
func (x *exporter) changeSections(ch *Changes, bands []int) []changeSection {
	c := ch.Comparison
	var out []changeSection
	out = append(out, itemSections("Element", "Elements", c.Elements)...)
	out = append(out, itemSections("Flow", "Flows", c.Flows)...)
	out = append(out,
		findingSection("Findings new", "FindingsNew", ch.FindingsNew),
		findingSection("Findings gone", "FindingsGone", ch.FindingsGone))
	out = append(out, x.riskSections(c.Risks, bands)...)
	return append(out, decisionSection(c.Decisions))
}

// itemSections lists the elements (or flows) added, removed, renamed and
// otherwise changed.
func itemSections(one, many string, c model.ItemChanges) []changeSection {
	added := changeSection{title: many + " added", table: many + "Added", headers: []string{"ID", "Name"}}
	for _, it := range c.Added {
		added.rows = append(added.rows, cells(it.ID, it.Name))
	}
	removed := changeSection{title: many + " removed", table: many + "Removed", headers: []string{"ID", "Name"}}
	for _, it := range c.Removed {
		removed.rows = append(removed.rows, cells(it.ID, it.Name))
	}
	renamed := changeSection{title: many + " renamed", table: many + "Renamed", headers: []string{"ID", "Name before", "Name after"}}
	for _, r := range c.Renamed {
		renamed.rows = append(renamed.rows, cells(r.ID, r.Before, r.After))
	}
	changed := changeSection{title: many + " otherwise changed", table: many + "Changed",
		headers: []string{"ID", "Name", "What"}}
	what := "Kind, trust boundary, description or properties"
	if one == "Flow" {
		what = "Ends, description or properties"
	}
	for _, it := range c.Changed {
		changed.rows = append(changed.rows, cells(it.ID, it.Name, what))
	}
	return []changeSection{added, removed, renamed, changed}
}

// findingSection lists findings that appeared or disappeared.
func findingSection(title, table string, fs []threats.Finding) changeSection {
	s := changeSection{title: title, table: table, headers: []string{"Threat ID", "Threat", "Target", "Target kind"}}
	for _, f := range fs {
		id, name := "", ""
		if f.Threat != nil {
			id, name = f.Threat.ID, f.Threat.Title
		} else if t, _, ok := model.SplitFindingKey(f.Key); ok {
			id = t
		}
		s.rows = append(s.rows, cells(id, name, f.TargetName, string(f.TargetKind)))
	}
	return s
}

// riskSections lists the risks created, removed, closed, otherwise moved
// to another status, and re-scored with the scores before and after.
func (x *exporter) riskSections(c model.RiskChanges, bands []int) []changeSection {
	created := changeSection{title: "Risks created", table: "RisksCreated", headers: []string{colRiskID, colTitle}}
	for _, it := range c.Created {
		created.rows = append(created.rows, cells(it.ID, it.Name))
	}
	removed := changeSection{title: "Risks removed", table: "RisksRemoved", headers: []string{colRiskID, colTitle}}
	for _, it := range c.Removed {
		removed.rows = append(removed.rows, cells(it.ID, it.Name))
	}
	closed := changeSection{title: "Risks closed", table: "RisksClosed", headers: []string{colRiskID, colTitle, "Status before"}}
	moved := changeSection{title: "Risk status changed", table: "RiskStatuses", headers: []string{colRiskID, colTitle, "Status before", "Status after"}}
	for _, sc := range c.Statuses {
		if sc.After == model.RiskClosed {
			closed.rows = append(closed.rows, cells(sc.ID, sc.Title, statusWords(sc.Before)))
		} else {
			moved.rows = append(moved.rows, cells(sc.ID, sc.Title, statusWords(sc.Before), statusWords(sc.After)))
		}
	}
	rescored := changeSection{title: "Risks re-scored", table: "RisksRescored",
		headers: []string{colRiskID, colTitle, "Inherent before", "Inherent after", "Residual before", "Residual after"}}
	for _, r := range c.Rescored {
		rescored.rows = append(rescored.rows, append(cells(r.ID, r.Title),
			x.scoreCell(bands, r.Before.Likelihood, r.Before.Impact), x.scoreCell(bands, r.After.Likelihood, r.After.Impact),
			x.scoreCell(bands, r.Before.ResidualLikelihood, r.Before.ResidualImpact),
			x.scoreCell(bands, r.After.ResidualLikelihood, r.After.ResidualImpact)))
	}
	return []changeSection{created, removed, closed, moved, rescored}
}

// scoreCell writes a score as "16 High (4 × 4)" in its band's colour, or
// "Not assessed" while either level is unset.
func (x *exporter) scoreCell(bands []int, l, i int) changeCell {
	s := model.Score(l, i)
	if !validLevel(l) || !validLevel(i) {
		return changeCell{v: "Not assessed", style: x.st.center}
	}
	return changeCell{v: strings.TrimSpace(fmt.Sprintf("%d %s (%d × %d)", s, x.sc.BandName(s), l, i)),
		style: bands[x.sc.BandIndex(s)]}
}

// bandTextStyles are the band colours as fills of ordinary text cells
// (the heat map's band styles use a large font).
func (x *exporter) bandTextStyles() ([]int, error) {
	border := []excelize.Border{
		{Type: "left", Color: colourBorder, Style: 1}, {Type: "right", Color: colourBorder, Style: 1},
		{Type: "top", Color: colourBorder, Style: 1}, {Type: "bottom", Color: colourBorder, Style: 1},
	}
	var out []int
	for _, colour := range bandColours(len(x.sc.Bands)) {
		id, err := x.f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}},
			Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}})
		if err != nil {
			return nil, fmt.Errorf("create band style: %w", err)
		}
		out = append(out, id)
	}
	return out, nil
}

// decisionSection lists the triage decisions made, changed or withdrawn.
func decisionSection(ds []model.DecisionChange) changeSection {
	s := changeSection{title: "Decisions made or changed", table: "DecisionsChanged", headers: []string{"Finding", "Before", "After"}}
	for _, d := range ds {
		before, after := string(d.Before), string(d.After)
		if before == "" {
			before = "none"
		}
		if after == "" {
			after = "withdrawn"
		}
		s.rows = append(s.rows, cells(d.Finding, before, after))
	}
	return s
}

// statusWords writes a stored status as words: "in_progress" -> "in progress".
func statusWords(s model.RiskStatus) string { return strings.ReplaceAll(string(s), "_", " ") }

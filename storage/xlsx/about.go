package xlsx

import (
	"fmt"
	"strings"
)

// writeAbout describes the project and the export, the scoring legend, and
// how to review the workbook and read it back.
func (x *exporter) writeAbout() error {
	const sheet = sheetAbout
	if err := x.pageSetup(sheet, 0); err != nil {
		return err
	}
	w := &cellWriter{f: x.f, sheet: sheet}
	for i, wd := range []float64{30, 22, 22, 50} {
		w.width(i, wd)
	}
	w.set("A1", "About this workbook", x.st.title)
	row := x.aboutFacts(w, 3)
	row = x.aboutScoring(w, row+1)
	x.aboutReview(w, row+1)
	x.progress.add(1)
	return w.err
}

func (x *exporter) aboutFacts(w *cellWriter, row int) int {
	m := x.p.Meta
	catalogue := "No catalogue was given for this export."
	if x.c != nil {
		catalogue = x.c.Version
	}
	app := strings.TrimSpace("AI Risk Workbench " + x.opt.AppVersion)
	facts := []struct {
		label string
		value any
		style int
	}{
		{"Project", m.Name, x.st.text},
		{"Project ID", m.ID, x.st.text},
		{"Description", m.Description, x.st.text},
		{"Owner", m.Owner, x.st.text},
		{"Created (UTC)", excelTime(m.Created), x.st.dateTimeLeft},
		{"Last updated (UTC)", excelTime(m.Updated), x.st.dateTimeLeft},
		{"Exported (UTC)", excelTime(x.now), x.st.dateTimeLeft},
		{"Exported by", app, x.st.text},
		{"Threat catalogue", catalogue, x.st.text},
		{"Contents", fmt.Sprintf("%d risks, %d elements, %d data flows, %d findings", len(x.p.Risks), len(x.p.Elements), len(x.p.Flows), len(x.findings)), x.st.text},
	}
	for _, fc := range facts {
		w.set(cellName(0, row), fc.label, x.st.label)
		v := fc.value
		if s, ok := v.(string); ok {
			v = text(s)
		}
		w.set(cellName(1, row), v, fc.style)
		w.merge(cellName(1, row), cellName(3, row))
		if s, ok := fc.value.(string); ok {
			w.height(row, rowHeight(estimateLines(s, 90), 8))
		}
		row++
	}
	return row
}

// aboutScoring writes the level names, the bands with their colours and the
// appetite, and returns the next free row.
func (x *exporter) aboutScoring(w *cellWriter, row int) int {
	w.set(cellName(0, row), "Scoring", x.st.subtitle)
	row++
	w.row(0, row, x.st.header, "Level", "Likelihood", "Impact")
	for v := 1; v <= 5; v++ {
		row++
		w.set(cellName(0, row), v, x.st.center)
		w.set(cellName(1, row), text(label(x.sc.LikelihoodLabels, v)), x.st.text)
		w.set(cellName(2, row), text(label(x.sc.ImpactLabels, v)), x.st.text)
	}
	row += 2
	w.row(0, row, x.st.header, "Band", "Score range")
	lo := 1
	for i, b := range x.sc.Bands {
		row++
		w.set(cellName(0, row), b.Name, x.st.bandCell[i])
		w.set(cellName(1, row), fmt.Sprintf("%d to %d", lo, b.Max), x.st.center)
		lo = b.Max + 1
	}
	row += 2
	w.set(cellName(0, row), "Risk appetite", x.st.label)
	w.set(cellName(1, row), fmt.Sprintf("Residual scores above %d need treatment; the Register marks them in Above appetite.", x.sc.Appetite), x.st.text)
	w.merge(cellName(1, row), cellName(3, row))
	return row + 1
}

// aboutReview explains which columns may be edited and how the workbook is
// read back.
func (x *exporter) aboutReview(w *cellWriter, row int) {
	w.set(cellName(0, row), "Reviewing this workbook", x.st.subtitle)
	var editable []string
	for _, c := range registerColumns {
		if c.Field != "" {
			editable = append(editable, c.Header)
		}
	}
	notes := []string{
		"Columns with green headings on the Register and Controls sheets can be edited and read back into the project: " +
			strings.Join(editable, ", ") + ", and the Status of each control on the Controls sheet. Everything else is for reading; edits to it are not read back.",
		"Read the workbook back with \"airisk import-xlsx PROJECT FILE\" or from the app. Every change is listed before anything is applied, and nothing is applied while any cell holds a value that is not allowed.",
		"Rows are matched by Risk ID, and on the Controls sheet by Risk ID and Control #. Rows for risks the project does not have are reported, never created; deleting a row does not delete the risk.",
		"Dates are written as dates shown YYYY-MM-DD; typing a date as YYYY-MM-DD works in any language setting. Times are in UTC.",
		"Scores, ratings and Above appetite are formulas, so they follow edits to the likelihood and impact columns.",
	}
	if x.c != nil && x.c.Code != nil && x.c.Code.Note != "" {
		notes = append(notes, x.c.Code.Note)
	}
	for _, n := range notes {
		row++
		w.set(cellName(0, row), n, x.st.text)
		w.merge(cellName(0, row), cellName(3, row))
		w.height(row, rowHeight(estimateLines(n, 120), 6))
	}
}

package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"airisk/threats"
)

// practiceColumns are the provision table's columns.
var practiceColumns = []column{
	{"Principle", 30, "", kindText},
	{"UK ID", 8, "", kindCenter},
	{"ETSI", 13, "", kindCenter},
	{"Level", 10, "", kindCenter},
	{"Stakeholders", 20, "", kindText},
	{"Provision", 42, "", kindText},
	{"Status", 13, "", kindCenter},
	{"Evidence", 36, "", kindText},
	{"Controls", 46, "", kindText},
	{"Risks", 12, "", kindText},
	{"Addressed", 10, "", kindCenter},
}

// writeCode lists the coverage per principle, then every provision of the
// Code with the project's status, evidence and the controls naming it.
func (x *exporter) writeCode() error {
	const sheet = sheetCode
	w := &cellWriter{f: x.f, sheet: sheet}
	for i, c := range practiceColumns {
		w.width(i, c.Width)
	}
	if x.c == nil || x.c.Code == nil || len(x.c.Code.Provisions) == 0 {
		w.set("A1", "UK Code of Practice for the Cyber Security of AI", x.st.title)
		w.set("A2", "No Code of Practice was bundled with the catalogue used for this export.", x.st.note)
		return firstErr(w.err, x.pageSetup(sheet, 0))
	}
	cov := threats.CoverageOf(x.p, x.c)
	w.set("A1", "UK Code of Practice for the Cyber Security of AI: "+x.p.Meta.Name, x.st.title)
	w.set("A2", x.c.Code.Note, x.st.note)
	w.merge("A2", "K2")
	w.height(2, 32)
	row := x.principleTable(w, cov.Principles, 4)
	head := row + 3
	w.set(cellName(0, head-1), "Provisions", x.st.subtitle)
	x.provisionTable(w, cov.Provisions, head)
	return firstErr(w.err, x.pageSetup(sheet, head))
}

// principleTable writes the coverage per principle from row and returns
// the last row used.
func (x *exporter) principleTable(w *cellWriter, ps []threats.PrincipleCoverage, row int) int {
	w.set(cellName(0, row), "Coverage per principle", x.st.subtitle)
	row++
	w.row(0, row, x.st.header, "Principle", "Total", "Met or N/A", "Addressed", "Open")
	w.height(row, 20)
	first := row
	for _, pc := range ps {
		row++
		name := principleName(pc.Principle)
		w.set(cellName(0, row), name, x.st.text)
		w.row(1, row, x.st.center, pc.Total, pc.Met, pc.Addressed, pc.Open)
		w.height(row, rowHeight(estimateLines(name, practiceColumns[0].Width), 4))
	}
	if len(ps) > 0 {
		w.table("A"+itoa(first)+":E"+itoa(row), "PrincipleCoverage")
	}
	return row
}

func principleName(p threats.Principle) string {
	return strconv.Itoa(p.Number) + ". " + p.Title
}

// provisionTable writes one row per provision under a header at row head.
func (x *exporter) provisionTable(w *cellWriter, pcs []threats.ProvisionCoverage, head int) {
	for i, c := range practiceColumns {
		w.set(cellName(i, head), c.Header, x.st.header)
	}
	w.height(head, 20)
	row := head
	for _, pc := range pcs {
		if pc.Provision == nil {
			continue
		}
		row++
		x.provisionRow(w, pc, row)
		x.progress.add(1)
	}
	w.table("A"+itoa(head)+":"+cellName(len(practiceColumns)-1, max(row, head+1)), "Provisions")
}

func (x *exporter) provisionRow(w *cellWriter, pc threats.ProvisionCoverage, row int) {
	pv := pc.Provision
	principle := strconv.Itoa(pv.Principle)
	for _, pr := range x.c.Code.Principles {
		if pr.Number == pv.Principle {
			principle = principleName(pr)
		}
	}
	controls, risks := coverageCells(pc.Controls)
	provision := pv.Title
	if pv.Summary != "" {
		provision += "\n" + pv.Summary
	}
	cells := []string{principle, pv.ID, pv.ETSI, pv.Level, stakeholderNames(pv.Stakeholders), provision,
		string(pc.State), pc.Evidence, controls, risks, yesBlank(pc.Addressed)}
	for i, v := range cells {
		w.set(cellName(i, row), text(v), x.kindStyle(practiceColumns[i].Kind))
	}
	n := max(estimateLines(provision, 42), estimateLines(principle, 30), estimateLines(pc.Evidence, 36),
		estimateLines(controls, 46), estimateLines(stakeholderNames(pv.Stakeholders), 20))
	w.height(row, rowHeight(n, 12))
}

// Most controls and risks listed against one provision; a big register
// would otherwise fill the cell with thousands of lines.
const (
	maxCoverageControls = 20
	maxCoverageRisks    = 40
)

// coverageCells lists the controls naming a provision, one a line, and
// the ids of their risks, each list shortened with a count of the rest.
func coverageCells(refs []threats.ControlRef) (controls, risks string) {
	var cl, rl []string
	seen := map[string]bool{}
	for i, cr := range refs {
		if i < maxCoverageControls {
			cl = append(cl, cr.RiskID+": "+cr.Control+" ("+string(cr.Status)+")")
		}
		if !seen[cr.RiskID] {
			seen[cr.RiskID] = true
			if len(rl) < maxCoverageRisks {
				rl = append(rl, cr.RiskID)
			}
		}
	}
	if n := len(refs) - len(cl); n > 0 {
		cl = append(cl, fmt.Sprintf("… and %d more controls", n))
	}
	r := strings.Join(rl, ", ")
	if n := len(seen) - len(rl); n > 0 {
		r += fmt.Sprintf(" … and %d more", n)
	}
	return lines(cl), r
}

// stakeholderName turns "system_operator" into "System operator".
func stakeholderName(s threats.Stakeholder) string {
	name := strings.ReplaceAll(string(s), "_", " ")
	if name == "" {
		return ""
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

func stakeholderNames(ss []threats.Stakeholder) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = stakeholderName(s)
	}
	return strings.Join(out, ", ")
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

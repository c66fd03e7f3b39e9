package report

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
)

// mdWriter writes the Markdown report into a buffer (which cannot fail).
type mdWriter struct {
	b *bytes.Buffer
	v *view
}

func (w mdWriter) line(format string, args ...any) {
	fmt.Fprintf(w.b, format, args...)
	w.b.WriteByte('\n')
}

func (w mdWriter) heading(level int, text string) {
	w.line("\n%s %s\n", strings.Repeat("#", level), text)
}

// table writes a header row, its delimiter row and the rows.
func (w mdWriter) table(header []string, align string, rows [][]string) {
	w.b.WriteString(mdRow(header...))
	delims := make([]string, len(header))
	for i := range delims {
		delims[i] = "---"
		if i < len(align) && align[i] == 'r' {
			delims[i] = "---:"
		}
	}
	w.b.WriteString(mdRow(delims...))
	for _, r := range rows {
		w.b.WriteString(mdRow(r...))
	}
}

// writeMarkdown writes the whole report; diagramFile names the diagram
// picture next to the report, "" for none.
func writeMarkdown(b *bytes.Buffer, v *view, diagramFile string) {
	w := mdWriter{b: b, v: v}
	w.title()
	w.summary()
	w.system(diagramFile)
	w.heatMaps()
	w.top()
	w.register()
	w.actions()
	w.findings()
	w.coverage()
	w.workshops()
	w.catalogue()
	w.about()
}

func (w mdWriter) title() {
	p := w.v.Project
	w.line("# AI security risk report: %s\n", mdHeading(p.Name))
	if p.Description != "" {
		w.line("%s\n", mdPara(p.Description))
	}
	for _, f := range [][2]string{
		{"Owner", mdInline(or(p.Owner, "Not recorded"))},
		{"Project", mdInline(p.ID)},
		{"Model last changed", or(p.Updated, "Not recorded")},
		{"Exported", mdInline(w.v.Exported)},
		{"Written by", mdInline(strings.TrimSpace("AI Risk Workbench " + w.v.AppVersion))},
		{"Threat catalogue", mdInline(or(w.v.CatalogueVersion, "None loaded"))},
	} {
		w.line("- **%s:** %s", f[0], f[1])
	}
	w.heading(2, "Contents")
	for i, s := range []string{"Summary", "System model", "Heat maps", "Top risks above the appetite", "Risk register",
		"Actions by owner", "Findings by element", "Code of Practice coverage", "Workshops", "Catalogue entries cited",
		"About this report"} {
		w.line("%d. [%s](#%s)", i+1, s, strings.ReplaceAll(strings.ToLower(s), " ", "-"))
	}
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

func (w mdWriter) summary() {
	s := w.v.Summary
	w.heading(2, "Summary")
	cov := "No Code of Practice loaded"
	if s.HasCode {
		cov = fmt.Sprintf("%d%% (%d of %d provisions met, not applicable or addressed by a control; %d open)",
			s.Pct, s.Covered, s.Provisions, s.Open)
	}
	w.table([]string{"Figure", "Value"}, "", [][]string{
		{"Elements", fmt.Sprint(s.Elements)},
		{"Data flows", fmt.Sprintf("%d (%d cross a trust boundary)", s.Flows, s.Crossing)},
		{"Trust boundaries", fmt.Sprint(s.Boundaries)},
		{"Findings", fmt.Sprintf("%d: %d proposed, %d accepted, %d dismissed", s.Findings, s.Proposed, s.Accepted, s.Dismissed)},
		{"Risks", fmt.Sprintf("%d live, %d closed, %d in all", s.Live, s.Closed, s.Risks)},
		{fmt.Sprintf("Live risks above the appetite (%d)", s.Appetite), fmt.Sprint(s.Above)},
		{"Overdue actions", fmt.Sprintf("%d (%s overdue)", s.Overdue, plural(s.ReviewDue, "review", "reviews"))},
		{"Code of Practice coverage", cov},
	})
	w.line("\n**Live risks by band**\n")
	header, inherent, residual := []string{"Score"}, []string{"Inherent (before controls)"}, []string{"Residual (after controls)"}
	align := "l"
	for i := range s.InherentBands {
		header = append(header, mdInline(s.InherentBands[i].Name))
		inherent = append(inherent, fmt.Sprint(s.InherentBands[i].Count))
		residual = append(residual, fmt.Sprint(s.ResidualBands[i].Count))
		align += "r"
	}
	w.table(header, align, [][]string{inherent, residual})
	note := "Live risks are those not closed."
	if s.Unassessed > 0 {
		note += fmt.Sprintf(" %s not yet assessed after controls and %s at the inherent score in the residual row.",
			plural(s.Unassessed, "live risk is", "live risks are"), map[bool]string{true: "counts", false: "count"}[s.Unassessed == 1])
	}
	if s.Unscored > 0 {
		note += fmt.Sprintf(" %s not scored and left out of the bands.", plural(s.Unscored, "live risk is", "live risks are"))
	}
	w.line("\n%s", note)
}

func (w mdWriter) system(diagramFile string) {
	w.heading(2, "System model")
	if diagramFile != "" {
		w.line("![Data-flow diagram of %s](%s)", mdInline(w.v.Project.Name), url.PathEscape(diagramFile))
	} else {
		w.line("No diagram picture is included in the Markdown report; the elements and data flows are listed below.")
	}
	w.heading(3, "Elements")
	rows := make([][]string, 0, len(w.v.Elements))
	for _, e := range w.v.Elements {
		rows = append(rows, []string{mdInline(e.Name) + " (" + mdInline(e.ID) + ")", mdInline(e.Kind),
			mdInline(or(e.Boundary, "None")), fmt.Sprint(e.Findings), fmt.Sprint(e.Risks)})
	}
	w.table([]string{"Element", "Kind", "Trust boundary", "Findings", "Risks"}, "lllrr", rows)
	w.heading(3, "Data flows")
	rows = make([][]string, 0, len(w.v.Flows))
	for _, f := range w.v.Flows {
		rows = append(rows, []string{mdInline(or(f.Name, "Unnamed")) + " (" + mdInline(f.ID) + ")", mdInline(f.From),
			mdInline(f.To), mdInline(f.Carries), yesNo(f.Crosses), yesNo(f.Encrypted)})
	}
	w.table([]string{"Flow", "From", "To", "Carries", "Crosses boundary", "Encrypted"}, "", rows)
}

func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

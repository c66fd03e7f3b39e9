package report

import (
	"fmt"
	"strings"
)

// This file writes the Markdown heat maps, top risks, register and
// findings.

func (w mdWriter) heatMaps() {
	w.heading(2, "Heat maps")
	w.line("Live risks by likelihood (rows) and impact (columns). Each cell reads *risks · cell score*; ▲ marks cells above the appetite (%d).", w.v.Scoring.Appetite)
	var bands []string
	for _, b := range w.v.Scoring.Bands {
		bands = append(bands, mdInline(b.Name)+" "+b.Range)
	}
	w.line("Bands: %s.", strings.Join(bands, ", "))
	for _, h := range w.v.Heat {
		w.heading(3, fmt.Sprintf("%s (%s)", h.Title, h.Sub))
		header := []string{"Likelihood / impact"}
		for i, name := range h.XLevels {
			header = append(header, fmt.Sprintf("%d %s", i+1, mdInline(name)))
		}
		var rows [][]string
		for l := 5; l >= 1; l-- {
			row := []string{fmt.Sprintf("%d %s", l, mdInline(h.YLevels[l-1]))}
			for im := 1; im <= 5; im++ {
				row = append(row, w.heatCell(h.Counts[l-1][im-1], l*im))
			}
			rows = append(rows, row)
		}
		w.table(header, "lrrrrr", rows)
		w.line("\n%s in this map.", plural(h.Total, "risk", "risks"))
	}
}

func (w mdWriter) heatCell(count, score int) string {
	s := fmt.Sprintf("%d · %d", count, score)
	if count > 0 {
		s = fmt.Sprintf("**%d** · %d", count, score)
	}
	if score > w.v.Scoring.Appetite {
		s += " ▲"
	}
	return s
}

// mdScore writes "16 High (L4 × I4)".
func mdScore(s scoreView) string {
	if !s.Set {
		return "Not scored"
	}
	return fmt.Sprintf("%d %s (L%d × I%d)", s.Score, mdInline(s.Band), s.Likelihood, s.Impact)
}

func mdResidual(r *riskRow) string {
	if !r.Assessed {
		return mdScore(r.Residual) + ", not assessed"
	}
	return mdScore(r.Residual)
}

func mdDue(r *riskRow) string {
	s := mdInline(r.Due)
	if r.Overdue {
		s += " **overdue**"
	}
	return s
}

func (w mdWriter) top() {
	w.heading(2, "Top risks above the appetite")
	if len(w.v.Top) == 0 {
		w.line("No live risk has a residual score above the appetite of %d.", w.v.Scoring.Appetite)
		return
	}
	intro := fmt.Sprintf("Live risks whose residual score is above the appetite of %d, highest first", w.v.Scoring.Appetite)
	if w.v.TopMore > 0 {
		intro += fmt.Sprintf("; the %d highest are shown and %d more are in the register", len(w.v.Top), w.v.TopMore)
	}
	w.line("%s. A risk not yet assessed after its controls counts at its inherent score.\n", intro)
	rows := make([][]string, 0, len(w.v.Top))
	for _, r := range w.v.Top {
		rows = append(rows, []string{mdInline(r.ID), "**" + mdInline(r.Title) + "**<br>" + mdInline(r.Description),
			mdResidual(r), mdScore(r.Inherent), mdInline(or(r.Owner, "Not assigned")),
			mdInline(r.Treatment) + ", " + mdInline(r.Status), mdDue(r)})
	}
	w.table([]string{"Risk", "Description", "Residual", "Inherent", "Owner", "Treatment and status", "Due"}, "", rows)
}

func (w mdWriter) register() {
	w.heading(2, "Risk register")
	w.line("Every risk of the project (%d), in the register's order. Residual scores are after the controls; a risk not yet assessed shows its inherent score.\n", len(w.v.Register))
	rows := make([][]string, 0, len(w.v.Register))
	for i := range w.v.Register {
		r := &w.v.Register[i]
		title := mdInline(r.Title)
		if r.Above {
			title += " ▲"
		}
		if r.Threat != "" {
			title += "<br>Threat " + mdInline(r.Threat)
		}
		rows = append(rows, []string{mdInline(r.ID), title, mdList(r.Elements), mdScore(r.Inherent), mdControls(r.Controls),
			mdResidual(r), mdInline(or(r.Treatment, "Not set")), mdInline(or(r.Owner, "Not assigned")),
			mdInline(or(r.Status, "Not set")), mdDue(r)})
	}
	w.table([]string{"ID", "Title", "Elements", "Inherent", "Controls", "Residual", "Treatment", "Owner", "Status", "Due"}, "", rows)
	w.line("\n▲ marks live risks above the appetite (%d).", w.v.Scoring.Appetite)
}

func mdList(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = mdInline(s)
	}
	return strings.Join(out, ", ")
}

func mdControls(cs []controlRow) string {
	if len(cs) == 0 {
		return "None recorded"
	}
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		s := mdInline(c.Status) + ": " + mdInline(c.Title)
		if len(c.Provisions) > 0 {
			s += " (CoP " + mdList(c.Provisions) + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, "<br>")
}

func (w mdWriter) findings() {
	s := w.v.Summary
	w.heading(2, "Findings by element")
	w.line("Threats the catalogue suggests for each part of the system, why each applies, and what was decided. %s: %d proposed (not yet triaged), %d accepted, %d dismissed.",
		plural(s.Findings, "finding", "findings"), s.Proposed, s.Accepted, s.Dismissed)
	for _, g := range w.v.Findings {
		w.heading(3, fmt.Sprintf("%s (%s, %s)", mdHeading(g.Name), mdHeading(g.Kind), mdHeading(g.Target)))
		rows := make([][]string, 0, len(g.Rows))
		for _, f := range g.Rows {
			decision := mdInline(f.Decision)
			if len(f.Risks) > 0 {
				decision += ": " + mdList(f.Risks)
			}
			if f.Reason != "" {
				decision += "<br>" + mdInline(f.Reason)
			}
			rows = append(rows, []string{mdInline(f.ThreatID) + " " + mdInline(f.ThreatTitle), mdInline(f.Why), decision})
		}
		w.table([]string{"Threat", "Why it applies", "Decision"}, "", rows)
	}
	if len(w.v.Stale) > 0 {
		w.heading(3, "Decisions on findings that no longer apply")
		rows := make([][]string, 0, len(w.v.Stale))
		for _, d := range w.v.Stale {
			rows = append(rows, []string{mdInline(d.Finding), mdInline(d.Decision), mdInline(d.Reason)})
		}
		w.table([]string{"Finding", "Decision", "Reason"}, "", rows)
	}
}

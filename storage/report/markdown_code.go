package report

import (
	"fmt"
	"strings"
)

// This file writes the Markdown Code of Practice coverage, catalogue
// entries and notes.

func (w mdWriter) coverage() {
	w.heading(2, "Code of Practice coverage")
	if len(w.v.Coverage.Principles) == 0 {
		w.line("No Code of Practice was loaded with the catalogue, so coverage cannot be shown.")
		return
	}
	w.line("Coverage of the UK Code of Practice for the Cyber Security of AI by principle. *Met* counts provisions the checklist marks met or not applicable; *addressed* counts those a risk control names; *open* counts those neither met nor addressed.\n")
	rows := make([][]string, 0, len(w.v.Coverage.Principles))
	for _, p := range w.v.Coverage.Principles {
		rows = append(rows, []string{fmt.Sprintf("%d. %s", p.Number, mdInline(p.Title)), fmt.Sprint(p.Total),
			fmt.Sprint(p.Met), fmt.Sprint(p.Addressed), fmt.Sprint(p.Open)})
	}
	w.table([]string{"Principle", "Provisions", "Met", "Addressed", "Open"}, "lrrrr", rows)
	w.heading(3, "Provisions still open")
	for _, p := range w.v.Coverage.Principles {
		if len(p.OpenProvisions) == 0 {
			continue
		}
		w.line("\n**%d. %s** (%d of %d open)\n", p.Number, mdInline(p.Title), p.Open, p.Total)
		for _, prov := range p.OpenProvisions {
			w.line("- %s", mdProvision(prov))
		}
	}
	w.line("\n> %s", mdInline(w.v.Coverage.Note))
}

// mdProvision writes "2.1 Title (shall)".
func mdProvision(p provisionItem) string {
	s := mdInline(p.ID)
	if p.Title != "" {
		s += " " + mdInline(p.Title)
	}
	if p.Level != "" {
		s += " (" + mdInline(p.Level) + ")"
	}
	return s
}

func (w mdWriter) catalogue() {
	w.heading(2, "Catalogue entries cited")
	intro := "Every threat this report refers to, from findings or from risks, as the catalogue describes it."
	if w.v.CatalogueVersion != "" {
		intro = fmt.Sprintf("Every threat this report refers to, from findings or from risks, as the catalogue (%s) describes it.", mdInline(w.v.CatalogueVersion))
	}
	w.line("%s", intro)
	if len(w.v.Cited) == 0 {
		w.line("\nThe report cites no catalogue entry.")
	}
	for i := range w.v.Cited {
		w.threat(&w.v.Cited[i])
	}
}

func (w mdWriter) threat(t *citedThreat) {
	if t.Missing {
		w.heading(3, mdHeading(t.ID)+" Not in the catalogue")
		w.line("A risk names this threat, but the catalogue used for this report has no entry with this id.\n")
		w.line("%s", citedBy(t))
		return
	}
	w.heading(3, mdHeading(t.ID)+" "+mdHeading(t.Title))
	w.line("%s\n", threatFacts(t))
	w.line("%s\n", mdPara(t.Description))
	if t.Example != "" {
		w.line("*Example:* %s\n", mdInline(t.Example))
	}
	if t.Rationale != "" {
		w.line("*Scoring rationale:* %s\n", mdInline(t.Rationale))
	}
	if len(t.Mitigations) > 0 {
		w.line("**Mitigations**\n")
		for _, m := range t.Mitigations {
			w.line("- %s%s", mdInline(m.Text), mdProvisionRefs(m.Provisions))
		}
		w.line("")
	}
	if len(t.References) > 0 {
		w.line("**References**\n")
		for _, r := range t.References {
			w.line("- %s", strings.TrimSpace(mdInline(r.ID)+" "+mdInline(r.Name)))
		}
		w.line("")
	}
	w.line("%s", citedBy(t))
}

func threatFacts(t *citedThreat) string {
	var parts []string
	if t.Stride != "" {
		parts = append(parts, "STRIDE: "+mdInline(t.Stride)+".")
	}
	if t.Phases != "" {
		parts = append(parts, "Phases: "+mdInline(t.Phases)+".")
	}
	parts = append(parts, fmt.Sprintf("Default likelihood %d, impact %d.", t.Likelihood, t.Impact))
	if t.Local {
		parts = append(parts, "Local entry from "+mdInline(or(t.File, "a local file"))+".")
	}
	return "*" + strings.Join(parts, " ") + "*"
}

func mdProvisionRefs(ps []provisionItem) string {
	if len(ps) == 0 {
		return ""
	}
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, strings.TrimSpace(mdInline(p.ID)+" "+mdInline(p.Title)))
	}
	return " (Code of Practice " + strings.Join(out, "; ") + ")"
}

func citedBy(t *citedThreat) string {
	s := "Cited by " + plural(t.Findings, "finding", "findings")
	if len(t.Risks) == 1 {
		s += " and risk " + mdList(t.Risks)
	} else if len(t.Risks) > 1 {
		s += " and risks " + mdList(t.Risks)
	}
	return s + "."
}

func (w mdWriter) about() {
	w.heading(2, "About this report")
	var bands []string
	for _, b := range w.v.Scoring.Bands {
		bands = append(bands, mdInline(b.Name)+" "+b.Range)
	}
	w.line("- Findings are worked out from the model and the threat catalogue when the report is written; decisions and risks are as recorded in the project.")
	w.line("- Scores are likelihood × impact on 1–5 scales. Bands: %s. The risk appetite is %d: a live risk whose residual score is above it needs treatment.",
		strings.Join(bands, ", "), w.v.Scoring.Appetite)
	w.line("- Overdue means the due date has passed while the risk is open or in progress, as of %s.", mdInline(w.v.Exported))
	w.line("- %s", mdInline(w.v.Coverage.Note))
}

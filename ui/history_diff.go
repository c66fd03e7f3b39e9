package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

// projectDiff is what changed between two states of a project: what
// model.Compare lists, and the findings that appeared or went away.
type projectDiff struct {
	model.Comparison
	before, after *model.Project
	newFindings   []threats.Finding
	goneFindings  []threats.Finding
	// provisions lists the checklist answers that changed.
	provisions []provisionDiff
}

// provisionDiff is a checklist entry whose answer or evidence changed.
type provisionDiff struct {
	id            string
	before, after model.ProvisionStatus
}

// diffProjects compares two states, analysing both with the catalogue in
// use so that a finding counts as new or gone only because the project
// changed.
func diffProjects(before, after *model.Project, cat *threats.Catalogue) projectDiff {
	d := projectDiff{Comparison: model.Compare(before, after), before: before, after: after}
	was := threats.Analyse(before, cat)
	now := threats.Analyse(after, cat)
	d.newFindings = threats.FindingsNotIn(now, was)
	d.goneFindings = threats.FindingsNotIn(was, now)
	d.provisions = diffProvisions(before, after)
	return d
}

// diffProvisions lists the checklist entries whose answer or evidence
// differ, in the order of the later state; a missing entry counts as
// unknown without evidence.
func diffProvisions(before, after *model.Project) []provisionDiff {
	var out []provisionDiff
	seen := map[string]bool{}
	for _, list := range [][]model.ProvisionStatus{after.Provisions, before.Provisions} {
		for _, s := range list {
			if seen[s.ID] {
				continue
			}
			seen[s.ID] = true
			b, _ := provisionEntry(before, s.ID)
			a, _ := provisionEntry(after, s.ID)
			if b.Status != a.Status || b.Evidence != a.Evidence {
				out = append(out, provisionDiff{id: s.ID, before: b, after: a})
			}
		}
	}
	return out
}

// empty reports whether nothing listed changed.
func (d projectDiff) empty() bool {
	return d.Comparison.Empty() && len(d.newFindings)+len(d.goneFindings)+len(d.provisions) == 0
}

// summary counts the changes in one line: "1 element added · 2 findings
// new · 1 risk rescored".
func (d projectDiff) summary() string {
	if d.empty() {
		return "No differences: the diagram, the findings, the register and the checklist are the same."
	}
	counts := []struct {
		n    int
		noun string
		verb string
	}{
		{len(d.Elements.Added), "element", "added"}, {len(d.Elements.Removed), "element", "removed"},
		{len(d.Elements.Renamed) + len(d.Elements.Changed), "element", "changed"},
		{len(d.Flows.Added), "flow", "added"}, {len(d.Flows.Removed), "flow", "removed"},
		{len(d.Flows.Renamed) + len(d.Flows.Changed), "flow", "changed"},
		{len(d.newFindings), "finding", "new"}, {len(d.goneFindings), "finding", "gone"},
		{len(d.Risks.Created), "risk", "created"}, {len(d.Risks.Removed), "risk", "removed"},
		{len(d.Risks.Rescored), "risk", "rescored"}, {len(d.Risks.Statuses), "risk status", "changed"},
		{len(d.Decisions), "triage decision", "changed"},
		{len(d.provisions), "checklist answer", "changed"},
	}
	var parts []string
	for _, c := range counts {
		if c.n == 0 {
			continue
		}
		noun := c.noun
		if c.n > 1 {
			noun += "s"
		}
		parts = append(parts, fmt.Sprintf("%d %s %s", c.n, noun, c.verb))
	}
	return strings.Join(parts, " · ")
}

// diffSegments writes the differences out, section by section; sections
// without a change are left out.
func diffSegments(d projectDiff) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	segs = append(segs, itemSection("Elements", d.Elements, d.before, d.after, elementLabel)...)
	segs = append(segs, itemSection("Flows", d.Flows, d.before, d.after, flowItemLabel)...)
	segs = append(segs, findingSection(d)...)
	segs = append(segs, riskSection(d.Risks)...)
	segs = append(segs, decisionSection(d.Decisions, d.before, d.after)...)
	return append(segs, provisionSection(d.provisions)...)
}

func provisionSection(ps []provisionDiff) []widget.RichTextSegment {
	if len(ps) == 0 {
		return nil
	}
	list := &widget.ListSegment{}
	for _, p := range ps {
		text := strings.ToLower(provisionStateLabel(p.before.Status)) + " ⟶ " + strings.ToLower(provisionStateLabel(p.after.Status))
		if p.before.Status == p.after.Status {
			text = "evidence edited"
		} else if p.before.Evidence != p.after.Evidence {
			text += "; evidence edited"
		}
		list.Items = append(list.Items, diffLine("Provision "+p.id+": ", text))
	}
	return []widget.RichTextSegment{blockHeading("Code of Practice checklist"), list}
}

// itemLabel names an element or flow of project p.
type itemLabel func(p *model.Project, it model.Item) string

func elementLabel(_ *model.Project, it model.Item) string { return it.Name }

func flowItemLabel(p *model.Project, it model.Item) string {
	if f, ok := p.Flow(it.ID); ok {
		return flowLabel(p, f)
	}
	if it.Name != "" {
		return it.Name
	}
	return "flow " + it.ID
}

func itemSection(title string, c model.ItemChanges, before, after *model.Project, label itemLabel) []widget.RichTextSegment {
	if c.Empty() {
		return nil
	}
	list := &widget.ListSegment{}
	for _, it := range c.Added {
		list.Items = append(list.Items, diffLine("Added: ", label(after, it)))
	}
	for _, it := range c.Removed {
		list.Items = append(list.Items, diffLine("Removed: ", label(before, it)))
	}
	for _, r := range c.Renamed {
		list.Items = append(list.Items, diffLine("Renamed: ", fmt.Sprintf("%s ⟶ %s", r.Before, r.After)))
	}
	for _, it := range c.Changed {
		list.Items = append(list.Items, diffLine("Changed: ", label(after, it)+" (kind, boundary, ends, description or properties)"))
	}
	return []widget.RichTextSegment{blockHeading(title), list}
}

func findingSection(d projectDiff) []widget.RichTextSegment {
	if len(d.newFindings)+len(d.goneFindings) == 0 {
		return nil
	}
	list := &widget.ListSegment{}
	for _, f := range d.newFindings {
		list.Items = append(list.Items, diffLine("New: ", findingText(f)))
	}
	for _, f := range d.goneFindings {
		list.Items = append(list.Items, diffLine("Gone: ", findingText(f)))
	}
	return []widget.RichTextSegment{blockHeading("Findings"), list}
}

func findingText(f threats.Finding) string {
	title := f.Key
	if f.Threat != nil {
		title = f.Threat.ID + " " + f.Threat.Title
	}
	return title + " on " + f.TargetName
}

func riskSection(c model.RiskChanges) []widget.RichTextSegment {
	if c.Empty() {
		return nil
	}
	list := &widget.ListSegment{}
	for _, it := range c.Created {
		list.Items = append(list.Items, diffLine("Created: ", it.ID+" "+it.Name))
	}
	for _, it := range c.Removed {
		list.Items = append(list.Items, diffLine("Removed: ", it.ID+" "+it.Name))
	}
	for _, r := range c.Rescored {
		list.Items = append(list.Items, diffLine("Rescored: ", fmt.Sprintf("%s %s: inherent %s ⟶ %s; residual %s ⟶ %s",
			r.ID, r.Title, pairText(r.Before.Likelihood, r.Before.Impact), pairText(r.After.Likelihood, r.After.Impact),
			pairText(r.Before.ResidualLikelihood, r.Before.ResidualImpact),
			pairText(r.After.ResidualLikelihood, r.After.ResidualImpact))))
	}
	for _, st := range c.Statuses {
		list.Items = append(list.Items, diffLine("Status: ", fmt.Sprintf("%s %s: %s ⟶ %s",
			st.ID, st.Title, words(string(st.Before)), words(string(st.After)))))
	}
	return []widget.RichTextSegment{blockHeading("Risks"), list}
}

// pairText reads "4 × 3 = 12", or "not assessed" when either is unset.
func pairText(likelihood, impact int) string {
	if likelihood == 0 || impact == 0 {
		return "not assessed"
	}
	return fmt.Sprintf("%d × %d = %d", likelihood, impact, model.Score(likelihood, impact))
}

func decisionSection(ds []model.DecisionChange, before, after *model.Project) []widget.RichTextSegment {
	if len(ds) == 0 {
		return nil
	}
	list := &widget.ListSegment{}
	for _, d := range ds {
		what := decisionName(d.Finding, after)
		if d.After == "" {
			what = decisionName(d.Finding, before)
		}
		list.Items = append(list.Items, diffLine(what+": ", decisionStep(d.Before)+" ⟶ "+decisionStep(d.After)))
	}
	return []widget.RichTextSegment{blockHeading("Triage decisions"), list}
}

// decisionName reads "AIT-044 on Chat service".
func decisionName(key string, p *model.Project) string {
	threat, target, ok := model.SplitFindingKey(key)
	if !ok {
		return key
	}
	return threat + " on " + targetName(p, target)
}

func decisionStep(s model.DecisionStatus) string {
	if s == "" {
		return "undecided"
	}
	return string(s)
}

// diffLine is one line of a section: a bold label and its text.
func diffLine(label, text string) widget.RichTextSegment {
	return &widget.ParagraphSegment{Texts: []widget.RichTextSegment{
		&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: label},
		&widget.TextSegment{Style: widget.RichTextStyleInline, Text: text},
	}}
}

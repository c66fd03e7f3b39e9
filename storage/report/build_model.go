package report

import (
	"strings"

	"airisk/model"
	"airisk/threats"
)

// This file works out the findings by target, the system model tables and
// the summary figures.

// decisionOf returns the decision on a finding: proposed when nobody has
// decided yet.
func decisionOf(d *model.Decision) (model.DecisionStatus, string) {
	if d == nil {
		return model.DecisionProposed, ""
	}
	return d.Status, d.Reason
}

// findingGroups groups the findings by target in the diagram's order:
// elements as stored, then flows, then the project.
func (b *builder) findingGroups() {
	decisions := make(map[string]*model.Decision, len(b.p.Decisions))
	for i := range b.p.Decisions {
		decisions[b.p.Decisions[i].Finding] = &b.p.Decisions[i]
	}
	byTarget := map[string]*findingGroup{}
	fired := make(map[string]bool, len(b.findings))
	for _, f := range b.findings {
		fired[f.Key] = true
		key := targetKey(f.TargetKind, f.Target)
		g := byTarget[key]
		if g == nil {
			g = &findingGroup{Target: f.Target, Name: f.TargetName, Kind: b.targetKind(f), Anchor: "find-" + f.Target}
			byTarget[key] = g
		}
		g.add(b.findingRow(f, decisions[f.Key]))
	}
	for _, id := range b.targetOrder() {
		if g := byTarget[id]; g != nil {
			b.v.Findings = append(b.v.Findings, *g)
			delete(byTarget, id) // a broken project may list an id twice
		}
	}
	for _, d := range b.p.Decisions {
		if !fired[d.Finding] {
			b.v.Stale = append(b.v.Stale, staleRow{Finding: d.Finding, Decision: words(string(d.Status)), Reason: d.Reason})
		}
	}
}

func (b *builder) targetKind(f threats.Finding) string {
	switch f.TargetKind {
	case threats.TargetFlow:
		return "Data flow"
	case threats.TargetProject:
		return "Whole system"
	}
	if e, ok := b.elements[f.Target]; ok {
		return e.Kind.Name()
	}
	return "Element"
}

// targetKey names a finding target; the kind keeps an element and a flow
// apart even in a broken project where they share an id.
func targetKey(kind threats.TargetKind, id string) string { return string(kind) + ":" + id }

// targetOrder lists every possible finding target in the diagram's order.
func (b *builder) targetOrder() []string {
	out := make([]string, 0, len(b.p.Elements)+len(b.p.Flows)+1)
	for _, e := range b.p.Elements {
		out = append(out, targetKey(threats.TargetElement, e.ID))
	}
	for _, f := range b.p.Flows {
		out = append(out, targetKey(threats.TargetFlow, f.ID))
	}
	return append(out, targetKey(threats.TargetProject, model.ProjectTarget))
}

func (b *builder) findingRow(f threats.Finding, d *model.Decision) findingRow {
	status, reason := decisionOf(d)
	return findingRow{Key: f.Key, ThreatID: f.Threat.ID, ThreatTitle: f.Threat.Title, ThreatAnchor: "threat-" + f.Threat.ID,
		Why: f.Why, Decision: words(string(status)), DecisionKey: string(status), Reason: reason, Risks: b.risksOf[f.Key]}
}

func (g *findingGroup) add(row findingRow) {
	switch model.DecisionStatus(row.DecisionKey) {
	case model.DecisionAccepted:
		g.Accepted++
	case model.DecisionDismissed:
		g.Dismissed++
	default:
		g.Proposed++
	}
	g.Rows = append(g.Rows, row)
}

// systemModel lists the elements and flows.
func (b *builder) systemModel() {
	boundaries := make(map[string]string, len(b.p.Boundaries))
	for _, bd := range b.p.Boundaries {
		boundaries[bd.ID] = bd.Name
	}
	findings, risks := map[string]int{}, map[string]int{}
	for _, f := range b.findings {
		findings[f.Target]++
	}
	for _, r := range b.p.Risks {
		for _, id := range r.Elements {
			risks[id]++
		}
	}
	for _, e := range b.p.Elements {
		row := elementRow{ID: e.ID, Name: e.Name, Kind: e.Kind.Name(), Boundary: boundaries[e.Boundary],
			Findings: findings[e.ID], Risks: risks[e.ID]}
		if row.Findings > 0 {
			row.Anchor = "find-" + e.ID
		}
		b.v.Elements = append(b.v.Elements, row)
	}
	ix := model.NewIndex(b.p)
	for _, f := range b.p.Flows {
		b.v.Flows = append(b.v.Flows, flowRow{ID: f.ID, Name: f.Name, From: b.elementName(f.From), To: b.elementName(f.To),
			Carries: strings.ReplaceAll(strings.Join(f.Props.Set("carries"), ", "), "_", " "),
			Crosses: ix.Crosses(f), Encrypted: f.Props.Bool("encrypted")})
	}
}

// summary adds up the figures; it runs after the other parts are built.
func (b *builder) summary() {
	s := &b.v.Summary
	s.Elements, s.Flows, s.Boundaries = len(b.p.Elements), len(b.p.Flows), len(b.p.Boundaries)
	for _, f := range b.v.Flows {
		if f.Crosses {
			s.Crossing++
		}
	}
	for _, g := range b.v.Findings {
		s.Proposed += g.Proposed
		s.Accepted += g.Accepted
		s.Dismissed += g.Dismissed
	}
	s.Findings = len(b.findings)
	s.Appetite = b.sc.Appetite
	b.riskFigures(s)
	b.coverageFigures(s)
}

func (b *builder) riskFigures(s *summaryView) {
	s.Risks = len(b.p.Risks)
	s.InherentBands = make([]bandCount, len(b.sc.Bands))
	s.ResidualBands = make([]bandCount, len(b.sc.Bands))
	for i, band := range b.sc.Bands {
		s.InherentBands[i] = bandCount{Name: band.Name, Swatch: bandSwatch(b.sc, i)}
		s.ResidualBands[i] = s.InherentBands[i]
	}
	for i := range b.v.Register {
		r := &b.v.Register[i]
		if r.StatusKey == string(model.RiskClosed) {
			s.Closed++
			continue
		}
		s.Live++
		b.countRisk(s, r)
	}
}

func (b *builder) countRisk(s *summaryView, r *riskRow) {
	if r.Overdue {
		s.Overdue++
	}
	if r.ReviewDue {
		s.ReviewDue++
	}
	if !r.Inherent.Set {
		s.Unscored++
		return
	}
	if i := b.sc.BandIndex(r.Inherent.Score); i >= 0 && i < len(s.InherentBands) {
		s.InherentBands[i].Count++
	}
	if i := b.sc.BandIndex(r.Residual.Score); r.Residual.Set && i >= 0 && i < len(s.ResidualBands) {
		s.ResidualBands[i].Count++
	}
	if !r.Assessed {
		s.Unassessed++
	}
	if r.Above {
		s.Above++
	}
}

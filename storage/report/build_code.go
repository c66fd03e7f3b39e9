package report

import (
	"slices"
	"strings"

	"airisk/threats"
)

// This file works out the Code of Practice coverage and the catalogue
// entries the report cites.

// defaultCodeNote is said when the catalogue carries no note of its own.
const defaultCodeNote = "The provision titles and summaries paraphrase the UK Code of Practice for the Cyber Security of AI; " +
	"they are not the Code's text. Read the published Code for the exact wording."

func (b *builder) coverage() {
	b.v.Coverage.Note = defaultCodeNote
	if b.c == nil || b.c.Code == nil {
		return
	}
	if b.c.Code.Note != "" {
		b.v.Coverage.Note = b.c.Code.Note
	}
	cov := threats.CoverageOf(b.p, b.c)
	for _, pc := range cov.Principles {
		row := principleRow{Number: pc.Principle.Number, Title: pc.Principle.Title, Total: pc.Total,
			Met: pc.Met, Addressed: pc.Addressed, Open: pc.Open}
		for _, prov := range cov.Provisions {
			if prov.Provision.Principle != pc.Principle.Number {
				continue
			}
			switch {
			case prov.Open():
				row.OpenProvisions = append(row.OpenProvisions, provisionItem{ID: prov.Provision.ID,
					Title: prov.Provision.Title, Level: prov.Provision.Level})
			case !prov.Met():
				row.AddressedOnly++
			}
		}
		row.Bar = bar(row.Total, row.Met, row.AddressedOnly, row.Open)
		b.v.Coverage.Principles = append(b.v.Coverage.Principles, row)
	}
}

// bar splits a coverage bar 100 units wide into met, addressed and open.
func bar(total int, parts ...int) []barSegment {
	if total <= 0 {
		return nil
	}
	classes := []string{"met", "addressed", "open"}
	var out []barSegment
	x := 0.0
	for i, n := range parts {
		if n <= 0 {
			continue
		}
		w := 100 * float64(n) / float64(total)
		out = append(out, barSegment{X: x, W: w, Class: classes[i]})
		x += w
	}
	return out
}

func (b *builder) coverageFigures(s *summaryView) {
	for _, pr := range b.v.Coverage.Principles {
		s.HasCode = true
		s.Provisions += pr.Total
		s.Met += pr.Met
		s.Addressed += pr.Addressed
		s.Open += pr.Open
	}
	s.Covered = s.Provisions - s.Open
	if s.Provisions > 0 {
		s.Pct = (100*s.Covered + s.Provisions/2) / s.Provisions
	}
}

// cited lists every threat named by a finding or a risk, by id.
func (b *builder) cited() {
	findings := map[string]int{}
	risks := map[string][]string{}
	for _, f := range b.findings {
		findings[f.Threat.ID]++
	}
	for _, r := range b.p.Risks {
		if r.Threat != "" {
			risks[r.Threat] = append(risks[r.Threat], r.ID)
		}
	}
	ids := make([]string, 0, len(findings)+len(risks))
	for id := range findings {
		ids = append(ids, id)
	}
	for id := range risks {
		if _, ok := findings[id]; !ok {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	for _, id := range ids {
		ct := citedThreat{ID: id, Anchor: "threat-" + id, Findings: findings[id], Risks: risks[id], Missing: true}
		if b.c != nil {
			if t, ok := b.c.Threat(id); ok {
				b.describeThreat(&ct, t)
			}
		}
		b.v.Cited = append(b.v.Cited, ct)
	}
}

func (b *builder) describeThreat(ct *citedThreat, t *threats.Threat) {
	ct.Missing = false
	ct.Title, ct.Description, ct.Example, ct.Rationale = t.Title, t.Description, t.Example, t.Rationale
	ct.Pack, ct.Local, ct.File = t.Pack, t.Local, t.File
	ct.Likelihood, ct.Impact = t.Likelihood, t.Impact
	ct.Stride = strideNames(t.Stride)
	phases := make([]string, 0, len(t.Phases))
	for _, ph := range t.Phases {
		phases = append(phases, words(string(ph)))
	}
	ct.Phases = strings.Join(phases, ", ")
	for _, m := range t.Mitigations {
		mv := mitigationView{Text: m.Text}
		for _, id := range m.Provisions {
			mv.Provisions = append(mv.Provisions, b.provision(id))
		}
		ct.Mitigations = append(ct.Mitigations, mv)
	}
	for _, ref := range t.References {
		ct.References = append(ct.References, referenceView{ID: ref, Name: b.c.ReferenceName(ref)})
	}
}

// provision names a provision by its number, with its title when the
// bundled Code has it.
func (b *builder) provision(id string) provisionItem {
	if p, ok := b.c.Code.Provision(id); ok {
		return provisionItem{ID: id, Title: p.Title, Level: p.Level}
	}
	return provisionItem{ID: id}
}

var strideWords = map[threats.Stride]string{
	threats.Spoofing: "Spoofing", threats.Tampering: "Tampering", threats.Repudiation: "Repudiation",
	threats.InformationDisclosure: "Information disclosure", threats.DenialOfService: "Denial of service",
	threats.ElevationOfPrivilege: "Elevation of privilege",
}

func strideNames(ss []threats.Stride) string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if w, ok := strideWords[s]; ok {
			out = append(out, w)
		} else {
			out = append(out, string(s))
		}
	}
	return strings.Join(out, ", ")
}

package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"airisk/model"
	"airisk/threats"
)

// topLimit is how many risks above the appetite the report details.
const topLimit = 10

// builder works out the view of one project; the maps answer lookups in
// constant time so that large registers stay quick.
type builder struct {
	p        *model.Project
	c        *threats.Catalogue
	sc       model.Scoring
	today    string
	elements map[string]*model.Element
	findings []threats.Finding
	risksOf  map[string][]string // finding key -> risk ids
	v        *view
}

// build works out the whole report.
func build(p *model.Project, c *threats.Catalogue, opt Options, diagram string) *view {
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	b := &builder{p: p, c: c, sc: p.EffectiveScoring(), today: now.Format(time.DateOnly),
		elements: make(map[string]*model.Element, len(p.Elements)), risksOf: map[string][]string{},
		v: &view{Exported: now.Format("2006-01-02 15:04 MST"), AppVersion: opt.AppVersion, Diagram: diagram}}
	for i := range p.Elements {
		b.elements[p.Elements[i].ID] = &p.Elements[i]
	}
	for _, r := range p.Risks {
		if r.Finding != "" {
			b.risksOf[r.Finding] = append(b.risksOf[r.Finding], r.ID)
		}
	}
	if c != nil {
		b.findings = threats.Analyse(p, c)
		b.v.CatalogueVersion = c.Version
	}
	b.project()
	b.scoring()
	b.register()
	b.actions(now)
	b.workshopLog(now)
	b.findingGroups()
	b.systemModel()
	b.heatMaps()
	b.coverage()
	b.cited()
	b.summary()
	return b.v
}

func (b *builder) project() {
	m := b.p.Meta
	b.v.Project = projectView{ID: m.ID, Name: m.Name, Owner: m.Owner, Description: m.Description,
		Created: dateOf(m.Created), Updated: dateOf(m.Updated)}
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func (b *builder) scoring() {
	lo := 1
	for i, band := range b.sc.Bands {
		b.v.Scoring.Bands = append(b.v.Scoring.Bands, bandLegend{Name: band.Name,
			Range: fmt.Sprintf("%d–%d", lo, band.Max), Swatch: bandSwatch(b.sc, i)})
		lo = band.Max + 1
	}
	b.v.Scoring.Appetite = b.sc.Appetite
}

// elementName is the element's name, or its id when it does not exist.
func (b *builder) elementName(id string) string {
	if e, ok := b.elements[id]; ok && e.Name != "" {
		return e.Name
	}
	return id
}

// words turns a stored enumeration value into words: "in_progress" ->
// "In progress".
func words(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// validLevel reports whether v is a likelihood or impact level, 1..5.
func validLevel(v int) bool { return v >= 1 && v <= 5 }

func (b *builder) score(l, i int) scoreView {
	if !validLevel(l) || !validLevel(i) {
		return scoreView{Swatch: bandSwatch(b.sc, -1)}
	}
	s := model.Score(l, i)
	return scoreView{Set: true, Likelihood: l, Impact: i, Score: s, Band: b.sc.BandName(s), Swatch: scoreSwatch(b.sc, s)}
}

// live reports whether a risk still needs attention: it is not closed.
func live(r *model.Risk) bool { return r.Status != model.RiskClosed }

// overdue reports whether the risk's due date has passed while it is still
// being worked on (as the app's register says).
func (b *builder) overdue(r *model.Risk) bool {
	return r.Due != "" && r.Due < b.today && (r.Status == model.RiskOpen || r.Status == model.RiskInProgress)
}

// reviewDue reports whether the risk's review date has passed.
func (b *builder) reviewDue(r *model.Risk) bool {
	return r.Review != "" && r.Review < b.today && r.Status != model.RiskClosed
}

func (b *builder) register() {
	b.v.Register = make([]riskRow, 0, len(b.p.Risks))
	for i := range b.p.Risks {
		b.v.Register = append(b.v.Register, b.riskRow(&b.p.Risks[i]))
	}
	var top []*riskRow
	for i := range b.v.Register {
		if b.v.Register[i].Above {
			top = append(top, &b.v.Register[i])
		}
	}
	slices.SortStableFunc(top, func(x, y *riskRow) int {
		if x.Residual.Score != y.Residual.Score {
			return y.Residual.Score - x.Residual.Score
		}
		return y.Inherent.Score - x.Inherent.Score
	})
	if len(top) > topLimit {
		b.v.TopMore = len(top) - topLimit
		top = top[:topLimit]
	}
	b.v.Top = top
}

func (b *builder) riskRow(r *model.Risk) riskRow {
	row := riskRow{ID: r.ID, Anchor: "risk-" + r.ID, Title: r.Title, Description: r.Description, Notes: r.Notes,
		Threat: r.Threat, Inherent: b.score(r.Likelihood, r.Impact), Assessed: r.HasResidual(),
		Treatment: words(string(r.Treatment)), Status: words(string(r.Status)), StatusKey: string(r.Status),
		Owner: r.Owner, Due: r.Due, Review: r.Review, Overdue: b.overdue(r), ReviewDue: b.reviewDue(r),
		Above: live(r) && b.sc.AboveAppetite(*r)}
	if r.Threat != "" {
		row.ThreatAnchor = "threat-" + r.Threat
	}
	row.Residual = row.Inherent
	if row.Assessed {
		row.Residual = b.score(r.ResidualLikelihood, r.ResidualImpact)
	}
	for _, id := range r.Elements {
		row.Elements = append(row.Elements, b.elementName(id))
	}
	for _, ctl := range r.Controls {
		row.Controls = append(row.Controls, controlRow{Title: ctl.Title, Status: words(string(ctl.Status)),
			StatusKey: string(ctl.Status), Provisions: ctl.Provisions})
	}
	return row
}

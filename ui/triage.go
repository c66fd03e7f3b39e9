package ui

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"airisk/model"
	"airisk/threats"
)

// This file builds the triage edits as plain changes: accepting findings
// into the register, dismissing them with a reason, scoring them, and
// dropping stale decisions.

// findingStatus is where a finding stands in triage.
type findingStatus string

// The triage statuses shown in the findings list. Stale is a decision
// whose finding no longer fires.
const (
	statusProposed  findingStatus = "proposed"
	statusAccepted  findingStatus = "accepted"
	statusDismissed findingStatus = "dismissed"
	statusStale     findingStatus = "stale"
)

// dismissReasons are offered in the dismiss dialog; any other text may be
// typed instead.
var dismissReasons = []string{
	"Not applicable to this system",
	"Already mitigated by an existing control",
	"Out of scope for this assessment",
	"Duplicate of another finding",
	"Covered by the supplier's assurance",
}

// defaultScores returns the likelihood and impact a finding is scored
// with: the decision's override where set, else the threat's defaults.
func defaultScores(t *threats.Threat, d *model.Decision) (likelihood, impact int) {
	if t != nil {
		likelihood, impact = t.Likelihood, t.Impact
	}
	if d != nil && d.Likelihood > 0 {
		likelihood = d.Likelihood
	}
	if d != nil && d.Impact > 0 {
		impact = d.Impact
	}
	return clampLevel(likelihood), clampLevel(impact)
}

func clampLevel(v int) int { return max(1, min(5, v)) }

// riskElements lists the elements a finding's risk is linked to: the
// element itself, or both ends of a flow.
func riskElements(p *model.Project, f *threats.Finding) []string {
	switch f.TargetKind {
	case threats.TargetElement:
		if _, ok := p.Element(f.Target); ok {
			return []string{f.Target}
		}
	case threats.TargetFlow:
		if fl, ok := p.Flow(f.Target); ok {
			return []string{fl.From, fl.To}
		}
	}
	return []string{}
}

// riskFromFinding builds the register entry for an accepted finding,
// prefilled from the threat: its defaults (or the triage override), and
// its mitigations as planned controls.
func riskFromFinding(p *model.Project, f *threats.Finding, d *model.Decision, id string, now time.Time) model.Risk {
	t := f.Threat
	l, i := defaultScores(t, d)
	r := model.Risk{
		ID: id, Title: truncate(fmt.Sprintf("%s: %s", t.Title, f.TargetName), model.MaxNameLength),
		Description: truncate(t.Description, model.MaxTextLength), Finding: f.Key, Threat: t.ID,
		Elements: riskElements(p, f), Likelihood: l, Impact: i,
		Treatment: model.TreatmentTreat, Status: model.RiskOpen, Controls: []model.Control{},
		Notes: truncate("Suggested because "+f.Why+".", model.MaxTextLength), Updated: now,
	}
	for _, m := range t.Mitigations {
		if len(r.Controls) == model.MaxControlsPerRisk {
			break
		}
		r.Controls = append(r.Controls, model.Control{Title: truncate(m.Text, model.MaxNameLength),
			Status: model.ControlPlanned, Provisions: validProvisions(m.Provisions)})
	}
	return r
}

func validProvisions(ps []string) []string {
	out := []string{}
	for _, p := range ps {
		if model.ValidProvisionNumber(p) {
			out = append(out, p)
		}
	}
	return out
}

// truncate shortens s to at most n characters, ending it with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// riskFor returns the risk accepted from the given finding key.
func riskFor(p *model.Project, key string) (*model.Risk, bool) {
	for i := range p.Risks {
		if p.Risks[i].Finding == key {
			return &p.Risks[i], true
		}
	}
	return nil, false
}

// riskIDs hands out fresh risk ids for a change adding several risks.
type riskIDs struct {
	used map[string]bool
	n    int
}

func newRiskIDs(p *model.Project) *riskIDs {
	r := &riskIDs{used: make(map[string]bool, len(p.Risks)), n: len(p.Risks)}
	for _, x := range p.Risks {
		r.used[x.ID] = true
	}
	return r
}

func (r *riskIDs) next() string {
	for {
		r.n++
		id := fmt.Sprintf("R-%03d", r.n)
		if !r.used[id] {
			r.used[id] = true
			return id
		}
	}
}

// acceptChange accepts findings: each gets an accepted decision and, unless
// the register already has one, a prefilled risk, all in one edit.
func acceptChange(p *model.Project, fs []*threats.Finding, now time.Time) model.Change {
	ids := newRiskIDs(p)
	var c model.Change
	for _, f := range fs {
		d := model.Decision{Finding: f.Key, Status: model.DecisionAccepted, Decided: now}
		if old, ok := p.Decision(f.Key); ok {
			d.Likelihood, d.Impact = old.Likelihood, old.Impact
		}
		c.Ops = append(c.Ops, model.PutDecision(d))
		if _, ok := riskFor(p, f.Key); !ok {
			c.Ops = append(c.Ops, model.PutRisk(riskFromFinding(p, f, &d, ids.next(), now)))
		}
	}
	c.Summary = fmt.Sprintf("Accept %d findings", len(fs))
	if len(fs) == 1 {
		c.Summary = "Accept " + fs[0].Threat.Title
	}
	return c
}

// dismissChange dismisses findings with a reason. A risk accepted earlier
// from one of them leaves the register in the same edit (undo brings it
// back).
func dismissChange(p *model.Project, keys []string, reason string, now time.Time) model.Change {
	var c model.Change
	for _, k := range keys {
		d := model.Decision{Finding: k, Status: model.DecisionDismissed, Reason: strings.TrimSpace(reason), Decided: now}
		if old, ok := p.Decision(k); ok {
			d.Likelihood, d.Impact = old.Likelihood, old.Impact
		}
		c.Ops = append(c.Ops, model.PutDecision(d))
		if r, ok := riskFor(p, k); ok {
			c.Ops = append(c.Ops, model.Del(model.EntityRisk, r.ID))
		}
	}
	c.Summary = fmt.Sprintf("Dismiss %d findings", len(keys))
	if len(keys) == 1 {
		c.Summary = "Dismiss " + keys[0]
	}
	return c
}

// scoreField says which score a triage keystroke sets.
type scoreField string

const (
	scoreLikelihood scoreField = "likelihood"
	scoreImpact     scoreField = "impact"
)

// scoreChange stores a likelihood or impact on a finding's decision (a
// proposed decision when it has none yet) and on the risk accepted from
// it, if any.
func scoreChange(p *model.Project, key string, field scoreField, v int, now time.Time) model.Change {
	d := model.Decision{Finding: key, Status: model.DecisionProposed, Decided: now}
	if old, ok := p.Decision(key); ok {
		d = *old
	}
	if field == scoreLikelihood {
		d.Likelihood = v
	} else {
		d.Impact = v
	}
	c := model.Change{Summary: fmt.Sprintf("Set %s of %s to %d", field, key, v), Ops: []model.Op{model.PutDecision(d)}}
	if r, ok := riskFor(p, key); ok {
		nr := r.Clone()
		if field == scoreLikelihood {
			nr.Likelihood = v
		} else {
			nr.Impact = v
		}
		nr.Updated = now
		c.Ops = append(c.Ops, model.PutRisk(nr))
	}
	return c
}

// dropChange deletes stale decisions.
func dropChange(keys []string) model.Change {
	c := model.Change{Summary: fmt.Sprintf("Drop %d stale decisions", len(keys))}
	if len(keys) == 1 {
		c.Summary = "Drop stale decision " + keys[0]
	}
	for _, k := range keys {
		c.Ops = append(c.Ops, model.Del(model.EntityDecision, k))
	}
	return c
}

package threats

import (
	"slices"

	"airisk/model"
)

// ControlRef is a control of a risk that names a provision.
type ControlRef struct {
	RiskID, RiskTitle, Control string
	Status                     model.ControlStatus
}

// ProvisionCoverage is where a project stands on one provision.
type ProvisionCoverage struct {
	Provision *Provision
	// State and Evidence come from the project's checklist (unknown when
	// the checklist has no entry).
	State    model.ProvisionState
	Evidence string
	// Controls are the risk controls that name the provision.
	Controls []ControlRef
	// Addressed is true when a planned, in-progress or implemented control
	// names the provision.
	Addressed bool
}

// PrincipleCoverage totals one principle's provisions.
type PrincipleCoverage struct {
	Principle Principle
	// Total counts the provisions; Met those checked met or not applicable;
	// Addressed those some control names; Open those neither met nor
	// addressed.
	Total, Met, Addressed, Open int
}

// Coverage is a project's coverage of the Code of Practice.
type Coverage struct {
	Provisions []ProvisionCoverage
	Principles []PrincipleCoverage
}

// CoverageOf works out the project's coverage of the Code from its
// checklist and its risks' controls, in the Code's order. Filtering by
// stakeholder or phase is left to callers, through the Provision fields.
func CoverageOf(p *model.Project, c *Catalogue) Coverage {
	if p == nil || c == nil || c.Code == nil {
		return Coverage{}
	}
	checklist := make(map[string]model.ProvisionStatus, len(p.Provisions))
	for _, s := range p.Provisions {
		checklist[s.ID] = s
	}
	controls := controlsByProvision(p)
	cov := Coverage{Provisions: make([]ProvisionCoverage, 0, len(c.Code.Provisions))}
	for i := range c.Code.Provisions {
		prov := &c.Code.Provisions[i]
		pc := ProvisionCoverage{Provision: prov, State: model.ProvisionUnknown, Controls: controls[prov.ID]}
		if s, ok := checklist[prov.ID]; ok {
			pc.State, pc.Evidence = s.Status, s.Evidence
		}
		pc.Addressed = len(pc.Controls) > 0
		cov.Provisions = append(cov.Provisions, pc)
	}
	cov.Principles = principleTotals(c.Code.Principles, cov.Provisions)
	return cov
}

// Filter returns the coverage of the provisions keep accepts, with the
// principle totals worked out again; for example the provisions that fall
// on system operators: cov.Filter(func(p *Provision) bool { return
// p.For(SystemOperator) }).
func (cov Coverage) Filter(keep func(*Provision) bool) Coverage {
	out := Coverage{}
	for _, pc := range cov.Provisions {
		if keep(pc.Provision) {
			out.Provisions = append(out.Provisions, pc)
		}
	}
	principles := make([]Principle, len(cov.Principles))
	for i, pc := range cov.Principles {
		principles[i] = pc.Principle
	}
	out.Principles = principleTotals(principles, out.Provisions)
	return out
}

// controlsByProvision lists, per provision, the controls that name it.
// Every control status (planned, in progress, implemented) counts as
// addressing the provision; anything else is ignored.
func controlsByProvision(p *model.Project) map[string][]ControlRef {
	out := map[string][]ControlRef{}
	for _, r := range p.Risks {
		for _, ctl := range r.Controls {
			if !slices.Contains(model.ControlStatuses, ctl.Status) {
				continue
			}
			ref := ControlRef{RiskID: r.ID, RiskTitle: r.Title, Control: ctl.Title, Status: ctl.Status}
			for i, id := range ctl.Provisions {
				if !slices.Contains(ctl.Provisions[:i], id) { // a provision named twice counts once
					out[id] = append(out[id], ref)
				}
			}
		}
	}
	return out
}

// Met reports whether the checklist says the provision is met or does not
// apply.
func (pc ProvisionCoverage) Met() bool {
	return pc.State == model.ProvisionMet || pc.State == model.ProvisionNotApplicable
}

// Open reports whether the provision is neither met nor addressed by a
// control.
func (pc ProvisionCoverage) Open() bool { return !pc.Met() && !pc.Addressed }

func principleTotals(principles []Principle, provs []ProvisionCoverage) []PrincipleCoverage {
	out := make([]PrincipleCoverage, 0, len(principles))
	for _, pr := range principles {
		t := PrincipleCoverage{Principle: pr}
		for _, pc := range provs {
			if pc.Provision.Principle != pr.Number {
				continue
			}
			t.Total++
			if pc.Met() {
				t.Met++
			}
			if pc.Addressed {
				t.Addressed++
			}
			if pc.Open() {
				t.Open++
			}
		}
		out = append(out, t)
	}
	return out
}

package threats

import (
	"testing"

	"airisk/model"
)

func coverageProject() *model.Project {
	return &model.Project{
		Risks: []model.Risk{
			{ID: "R-1", Title: "Injection", Controls: []model.Control{
				{Title: "Mark retrieved text", Status: model.ControlInProgress, Provisions: []string{"2.2", "9.1"}},
				{Title: "Review sources", Status: model.ControlPlanned, Provisions: []string{"5.4.1", "5.4.1"}},
			}},
			{ID: "R-2", Title: "Refunds", Controls: []model.Control{
				{Title: "Cap refunds", Status: model.ControlImplemented, Provisions: []string{"2.6", "2.2"}},
				{Title: "Broken status", Status: "maybe", Provisions: []string{"6.1"}},
			}},
		},
		Provisions: []model.ProvisionStatus{
			{ID: "5.1", Status: model.ProvisionPartial, Evidence: "CMDB"},
			{ID: "1.1", Status: model.ProvisionMet, Evidence: "Training"},
			{ID: "1.2", Status: model.ProvisionNotApplicable},
			{ID: "2.2", Status: model.ProvisionNotMet},
		},
	}
}

func TestCoverageOfProvisions(t *testing.T) {
	c := mustLoad(t, map[string]string{"a.yaml": validThreat})
	cov := CoverageOf(coverageProject(), c)
	if len(cov.Provisions) != 72 || len(cov.Principles) != 13 {
		t.Fatalf("got %d provisions and %d principles, want 72 and 13", len(cov.Provisions), len(cov.Principles))
	}
	byID := map[string]ProvisionCoverage{}
	for _, pc := range cov.Provisions {
		byID[pc.Provision.ID] = pc
	}
	tests := []struct {
		id              string
		state           model.ProvisionState
		evidence        string
		controls        int
		addressed, open bool
	}{
		{"2.2", model.ProvisionNotMet, "", 2, true, false},
		{"5.4.1", model.ProvisionUnknown, "", 1, true, false},
		{"5.1", model.ProvisionPartial, "CMDB", 0, false, true},
		{"1.1", model.ProvisionMet, "Training", 0, false, false},
		{"1.2", model.ProvisionNotApplicable, "", 0, false, false},
		{"6.1", model.ProvisionUnknown, "", 0, false, true},
		{"13.2", model.ProvisionUnknown, "", 0, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			pc := byID[tt.id]
			if pc.State != tt.state || pc.Evidence != tt.evidence || len(pc.Controls) != tt.controls || pc.Addressed != tt.addressed || pc.Open() != tt.open {
				t.Errorf("got state %s evidence %q controls %d addressed %v open %v, want %s %q %d %v %v",
					pc.State, pc.Evidence, len(pc.Controls), pc.Addressed, pc.Open(), tt.state, tt.evidence, tt.controls, tt.addressed, tt.open)
			}
		})
	}
	want := ControlRef{RiskID: "R-2", RiskTitle: "Refunds", Control: "Cap refunds", Status: model.ControlImplemented}
	if got := byID["2.6"].Controls; len(got) != 1 || got[0] != want {
		t.Errorf("2.6 controls: got %v, want [%v]", got, want)
	}
}

func TestCoverageOfPrinciples(t *testing.T) {
	c := mustLoad(t, map[string]string{"a.yaml": validThreat})
	cov := CoverageOf(coverageProject(), c)
	tests := []struct {
		principle                   int
		total, met, addressed, open int
	}{
		{1, 5, 2, 0, 3},
		{2, 9, 0, 2, 7},
		{5, 7, 0, 1, 6},
		{9, 6, 0, 1, 5},
		{13, 2, 0, 0, 2},
	}
	for _, tt := range tests {
		t.Run(cov.Principles[tt.principle-1].Principle.Title, func(t *testing.T) {
			got := cov.Principles[tt.principle-1]
			if got.Total != tt.total || got.Met != tt.met || got.Addressed != tt.addressed || got.Open != tt.open {
				t.Errorf("got total %d met %d addressed %d open %d, want %d %d %d %d",
					got.Total, got.Met, got.Addressed, got.Open, tt.total, tt.met, tt.addressed, tt.open)
			}
		})
	}
	if got := CoverageOf(nil, c); len(got.Provisions) != 0 {
		t.Errorf("CoverageOf(nil) has %d provisions, want 0", len(got.Provisions))
	}
}

func TestCoverageFilter(t *testing.T) {
	c := mustLoad(t, map[string]string{"a.yaml": validThreat})
	cov := CoverageOf(coverageProject(), c)
	tests := []struct {
		name       string
		keep       func(*Provision) bool
		provisions int
		principle  int // a principle whose totals are checked
		total      int
	}{
		{"affected entities", func(p *Provision) bool { return p.For(AffectedEntity) }, 1, 10, 1},
		{"end of life", func(p *Provision) bool { return p.In(PhaseEndOfLife) }, 2, 13, 2},
		{"everything", func(*Provision) bool { return true }, 72, 5, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cov.Filter(tt.keep)
			if len(got.Provisions) != tt.provisions || len(got.Principles) != 13 {
				t.Fatalf("got %d provisions and %d principles, want %d and 13", len(got.Provisions), len(got.Principles), tt.provisions)
			}
			if total := got.Principles[tt.principle-1].Total; total != tt.total {
				t.Errorf("principle %d total: got %d, want %d", tt.principle, total, tt.total)
			}
		})
	}
}

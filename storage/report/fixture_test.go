package report

import (
	"fmt"
	"time"

	"airisk/model"
)

// hostile is text meant to break out of HTML, Markdown tables and
// spreadsheet cells; every report must show it as plain text.
const hostile = "<script>alert(1)</script> =cmd|' /C calc'!A0 | pipes | [link](http://evil.example/x.png) ![img](//evil.example/i.png) *bold* `code` &amp; url(http://evil.example/)\nsecond line\r\nthird"

// hostileProject is a small project whose every free-text field holds
// hostile text.
func hostileProject() *model.Project {
	sc := model.DefaultScoring()
	sc.LikelihoodLabels[4] = hostile
	sc.ImpactLabels[0] = hostile
	sc.Bands[3].Name = hostile
	return &model.Project{
		Meta: model.ProjectMeta{ID: "hostile", Name: hostile, Description: hostile, Owner: hostile,
			Updated: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		Boundaries: []model.Boundary{{ID: "b1", Name: hostile, Kind: model.BoundaryInternet}},
		Elements: []model.Element{
			{ID: "app", Kind: model.KindAIApp, Name: hostile, Boundary: "b1", Props: model.Props{"internet_facing": true}},
			{ID: "user", Kind: model.KindUser, Name: "User"},
		},
		Flows: []model.Flow{{ID: "f1", From: "user", To: "app", Name: hostile, Props: model.Props{"carries": []string{"prompts"}}}},
		Decisions: []model.Decision{
			{Finding: "AIT-041@app", Status: model.DecisionDismissed, Reason: hostile},
			{Finding: "AIT-999@gone", Status: model.DecisionAccepted, Reason: hostile},
		},
		Risks: []model.Risk{{ID: "R-001", Title: hostile, Description: hostile, Threat: "AIT-041", Elements: []string{"app"},
			Likelihood: 5, Impact: 5, Treatment: model.TreatmentTreat, Status: model.RiskOpen, Owner: hostile,
			Due: "2026-01-01", Notes: hostile,
			Controls: []model.Control{{Title: hostile, Status: model.ControlPlanned, Provisions: []string{"2.2"}}}}},
		Provisions: []model.ProvisionStatus{{ID: "1.1", Status: model.ProvisionMet, Evidence: hostile}},
		Scoring:    &sc,
	}
}

// bigProject builds a project with n risks over n/4 elements, for the
// benchmarks and the size tests.
func bigProject(n int) *model.Project {
	p := &model.Project{Meta: model.ProjectMeta{ID: "big", Name: "Large register", Owner: "Risk office"}}
	p.Boundaries = []model.Boundary{{ID: "corp", Name: "Company", Kind: model.BoundaryOrganisation}}
	kinds := []model.Kind{model.KindAIApp, model.KindAgent, model.KindVectorStore, model.KindModel, model.KindTool, model.KindUser}
	elements := max(n/4, 2)
	for i := range elements {
		p.Elements = append(p.Elements, model.Element{ID: fmt.Sprintf("e%d", i), Kind: kinds[i%len(kinds)],
			Name: fmt.Sprintf("Component %d", i), Boundary: "corp",
			Props: model.Props{"internet_facing": i%2 == 0, "handles_personal_data": true, "retrieval_augmented": i%3 == 0}})
		if i > 0 {
			p.Flows = append(p.Flows, model.Flow{ID: fmt.Sprintf("f%d", i), From: fmt.Sprintf("e%d", i-1), To: fmt.Sprintf("e%d", i),
				Name: fmt.Sprintf("Flow %d", i), Props: model.Props{"carries": []string{"prompts", "personal_data"}}})
		}
	}
	statuses := model.RiskStatuses
	for i := range n {
		r := model.Risk{ID: fmt.Sprintf("R-%04d", i+1), Title: fmt.Sprintf("Risk number %d with a title of ordinary length", i+1),
			Description: "A description of what could go wrong, long enough to wrap over a few lines in the register.",
			Threat:      fmt.Sprintf("AIT-%03d", i%90+1), Elements: []string{fmt.Sprintf("e%d", i%elements)},
			Likelihood: i%5 + 1, Impact: (i/5)%5 + 1, Treatment: model.TreatmentTreat, Status: statuses[i%len(statuses)],
			Owner: "Owner " + fmt.Sprint(i%7), Due: fmt.Sprintf("2026-%02d-15", i%12+1),
			Controls: []model.Control{{Title: "A control against it", Status: model.ControlPlanned, Provisions: []string{"2.2", "9.1"}}}}
		if i%3 == 0 {
			r.ResidualLikelihood, r.ResidualImpact = 1, r.Impact
		}
		p.Risks = append(p.Risks, r)
	}
	return p
}

package model

import "time"

// validProject returns a small project that passes validation; tests break
// one thing at a time.
func validProject() *Project {
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	return &Project{
		Meta: ProjectMeta{ID: "bot", Name: "Support bot", Created: t0, Updated: t0},
		Boundaries: []Boundary{
			{ID: "corp", Name: "Company", Kind: BoundaryOrganisation},
			{ID: "sandbox", Name: "Tool sandbox", Kind: BoundarySandbox, Parent: "corp"},
			{ID: "vendor", Name: "Model vendor", Kind: BoundaryVendor},
		},
		Elements: []Element{
			{ID: "user", Kind: KindUser, Name: "Customer", Props: Props{}},
			{ID: "app", Kind: KindAIApp, Name: "Chat service", Boundary: "corp",
				Props: Props{"retrieval_augmented": true, "output_rendering": "markdown_html"}},
			{ID: "tool", Kind: KindTool, Name: "Search tool", Boundary: "sandbox", Props: Props{"tool_privilege": "read_only"}},
			{ID: "llm", Kind: KindExternalAPI, Name: "Hosted LLM", Boundary: "vendor", Props: Props{"third_party": true}},
		},
		Flows: []Flow{
			{ID: "f1", From: "user", To: "app", Name: "Question", Props: Props{"carries": []string{"prompts"}}},
			{ID: "f2", From: "app", To: "llm", Name: "Prompt", Props: Props{"encrypted": true}},
			{ID: "f3", From: "app", To: "tool", Name: "Search"},
		},
		Decisions: []Decision{{Finding: "AIT-044@app", Status: DecisionAccepted, Decided: t0}},
		Risks: []Risk{{
			ID: "R-001", Title: "Prompt injection", Finding: "AIT-044@app", Threat: "AIT-044",
			Elements: []string{"app"}, Likelihood: 4, Impact: 4, ResidualLikelihood: 2, ResidualImpact: 3,
			Treatment: TreatmentTreat, Status: RiskOpen, Due: "2026-12-15",
			Controls: []Control{{Title: "Tag retrieved text as data", Status: ControlPlanned, Provisions: []string{"2.2", "5.4.1"}}},
		}},
		Provisions: []ProvisionStatus{{ID: "5.1", Status: ProvisionPartial, Evidence: "CMDB"}},
		Workshops: []Workshop{{
			ID: "W-001", Title: "Design review", Attendees: []string{"Ana", "Ben"}, Started: t0, Ended: t0.Add(2 * time.Hour),
			Agenda: []string{"app", "tool"}, Decided: []string{"AIT-044@app"}, RisksCreated: []string{"R-001"},
			Parking: []ParkingItem{{Text: "Who owns the search tool?", Element: "tool", Raised: t0}},
		}},
	}
}

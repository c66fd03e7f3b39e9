package model

import (
	"reflect"
	"testing"
)

// compareBase is a small project the cases below edit.
func compareBase() *Project {
	return &Project{
		Meta: ProjectMeta{ID: "p", Name: "P"},
		Elements: []Element{
			{ID: "user", Kind: KindUser, Name: "User"},
			{ID: "app", Kind: KindAIApp, Name: "App", Props: Props{"retrieval_augmented": true}},
			{ID: "db", Kind: KindDataStore, Name: "Database", X: 10},
		},
		Flows: []Flow{
			{ID: "f1", From: "user", To: "app", Name: "Ask", Props: Props{"carries": []string{"prompts"}}},
			{ID: "f2", From: "app", To: "db", Name: "Query"},
		},
		Decisions: []Decision{
			{Finding: "AIT-001@app", Status: DecisionProposed},
			{Finding: "AIT-002@db", Status: DecisionDismissed, Reason: "no"},
		},
		Risks: []Risk{
			{ID: "R-001", Title: "Injection", Likelihood: 4, Impact: 4, Status: RiskOpen},
			{ID: "R-002", Title: "Leak", Likelihood: 2, Impact: 3, ResidualLikelihood: 1, ResidualImpact: 3, Status: RiskOpen},
		},
	}
}

// compareCase edits a copy of compareBase and says what Compare finds.
type compareCase struct {
	name string
	edit func(p *Project)
	want Comparison
}

func compareCases() []compareCase {
	return []compareCase{
		{"nothing changed", func(p *Project) {}, Comparison{}},
		{"element moved is not a change", func(p *Project) { p.Elements[2].X, p.Elements[2].Y = 500, 80 }, Comparison{}},
		{"set read from a file equals the same set", func(p *Project) { p.Flows[0].Props["carries"] = []any{"prompts"} }, Comparison{}},
		{"decision re-saved later is not a change", func(p *Project) { p.Decisions[0].Decided = p.Decisions[0].Decided.AddDate(0, 0, 1) }, Comparison{}},
		{"element added and removed", func(p *Project) {
			p.Elements = append(p.Elements[1:], Element{ID: "llm", Kind: KindModel, Name: "LLM"})
		}, Comparison{Elements: ItemChanges{Added: []Item{{"llm", "LLM"}}, Removed: []Item{{"user", "User"}}}}},
		{"element renamed", func(p *Project) { p.Elements[1].Name = "Chat app" },
			Comparison{Elements: ItemChanges{Renamed: []Rename{{ID: "app", Before: "App", After: "Chat app"}}}}},
		{"element props and kind changed", func(p *Project) {
			p.Elements[1].Props = Props{"retrieval_augmented": false}
			p.Elements[2].Kind = KindVectorStore
		}, Comparison{Elements: ItemChanges{Changed: []Item{{"app", "App"}, {"db", "Database"}}}}},
		{"flow rerouted, renamed, added, removed", func(p *Project) {
			p.Flows[1].To, p.Flows[1].Name = "user", "Reply"
			p.Flows = append(p.Flows[1:], Flow{ID: "f3", From: "db", To: "app"})
		}, Comparison{Flows: ItemChanges{
			Added:   []Item{{"f3", ""}},
			Removed: []Item{{"f1", "Ask"}},
			Renamed: []Rename{{ID: "f2", Before: "Query", After: "Reply"}},
			Changed: []Item{{"f2", "Reply"}},
		}}},
		{"risk created and removed", func(p *Project) {
			p.Risks = append(p.Risks[1:], Risk{ID: "R-003", Title: "New", Likelihood: 1, Impact: 1, Status: RiskOpen})
		}, Comparison{Risks: RiskChanges{Created: []Item{{"R-003", "New"}}, Removed: []Item{{"R-001", "Injection"}}}}},
		{"risk re-scored", func(p *Project) {
			p.Risks[0].ResidualLikelihood, p.Risks[0].ResidualImpact = 2, 2
			p.Risks[1].Impact = 5
		}, Comparison{Risks: RiskChanges{Rescored: []Rescore{
			{ID: "R-001", Title: "Injection", Before: Scores{4, 4, 0, 0}, After: Scores{4, 4, 2, 2}},
			{ID: "R-002", Title: "Leak", Before: Scores{2, 3, 1, 3}, After: Scores{2, 5, 1, 3}},
		}}}},
		{"risk status changed", func(p *Project) { p.Risks[1].Status = RiskClosed },
			Comparison{Risks: RiskChanges{Statuses: []StatusChange{{ID: "R-002", Title: "Leak", Before: RiskOpen, After: RiskClosed}}}}},
		{"decisions made, changed, withdrawn", func(p *Project) {
			p.Decisions[0].Status = DecisionAccepted
			p.Decisions = append(p.Decisions[:1], Decision{Finding: "AIT-003@user", Status: DecisionProposed})
		}, Comparison{Decisions: []DecisionChange{
			{Finding: "AIT-001@app", Before: DecisionProposed, After: DecisionAccepted},
			{Finding: "AIT-003@user", After: DecisionProposed},
			{Finding: "AIT-002@db", Before: DecisionDismissed},
		}}},
		{"decision reason changed", func(p *Project) { p.Decisions[1].Reason = "not reachable" },
			Comparison{Decisions: []DecisionChange{{Finding: "AIT-002@db", Before: DecisionDismissed, After: DecisionDismissed}}}},
	}
}

func TestCompare(t *testing.T) {
	for _, tc := range compareCases() {
		t.Run(tc.name, func(t *testing.T) {
			before, after := compareBase(), compareBase()
			tc.edit(after)
			got := Compare(before, after)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Compare:\ngot  %+v\nwant %+v", got, tc.want)
			}
			if got.Empty() != reflect.DeepEqual(tc.want, Comparison{}) {
				t.Errorf("Empty() = %v for %+v", got.Empty(), got)
			}
			if !reflect.DeepEqual(before, compareBase()) {
				t.Errorf("Compare modified its first argument")
			}
		})
	}
}

func TestCompareWithNil(t *testing.T) {
	p := compareBase()
	got := Compare(nil, p)
	if len(got.Elements.Added) != 3 || len(got.Flows.Added) != 2 || len(got.Risks.Created) != 2 || len(got.Decisions) != 2 {
		t.Errorf("Compare(nil, p) = %+v, want everything added", got)
	}
	got = Compare(p, nil)
	if len(got.Elements.Removed) != 3 || len(got.Flows.Removed) != 2 || len(got.Risks.Removed) != 2 || len(got.Decisions) != 2 {
		t.Errorf("Compare(p, nil) = %+v, want everything removed", got)
	}
	if !Compare(nil, nil).Empty() {
		t.Errorf("Compare(nil, nil) is not empty")
	}
}

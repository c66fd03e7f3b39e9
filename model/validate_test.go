package model

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"
)

func TestValidateAcceptsValidProject(t *testing.T) {
	if err := validProject().Validate(); err != nil {
		t.Fatalf("got %v, want no problems", err)
	}
}

func TestValidateNamesEveryProblem(t *testing.T) {
	tests := []struct {
		name     string
		breakIt  func(p *Project)
		wantPath string
		wantMsg  string
	}{
		{"empty project id", func(p *Project) { p.Meta.ID = "" }, "project.id", "is empty"},
		{"bad project id", func(p *Project) { p.Meta.ID = "../etc" }, "project.id", "may only use"},
		{"dots only id", func(p *Project) { p.Meta.ID = ".." }, "project.id", "at least one letter"},
		{"long id", func(p *Project) { p.Meta.ID = strings.Repeat("a", 65) }, "project.id", "longer than 64"},
		{"empty project name", func(p *Project) { p.Meta.Name = "  " }, "project.name", "is empty"},
		{"invalid utf8 name", func(p *Project) { p.Meta.Name = "a\xffb" }, "project.name", "UTF-8"},
		{"long description", func(p *Project) { p.Meta.Description = strings.Repeat("x", MaxTextLength+1) }, "project.description", "longer than"},
		{"bad pack", func(p *Project) { p.Meta.Packs = []string{"a b"} }, "project.packs[0]", "may only use"},
		{"duplicate boundary", func(p *Project) { p.Boundaries[1].ID = "corp" }, "boundaries[1].id", "used twice"},
		{"boundary kind", func(p *Project) { p.Boundaries[0].Kind = "castle" }, "boundaries[0].kind", "must be one of"},
		{"boundary parent", func(p *Project) { p.Boundaries[1].Parent = "nowhere" }, "boundaries[1].parent", `unknown boundary "nowhere"`},
		{"boundary cycle", func(p *Project) { p.Boundaries[0].Parent = "sandbox" }, "boundaries[0].parent", "inside itself"},
		{"boundary size", func(p *Project) { p.Boundaries[0].W = -5 }, "boundaries[0].w", "width and height"},
		{"element kind", func(p *Project) { p.Elements[1].Kind = "robot" }, "elements[1].kind", `unknown kind "robot"`},
		{"element boundary", func(p *Project) { p.Elements[1].Boundary = "moon" }, "elements[1].boundary", `unknown boundary "moon"`},
		{"reserved element id", func(p *Project) { p.Elements[0].ID = "project"; p.Flows[0].From = "project" }, "elements[0].id", "reserved"},
		{"reserved flow id", func(p *Project) { p.Flows[0].ID = "project" }, "flows[0].id", "reserved"},
		{"duplicate element", func(p *Project) { p.Elements[2].ID = "app" }, "elements[2].id", "used twice"},
		{"unknown property", func(p *Project) { p.Elements[1].Props["colour"] = "red" }, "elements[1].props.colour", "unknown property"},
		{"property of another kind", func(p *Project) { p.Elements[0].Props["autonomous"] = true }, "elements[0].props.autonomous", "does not apply to a User"},
		{"wrong bool type", func(p *Project) { p.Elements[1].Props["retrieval_augmented"] = "yes" }, "elements[1].props.retrieval_augmented", "true or false"},
		{"wrong enum value", func(p *Project) { p.Elements[1].Props["output_rendering"] = "pdf" }, "elements[1].props.output_rendering", "must be one of"},
		{"derived property set", func(p *Project) { p.Flows[0].Props["crosses_trust_boundary"] = true }, "flows[0].props.crosses_trust_boundary", "derived"},
		{"element prop on flow", func(p *Project) { p.Flows[0].Props["autonomous"] = true }, "flows[0].props.autonomous", "does not apply to data flows"},
		{"wrong set member", func(p *Project) { p.Flows[0].Props["carries"] = []string{"gold"} }, "flows[0].props.carries", `"gold"`},
		{"set not a list", func(p *Project) { p.Flows[0].Props["carries"] = "prompts" }, "flows[0].props.carries", "must be a list"},
		{"NaN position", func(p *Project) { p.Elements[0].X = math.NaN() }, "elements[0].x", "position"},
		{"huge position", func(p *Project) { p.Elements[0].Y = 1e300 }, "elements[0].x", "position"},
		{"dangling flow", func(p *Project) { p.Flows[2].To = "llm2" }, "flows[2].to", `unknown element "llm2"`},
		{"empty flow end", func(p *Project) { p.Flows[2].From = "" }, "flows[2].from", "is empty"},
		{"self flow", func(p *Project) { p.Flows[2].To = "app" }, "flows[2].to", "same element"},
		{"element id clashes with boundary", func(p *Project) { p.Elements[0].ID = "corp"; p.Flows[0].From = "corp" }, "elements[0].id", "id of a boundary"},
		{"flow id clashes with boundary", func(p *Project) { p.Flows[0].ID = "vendor" }, "flows[0].id", "id of a boundary"},
		{"flow id clashes with element", func(p *Project) { p.Flows[0].ID = "app" }, "flows[0].id", "already the id of an element"},
		{"bad finding key", func(p *Project) { p.Decisions[0].Finding = "AIT-044" }, "decisions[0].finding", "THREAT@TARGET"},
		{"decided twice", func(p *Project) { p.Decisions = append(p.Decisions, p.Decisions[0]) }, "decisions[1].finding", "decided twice"},
		{"decision status", func(p *Project) { p.Decisions[0].Status = "maybe" }, "decisions[0].status", "must be one of"},
		{"dismissal without reason", func(p *Project) { p.Decisions[0].Status = DecisionDismissed }, "decisions[0].reason", "needs a reason"},
		{"decision likelihood", func(p *Project) { p.Decisions[0].Likelihood = 6 }, "decisions[0].likelihood", "1 to 5"},
		{"duplicate risk", func(p *Project) { p.Risks = append(p.Risks, p.Risks[0].Clone()) }, "risks[1].id", "used twice"},
		{"risk title", func(p *Project) { p.Risks[0].Title = "" }, "risks[0].title", "is empty"},
		{"risk finding", func(p *Project) { p.Risks[0].Finding = "@" }, "risks[0].finding", "THREAT@TARGET"},
		{"risk threat", func(p *Project) { p.Risks[0].Threat = "AIT 1" }, "risks[0].threat", "may only use"},
		{"risk element", func(p *Project) { p.Risks[0].Elements = []string{"ghost"} }, "risks[0].elements[0]", `unknown element "ghost"`},
		{"zero likelihood", func(p *Project) { p.Risks[0].Likelihood = 0 }, "risks[0].likelihood", "1 to 5"},
		{"negative impact", func(p *Project) { p.Risks[0].Impact = -3 }, "risks[0].impact", "1 to 5"},
		{"huge residual", func(p *Project) { p.Risks[0].ResidualLikelihood = 1 << 40 }, "risks[0].residual_likelihood", "1 to 5"},
		{"half residual", func(p *Project) { p.Risks[0].ResidualImpact = 0 }, "risks[0].residual_impact", "together"},
		{"treatment", func(p *Project) { p.Risks[0].Treatment = "ignore" }, "risks[0].treatment", "must be one of"},
		{"risk status", func(p *Project) { p.Risks[0].Status = "" }, "risks[0].status", "must be one of"},
		{"due date", func(p *Project) { p.Risks[0].Due = "15/12/2026" }, "risks[0].due", "YYYY-MM-DD"},
		{"review date", func(p *Project) { p.Risks[0].Review = "2026-02-30" }, "risks[0].review", "YYYY-MM-DD"},
		{"control title", func(p *Project) { p.Risks[0].Controls[0].Title = "" }, "risks[0].controls[0].title", "is empty"},
		{"control status", func(p *Project) { p.Risks[0].Controls[0].Status = "done" }, "risks[0].controls[0].status", "must be one of"},
		{"control provision", func(p *Project) { p.Risks[0].Controls[0].Provisions = []string{"five"} }, "risks[0].controls[0].provisions[0]", "provision number"},
		{"provision id", func(p *Project) { p.Provisions[0].ID = "x" }, "provisions[0].id", "provision number"},
		{"provision twice", func(p *Project) { p.Provisions = append(p.Provisions, p.Provisions[0]) }, "provisions[1].id", "listed twice"},
		{"provision status", func(p *Project) { p.Provisions[0].Status = "done" }, "provisions[0].status", "must be one of"},
		{"scoring labels", func(p *Project) { s := DefaultScoring(); s.ImpactLabels = s.ImpactLabels[:3]; p.Scoring = &s }, "scoring.impact_labels", "exactly 5"},
		{"scoring band order", func(p *Project) { s := DefaultScoring(); s.Bands[1].Max = 3; p.Scoring = &s }, "scoring.bands[1].max", "must be above"},
		{"scoring last band", func(p *Project) { s := DefaultScoring(); s.Bands = s.Bands[:3]; p.Scoring = &s }, "scoring.bands", "must end at 25"},
		{"scoring appetite", func(p *Project) { s := DefaultScoring(); s.Appetite = 30; p.Scoring = &s }, "scoring.appetite", "between 0 and 25"},
		{"workshop title", func(p *Project) { p.Workshops[0].Title = "" }, "workshops[0].title", "is empty"},
		{"workshop twice", func(p *Project) { p.Workshops = append(p.Workshops, p.Workshops[0].Clone()) }, "workshops[1].id", "used twice"},
		{"workshop ends early", func(p *Project) { p.Workshops[0].Ended = p.Workshops[0].Started.Add(-time.Hour) }, "workshops[0].ended", "ends before"},
		{"parking element", func(p *Project) { p.Workshops[0].Parking[0].Element = "ghost" }, "workshops[0].parking[0].element", `unknown element "ghost"`},
		{"parking text", func(p *Project) { p.Workshops[0].Parking[0].Text = "" }, "workshops[0].parking[0].text", "is empty"},
		{"too many elements", func(p *Project) { p.Elements = make([]Element, MaxElements+1) }, "elements", "the limit is 20000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProject()
			tt.breakIt(p)
			err := p.Validate()
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("got %v, want Problems", err)
			}
			for _, pr := range ps {
				if pr.Path == tt.wantPath && strings.Contains(pr.Message, tt.wantMsg) {
					return
				}
			}
			t.Errorf("got %v, want a problem at %s containing %q", err, tt.wantPath, tt.wantMsg)
		})
	}
}

func TestValidateReportsAllProblemsAtOnce(t *testing.T) {
	p := validProject()
	p.Meta.Name = ""
	p.Flows[0].To = "nowhere"
	p.Risks[0].Likelihood = 9
	err := p.Validate()
	var ps Problems
	if !errors.As(err, &ps) || len(ps) != 3 {
		t.Fatalf("got %v, want exactly 3 problems", err)
	}
	if !strings.Contains(err.Error(), `flows[0].to: unknown element "nowhere"`) {
		t.Errorf("got %q, want the flow problem spelled out", err.Error())
	}
}

func TestBoundaryNestingDepth(t *testing.T) {
	p := validProject()
	p.Boundaries = nil
	parent := ""
	for i := 0; i < MaxBoundaryDepth+2; i++ {
		id := "b" + string(rune('a'+i))
		p.Boundaries = append(p.Boundaries, Boundary{ID: id, Name: id, Kind: BoundaryTenant, Parent: parent})
		parent = id
	}
	p.Elements[1].Boundary, p.Elements[2].Boundary, p.Elements[3].Boundary = "", "", ""
	err := p.Validate()
	if err == nil || !strings.Contains(err.Error(), "nest more than 16 deep") {
		t.Fatalf("got %v, want a nesting depth problem", err)
	}
}

func TestSplitFindingKey(t *testing.T) {
	tests := []struct {
		key            string
		threat, target string
		ok             bool
	}{
		{"AIT-044@chat-app", "AIT-044", "chat-app", true},
		{"AIT-080@project", "AIT-080", "project", true},
		{"AIT-044", "", "", false},
		{"@x", "", "", false},
		{"AIT-1@../x", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			th, tg, ok := SplitFindingKey(tt.key)
			if th != tt.threat || tg != tt.target || ok != tt.ok {
				t.Errorf("got %q %q %v, want %q %q %v", th, tg, ok, tt.threat, tt.target, tt.ok)
			}
		})
	}
}

package diagram

import (
	"fmt"

	"airisk/model"
)

// fixture is a small project with nested boundaries, parallel flows and a
// name that needs escaping, placed by hand.
func fixture() *model.Project {
	return &model.Project{
		Meta: model.ProjectMeta{ID: "fixture", Name: "Fixture <test> & co"},
		Boundaries: []model.Boundary{
			{ID: "corp", Name: "Corp", Kind: model.BoundaryOrganisation, X: 200, Y: 0, W: 700, H: 400},
			{ID: "sandbox", Name: "Tool \"sandbox\"", Kind: model.BoundarySandbox, Parent: "corp", X: 520, Y: 180, W: 340, H: 200},
			{ID: "vendor", Name: "Vendor", Kind: model.BoundaryVendor, X: 1000, Y: 0, W: 260, H: 200},
		},
		Elements: []model.Element{
			{ID: "user", Kind: model.KindUser, Name: "User", X: 0, Y: 40},
			{ID: "app", Kind: model.KindAIApp, Name: "Chat app", Boundary: "corp", X: 240, Y: 40},
			{ID: "agent", Kind: model.KindAgent, Name: "Agent & planner", Boundary: "sandbox", X: 560, Y: 220},
			{ID: "index", Kind: model.KindVectorStore, Name: "Vector index", Boundary: "corp", X: 560, Y: 40},
			{ID: "llm", Kind: model.KindExternalAPI, Name: "Hosted model", Boundary: "vendor", X: 1040, Y: 40},
		},
		Flows: []model.Flow{
			{ID: "f1", From: "user", To: "app", Name: "Question"},
			{ID: "f2", From: "app", To: "user", Name: "Answer"},
			{ID: "f3", From: "app", To: "index", Name: "Query"},
			{ID: "f4", From: "app", To: "llm", Name: "Prompt \"with\" context"},
			{ID: "f5", From: "app", To: "agent"},
		},
	}
}

// generated builds a project of n elements in nb top-level boundaries
// (every other one holding a nested boundary), with about 1.5 labelled
// flows per element, all at the origin as after an import without
// positions.
func generated(n, nb int) *model.Project {
	p := &model.Project{Meta: model.ProjectMeta{ID: "gen", Name: "Generated"}}
	for i := 0; i < nb; i++ {
		p.Boundaries = append(p.Boundaries, model.Boundary{ID: fmt.Sprintf("b%d", i), Name: fmt.Sprintf("Boundary %d", i), Kind: model.BoundaryOrganisation})
		if i%2 == 0 {
			p.Boundaries = append(p.Boundaries, model.Boundary{ID: fmt.Sprintf("b%dn", i), Name: fmt.Sprintf("Nested %d", i), Kind: model.BoundarySandbox, Parent: fmt.Sprintf("b%d", i)})
		}
	}
	for i := 0; i < n; i++ {
		k := model.Kinds[i%len(model.Kinds)].Kind
		e := model.Element{ID: fmt.Sprintf("e%d", i), Kind: k, Name: fmt.Sprintf("%s number %d", k.Name(), i)}
		if nb > 0 && i%5 != 0 {
			e.Boundary = p.Boundaries[i%len(p.Boundaries)].ID
		}
		p.Elements = append(p.Elements, e)
	}
	for i := 0; i < n*3/2; i++ {
		from, to := i%n, (i*7+3)%n
		if from == to {
			to = (to + 1) % n
		}
		p.Flows = append(p.Flows, model.Flow{ID: fmt.Sprintf("f%d", i), From: fmt.Sprintf("e%d", from), To: fmt.Sprintf("e%d", to), Name: fmt.Sprintf("Data flow %d", i)})
	}
	return p
}

// spread places a generated project's elements on a grid so it can be
// drawn without a layout.
func spread(p *model.Project) *model.Project {
	cols := 20
	for i := range p.Elements {
		p.Elements[i].X = float64(i%cols) * 240
		p.Elements[i].Y = float64(i/cols) * 160
		p.Elements[i].Boundary = ""
	}
	for i := range p.Boundaries {
		p.Boundaries[i].Parent = ""
	}
	return p
}

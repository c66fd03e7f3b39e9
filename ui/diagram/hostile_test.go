package diagram

import (
	"fmt"
	"testing"

	"airisk/model"
)

// TestHostileProjects draws projects no valid edit produces but a broken
// or hostile file might: nothing may panic or run away.
func TestHostileProjects(t *testing.T) {
	tests := map[string]func(p *model.Project){
		"huge coordinates": func(p *model.Project) {
			p.Elements[0].X, p.Elements[0].Y = model.MaxCoordinate, -model.MaxCoordinate
			p.Boundaries[0].W, p.Boundaries[0].H = model.MaxCoordinate, model.MaxCoordinate
		},
		"stacked elements": func(p *model.Project) {
			for i := range p.Elements {
				p.Elements[i].X, p.Elements[i].Y = 100, 100
			}
		},
		"a hundred parallel flows": func(p *model.Project) {
			for i := 0; i < 100; i++ {
				p.Flows = append(p.Flows, model.Flow{ID: fmt.Sprintf("p%d", i), From: "user", To: "app", Name: "Again"})
			}
		},
		"boundary cycle": func(p *model.Project) {
			p.Boundaries[0].Parent = "sandbox"
		},
		"unknown kind and long name": func(p *model.Project) {
			p.Elements[0].Kind = "mystery"
			p.Elements[0].Name = string(make([]rune, 300))
		},
	}
	for name, spoil := range tests {
		t.Run(name, func(t *testing.T) {
			p := fixture()
			spoil(p)
			s := NewScene(p, map[string]Badge{"app": {Count: 1000, Score: 99}})
			s.HitTest(Point{100, 100}, HitOptions{Tol: 3})
			if _, err := RenderSVG(p, RenderOptions{}); err != nil {
				t.Errorf("RenderSVG: %v", err)
			}
			LayoutDOT(p)
			MoveChange(p, []string{"corp"}, Point{10, 10}, GridSize)
		})
	}
}

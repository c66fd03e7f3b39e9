package diagram

import (
	"testing"
	"time"

	"airisk/model"
)

// applied applies c to a copy of p and fails the test when the model
// rejects it.
func applied(t *testing.T, p *model.Project, c model.Change) *model.Project {
	t.Helper()
	next := p.Clone()
	if _, err := next.Apply(c); err != nil {
		t.Fatalf("change %q does not apply: %v", c.Summary, err)
	}
	return next
}

func element(t *testing.T, p *model.Project, id string) model.Element {
	t.Helper()
	e, ok := p.Element(id)
	if !ok {
		t.Fatalf("no element %s", id)
	}
	return *e
}

func TestMoveChange(t *testing.T) {
	tests := []struct {
		name         string
		ids          []string
		delta        Point
		grid         float64
		id           string
		wantX, wantY float64
		wantBoundary string
		wantOps      int
	}{
		{"into a boundary", []string{"user"}, Point{300, 240}, 0, "user", 300, 280, "corp", 1},
		{"into a nested boundary, snapped", []string{"user"}, Point{587, 203}, GridSize, "user", 580, 240, "sandbox", 1},
		{"out of every boundary", []string{"app"}, Point{-240, 300}, 0, "app", 0, 340, "", 1},
		{"two elements keep their distance", []string{"app", "index"}, Point{13, 9}, GridSize, "index", 580, 40, "corp", 2},
		{"a boundary takes its contents", []string{"sandbox"}, Point{-300, 0}, 0, "agent", 260, 220, "sandbox", 2},
		{"nothing to move", []string{"f1"}, Point{50, 50}, 0, "user", 0, 40, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := fixture()
			c := MoveChange(p, tt.ids, tt.delta, tt.grid)
			if len(c.Ops) != tt.wantOps {
				t.Fatalf("got %d ops, want %d: %+v", len(c.Ops), tt.wantOps, c.Ops)
			}
			next := applied(t, p, c)
			e := element(t, next, tt.id)
			if e.X != tt.wantX || e.Y != tt.wantY || e.Boundary != tt.wantBoundary {
				t.Errorf("got %s at (%v, %v) in %q, want (%v, %v) in %q", tt.id, e.X, e.Y, e.Boundary, tt.wantX, tt.wantY, tt.wantBoundary)
			}
		})
	}
}

func TestAddElementChange(t *testing.T) {
	p := fixture()
	c, id := AddElementChange(p, model.KindVectorStore, Point{600, 240})
	next := applied(t, p, c)
	e := element(t, next, id)
	if e.Kind != model.KindVectorStore || e.Name != "Vector store" || e.Boundary != "sandbox" {
		t.Errorf("got %+v, want a Vector store in sandbox", e)
	}
	c2, id2 := AddElementChange(next, model.KindVectorStore, Point{0, 600})
	if e2 := element(t, applied(t, next, c2), id2); e2.Name != "Vector store 2" || e2.Boundary != "" {
		t.Errorf("got second element %q in %q, want \"Vector store 2\" in no boundary", e2.Name, e2.Boundary)
	}
}

func TestConnectAndReconnect(t *testing.T) {
	p := fixture()
	if _, _, ok := ConnectChange(p, "app", "app"); ok {
		t.Error("ConnectChange accepted a flow from an element to itself")
	}
	if _, _, ok := ConnectChange(p, "app", "ghost"); ok {
		t.Error("ConnectChange accepted an unknown element")
	}
	c, id, ok := ConnectChange(p, "index", "llm")
	if !ok {
		t.Fatal("ConnectChange refused index to llm")
	}
	next := applied(t, p, c)
	if f, _ := next.Flow(id); f.From != "index" || f.To != "llm" {
		t.Errorf("got flow %+v, want index to llm", f)
	}
	if _, ok := ReconnectChange(next, id, EndTo, "index"); ok {
		t.Error("ReconnectChange accepted a flow starting and ending at the same element")
	}
	if _, ok := ReconnectChange(next, id, EndTo, "llm"); ok {
		t.Error("ReconnectChange accepted a change that changes nothing")
	}
	rc, ok := ReconnectChange(next, id, EndFrom, "agent")
	if !ok {
		t.Fatal("ReconnectChange refused agent as the new source")
	}
	if f, _ := applied(t, next, rc).Flow(id); f.From != "agent" || f.To != "llm" {
		t.Errorf("got flow %+v, want agent to llm", f)
	}
}

func TestBoundaryChanges(t *testing.T) {
	p := fixture()
	c, id := AddBoundaryChange(p, Rect{220, 20, 200, 120}, model.BoundaryTenant)
	next := applied(t, p, c)
	b, _ := next.Boundary(id)
	if b.Parent != "corp" || element(t, next, "app").Boundary != id {
		t.Errorf("new boundary: parent %q, app in %q; want corp and %s", b.Parent, element(t, next, "app").Boundary, id)
	}
	grow := ResizeBoundaryChange(next, id, Rect{220, 20, 640, 360})
	grown := applied(t, next, grow)
	if got, _ := grown.Boundary("sandbox"); got.Parent != id {
		t.Errorf("after growing, sandbox has parent %q, want %s", got.Parent, id)
	}
	if got := element(t, grown, "index").Boundary; got != id {
		t.Errorf("after growing, index is in %q, want %s", got, id)
	}
	if r := resizeRegion(Rect{0, 0, 200, 200}, CornerNW, Point{500, 500}, GridSize); r.W != MinBoundaryW || r.H != MinBoundaryH {
		t.Errorf("resizing past the opposite corner gave %v, want the minimum size", r)
	}
}

func TestDeleteChange(t *testing.T) {
	p := fixture()
	p.Decisions = []model.Decision{{Finding: "AIT-001@app", Status: model.DecisionAccepted, Decided: time.Unix(0, 0)}, {Finding: "AIT-002@index", Status: model.DecisionProposed}}
	p.Risks = []model.Risk{{ID: "R-001", Title: "Risk", Elements: []string{"app", "index"}, Likelihood: 3, Impact: 3, Treatment: model.TreatmentTreat, Status: model.RiskOpen}}
	c := DeleteChange(p, []string{"app", "corp"})
	next := applied(t, p, c)
	if _, ok := next.Element("app"); ok {
		t.Error("app is still there")
	}
	for _, f := range next.Flows {
		if f.From == "app" || f.To == "app" {
			t.Errorf("flow %s of the deleted element survived", f.ID)
		}
	}
	if _, ok := next.Decision("AIT-001@app"); ok {
		t.Error("the decision on a finding about app survived")
	}
	if _, ok := next.Decision("AIT-002@index"); !ok {
		t.Error("the decision about index was deleted")
	}
	if r, _ := next.Risk("R-001"); len(r.Elements) != 1 || r.Elements[0] != "index" {
		t.Errorf("risk elements: got %v, want [index]", r.Elements)
	}
	if sb, _ := next.Boundary("sandbox"); sb.Parent != "" {
		t.Errorf("sandbox parent: got %q, want none after its parent was deleted", sb.Parent)
	}
	if got := element(t, next, "index").Boundary; got != "" {
		t.Errorf("index is in %q, want no boundary after corp was deleted", got)
	}
}

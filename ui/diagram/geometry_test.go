package diagram

import (
	"math"
	"slices"
	"strings"
	"testing"

	"airisk/model"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		width    float64
		maxLines int
		want     []string
	}{
		{"fits on one line", "Chat widget", 144, 2, []string{"Chat widget"}},
		{"breaks at spaces", "System prompt and tool definitions", 144, 2, []string{"System prompt and tool", "definitions"}},
		{"splits a word too long for a line", "Supercalifragilistic", 60, 3, []string{"Supercalif", "ragilistic"}},
		{"ellipsis when out of lines", "one two three four five six seven eight nine ten", 60, 2, []string{"one two", "three fo…"}},
		{"empty", "   ", 100, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.text, 12.5, tt.width, false, tt.maxLines)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for _, line := range got {
				if w := TextWidth(line, 12.5, false); w > tt.width {
					t.Errorf("line %q is %.1f wide, more than %.1f", line, w, tt.width)
				}
			}
		})
	}
}

func TestMembershipAndNesting(t *testing.T) {
	p := fixture()
	p.Boundaries = append(p.Boundaries,
		model.Boundary{ID: "twin", Name: "Twin of vendor", Kind: model.BoundaryVendor, X: 1000, Y: 0, W: 260, H: 200},
		model.Boundary{ID: "unplaced", Name: "Not placed", Kind: model.BoundaryTenant})
	p.Elements = append(p.Elements, model.Element{ID: "kept", Kind: model.KindUser, Name: "Kept", Boundary: "unplaced", X: -500, Y: -500})
	members := Membership(p)
	wantMembers := map[string]string{"user": "", "app": "corp", "agent": "sandbox", "index": "corp", "llm": "twin", "kept": "unplaced"}
	for id, want := range wantMembers {
		if members[id] != want {
			t.Errorf("element %s: got boundary %q, want %q", id, members[id], want)
		}
	}
	parents := Nesting(p)
	wantParents := map[string]string{"corp": "", "sandbox": "corp", "vendor": "", "twin": "vendor", "unplaced": ""}
	for id, want := range wantParents {
		if parents[id] != want {
			t.Errorf("boundary %s: got parent %q, want %q", id, parents[id], want)
		}
	}
}

func TestRoutes(t *testing.T) {
	s := NewScene(fixture(), nil)
	f1, _ := s.Flow("f1")
	f2, _ := s.Flow("f2")
	user, _ := s.Node("user")
	app, _ := s.Node("app")
	if got := distToRectBorder(f1.Points[0], user.Rect); got > 0.01 {
		t.Errorf("f1 starts %.2f away from the user's border, want on it", got)
	}
	if got := distToRectBorder(f1.Points[len(f1.Points)-1], app.Rect); got > 0.01 {
		t.Errorf("f1 ends %.2f away from the app's border, want on it", got)
	}
	if gap := math.Abs(f1.Points[0].Y - f2.Points[len(f2.Points)-1].Y); math.Abs(gap-parallelGap) > 0.01 {
		t.Errorf("flows both ways between user and app are %.2f apart, want %v", gap, parallelGap)
	}
	if f1.Label.Intersects(f2.Label) {
		t.Errorf("labels of f1 %v and f2 %v overlap", f1.Label, f2.Label)
	}
	f4, _ := s.Flow("f4")
	index, _ := s.Node("index")
	for i := 1; i < len(f4.Points); i++ {
		if segmentHits(f4.Points[i-1], f4.Points[i], index.Rect) {
			t.Errorf("f4 runs through the vector index: %v", f4.Points)
		}
	}
	if !f4.Crosses || f1.Crosses == false || mustFlow(t, s, "f3").Crosses {
		t.Errorf("crossing flags: f4 %v, f1 %v, f3 %v; want true, true, false", f4.Crosses, f1.Crosses, mustFlow(t, s, "f3").Crosses)
	}
}

func mustFlow(t *testing.T, s *Scene, id string) FlowGeom {
	t.Helper()
	f, ok := s.Flow(id)
	if !ok {
		t.Fatalf("flow %s is not in the scene", id)
	}
	return f
}

func TestHitTest(t *testing.T) {
	p := fixture()
	s := NewScene(p, map[string]Badge{"app": {Count: 3, Score: 12}})
	app, _ := s.Node("app")
	f3 := mustFlow(t, s, "f3")
	corp, _ := s.Boundary("corp")
	mid := f3.Points[0].Add(f3.Points[1]).Scale(0.5)
	sel := map[string]bool{"f3": true, "corp": true}
	tests := []struct {
		name string
		at   Point
		opt  HitOptions
		want Hit
	}{
		{"element body", app.Rect.Centre(), HitOptions{Tol: 4}, Hit{Kind: HitElement, ID: "app"}},
		{"badge", app.Badge.Centre(), HitOptions{Tol: 4}, Hit{Kind: HitBadge, ID: "app"}},
		{"connector of hovered element", ConnectorAt(app.Rect), HitOptions{Tol: 4, Hover: "app"}, Hit{Kind: HitConnector, ID: "app"}},
		{"connector not live without hover", ConnectorAt(app.Rect).Add(Point{3, 0}), HitOptions{Tol: 4}, Hit{Kind: HitFlow, ID: "f3"}},
		{"flow label", f3.Label.Centre(), HitOptions{Tol: 4}, Hit{Kind: HitFlow, ID: "f3"}},
		{"near a flow line", mid.Add(Point{0, 3}), HitOptions{Tol: 4}, Hit{Kind: HitFlow, ID: "f3"}},
		{"end of a selected flow", f3.Points[1], HitOptions{Tol: 4, Selected: sel}, Hit{Kind: HitFlowEnd, ID: "f3", End: EndTo}},
		{"boundary edge", Point{corp.Rect.X + 300, corp.Rect.Y + corp.Rect.H}, HitOptions{Tol: 4}, Hit{Kind: HitBoundary, ID: "corp"}},
		{"boundary label", corp.Label.Centre(), HitOptions{Tol: 4}, Hit{Kind: HitBoundary, ID: "corp"}},
		{"corner of a selected boundary", corp.Rect.Max(), HitOptions{Tol: 4, Selected: sel}, Hit{Kind: HitBoundaryHandle, ID: "corp", Corner: CornerSE}},
		{"empty space inside a boundary", Point{300, 300}, HitOptions{Tol: 4}, Hit{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.HitTest(tt.at, tt.opt); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestInRect(t *testing.T) {
	s := NewScene(fixture(), nil)
	got := s.InRect(Rect{-10, 0, 600, 160})
	want := []string{"user", "app", "f1", "f2"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDashSegmentsBounded(t *testing.T) {
	segs := dashSegments(Rect{0, 0, 1e6, 1e6}, 9, 5)
	if len(segs) > maxDashes+4 {
		t.Errorf("got %d dashes for a huge boundary, want at most %d", len(segs), maxDashes+4)
	}
	small := dashSegments(Rect{0, 0, 140, 70}, 9, 5)
	if len(small) < 20 {
		t.Errorf("got %d dashes for a 140x70 boundary, want at least 20", len(small))
	}
}

func TestSceneSkipsBrokenFlows(t *testing.T) {
	p := fixture()
	p.Flows = append(p.Flows, model.Flow{ID: "bad", From: "nobody", To: "app"}, model.Flow{ID: "loop", From: "app", To: "app"})
	s := NewScene(p, nil)
	for _, id := range []string{"bad", "loop"} {
		if _, ok := s.Flow(id); ok {
			t.Errorf("flow %s is in the scene, want it left out", id)
		}
	}
	if !strings.Contains(string(LayoutDOT(p)), "\"app\" -> \"agent\"") || strings.Contains(string(LayoutDOT(p)), "nobody") {
		t.Errorf("LayoutDOT must keep good flows and drop broken ones")
	}
}

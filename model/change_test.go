package model

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestApplyAndUndo(t *testing.T) {
	tests := []struct {
		name   string
		change Change
	}{
		{"add element", Change{Summary: "add", Ops: []Op{PutElement(Element{ID: "e9", Kind: KindVectorStore, Name: "Index", Props: Props{}})}}},
		{"edit element", Change{Ops: []Op{PutElement(Element{ID: "app", Kind: KindAIApp, Name: "Renamed", Props: Props{}})}}},
		{"delete element with its flows and decision", Change{Ops: []Op{
			Del(EntityFlow, "f1"), Del(EntityFlow, "f2"), Del(EntityFlow, "f3"),
			Del(EntityDecision, "AIT-044@app"), Del(EntityRisk, "R-001"), Del(EntityElement, "app"),
		}}},
		{"scoring set", Change{Ops: []Op{PutScoring(&Scoring{
			LikelihoodLabels: []string{"1", "2", "3", "4", "5"}, ImpactLabels: []string{"1", "2", "3", "4", "5"},
			Bands: []Band{{"Low", 10}, {"High", 25}}, Appetite: 10})}}},
		{"meta", Change{Ops: []Op{PutMeta(ProjectMeta{ID: "bot", Name: "New name"})}}},
		{"provision", Change{Ops: []Op{PutProvision(ProvisionStatus{ID: "1.1", Status: ProvisionMet})}}},
		{"workshop", Change{Ops: []Op{PutWorkshop(Workshop{ID: "W-002", Title: "Follow-up", Started: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)})}}},
		{"boundary", Change{Ops: []Op{PutBoundary(Boundary{ID: "b2", Name: "Tenant", Kind: BoundaryTenant, Parent: "corp"})}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProject()
			before := p.Clone()
			inverse, err := p.Apply(tt.change)
			if err != nil {
				t.Fatalf("apply: %v", err)
			}
			if reflect.DeepEqual(p, before) {
				t.Fatal("apply changed nothing")
			}
			if _, err := p.Apply(inverse); err != nil {
				t.Fatalf("undo: %v", err)
			}
			if !sameContent(p, before) {
				t.Errorf("after undo got %+v, want %+v", p, before)
			}
		})
	}
}

// sameContent compares projects ignoring the order of entries, which an
// undo of a delete may change.
func sameContent(a, b *Project) bool {
	return reflect.DeepEqual(a.Meta, b.Meta) && reflect.DeepEqual(a.Scoring, b.Scoring) &&
		sameSet(a.Elements, b.Elements, func(e Element) string { return e.ID }) &&
		sameSet(a.Flows, b.Flows, func(f Flow) string { return f.ID }) &&
		sameSet(a.Boundaries, b.Boundaries, func(x Boundary) string { return x.ID }) &&
		sameSet(a.Decisions, b.Decisions, func(d Decision) string { return d.Finding }) &&
		sameSet(a.Risks, b.Risks, func(r Risk) string { return r.ID }) &&
		sameSet(a.Provisions, b.Provisions, func(s ProvisionStatus) string { return s.ID }) &&
		sameSet(a.Workshops, b.Workshops, func(w Workshop) string { return w.ID })
}

func sameSet[T any](a, b []T, key func(T) string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]T{}
	for _, x := range a {
		m[key(x)] = x
	}
	for _, y := range b {
		x, ok := m[key(y)]
		if !ok || !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

func TestApplyRejectsInvalidAndLeavesProjectAlone(t *testing.T) {
	tests := []struct {
		name string
		op   Op
		want string
	}{
		{"dangling flow", PutFlow(Flow{ID: "f9", From: "app", To: "ghost"}), `unknown element "ghost"`},
		{"delete element still used by flows", Del(EntityElement, "user"), "unknown element"},
		{"delete missing", Del(EntityRisk, "R-999"), "no risk"},
		{"id mismatch", Op{Entity: EntityElement, ID: "x", Element: &Element{ID: "y"}}, "does not match"},
		{"nothing to write", Op{Entity: EntityFlow, ID: "f1"}, "nothing to write"},
		{"unknown entity", Op{Entity: "widget", ID: "x"}, "unknown entity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProject()
			before := p.Clone()
			_, err := p.Apply(Change{Summary: "edit", Ops: []Op{tt.op}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
			if !reflect.DeepEqual(p, before) {
				t.Error("a failed apply changed the project")
			}
		})
	}
}

func TestCloneIsDeep(t *testing.T) {
	p := validProject()
	c := p.Clone()
	c.Elements[1].Props["retrieval_augmented"] = false
	c.Risks[0].Controls[0].Provisions[0] = "9.9"
	c.Flows[0].Props["carries"].([]string)[0] = "logs"
	if !p.Elements[1].Props.Bool("retrieval_augmented") || p.Risks[0].Controls[0].Provisions[0] != "2.2" ||
		p.Flows[0].Props.Set("carries")[0] != "prompts" {
		t.Error("editing the clone changed the original")
	}
}

package model

import (
	"slices"
	"testing"
)

func TestBoundaryChain(t *testing.T) {
	p := validProject()
	tests := []struct {
		element string
		want    []string
	}{
		{"user", nil},
		{"app", []string{"corp"}},
		{"tool", []string{"sandbox", "corp"}},
		{"llm", []string{"vendor"}},
		{"missing", nil},
	}
	for _, tt := range tests {
		t.Run(tt.element, func(t *testing.T) {
			if got := p.BoundaryChain(tt.element); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBoundaryChainSurvivesCycles(t *testing.T) {
	p := validProject()
	p.Boundaries[0].Parent = "sandbox" // corp <-> sandbox: invalid, but must not loop
	if got := p.BoundaryChain("tool"); !slices.Equal(got, []string{"sandbox", "corp"}) {
		t.Errorf("got %v, want [sandbox corp]", got)
	}
}

func TestCrosses(t *testing.T) {
	p := validProject()
	tests := []struct {
		name string
		flow Flow
		want bool
	}{
		{"outside into a boundary", Flow{From: "user", To: "app"}, true},
		{"between sibling boundaries", Flow{From: "app", To: "llm"}, true},
		{"into a nested boundary", Flow{From: "app", To: "tool"}, true},
		{"within one boundary", Flow{From: "app", To: "app"}, false},
		{"dangling end", Flow{From: "app", To: "nobody"}, false},
	}
	ix := NewIndex(p)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Crosses(tt.flow); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestHasAI(t *testing.T) {
	p := validProject()
	if !p.HasAI() {
		t.Error("got no AI, want AI (the project has an ai_app)")
	}
	generic := &Project{Elements: []Element{{Kind: KindUser}, {Kind: KindProcess}, {Kind: KindDataStore}}}
	if generic.HasAI() {
		t.Error("got AI, want none for generic kinds only")
	}
}

func TestBoundaryDepths(t *testing.T) {
	got := validProject().BoundaryDepths()
	want := map[string]int{"corp": 0, "sandbox": 1, "vendor": 0}
	for id, d := range want {
		if got[id] != d {
			t.Errorf("depth of %s: got %d, want %d", id, got[id], d)
		}
	}
}

package diagram

import (
	"context"
	"errors"
	"testing"
	"time"

	"airisk/model"
)

func TestLayoutDOTGolden(t *testing.T) {
	golden(t, "fixture.dot", LayoutDOT(fixture()))
}

func TestLayoutPlacesEverything(t *testing.T) {
	for name, p := range map[string]*model.Project{"fixture": fixture(), "generated 60": generated(60, 4)} {
		t.Run(name, func(t *testing.T) {
			c, err := Layout(context.Background(), p)
			if err != nil {
				t.Fatalf("Layout: %v", err)
			}
			if c.Summary != "Auto-layout" || len(c.Ops) == 0 {
				t.Fatalf("got change %q with %d ops, want Auto-layout with ops", c.Summary, len(c.Ops))
			}
			laid := p.Clone()
			if _, err := laid.Apply(c); err != nil {
				t.Fatalf("the layout change does not apply: %v", err)
			}
			assertLaidOut(t, laid)
		})
	}
}

// assertLaidOut checks that no two elements overlap, that every element
// lies in its own boundary by geometry, and that nested boundaries lie in
// their parents.
func assertLaidOut(t *testing.T, p *model.Project) {
	t.Helper()
	for i, a := range p.Elements {
		for _, b := range p.Elements[i+1:] {
			if ElementRect(a).Intersects(ElementRect(b)) {
				t.Errorf("elements %s and %s overlap", a.ID, b.ID)
			}
		}
	}
	members := Membership(p)
	for _, e := range p.Elements {
		if members[e.ID] != e.Boundary {
			t.Errorf("element %s: lies in boundary %q by geometry, want %q", e.ID, members[e.ID], e.Boundary)
		}
	}
	for _, b := range p.Boundaries {
		if b.Parent == "" {
			continue
		}
		parent, _ := p.Boundary(b.Parent)
		if !BoundaryRect(*parent).ContainsRect(BoundaryRect(b)) {
			t.Errorf("boundary %s is not inside its parent %s", b.ID, b.Parent)
		}
	}
}

func TestLayoutCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Layout(ctx, generated(30, 2))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got error %v, want context.Canceled", err)
	}
}

func TestLayoutDeadlineReturnsPromptly(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Layout(ctx, generated(200, 8))
	if err == nil {
		return // the machine was fast enough; nothing to check
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got error %v, want context.DeadlineExceeded", err)
	}
	if waited := time.Since(start); waited > 5*time.Second {
		t.Errorf("Layout returned %v after its deadline; it must not wait for graphviz", waited)
	}
}

func TestNeedsLayout(t *testing.T) {
	tests := []struct {
		name string
		p    *model.Project
		want bool
	}{
		{"hand placed", fixture(), false},
		{"all at the origin", generated(5, 0), true},
		{"empty", &model.Project{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NeedsLayout(tt.p); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func BenchmarkLayout200(b *testing.B) {
	p := generated(200, 8)
	if err := PrepareLayout(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Layout(context.Background(), p); err != nil {
			b.Fatal(err)
		}
	}
}

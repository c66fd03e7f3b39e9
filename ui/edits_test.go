package ui

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"airisk/model"
)

// canonical renders a project with its lists sorted by id, so two projects
// holding the same things compare equal whatever their order.
func canonical(t *testing.T, p *model.Project) string {
	t.Helper()
	c := p.Clone()
	c.Meta.Updated = c.Meta.Created
	slices.SortFunc(c.Boundaries, func(a, b model.Boundary) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(c.Elements, func(a, b model.Element) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(c.Flows, func(a, b model.Flow) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(c.Decisions, func(a, b model.Decision) int { return strings.Compare(a.Finding, b.Finding) })
	slices.SortFunc(c.Risks, func(a, b model.Risk) int { return strings.Compare(a.ID, b.ID) })
	data, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return string(data)
}

func opIDs(c model.Change, entity model.Entity, deleted bool) []string {
	var out []string
	for _, op := range c.Ops {
		if op.Entity == entity && op.Delete == deleted {
			out = append(out, op.ID)
		}
	}
	slices.Sort(out)
	return out
}

func TestCompleteDeletes(t *testing.T) {
	p := sampleProject(t)
	cases := []struct {
		name           string
		change         model.Change
		flows          []string
		decisions      []string
		risksRewritten []string
		elementsMoved  []string
	}{
		{
			name:   "nothing deleted stays as it is",
			change: model.Change{Summary: "Rename", Ops: []model.Op{model.PutMeta(p.Meta)}},
		},
		{
			name:           "element takes its flows, decisions and place in risks",
			change:         model.Change{Summary: "Delete", Ops: []model.Op{model.Del(model.EntityElement, "chat-app")}},
			flows:          flowsTouching(p, "chat-app"),
			decisions:      decisionsOn(p, "chat-app"),
			risksRewritten: risksNaming(p, "chat-app"),
		},
		{
			name:          "boundary hands its elements to nobody",
			change:        model.Change{Summary: "Delete", Ops: []model.Op{model.Del(model.EntityBoundary, "internet")}},
			elementsMoved: []string{"customer", "idp"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := completeDeletes(p, c.change)
			if g := opIDs(got, model.EntityFlow, true); !slices.Equal(g, c.flows) {
				t.Errorf("deleted flows: got %v, want %v", g, c.flows)
			}
			if g := opIDs(got, model.EntityDecision, true); !slices.Equal(g, c.decisions) {
				t.Errorf("deleted decisions: got %v, want %v", g, c.decisions)
			}
			if g := opIDs(got, model.EntityRisk, false); !slices.Equal(g, c.risksRewritten) {
				t.Errorf("rewritten risks: got %v, want %v", g, c.risksRewritten)
			}
			if g := opIDs(got, model.EntityElement, false); !slices.Equal(g, c.elementsMoved) {
				t.Errorf("moved elements: got %v, want %v", g, c.elementsMoved)
			}
			next := p.Clone()
			if _, err := next.Apply(got); err != nil {
				t.Errorf("the completed change does not apply: %v", err)
			}
		})
	}
}

func flowsTouching(p *model.Project, id string) []string {
	var out []string
	for _, f := range p.Flows {
		if f.From == id || f.To == id {
			out = append(out, f.ID)
		}
	}
	slices.Sort(out)
	return out
}

func decisionsOn(p *model.Project, id string) []string {
	var out []string
	for _, d := range p.Decisions {
		if strings.HasSuffix(d.Finding, "@"+id) {
			out = append(out, d.Finding)
		}
	}
	slices.Sort(out)
	return out
}

func risksNaming(p *model.Project, id string) []string {
	var out []string
	for _, r := range p.Risks {
		if slices.Contains(r.Elements, id) {
			out = append(out, r.ID)
		}
	}
	slices.Sort(out)
	return out
}

func TestCopyPasteKeepsInternalFlows(t *testing.T) {
	p := sampleProject(t)
	text, err := copyClip(p, []string{"chat-app", "memory", "customer"})
	if err != nil {
		t.Fatal(err)
	}
	c, ok := parseClip(text)
	if !ok {
		t.Fatal("got no clip back from the copied text")
	}
	if got, want := len(c.Elements), 3; got != want {
		t.Errorf("copied elements: got %d, want %d", got, want)
	}
	// chat-app <-> memory both ways; no flow joins customer to the others.
	if got, want := len(c.Flows), 2; got != want {
		t.Errorf("copied flows: got %d, want %d", got, want)
	}
	change, added := pasteChange(p, c, 40, 40)
	if len(added) != 3 {
		t.Fatalf("pasted elements: got %d, want 3", len(added))
	}
	next := p.Clone()
	if _, err := next.Apply(change); err != nil {
		t.Fatalf("paste does not apply: %v", err)
	}
	for _, id := range added {
		if slices.Contains([]string{"chat-app", "memory", "customer"}, id) {
			t.Errorf("pasted element reuses the id %q", id)
		}
	}
	orig, _ := p.Element("chat-app")
	copied, _ := next.Element(added[slices.IndexFunc(c.Elements, func(e model.Element) bool { return e.ID == "chat-app" })])
	if copied.X != orig.X+40 || copied.Y != orig.Y+40 || copied.Name != orig.Name || !copied.Props.Bool("retrieval_augmented") {
		t.Errorf("pasted copy: got %+v, want the original moved by 40,40", copied)
	}
}

func TestParseClipRejectsOtherText(t *testing.T) {
	for _, text := range []string{"", "hello", `{"format":"other","elements":[{}]}`, `{"format":"airisk-clip/1","elements":[]}`, "{broken"} {
		if _, ok := parseClip(text); ok {
			t.Errorf("parseClip(%q): got a clip, want none", text)
		}
	}
}

func TestUniqueID(t *testing.T) {
	used := map[string]bool{"a": true, "a-2": true}
	if got := uniqueID("a", used); got != "a-3" {
		t.Errorf("got %q, want a-3", got)
	}
	if got := uniqueID("b", used); got != "b" {
		t.Errorf("got %q, want b", got)
	}
	long := strings.Repeat("x", 80)
	if got := uniqueID(long, used); len(got) > model.MaxIDLength {
		t.Errorf("got an id of %d characters, want at most %d", len(got), model.MaxIDLength)
	}
}

package threats

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"airisk/model"
)

// threatYAML writes a minimal valid threat; cond is the line with its
// condition (or "").
func threatYAML(id, on, cond string) string {
	return fmt.Sprintf(`  - id: %s
    title: Threat %s
    description: Something goes wrong.
    example: An example.
    phases: [deployment]
    stride: [T]
    on: [%s]
%s    likelihood: 3
    impact: 3
    rationale: Because.
    mitigations:
      - text: One.
        provisions: ["2.2"]
      - text: Two.
        provisions: ["6.1"]
    references: [LLM01:2025]
`, id, id, on, cond)
}

// engineCatalogue is a small catalogue covering every kind of target and
// pack.
func engineCatalogue(t *testing.T) *Catalogue {
	ai := "pack: ai\nthreats:\n" +
		threatYAML("AIT-900", "ai_app, agent", "    when: retrieval_augmented and kind == \"ai_app\"\n") +
		threatYAML("AIT-910", "flow", "    when_flow: '\"prompts\" in carries and crosses_trust_boundary and target.third_party'\n") +
		threatYAML("AIT-920", "project", "    when_project: '\"agent\" in kinds'\n") +
		threatYAML("AIT-930", "vector_store", "")
	stride := "pack: stride\nthreats:\n" + threatYAML("STR-001", "shape:store", "    when: not retention_defined\n")
	c := mustLoad(t, map[string]string{"ai.yaml": ai, "stride.yaml": stride})
	local := fstest.MapFS{"house.yaml": {Data: []byte("pack: acme\nthreats:\n" + threatYAML("ACME-1", "process", ""))}}
	c, err := c.WithLocal(local, "house")
	if err != nil {
		t.Fatalf("WithLocal: %v", err)
	}
	return c
}

func el(id string, kind model.Kind, boundary string, props model.Props) model.Element {
	return model.Element{ID: id, Kind: kind, Name: "Element " + id, Boundary: boundary, Props: props}
}

func aiProject() *model.Project {
	return &model.Project{
		Meta:       model.ProjectMeta{ID: "p", Name: "Test project"},
		Boundaries: []model.Boundary{{ID: "corp", Name: "Corp", Kind: model.BoundaryOrganisation}, {ID: "vendor", Name: "Vendor", Kind: model.BoundaryVendor}},
		Elements: []model.Element{
			el("app", model.KindAIApp, "corp", model.Props{"retrieval_augmented": true}),
			el("agent", model.KindAgent, "corp", model.Props{"retrieval_augmented": true}),
			el("index", model.KindVectorStore, "corp", nil),
			el("db", model.KindDataStore, "corp", model.Props{"retention_defined": true}),
			el("job", model.KindProcess, "corp", nil),
			el("llm", model.KindExternalAPI, "vendor", model.Props{"third_party": true}),
		},
		Flows: []model.Flow{
			{ID: "f1", From: "app", To: "llm", Props: model.Props{"carries": []string{"prompts", "personal_data"}}},
			{ID: "f2", From: "app", To: "index", Name: "Query", Props: model.Props{"carries": []string{"prompts"}}},
		},
	}
}

func genericProject() *model.Project {
	return &model.Project{
		Meta: model.ProjectMeta{ID: "g", Name: "Generic"},
		Elements: []model.Element{
			el("web", model.KindProcess, "", nil),
			el("db", model.KindDataStore, "", nil),
			el("u", model.KindUser, "", nil),
		},
		Flows: []model.Flow{{ID: "f1", From: "u", To: "web", Props: model.Props{"carries": []string{"prompts"}}}},
	}
}

type row struct{ key, why string }

func rows(fs []Finding) []row {
	if len(fs) == 0 {
		return nil
	}
	out := make([]row, len(fs))
	for i, f := range fs {
		out[i] = row{f.Key, f.Why}
	}
	return out
}

func TestAnalyse(t *testing.T) {
	c := engineCatalogue(t)
	withStride := func(p *model.Project) *model.Project { p.Meta.Packs = []string{PackStride}; return p }
	tests := []struct {
		name    string
		project *model.Project
		want    []row
	}{
		{"ai project", aiProject(), []row{
			{"AIT-920@project", "element kinds in the project: agent"},
			{"AIT-900@app", "AI application; retrieval augmented: yes"},
			{"AIT-910@f1", "carries: prompts; crosses a trust boundary; target third party: yes"},
			{"AIT-930@index", "applies to every vector store"},
			{"ACME-1@job", "applies to every process"},
		}},
		{"ai project with the stride pack", withStride(aiProject()), []row{
			{"AIT-920@project", "element kinds in the project: agent"},
			{"AIT-900@app", "AI application; retrieval augmented: yes"},
			{"AIT-910@f1", "carries: prompts; crosses a trust boundary; target third party: yes"},
			{"AIT-930@index", "applies to every vector store"},
			{"STR-001@index", "Vector store; retention defined: no"},
			{"ACME-1@job", "applies to every process"},
		}},
		{"generic project gets no AI findings", genericProject(), []row{
			{"ACME-1@web", "applies to every process"},
		}},
		{"generic project with the stride pack", withStride(genericProject()), []row{
			{"STR-001@db", "Data store; retention defined: no"},
			{"ACME-1@web", "applies to every process"},
		}},
		{"empty project", &model.Project{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(Analyse(tt.project, c))
			sortRowsLikeAnalyse(tt.want)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

// sortRowsLikeAnalyse orders expected rows by target, then threat.
func sortRowsLikeAnalyse(rs []row) {
	slices.SortFunc(rs, func(a, b row) int {
		ta, xa, _ := strings.Cut(a.key, "@")
		tb, xb, _ := strings.Cut(b.key, "@")
		return cmp.Or(compareNatural(xa, xb), cmp.Compare(ta, tb))
	})
}

func TestCompareNatural(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"f2", "f10", -1},
		{"f10", "f9", 1},
		{"e1", "e1", 0},
		{"app", "app2", -1},
		{"f02", "f2", -1},
		{"chat-app", "chat-widget", -1},
		{"x9y", "x10a", -1},
		{"project", "f1", 1},
	}
	for _, tt := range tests {
		t.Run(tt.a+" vs "+tt.b, func(t *testing.T) {
			if got := compareNatural(tt.a, tt.b); max(-1, min(1, got)) != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestAnalyseFindingFields(t *testing.T) {
	c := engineCatalogue(t)
	fs := Analyse(aiProject(), c)
	byKey := map[string]Finding{}
	for _, f := range fs {
		byKey[f.Key] = f
	}
	tests := []struct {
		key, target, name string
		kind              TargetKind
		facts             []Fact
	}{
		{"AIT-900@app", "app", "Element app", TargetElement, []Fact{{"kind", "ai_app"}, {"retrieval_augmented", "true"}}},
		{"AIT-910@f1", "f1", "Element app to Element llm", TargetFlow, []Fact{{"carries", "prompts"}, {"crosses_trust_boundary", "true"}, {"target.third_party", "true"}}},
		{"AIT-920@project", "project", "Test project", TargetProject, []Fact{{"kinds", "agent"}}},
		{"AIT-930@index", "index", "Element index", TargetElement, []Fact{{"on", "vector_store"}}},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			f, ok := byKey[tt.key]
			if !ok {
				t.Fatalf("no finding %s", tt.key)
			}
			if f.Target != tt.target || f.TargetName != tt.name || f.TargetKind != tt.kind || f.Threat.ID+"@"+f.Target != f.Key {
				t.Errorf("got target %q name %q kind %q, want %q %q %q", f.Target, f.TargetName, f.TargetKind, tt.target, tt.name, tt.kind)
			}
			if !reflect.DeepEqual(f.Facts, tt.facts) {
				t.Errorf("facts: got %v, want %v", f.Facts, tt.facts)
			}
		})
	}
}

func TestAnalyseIsDeterministic(t *testing.T) {
	c := engineCatalogue(t)
	p := aiProject()
	before := p.Clone()
	first := rows(Analyse(p, c))
	for i := 0; i < 5; i++ {
		if got := rows(Analyse(p, c)); !reflect.DeepEqual(got, first) {
			t.Fatalf("run %d: got %v, want %v", i, got, first)
		}
	}
	if !reflect.DeepEqual(p, before) {
		t.Errorf("Analyse changed the project")
	}
}

func TestAnalyseToleratesBrokenProjects(t *testing.T) {
	c := engineCatalogue(t)
	p := aiProject()
	p.Elements = append(p.Elements, el("odd", "robot", "", model.Props{"retrieval_augmented": "yes", "carries": 3}))
	p.Elements[0].Props["carries"] = []any{"prompts", 4}
	p.Flows = append(p.Flows, model.Flow{ID: "f9", From: "app", To: "missing"})
	if got := Analyse(p, c); len(got) == 0 {
		t.Errorf("got no findings from a project with broken parts")
	}
	if got := Analyse(nil, c); got != nil {
		t.Errorf("Analyse(nil) = %v, want nil", got)
	}
}

func TestAnalyseConcurrently(t *testing.T) {
	c := bundledCatalogue(t)
	p := syntheticProject(100)
	want := rows(Analyse(p, c))
	done := make(chan []row)
	for i := 0; i < 4; i++ {
		go func() { done <- rows(Analyse(p, c)) }()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; !reflect.DeepEqual(got, want) {
			t.Errorf("goroutine %d got %d findings, want %d", i, len(got), len(want))
		}
	}
}

func TestFindingsNotIn(t *testing.T) {
	f := func(keys ...string) []Finding {
		var out []Finding
		for _, k := range keys {
			out = append(out, Finding{Key: k})
		}
		return out
	}
	tests := []struct {
		name string
		a, b []Finding
		want []string
	}{
		{"new findings", f("A@x", "B@x", "C@y"), f("B@x"), []string{"A@x", "C@y"}},
		{"none gone", f("A@x"), f("A@x", "B@x"), nil},
		{"empty before", f("A@x"), nil, []string{"A@x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, x := range FindingsNotIn(tt.a, tt.b) {
				got = append(got, x.Key)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

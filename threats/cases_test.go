package threats

import (
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"

	"airisk/model"
)

// casesFile maps every threat id to a small situation where the threat must
// fire (positive) and one where it must not (negative).
const casesFile = "testdata/cases.yaml"

// caseElement is one element of a situation.
type caseElement struct {
	Kind  model.Kind  `yaml:"kind"`
	Props model.Props `yaml:"props,omitempty"`
}

// caseFlow is the flow of a flow situation.
type caseFlow struct {
	Props   model.Props `yaml:"props,omitempty"`
	Crosses bool        `yaml:"crosses,omitempty"`
}

// situation is exactly one of: an element (target "x"), a flow from source
// to target (target "f"), or a whole project (target "project").
type situation struct {
	Element *caseElement  `yaml:"element,omitempty"`
	Flow    *caseFlow     `yaml:"flow,omitempty"`
	Source  *caseElement  `yaml:"source,omitempty"`
	Target  *caseElement  `yaml:"target,omitempty"`
	Project []caseElement `yaml:"project,omitempty"`
}

// threatCase is the positive and negative situation of one threat. More
// holds further pairs, for threats that attach to flows as well as to
// elements.
type threatCase struct {
	Positive situation    `yaml:"positive"`
	Negative situation    `yaml:"negative"`
	More     []threatCase `yaml:"more,omitempty"`
}

func readCases(t testing.TB) map[string]threatCase {
	t.Helper()
	data, err := os.ReadFile(casesFile)
	if os.IsNotExist(err) {
		return map[string]threatCase{}
	}
	if err != nil {
		t.Fatalf("read %s: %v", casesFile, err)
	}
	cases := map[string]threatCase{}
	if err := yaml.Unmarshal(data, &cases); err != nil {
		t.Fatalf("read %s: %v", casesFile, err)
	}
	return cases
}

// auxID is a guardrail added to element and flow situations so the project
// has an AI component; the threat under test never targets it.
const auxID = "aux"

// build turns a situation into a valid project and names the target.
func (s situation) build() (*model.Project, string) {
	p := &model.Project{
		Meta:       model.ProjectMeta{ID: "case", Name: "Case", Packs: []string{PackStride}},
		Boundaries: []model.Boundary{{ID: "a", Name: "A", Kind: model.BoundaryOrganisation}, {ID: "b", Name: "B", Kind: model.BoundaryVendor}},
	}
	add := func(id string, e *caseElement, boundary string) {
		p.Elements = append(p.Elements, model.Element{ID: id, Kind: e.Kind, Name: id, Boundary: boundary, Props: normalized(e.Props)})
	}
	switch {
	case s.Element != nil:
		add("x", s.Element, "a")
		add(auxID, &caseElement{Kind: model.KindGuardrail}, "a")
		return p, "x"
	case s.Flow != nil && s.Source != nil && s.Target != nil:
		add("src", s.Source, "a")
		add("dst", s.Target, map[bool]string{true: "b", false: "a"}[s.Flow.Crosses])
		add(auxID, &caseElement{Kind: model.KindGuardrail}, "a")
		p.Flows = []model.Flow{{ID: "f", From: "src", To: "dst", Name: "f", Props: normalized(s.Flow.Props)}}
		return p, "f"
	}
	for i := range s.Project {
		add(string(rune('a'+i))+"e", &s.Project[i], "a")
	}
	return p, model.ProjectTarget
}

func normalized(props model.Props) model.Props {
	out := props.Clone()
	if out == nil {
		out = model.Props{}
	}
	out.Normalize()
	return out
}

// fires reports whether threat id fires on the situation's target.
func (s situation) fires(t *testing.T, c *Catalogue, id string) bool {
	t.Helper()
	p, target := s.build()
	if err := p.Validate(); err != nil {
		t.Fatalf("the situation is not a valid project:\n%v", err)
	}
	key := model.FindingKey(id, target)
	return slices.ContainsFunc(Analyse(p, c), func(f Finding) bool { return f.Key == key })
}

// TestThreatCases runs every threat against its positive and negative
// situation and fails when a threat has none.
func TestThreatCases(t *testing.T) {
	c := bundledCatalogue(t)
	if *genCases {
		draftMissingCases(t, c)
	}
	cases := readCases(t)
	for _, th := range c.Threats {
		t.Run(th.ID, func(t *testing.T) {
			tc, ok := cases[th.ID]
			if !ok {
				t.Fatalf("%s has no case in %s (run go test -run TestThreatCases -gencases to draft one)", th.ID, casesFile)
			}
			for i, pair := range append([]threatCase{tc}, tc.More...) {
				if !pair.Positive.fires(t, c, th.ID) {
					t.Errorf("pair %d: positive: %s did not fire", i, th.ID)
				}
				if pair.Negative.fires(t, c, th.ID) {
					t.Errorf("pair %d: negative: %s fired", i, th.ID)
				}
			}
		})
	}
	for id := range cases {
		if _, ok := c.Threat(id); !ok {
			t.Errorf("%s has a case but is not in the catalogue", id)
		}
	}
}

package threats

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"airisk/assets"
	"airisk/model"
)

// templatesFS holds the starter templates under templates/, as the app
// ships them.
var templatesFS = assets.FS

// tplBoxW and tplBoxH are the size of an element's box on the diagram (x
// and y are its top left): the tallest node ui/diagram draws, since stores
// are 64 high. tplMargin is the least room left between a box or a nested
// boundary and the edge of the boundary around it.
const (
	tplBoxW   = 160
	tplBoxH   = 72
	tplMargin = 20
)

// templateSuggestions lists, per template, signature findings a workshop
// must start from.
var templateSuggestions = map[string][]string{
	"rag-assistant": {
		"AIT-044@chat-app",     // indirect prompt injection through retrieved passages
		"AIT-049@chat-app",     // exfiltration through rendered Markdown
		"AIT-045@chat-app",     // dormant injection in indexed documents
		"AIT-061@vector-index", // secrets harvested from indexed internal content
		"AIT-059@vector-index", // permission leakage through retrieval
		"AIT-084@llm",          // users expose sensitive data to the hosted model
	},
	"agent-with-tools": {
		"AIT-063@agent",     // over-permissioned tools (excessive agency)
		"AIT-062@agent",     // goal hijack
		"AIT-073@agent",     // rogue or runaway autonomous agent
		"AIT-067@code-tool", // execution of generated code
		"AIT-074@web-tool",  // lured by malicious web content
		"AIT-021@mail-mcp",  // malicious or poisoned third-party MCP server
	},
	"predictive-retraining": {
		"AIT-001@retraining-pipeline", // poisoning through production data
		"AIT-006@retraining-pipeline", // feedback-loop manipulation
		"AIT-004@f10",                 // analysts' labels tampered with on the way in
		"AIT-077@model",               // undetected drift
		"AIT-029@model",               // adversarial examples against a predictive model
		"AIT-039@scoring-api",         // returned scores help attackers
	},
	"fine-tuned-open-weights": {
		"AIT-012@tuned-model",       // backdoored pre-trained model from a public hub
		"AIT-013@tuned-model",       // code execution from unsafe model files
		"AIT-015@tuned-model",       // backdoor surviving fine-tuning
		"AIT-007@tuned-model",       // fine-tuning strips safety behaviour
		"AIT-005@public-datasets",   // poisoned public data source
		"AIT-004@annotation-vendor", // outsourced labels tampered with
	},
	"ai-saas-integration": {
		"AIT-018@saas-app",         // compromised or unreliable third-party AI service
		"AIT-084@saas-app",         // staff expose sensitive data to the service
		"AIT-018@subprocessor-llm", // the vendor's own model supplier
		"AIT-021@saas-connector",   // vendor connector holding an OAuth grant
		"AIT-059@vendor-index",     // permission leakage in the vendor's shared index
		"AIT-044@ai-integration",   // injection through customer-written tickets
	},
}

// templateFile is a portable model file as read from disk.
type templateFile struct {
	Format        string `yaml:"format"`
	model.Project `yaml:",inline"`
}

// readTemplates reads every templates/*.yaml strictly (unknown fields are
// errors) and returns the projects by base name without .airisk.yaml.
// Callers range over slices.Sorted(maps.Keys(...)) so that subtests run in
// a stable order.
func readTemplates(t *testing.T) map[string]*model.Project {
	t.Helper()
	names, err := fs.Glob(templatesFS, "templates/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no templates found under templates/ (err %v)", err)
	}
	out := make(map[string]*model.Project, len(names))
	for _, name := range names {
		p, err := readTemplate(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		out[strings.TrimSuffix(path.Base(name), ".airisk.yaml")] = p
	}
	return out
}

func readTemplate(name string) (*model.Project, error) {
	data, err := fs.ReadFile(templatesFS, name)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var f templateFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if f.Format != "airisk/1" {
		return nil, fmt.Errorf("format is %q, want \"airisk/1\"", f.Format)
	}
	for i := range f.Elements {
		f.Elements[i].Props.Normalize()
	}
	for i := range f.Flows {
		f.Flows[i].Props.Normalize()
	}
	if err := f.Project.Validate(); err != nil {
		return nil, fmt.Errorf("not a valid project:\n%w", err)
	}
	return &f.Project, nil
}

func TestTemplatesAreStartingDiagrams(t *testing.T) {
	templates := readTemplates(t)
	for _, name := range slices.Sorted(maps.Keys(templateSuggestions)) {
		if templates[name] == nil {
			t.Errorf("template %s.airisk.yaml is missing or unreadable", name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(templates)) {
		p := templates[name]
		t.Run(name, func(t *testing.T) {
			if _, ok := templateSuggestions[name]; !ok {
				t.Errorf("template %s has no row in templateSuggestions", name)
			}
			checkTemplateShape(t, name, p)
		})
	}
}

// checkTemplateShape checks what makes a template a starting diagram: its
// id, a name and description, 8-15 elements, all inside boundaries and on
// at least one flow, and no decisions, risks or checklist answers yet.
func checkTemplateShape(t *testing.T, name string, p *model.Project) {
	if p.Meta.ID != name {
		t.Errorf("project id %q, want the file's base name %q", p.Meta.ID, name)
	}
	if p.Meta.Name == "" || p.Meta.Description == "" {
		t.Errorf("project name %q and description %q must both be set", p.Meta.Name, p.Meta.Description)
	}
	if n := len(p.Elements); n < 8 || n > 15 {
		t.Errorf("got %d elements, want 8-15", n)
	}
	if len(p.Decisions)+len(p.Risks)+len(p.Provisions) != 0 {
		t.Errorf("got %d decisions, %d risks, %d provisions; want none in a template",
			len(p.Decisions), len(p.Risks), len(p.Provisions))
	}
	if !p.HasAI() {
		t.Errorf("the template has no AI component")
	}
	onFlow := map[string]bool{}
	for _, f := range p.Flows {
		onFlow[f.From], onFlow[f.To] = true, true
	}
	for _, e := range p.Elements {
		if e.Boundary == "" {
			t.Errorf("element %s is in no trust boundary", e.ID)
		}
		if !onFlow[e.ID] {
			t.Errorf("element %s has no data flow", e.ID)
		}
	}
}

func TestTemplatesSuggestions(t *testing.T) {
	c := bundledCatalogue(t)
	templates := readTemplates(t)
	for _, name := range slices.Sorted(maps.Keys(templates)) {
		p := templates[name]
		t.Run(name, func(t *testing.T) {
			findings := Analyse(p, c)
			keys := make(map[string]bool, len(findings))
			for _, f := range findings {
				keys[f.Key] = true
			}
			for _, want := range templateSuggestions[name] {
				if !keys[want] {
					t.Errorf("finding %s does not fire; got:\n%s", want, formatFindings(findings))
				}
			}
			t.Logf("%s: %d findings", name, len(findings))
			if testing.Verbose() {
				t.Log("\n" + formatFindings(findings))
			}
		})
	}
}

func TestTemplatesLayout(t *testing.T) {
	templates := readTemplates(t)
	for _, name := range slices.Sorted(maps.Keys(templates)) {
		p := templates[name]
		t.Run(name, func(t *testing.T) {
			for _, problem := range layoutProblems(p) {
				t.Error(problem)
			}
		})
	}
}

// TestTemplatesLayoutChecks breaks a template's layout on purpose and
// checks that layoutProblems notices.
func TestTemplatesLayoutChecks(t *testing.T) {
	p := readTemplates(t)["agent-with-tools"]
	if p == nil {
		t.Fatal("template agent-with-tools is missing")
	}
	cases := []struct {
		name   string
		mutate func(p *model.Project)
		want   string
	}{
		{"element left its boundary", func(p *model.Project) { moveElement(p, "agent", 5000, 5000) }, "lies outside its boundary org"},
		{"element in a boundary it is not in", func(p *model.Project) { moveElement(p, "agent", 780, 680) }, "lies inside boundary sandbox"},
		{"element on its boundary's edge", func(p *model.Project) { moveElement(p, "ticket-system", 1050, 680) }, "is not 20 inside the edges"},
		{"two elements overlap", func(p *model.Project) { moveElement(p, "logs", 560, 420) }, "overlap"},
		{"boundary unplaced", func(p *model.Project) { p.Boundaries[0].W = 0 }, "is not placed"},
		{"sandbox outside its parent", func(p *model.Project) { p.Boundaries[1].X = 2000 }, "inside the edges of its parent org"},
		{"boundaries overlap", func(p *model.Project) { p.Boundaries[2].X = 1000 }, "boundaries org and internet overlap"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := p.Clone()
			tc.mutate(q)
			got := strings.Join(layoutProblems(q), "\n")
			if !strings.Contains(got, tc.want) {
				t.Errorf("got problems %q, want one containing %q", got, tc.want)
			}
		})
	}
}

func moveElement(p *model.Project, id string, x, y float64) {
	if e, ok := p.Element(id); ok {
		e.X, e.Y = x, y
	}
}

// layoutProblems lists what is wrong with the layout of a template.
func layoutProblems(p *model.Project) []string {
	var out []string
	out = append(out, boundaryProblems(p)...)
	out = append(out, placementProblems(p)...)
	return append(out, overlapProblems(p)...)
}

// tplRect is an axis-aligned rectangle on the diagram.
type tplRect struct{ x, y, w, h float64 }

func (r tplRect) contains(x, y float64) bool {
	return x >= r.x && x <= r.x+r.w && y >= r.y && y <= r.y+r.h
}

func (r tplRect) encloses(o tplRect) bool {
	return r.contains(o.x, o.y) && r.contains(o.x+o.w, o.y+o.h)
}

// inset is r shrunk by d on every side.
func (r tplRect) inset(d float64) tplRect { return tplRect{r.x + d, r.y + d, r.w - 2*d, r.h - 2*d} }

func (r tplRect) overlaps(o tplRect) bool {
	return r.x < o.x+o.w && o.x < r.x+r.w && r.y < o.y+o.h && o.y < r.y+r.h
}

// tplChain lists boundary id and the boundaries around it, innermost first.
func tplChain(p *model.Project, id string) []string {
	var out []string
	for id != "" && len(out) <= model.MaxBoundaryDepth {
		out = append(out, id)
		b, ok := p.Boundary(id)
		if !ok {
			break
		}
		id = b.Parent
	}
	return out
}

func tplBoundaryRect(b model.Boundary) tplRect { return tplRect{b.X, b.Y, b.W, b.H} }

func tplElementRect(e model.Element) tplRect { return tplRect{e.X, e.Y, tplBoxW, tplBoxH} }

// boundaryProblems checks that every boundary is placed, lies well inside
// its parent, and overlaps no boundary outside its own chain.
func boundaryProblems(p *model.Project) []string {
	var out []string
	for _, b := range p.Boundaries {
		r := tplBoundaryRect(b)
		if r.w <= 0 || r.h <= 0 {
			out = append(out, fmt.Sprintf("boundary %s is not placed (w %g, h %g)", b.ID, r.w, r.h))
		}
		if parent, ok := p.Boundary(b.Parent); ok && !tplBoundaryRect(*parent).inset(tplMargin).encloses(r) {
			out = append(out, fmt.Sprintf("boundary %s %v is not %d inside the edges of its parent %s %v",
				b.ID, r, tplMargin, parent.ID, tplBoundaryRect(*parent)))
		}
		for _, o := range p.Boundaries {
			related := slices.Contains(tplChain(p, b.ID), o.ID) || slices.Contains(tplChain(p, o.ID), b.ID)
			if o.ID > b.ID && !related && r.overlaps(tplBoundaryRect(o)) {
				out = append(out, fmt.Sprintf("boundaries %s and %s overlap", o.ID, b.ID))
			}
		}
	}
	return out
}

// placementProblems checks that the centre of every element's box lies
// inside its boundary's rectangle and inside no boundary it is not a member
// of, and that the whole box sits well inside its boundary.
func placementProblems(p *model.Project) []string {
	var out []string
	for _, e := range p.Elements {
		box := tplElementRect(e)
		cx, cy := e.X+tplBoxW/2, e.Y+tplBoxH/2
		within := tplChain(p, e.Boundary)
		for _, b := range p.Boundaries {
			inside := tplBoundaryRect(b).contains(cx, cy)
			member := slices.Contains(within, b.ID)
			switch {
			case member && !inside:
				out = append(out, fmt.Sprintf("element %s: centre (%g, %g) lies outside its boundary %s %v", e.ID, cx, cy, b.ID, tplBoundaryRect(b)))
			case !member && inside:
				out = append(out, fmt.Sprintf("element %s: centre (%g, %g) lies inside boundary %s, which it is not in", e.ID, cx, cy, b.ID))
			case b.ID == e.Boundary && !tplBoundaryRect(b).inset(tplMargin).encloses(box):
				out = append(out, fmt.Sprintf("element %s: box %v is not %d inside the edges of its boundary %s %v", e.ID, box, tplMargin, b.ID, tplBoundaryRect(b)))
			}
		}
	}
	return out
}

// overlapProblems checks that no two element boxes overlap.
func overlapProblems(p *model.Project) []string {
	var out []string
	for i, e := range p.Elements {
		for _, o := range p.Elements[i+1:] {
			if tplElementRect(e).overlaps(tplElementRect(o)) {
				out = append(out, fmt.Sprintf("elements %s (%g, %g) and %s (%g, %g) overlap", e.ID, e.X, e.Y, o.ID, o.X, o.Y))
			}
		}
	}
	return out
}

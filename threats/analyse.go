package threats

import (
	"cmp"
	"slices"
	"strings"

	"github.com/expr-lang/expr/vm"

	"airisk/model"
)

// Analyse suggests the catalogue's threats that apply to the project. It is
// pure and deterministic: findings are sorted by target (numbers within
// ids in numeric order, so f2 comes before f10), then threat id.
// Threats of the ai pack and project-level threats need at least one AI
// component; the stride pack needs the project to switch it on; local
// packs always apply.
func Analyse(p *model.Project, c *Catalogue) []Finding {
	if p == nil || c == nil {
		return nil
	}
	a := analyser{p: p, c: c, ix: model.NewIndex(p), hasAI: p.HasAI(),
		stride: slices.Contains(p.Meta.Packs, PackStride),
		envs:   make(map[string]map[string]any, len(p.Elements))}
	for i := range p.Elements {
		a.element(&p.Elements[i])
	}
	for i := range p.Flows {
		a.flow(&p.Flows[i])
	}
	if a.hasAI {
		a.project()
	}
	slices.SortFunc(a.out, func(x, y Finding) int {
		return cmp.Or(compareNatural(x.Target, y.Target), cmp.Compare(x.Threat.ID, y.Threat.ID))
	})
	return a.out
}

// analyser holds one analysis: the index, each element's environment
// (computed once and reused by the flows), and the machine that runs the
// compiled conditions.
type analyser struct {
	p      *model.Project
	c      *Catalogue
	ix     *model.Index
	hasAI  bool
	stride bool
	envs   map[string]map[string]any
	// flowEnv is reused for every flow: conditions and explanations only
	// read it while that flow is analysed.
	flowEnv map[string]any
	vm      vm.VM
	out     []Finding
}

// enabled reports whether the threat's pack applies to this project.
func (a *analyser) enabled(t *Threat) bool {
	switch t.Pack {
	case PackAI:
		return a.hasAI
	case PackStride:
		return a.stride
	}
	return true
}

// match runs a condition; a nil condition always matches, and a condition
// that fails at run time does not.
func (a *analyser) match(cond *condition, env map[string]any) bool {
	if cond == nil {
		return true
	}
	out, err := a.vm.Run(cond.program, env)
	if err != nil {
		return false
	}
	b, _ := out.(bool)
	return b
}

func (a *analyser) element(e *model.Element) {
	info, ok := model.LookupKind(e.Kind)
	if !ok {
		return
	}
	env := elementEnvOf(e, info.Shape)
	a.envs[e.ID] = env
	for _, t := range a.c.groups.byKind[e.Kind] {
		if a.enabled(t) && a.match(t.when, env) {
			why, facts := explainElement(t.when, env, e.Kind)
			a.add(t, e.ID, TargetElement, e.Name, why, facts)
		}
	}
}

func (a *analyser) flow(f *model.Flow) {
	src, okSrc := a.envs[f.From]
	dst, okDst := a.envs[f.To]
	if !okSrc || !okDst || len(a.c.groups.flow) == 0 {
		return
	}
	if a.flowEnv == nil {
		a.flowEnv = make(map[string]any, len(flowProps)+3)
	}
	env := a.flowEnv
	fillFlowEnv(env, f, a.ix.Crosses(*f), src, dst)
	for _, t := range a.c.groups.flow {
		if a.enabled(t) && a.match(t.whenFlow, env) {
			why, facts := explain(t.whenFlow, env)
			a.add(t, f.ID, TargetFlow, flowName(a.ix, f), why, facts)
		}
	}
}

func (a *analyser) project() {
	if len(a.c.groups.project) == 0 {
		return
	}
	env := projectEnvOf(a.p)
	for _, t := range a.c.groups.project {
		if a.enabled(t) && a.match(t.whenProject, env) {
			why, facts := explain(t.whenProject, env)
			if t.whenProject == nil {
				why, facts = "applies to every project with an AI component", []Fact{{Name: "on", Value: OnProject}}
			}
			a.add(t, model.ProjectTarget, TargetProject, a.p.Meta.Name, why, facts)
		}
	}
}

func (a *analyser) add(t *Threat, target string, kind TargetKind, name, why string, facts []Fact) {
	a.out = append(a.out, Finding{Key: model.FindingKey(t.ID, target), Threat: t, Target: target,
		TargetKind: kind, TargetName: name, Why: why, Facts: facts})
}

// flowName is the flow's name, or "From to To" when it has none.
func flowName(ix *model.Index, f *model.Flow) string {
	if f.Name != "" {
		return f.Name
	}
	from, to := f.From, f.To
	if e, ok := ix.Element(f.From); ok {
		from = e.Name
	}
	if e, ok := ix.Element(f.To); ok {
		to = e.Name
	}
	return from + " to " + to
}

// compareNatural compares ids with runs of digits compared as numbers
// ("f2" < "f10"), falling back to plain order for ties such as "f02"/"f2".
func compareNatural(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			ei, ej := digitsEnd(a, i), digitsEnd(b, j)
			na, nb := strings.TrimLeft(a[i:ei], "0"), strings.TrimLeft(b[j:ej], "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), cmp.Compare(na, nb)); c != 0 {
				return c
			}
			i, j = ei, ej
			continue
		}
		if a[i] != b[j] {
			return cmp.Compare(a[i], b[j])
		}
		i, j = i+1, j+1
	}
	return cmp.Or(cmp.Compare(len(a)-i, len(b)-j), cmp.Compare(a, b))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// FindingsNotIn lists the findings of a whose keys b lacks, in a's order:
// with the findings before and after a change, FindingsNotIn(after,
// before) are the new ones and FindingsNotIn(before, after) those gone.
func FindingsNotIn(a, b []Finding) []Finding {
	keys := make(map[string]bool, len(b))
	for _, f := range b {
		keys[f.Key] = true
	}
	var out []Finding
	for _, f := range a {
		if !keys[f.Key] {
			out = append(out, f)
		}
	}
	return out
}

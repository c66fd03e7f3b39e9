package threats

import (
	"flag"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"airisk/model"
)

var genCases = flag.Bool("gencases", false, "draft cases in "+casesFile+" for threats that have none or whose case fails")

// draftMissingCases drafts a case for every threat without a working one,
// by random
// search over the facts its conditions read: the positive is the smallest
// situation found that fires, the negative the closest one that does not.
// Drafts are reviewed by hand before they are committed.
func draftMissingCases(t *testing.T, c *Catalogue) {
	cases := readCases(t)
	for _, th := range c.Threats {
		if tc, ok := cases[th.ID]; ok && caseHolds(c, th.ID, tc) {
			continue
		}
		if tc, ok := draftCase(c, th); ok {
			cases[th.ID] = tc
		} else {
			t.Errorf("%s: could not draft a case; write one by hand", th.ID)
		}
	}
	if err := os.WriteFile(casesFile, []byte(formatCases(cases)), 0o644); err != nil {
		t.Fatalf("write %s: %v", casesFile, err)
	}
}

// caseHolds reports whether a case still works for the catalogue.
func caseHolds(c *Catalogue, id string, tc threatCase) bool {
	d := drafter{c: c, th: &Threat{ID: id}}
	for _, pair := range append([]threatCase{tc}, tc.More...) {
		pos, validPos := d.fires(pair.Positive)
		neg, validNeg := d.fires(pair.Negative)
		if !validPos || !validNeg || !pos || neg {
			return false
		}
	}
	th, _ := c.Threat(id)
	return th != nil && (len(tc.More) > 0) == (th.OnFlows() && len(th.Kinds()) > 0)
}

// drafter searches situations for one threat.
type drafter struct {
	c   *Catalogue
	th  *Threat
	rng *rand.Rand
}

// draftCase drafts a pair for the threat's first kind of target, plus one
// for its flows when it attaches to elements as well.
func draftCase(c *Catalogue, th *Threat) (threatCase, bool) {
	h := fnv.New64a()
	h.Write([]byte(th.ID))
	d := drafter{c: c, th: th, rng: rand.New(rand.NewPCG(h.Sum64(), 1))}
	tc, ok := d.pair(false)
	if ok && th.OnFlows() && len(th.Kinds()) > 0 {
		more, okMore := d.pair(true)
		tc.More, ok = []threatCase{more}, okMore
	}
	return tc, ok
}

// pair searches a positive and a negative situation; onFlow picks the
// threat's flow part.
func (d drafter) pair(onFlow bool) (threatCase, bool) {
	var best situation
	bestSize := -1
	for i := 0; i < 3000 && bestSize != 0; i++ {
		s := d.random(0.5+0.5*float64(3000-i)/3000, onFlow)
		if fired, valid := d.fires(s); valid && fired && (bestSize < 0 || size(s) < bestSize) {
			best, bestSize = s, size(s)
		}
	}
	if bestSize < 0 {
		return threatCase{}, false
	}
	neg, ok := d.negative(best)
	return threatCase{Positive: best, Negative: neg}, ok
}

// fires runs the threat on a situation, reporting invalid ones.
func (d drafter) fires(s situation) (fired, valid bool) {
	p, target := s.build()
	if p.Validate() != nil {
		return false, false
	}
	key := model.FindingKey(d.th.ID, target)
	return slices.ContainsFunc(Analyse(p, d.c), func(f Finding) bool { return f.Key == key }), true
}

func (d drafter) random(pDefault float64, onFlow bool) situation {
	switch {
	case onFlow:
		return d.flow(pDefault)
	case len(d.th.Kinds()) > 0:
		e := d.element(d.th.Kinds(), d.th.when, "", pDefault)
		return situation{Element: &e}
	case d.th.OnFlows():
		return d.flow(pDefault)
	}
	return d.project(pDefault)
}

func (d drafter) pick(list []string) string { return list[d.rng.IntN(len(list))] }

// element draws a kind from kinds and values for the facts cond reads
// (prefix "source." or "target." for flow ends).
func (d drafter) element(kinds []model.Kind, cond *condition, prefix string, pDefault float64) caseElement {
	e := caseElement{Kind: kinds[d.rng.IntN(len(kinds))], Props: model.Props{}}
	if cond == nil {
		return e
	}
	if want := cond.tested[prefix+factKind]; len(want) > 0 && d.rng.Float64() < 0.7 {
		e.Kind = model.Kind(d.pick(want))
	}
	if want := cond.tested[prefix+factShape]; len(want) > 0 && d.rng.Float64() < 0.7 {
		e.Kind = kindsOfShape(model.Shape(d.pick(want)))[0]
	}
	for _, name := range cond.facts {
		prop, ok := model.LookupProp(strings.TrimPrefix(name, prefix))
		if !strings.HasPrefix(name, prefix) || !ok || !prop.AppliesTo(e.Kind) || d.rng.Float64() < pDefault {
			continue
		}
		e.Props[prop.Name] = d.value(prop, cond.tested[name])
	}
	return e
}

func (d drafter) value(p model.PropInfo, tested []string) any {
	switch p.Type {
	case model.PropBool:
		return d.rng.IntN(4) > 0
	case model.PropEnum:
		if len(tested) > 0 && d.rng.Float64() < 0.7 && tested[0] != "" {
			return d.pick(slices.DeleteFunc(slices.Clone(tested), func(s string) bool { return s == "" }))
		}
		return d.pick(p.Values)
	}
	pool := tested
	if len(pool) == 0 {
		pool = p.Values
	}
	var set []string
	for _, v := range pool {
		if d.rng.IntN(2) == 0 {
			set = append(set, v)
		}
	}
	return set
}

func (d drafter) flow(pDefault float64) situation {
	all := make([]model.Kind, len(model.Kinds))
	for i, k := range model.Kinds {
		all[i] = k.Kind
	}
	ends := []model.Kind{model.KindAIApp, model.KindInferenceEndpoint}
	if d.th.Pack != PackAI {
		ends = []model.Kind{model.KindProcess, model.KindDataStore}
	}
	src := d.element(all, d.th.whenFlow, "source.", pDefault)
	dst := d.element(all, d.th.whenFlow, "target.", pDefault)
	if !testsKind(d.th.whenFlow, "source.") {
		src.Kind = ends[0]
		keepApplicable(&src)
	}
	if !testsKind(d.th.whenFlow, "target.") {
		dst.Kind = ends[1]
		keepApplicable(&dst)
	}
	f := caseFlow{Props: model.Props{}}
	for _, name := range d.th.whenFlow.facts {
		if prop, ok := model.LookupProp(name); ok && prop.Flow && d.rng.Float64() >= pDefault {
			f.Props[name] = d.value(prop, d.th.whenFlow.tested[name])
		}
	}
	f.Crosses = slices.Contains(d.th.whenFlow.facts, factCrosses) && d.rng.IntN(2) == 0
	return situation{Flow: &f, Source: &src, Target: &dst}
}

// testsKind reports whether cond compares the kind or shape of an end.
func testsKind(cond *condition, prefix string) bool {
	return len(cond.tested[prefix+factKind]) > 0 || len(cond.tested[prefix+factShape]) > 0
}

func (d drafter) project(pDefault float64) situation {
	var ai []string
	for _, k := range model.Kinds {
		if k.AI {
			ai = append(ai, string(k.Kind))
		}
	}
	var elems []caseElement
	kinds := []string{d.pick(ai)}
	if d.th.whenProject != nil {
		for _, k := range d.th.whenProject.tested[factKinds] {
			if d.rng.Float64() >= pDefault/2 {
				kinds = append(kinds, k)
			}
		}
	}
	for _, k := range kinds {
		elems = append(elems, caseElement{Kind: model.Kind(k), Props: model.Props{}})
	}
	if d.th.whenProject != nil {
		for _, flag := range d.th.whenProject.tested[factFlags] {
			if d.rng.Float64() >= pDefault/2 {
				elems = withFlag(elems, flag)
			}
		}
	}
	return situation{Project: elems}
}

// withFlag sets a boolean property on the first element it applies to,
// adding an element of a kind it applies to when none does.
func withFlag(elems []caseElement, flag string) []caseElement {
	prop, _ := model.LookupProp(flag)
	for i := range elems {
		if prop.AppliesTo(elems[i].Kind) {
			elems[i].Props[flag] = true
			return elems
		}
	}
	return append(elems, caseElement{Kind: prop.Kinds[0], Props: model.Props{flag: true}})
}

// negative finds the closest situation to pos that does not fire: one
// property or element removed, one boolean switched on, one enum changed,
// or another kind; a project without AI components as the last resort.
func (d drafter) negative(pos situation) (situation, bool) {
	for _, s := range mutations(pos) {
		if fired, valid := d.fires(s); valid && !fired {
			return s, true
		}
	}
	generic := situation{Project: []caseElement{{Kind: model.KindProcess}, {Kind: model.KindDataStore}}}
	if fired, valid := d.fires(generic); pos.Project != nil && valid && !fired {
		return generic, true
	}
	return situation{}, false
}

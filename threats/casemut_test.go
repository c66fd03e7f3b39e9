package threats

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"airisk/model"
)

// size counts what a situation sets, so drafts prefer small ones.
func size(s situation) int {
	n := 0
	for _, e := range []*caseElement{s.Element, s.Source, s.Target} {
		if e != nil {
			n += len(e.Props)
		}
	}
	if s.Flow != nil {
		n += len(s.Flow.Props)
		if s.Flow.Crosses {
			n++
		}
	}
	for _, e := range s.Project {
		n += 1 + len(e.Props)
	}
	return n
}

func cloneSituation(s situation) situation {
	ce := func(e *caseElement) *caseElement {
		if e == nil {
			return nil
		}
		c := caseElement{Kind: e.Kind, Props: e.Props.Clone()}
		return &c
	}
	out := situation{Element: ce(s.Element), Source: ce(s.Source), Target: ce(s.Target)}
	if s.Flow != nil {
		out.Flow = &caseFlow{Props: s.Flow.Props.Clone(), Crosses: s.Flow.Crosses}
	}
	for _, e := range s.Project {
		out.Project = append(out.Project, *ce(&e))
	}
	return out
}

// mutations lists situations one step away from s, smallest steps first.
func mutations(s situation) []situation {
	var out []situation
	edit := func(f func(c *situation)) {
		c := cloneSituation(s)
		f(&c)
		out = append(out, c)
	}
	elements := func(c *situation) []*caseElement {
		var es []*caseElement
		for _, e := range []*caseElement{c.Element, c.Source, c.Target} {
			if e != nil {
				es = append(es, e)
			}
		}
		for i := range c.Project {
			es = append(es, &c.Project[i])
		}
		return es
	}
	for i, e := range elements(&s) {
		for _, name := range e.Props.Keys() {
			edit(func(c *situation) { delete(elements(c)[i].Props, name) })
		}
	}
	if s.Flow != nil {
		for _, name := range s.Flow.Props.Keys() {
			edit(func(c *situation) { delete(c.Flow.Props, name) })
		}
		edit(func(c *situation) { c.Flow.Crosses = !c.Flow.Crosses })
	}
	for i := range s.Project {
		if len(s.Project) > 1 {
			edit(func(c *situation) { c.Project = slices.Delete(c.Project, i, i+1) })
		}
	}
	for i, e := range elements(&s) {
		for _, p := range model.PropsFor(e.Kind) {
			for _, v := range otherValues(p, e.Props[p.Name]) {
				edit(func(c *situation) { elements(c)[i].Props[p.Name] = v })
			}
		}
		for _, k := range kindsBySimilarity(e.Kind) {
			if k.Kind != e.Kind {
				edit(func(c *situation) { elements(c)[i].Kind = k.Kind; keepApplicable(elements(c)[i]) })
			}
		}
	}
	return out
}

// kindsBySimilarity lists the kinds with the same shape as k first, so a
// negative drafted by changing the kind stays close to the positive.
func kindsBySimilarity(k model.Kind) []model.KindInfo {
	info, _ := model.LookupKind(k)
	out := slices.Clone(model.Kinds)
	slices.SortStableFunc(out, func(a, b model.KindInfo) int {
		return btoi(a.Shape != info.Shape) - btoi(b.Shape != info.Shape)
	})
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func otherValues(p model.PropInfo, current any) []any {
	switch p.Type {
	case model.PropBool:
		b, _ := current.(bool)
		return []any{!b}
	case model.PropEnum:
		var out []any
		for _, v := range p.Values {
			if v != current {
				out = append(out, v)
			}
		}
		return out
	}
	return nil
}

// keepApplicable drops properties the element's kind cannot have.
func keepApplicable(e *caseElement) {
	for name := range e.Props {
		if p, ok := model.LookupProp(name); !ok || !p.AppliesTo(e.Kind) {
			delete(e.Props, name)
		}
	}
}

var plainWord = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

func yamlWord(s string) string {
	if plainWord.MatchString(s) && s != "true" && s != "false" && s != "null" && s != "yes" && s != "no" && s != "on" && s != "off" {
		return s
	}
	return fmt.Sprintf("%q", s)
}

func formatProps(p model.Props) string {
	parts := make([]string, 0, len(p))
	for _, k := range p.Keys() {
		var v string
		switch x := p[k].(type) {
		case bool:
			v = fmt.Sprint(x)
		case string:
			v = yamlWord(x)
		default:
			words := []string{}
			for _, s := range p.Set(k) {
				words = append(words, yamlWord(s))
			}
			v = "[" + strings.Join(words, ", ") + "]"
		}
		parts = append(parts, k+": "+v)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func formatElement(e caseElement) string {
	if len(e.Props) == 0 {
		return "{kind: " + string(e.Kind) + "}"
	}
	return "{kind: " + string(e.Kind) + ", props: " + formatProps(e.Props) + "}"
}

// formatSituation writes one situation; lead starts its first line and
// indent the lines below it.
func formatSituation(b *strings.Builder, lead, indent, label string, s situation) {
	fmt.Fprintf(b, "%s%s:\n", lead, label)
	switch {
	case s.Element != nil:
		fmt.Fprintf(b, "%s  element: %s\n", indent, formatElement(*s.Element))
	case s.Flow != nil:
		fmt.Fprintf(b, "%s  flow: {props: %s, crosses: %v}\n", indent, formatProps(s.Flow.Props), s.Flow.Crosses)
		fmt.Fprintf(b, "%s  source: %s\n", indent, formatElement(*s.Source))
		fmt.Fprintf(b, "%s  target: %s\n", indent, formatElement(*s.Target))
	default:
		fmt.Fprintf(b, "%s  project:\n", indent)
		for _, e := range s.Project {
			fmt.Fprintf(b, "%s    - %s\n", indent, formatElement(e))
		}
	}
}

// formatCases writes the cases file, sorted by threat id.
func formatCases(cases map[string]threatCase) string {
	var b strings.Builder
	b.WriteString("# For every threat of the bundled catalogue: a small situation where it must\n")
	b.WriteString("# fire (positive) and one where it must not (negative). A situation is an\n")
	b.WriteString("# element (target x), a flow from source to target (target f; crosses puts the\n")
	b.WriteString("# ends in different trust boundaries), or a whole project (target project).\n")
	b.WriteString("# Element and flow situations also hold a guardrail, so the project has an AI\n")
	b.WriteString("# component. Drafted with -gencases, then reviewed by hand.\n")
	ids := make([]string, 0, len(cases))
	for id := range cases {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Fprintf(&b, "%s:\n", id)
		formatSituation(&b, "  ", "  ", "positive", cases[id].Positive)
		formatSituation(&b, "  ", "  ", "negative", cases[id].Negative)
		if len(cases[id].More) > 0 {
			b.WriteString("  more:\n")
		}
		for _, more := range cases[id].More {
			formatSituation(&b, "    - ", "      ", "positive", more.Positive)
			formatSituation(&b, "      ", "      ", "negative", more.Negative)
		}
	}
	return b.String()
}

package threats

import (
	"slices"
	"strings"

	"github.com/expr-lang/expr/ast"

	"airisk/model"
)

// explainElement says why an element threat fired: the element's kind
// first, then the facts that decided the condition. With no condition it
// says the threat applies to every element of the kind.
func explainElement(cond *condition, env map[string]any, kind model.Kind) (string, []Fact) {
	if cond == nil {
		return "applies to every " + strings.ToLower(kind.Name()), []Fact{{Name: "on", Value: string(kind)}}
	}
	var r reasons
	r.eval(cond.tree, env)
	r.drop(factKind)
	why, facts := r.describe()
	kindFact := Fact{Name: factKind, Value: string(kind)}
	if why == "" { // the condition read only the kind
		return "applies to every " + strings.ToLower(kind.Name()), []Fact{kindFact}
	}
	return kind.Name() + "; " + why, append([]Fact{kindFact}, facts...)
}

// explain lists the facts that decided a condition, with their values, as
// a sentence and as pairs.
func explain(cond *condition, env map[string]any) (string, []Fact) {
	if cond == nil {
		return "", nil
	}
	var r reasons
	r.eval(cond.tree, env)
	return r.describe()
}

// reason is one fact that decided a condition; for sets, the quoted values
// tested against it.
type reason struct {
	name   string
	value  any
	tested []string
}

// reasons collects the facts behind a result in first-use order; a name
// may appear more than once until describe merges them.
type reasons []reason

// eval evaluates a checked condition tree (only the operators the walker
// allows) and appends the facts that decided it: for "a or b" that is
// true, only the side that was true; for "a and b" that is false, only the
// side that was false.
func (rs *reasons) eval(n ast.Node, env map[string]any) any {
	switch n := n.(type) {
	case *ast.StringNode:
		return n.Value
	case *ast.BoolNode:
		return n.Value
	case *ast.ArrayNode:
		return nil
	case *ast.UnaryNode:
		b, _ := rs.eval(n.Node, env).(bool)
		return !b
	case *ast.BinaryNode:
		return rs.binary(n, env)
	}
	name, _ := refName(n)
	v := lookup(env, name)
	*rs = append(*rs, reason{name: name, value: v})
	return v
}

func (rs *reasons) binary(n *ast.BinaryNode, env map[string]any) any {
	switch n.Operator {
	case "and", "&&", "or", "||":
		want := n.Operator == "or" || n.Operator == "||"
		start := len(*rs)
		if l, _ := rs.eval(n.Left, env).(bool); l == want {
			return want
		}
		mid := len(*rs)
		r, _ := rs.eval(n.Right, env).(bool)
		if r == want {
			*rs = append((*rs)[:start], (*rs)[mid:]...)
		}
		return r
	}
	return rs.compare(n, env)
}

// compare evaluates ==, != and in, recording the fact compared.
func (rs *reasons) compare(n *ast.BinaryNode, env map[string]any) any {
	if n.Operator == "in" {
		if name, ok := refName(n.Right); ok {
			if lit, ok := n.Left.(*ast.StringNode); ok {
				set, _ := lookup(env, name).([]string)
				*rs = append(*rs, reason{name: name, value: set, tested: []string{lit.Value}})
				return slices.Contains(set, lit.Value)
			}
		}
		left := rs.eval(n.Left, env)
		return slices.Contains(literals(n.Right), left)
	}
	left, right := rs.eval(n.Left, env), rs.eval(n.Right, env)
	return (left == right) == (n.Operator == "==")
}

// literals returns the quoted values of a list node.
func literals(n ast.Node) []any {
	arr, ok := n.(*ast.ArrayNode)
	if !ok {
		return nil
	}
	out := make([]any, 0, len(arr.Nodes))
	for _, item := range arr.Nodes {
		if s, ok := item.(*ast.StringNode); ok {
			out = append(out, s.Value)
		}
	}
	return out
}

func (rs *reasons) drop(name string) {
	*rs = slices.DeleteFunc(*rs, func(r reason) bool { return r.name == name })
}

// merged joins the entries of each name, in first-use order.
func (rs reasons) merged() reasons {
	out := make(reasons, 0, len(rs))
	for _, r := range rs {
		i := slices.IndexFunc(out, func(o reason) bool { return o.name == r.name })
		if i < 0 {
			out = append(out, r)
			continue
		}
		out[i].tested = appendNew(slices.Clip(out[i].tested), r.tested...)
	}
	return out
}

func appendNew(list []string, values ...string) []string {
	for _, v := range values {
		if !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

func (rs reasons) describe() (string, []Fact) {
	rs = rs.merged()
	facts := make([]Fact, 0, len(rs))
	parts := make([]string, 0, len(rs))
	for _, r := range rs {
		f, phrase := describeFact(r.name, r.value, r.tested)
		facts = append(facts, f)
		parts = append(parts, phrase)
	}
	return strings.Join(parts, "; "), facts
}

// lookup finds a fact in an environment; "source.kind" reads the source's
// environment.
func lookup(env map[string]any, name string) any {
	if end, prop, ok := strings.Cut(name, "."); ok {
		inner, _ := env[end].(map[string]any)
		return inner[prop]
	}
	return env[name]
}

package threats

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
	"github.com/expr-lang/expr/types"

	"airisk/model"
)

// scope is what a condition is evaluated against.
type scope int

const (
	scopeElement scope = iota // when: an element's properties, kind and shape
	scopeFlow                 // when_flow: a flow's properties, its ends and crosses_trust_boundary
	scopeProject              // when_project: kinds and flags
)

// The names conditions may read besides the property vocabulary.
const (
	factKind    = "kind"
	factShape   = "shape"
	factKinds   = "kinds"
	factFlags   = "flags"
	factSource  = "source"
	factTarget  = "target"
	factCrosses = model.PropCrossesTrustBoundary
)

// Environments typed exactly by the vocabulary, so an unknown name is a
// compile error.
var (
	elementEnv = buildElementEnv()
	flowEnv    = buildFlowEnv()
	projectEnv = types.Map{factKinds: types.Array(types.String), factFlags: types.Array(types.String)}
)

func propType(p model.PropInfo) types.Type {
	switch p.Type {
	case model.PropBool:
		return types.Bool
	case model.PropSet:
		return types.Array(types.String)
	}
	return types.String
}

func buildElementEnv() types.Map {
	env := types.Map{factKind: types.String, factShape: types.String}
	for _, p := range model.Properties {
		if len(p.Kinds) > 0 {
			env[p.Name] = propType(p)
		}
	}
	return env
}

func buildFlowEnv() types.Map {
	env := types.Map{factCrosses: types.Bool, factSource: elementEnv, factTarget: elementEnv}
	for _, p := range model.FlowProps() {
		env[p.Name] = propType(p)
	}
	return env
}

func (s scope) env() types.Map {
	switch s {
	case scopeFlow:
		return flowEnv
	case scopeProject:
		return projectEnv
	}
	return elementEnv
}

// compile checks and compiles one condition. kinds are the element kinds the
// threat attaches to (element scope only), to catch conditions that read
// properties none of them can have. An empty source gives a nil condition,
// which always matches.
func compile(src string, sc scope, kinds []model.Kind) (*condition, []string) {
	if strings.TrimSpace(src) == "" {
		return nil, nil
	}
	if len(src) > MaxConditionLength {
		return nil, []string{fmt.Sprintf("is longer than %d characters", MaxConditionLength)}
	}
	cfg := conf.CreateNew()
	cfg.MaxNodes = MaxConditionNodes
	tree, err := parser.ParseWithConfig(src, cfg)
	if err != nil {
		return nil, []string{exprMessage(err)}
	}
	w := &walker{scope: sc, tested: map[string][]string{}}
	w.walk(tree.Node)
	if len(w.problems) > 0 {
		return nil, w.problems
	}
	program, err := expr.Compile(src, expr.Env(sc.env()), expr.AsBool(),
		expr.DisableAllBuiltins(), expr.MaxNodes(MaxConditionNodes))
	if err != nil {
		return nil, []string{exprMessage(err)}
	}
	if sc == scopeElement {
		w.checkKinds(kinds)
	}
	if len(w.problems) > 0 {
		return nil, w.problems
	}
	return &condition{program: program, tree: tree.Node, facts: w.facts, tested: w.tested}, nil
}

// exprMessage turns an expr error into one line with the column.
func exprMessage(err error) string {
	var fe *file.Error
	if errors.As(err, &fe) {
		return fmt.Sprintf("%s (column %d)", fe.Message, fe.Column+1)
	}
	return err.Error()
}

// walker checks that a condition uses only the allowed operators and
// collects the facts it reads and the literals it compares them with.
type walker struct {
	scope    scope
	facts    []string
	tested   map[string][]string // literals tested against each fact
	problems []string
}

var allowedBinary = []string{"and", "or", "&&", "||", "==", "!=", "in"}

func (w *walker) fail(format string, args ...any) {
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

func (w *walker) walk(n ast.Node) {
	switch n := n.(type) {
	case *ast.IdentifierNode, *ast.MemberNode:
		w.ref(n)
	case *ast.StringNode, *ast.BoolNode:
	case *ast.ArrayNode:
		for _, item := range n.Nodes {
			if _, ok := item.(*ast.StringNode); !ok {
				w.fail("lists may only hold quoted text values")
			}
		}
	case *ast.UnaryNode:
		if n.Operator != "not" && n.Operator != "!" {
			w.fail("uses the operator %q; conditions allow and, or, not, ==, != and in", n.Operator)
		}
		w.walk(n.Node)
	case *ast.BinaryNode:
		w.binary(n)
	default:
		w.fail("uses %q, which conditions do not allow; use property names, quoted values, and, or, not, ==, != and in", n.String())
	}
}

func (w *walker) binary(n *ast.BinaryNode) {
	w.walk(n.Left)
	w.walk(n.Right)
	if !slices.Contains(allowedBinary, n.Operator) {
		w.fail("uses the operator %q; conditions allow and, or, not, ==, != and in", n.Operator)
		return
	}
	if n.Operator == "and" || n.Operator == "or" || n.Operator == "&&" || n.Operator == "||" {
		return
	}
	if name, ok := refName(n.Left); ok {
		w.literals(name, n.Right)
	}
	if name, ok := refName(n.Right); ok {
		w.literals(name, n.Left)
	}
}

// ref records a fact read, refusing member access other than source.X and
// target.X on flows.
func (w *walker) ref(n ast.Node) {
	name, ok := refName(n)
	if !ok {
		w.fail("uses %q; only source.NAME and target.NAME may use a dot", n.String())
		return
	}
	if !slices.Contains(w.facts, name) {
		w.facts = append(w.facts, name)
	}
}

// refName names an identifier or a source/target member access.
func refName(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.IdentifierNode:
		return n.Value, true
	case *ast.MemberNode:
		id, okID := n.Node.(*ast.IdentifierNode)
		prop, okProp := n.Property.(*ast.StringNode)
		if !okID || !okProp || n.Optional || n.Method || (id.Value != factSource && id.Value != factTarget) {
			return "", false
		}
		return id.Value + "." + prop.Value, true
	}
	return "", false
}

// literals checks the quoted values compared with fact name.
func (w *walker) literals(name string, n ast.Node) {
	var values []string
	switch n := n.(type) {
	case *ast.StringNode:
		values = []string{n.Value}
	case *ast.ArrayNode:
		for _, item := range n.Nodes {
			if s, ok := item.(*ast.StringNode); ok {
				values = append(values, s.Value)
			}
		}
	default:
		return
	}
	allowed, isEnum, known := w.valuesOf(name)
	if !known {
		return
	}
	for _, v := range values {
		if v == "" && isEnum {
			continue
		}
		if !slices.Contains(allowed, v) {
			w.fail("compares %s with %q, which is not one of its values %v", name, v, allowed)
		}
		if !slices.Contains(w.tested[name], v) {
			w.tested[name] = append(w.tested[name], v)
		}
	}
}

// valuesOf returns the values fact name may take and whether "" (unset) is
// one of them.
func (w *walker) valuesOf(name string) (values []string, isEnum, known bool) {
	base := name
	if w.scope == scopeFlow {
		if _, rest, ok := strings.Cut(name, "."); ok {
			base = rest
		}
	}
	switch base {
	case factKind, factKinds:
		return kindNames(), false, true
	case factShape:
		return []string{string(model.ShapeProcess), string(model.ShapeStore), string(model.ShapeExternal)}, false, true
	case factFlags:
		return flagNames(), false, true
	}
	p, ok := model.LookupProp(base)
	if !ok || p.Type == model.PropBool {
		return nil, false, false
	}
	return p.Values, p.Type == model.PropEnum, true
}

// checkKinds reports properties and kind values that none of the threat's
// kinds can have: such a condition could never be true where it is used.
func (w *walker) checkKinds(kinds []model.Kind) {
	for _, name := range w.facts {
		p, ok := model.LookupProp(name)
		if ok && !slices.ContainsFunc(kinds, p.AppliesTo) {
			w.fail("reads %s, which none of the kinds in on can have", name)
		}
	}
	for _, v := range w.tested[factKind] {
		if !slices.Contains(kinds, model.Kind(v)) {
			w.fail("compares kind with %q, which is not in on", v)
		}
	}
}

func kindNames() []string {
	out := make([]string, len(model.Kinds))
	for i, k := range model.Kinds {
		out[i] = string(k.Kind)
	}
	return out
}

func flagNames() []string {
	var out []string
	for _, p := range model.Properties {
		if p.Type == model.PropBool && len(p.Kinds) > 0 {
			out = append(out, p.Name)
		}
	}
	return out
}

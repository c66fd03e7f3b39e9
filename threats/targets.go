package threats

import (
	"slices"
	"strings"

	"airisk/model"
)

// kindsOfShape lists the element kinds drawn with shape s.
func kindsOfShape(s model.Shape) []model.Kind {
	var out []model.Kind
	for _, k := range model.Kinds {
		if k.Shape == s {
			out = append(out, k.Kind)
		}
	}
	return out
}

// Kinds returns the element kinds the threat attaches to, with shape
// groups expanded, in palette order.
func (t *Threat) Kinds() []model.Kind {
	var out []model.Kind
	for _, k := range model.Kinds {
		if t.attachesTo(k) {
			out = append(out, k.Kind)
		}
	}
	return out
}

func (t *Threat) attachesTo(k model.KindInfo) bool {
	for _, on := range t.On {
		if on == string(k.Kind) {
			return true
		}
		if shape, ok := strings.CutPrefix(on, OnShapePrefix); ok && model.Shape(shape) == k.Shape {
			return true
		}
	}
	return false
}

// OnFlows reports whether the threat attaches to data flows.
func (t *Threat) OnFlows() bool { return slices.Contains(t.On, OnFlow) }

// OnProject reports whether the threat attaches to the project as a whole.
func (t *Threat) OnProject() bool { return slices.Contains(t.On, OnProject) }

// conditions checks and compiles the threat's three conditions.
func (c check) conditions(t *Threat) {
	kinds := t.Kinds()
	t.When = c.condition("when", scopeElement, kinds, len(kinds) > 0, false, &t.when)
	t.WhenFlow = c.condition("when_flow", scopeFlow, nil, t.OnFlows(), t.OnFlows(), &t.whenFlow)
	t.WhenProject = c.condition("when_project", scopeProject, nil, t.OnProject(), false, &t.whenProject)
}

// condition reads and compiles one condition field. applies says whether
// `on` has a target the condition is for; required whether it must be set.
func (c check) condition(name string, sc scope, kinds []model.Kind, applies, required bool, out **condition) string {
	f, ok := c.fields[name]
	if !ok {
		if required {
			c.add(c.line, c.id, name, "is missing; a threat on flows needs a condition saying which flows")
		}
		return ""
	}
	src, _ := str(f, c.sink, c.id)
	switch {
	case !applies && strings.TrimSpace(src) != "":
		c.add(f.line, c.id, name, "is set but on has no target it applies to")
		return src
	case required && strings.TrimSpace(src) == "":
		c.add(f.line, c.id, name, "is empty; a threat on flows needs a condition saying which flows")
		return src
	}
	cond, problems := compile(src, sc, kinds)
	for _, p := range problems {
		c.add(f.line, c.id, name, "%s", p)
	}
	*out = cond
	return src
}

package threats

import (
	"slices"

	"airisk/model"
)

// noValues is the value of an unset set property. Conditions only read it.
var noValues = []string{}

// elementProps are the properties element conditions see.
var elementProps = func() []model.PropInfo {
	var out []model.PropInfo
	for _, p := range model.Properties {
		if len(p.Kinds) > 0 {
			out = append(out, p)
		}
	}
	return out
}()

// value returns a property's value for a condition: unset booleans are
// false, unset enums "" and unset sets empty.
func value(props model.Props, p model.PropInfo) any {
	switch p.Type {
	case model.PropBool:
		return props.Bool(p.Name)
	case model.PropSet:
		if s := props.Set(p.Name); s != nil {
			return s
		}
		return noValues
	}
	return props.String(p.Name)
}

// elementEnvOf is what a `when` condition sees for element e.
func elementEnvOf(e *model.Element, shape model.Shape) map[string]any {
	env := make(map[string]any, len(elementProps)+2)
	for _, p := range elementProps {
		env[p.Name] = value(e.Props, p)
	}
	env[factKind] = string(e.Kind)
	env[factShape] = string(shape)
	return env
}

// flowProps are the properties flow conditions see.
var flowProps = model.FlowProps()

// fillFlowEnv sets env to what a `when_flow` condition sees for flow f.
// Every key is overwritten, so one map serves all the flows of an analysis.
func fillFlowEnv(env map[string]any, f *model.Flow, crosses bool, source, target map[string]any) {
	for _, p := range flowProps {
		env[p.Name] = value(f.Props, p)
	}
	env[factCrosses] = crosses
	env[factSource] = source
	env[factTarget] = target
}

// projectEnvOf is what a `when_project` condition sees: the element kinds
// present and the boolean properties true on at least one element, sorted.
func projectEnvOf(p *model.Project) map[string]any {
	kinds, flags := map[string]bool{}, map[string]bool{}
	for _, e := range p.Elements {
		kinds[string(e.Kind)] = true
		for name, v := range e.Props {
			if b, ok := v.(bool); ok && b {
				flags[name] = true
			}
		}
	}
	return map[string]any{factKinds: sortedKeys(kinds), factFlags: sortedKeys(flags)}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

package threats

import (
	"slices"
	"strings"

	"airisk/model"
)

// The "why" of a finding names each deciding fact the way the app shows
// it: the property's label as on its checkbox or list ("has tool access"),
// then its value ("yes", "no", "payment", "not set"); kinds by their
// display names; the ends of a flow as "source" and "target". The Facts
// beside it keep the property names and raw values for programs.

// describeFact renders one fact. Sets tested against quoted values show
// only the values tested ("carries: prompts"), so long lists such as the
// project's kinds stay readable.
func describeFact(name string, v any, tested []string) (Fact, string) {
	switch v := v.(type) {
	case bool:
		return Fact{Name: name, Value: boolText(v)}, boolPhrase(name, v)
	case string:
		value := v
		if value == "" {
			value = "unset"
		}
		return Fact{Name: name, Value: value}, factLabel(name) + ": " + displayValue(name, v)
	case []string:
		return describeSet(name, v, tested)
	}
	return Fact{Name: name, Value: "unset"}, factLabel(name) + ": not set"
}

func boolText(v bool) string {
	if v {
		return "true"
	}
	return "false"
}

// boolPhrase says a ticked or unticked property; the derived boundary
// crossing reads as a sentence.
func boolPhrase(name string, v bool) string {
	if name == factCrosses {
		if v {
			return "crosses a trust boundary"
		}
		return "stays inside its trust boundary"
	}
	if v {
		return factLabel(name) + ": yes"
	}
	return factLabel(name) + ": no"
}

// factLabel names a fact: "has_tool_access" as "has tool access",
// "target.third_party" as "target third party", "kinds" as "element kinds
// in the project".
func factLabel(name string) string {
	if end, prop, ok := strings.Cut(name, "."); ok {
		return end + " " + factLabel(prop)
	}
	switch name {
	case factKinds:
		return "element kinds in the project"
	case factFlags:
		return "project flags"
	}
	return strings.ReplaceAll(name, "_", " ")
}

// displayValue shows a value: kinds by their display names, anything
// else as the app's lists show it.
func displayValue(name, v string) string {
	switch {
	case v == "":
		return "not set"
	case isKindFact(name):
		return strings.ToLower(model.Kind(v).Name())
	}
	return v
}

func isKindFact(name string) bool {
	return name == factKind || name == factKinds || strings.HasSuffix(name, "."+factKind)
}

func describeSet(name string, set, tested []string) (Fact, string) {
	label := factLabel(name) + ": "
	if len(tested) == 0 {
		value := strings.Join(set, ", ")
		if value == "" {
			return Fact{Name: name, Value: "none"}, label + "none"
		}
		return Fact{Name: name, Value: value}, label + displayValues(name, set)
	}
	var present []string
	for _, t := range tested {
		if slices.Contains(set, t) {
			present = append(present, t)
		}
	}
	if len(present) == 0 {
		value := "none of " + strings.Join(tested, ", ")
		return Fact{Name: name, Value: value}, label + "none of " + displayValues(name, tested)
	}
	return Fact{Name: name, Value: strings.Join(present, ", ")}, label + displayValues(name, present)
}

func displayValues(name string, values []string) string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = displayValue(name, v)
	}
	return strings.Join(out, ", ")
}

package threats

import (
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"airisk/model"
)

// The targets of `on` besides element kinds.
const (
	OnFlow        = "flow"
	OnProject     = "project"
	OnShapePrefix = "shape:"
)

// nistPrefix starts every NIST AI 100-2 reference.
const nistPrefix = "NIST AI 100-2: "

// cwePrefix starts every MITRE CWE reference ("CWE-287").
const cwePrefix = "CWE-"

// check reads and checks the fields of one threat.
type check struct {
	sink
	id     string
	line   int
	fields map[string]field
}

func (c check) missing(name, what string) {
	c.add(c.line, c.id, name, "is missing; every threat needs %s", what)
}

// text reads a required text field of at most limit characters.
func (c check) text(name string, limit int) string {
	f, ok := c.fields[name]
	if !ok {
		c.missing(name, "a "+name)
		return ""
	}
	v, _ := str(f, c.sink, c.id)
	switch {
	case strings.TrimSpace(v) == "":
		c.add(f.line, c.id, name, "is empty")
	case !utf8.ValidString(v):
		c.add(f.line, c.id, name, "is not valid UTF-8 text")
	case utf8.RuneCountInString(v) > limit:
		c.add(f.line, c.id, name, "is longer than %d characters", limit)
	}
	return strings.TrimSpace(v)
}

// list reads a required, non-empty list without repeats.
func (c check) list(name, what string) ([]string, int) {
	f, ok := c.fields[name]
	if !ok {
		c.missing(name, what)
		return nil, c.line
	}
	values := stringList(f, c.sink, c.id)
	if len(values) == 0 && f.value.Kind == yaml.SequenceNode {
		c.add(f.line, c.id, name, "is empty; every threat needs %s", what)
	}
	for i, v := range values {
		if slices.Contains(values[:i], v) {
			c.add(f.line, c.id, name, "lists %q twice", v)
		}
	}
	return values, f.line
}

func (c check) phases() []Phase {
	values, line := c.list("phases", "at least one lifecycle phase")
	var out []Phase
	for _, v := range values {
		if !slices.Contains(Phases, Phase(v)) {
			c.add(line, c.id, "phases", "unknown phase %q; expected one of %v", v, Phases)
		}
		out = append(out, Phase(v))
	}
	return out
}

func (c check) strides() []Stride {
	values, line := c.list("stride", "at least one STRIDE category")
	var out []Stride
	for _, v := range values {
		if !slices.Contains(Strides, Stride(v)) {
			c.add(line, c.id, "stride", "unknown STRIDE category %q; expected one of %v", v, Strides)
		}
		out = append(out, Stride(v))
	}
	return out
}

func (c check) on() []string {
	values, line := c.list("on", "the element kinds, flow or project it attaches to")
	for _, v := range values {
		if !validOn(v) {
			c.add(line, c.id, "on", "unknown target %q; expected an element kind, flow, project or shape:process, shape:store, shape:external_entity", v)
		}
	}
	return values
}

func validOn(v string) bool {
	if v == OnFlow || v == OnProject {
		return true
	}
	if shape, ok := strings.CutPrefix(v, OnShapePrefix); ok {
		return len(kindsOfShape(model.Shape(shape))) > 0
	}
	_, ok := model.LookupKind(model.Kind(v))
	return ok
}

// level reads a required likelihood or impact, 1..5.
func (c check) level(name string) int {
	f, ok := c.fields[name]
	if !ok {
		c.missing(name, "a default "+name+" from 1 to 5")
		return 0
	}
	v, ok := integer(f, c.sink, c.id)
	if ok && (v < 1 || v > 5) {
		c.add(f.line, c.id, name, "must be from 1 to 5, not %d", v)
	}
	return v
}

// mitigations reads 2-4 mitigations (ai pack) or 1-4 (other packs), each
// naming provisions the Code has.
func (c check) mitigations(pack string, code *Code) []Mitigation {
	f, ok := c.fields["mitigations"]
	if !ok || f.value.Kind != yaml.SequenceNode {
		c.add(max(f.line, c.line), c.id, "mitigations", "must be a list of mitigations, each with text and provisions")
		return nil
	}
	low := 1
	if pack == PackAI {
		low = 2
	}
	if n := len(f.value.Content); n < low || n > 4 {
		c.add(f.line, c.id, "mitigations", "has %d mitigations; threats of the %s pack need %d to 4", n, pack, low)
	}
	var out []Mitigation
	for _, n := range f.value.Content {
		out = append(out, c.mitigation(n, code))
	}
	return out
}

func (c check) mitigation(n *yaml.Node, code *Code) Mitigation {
	m := fields(n, []string{"text", "provisions"}, c.sink, c.id)
	var mit Mitigation
	mit.Text, _ = str(m["text"], c.sink, c.id)
	if strings.TrimSpace(mit.Text) == "" || utf8.RuneCountInString(mit.Text) > model.MaxTextLength {
		c.add(n.Line, c.id, "mitigations.text", "needs text saying what to do, at most %d characters", model.MaxTextLength)
	}
	pf, ok := m["provisions"]
	mit.Provisions = stringList(pf, c.sink, c.id)
	if !ok || len(mit.Provisions) == 0 {
		c.add(n.Line, c.id, "mitigations.provisions", "must name at least one Code of Practice provision")
	}
	for _, p := range mit.Provisions {
		if _, ok := code.Provision(p); !ok {
			c.add(pf.line, c.id, "mitigations.provisions", "%q is not a provision of the Code of Practice", p)
		}
	}
	return mit
}

// references reads the reference strings; the ai pack needs at least one.
func (c check) references(pack string, names map[string]string) []string {
	f, ok := c.fields["references"]
	if !ok {
		if pack == PackAI {
			c.missing("references", "at least one reference")
		}
		return nil
	}
	refs := stringList(f, c.sink, c.id)
	if len(refs) == 0 && pack == PackAI {
		c.add(f.line, c.id, "references", "is empty; threats of the ai pack need at least one reference")
	}
	for _, r := range refs {
		if msg := checkReference(r, names); msg != "" {
			c.add(f.line, c.id, "references", "%s", msg)
		}
	}
	return refs
}

// checkReference says what is wrong with a reference, "" when nothing.
func checkReference(r string, names map[string]string) string {
	if section, ok := strings.CutPrefix(r, nistPrefix); ok {
		if strings.TrimSpace(section) == "" {
			return "a NIST AI 100-2 reference needs a section after \"" + nistPrefix + "\""
		}
		return ""
	}
	if _, ok := names[r]; ok {
		return ""
	}
	switch {
	case strings.HasPrefix(strings.ToUpper(r), "CWE"):
		if !isCWE(r) {
			return "\"" + r + "\" is not a CWE id; write " + cwePrefix + "<number>, such as CWE-287"
		}
		return "\"" + r + "\" is not a CWE weakness listed in references.yaml"
	case strings.HasPrefix(r, "AML."):
		return "\"" + r + "\" is not a technique or mitigation of MITRE ATLAS 5.6.0"
	case strings.HasPrefix(r, "LLM"), strings.HasPrefix(r, "ML"), strings.HasPrefix(r, "ASI"):
		return "\"" + r + "\" is not a known OWASP id; write LLM01:2025, ML01:2023 or ASI01"
	case strings.HasPrefix(r, "NIST"):
		return "\"" + r + "\" must be written \"" + nistPrefix + "<section>\""
	}
	return "\"" + r + "\" is not a known reference; use ATLAS, OWASP, CWE or \"" + nistPrefix + "<section>\" ids"
}

// isCWE reports whether ref is written "CWE-<number>", the number without
// leading zeros.
func isCWE(ref string) bool {
	n, ok := strings.CutPrefix(ref, cwePrefix)
	if !ok || n == "" || n[0] == '0' {
		return false
	}
	for _, d := range n {
		if d < '0' || d > '9' {
			return false
		}
	}
	return true
}

// cutNIST returns the section of a NIST AI 100-2 reference.
func cutNIST(ref string) (string, bool) {
	section, ok := strings.CutPrefix(ref, nistPrefix)
	return section, ok && strings.TrimSpace(section) != ""
}

package model

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

var (
	idPattern        = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)
	provisionPattern = regexp.MustCompile(`^[0-9]{1,2}(\.[0-9]{1,2}){1,2}$`)
)

// ValidID reports why id is not a valid id, or "" when it is.
func ValidID(id string) string {
	switch {
	case id == "":
		return "is empty"
	case len(id) > MaxIDLength:
		return fmt.Sprintf("is longer than %d characters", MaxIDLength)
	case !idPattern.MatchString(id):
		return fmt.Sprintf("%q may only use letters, digits, '.', '_' and '-'", id)
	case strings.Trim(id, ".") == "":
		return fmt.Sprintf("%q needs at least one letter or digit", id)
	}
	return ""
}

// ValidProvisionNumber reports whether s looks like a UK provision number
// ("5.1", "5.4.1"). Whether the Code has it is the threats package's concern.
func ValidProvisionNumber(s string) bool { return provisionPattern.MatchString(s) }

// SplitFindingKey splits THREAT@TARGET; ok is false when key is malformed.
func SplitFindingKey(key string) (threat, target string, ok bool) {
	threat, target, ok = strings.Cut(key, "@")
	if !ok || ValidID(threat) != "" || ValidID(target) != "" {
		return "", "", false
	}
	return threat, target, true
}

// FindingKey joins a threat id and a target id into a finding key.
func FindingKey(threat, target string) string { return threat + "@" + target }

// ProjectTarget is the target of project-level findings (THREAT@project).
const ProjectTarget = "project"

// Validate returns every problem of the project at once, nil when it is
// valid.
func (p *Project) Validate() error {
	var ps Problems
	ps = append(ps, p.Meta.validate("project")...)
	ps = append(ps, p.validateBoundaries()...)
	ps = append(ps, p.validateElements()...)
	ps = append(ps, p.validateFlows()...)
	ps = append(ps, p.validateDecisions()...)
	ps = append(ps, p.validateRisks()...)
	ps = append(ps, p.validateProvisions()...)
	ps = append(ps, p.validateWorkshops()...)
	if p.Scoring != nil {
		ps = append(ps, p.Scoring.validate("scoring")...)
	}
	return ps.Err()
}

func (m ProjectMeta) validate(path string) Problems {
	var ps Problems
	ps.id(path+".id", m.ID)
	ps.name(path+".name", m.Name, true)
	ps.text(path+".description", m.Description)
	ps.name(path+".owner", m.Owner, false)
	for i, pack := range m.Packs {
		ps.id(fmt.Sprintf("%s.packs[%d]", path, i), pack)
	}
	return ps
}

func (p *Project) validateBoundaries() Problems {
	var ps Problems
	if len(p.Boundaries) > MaxBoundaries {
		ps.add("boundaries", "has %d boundaries; the limit is %d", len(p.Boundaries), MaxBoundaries)
		return ps
	}
	seen := map[string]bool{}
	for i, b := range p.Boundaries {
		at := fmt.Sprintf("boundaries[%d]", i)
		ps.uniqueID(at+".id", b.ID, seen)
		ps.name(at+".name", b.Name, true)
		if !slices.Contains(BoundaryKinds, b.Kind) {
			ps.add(at+".kind", "must be one of %v, not %q", BoundaryKinds, b.Kind)
		}
		ps.coords(at, b.X, b.Y)
		if !finite(b.W) || !finite(b.H) || b.W < 0 || b.H < 0 || b.W > MaxCoordinate || b.H > MaxCoordinate {
			ps.add(at+".w", "width and height must be between 0 and %g", float64(MaxCoordinate))
		}
	}
	for i, b := range p.Boundaries {
		if b.Parent != "" && !seen[b.Parent] {
			ps.add(fmt.Sprintf("boundaries[%d].parent", i), "unknown boundary %q", b.Parent)
		}
	}
	return append(ps, p.validateNesting()...)
}

// validateNesting finds cycles and over-deep nesting of boundaries.
func (p *Project) validateNesting() Problems {
	var ps Problems
	parent := make(map[string]string, len(p.Boundaries))
	for _, b := range p.Boundaries {
		parent[b.ID] = b.Parent
	}
	for i, b := range p.Boundaries {
		depth, cur := 0, b.ID
		for cur != "" && depth <= MaxBoundaryDepth+1 {
			cur = parent[cur]
			depth++
			if cur == b.ID {
				ps.add(fmt.Sprintf("boundaries[%d].parent", i), "boundary %q ends up inside itself", b.ID)
				break
			}
		}
		if cur != b.ID && depth > MaxBoundaryDepth {
			ps.add(fmt.Sprintf("boundaries[%d].parent", i), "boundaries nest more than %d deep", MaxBoundaryDepth)
		}
	}
	return ps
}

func (p *Project) validateElements() Problems {
	var ps Problems
	if len(p.Elements) > MaxElements {
		ps.add("elements", "has %d elements; the limit is %d", len(p.Elements), MaxElements)
		return ps
	}
	boundaries := p.boundarySet()
	seen := map[string]bool{}
	for i, e := range p.Elements {
		at := fmt.Sprintf("elements[%d]", i)
		ps.uniqueID(at+".id", e.ID, seen)
		ps.notReserved(at+".id", e.ID)
		if boundaries[e.ID] {
			ps.add(at+".id", "%q is already the id of a boundary", e.ID)
		}
		if _, ok := LookupKind(e.Kind); !ok {
			ps.add(at+".kind", "unknown kind %q", e.Kind)
		}
		ps.name(at+".name", e.Name, true)
		ps.text(at+".description", e.Description)
		if e.Boundary != "" && !boundaries[e.Boundary] {
			ps.add(at+".boundary", "unknown boundary %q", e.Boundary)
		}
		ps.props(at+".props", e.Props, e.Kind, false)
		ps.coords(at, e.X, e.Y)
	}
	return ps
}

func (p *Project) validateFlows() Problems {
	var ps Problems
	if len(p.Flows) > MaxFlows {
		ps.add("flows", "has %d flows; the limit is %d", len(p.Flows), MaxFlows)
		return ps
	}
	elements := make(map[string]bool, len(p.Elements))
	for _, e := range p.Elements {
		elements[e.ID] = true
	}
	boundaries := p.boundarySet()
	seen := map[string]bool{}
	for i, f := range p.Flows {
		at := fmt.Sprintf("flows[%d]", i)
		ps.uniqueID(at+".id", f.ID, seen)
		ps.notReserved(at+".id", f.ID)
		if elements[f.ID] {
			ps.add(at+".id", "%q is already the id of an element", f.ID)
		}
		if boundaries[f.ID] {
			ps.add(at+".id", "%q is already the id of a boundary", f.ID)
		}
		ps.ref(at+".from", f.From, elements, "element")
		ps.ref(at+".to", f.To, elements, "element")
		if f.From != "" && f.From == f.To {
			ps.add(at+".to", "a flow cannot start and end at the same element %q", f.From)
		}
		ps.name(at+".name", f.Name, false)
		ps.text(at+".description", f.Description)
		ps.props(at+".props", f.Props, "", true)
	}
	return ps
}

func (p *Project) validateDecisions() Problems {
	var ps Problems
	if len(p.Decisions) > MaxDecisions {
		ps.add("decisions", "has %d decisions; the limit is %d", len(p.Decisions), MaxDecisions)
		return ps
	}
	seen := map[string]bool{}
	for i, d := range p.Decisions {
		at := fmt.Sprintf("decisions[%d]", i)
		if _, _, ok := SplitFindingKey(d.Finding); !ok {
			ps.add(at+".finding", "%q is not a finding key of the form THREAT@TARGET", d.Finding)
		} else if seen[d.Finding] {
			ps.add(at+".finding", "%q is decided twice", d.Finding)
		}
		seen[d.Finding] = true
		if !slices.Contains(DecisionStatuses, d.Status) {
			ps.add(at+".status", "must be one of %v, not %q", DecisionStatuses, d.Status)
		}
		if d.Status == DecisionDismissed && strings.TrimSpace(d.Reason) == "" {
			ps.add(at+".reason", "a dismissal needs a reason")
		}
		ps.text(at+".reason", d.Reason)
		ps.level(at+".likelihood", d.Likelihood, true)
		ps.level(at+".impact", d.Impact, true)
	}
	return ps
}

func (p *Project) validateRisks() Problems {
	var ps Problems
	if len(p.Risks) > MaxRisks {
		ps.add("risks", "has %d risks; the limit is %d", len(p.Risks), MaxRisks)
		return ps
	}
	elements := make(map[string]bool, len(p.Elements))
	for _, e := range p.Elements {
		elements[e.ID] = true
	}
	seen := map[string]bool{}
	for i, r := range p.Risks {
		ps = append(ps, r.validate(fmt.Sprintf("risks[%d]", i), elements, seen)...)
	}
	return ps
}

func (r Risk) validate(at string, elements, seen map[string]bool) Problems {
	var ps Problems
	ps.uniqueID(at+".id", r.ID, seen)
	ps.name(at+".title", r.Title, true)
	ps.text(at+".description", r.Description)
	if r.Finding != "" {
		if _, _, ok := SplitFindingKey(r.Finding); !ok {
			ps.add(at+".finding", "%q is not a finding key of the form THREAT@TARGET", r.Finding)
		}
	}
	if r.Threat != "" {
		ps.id(at+".threat", r.Threat)
	}
	if len(r.Elements) > MaxListLength {
		ps.add(at+".elements", "lists %d elements; the limit is %d", len(r.Elements), MaxListLength)
	}
	for j, e := range r.Elements {
		ps.ref(fmt.Sprintf("%s.elements[%d]", at, j), e, elements, "element")
	}
	ps.level(at+".likelihood", r.Likelihood, false)
	ps.level(at+".impact", r.Impact, false)
	ps.level(at+".residual_likelihood", r.ResidualLikelihood, true)
	ps.level(at+".residual_impact", r.ResidualImpact, true)
	if (r.ResidualLikelihood == 0) != (r.ResidualImpact == 0) {
		ps.add(at+".residual_impact", "residual likelihood and impact are set together or not at all")
	}
	enumCheck(&ps, at+".treatment", r.Treatment, Treatments)
	enumCheck(&ps, at+".status", r.Status, RiskStatuses)
	ps.name(at+".owner", r.Owner, false)
	ps.date(at+".due", r.Due)
	ps.date(at+".review", r.Review)
	ps.text(at+".notes", r.Notes)
	if len(r.Controls) > MaxControlsPerRisk {
		ps.add(at+".controls", "has %d controls; the limit is %d", len(r.Controls), MaxControlsPerRisk)
	}
	for j, c := range r.Controls {
		ps = append(ps, c.validate(fmt.Sprintf("%s.controls[%d]", at, j))...)
	}
	return ps
}

func (c Control) validate(at string) Problems {
	var ps Problems
	ps.name(at+".title", c.Title, true)
	enumCheck(&ps, at+".status", c.Status, ControlStatuses)
	if len(c.Provisions) > MaxListLength {
		ps.add(at+".provisions", "lists %d provisions; the limit is %d", len(c.Provisions), MaxListLength)
	}
	for k, prov := range c.Provisions {
		if !ValidProvisionNumber(prov) {
			ps.add(fmt.Sprintf("%s.provisions[%d]", at, k), "%q is not a provision number like \"5.1\" or \"5.4.1\"", prov)
		}
	}
	return ps
}

func (p *Project) validateProvisions() Problems {
	var ps Problems
	seen := map[string]bool{}
	for i, s := range p.Provisions {
		at := fmt.Sprintf("provisions[%d]", i)
		if !ValidProvisionNumber(s.ID) {
			ps.add(at+".id", "%q is not a provision number like \"5.1\" or \"5.4.1\"", s.ID)
		} else if seen[s.ID] {
			ps.add(at+".id", "provision %q is listed twice", s.ID)
		}
		seen[s.ID] = true
		enumCheck(&ps, at+".status", s.Status, ProvisionStates)
		ps.text(at+".evidence", s.Evidence)
	}
	return ps
}

func (p *Project) boundarySet() map[string]bool {
	m := make(map[string]bool, len(p.Boundaries))
	for _, b := range p.Boundaries {
		m[b.ID] = true
	}
	return m
}

func (ps *Problems) id(path, id string) {
	if msg := ValidID(id); msg != "" {
		ps.add(path, "%s", msg)
	}
}

func (ps *Problems) uniqueID(path, id string, seen map[string]bool) {
	ps.id(path, id)
	if id != "" && seen[id] {
		ps.add(path, "%q is used twice", id)
	}
	seen[id] = true
}

// notReserved refuses the id that names the project itself in finding keys
// (THREAT@project).
func (ps *Problems) notReserved(path, id string) {
	if id == ProjectTarget {
		ps.add(path, "%q is reserved for findings about the whole project; choose another id", id)
	}
}

func (ps *Problems) ref(path, id string, known map[string]bool, what string) {
	switch {
	case id == "":
		ps.add(path, "is empty; it must name an %s", what)
	case !known[id]:
		ps.add(path, "unknown %s %q", what, id)
	}
}

func (ps *Problems) name(path, s string, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		ps.add(path, "is empty")
	case !utf8.ValidString(s):
		ps.add(path, "is not valid UTF-8 text")
	case utf8.RuneCountInString(s) > MaxNameLength:
		ps.add(path, "is longer than %d characters", MaxNameLength)
	}
}

func (ps *Problems) text(path, s string) {
	switch {
	case !utf8.ValidString(s):
		ps.add(path, "is not valid UTF-8 text")
	case utf8.RuneCountInString(s) > MaxTextLength:
		ps.add(path, "is longer than %d characters", MaxTextLength)
	}
}

func (ps *Problems) level(path string, v int, optional bool) {
	if optional && v == 0 {
		return
	}
	if v < 1 || v > 5 {
		ps.add(path, "must be a whole number from 1 to 5, not %d", v)
	}
}

func (ps *Problems) date(path, s string) {
	if s == "" {
		return
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		ps.add(path, "%q is not a date of the form YYYY-MM-DD", s)
	}
}

func (ps *Problems) coords(path string, x, y float64) {
	if !finite(x) || !finite(y) || math.Abs(x) > MaxCoordinate || math.Abs(y) > MaxCoordinate {
		ps.add(path+".x", "position must be a number within ±%g", float64(MaxCoordinate))
	}
}

func (ps *Problems) props(path string, props Props, kind Kind, onFlow bool) {
	for _, name := range props.Keys() {
		if msg := checkProp(name, props[name], kind, onFlow); msg != "" {
			ps.add(path+"."+name, "%s", msg)
		}
	}
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// enum checks that v is one of allowed.
func enumCheck[T ~string](ps *Problems, path string, v T, allowed []T) {
	if !slices.Contains(allowed, v) {
		ps.add(path, "must be one of %v, not %q", allowed, v)
	}
}

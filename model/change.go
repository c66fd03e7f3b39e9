package model

import (
	"fmt"
	"slices"
)

// Entity names what an Op writes.
type Entity string

// The entities an edit can touch; each is stored under its own key.
const (
	EntityMeta      Entity = "project"
	EntityScoring   Entity = "scoring"
	EntityBoundary  Entity = "boundary"
	EntityElement   Entity = "element"
	EntityFlow      Entity = "flow"
	EntityDecision  Entity = "decision"
	EntityRisk      Entity = "risk"
	EntityProvision Entity = "provision"
	EntityWorkshop  Entity = "workshop"
)

// Op puts or deletes one entity. Exactly the pointer matching Entity is set
// for a put; Delete ops need only Entity and ID. ID is the entity's id (the
// finding key for decisions, the provision number for provisions, empty for
// the project meta and scoring).
type Op struct {
	Entity    Entity
	ID        string
	Delete    bool
	Meta      *ProjectMeta
	Scoring   *Scoring
	Boundary  *Boundary
	Element   *Element
	Flow      *Flow
	Decision  *Decision
	Risk      *Risk
	Provision *ProvisionStatus
	Workshop  *Workshop
}

// Change is one user edit: the ops are applied together or not at all, and
// undone together.
type Change struct {
	// Summary says what the edit did, for the change log and the undo menu
	// ("Add element Vector store").
	Summary string
	Ops     []Op
}

// PutBoundary, PutElement and friends build put ops.
func PutBoundary(b Boundary) Op { return Op{Entity: EntityBoundary, ID: b.ID, Boundary: &b} }

// PutElement builds an op that adds or replaces an element.
func PutElement(e Element) Op { return Op{Entity: EntityElement, ID: e.ID, Element: &e} }

// PutFlow builds an op that adds or replaces a flow.
func PutFlow(f Flow) Op { return Op{Entity: EntityFlow, ID: f.ID, Flow: &f} }

// PutDecision builds an op that adds or replaces a decision.
func PutDecision(d Decision) Op { return Op{Entity: EntityDecision, ID: d.Finding, Decision: &d} }

// PutRisk builds an op that adds or replaces a risk.
func PutRisk(r Risk) Op { return Op{Entity: EntityRisk, ID: r.ID, Risk: &r} }

// PutProvision builds an op that adds or replaces a checklist entry.
func PutProvision(s ProvisionStatus) Op {
	return Op{Entity: EntityProvision, ID: s.ID, Provision: &s}
}

// PutMeta builds an op that replaces the project meta.
func PutMeta(m ProjectMeta) Op { return Op{Entity: EntityMeta, Meta: &m} }

// PutScoring builds an op that sets the project's scoring; nil returns the
// project to the default scheme.
func PutScoring(s *Scoring) Op {
	if s == nil {
		return Op{Entity: EntityScoring, Delete: true}
	}
	return Op{Entity: EntityScoring, Scoring: s}
}

// Del builds an op that deletes the entity with the given id.
func Del(entity Entity, id string) Op { return Op{Entity: entity, ID: id, Delete: true} }

// Apply applies c to a copy of p, validates the result, and on success
// replaces p with it and returns the change that undoes c. On failure p is
// untouched and the error lists every problem.
func (p *Project) Apply(c Change) (Change, error) {
	next := p.Clone()
	inverse := Change{Summary: c.Summary, Ops: make([]Op, 0, len(c.Ops))}
	for i, op := range c.Ops {
		undo, err := next.applyOp(op)
		if err != nil {
			return Change{}, fmt.Errorf("%s: op %d: %w", c.Summary, i, err)
		}
		inverse.Ops = append(inverse.Ops, undo)
	}
	if err := next.Validate(); err != nil {
		return Change{}, err
	}
	slices.Reverse(inverse.Ops)
	*p = *next
	return inverse, nil
}

// applyOp applies one op in place and returns the op that undoes it.
func (p *Project) applyOp(op Op) (Op, error) {
	switch op.Entity {
	case EntityMeta:
		if op.Meta == nil {
			return Op{}, fmt.Errorf("the project itself cannot be deleted by an edit")
		}
		undo := PutMeta(p.Meta)
		p.Meta = *op.Meta
		return undo, nil
	case EntityScoring:
		undo := PutScoring(p.Scoring)
		p.Scoring = op.Scoring
		if op.Delete {
			p.Scoring = nil
		}
		return undo, nil
	case EntityBoundary:
		return applyTo(&p.Boundaries, op, op.Boundary, func(b Boundary) string { return b.ID }, PutBoundary)
	case EntityElement:
		return applyTo(&p.Elements, op, op.Element, func(e Element) string { return e.ID }, PutElement)
	case EntityFlow:
		return applyTo(&p.Flows, op, op.Flow, func(f Flow) string { return f.ID }, PutFlow)
	case EntityDecision:
		return applyTo(&p.Decisions, op, op.Decision, func(d Decision) string { return d.Finding }, PutDecision)
	case EntityRisk:
		return applyTo(&p.Risks, op, op.Risk, func(r Risk) string { return r.ID }, PutRisk)
	case EntityProvision:
		return applyTo(&p.Provisions, op, op.Provision, func(s ProvisionStatus) string { return s.ID }, PutProvision)
	case EntityWorkshop:
		return applyTo(&p.Workshops, op, op.Workshop, func(w Workshop) string { return w.ID }, PutWorkshop)
	}
	return Op{}, fmt.Errorf("unknown entity %q", op.Entity)
}

// applyTo puts or deletes one entry of list, keyed by op.ID, keeping the
// order of the others; new entries go at the end.
func applyTo[T any](list *[]T, op Op, value *T, key func(T) string, put func(T) Op) (Op, error) {
	i := slices.IndexFunc(*list, func(v T) bool { return key(v) == op.ID })
	undo := Del(op.Entity, op.ID)
	if i >= 0 {
		undo = put((*list)[i])
	}
	switch {
	case op.Delete && i < 0:
		return Op{}, fmt.Errorf("there is no %s %q to delete", op.Entity, op.ID)
	case op.Delete:
		*list = slices.Delete(*list, i, i+1)
	case value == nil:
		return Op{}, fmt.Errorf("%s %q: nothing to write", op.Entity, op.ID)
	case key(*value) != op.ID:
		return Op{}, fmt.Errorf("%s id %q does not match the op's id %q", op.Entity, key(*value), op.ID)
	case i >= 0:
		(*list)[i] = *value
	default:
		*list = append(*list, *value)
	}
	return undo, nil
}

// Clone returns a deep copy of p.
func (p *Project) Clone() *Project {
	c := *p
	c.Meta.Packs = slices.Clone(p.Meta.Packs)
	c.Boundaries = slices.Clone(p.Boundaries)
	c.Elements = slices.Clone(p.Elements)
	for i := range c.Elements {
		c.Elements[i].Props = c.Elements[i].Props.Clone()
	}
	c.Flows = slices.Clone(p.Flows)
	for i := range c.Flows {
		c.Flows[i].Props = c.Flows[i].Props.Clone()
	}
	c.Decisions = slices.Clone(p.Decisions)
	c.Risks = slices.Clone(p.Risks)
	for i := range c.Risks {
		c.Risks[i] = c.Risks[i].Clone()
	}
	c.Provisions = slices.Clone(p.Provisions)
	c.Workshops = slices.Clone(p.Workshops)
	for i := range c.Workshops {
		c.Workshops[i] = c.Workshops[i].Clone()
	}
	if p.Scoring != nil {
		s := p.Scoring.Clone()
		c.Scoring = &s
	}
	return &c
}

// Clone returns a deep copy of r.
func (r Risk) Clone() Risk {
	r.Elements = slices.Clone(r.Elements)
	r.Controls = slices.Clone(r.Controls)
	for i := range r.Controls {
		r.Controls[i].Provisions = slices.Clone(r.Controls[i].Provisions)
	}
	return r
}

// Clone returns a deep copy of s.
func (s Scoring) Clone() Scoring {
	s.LikelihoodLabels = slices.Clone(s.LikelihoodLabels)
	s.ImpactLabels = slices.Clone(s.ImpactLabels)
	s.Bands = slices.Clone(s.Bands)
	return s
}

// Clone returns a deep copy of w.
func (w Workshop) Clone() Workshop {
	w.Attendees = slices.Clone(w.Attendees)
	w.Agenda = slices.Clone(w.Agenda)
	w.Decided = slices.Clone(w.Decided)
	w.RisksCreated = slices.Clone(w.RisksCreated)
	w.RisksChanged = slices.Clone(w.RisksChanged)
	w.Parking = slices.Clone(w.Parking)
	return w
}

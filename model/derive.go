package model

// Element returns the element with the given id.
func (p *Project) Element(id string) (*Element, bool) {
	for i := range p.Elements {
		if p.Elements[i].ID == id {
			return &p.Elements[i], true
		}
	}
	return nil, false
}

// Boundary returns the boundary with the given id.
func (p *Project) Boundary(id string) (*Boundary, bool) {
	for i := range p.Boundaries {
		if p.Boundaries[i].ID == id {
			return &p.Boundaries[i], true
		}
	}
	return nil, false
}

// Flow returns the flow with the given id.
func (p *Project) Flow(id string) (*Flow, bool) {
	for i := range p.Flows {
		if p.Flows[i].ID == id {
			return &p.Flows[i], true
		}
	}
	return nil, false
}

// Risk returns the risk with the given id.
func (p *Project) Risk(id string) (*Risk, bool) {
	for i := range p.Risks {
		if p.Risks[i].ID == id {
			return &p.Risks[i], true
		}
	}
	return nil, false
}

// Decision returns the decision on the given finding key.
func (p *Project) Decision(finding string) (*Decision, bool) {
	for i := range p.Decisions {
		if p.Decisions[i].Finding == finding {
			return &p.Decisions[i], true
		}
	}
	return nil, false
}

// HasAI reports whether the project has at least one AI component.
func (p *Project) HasAI() bool {
	for _, e := range p.Elements {
		if e.Kind.IsAI() {
			return true
		}
	}
	return false
}

// Index answers the derived questions about a project (boundary chains,
// boundary crossings, lookups by id) in constant time. Build it once per
// analysis; it does not follow later edits.
type Index struct {
	elements map[string]*Element
	parent   map[string]string
	chains   map[string][]string
}

// NewIndex builds the index of p.
func NewIndex(p *Project) *Index {
	ix := &Index{
		elements: make(map[string]*Element, len(p.Elements)),
		parent:   make(map[string]string, len(p.Boundaries)),
		chains:   make(map[string][]string, len(p.Boundaries)),
	}
	for i := range p.Elements {
		ix.elements[p.Elements[i].ID] = &p.Elements[i]
	}
	for _, b := range p.Boundaries {
		ix.parent[b.ID] = b.Parent
	}
	for _, b := range p.Boundaries {
		ix.chains[b.ID] = ix.chainFrom(b.ID)
	}
	return ix
}

// chainFrom walks up from boundary id, stopping at cycles and at the
// nesting limit so broken data cannot loop forever.
func (ix *Index) chainFrom(id string) []string {
	var chain []string
	seen := map[string]bool{}
	for cur := id; cur != "" && !seen[cur] && len(chain) <= MaxBoundaryDepth; cur = ix.parent[cur] {
		seen[cur] = true
		chain = append(chain, cur)
	}
	return chain
}

// Element returns the element with the given id.
func (ix *Index) Element(id string) (*Element, bool) {
	e, ok := ix.elements[id]
	return e, ok
}

// BoundaryChain returns the boundaries containing the element, innermost
// first; empty when the element is in no boundary.
func (ix *Index) BoundaryChain(elementID string) []string {
	e, ok := ix.elements[elementID]
	if !ok || e.Boundary == "" {
		return nil
	}
	return ix.chains[e.Boundary]
}

// Crosses reports whether the flow crosses at least one trust boundary: its
// two ends sit in different innermost boundaries.
func (ix *Index) Crosses(f Flow) bool {
	from, okFrom := ix.elements[f.From]
	to, okTo := ix.elements[f.To]
	if !okFrom || !okTo {
		return false
	}
	return from.Boundary != to.Boundary
}

// BoundaryChain returns the boundaries containing the element, innermost
// first. For many questions at once build an Index.
func (p *Project) BoundaryChain(elementID string) []string {
	return NewIndex(p).BoundaryChain(elementID)
}

// Crosses reports whether the flow crosses a trust boundary. For many
// questions at once build an Index.
func (p *Project) Crosses(f Flow) bool { return NewIndex(p).Crosses(f) }

// BoundaryDepths says how deep each boundary nests: 0 at the top, cut off
// at MaxBoundaryDepth so broken nesting cannot loop.
func (p *Project) BoundaryDepths() map[string]int {
	ix := NewIndex(p)
	out := make(map[string]int, len(p.Boundaries))
	for _, b := range p.Boundaries {
		out[b.ID] = len(ix.chains[b.ID]) - 1
	}
	return out
}

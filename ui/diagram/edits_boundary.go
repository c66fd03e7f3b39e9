package diagram

import (
	"slices"
	"strconv"

	"airisk/model"
)

// AddBoundaryChange adds a trust boundary of the given kind over region r
// (at least the minimum size). Elements and boundaries the region now holds
// move inside it, and it nests in the innermost boundary that holds it. It
// returns the change and the new boundary's id.
func AddBoundaryChange(p *model.Project, r Rect, kind model.BoundaryKind) (model.Change, string) {
	r.W, r.H = max(r.W, MinBoundaryW), max(r.H, MinBoundaryH)
	b := model.Boundary{ID: p.NewID("b"), Name: freeBoundaryName(p, "Trust boundary"), Kind: kind}
	withNew := *p
	withNew.Boundaries = append(slices.Clone(p.Boundaries), b)
	g := newGeometryEdit()
	g.boundaries[b.ID] = r
	next := g.apply(&withNew)
	return model.Change{Summary: "Add boundary " + b.Name, Ops: geometryOps(&withNew, next)}, b.ID
}

func freeBoundaryName(p *model.Project, base string) string {
	used := make(map[string]bool, len(p.Boundaries))
	for _, b := range p.Boundaries {
		used[b.Name] = true
	}
	name := base
	for n := 2; used[name]; n++ {
		name = base + " " + strconv.Itoa(n)
	}
	return name
}

// ResizeBoundaryChange gives boundary id the region r (at least the minimum
// size) and updates the membership of the elements and the nesting of the
// boundaries it now holds or no longer holds. The change has no ops when
// nothing changed.
func ResizeBoundaryChange(p *model.Project, id string, r Rect) model.Change {
	b, ok := p.Boundary(id)
	if !ok {
		return model.Change{}
	}
	g := newGeometryEdit()
	g.boundaries[id] = normalRegion(r)
	next := g.apply(p)
	return model.Change{Summary: "Resize boundary " + b.Name, Ops: geometryOps(p, next)}
}

// normalRegion enforces the minimum boundary size, keeping the top-left
// corner.
func normalRegion(r Rect) Rect {
	r.W, r.H = max(r.W, MinBoundaryW), max(r.H, MinBoundaryH)
	return r
}

// resizeRegion returns the region of r after its corner c was dragged by
// delta and snapped to grid, keeping the opposite corner fixed and the
// minimum size.
func resizeRegion(r Rect, c Corner, delta Point, grid float64) Rect {
	x0, y0, x1, y1 := r.X, r.Y, r.X+r.W, r.Y+r.H
	switch c {
	case CornerNW:
		x0 = min(Snap(x0+delta.X, grid), x1-MinBoundaryW)
		y0 = min(Snap(y0+delta.Y, grid), y1-MinBoundaryH)
	case CornerNE:
		x1 = max(Snap(x1+delta.X, grid), x0+MinBoundaryW)
		y0 = min(Snap(y0+delta.Y, grid), y1-MinBoundaryH)
	case CornerSW:
		x0 = min(Snap(x0+delta.X, grid), x1-MinBoundaryW)
		y1 = max(Snap(y1+delta.Y, grid), y0+MinBoundaryH)
	default:
		x1 = max(Snap(x1+delta.X, grid), x0+MinBoundaryW)
		y1 = max(Snap(y1+delta.Y, grid), y0+MinBoundaryH)
	}
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// DeleteChange deletes the listed elements, flows and boundaries with
// everything that cannot outlive them: the flows of a deleted element, the
// triage decisions on findings about a deleted element or flow, and the
// deleted elements' places in risks (the risks themselves stay). Boundaries
// and elements inside a deleted boundary move up to its parent.
func DeleteChange(p *model.Project, ids []string) model.Change {
	gone := map[string]bool{}
	var ops []model.Op
	for _, id := range ids {
		if _, ok := p.Element(id); ok && !gone[id] {
			gone[id] = true
			ops = append(ops, model.Del(model.EntityElement, id))
		}
	}
	for _, f := range p.Flows {
		if !gone[f.ID] && (gone[f.From] || gone[f.To] || slices.Contains(ids, f.ID)) {
			gone[f.ID] = true
			ops = append(ops, model.Del(model.EntityFlow, f.ID))
		}
	}
	ops = append(ops, deleteBoundaryOps(p, ids, gone)...)
	ops = append(ops, orphanOps(p, gone)...)
	if len(ops) == 0 {
		return model.Change{}
	}
	return model.Change{Summary: "Delete " + describe(p, ids), Ops: ops}
}

// deleteBoundaryOps deletes the listed boundaries, lifting what they held
// into the nearest surviving ancestor.
func deleteBoundaryOps(p *model.Project, ids []string, gone map[string]bool) []model.Op {
	dead := map[string]bool{}
	for _, id := range ids {
		if _, ok := p.Boundary(id); ok {
			dead[id] = true
		}
	}
	if len(dead) == 0 {
		return nil
	}
	parent := make(map[string]string, len(p.Boundaries))
	for _, b := range p.Boundaries {
		parent[b.ID] = b.Parent
	}
	survivor := func(id string) string {
		for n := 0; id != "" && dead[id] && n <= len(parent); n++ {
			id = parent[id]
		}
		return id
	}
	var ops []model.Op
	for _, b := range p.Boundaries {
		switch {
		case dead[b.ID]:
			ops = append(ops, model.Del(model.EntityBoundary, b.ID))
		case dead[b.Parent]:
			b.Parent = survivor(b.Parent)
			ops = append(ops, model.PutBoundary(b))
		}
	}
	for _, e := range p.Elements {
		if dead[e.Boundary] && !gone[e.ID] {
			e.Boundary = survivor(e.Boundary)
			ops = append(ops, model.PutElement(e))
		}
	}
	return ops
}

// orphanOps removes the decisions and risk references that point at the
// deleted elements and flows in gone.
func orphanOps(p *model.Project, gone map[string]bool) []model.Op {
	var ops []model.Op
	for _, d := range p.Decisions {
		if _, target, ok := model.SplitFindingKey(d.Finding); ok && gone[target] {
			ops = append(ops, model.Del(model.EntityDecision, d.Finding))
		}
	}
	for _, r := range p.Risks {
		kept := slices.DeleteFunc(slices.Clone(r.Elements), func(id string) bool { return gone[id] })
		if len(kept) != len(r.Elements) {
			r = r.Clone()
			r.Elements = kept
			ops = append(ops, model.PutRisk(r))
		}
	}
	return ops
}

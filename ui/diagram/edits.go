package diagram

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"airisk/model"
)

// geometryEdit holds new positions of elements (top-left corners) and new
// regions of boundaries. Applying it recomputes every element's boundary
// and every boundary's parent from the new geometry.
type geometryEdit struct {
	elements   map[string]Point
	boundaries map[string]Rect
}

func newGeometryEdit() geometryEdit {
	return geometryEdit{elements: map[string]Point{}, boundaries: map[string]Rect{}}
}

// apply returns a copy of p with the edit made and membership and nesting
// recomputed. Only the diagram slices are copied: the copy shares
// everything else with p and must not be changed.
func (g geometryEdit) apply(p *model.Project) *model.Project {
	next := *p
	next.Elements = slices.Clone(p.Elements)
	next.Boundaries = slices.Clone(p.Boundaries)
	for i := range next.Elements {
		if at, ok := g.elements[next.Elements[i].ID]; ok {
			next.Elements[i].X, next.Elements[i].Y = clampCoord(at.X), clampCoord(at.Y)
		}
	}
	for i := range next.Boundaries {
		if r, ok := g.boundaries[next.Boundaries[i].ID]; ok {
			b := &next.Boundaries[i]
			b.X, b.Y = clampCoord(r.X), clampCoord(r.Y)
			b.W, b.H = clampSize(r.W), clampSize(r.H)
		}
	}
	parents := Nesting(&next)
	for i := range next.Boundaries {
		next.Boundaries[i].Parent = parents[next.Boundaries[i].ID]
	}
	members := Membership(&next)
	for i := range next.Elements {
		next.Elements[i].Boundary = members[next.Elements[i].ID]
	}
	return &next
}

func clampSize(v float64) float64 {
	return max(0, min(model.MaxCoordinate, clampCoord(v)))
}

// geometryOps lists the puts that turn old into next: every element and
// boundary whose geometry, membership or nesting differs.
func geometryOps(old, next *model.Project) []model.Op {
	var ops []model.Op
	for i, b := range next.Boundaries {
		if i >= len(old.Boundaries) || old.Boundaries[i] != b {
			ops = append(ops, model.PutBoundary(b))
		}
	}
	for i, e := range next.Elements {
		if i >= len(old.Elements) {
			ops = append(ops, model.PutElement(e))
			continue
		}
		o := old.Elements[i]
		if o.X != e.X || o.Y != e.Y || o.Boundary != e.Boundary {
			ops = append(ops, model.PutElement(e))
		}
	}
	return ops
}

// moveEdit moves the listed elements and boundaries by delta; a boundary
// takes along the boundaries nested in it and the elements belonging to
// them. With a grid, the delta is adjusted so the first listed item lands
// on it and the others keep their places relative to it.
func moveEdit(p *model.Project, ids []string, delta Point, grid float64) geometryEdit {
	g := newGeometryEdit()
	elements, boundaries := movedSets(p, ids)
	if anchor, ok := anchorOf(p, ids); ok {
		delta = SnapPoint(anchor.Add(delta), grid).Sub(anchor)
	}
	for _, e := range p.Elements {
		if elements[e.ID] {
			g.elements[e.ID] = Point{e.X, e.Y}.Add(delta)
		}
	}
	for _, b := range p.Boundaries {
		if boundaries[b.ID] && Placed(b) {
			g.boundaries[b.ID] = Rect{b.X + delta.X, b.Y + delta.Y, b.W, b.H}
		}
	}
	return g
}

// movedSets expands ids to everything a move takes along.
func movedSets(p *model.Project, ids []string) (elements, boundaries map[string]bool) {
	elements, boundaries = map[string]bool{}, map[string]bool{}
	for _, id := range ids {
		if _, ok := p.Element(id); ok {
			elements[id] = true
			continue
		}
		if _, ok := p.Boundary(id); ok {
			boundaries[id] = true
			bs, es := descendants(p, id)
			maps.Copy(boundaries, bs)
			maps.Copy(elements, es)
		}
	}
	return elements, boundaries
}

// anchorOf is the top-left corner of the first element or boundary in ids.
func anchorOf(p *model.Project, ids []string) (Point, bool) {
	for _, id := range ids {
		if e, ok := p.Element(id); ok {
			return Point{e.X, e.Y}, true
		}
		if b, ok := p.Boundary(id); ok && Placed(*b) {
			return Point{b.X, b.Y}, true
		}
	}
	return Point{}, false
}

// MoveChange moves the listed elements and boundaries (a boundary with its
// contents) by delta, snapping to grid (0 for none), and updates which
// boundary each element belongs to. The change has no ops when nothing
// moved.
func MoveChange(p *model.Project, ids []string, delta Point, grid float64) model.Change {
	next := moveEdit(p, ids, delta, grid).apply(p)
	return model.Change{Summary: "Move " + describe(p, ids), Ops: geometryOps(p, next)}
}

// describe names what an edit touches: the item's name when there is one,
// a count otherwise.
func describe(p *model.Project, ids []string) string {
	if len(ids) == 1 {
		if e, ok := p.Element(ids[0]); ok {
			return e.Name
		}
		if b, ok := p.Boundary(ids[0]); ok {
			return "boundary " + b.Name
		}
		if f, ok := p.Flow(ids[0]); ok {
			return "flow " + flowTitle(p, *f)
		}
	}
	return strconv.Itoa(len(ids)) + " items"
}

// flowTitle is a flow's name, or "A to B" when it has none.
func flowTitle(p *model.Project, f model.Flow) string {
	if f.Name != "" {
		return f.Name
	}
	return fmt.Sprintf("%s to %s", elementName(p, f.From), elementName(p, f.To))
}

func elementName(p *model.Project, id string) string {
	if e, ok := p.Element(id); ok {
		return e.Name
	}
	return id
}

// AddElementChange adds an element of the given kind with its top-left
// corner at topLeft, named after the kind (numbered when the name is
// taken), in the innermost boundary that contains it. It returns the
// change and the new element's id.
func AddElementChange(p *model.Project, kind model.Kind, topLeft Point) (model.Change, string) {
	e := model.Element{
		ID: p.NewID("e"), Kind: kind, Name: freeName(p, kind.Name()), Props: model.Props{},
		X: clampCoord(topLeft.X), Y: clampCoord(topLeft.Y),
	}
	next := *p
	next.Elements = append(slices.Clone(p.Elements), e)
	e.Boundary = Membership(&next)[e.ID]
	return model.Change{Summary: "Add element " + e.Name, Ops: []model.Op{model.PutElement(e)}}, e.ID
}

// freeName returns base, or base followed by the first number that makes
// it unlike every element name of p.
func freeName(p *model.Project, base string) string {
	used := make(map[string]bool, len(p.Elements))
	for _, e := range p.Elements {
		used[e.Name] = true
	}
	if !used[base] {
		return base
	}
	for n := 2; ; n++ {
		if name := base + " " + strconv.Itoa(n); !used[name] {
			return name
		}
	}
}

// ConnectChange adds an unnamed flow from one element to another. ok is
// false when the ends are the same element or either does not exist.
func ConnectChange(p *model.Project, from, to string) (c model.Change, id string, ok bool) {
	if !validEnds(p, from, to) {
		return model.Change{}, "", false
	}
	f := model.Flow{ID: p.NewID("f"), From: from, To: to, Props: model.Props{}}
	summary := fmt.Sprintf("Add flow from %s to %s", elementName(p, from), elementName(p, to))
	return model.Change{Summary: summary, Ops: []model.Op{model.PutFlow(f)}}, f.ID, true
}

func validEnds(p *model.Project, from, to string) bool {
	_, okFrom := p.Element(from)
	_, okTo := p.Element(to)
	return okFrom && okTo && from != to
}

// ReconnectChange moves one end of a flow to another element. ok is false
// when nothing would change or the flow would start and end at the same
// element.
func ReconnectChange(p *model.Project, flowID string, end FlowEnd, to string) (model.Change, bool) {
	f, found := p.Flow(flowID)
	if !found {
		return model.Change{}, false
	}
	next := *f
	next.Props = f.Props.Clone()
	if end == EndFrom {
		next.From = to
	} else {
		next.To = to
	}
	if (next.From == f.From && next.To == f.To) || !validEnds(p, next.From, next.To) {
		return model.Change{}, false
	}
	return model.Change{Summary: "Reconnect flow " + flowTitle(p, *f), Ops: []model.Op{model.PutFlow(next)}}, true
}

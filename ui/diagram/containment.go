package diagram

import (
	"sort"

	"airisk/model"
)

// boundaryOrder ranks the placed boundaries of p from outermost to
// innermost: larger area first, then earlier in the project. A boundary may
// only sit inside one ranked before it, so rectangle containment can never
// produce a cycle, even for identical rectangles.
type boundaryOrder struct {
	ids   []string
	rects []Rect
	rank  map[string]int
}

func newBoundaryOrder(bs []model.Boundary) boundaryOrder {
	idx := make([]int, 0, len(bs))
	for i, b := range bs {
		if Placed(b) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		return BoundaryRect(bs[idx[a]]).Area() > BoundaryRect(bs[idx[b]]).Area()
	})
	o := boundaryOrder{rank: make(map[string]int, len(idx))}
	for r, i := range idx {
		o.ids = append(o.ids, bs[i].ID)
		o.rects = append(o.rects, BoundaryRect(bs[i]))
		o.rank[bs[i].ID] = r
	}
	return o
}

// innermostAt returns the innermost boundary whose region contains pt, ""
// when none does.
func (o boundaryOrder) innermostAt(pt Point) string {
	for r := len(o.ids) - 1; r >= 0; r-- {
		if o.rects[r].Contains(pt) {
			return o.ids[r]
		}
	}
	return ""
}

// parentOf returns the innermost boundary ranked before id whose region
// holds id's region entirely, "" when none does.
func (o boundaryOrder) parentOf(id string) string {
	me, ok := o.rank[id]
	if !ok {
		return ""
	}
	for r := me - 1; r >= 0; r-- {
		if o.rects[r].ContainsRect(o.rects[me]) {
			return o.ids[r]
		}
	}
	return ""
}

// Membership returns, for every element of p, the innermost trust boundary
// that contains the centre of its box ("" for none). Boundaries not placed
// yet (zero size) contain nothing by geometry, so an element that belongs
// to one keeps it unless it now lies in a placed boundary.
func Membership(p *model.Project) map[string]string {
	o := newBoundaryOrder(p.Boundaries)
	placed := placedSet(p)
	out := make(map[string]string, len(p.Elements))
	for _, e := range p.Elements {
		in := o.innermostAt(ElementRect(e).Centre())
		if in == "" && e.Boundary != "" && !placed[e.Boundary] {
			in = e.Boundary
		}
		out[e.ID] = in
	}
	return out
}

// Nesting returns, for every boundary of p, its parent by rectangle
// containment: the innermost other boundary whose region holds it entirely
// ("" for none). Unplaced boundaries keep the parent they have, and so
// does a placed one whose parent is unplaced and that lies in no other.
func Nesting(p *model.Project) map[string]string {
	o := newBoundaryOrder(p.Boundaries)
	placed := placedSet(p)
	out := make(map[string]string, len(p.Boundaries))
	for _, b := range p.Boundaries {
		parent := b.Parent
		if Placed(b) {
			parent = o.parentOf(b.ID)
			if parent == "" && b.Parent != "" && !placed[b.Parent] {
				parent = b.Parent
			}
		}
		out[b.ID] = parent
	}
	breakCycles(out)
	return out
}

// breakCycles clears a parent link in every cycle of the parent map, which
// mixing placed and unplaced boundaries could otherwise produce.
func breakCycles(parent map[string]string) {
	ids := make([]string, 0, len(parent))
	for id := range parent {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		seen := map[string]bool{}
		for cur := id; cur != ""; cur = parent[cur] {
			if seen[cur] {
				parent[cur] = ""
				break
			}
			seen[cur] = true
		}
	}
}

func placedSet(p *model.Project) map[string]bool {
	m := make(map[string]bool, len(p.Boundaries))
	for _, b := range p.Boundaries {
		if Placed(b) {
			m[b.ID] = true
		}
	}
	return m
}

// descendants returns the ids of the boundaries nested (through Parent)
// inside boundary id, and of the elements that belong to any of them or to
// id itself. Broken nesting cannot make it loop.
func descendants(p *model.Project, id string) (boundaries, elements map[string]bool) {
	boundaries = map[string]bool{id: true}
	for changed := true; changed; {
		changed = false
		for _, b := range p.Boundaries {
			if !boundaries[b.ID] && b.Parent != "" && boundaries[b.Parent] {
				boundaries[b.ID] = true
				changed = true
			}
		}
	}
	elements = map[string]bool{}
	for _, e := range p.Elements {
		if e.Boundary != "" && boundaries[e.Boundary] {
			elements[e.ID] = true
		}
	}
	delete(boundaries, id)
	return boundaries, elements
}

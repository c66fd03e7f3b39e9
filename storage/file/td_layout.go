package file

import (
	"math"
	"sort"

	"airisk/model"
)

// Sizes of the exported shapes; the element's x, y is the top-left corner.
var tdShapeSize = map[model.Shape]tdSize{
	model.ShapeExternal: {Width: 160, Height: 80},
	model.ShapeProcess:  {Width: 100, Height: 100},
	model.ShapeStore:    {Width: 160, Height: 80},
}

const (
	tdMargin = 30 // space between a box and what it holds
	tdGrid   = 200
)

// tdLayout places every element and boundary for the export. Elements
// keep their positions (those without one go on a grid below the
// drawing). Boxes keep theirs, grown where needed so that each holds the
// centres of its elements and its nested boxes: Threat Dragon has only
// the drawing to say what is inside what, and the import reads it back.
type tdLayout struct {
	elem  map[string]rect
	bound map[string]rect
}

func layoutForTD(p *model.Project) tdLayout {
	l := tdLayout{elem: map[string]rect{}, bound: map[string]rect{}}
	l.placeElements(p)
	l.placeBoundaries(p)
	return l
}

func elementSize(k model.Kind) tdSize {
	info, _ := model.LookupKind(k)
	return tdShapeSize[info.Shape]
}

func (l *tdLayout) placeElements(p *model.Project) {
	bottom := 0.0
	for _, e := range p.Elements {
		if e.X != 0 || e.Y != 0 {
			s := elementSize(e.Kind)
			l.elem[e.ID] = rect{e.X, e.Y, s.Width, s.Height}
			bottom = math.Max(bottom, e.Y+s.Height)
		}
	}
	n := 0
	for _, e := range p.Elements {
		if _, ok := l.elem[e.ID]; ok {
			continue
		}
		s := elementSize(e.Kind)
		l.elem[e.ID] = rect{40 + float64(n%6)*tdGrid, bottom + 80 + float64(n/6)*150, s.Width, s.Height}
		n++
	}
}

// placeBoundaries works from the innermost boundaries out, so a box is
// grown around its nested boxes after they have their final size.
func (l *tdLayout) placeBoundaries(p *model.Project) {
	members := map[string][]string{}
	for _, e := range p.Elements {
		if e.Boundary != "" {
			members[e.Boundary] = append(members[e.Boundary], e.ID)
		}
	}
	children := map[string][]string{}
	for _, b := range p.Boundaries {
		if b.Parent != "" {
			children[b.Parent] = append(children[b.Parent], b.ID)
		}
	}
	order := boundariesInnermostFirst(p, p.BoundaryDepths())
	right := l.rightEdge(p)
	free := 0
	for _, b := range order {
		r, ok := rect{b.X, b.Y, b.W, b.H}, b.W > 0 && b.H > 0
		for _, id := range members[b.ID] {
			r, ok = include(r, ok, l.elem[id])
		}
		for _, id := range children[b.ID] {
			c, has := l.bound[id]
			switch {
			case !has:
			case !ok:
				r, ok = c.grow(tdMargin), true
			case !r.encloses(c):
				r = r.union(c.grow(tdMargin))
			}
		}
		if !ok {
			r = rect{right + 80, 40 + float64(free)*160, 200, 120}
			free++
		}
		l.bound[b.ID] = r
	}
}

// include grows r (when there is one) to hold the centre of shape, or
// starts it around the shape.
func include(r rect, ok bool, shape rect) (rect, bool) {
	if !ok {
		return shape.grow(tdMargin), true
	}
	if r.contains(shape.centre()) {
		return r, true
	}
	return r.union(shape.grow(tdMargin)), true
}

func (l *tdLayout) rightEdge(p *model.Project) float64 {
	right := 0.0
	for _, r := range l.elem {
		right = math.Max(right, r.x+r.w)
	}
	for _, b := range p.Boundaries {
		right = math.Max(right, b.X+b.W)
	}
	return right
}

// boundariesInnermostFirst orders boundaries by nesting depth, deepest
// first, keeping the stored order among equals.
func boundariesInnermostFirst(p *model.Project, depth map[string]int) []model.Boundary {
	out := append([]model.Boundary(nil), p.Boundaries...)
	sort.SliceStable(out, func(i, j int) bool { return depth[out[i].ID] > depth[out[j].ID] })
	return out
}

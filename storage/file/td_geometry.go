package file

import (
	"math"

	"airisk/model"
)

// rect is a shape's rectangle: top-left corner and size.
type rect struct{ x, y, w, h float64 }

func (r rect) valid() bool {
	ok := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) && math.Abs(v) <= model.MaxCoordinate }
	return ok(r.x) && ok(r.y) && ok(r.w) && ok(r.h) && r.w >= 0 && r.h >= 0
}

func (r rect) centre() (float64, float64) { return r.x + r.w/2, r.y + r.h/2 }

func (r rect) area() float64 { return r.w * r.h }

func (r rect) contains(x, y float64) bool {
	return x >= r.x && x <= r.x+r.w && y >= r.y && y <= r.y+r.h
}

func (r rect) encloses(o rect) bool {
	return o.x >= r.x && o.y >= r.y && o.x+o.w <= r.x+r.w && o.y+o.h <= r.y+r.h
}

// union returns the smallest rectangle holding r and o.
func (r rect) union(o rect) rect {
	x0, y0 := math.Min(r.x, o.x), math.Min(r.y, o.y)
	x1, y1 := math.Max(r.x+r.w, o.x+o.w), math.Max(r.y+r.h, o.y+o.h)
	return rect{x0, y0, x1 - x0, y1 - y0}
}

// grow returns r with a margin on every side.
func (r rect) grow(m float64) rect { return rect{r.x - m, r.y - m, r.w + 2*m, r.h + 2*m} }

// innerBox picks, among boxes, the innermost one that holds the point:
// the smallest, and of equal ones the later (drawn on top).
func innerBox(boxes []*tdNode, x, y float64) (best *tdNode, overlap bool) {
	var holders []*tdNode
	for _, b := range boxes {
		if b.rect.contains(x, y) {
			holders = append(holders, b)
			if best == nil || b.rect.area() <= best.rect.area() {
				best = b
			}
		}
	}
	for _, h := range holders {
		if h != best && !h.rect.encloses(best.rect) {
			overlap = true
		}
	}
	return best, overlap
}

// parentBox picks the smallest other box that encloses b. Equal boxes
// nest by order, the earlier outside, so nesting never loops.
func parentBox(boxes []*tdNode, b *tdNode) *tdNode {
	var best *tdNode
	for _, o := range boxes {
		if o == b || !o.rect.encloses(b.rect) {
			continue
		}
		if o.rect.area() == b.rect.area() && o.index > b.index {
			continue
		}
		if best == nil || o.rect.area() < best.rect.area() {
			best = o
		}
	}
	return best
}

// placeInBoundaries works out from the drawing which boundary holds each
// element (the innermost box holding its centre) and how boxes nest.
// Boundary lines enclose nothing.
func (im *tdImport) placeInBoundaries() {
	boxes := map[int][]*tdNode{}
	for _, n := range im.nodes {
		if n.shape.role == roleBox && n.placed && n.bound >= 0 {
			boxes[n.diagram] = append(boxes[n.diagram], n)
		}
	}
	for _, n := range im.nodes {
		if n.shape.role != roleBox || !n.placed || n.bound < 0 {
			continue
		}
		if kept, ok := im.keptPlace(n, n.extra.parentOf()); ok {
			im.p.Boundaries[n.bound].Parent = kept
			im.fid.carried(n.label, "nesting", "%s as exported (the box was not changed in Threat Dragon)", orNone(kept))
			continue
		}
		if parent := parentBox(boxes[n.diagram], n); parent != nil {
			im.p.Boundaries[n.bound].Parent = parent.id
			im.fid.carried(n.label, "nesting", "inside %s (worked out from the drawing)", parent.shortLabel())
		}
	}
	for _, n := range im.nodes {
		if n.shape.role == roleElement && n.elem >= 0 {
			im.placeElement(n, boxes[n.diagram])
		}
	}
}

func (im *tdImport) placeElement(n *tdNode, boxes []*tdNode) {
	if !n.placed {
		im.fid.dropped(n.label, "boundary", "the element has no position, so no boundary could be worked out; set it by hand")
		return
	}
	if kept, ok := im.keptPlace(n, n.extra.boundaryOf()); ok {
		im.p.Elements[n.elem].Boundary = kept
		im.fid.carried(n.label, "boundary", "%s as exported (the element was not moved in Threat Dragon)", orNone(kept))
		return
	}
	box, overlap := innerBox(boxes, n.rect.x+n.rect.w/2, n.rect.y+n.rect.h/2)
	switch {
	case box == nil:
		im.fid.carried(n.label, "boundary", "outside every trust boundary box (worked out from the drawing)")
	case overlap:
		im.p.Elements[n.elem].Boundary = box.id
		im.fid.carried(n.label, "boundary", "in %s: its centre lies in overlapping boxes, and the smallest was taken; check it", box.shortLabel())
	default:
		im.p.Elements[n.elem].Boundary = box.id
		im.fid.carried(n.label, "boundary", "in %s (worked out from the drawing)", box.shortLabel())
	}
}

// unchanged reports whether the cell is still where the export drew it.
func (n *tdNode) unchanged() bool {
	if n.extra == nil || n.extra.Drawn == nil || !n.placed {
		return false
	}
	d, r := n.extra.Drawn, n.rect
	same := func(a, b float64) bool { return math.Abs(a-b) < 0.5 }
	if !same(r.x, d.X) || !same(r.y, d.Y) {
		return false
	}
	return n.shape.role != roleBox || same(r.w, d.W) && same(r.h, d.H)
}

// keptPlace returns the kept boundary (or parent) of an unchanged cell
// when the import has that boundary.
func (im *tdImport) keptPlace(n *tdNode, kept string) (string, bool) {
	if !n.unchanged() {
		return "", false
	}
	if kept == "" {
		return "", true
	}
	for _, b := range im.p.Boundaries {
		if b.ID == kept {
			return kept, true
		}
	}
	return "", false
}

// keptModel returns the position the project had for an unchanged cell.
func (n *tdNode) keptModel() (rect, bool) {
	if !n.unchanged() || n.extra.Model == nil {
		return rect{}, false
	}
	r := n.extra.Model.rect()
	return r, r.valid()
}

func (x *tdCellExtra) parentOf() string {
	if x == nil {
		return ""
	}
	return x.Parent
}

func (x *tdCellExtra) boundaryOf() string {
	if x == nil {
		return ""
	}
	return x.Boundary
}

func orNone(id string) string {
	if id == "" {
		return "in no boundary,"
	}
	return "in " + id + ","
}

package diagram

import (
	"math"

	"airisk/model"
)

// Point is a position in diagram coordinates (the units of model.Element.X
// and model.Boundary.X; y grows downwards).
type Point struct{ X, Y float64 }

// Add returns p moved by q.
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

// Sub returns the vector from q to p.
func (p Point) Sub(q Point) Point { return Point{p.X - q.X, p.Y - q.Y} }

// Scale returns p multiplied by k.
func (p Point) Scale(k float64) Point { return Point{p.X * k, p.Y * k} }

// Len is the length of p seen as a vector.
func (p Point) Len() float64 { return math.Hypot(p.X, p.Y) }

// Rect is an axis-aligned box: X, Y is its top-left corner.
type Rect struct{ X, Y, W, H float64 }

// Centre is the middle of r.
func (r Rect) Centre() Point { return Point{r.X + r.W/2, r.Y + r.H/2} }

// Max is the bottom-right corner of r.
func (r Rect) Max() Point { return Point{r.X + r.W, r.Y + r.H} }

// Contains reports whether p lies inside r or on its border.
func (r Rect) Contains(p Point) bool {
	return p.X >= r.X && p.X <= r.X+r.W && p.Y >= r.Y && p.Y <= r.Y+r.H
}

// ContainsRect reports whether o lies entirely inside r.
func (r Rect) ContainsRect(o Rect) bool {
	return o.X >= r.X && o.Y >= r.Y && o.X+o.W <= r.X+r.W && o.Y+o.H <= r.Y+r.H
}

// Intersects reports whether r and o overlap.
func (r Rect) Intersects(o Rect) bool {
	return r.X < o.X+o.W && o.X < r.X+r.W && r.Y < o.Y+o.H && o.Y < r.Y+r.H
}

// Inset returns r shrunk by d on every side (grown when d is negative).
func (r Rect) Inset(d float64) Rect { return Rect{r.X + d, r.Y + d, r.W - 2*d, r.H - 2*d} }

// Union returns the smallest rectangle holding r and o; an empty r (zero
// size at the origin) is ignored.
func (r Rect) Union(o Rect) Rect {
	if r == (Rect{}) {
		return o
	}
	x0, y0 := math.Min(r.X, o.X), math.Min(r.Y, o.Y)
	x1, y1 := math.Max(r.X+r.W, o.X+o.W), math.Max(r.Y+r.H, o.Y+o.H)
	return Rect{x0, y0, x1 - x0, y1 - y0}
}

// Area is W x H.
func (r Rect) Area() float64 { return r.W * r.H }

// RectFromPoints returns the rectangle spanned by two corners in any order.
func RectFromPoints(a, b Point) Rect {
	x0, y0 := math.Min(a.X, b.X), math.Min(a.Y, b.Y)
	return Rect{x0, y0, math.Abs(a.X - b.X), math.Abs(a.Y - b.Y)}
}

// Node sizes in diagram units. Every kind of one shape has the same size,
// so the hand positions of a diagram do not depend on text.
const (
	NodeWidth        = 160.0
	NodeHeight       = 72.0
	StoreHeight      = 64.0
	GridSize         = 20.0  // the snapping grid
	MinBoundaryW     = 120.0 // the smallest boundary a resize may leave
	MinBoundaryH     = 80.0
	DefaultBoundaryW = 400.0 // a boundary placed with a click
	DefaultBoundaryH = 260.0
)

// NodeSize returns the width and height of an element of the given shape.
func NodeSize(s model.Shape) (w, h float64) {
	if s == model.ShapeStore {
		return NodeWidth, StoreHeight
	}
	return NodeWidth, NodeHeight
}

// ShapeOf returns the shape of a kind; unknown kinds are drawn as
// processes.
func ShapeOf(k model.Kind) model.Shape {
	if info, ok := model.LookupKind(k); ok {
		return info.Shape
	}
	return model.ShapeProcess
}

// ElementRect is the box of an element: (X, Y) is its top-left corner.
func ElementRect(e model.Element) Rect {
	w, h := NodeSize(ShapeOf(e.Kind))
	return Rect{e.X, e.Y, w, h}
}

// BoundaryRect is the region of a boundary.
func BoundaryRect(b model.Boundary) Rect { return Rect{b.X, b.Y, b.W, b.H} }

// Placed reports whether a boundary has been given a region; all zero
// means "not placed yet" in the model.
func Placed(b model.Boundary) bool { return b.W > 0 && b.H > 0 }

// Snap rounds v to the nearest multiple of grid; a grid of zero or less
// leaves v as it is.
func Snap(v, grid float64) float64 {
	if grid <= 0 {
		return v
	}
	return math.Round(v/grid) * grid
}

// SnapPoint snaps both coordinates of p.
func SnapPoint(p Point, grid float64) Point { return Point{Snap(p.X, grid), Snap(p.Y, grid)} }

// clampCoord keeps a coordinate inside the range the model accepts.
func clampCoord(v float64) float64 {
	const limit = model.MaxCoordinate
	if math.IsNaN(v) {
		return 0
	}
	return math.Max(-limit, math.Min(limit, v))
}

// Bounds is the smallest rectangle holding every placed element and
// boundary of p; the zero Rect when there is none.
func Bounds(p *model.Project) Rect {
	var r Rect
	for _, b := range p.Boundaries {
		if Placed(b) {
			r = r.Union(BoundaryRect(b))
		}
	}
	for _, e := range p.Elements {
		r = r.Union(ElementRect(e))
	}
	return r
}

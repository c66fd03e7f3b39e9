package diagram

import (
	"context"

	"airisk/model"
)

// NeedsLayout reports whether p's elements lack positions: two or more of
// them share the same top-left corner, which is what a file without x and
// y (or with only some) gives. Such a diagram should be auto-laid out before
// it is shown or drawn.
func NeedsLayout(p *model.Project) bool {
	seen := make(map[Point]bool, len(p.Elements))
	for _, e := range p.Elements {
		at := Point{e.X, e.Y}
		if seen[at] {
			return true
		}
		seen[at] = true
	}
	return false
}

// placedForPicture returns p, or a laid-out copy of it when it needs
// layout.
func placedForPicture(p *model.Project) (*model.Project, error) {
	if !NeedsLayout(p) {
		return p, nil
	}
	c, err := Layout(context.Background(), p)
	if err != nil {
		return nil, err
	}
	return withGeometry(p, c), nil
}

// withGeometry returns a copy of p with the positions and regions that the
// puts of c carry, without validating anything else.
func withGeometry(p *model.Project, c model.Change) *model.Project {
	next := p.Clone()
	for _, op := range c.Ops {
		switch {
		case op.Element != nil:
			if e, ok := next.Element(op.ID); ok {
				e.X, e.Y = op.Element.X, op.Element.Y
			}
		case op.Boundary != nil:
			if b, ok := next.Boundary(op.ID); ok {
				b.X, b.Y, b.W, b.H = op.Boundary.X, op.Boundary.Y, op.Boundary.W, op.Boundary.H
			}
		}
	}
	return next
}

package diagram

import "math"

// HitKind says what a point of the diagram lies on.
type HitKind string

// The things a point can hit, from the top of the drawing down.
const (
	HitNone           HitKind = ""
	HitBadge          HitKind = "badge"           // an element's or flow's findings badge
	HitFlowEnd        HitKind = "flow_end"        // an end handle of a selected flow
	HitBoundaryHandle HitKind = "boundary_handle" // a corner handle of a selected boundary
	HitConnector      HitKind = "connector"       // the connector handle of an element
	HitElement        HitKind = "element"
	HitFlow           HitKind = "flow" // a flow's line or label
	HitBoundary       HitKind = "boundary"
)

// FlowEnd names one end of a flow.
type FlowEnd string

// The two ends of a flow.
const (
	EndFrom FlowEnd = "from"
	EndTo   FlowEnd = "to"
)

// Corner names a corner handle of a boundary.
type Corner string

// The four corners of a boundary.
const (
	CornerNW Corner = "nw"
	CornerNE Corner = "ne"
	CornerSW Corner = "sw"
	CornerSE Corner = "se"
)

// Hit is the result of a hit test.
type Hit struct {
	Kind   HitKind
	ID     string
	End    FlowEnd // for HitFlowEnd
	Corner Corner  // for HitBoundaryHandle
}

// HitOptions tune a hit test: Tol is the reach in diagram units (a few
// pixels divided by the zoom); Selected holds the selected ids, whose
// handles are live; Hover is the element under the pointer, whose connector
// handle is live as well.
type HitOptions struct {
	Tol      float64
	Selected map[string]bool
	Hover    string
}

// HitTest returns the topmost thing at pt.
func (s *Scene) HitTest(pt Point, o HitOptions) Hit {
	for _, test := range []func(Point, HitOptions) Hit{
		s.hitBadge, s.hitFlowEnd, s.hitBoundaryHandle, s.hitConnector,
		s.hitElement, s.hitFlow, s.hitBoundary,
	} {
		if h := test(pt, o); h.Kind != HitNone {
			return h
		}
	}
	return Hit{}
}

func (s *Scene) hitBadge(pt Point, o HitOptions) Hit {
	for i := len(s.Nodes) - 1; i >= 0; i-- {
		if n := s.Nodes[i]; n.Badge != (Rect{}) && n.Badge.Inset(-o.Tol/2).Contains(pt) {
			return Hit{Kind: HitBadge, ID: n.ID}
		}
	}
	for i := len(s.Flows) - 1; i >= 0; i-- {
		if f := s.Flows[i]; f.Badge != (Rect{}) && f.Badge.Inset(-o.Tol/2).Contains(pt) {
			return Hit{Kind: HitBadge, ID: f.ID}
		}
	}
	return Hit{}
}

func (s *Scene) hitFlowEnd(pt Point, o HitOptions) Hit {
	reach := handleRadius + o.Tol
	for i := len(s.Flows) - 1; i >= 0; i-- {
		f := s.Flows[i]
		if !o.Selected[f.ID] {
			continue
		}
		if pt.Sub(f.Points[len(f.Points)-1]).Len() <= reach {
			return Hit{Kind: HitFlowEnd, ID: f.ID, End: EndTo}
		}
		if pt.Sub(f.Points[0]).Len() <= reach {
			return Hit{Kind: HitFlowEnd, ID: f.ID, End: EndFrom}
		}
	}
	return Hit{}
}

func (s *Scene) hitBoundaryHandle(pt Point, o HitOptions) Hit {
	reach := handleRadius + o.Tol
	for i := len(s.Boundaries) - 1; i >= 0; i-- {
		b := s.Boundaries[i]
		if !o.Selected[b.ID] {
			continue
		}
		at := BoundaryCorners(b.Rect)
		for _, c := range corners {
			if pt.Sub(at[c]).Len() <= reach {
				return Hit{Kind: HitBoundaryHandle, ID: b.ID, Corner: c}
			}
		}
	}
	return Hit{}
}

var corners = []Corner{CornerNW, CornerNE, CornerSW, CornerSE}

// BoundaryCorners returns the handle positions of a boundary region.
func BoundaryCorners(r Rect) map[Corner]Point {
	return map[Corner]Point{
		CornerNW: {r.X, r.Y}, CornerNE: {r.X + r.W, r.Y},
		CornerSW: {r.X, r.Y + r.H}, CornerSE: {r.X + r.W, r.Y + r.H},
	}
}

// ConnectorAt is the connector handle of an element box: the middle of its
// right side, where a new flow is dragged from.
func ConnectorAt(r Rect) Point { return Point{r.X + r.W, r.Y + r.H/2} }

func (s *Scene) hitConnector(pt Point, o HitOptions) Hit {
	for i := len(s.Nodes) - 1; i >= 0; i-- {
		n := s.Nodes[i]
		if n.ID != o.Hover && !o.Selected[n.ID] {
			continue
		}
		if pt.Sub(ConnectorAt(n.Rect)).Len() <= handleRadius+2+o.Tol {
			return Hit{Kind: HitConnector, ID: n.ID}
		}
	}
	return Hit{}
}

func (s *Scene) hitElement(pt Point, _ HitOptions) Hit {
	for i := len(s.Nodes) - 1; i >= 0; i-- {
		if s.Nodes[i].Rect.Contains(pt) {
			return Hit{Kind: HitElement, ID: s.Nodes[i].ID}
		}
	}
	return Hit{}
}

func (s *Scene) hitFlow(pt Point, o HitOptions) Hit {
	for i := len(s.Flows) - 1; i >= 0; i-- {
		if f := s.Flows[i]; f.Label != (Rect{}) && f.Label.Contains(pt) {
			return Hit{Kind: HitFlow, ID: f.ID}
		}
	}
	best, id := math.Inf(1), ""
	for _, f := range s.Flows {
		if d := distToPolyline(pt, f.Points); d <= o.Tol+1.5 && d < best {
			best, id = d, f.ID
		}
	}
	if id != "" {
		return Hit{Kind: HitFlow, ID: id}
	}
	return Hit{}
}

func (s *Scene) hitBoundary(pt Point, o HitOptions) Hit {
	for i := len(s.Boundaries) - 1; i >= 0; i-- {
		b := s.Boundaries[i]
		if b.Label.Contains(pt) || distToRectBorder(pt, b.Rect) <= o.Tol+1.5 {
			return Hit{Kind: HitBoundary, ID: b.ID}
		}
	}
	return Hit{}
}

// InRect returns the ids of the elements and boundaries lying entirely
// inside r, and of the flows whose both ends do: what a rubber band
// selects.
func (s *Scene) InRect(r Rect) []string {
	var ids []string
	in := map[string]bool{}
	for _, b := range s.Boundaries {
		if r.ContainsRect(b.Rect) {
			ids = append(ids, b.ID)
		}
	}
	for _, n := range s.Nodes {
		if r.ContainsRect(n.Rect) {
			ids = append(ids, n.ID)
			in[n.ID] = true
		}
	}
	for _, f := range s.Flows {
		if in[f.From] && in[f.To] {
			ids = append(ids, f.ID)
		}
	}
	return ids
}

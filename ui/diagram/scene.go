package diagram

import (
	"sort"
	"strconv"

	"airisk/model"
)

// Text sizes and paddings of the drawing, in diagram units.
const (
	NameSize      = 12.5 // element names
	KindSize      = 9.5  // the kind line of an element
	FlowLabelSize = 10.0 // flow names
	BoundarySize  = 12.0 // boundary names (bold)
	BadgeSize     = 9.5  // the count in a badge
	nodePad       = 8.0
	iconSize      = 16.0
	headerHeight  = 22.0 // icon and kind line at the top of a node
	flowLabelMaxW = 130.0
	badgeRadius   = 9.0
	handleRadius  = 5.0
	parallelGap   = 16.0 // distance between flows joining the same pair
	boundaryPad   = 8.0
)

// Badge is what the diagram shows of the open findings of one element or
// flow: how many there are and the highest score among them (1..25, 0 when
// unscored), coloured by the project's score band.
type Badge struct {
	Count int
	Score int
}

// NodeGeom is the drawing geometry of one element.
type NodeGeom struct {
	ID    string
	Kind  model.Kind
	Shape model.Shape
	Name  string
	Rect  Rect
	// Lines is the name wrapped to fit the box.
	Lines []string
	// Badge is the badge circle's bounding box; zero when there is none.
	Badge Rect
}

// BoundaryGeom is the drawing geometry of one placed trust boundary.
type BoundaryGeom struct {
	ID    string
	Name  string
	Kind  model.BoundaryKind
	Rect  Rect
	Depth int
	// Label is the box of the name at the top left; Text its fitted text.
	Label Rect
	Text  string
}

// FlowGeom is the drawing geometry of one flow.
type FlowGeom struct {
	ID, From, To, Name string
	// Points is the route: the first point on the source's border, the last
	// on the target's (where the arrowhead is).
	Points []Point
	// Label is the box of the wrapped name; zero when the flow has no name.
	Label Rect
	Lines []string
	// Crosses is true when the flow crosses a trust boundary.
	Crosses bool
	Badge   Rect
}

// Scene is the geometry of a whole diagram, computed once per project
// state and shared by drawing, hit testing and the pictures.
type Scene struct {
	Nodes      []NodeGeom
	Flows      []FlowGeom
	Boundaries []BoundaryGeom // outermost first
	// Bounds holds everything drawn.
	Bounds   Rect
	node     map[string]int
	flow     map[string]int
	boundary map[string]int
}

// NewScene computes the geometry of p. Badges with a zero count are not
// drawn. Flows whose ends are missing are left out.
func NewScene(p *model.Project, badges map[string]Badge) *Scene {
	s := &Scene{
		node:     make(map[string]int, len(p.Elements)),
		flow:     make(map[string]int, len(p.Flows)),
		boundary: make(map[string]int, len(p.Boundaries)),
	}
	s.addBoundaries(p)
	for _, e := range p.Elements {
		s.node[e.ID] = len(s.Nodes)
		s.Nodes = append(s.Nodes, newNodeGeom(e, badges[e.ID]))
	}
	s.routeFlows(p, badges)
	s.computeBounds()
	return s
}

func newNodeGeom(e model.Element, b Badge) NodeGeom {
	r := ElementRect(e)
	g := NodeGeom{ID: e.ID, Kind: e.Kind, Shape: ShapeOf(e.Kind), Name: e.Name, Rect: r}
	g.Lines = Wrap(e.Name, NameSize, r.W-2*nodePad, false, 2)
	if b.Count > 0 {
		g.Badge = badgeRect(Point{r.X + r.W - 3, r.Y + 3}, b.Count)
	}
	return g
}

// badgeRect is the box of a badge centred at c, widened for long counts.
func badgeRect(c Point, count int) Rect {
	w := max(2*badgeRadius, TextWidth(badgeText(count), BadgeSize, true)+8)
	return Rect{c.X - w/2, c.Y - badgeRadius, w, 2 * badgeRadius}
}

// badgeText is the count shown in a badge.
func badgeText(count int) string {
	if count > 99 {
		return "99+"
	}
	return strconv.Itoa(count)
}

func (s *Scene) addBoundaries(p *model.Project) {
	depth := p.BoundaryDepths()
	for _, b := range p.Boundaries {
		if !Placed(b) {
			continue
		}
		r := BoundaryRect(b)
		g := BoundaryGeom{ID: b.ID, Name: b.Name, Kind: b.Kind, Rect: r, Depth: depth[b.ID]}
		lines := Wrap(b.Name, BoundarySize, r.W-2*boundaryPad-4, true, 1)
		if len(lines) > 0 {
			g.Text = lines[0]
			g.Label = Rect{r.X + boundaryPad, r.Y + 4, TextWidth(g.Text, BoundarySize, true) + 4, BoundarySize * lineHeight}
		}
		s.Boundaries = append(s.Boundaries, g)
	}
	sort.SliceStable(s.Boundaries, func(i, j int) bool { return s.Boundaries[i].Depth < s.Boundaries[j].Depth })
	for i, g := range s.Boundaries {
		s.boundary[g.ID] = i
	}
}

func (s *Scene) computeBounds() {
	var r Rect
	for _, b := range s.Boundaries {
		r = r.Union(b.Rect)
	}
	for _, n := range s.Nodes {
		r = r.Union(n.Rect)
		if n.Badge != (Rect{}) {
			r = r.Union(n.Badge)
		}
	}
	for _, f := range s.Flows {
		for _, pt := range f.Points {
			r = r.Union(Rect{pt.X, pt.Y, 0, 0})
		}
		if f.Label != (Rect{}) {
			r = r.Union(f.Label)
		}
	}
	s.Bounds = r
}

// Node returns the geometry of element id.
func (s *Scene) Node(id string) (NodeGeom, bool) {
	i, ok := s.node[id]
	if !ok {
		return NodeGeom{}, false
	}
	return s.Nodes[i], true
}

// Flow returns the geometry of flow id.
func (s *Scene) Flow(id string) (FlowGeom, bool) {
	i, ok := s.flow[id]
	if !ok {
		return FlowGeom{}, false
	}
	return s.Flows[i], true
}

// Boundary returns the geometry of boundary id.
func (s *Scene) Boundary(id string) (BoundaryGeom, bool) {
	i, ok := s.boundary[id]
	if !ok {
		return BoundaryGeom{}, false
	}
	return s.Boundaries[i], true
}

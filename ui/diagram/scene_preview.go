package diagram

import (
	"slices"

	"airisk/model"
)

// previewScene is a cheap scene for the frames of a drag: elements and
// boundaries come from p, flows not touching a moved element keep the
// routes of prev, and the others are drawn straight with their label in the
// middle. The full routing runs once, when the drag ends.
func previewScene(prev *Scene, p *model.Project, badges map[string]Badge, moved map[string]bool) *Scene {
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
	ix := model.NewIndex(p)
	slot, count := pairSlots(p.Flows)
	for i, f := range p.Flows {
		a, okA := s.node[f.From]
		b, okB := s.node[f.To]
		if !okA || !okB || a == b {
			continue
		}
		g, ok := prev.Flow(f.ID)
		if !ok || moved[f.From] || moved[f.To] {
			g = straightFlow(s, f, slot[i], count[pairKey(f)], badges)
		}
		g.Crosses = ix.Crosses(f)
		s.flow[f.ID] = len(s.Flows)
		s.Flows = append(s.Flows, g)
	}
	s.computeBounds()
	return s
}

// straightFlow routes a flow straight between its boxes, label centred.
func straightFlow(s *Scene, f model.Flow, slot, count int, badges map[string]Badge) FlowGeom {
	k := pairKey(f)
	ra, rb := s.Nodes[s.node[k[0]]].Rect, s.Nodes[s.node[k[1]]].Rect
	offset := (float64(slot) - float64(count-1)/2) * parallelGap
	g := FlowGeom{ID: f.ID, From: f.From, To: f.To, Name: f.Name}
	g.Points = flowPoints([]Point{ra.Centre(), rb.Centre()}, offset, ra, rb, f.From != k[0])
	g.Lines = Wrap(f.Name, FlowLabelSize, flowLabelMaxW, false, 3)
	if len(g.Lines) > 0 {
		size := labelSize(g.Lines)
		g.Label = labelAt(pointAlong(g.Points, 0.5), g.Points[1].Sub(g.Points[0]), size, labelSide(offset, count, f.From != k[0]))
	}
	if bd := badges[f.ID]; bd.Count > 0 {
		g.Badge = flowBadgeRect(g, bd.Count)
	}
	g.Points = slices.Clip(g.Points)
	return g
}

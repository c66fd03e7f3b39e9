package diagram

import (
	"math"
	"slices"

	"airisk/model"
)

// routeFlows computes every flow's route and label. Each pair of elements
// gets one base path between their centres: straight when nothing is in the
// way, else an elbow, else an orthogonal path around the boxes. The flows
// of a pair run parallel to it, side by side, clipped at the two boxes.
func (s *Scene) routeFlows(p *model.Project, badges map[string]Badge) {
	grid := newObstacleGrid(s.Nodes, 4)
	ix := model.NewIndex(p)
	slot, count := pairSlots(p.Flows)
	paths := s.basePaths(p, grid)
	var sides []float64
	for i, f := range p.Flows {
		k := pairKey(f)
		base, ok := paths[k]
		if !ok {
			continue
		}
		offset := (float64(slot[i]) - float64(count[k]-1)/2) * parallelGap
		g := FlowGeom{ID: f.ID, From: f.From, To: f.To, Name: f.Name, Crosses: ix.Crosses(f)}
		g.Points = flowPoints(base, offset, s.Nodes[s.node[k[0]]].Rect, s.Nodes[s.node[k[1]]].Rect, f.From != k[0])
		s.flow[f.ID] = len(s.Flows)
		s.Flows = append(s.Flows, g)
		sides = append(sides, labelSide(offset, count[k], f.From != k[0]))
	}
	s.labelFlows(grid, sides, badges)
}

// basePaths finds one path per pair of connected elements: first the
// straight lines and elbows that nothing blocks, then, in project order,
// orthogonal routes for the rest, which keep off the paths found before
// where they can.
func (s *Scene) basePaths(p *model.Project, grid *obstacleGrid) map[[2]string][]Point {
	rt := &router{grid: grid, budget: sceneExpansions, prior: newSegmentGrid(nil, nil)}
	for _, b := range s.Boundaries {
		rt.boundaries = append(rt.boundaries, b.Rect)
		if b.Label != (Rect{}) {
			rt.labels = append(rt.labels, b.Label)
		}
	}
	paths := map[[2]string][]Point{}
	var blocked [][2]string
	for _, f := range p.Flows {
		a, okA := s.node[f.From]
		b, okB := s.node[f.To]
		k := pairKey(f)
		if _, done := paths[k]; done || !okA || !okB || a == b || slices.Contains(blocked, k) {
			continue
		}
		if pts, ok := directPath(grid, s.node[k[0]], s.node[k[1]]); ok {
			paths[k] = pts
			rt.prior.addPath(pts, 0)
			continue
		}
		blocked = append(blocked, k)
	}
	for _, k := range blocked {
		a, b := s.node[k[0]], s.node[k[1]]
		ca, cb := grid.rects[a].Centre(), grid.rects[b].Centre()
		pts, ok := rt.cachedOrthogonal(a, b, ca, cb)
		if !ok {
			pts = []Point{ca, cb}
		}
		paths[k] = pts
		rt.prior.addPath(pts, 0)
	}
	return paths
}

// directPath is the straight line between the centres of boxes a and b, or
// else an elbow, when no other box is in the way.
func directPath(grid *obstacleGrid, a, b int) ([]Point, bool) {
	ra, rb := grid.rects[a], grid.rects[b]
	ca, cb := ra.Centre(), rb.Centre()
	if !grid.blocked(exitPoint(ra, ca, cb), exitPoint(rb, cb, ca), a, b) {
		return []Point{ca, cb}, true
	}
	for _, elbow := range []Point{{cb.X, ca.Y}, {ca.X, cb.Y}} {
		if ra.Contains(elbow) || rb.Contains(elbow) {
			continue
		}
		if !grid.blocked(exitPoint(ra, ca, elbow), elbow, a, b) && !grid.blocked(elbow, exitPoint(rb, cb, elbow), a, b) {
			return []Point{ca, elbow, cb}, true
		}
	}
	return nil, false
}

// labelSide says where a flow's label goes: 0 on the line for a lone
// flow, else +1 or -1, the side of the flow's own direction its offset put
// it on.
func labelSide(offset float64, pairCount int, reverse bool) float64 {
	if pairCount < 2 || offset == 0 {
		return 0
	}
	side := math.Copysign(1, offset)
	if reverse {
		side = -side
	}
	return side
}

// flowPoints shifts the base path sideways by offset, clips it at the two
// boxes and turns it round when the flow runs against the pair's order.
func flowPoints(base []Point, offset float64, ra, rb Rect, reverse bool) []Point {
	pts := offsetPath(base, offset)
	pts[0] = clampInto(pts[0], ra.Inset(2))
	pts[len(pts)-1] = clampInto(pts[len(pts)-1], rb.Inset(2))
	pts = clipEnds(pts, ra, rb)
	if reverse {
		slices.Reverse(pts)
	}
	return pts
}

// offsetPath moves every segment of pts sideways by d along its left
// normal, joining neighbours where the moved segments meet.
func offsetPath(pts []Point, d float64) []Point {
	out := slices.Clone(pts)
	if d == 0 {
		return out
	}
	normal := func(i int) Point {
		u := unit(pts[i+1].Sub(pts[i]))
		return Point{-u.Y, u.X}.Scale(d)
	}
	out[0] = pts[0].Add(normal(0))
	last := len(pts) - 1
	out[last] = pts[last].Add(normal(last - 1))
	for i := 1; i < last; i++ {
		n0, n1 := normal(i-1), normal(i)
		if p, ok := intersectLines(pts[i-1].Add(n0), pts[i].Add(n0), pts[i].Add(n1), pts[i+1].Add(n1)); ok {
			out[i] = p
		} else {
			out[i] = pts[i].Add(n0)
		}
	}
	return out
}

// intersectLines returns where the line through a1, a2 meets the line
// through b1, b2; ok is false for parallel lines.
func intersectLines(a1, a2, b1, b2 Point) (Point, bool) {
	d1, d2 := a2.Sub(a1), b2.Sub(b1)
	den := d1.X*d2.Y - d1.Y*d2.X
	if math.Abs(den) < 1e-9 {
		return Point{}, false
	}
	t := ((b1.X-a1.X)*d2.Y - (b1.Y-a1.Y)*d2.X) / den
	return a1.Add(d1.Scale(t)), true
}

func clampInto(p Point, r Rect) Point {
	return Point{math.Max(r.X, math.Min(r.X+r.W, p.X)), math.Max(r.Y, math.Min(r.Y+r.H, p.Y))}
}

// clipEnds cuts the path where it leaves box ra and where it enters box
// rb, so it runs from border to border.
func clipEnds(pts []Point, ra, rb Rect) []Point {
	i := 0
	for i < len(pts)-2 && ra.Contains(pts[i+1]) {
		i++
	}
	start := exitPoint(ra, pts[i], pts[i+1])
	j := len(pts) - 1
	for j > i+1 && rb.Contains(pts[j-1]) {
		j--
	}
	end := exitPoint(rb, pts[j], pts[j-1])
	out := append([]Point{start}, pts[i+1:j]...)
	out = append(out, end)
	if len(out) == 2 && out[0] == out[1] {
		return []Point{ra.Centre(), rb.Centre()}
	}
	return out
}

// pairKey names the unordered pair of elements a flow joins.
func pairKey(f model.Flow) [2]string {
	if f.From < f.To {
		return [2]string{f.From, f.To}
	}
	return [2]string{f.To, f.From}
}

// pairSlots numbers the flows of each pair in project order.
func pairSlots(flows []model.Flow) (slot []int, count map[[2]string]int) {
	slot = make([]int, len(flows))
	count = map[[2]string]int{}
	for i, f := range flows {
		k := pairKey(f)
		slot[i] = count[k]
		count[k]++
	}
	return slot, count
}

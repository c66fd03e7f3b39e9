package diagram

import "math"

// labelFlows wraps each flow's name to fit its route and places it: on
// the line for a lone flow, beside it (on the flow's own side) when the flow
// shares its pair with others. Of the candidate places it takes the first
// that hides no element, no label placed before and no other flow's line,
// or else the one with the fewest such conflicts.
func (s *Scene) labelFlows(grid *obstacleGrid, sides []float64, badges map[string]Badge) {
	lines := newSegmentGrid(s.Flows, s.Boundaries)
	taken := newObstacleGrid(nil, 0)
	for i := range s.Flows {
		g := &s.Flows[i]
		s.labelFlow(g, i, grid, lines, sides[i], taken)
		if bd := badges[g.ID]; bd.Count > 0 {
			g.Badge = flowBadgeRect(*g, bd.Count)
		}
	}
}

func (s *Scene) labelFlow(g *FlowGeom, self int, grid *obstacleGrid, lines *segmentGrid, side float64, taken *obstacleGrid) {
	seg := longestSegment(g.Points)
	maxW := flowLabelMaxW
	if d := g.Points[seg+1].Sub(g.Points[seg]); math.Abs(d.X) > math.Abs(d.Y) {
		maxW = math.Max(56, math.Min(maxW, d.Len()-24))
	}
	g.Lines = Wrap(g.Name, FlowLabelSize, maxW, false, 3)
	if len(g.Lines) == 0 {
		return
	}
	size := labelSize(g.Lines)
	best, bestScore := Rect{}, math.MaxInt
	for _, c := range labelCandidates(g.Points, seg, size, side) {
		score := 0
		if grid.overlaps(c.Inset(-2)) {
			score += 100
		}
		if taken.overlaps(c) {
			score += 10
		}
		if score < bestScore {
			score += lines.crossings(c, self, bestScore-score)
		}
		if score < bestScore {
			best, bestScore = c, score
		}
		if score == 0 {
			break
		}
	}
	g.Label = best
	taken.add(best)
}

// longestSegment returns the index of the longest segment of pts.
func longestSegment(pts []Point) int {
	best, at := -1.0, 0
	for i := 1; i < len(pts); i++ {
		if l := pts[i].Sub(pts[i-1]).Len(); l > best {
			best, at = l, i-1
		}
	}
	return at
}

// labelCandidates lists label boxes to try, best first: along the longest
// segment from its middle outwards, then along the whole route. side is 0
// for centred on the line, or +1/-1 for beside it (left or right of the
// direction of travel of the base path).
func labelCandidates(pts []Point, seg int, size Point, side float64) []Rect {
	a, b := pts[seg], pts[seg+1]
	var out []Rect
	for _, f := range []float64{0.5, 0.38, 0.62, 0.26, 0.74} {
		c := a.Add(b.Sub(a).Scale(f))
		out = append(out, labelAt(c, b.Sub(a), size, side))
		if side == 0 {
			out = append(out, labelAt(c, b.Sub(a), size, 1), labelAt(c, b.Sub(a), size, -1))
		}
	}
	for _, f := range []float64{0.5, 0.3, 0.7} {
		c := pointAlong(pts, f)
		out = append(out, labelAt(c, b.Sub(a), size, side))
	}
	return out
}

// labelAt is a label box centred at c, or pushed off the line to one side.
func labelAt(c, dir Point, size Point, side float64) Rect {
	if side != 0 {
		u := unit(dir)
		n := Point{-u.Y, u.X}.Scale(side)
		reach := math.Abs(n.X)*size.X/2 + math.Abs(n.Y)*size.Y/2 + 3
		c = c.Add(n.Scale(reach))
	}
	return Rect{c.X - size.X/2, c.Y - size.Y/2, size.X, size.Y}
}

// labelSize is the box needed for wrapped flow-label lines.
func labelSize(lines []string) Point {
	w := 0.0
	for _, l := range lines {
		w = math.Max(w, TextWidth(l, FlowLabelSize, false))
	}
	return Point{w + 8, float64(len(lines))*FlowLabelSize*lineHeight + 2}
}

// flowBadgeRect puts a flow's badge at the right end of its label, or on
// the middle of the route when it has no name.
func flowBadgeRect(g FlowGeom, count int) Rect {
	if g.Label != (Rect{}) {
		return badgeRect(Point{g.Label.X + g.Label.W, g.Label.Y}, count)
	}
	return badgeRect(pointAlong(g.Points, 0.5), count)
}

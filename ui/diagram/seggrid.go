package diagram

import "math"

// segmentGrid finds the flow segments near a rectangle quickly.
type segmentGrid struct {
	cells map[[2]int][]int
	segs  [][2]Point
	owner []int
	stamp []int
	round int
}

// newSegmentGrid indexes the segments of every flow route and of every
// boundary outline (owned by no flow).
func newSegmentGrid(flows []FlowGeom, boundaries []BoundaryGeom) *segmentGrid {
	g := &segmentGrid{cells: map[[2]int][]int{}}
	for fi, f := range flows {
		g.addPath(f.Points, fi)
	}
	for _, b := range boundaries {
		r := b.Rect
		g.addPath([]Point{{r.X, r.Y}, {r.X + r.W, r.Y}, {r.X + r.W, r.Y + r.H}, {r.X, r.Y + r.H}, {r.X, r.Y}}, -1)
	}
	return g
}

// near returns the segments whose cells overlap r.
func (g *segmentGrid) near(out []int, r Rect) []int {
	g.round++
	out = out[:0]
	x0, y0, x1, y1 := cellSpan(r)
	for cx := x0; cx <= x1; cx++ {
		for cy := y0; cy <= y1; cy++ {
			for _, id := range g.cells[[2]int{cx, cy}] {
				if g.stamp[id] != g.round {
					g.stamp[id] = g.round
					out = append(out, id)
				}
			}
		}
	}
	return out
}

func (g *segmentGrid) addPath(pts []Point, owner int) {
	for i := 1; i < len(pts); i++ {
		id := len(g.segs)
		g.segs = append(g.segs, [2]Point{pts[i-1], pts[i]})
		g.owner = append(g.owner, owner)
		g.stamp = append(g.stamp, 0)
		for _, c := range cellsAlong(pts[i-1], pts[i]) {
			g.cells[c] = append(g.cells[c], id)
		}
	}
}

// cellsAlong returns the grid cells a segment passes through (and their
// neighbours where it runs close to a corner), at most a few hundred.
func cellsAlong(a, b Point) [][2]int {
	const maxSteps = 512
	steps := min(maxSteps, int(b.Sub(a).Len()/(obstacleCell/4))+1)
	var out [][2]int
	seen := map[[2]int]bool{}
	for k := 0; k <= steps; k++ {
		p := a.Add(b.Sub(a).Scale(float64(k) / float64(steps)))
		c := [2]int{int(math.Floor(p.X / obstacleCell)), int(math.Floor(p.Y / obstacleCell))}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// crossings counts, up to limit, the segments of other flows and of
// boundary outlines that pass through r.
func (g *segmentGrid) crossings(r Rect, self, limit int) int {
	g.round++
	n := 0
	x0, y0, x1, y1 := cellSpan(r)
	for cx := x0; cx <= x1; cx++ {
		for cy := y0; cy <= y1; cy++ {
			for _, id := range g.cells[[2]int{cx, cy}] {
				if g.stamp[id] == g.round || g.owner[id] == self {
					continue
				}
				g.stamp[id] = g.round
				if segmentHits(g.segs[id][0], g.segs[id][1], r) {
					n++
					if n >= limit {
						return n
					}
				}
			}
		}
	}
	return n
}

// cellSpan returns the grid cells a rectangle covers, capped so a hostile
// coordinate cannot make a walk over millions of cells.
func cellSpan(r Rect) (x0, y0, x1, y1 int) {
	x0, y0 = int(math.Floor(r.X/obstacleCell)), int(math.Floor(r.Y/obstacleCell))
	x1, y1 = int(math.Floor((r.X+r.W)/obstacleCell)), int(math.Floor((r.Y+r.H)/obstacleCell))
	const maxSpan = 64
	return x0, y0, min(x1, x0+maxSpan), min(y1, y0+maxSpan)
}

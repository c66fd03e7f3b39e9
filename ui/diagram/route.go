package diagram

// obstacleGrid finds the element boxes near a segment quickly, so routing
// stays fast with a thousand elements.
type obstacleGrid struct {
	cells map[[2]int][]int
	rects []Rect
	stamp []int
	round int
}

const obstacleCell = 200.0

func newObstacleGrid(nodes []NodeGeom, pad float64) *obstacleGrid {
	g := &obstacleGrid{cells: map[[2]int][]int{}, stamp: make([]int, len(nodes))}
	for i, n := range nodes {
		r := n.Rect.Inset(-pad)
		g.rects = append(g.rects, r)
		x0, y0, x1, y1 := g.span(r)
		for cx := x0; cx <= x1; cx++ {
			for cy := y0; cy <= y1; cy++ {
				g.cells[[2]int{cx, cy}] = append(g.cells[[2]int{cx, cy}], i)
			}
		}
	}
	return g
}

// span returns the cells a rectangle covers.
func (g *obstacleGrid) span(r Rect) (x0, y0, x1, y1 int) { return cellSpan(r) }

// blocked reports whether the segment a-b passes through an element box
// other than those in skip.
func (g *obstacleGrid) blocked(a, b Point, skip ...int) bool {
	g.round++
	x0, y0, x1, y1 := g.span(RectFromPoints(a, b))
	for cx := x0; cx <= x1; cx++ {
		for cy := y0; cy <= y1; cy++ {
			for _, i := range g.cells[[2]int{cx, cy}] {
				if g.stamp[i] == g.round || isOneOf(i, skip) {
					continue
				}
				g.stamp[i] = g.round
				if segmentHits(a, b, g.rects[i]) {
					return true
				}
			}
		}
	}
	return false
}

// near returns the boxes overlapping r, appended to out[:0] so a caller
// can reuse one buffer.
func (g *obstacleGrid) near(out []int, r Rect) []int {
	g.round++
	out = out[:0]
	x0, y0, x1, y1 := g.span(r)
	for cx := x0; cx <= x1; cx++ {
		for cy := y0; cy <= y1; cy++ {
			for _, i := range g.cells[[2]int{cx, cy}] {
				if g.stamp[i] != g.round && g.rects[i].Intersects(r) {
					g.stamp[i] = g.round
					out = append(out, i)
				}
			}
		}
	}
	return out
}

// add indexes one more box.
func (g *obstacleGrid) add(r Rect) {
	i := len(g.rects)
	g.rects = append(g.rects, r)
	g.stamp = append(g.stamp, 0)
	x0, y0, x1, y1 := g.span(r)
	for cx := x0; cx <= x1; cx++ {
		for cy := y0; cy <= y1; cy++ {
			g.cells[[2]int{cx, cy}] = append(g.cells[[2]int{cx, cy}], i)
		}
	}
}

// overlaps reports whether r overlaps an element box.
func (g *obstacleGrid) overlaps(r Rect) bool {
	x0, y0, x1, y1 := g.span(r)
	for cx := x0; cx <= x1; cx++ {
		for cy := y0; cy <= y1; cy++ {
			for _, i := range g.cells[[2]int{cx, cy}] {
				if g.rects[i].Intersects(r) {
					return true
				}
			}
		}
	}
	return false
}

func isOneOf(i int, set []int) bool {
	for _, v := range set {
		if v == i {
			return true
		}
	}
	return false
}

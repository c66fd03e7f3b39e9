package diagram

import (
	"math"
	"slices"
)

// Orthogonal routing around obstacles: A* over a grid of cells with a
// penalty for each turn, so routes have few bends and keep clear of boxes.
const (
	routeCell       = 10.0   // finest grid step in diagram units
	maxRouteStep    = 20.0   // coarsest; windows needing more are not searched
	routeWindow     = 160.0  // how far a route may stray outside its two boxes
	routeClear      = 10.0   // space kept between a route and other boxes
	turnPenalty     = 4      // a bend costs as much as this many cells
	edgePenalty     = 3      // so does a step along a boundary's outline or another route
	targetCells     = 40000  // windows are searched with at most about this many cells
	sceneExpansions = 120000 // search steps one scene may spend on routing
)

// router holds the buffers of the A* search, reused between flows, and
// the search budget left for the scene.
type router struct {
	grid       *obstacleGrid
	boundaries []Rect
	labels     []Rect // boundary names, which routes go around
	// prior holds the routes found before, which new routes keep off.
	prior   *segmentGrid
	budget  int
	blocked []bool
	crowded []bool
	cost    []int32
	prev    []int32
	queue   stateQueue
	// near and env are scratch buffers reused by every search, so routing
	// a large diagram does not allocate per flow.
	near []int
	env  []Rect
}

type window struct {
	origin     Point
	step       float64
	cols, rows int
}

func (w window) cell(p Point) (int, int) {
	c := int(math.Round((p.X - w.origin.X) / w.step))
	r := int(math.Round((p.Y - w.origin.Y) / w.step))
	return max(0, min(w.cols-1, c)), max(0, min(w.rows-1, r))
}

func (w window) point(c, r int) Point {
	return Point{w.origin.X + float64(c)*w.step, w.origin.Y + float64(r)*w.step}
}

var dirs = [4][2]int{{1, 0}, {0, 1}, {-1, 0}, {0, -1}}

// orthogonal returns a path of horizontal and vertical segments from ca to
// cb, the centres of boxes a and b, avoiding every other box; ok is false
// when the search found none within its limits. The path leaves and enters
// the boxes at the middle of a side (a port), as a diagram reader expects.
func (rt *router) orthogonal(a, b int, ca, cb Point) ([]Point, bool) {
	if rt.budget <= 0 {
		return nil, false
	}
	win, ok := rt.prepare(a, b)
	if !ok {
		return nil, false
	}
	end, ok := rt.search(win, rt.ports(win, a), rt.ports(win, b), cb)
	if !ok {
		return nil, false
	}
	states := rt.unwind(end)
	cells := make([]Point, len(states))
	for i, st := range states {
		c := int(st / 4)
		cells[i] = win.point(c%win.cols, c/win.cols)
	}
	alignRun(cells, int(states[0]%4), ca)
	slices.Reverse(cells)
	alignRun(cells, int(states[len(states)-1]%4), cb)
	slices.Reverse(cells)
	return simplify(append(append([]Point{ca}, cells...), cb)), true
}

// alignRun puts the straight run at the start of cells, which leaves a box
// in direction d, on the line through the box centre c: the grid snapped it
// a little off.
func alignRun(cells []Point, d int, c Point) {
	vertical := dirs[d][0] == 0
	first := cells[0]
	for i := range cells {
		if vertical && cells[i].X == first.X {
			cells[i].X = c.X
		} else if !vertical && cells[i].Y == first.Y {
			cells[i].Y = c.Y
		} else {
			return
		}
	}
}

// port is a search start or goal: the cell just outside the middle of a
// box side, and the direction leading away from the box there.
type port struct {
	cell int
	dir  int
}

// ports returns the four side ports of box i.
func (rt *router) ports(win window, i int) [4]port {
	r := rt.grid.rects[i]
	c := r.Centre()
	var out [4]port
	for d, step := range dirs {
		reach := Point{float64(step[0]) * (r.W/2 + routeClear), float64(step[1]) * (r.H/2 + routeClear)}
		col, row := win.cell(c.Add(reach))
		out[d] = port{cell: row*win.cols + col, dir: d}
	}
	return out
}

// searchWindow is the area a route between boxes a and b is searched in,
// with a grid step that keeps the number of cells bounded.
func (rt *router) searchWindow(a, b int) (window, Rect, bool) {
	area := rt.grid.rects[a].Union(rt.grid.rects[b]).Inset(-routeWindow)
	step := routeCell
	if cells := area.W * area.H / (step * step); cells > targetCells {
		step = routeCell * math.Sqrt(cells/targetCells)
	}
	win := window{origin: Point{area.X, area.Y}, step: step, cols: int(area.W/step) + 1, rows: int(area.H/step) + 1}
	return win, area, step <= maxRouteStep
}

// prepare sizes the search window around boxes a and b and marks the
// cells other boxes cover and those boundary outlines run through.
func (rt *router) prepare(a, b int) (window, bool) {
	win, area, ok := rt.searchWindow(a, b)
	if !ok {
		return win, false
	}
	n := win.cols * win.rows
	rt.blocked = resize(rt.blocked, n)
	rt.crowded = resize(rt.crowded, n)
	clear(rt.blocked)
	clear(rt.crowded)
	rt.near = rt.grid.near(rt.near, area)
	for _, i := range rt.near {
		clearance := -routeClear
		if i == a || i == b {
			clearance = -routeClear / 2 // routes start and end at ports outside it
		}
		rt.mark(win, rt.grid.rects[i].Inset(clearance), rt.blocked)
	}
	for _, r := range rt.boundaries {
		if r.Intersects(area) {
			rt.markOutline(win, r)
		}
	}
	for _, r := range rt.labels {
		if r.Intersects(area) {
			rt.mark(win, r.Inset(-4), rt.blocked)
		}
	}
	rt.near = rt.prior.near(rt.near, area)
	for _, id := range rt.near {
		rt.markSegment(win, rt.prior.segs[id])
	}
	return win, true
}

// markSegment marks the cells within a flow's width of a segment as
// crowded, so a new route keeps clear of flows drawn side by side on it.
func (rt *router) markSegment(win window, seg [2]Point) {
	a, b := seg[0], seg[1]
	steps := int(b.Sub(a).Len()/(win.step/2)) + 1
	reach := int(math.Ceil(1.5 * parallelGap / win.step))
	for k := 0; k <= steps && k <= 4*targetCells; k++ {
		p := a.Add(b.Sub(a).Scale(float64(k) / float64(steps)))
		c, r := win.cell(p)
		if win.point(c, r).Sub(p).Len() > win.step {
			continue // outside the window
		}
		for dr := -reach; dr <= reach; dr++ {
			for dc := -reach; dc <= reach; dc++ {
				if cc, rr := c+dc, r+dr; cc >= 0 && rr >= 0 && cc < win.cols && rr < win.rows {
					rt.crowded[rr*win.cols+cc] = true
				}
			}
		}
	}
}

// mark sets the cells of win whose centres lie in r.
func (rt *router) mark(win window, r Rect, cells []bool) {
	c0, r0 := win.cell(Point{r.X, r.Y})
	c1, r1 := win.cell(r.Max())
	for row := r0; row <= r1; row++ {
		for col := c0; col <= c1; col++ {
			if r.Contains(win.point(col, row)) {
				cells[row*win.cols+col] = true
			}
		}
	}
}

// markOutline marks the cells along the four sides of r as crowded.
func (rt *router) markOutline(win window, r Rect) {
	half := win.step / 2
	for _, side := range []Rect{
		{r.X - half, r.Y - half, r.W + win.step, win.step},
		{r.X - half, r.Y + r.H - half, r.W + win.step, win.step},
		{r.X - half, r.Y - half, win.step, r.H + win.step},
		{r.X + r.W - half, r.Y - half, win.step, r.H + win.step},
	} {
		rt.mark(win, side, rt.crowded)
	}
}

func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// search runs A* over states (cell, direction of travel) from the ports
// of the start box to a port of the goal box and returns the state reached.
func (rt *router) search(win window, from, to [4]port, goal Point) (int32, bool) {
	n := win.cols * win.rows * 4
	rt.cost = resize(rt.cost, n)
	rt.prev = resize(rt.prev, n)
	for i := range rt.cost {
		rt.cost[i] = math.MaxInt32
	}
	rt.queue = rt.queue[:0]
	gc, gr := win.cell(goal)
	h := func(c, r int) int32 { return int32(abs(c-gc) + abs(r-gr)) }
	for _, p := range from {
		s := int32(p.cell*4 + p.dir)
		rt.cost[s], rt.prev[s] = 0, -1
		rt.queue.push(queued{s, h(p.cell%win.cols, p.cell/win.cols)})
	}
	for len(rt.queue) > 0 && rt.budget > 0 {
		rt.budget--
		q := rt.queue.pop()
		cell, d := int(q.state/4), int(q.state%4)
		if arrives(cell, d, to) {
			return q.state, true
		}
		col, row := cell%win.cols, cell/win.cols
		if q.f-h(col, row) > rt.cost[q.state] {
			continue
		}
		rt.expand(win, q.state, col, row, d, h)
	}
	return 0, false
}

// arrives reports whether a state at cell travelling in direction d enters
// the goal box through one of its ports, heading into it.
func arrives(cell, d int, to [4]port) bool {
	for _, p := range to {
		if p.cell == cell && d == (p.dir+2)%4 {
			return true
		}
	}
	return false
}

func (rt *router) expand(win window, s int32, col, row, d int, h func(int, int) int32) {
	for nd, step := range dirs {
		if nd == (d+2)%4 {
			continue
		}
		nc, nr := col+step[0], row+step[1]
		if nc < 0 || nr < 0 || nc >= win.cols || nr >= win.rows || rt.blocked[nr*win.cols+nc] {
			continue
		}
		g := rt.cost[s] + rt.stepCost(nr*win.cols+nc, nd != d)
		ns := int32((nr*win.cols+nc)*4 + nd)
		if g < rt.cost[ns] {
			rt.cost[ns], rt.prev[ns] = g, s
			rt.queue.push(queued{ns, g + h(nc, nr)})
		}
	}
}

// stepCost is the cost of stepping into a cell: one, plus the penalties
// for a turn and for a crowded cell.
func (rt *router) stepCost(cell int, turn bool) int32 {
	c := int32(1)
	if rt.crowded[cell] {
		c += edgePenalty
	}
	if turn {
		c += turnPenalty
	}
	return c
}

// unwind returns the states from the start to the state reached.
func (rt *router) unwind(end int32) []int32 {
	var states []int32
	for s := end; s >= 0; s = rt.prev[s] {
		states = append(states, s)
	}
	slices.Reverse(states)
	return states
}

// simplify drops the points in the middle of straight runs.
func simplify(pts []Point) []Point {
	if len(pts) < 3 {
		if len(pts) == 1 {
			return []Point{pts[0], pts[0]}
		}
		return pts
	}
	out := []Point{pts[0]}
	for i := 1; i < len(pts)-1; i++ {
		a, b, c := out[len(out)-1], pts[i], pts[i+1]
		if (a.X == b.X && b.X == c.X) || (a.Y == b.Y && b.Y == c.Y) {
			continue
		}
		out = append(out, b)
	}
	return append(out, pts[len(pts)-1])
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

type queued struct {
	state int32
	f     int32
}

// stateQueue is a binary min-heap of search states by estimated total
// cost, typed so pushing allocates nothing.
type stateQueue []queued

func (q *stateQueue) push(x queued) {
	*q = append(*q, x)
	h := *q
	for i := len(h) - 1; i > 0; {
		parent := (i - 1) / 2
		if h[parent].f <= h[i].f {
			break
		}
		h[parent], h[i] = h[i], h[parent]
		i = parent
	}
}

func (q *stateQueue) pop() queued {
	h := *q
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	h = h[:last]
	for i := 0; ; {
		l, r, small := 2*i+1, 2*i+2, i
		if l < len(h) && h[l].f < h[small].f {
			small = l
		}
		if r < len(h) && h[r].f < h[small].f {
			small = r
		}
		if small == i {
			break
		}
		h[i], h[small] = h[small], h[i]
		i = small
	}
	*q = h
	return top
}

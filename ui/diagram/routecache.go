package diagram

import (
	"cmp"
	"math"
	"slices"
	"sync"
)

// routeCache remembers orthogonal routes, keyed by everything a route
// depends on: the two boxes and the boxes, boundary outlines and earlier
// routes in its search window. Redrawing a diagram after an edit then searches again only
// where something moved. It is shared by all scenes and bounded in size.
var routeCache = struct {
	sync.Mutex
	m map[routeKey][]Point
}{m: map[routeKey][]Point{}}

const maxCachedRoutes = 20000

type routeKey struct {
	a, b Rect
	env  uint64
}

// cachedOrthogonal returns the orthogonal route between boxes a and b from
// the cache or from a search; ok is false when there is none.
func (rt *router) cachedOrthogonal(a, b int, ca, cb Point) ([]Point, bool) {
	_, area, searchable := rt.searchWindow(a, b)
	if !searchable {
		return nil, false
	}
	key := routeKey{a: rt.grid.rects[a], b: rt.grid.rects[b], env: rt.environment(a, b, area)}
	routeCache.Lock()
	pts, hit := routeCache.m[key]
	routeCache.Unlock()
	if hit {
		return pts, pts != nil
	}
	pts, ok := rt.orthogonal(a, b, ca, cb)
	if !ok && rt.budget <= 0 {
		return nil, false // out of budget: do not remember a failure
	}
	routeCache.Lock()
	if len(routeCache.m) >= maxCachedRoutes {
		clear(routeCache.m)
	}
	routeCache.m[key] = pts
	routeCache.Unlock()
	return pts, ok
}

// environment hashes the other boxes, the boundary outlines and the
// earlier routes in area. Each kind of obstacle is encoded in the signs and
// offsets of its rectangle so that two kinds never hash alike.
func (rt *router) environment(a, b int, area Rect) uint64 {
	rects := rt.env[:0]
	rt.near = rt.prior.near(rt.near, area)
	for _, id := range rt.near {
		seg := rt.prior.segs[id]
		rects = append(rects, Rect{seg[0].X, seg[0].Y, seg[1].X + 1e7, seg[1].Y + 1e7})
	}
	rt.near = rt.grid.near(rt.near, area)
	for _, i := range rt.near {
		if i != a && i != b {
			rects = append(rects, rt.grid.rects[i])
		}
	}
	for _, r := range rt.boundaries {
		if r.Intersects(area) {
			rects = append(rects, Rect{r.X, r.Y, -r.W, -r.H})
		}
	}
	for _, r := range rt.labels {
		if r.Intersects(area) {
			rects = append(rects, Rect{r.X, r.Y, r.W - 1e7, r.H - 1e7})
		}
	}
	slices.SortFunc(rects, compareRect)
	rt.env = rects
	return hashRects(rects)
}

// hashRects is the 64-bit FNV-1a hash of the rectangles' coordinates.
func hashRects(rects []Rect) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, r := range rects {
		for _, v := range [4]float64{r.X, r.Y, r.W, r.H} {
			bits := math.Float64bits(v)
			for range 8 {
				h ^= bits & 0xff
				h *= prime
				bits >>= 8
			}
		}
	}
	return h
}

// compareRect orders rectangles by X, then Y, W and H.
func compareRect(a, b Rect) int {
	return cmp.Or(cmp.Compare(a.X, b.X), cmp.Compare(a.Y, b.Y), cmp.Compare(a.W, b.W), cmp.Compare(a.H, b.H))
}

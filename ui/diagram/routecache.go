package diagram

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"sort"
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
// earlier routes in area.
func (rt *router) environment(a, b int, area Rect) uint64 {
	var rects []Rect
	for _, id := range rt.prior.near(area) {
		seg := rt.prior.segs[id]
		rects = append(rects, Rect{seg[0].X, seg[0].Y, seg[1].X + 1e7, seg[1].Y + 1e7})
	}
	for _, i := range rt.grid.near(area) {
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
	sort.Slice(rects, func(i, j int) bool { return lessRect(rects[i], rects[j]) })
	h := fnv.New64a()
	var buf [8]byte
	for _, r := range rects {
		for _, v := range [4]float64{r.X, r.Y, r.W, r.H} {
			binary.LittleEndian.PutUint64(buf[:], math.Float64bits(v))
			h.Write(buf[:])
		}
	}
	return h.Sum64()
}

func lessRect(a, b Rect) bool {
	if a.X != b.X {
		return a.X < b.X
	}
	if a.Y != b.Y {
		return a.Y < b.Y
	}
	if a.W != b.W {
		return a.W < b.W
	}
	return a.H < b.H
}

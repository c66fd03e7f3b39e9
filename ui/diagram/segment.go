package diagram

import "math"

// clipSegment clips the segment a-b to r (Liang-Barsky) and returns the
// parameters t0 <= t1 of the part inside r; ok is false when the segment
// misses r.
func clipSegment(a, b Point, r Rect) (t0, t1 float64, ok bool) {
	t0, t1 = 0, 1
	d := b.Sub(a)
	edges := [4][2]float64{
		{-d.X, a.X - r.X},
		{d.X, r.X + r.W - a.X},
		{-d.Y, a.Y - r.Y},
		{d.Y, r.Y + r.H - a.Y},
	}
	for _, e := range edges {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = math.Max(t0, t)
		} else {
			t1 = math.Min(t1, t)
		}
		if t0 > t1 {
			return 0, 0, false
		}
	}
	return t0, t1, true
}

// segmentHits reports whether the segment a-b passes through r.
func segmentHits(a, b Point, r Rect) bool {
	t0, t1, ok := clipSegment(a, b, r)
	return ok && t1-t0 > 1e-9
}

// exitPoint is where the segment from inside (a point in r) towards toward
// leaves r; inside itself when toward lies in r too.
func exitPoint(r Rect, inside, toward Point) Point {
	_, t1, ok := clipSegment(inside, toward, r)
	if !ok {
		return inside
	}
	return inside.Add(toward.Sub(inside).Scale(t1))
}

// distToSegment is the distance from p to the segment a-b.
func distToSegment(p, a, b Point) float64 {
	d := b.Sub(a)
	l2 := d.X*d.X + d.Y*d.Y
	if l2 == 0 {
		return p.Sub(a).Len()
	}
	t := ((p.X-a.X)*d.X + (p.Y-a.Y)*d.Y) / l2
	t = math.Max(0, math.Min(1, t))
	return p.Sub(a.Add(d.Scale(t))).Len()
}

// distToPolyline is the distance from p to the nearest segment of pts.
func distToPolyline(p Point, pts []Point) float64 {
	best := math.Inf(1)
	for i := 1; i < len(pts); i++ {
		best = math.Min(best, distToSegment(p, pts[i-1], pts[i]))
	}
	return best
}

// distToRectBorder is the distance from p to the outline of r.
func distToRectBorder(p Point, r Rect) float64 {
	tl, br := Point{r.X, r.Y}, r.Max()
	tr, bl := Point{br.X, tl.Y}, Point{tl.X, br.Y}
	return math.Min(math.Min(distToSegment(p, tl, tr), distToSegment(p, tr, br)),
		math.Min(distToSegment(p, br, bl), distToSegment(p, bl, tl)))
}

// pointAlong returns the point at fraction f (0..1) of the length of pts.
func pointAlong(pts []Point, f float64) Point {
	total := polylineLength(pts)
	want := total * f
	for i := 1; i < len(pts); i++ {
		l := pts[i].Sub(pts[i-1]).Len()
		if want <= l && l > 0 {
			return pts[i-1].Add(pts[i].Sub(pts[i-1]).Scale(want / l))
		}
		want -= l
	}
	return pts[len(pts)-1]
}

func polylineLength(pts []Point) float64 {
	total := 0.0
	for i := 1; i < len(pts); i++ {
		total += pts[i].Sub(pts[i-1]).Len()
	}
	return total
}

// unit returns v scaled to length 1, or (1, 0) for a zero vector.
func unit(v Point) Point {
	l := v.Len()
	if l == 0 {
		return Point{1, 0}
	}
	return v.Scale(1 / l)
}

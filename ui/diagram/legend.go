package diagram

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"airisk/model"
)

var defaultScoring = model.DefaultScoring()

// legendSwatch says what a legend entry shows.
type legendSwatch int

const (
	swatchFlow legendSwatch = iota
	swatchCrossing
	swatchBoundary
	swatchBadge
)

// legendEntry is one key of the legend under a picture: a small sample and
// the words explaining it.
type legendEntry struct {
	swatch legendSwatch
	sample Rect
	text   string
	label  Rect
}

const legendSize = 11.0

// emptyText is what a picture of a diagram without elements says.
const emptyText = "This diagram has no elements yet."

// legend lays out the key under a drawing occupying b: flows, flows that
// cross a trust boundary, boundaries, and badges when there are any. It
// returns the entries and the area they take.
func legend(b Rect, badges bool) ([]legendEntry, Rect) {
	items := []struct {
		swatch legendSwatch
		text   string
	}{
		{swatchFlow, "Data flow"},
		{swatchCrossing, "Data flow crossing a trust boundary"},
		{swatchBoundary, "Trust boundary"},
	}
	if badges {
		items = append(items, struct {
			swatch legendSwatch
			text   string
		}{swatchBadge, "Open findings, coloured by the highest score"})
	}
	x, y := b.X, b.Y+b.H+24
	lh := legendSize * lineHeight
	var out []legendEntry
	for _, it := range items {
		e := legendEntry{swatch: it.swatch, text: it.text, sample: Rect{x, y + lh/2 - 7, 30, 14}}
		e.label = Rect{x + 38, y, TextWidth(it.text, legendSize, false) + 4, lh}
		out = append(out, e)
		x = e.label.X + e.label.W + 28
	}
	return out, Rect{b.X, y, x - b.X, lh}
}

// legendObjects draws the legend with canvas objects.
func legendObjects(entries []legendEntry, pal Palette, v view) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, e := range entries {
		objs = append(objs, swatchObjects(e, pal, v)...)
		t := newTextBox(e.text, e.label, legendSize, pal.Text, false, fyne.TextAlignLeading)
		t.place(v)
		objs = append(objs, t.t)
	}
	return objs
}

func swatchObjects(e legendEntry, pal Palette, v view) []fyne.CanvasObject {
	r := e.sample
	mid := r.Y + r.H/2
	switch e.swatch {
	case swatchBoundary:
		var objs []fyne.CanvasObject
		for _, seg := range dashSegments(r, 5, 3) {
			l := canvas.NewLine(pal.boundaryColour(model.BoundaryOrganisation))
			placeLine(l, seg[0], seg[1], v)
			l.StrokeWidth = v.stroke(1.6)
			objs = append(objs, l)
		}
		return objs
	case swatchBadge:
		b := newBadge(Badge{Count: 3, Score: 20}, badgeRect(r.Centre(), 3), drawContext{pal: pal, scoring: defaultScoring})
		b.place(v)
		return []fyne.CanvasObject{b.pill, b.text.t}
	}
	c, width := pal.Flow, 1.4
	if e.swatch == swatchCrossing {
		c, width = pal.FlowCross, 1.8
	}
	tri, base := arrowHead(Point{r.X, mid}, Point{r.X + r.W, mid})
	l := canvas.NewLine(c)
	placeLine(l, Point{r.X, mid}, base, v)
	l.StrokeWidth = v.stroke(width)
	head := canvas.NewArbitraryPolygon(nil, c)
	placePolygon(head, tri[:], v)
	return []fyne.CanvasObject{l, head}
}

package diagram

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"airisk/model"
)

// layer orders the drawing from bottom to top.
type layer int

const (
	layerBoundary layer = iota
	layerFlow
	layerLabel
	layerNode
	layerBadge
	numLayers
)

// drawContext is what drawing needs besides the geometry.
type drawContext struct {
	pal      Palette
	scoring  model.Scoring
	badges   map[string]Badge
	selected map[string]bool
	hover    string
	// handles draws the editing handles (connectors, flow ends, corners).
	handles bool
}

// drawItem is the canvas objects of one element, flow or boundary, in the
// layers they belong to, and how to place them for a view.
type drawItem interface {
	objects(l layer) []fyne.CanvasObject
	place(v view)
}

// layered collects an item's objects by layer.
type layered [numLayers][]fyne.CanvasObject

func (l *layered) objects(at layer) []fyne.CanvasObject { return l[at] }

func (l *layered) add(at layer, objs ...fyne.CanvasObject) { l[at] = append(l[at], objs...) }

// textBox is a text placed in a diagram rectangle.
type textBox struct {
	t    *canvas.Text
	r    Rect
	size float64
}

func newTextBox(s string, r Rect, size float64, c color.Color, bold bool, align fyne.TextAlign) textBox {
	t := canvas.NewText(s, c)
	t.TextStyle = fyne.TextStyle{Bold: bold}
	t.Alignment = align
	return textBox{t: t, r: r, size: size}
}

func (b textBox) place(v view) {
	if !v.showText() {
		b.t.Hide()
		return
	}
	b.t.Show()
	if size := v.len(b.size); b.t.TextSize != size {
		b.t.TextSize = size
		b.t.Refresh()
	}
	b.t.Move(v.pos(Point{b.r.X, b.r.Y}))
	b.t.Resize(v.size(b.r.W, b.r.H))
}

// placeIcon positions an icon, hiding it where text is hidden too: below
// that zoom it would be a few pixels of noise.
func placeIcon(img *canvas.Image, r Rect, v view) {
	if !v.showText() {
		img.Hide()
		return
	}
	img.Show()
	placeRect(img, r, v)
}

// placeRect positions any object over a diagram rectangle.
func placeRect(o fyne.CanvasObject, r Rect, v view) {
	o.Move(v.pos(Point{r.X, r.Y}))
	o.Resize(v.size(r.W, r.H))
}

// placeLine positions a line between two diagram points.
func placeLine(l *canvas.Line, a, b Point, v view) {
	l.Position1, l.Position2 = v.pos(a), v.pos(b)
}

// badgeObjects draws a findings badge: a coloured pill with the count.
type badgeObjects struct {
	pill *canvas.Rectangle
	text textBox
	r    Rect
}

func newBadge(b Badge, r Rect, dc drawContext) badgeObjects {
	pill := canvas.NewRectangle(dc.pal.badgeColour(b.Score, dc.scoring))
	pill.StrokeColor = dc.pal.Background
	text := newTextBox(badgeText(b.Count), r, BadgeSize, dc.pal.BadgeText, true, fyne.TextAlignCenter)
	return badgeObjects{pill: pill, text: text, r: r}
}

func (b badgeObjects) add(l *layered) { l.add(layerBadge, b.pill, b.text.t) }

func (b badgeObjects) place(v view) {
	placeRect(b.pill, b.r, v)
	b.pill.CornerRadius = v.len(b.r.H / 2)
	b.pill.StrokeWidth = v.stroke(1.5)
	b.text.place(v)
}

// handleDot is a round editing handle centred on a diagram point.
func newHandleDot(dc drawContext) *canvas.Circle {
	c := canvas.NewCircle(dc.pal.Background)
	c.StrokeColor = dc.pal.Selection
	return c
}

func placeHandleDot(c *canvas.Circle, at Point, v view) {
	r := float64(handleRadius)
	placeRect(c, Rect{at.X - r, at.Y - r, 2 * r, 2 * r}, v)
	c.StrokeWidth = v.stroke(1.5)
}

// arrowHead returns the triangle of an arrow ending at tip, coming from
// the direction of from, and the point where the line should stop.
func arrowHead(from, tip Point) (pts [3]Point, base Point) {
	const length, half = 10.0, 4.5
	d := unit(tip.Sub(from))
	base = tip.Sub(d.Scale(length))
	n := Point{-d.Y, d.X}
	return [3]Point{tip, base.Add(n.Scale(half)), base.Sub(n.Scale(half))}, base
}

// placePolygon positions a filled polygon over diagram points.
func placePolygon(p *canvas.ArbitraryPolygon, pts []Point, v view) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, q := range pts {
		minX, minY = math.Min(minX, q.X), math.Min(minY, q.Y)
		maxX, maxY = math.Max(maxX, q.X), math.Max(maxY, q.Y)
	}
	origin := v.pos(Point{minX, minY})
	p.Points = p.Points[:0]
	for _, q := range pts {
		at := v.pos(q)
		p.Points = append(p.Points, fyne.NewPos(at.X-origin.X, at.Y-origin.Y))
	}
	p.Move(origin)
	p.Resize(v.size(maxX-minX, maxY-minY))
	p.Refresh()
}

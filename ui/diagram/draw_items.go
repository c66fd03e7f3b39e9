package diagram

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"airisk/model"
)

// nodeItem draws one element.
type nodeItem struct {
	layered
	g         NodeGeom
	box       *canvas.Rectangle
	top, bot  *canvas.Line // a store's two lines
	icon      *canvas.Image
	kind      textBox
	names     []textBox
	outline   *canvas.Rectangle // selection
	connector *canvas.Circle
	badge     *badgeObjects
}

func newNodeItem(g NodeGeom, dc drawContext) *nodeItem {
	gr := group(g.Kind)
	fill, stroke := dc.pal.Fill[gr], dc.pal.Stroke[gr]
	n := &nodeItem{g: g, box: canvas.NewRectangle(fill)}
	n.add(layerNode, n.box)
	if g.Shape == model.ShapeStore {
		n.top, n.bot = canvas.NewLine(stroke), canvas.NewLine(stroke)
		n.add(layerNode, n.top, n.bot)
	} else {
		n.box.StrokeColor = stroke
	}
	n.icon = canvas.NewImageFromImage(kindIconImage(g.Kind, stroke))
	n.icon.FillMode = canvas.ImageFillContain
	n.icon.ScaleMode = canvas.ImageScaleSmooth
	r := g.Rect
	n.kind = newTextBox(g.Kind.Name(), Rect{r.X + nodePad + iconSize + 5, r.Y + 5, r.W - 2*nodePad - iconSize - 5, iconSize},
		KindSize, dc.pal.Muted, false, fyne.TextAlignLeading)
	n.add(layerNode, n.icon, n.kind.t)
	for i, line := range g.Lines {
		tb := newTextBox(line, nameLineRect(g, i), NameSize, dc.pal.Text, false, fyne.TextAlignCenter)
		n.names = append(n.names, tb)
		n.add(layerNode, tb.t)
	}
	n.addEditing(dc)
	return n
}

// nameLineRect is the box of line i of an element's name: the lines are
// centred in the space under the icon row.
func nameLineRect(g NodeGeom, i int) Rect {
	r := g.Rect
	lh := NameSize * lineHeight
	top := r.Y + headerHeight + (r.H-headerHeight-4-lh*float64(len(g.Lines)))/2
	return Rect{r.X + nodePad/2, top + lh*float64(i), r.W - nodePad, lh}
}

func (n *nodeItem) addEditing(dc drawContext) {
	if dc.selected[n.g.ID] {
		n.outline = canvas.NewRectangle(nil)
		n.outline.FillColor = nil
		n.outline.StrokeColor = dc.pal.Selection
		n.add(layerBadge, n.outline)
	}
	if dc.handles && (dc.selected[n.g.ID] || dc.hover == n.g.ID) {
		n.connector = newHandleDot(dc)
		n.connector.FillColor = dc.pal.Selection
		n.add(layerBadge, n.connector)
	}
	if b := dc.badges[n.g.ID]; b.Count > 0 {
		bo := newBadge(b, n.g.Badge, dc)
		n.badge = &bo
		bo.add(&n.layered)
	}
}

func (n *nodeItem) place(v view) {
	r := n.g.Rect
	placeRect(n.box, r, v)
	switch n.g.Shape {
	case model.ShapeStore:
		placeLine(n.top, Point{r.X, r.Y}, Point{r.X + r.W, r.Y}, v)
		placeLine(n.bot, Point{r.X, r.Y + r.H}, Point{r.X + r.W, r.Y + r.H}, v)
		n.top.StrokeWidth, n.bot.StrokeWidth = v.stroke(2), v.stroke(2)
	case model.ShapeProcess:
		n.box.CornerRadius = v.len(14)
		n.box.StrokeWidth = v.stroke(1.5)
	default:
		n.box.CornerRadius = v.len(2)
		n.box.StrokeWidth = v.stroke(1.5)
	}
	placeIcon(n.icon, Rect{r.X + nodePad, r.Y + 5, iconSize, iconSize}, v)
	n.kind.place(v)
	for _, t := range n.names {
		t.place(v)
	}
	if n.outline != nil {
		placeRect(n.outline, r.Inset(-4), v)
		n.outline.StrokeWidth = v.stroke(2)
		n.outline.CornerRadius = v.len(6)
	}
	if n.connector != nil {
		placeHandleDot(n.connector, ConnectorAt(r), v)
	}
	if n.badge != nil {
		n.badge.place(v)
	}
}

// flowItem draws one flow.
type flowItem struct {
	layered
	g      FlowGeom
	lines  []*canvas.Line
	head   *canvas.ArbitraryPolygon
	bg     *canvas.Rectangle
	labels []textBox
	ends   [2]*canvas.Circle
	badge  *badgeObjects
	width  float64
}

func newFlowItem(g FlowGeom, dc drawContext) *flowItem {
	c := dc.pal.Flow
	f := &flowItem{g: g, width: 1.4}
	if g.Crosses {
		c, f.width = dc.pal.FlowCross, 1.8
	}
	if dc.selected[g.ID] {
		c, f.width = dc.pal.Selection, 2.5
	}
	for i := 1; i < len(g.Points); i++ {
		f.lines = append(f.lines, canvas.NewLine(c))
	}
	f.head = canvas.NewArbitraryPolygon(nil, c)
	for _, l := range f.lines {
		f.add(layerFlow, l)
	}
	f.add(layerFlow, f.head)
	f.addLabel(dc)
	if dc.handles && dc.selected[g.ID] {
		f.ends = [2]*canvas.Circle{newHandleDot(dc), newHandleDot(dc)}
		f.add(layerBadge, f.ends[0], f.ends[1])
	}
	if b := dc.badges[g.ID]; b.Count > 0 {
		bo := newBadge(b, g.Badge, dc)
		f.badge = &bo
		bo.add(&f.layered)
	}
	return f
}

func (f *flowItem) addLabel(dc drawContext) {
	if len(f.g.Lines) == 0 {
		return
	}
	f.bg = canvas.NewRectangle(dc.pal.LabelFill)
	f.add(layerLabel, f.bg)
	lh := FlowLabelSize * lineHeight
	for i, line := range f.g.Lines {
		r := Rect{f.g.Label.X, f.g.Label.Y + 1 + lh*float64(i), f.g.Label.W, lh}
		tb := newTextBox(line, r, FlowLabelSize, dc.pal.Text, false, fyne.TextAlignCenter)
		f.labels = append(f.labels, tb)
		f.add(layerLabel, tb.t)
	}
}

func (f *flowItem) place(v view) {
	pts := f.g.Points
	n := len(pts)
	tri, base := arrowHead(pts[n-2], pts[n-1])
	for i, l := range f.lines {
		a, b := pts[i], pts[i+1]
		if i == len(f.lines)-1 {
			b = base
		}
		placeLine(l, a, b, v)
		l.StrokeWidth = v.stroke(f.width)
	}
	placePolygon(f.head, tri[:], v)
	if f.bg != nil {
		placeRect(f.bg, f.g.Label, v)
		f.bg.CornerRadius = v.len(3)
		for _, t := range f.labels {
			t.place(v)
		}
	}
	if f.ends[0] != nil {
		placeHandleDot(f.ends[0], pts[0], v)
		placeHandleDot(f.ends[1], pts[n-1], v)
	}
	if f.badge != nil {
		f.badge.place(v)
	}
}

// boundaryItem draws one trust boundary.
type boundaryItem struct {
	layered
	g       BoundaryGeom
	fill    *canvas.Rectangle
	dashes  []*canvas.Line
	segs    [][2]Point
	label   textBox
	corners []*canvas.Rectangle
}

func newBoundaryItem(g BoundaryGeom, dc drawContext) *boundaryItem {
	c := dc.pal.boundaryColour(g.Kind)
	if dc.selected[g.ID] {
		c = dc.pal.Selection
	}
	b := &boundaryItem{g: g, fill: canvas.NewRectangle(withAlpha(c, 0x0c))}
	b.add(layerBoundary, b.fill)
	b.segs = dashSegments(g.Rect, 9, 5)
	for range b.segs {
		l := canvas.NewLine(c)
		b.dashes = append(b.dashes, l)
		b.add(layerBoundary, l)
	}
	b.label = newTextBox(g.Text, g.Label, BoundarySize, c, true, fyne.TextAlignLeading)
	b.add(layerBoundary, b.label.t)
	if dc.handles && dc.selected[g.ID] {
		for range corners {
			h := canvas.NewRectangle(dc.pal.Background)
			h.StrokeColor = dc.pal.Selection
			b.corners = append(b.corners, h)
			b.add(layerBadge, h)
		}
	}
	return b
}

func (b *boundaryItem) place(v view) {
	placeRect(b.fill, b.g.Rect, v)
	b.fill.CornerRadius = v.len(6)
	for i, l := range b.dashes {
		placeLine(l, b.segs[i][0], b.segs[i][1], v)
		l.StrokeWidth = v.stroke(1.6)
	}
	b.label.place(v)
	at := BoundaryCorners(b.g.Rect)
	for i, h := range b.corners {
		c := at[corners[i]]
		placeRect(h, Rect{c.X - handleRadius, c.Y - handleRadius, 2 * handleRadius, 2 * handleRadius}, v)
		h.StrokeWidth = v.stroke(1.5)
	}
}

// dashSegments cuts the outline of r into dashes of the given length and
// gap, running clockwise from the top-left corner.
func dashSegments(r Rect, dash, gap float64) [][2]Point {
	if n := 2 * (r.W + r.H) / (dash + gap); n > maxDashes {
		dash, gap = dash*n/maxDashes, gap*n/maxDashes
	}
	corners := []Point{{r.X, r.Y}, {r.X + r.W, r.Y}, {r.X + r.W, r.Y + r.H}, {r.X, r.Y + r.H}, {r.X, r.Y}}
	var out [][2]Point
	for i := 1; i < len(corners); i++ {
		a, b := corners[i-1], corners[i]
		side := b.Sub(a).Len()
		d := unit(b.Sub(a))
		for t := 0.0; t < side; t += dash + gap {
			end := min(t+dash, side)
			out = append(out, [2]Point{a.Add(d.Scale(t)), a.Add(d.Scale(end))})
		}
	}
	return out
}

// maxDashes bounds the dashes of one outline (they grow longer instead) so
// a huge boundary cannot create millions of objects.
const maxDashes = 4000

package diagram

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"airisk/model"
)

// editorRenderer keeps the canvas objects of the diagram and rebuilds
// only the items whose drawing changed: an edit of one element touches that
// element and its flows, not the thousand others.
type editorRenderer struct {
	e       *Editor
	bg      *canvas.Rectangle
	layers  [numLayers]*fyne.Container
	band    *canvas.Rectangle
	wire    *canvas.Line
	entries map[string]*entry
	order   []string
	pal     Palette
	objects []fyne.CanvasObject
}

// entry is one drawn item and what it was drawn from.
type entry struct {
	sig    any // a comparable summary of everything the drawing shows
	item   drawItem
	bounds Rect
}

func newEditorRenderer(e *Editor) *editorRenderer {
	r := &editorRenderer{e: e, entries: map[string]*entry{}}
	r.pal = r.currentPalette()
	r.bg = canvas.NewRectangle(r.pal.Background)
	r.band = canvas.NewRectangle(withAlpha(r.pal.Selection, 0x22))
	r.band.StrokeColor, r.band.StrokeWidth = r.pal.Selection, 1
	r.wire = canvas.NewLine(r.pal.Selection)
	r.wire.StrokeWidth = 2
	r.band.Hide()
	r.wire.Hide()
	r.objects = []fyne.CanvasObject{r.bg}
	for i := range r.layers {
		r.layers[i] = container.NewWithoutLayout()
		r.objects = append(r.objects, r.layers[i])
	}
	r.objects = append(r.objects, r.band, r.wire)
	r.sync()
	return r
}

func (r *editorRenderer) currentPalette() Palette {
	v := theme.VariantLight
	if app := fyne.CurrentApp(); app != nil {
		v = app.Settings().ThemeVariant()
	}
	return NewPalette(theme.CurrentForWidget(r.e), v)
}

// Objects is part of fyne.WidgetRenderer.
func (r *editorRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is part of fyne.WidgetRenderer.
func (r *editorRenderer) MinSize() fyne.Size { return fyne.NewSize(160, 120) }

// Destroy is part of fyne.WidgetRenderer.
func (r *editorRenderer) Destroy() {}

// Layout is part of fyne.WidgetRenderer; until the user zooms or pans,
// the diagram is fitted to the window.
func (r *editorRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	for _, l := range r.layers {
		l.Resize(size)
	}
	if !r.e.userView {
		r.e.fit()
	}
	r.placeAll()
}

// Refresh is part of fyne.WidgetRenderer: after a theme change every item
// is drawn again in the new colours.
func (r *editorRenderer) Refresh() {
	if pal := r.currentPalette(); fmt.Sprint(pal) != fmt.Sprint(r.pal) {
		r.pal = pal
		r.bg.FillColor = pal.Background
		r.band.FillColor, r.band.StrokeColor = withAlpha(pal.Selection, 0x22), pal.Selection
		r.wire.StrokeColor = pal.Selection
		clear(r.entries)
		r.bg.Refresh()
	}
	r.sync()
}

// sync brings the items up to date with the editor's scene, creating only
// those whose drawing changed, and restacks the layers when needed.
func (r *editorRenderer) sync() {
	e := r.e
	dc := drawContext{pal: r.pal, scoring: e.project.EffectiveScoring(), badges: e.badges,
		selected: e.selectedSet(), hover: e.hover, handles: true}
	order := make([]string, 0, len(r.order))
	seen := make(map[string]bool, len(r.entries))
	changed := false
	put := func(key string, sig any, bounds Rect, build func() drawItem) {
		order = append(order, key)
		seen[key] = true
		if old, ok := r.entries[key]; ok && old.sig == sig {
			return
		}
		r.entries[key] = &entry{sig: sig, item: build(), bounds: bounds}
		r.place(r.entries[key], e.view())
		changed = true
	}
	r.putAll(dc, put)
	for key := range r.entries {
		if !seen[key] {
			delete(r.entries, key)
			changed = true
		}
	}
	if changed || !slices.Equal(order, r.order) {
		r.order = order
		r.restack()
	}
	r.placeOverlay()
}

func (r *editorRenderer) putAll(dc drawContext, put func(string, any, Rect, func() drawItem)) {
	s := r.e.scene
	for _, g := range s.Boundaries {
		sig := boundarySig{g, dc.selected[g.ID]}
		put("b:"+g.ID, sig, g.Rect, func() drawItem { return newBoundaryItem(g, dc) })
	}
	for _, g := range s.Flows {
		sig := flowSig{g.ID, g.From, g.To, g.Name, hashPoints(g.Points), g.Label, g.Badge,
			strings.Join(g.Lines, "\n"), g.Crosses, dc.badges[g.ID], dc.selected[g.ID]}
		put("f:"+g.ID, sig, flowBounds(g), func() drawItem { return newFlowItem(g, dc) })
	}
	for _, g := range s.Nodes {
		sig := nodeSig{g.ID, g.Kind, g.Name, g.Rect, g.Badge, strings.Join(g.Lines, "\n"),
			dc.badges[g.ID], dc.selected[g.ID], dc.hover == g.ID}
		put("n:"+g.ID, sig, g.Rect.Union(g.Badge).Inset(-8), func() drawItem { return newNodeItem(g, dc) })
	}
}

// Comparable summaries of what an item's drawing shows: an item is drawn
// again only when its summary changes.
type (
	boundarySig struct {
		g        BoundaryGeom
		selected bool
	}
	flowSig struct {
		id, from, to, name string
		points             uint64
		label, badgeBox    Rect
		lines              string
		crosses            bool
		badge              Badge
		selected           bool
	}
	nodeSig struct {
		id              string
		kind            model.Kind
		name            string
		rect, badgeBox  Rect
		lines           string
		badge           Badge
		selected, hover bool
	}
)

// hashPoints summarises a route.
func hashPoints(pts []Point) uint64 {
	h := fnv.New64a()
	var buf [8]byte
	for _, p := range pts {
		for _, v := range [2]float64{p.X, p.Y} {
			binary.LittleEndian.PutUint64(buf[:], math.Float64bits(v))
			h.Write(buf[:])
		}
	}
	return h.Sum64()
}

// flowBounds holds a flow's route, label and handles.
func flowBounds(g FlowGeom) Rect {
	var b Rect
	for _, p := range g.Points {
		b = b.Union(Rect{p.X, p.Y, 0, 0})
	}
	return b.Union(g.Label).Union(g.Badge).Inset(-12)
}

// restack rebuilds the layers' object lists in drawing order.
func (r *editorRenderer) restack() {
	for l := range r.layers {
		var objs []fyne.CanvasObject
		for _, key := range r.order {
			objs = append(objs, r.entries[key].item.objects(layer(l))...)
		}
		r.layers[l].Objects = objs
	}
	canvas.Refresh(r.bg)
}

// place positions one item, hiding it when it lies outside the view.
func (r *editorRenderer) place(en *entry, v view) {
	show := v.visible(en.bounds, r.e.Size())
	for l := range numLayers {
		for _, o := range en.item.objects(l) {
			if show {
				o.Show()
			} else {
				o.Hide()
			}
		}
	}
	if show {
		en.item.place(v)
	}
}

// placeAll positions every item for the current view.
func (r *editorRenderer) placeAll() {
	v := r.e.view()
	for _, key := range r.order {
		r.place(r.entries[key], v)
	}
	r.placeOverlay()
	canvas.Refresh(r.bg)
}

// placeOverlayIfAny updates the rubber band or wire of a drag, when the
// widget has been drawn.
func (r *editorRenderer) placeOverlayIfAny() {
	if r != nil {
		r.placeOverlay()
	}
}

// placeOverlay draws the rubber band or the wire of a drag in progress.
func (r *editorRenderer) placeOverlay() {
	r.band.Hide()
	r.wire.Hide()
	d := r.e.drag
	if d == nil {
		return
	}
	switch d.mode {
	case dragBand, dragNewBoundary:
		tl := fyne.NewPos(min(d.start.X, d.cur.X), min(d.start.Y, d.cur.Y))
		r.band.Move(tl)
		r.band.Resize(fyne.NewSize(abs32(d.cur.X-d.start.X), abs32(d.cur.Y-d.start.Y)))
		r.band.Show()
	case dragConnect, dragReconnect:
		r.wire.Position1 = r.e.view().pos(r.wireStart(d))
		r.wire.Position2 = d.cur
		r.wire.Show()
		r.wire.Refresh()
	}
}

// wireStart is where the rubber wire of a connect or reconnect starts: the
// source's connector, or the end of the flow that stays put.
func (r *editorRenderer) wireStart(d *dragState) Point {
	s := r.e.scene
	if d.mode == dragConnect {
		if n, ok := s.Node(d.hit.ID); ok {
			return ConnectorAt(n.Rect)
		}
		return Point{}
	}
	f, ok := s.Flow(d.hit.ID)
	if !ok {
		return Point{}
	}
	if d.hit.End == EndTo {
		return f.Points[0]
	}
	return f.Points[len(f.Points)-1]
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

package diagram

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"airisk/model"
)

// buildItems creates the drawing of a scene, bottom to top: boundaries,
// flows, elements.
func buildItems(s *Scene, dc drawContext) []drawItem {
	items := make([]drawItem, 0, len(s.Boundaries)+len(s.Flows)+len(s.Nodes))
	for _, b := range s.Boundaries {
		items = append(items, newBoundaryItem(b, dc))
	}
	for _, f := range s.Flows {
		items = append(items, newFlowItem(f, dc))
	}
	for _, n := range s.Nodes {
		items = append(items, newNodeItem(n, dc))
	}
	return items
}

// stack returns the objects of items in drawing order, layer by layer.
func stack(items []drawItem) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for l := layer(0); l < numLayers; l++ {
		for _, it := range items {
			out = append(out, it.objects(l)...)
		}
	}
	return out
}

// Picture builds the whole diagram of p as one Fyne canvas object at
// scale 1 (one diagram unit per Fyne unit), with margin around it and, when
// legend is true, a key under it, on a background of the palette; it
// returns the object and its size. Exports render it off screen; a screen
// may show it as a static picture.
func Picture(p *model.Project, badges map[string]Badge, pal Palette, margin float64, legend bool) (fyne.CanvasObject, fyne.Size) {
	s := NewScene(p, badges)
	pic := newPictureLayout(s, badges, legend)
	b := pic.bounds
	v := view{zoom: 1, off: Point{margin - b.X, margin - b.Y}}
	dc := drawContext{pal: pal, scoring: p.EffectiveScoring(), badges: badges}
	items := buildItems(s, dc)
	for _, it := range items {
		it.place(v)
	}
	size := fyne.NewSize(float32(b.W+2*margin), float32(b.H+2*margin))
	bg := canvas.NewRectangle(pal.Background)
	bg.Resize(size)
	objs := append([]fyne.CanvasObject{bg}, stack(items)...)
	objs = append(objs, legendObjects(pic.legend, pal, v)...)
	if pic.empty != (Rect{}) {
		t := newTextBox(emptyText, pic.empty, 14, pal.Muted, false, fyne.TextAlignLeading)
		t.place(v)
		objs = append(objs, t.t)
	}
	c := container.NewWithoutLayout(objs...)
	c.Resize(size)
	return c, size
}

// pictureLayout places what a picture holds besides the scene: the
// legend, or the note that the diagram is empty.
type pictureLayout struct {
	bounds Rect
	legend []legendEntry
	empty  Rect
}

func newPictureLayout(s *Scene, badges map[string]Badge, withLegend bool) pictureLayout {
	if len(s.Nodes) == 0 && len(s.Boundaries) == 0 {
		r := Rect{0, 0, TextWidth(emptyText, 14, false) + 4, 14 * lineHeight}
		return pictureLayout{bounds: r, empty: r}
	}
	pic := pictureLayout{bounds: s.Bounds}
	if withLegend {
		entries, area := legend(s.Bounds, hasBadges(badges))
		pic.legend = entries
		pic.bounds = pic.bounds.Union(area)
	}
	return pic
}

func hasBadges(badges map[string]Badge) bool {
	for _, b := range badges {
		if b.Count > 0 {
			return true
		}
	}
	return false
}

package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// palette lists every element kind, grouped as the model groups them. A
// tap arms a kind (the next click on the diagram, or Ctrl+N, adds one); a
// drag drops one where it is released.
type palette struct {
	ds         *diagramScreen
	armed      model.Kind
	tiles      map[model.Kind]*paletteTile
	boundaries []*paletteTile
	content    fyne.CanvasObject
}

// boundaryHelp describes the trust boundary kinds in the palette.
var boundaryHelp = map[model.BoundaryKind]string{
	model.BoundaryInternet:     "The public internet and anyone on it",
	model.BoundaryOrganisation: "Systems the organisation runs and controls",
	model.BoundaryTenant:       "One customer's slice of a shared system",
	model.BoundaryVendor:       "A supplier's service: hosted model, SaaS",
	model.BoundarySandbox:      "An isolated environment for untrusted code or tools",
}

func paletteHeading(text string) fyne.CanvasObject {
	h := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.SizeName = theme.SizeNameCaptionText
	return h
}

func newPalette(ds *diagramScreen) *palette {
	pl := &palette{ds: ds, armed: model.KindAIApp, tiles: map[model.Kind]*paletteTile{}}
	box := container.NewVBox()
	for _, g := range model.Groups {
		box.Add(paletteHeading(string(g)))
		for _, k := range model.Kinds {
			if k.Group != g {
				continue
			}
			t := newPaletteTile(pl, k.Kind, k.Name, k.Description)
			pl.tiles[k.Kind] = t
			box.Add(t)
		}
	}
	box.Add(paletteHeading("Trust boundaries"))
	for _, b := range model.BoundaryKinds {
		t := newPaletteTile(pl, "", propLabel(string(b)), boundaryHelp[b])
		t.boundary = b
		pl.boundaries = append(pl.boundaries, t)
		box.Add(t)
	}
	pl.content = container.NewVScroll(box)
	pl.refresh()
	return pl
}

// arm makes k the kind Ctrl+N adds, and the next click on the diagram
// place one.
func (pl *palette) arm(t *paletteTile) {
	if t.boundary != "" {
		pl.ds.editor.SetPendingBoundary(t.boundary)
		pl.ds.hint("Click the diagram to place a " + strings.ToLower(t.name) + " boundary, or drag on empty space to draw one.")
		return
	}
	pl.armed = t.kind
	pl.refresh()
	pl.ds.editor.SetPendingKind(t.kind)
	pl.ds.hint("Click the diagram to place a " + t.name + " there (Escape cancels); Ctrl+N adds one at the pointer.")
}

func (pl *palette) refresh() {
	for k, t := range pl.tiles {
		t.armed = k == pl.armed
		t.icon.SetResource(pl.ds.kindIcon(k))
		t.Refresh()
	}
	for _, t := range pl.boundaries {
		t.icon.SetResource(pl.ds.boundaryIcon())
		t.Refresh()
	}
}

// paletteTile is one element kind, or one trust boundary kind, in the
// palette: its icon and name.
type paletteTile struct {
	widget.BaseWidget
	pl       *palette
	kind     model.Kind
	boundary model.BoundaryKind
	name     string
	help     string
	armed    bool
	hovered  bool
	icon     *widget.Icon
	label    *canvas.Text
	bg       *canvas.Rectangle
	dragged  bool
	dropAt   fyne.Position
}

func newPaletteTile(pl *palette, kind model.Kind, name, help string) *paletteTile {
	t := &paletteTile{pl: pl, kind: kind, name: name, help: help, icon: widget.NewIcon(nil),
		label: canvas.NewText(name, theme.Color(theme.ColorNameForeground)), bg: canvas.NewRectangle(nil)}
	t.bg.CornerRadius = theme.InputRadiusSize()
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer lays the icon and the name on a highlight, tighter than
// labels would, so the whole palette fits on a laptop screen.
func (t *paletteTile) CreateRenderer() fyne.WidgetRenderer {
	return &tileRenderer{t: t}
}

type tileRenderer struct{ t *paletteTile }

func (r *tileRenderer) Layout(s fyne.Size) {
	pad := theme.Padding()
	icon := theme.IconInlineSize() + 2
	r.t.bg.Resize(s)
	r.t.icon.Resize(fyne.NewSquareSize(icon))
	r.t.icon.Move(fyne.NewPos(pad*2, (s.Height-icon)/2))
	ts := r.t.label.MinSize()
	r.t.label.Move(fyne.NewPos(pad*4+icon, (s.Height-ts.Height)/2))
	r.t.label.Resize(fyne.NewSize(s.Width-pad*5-icon, ts.Height))
}

func (r *tileRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	ts := r.t.label.MinSize()
	return fyne.NewSize(ts.Width+pad*5+theme.IconInlineSize(), max(ts.Height, theme.IconInlineSize()+2)+pad*2)
}

func (r *tileRenderer) Refresh() {
	r.t.label.TextSize = theme.TextSize()
	r.t.label.Color = theme.Color(theme.ColorNameForeground)
	r.Layout(r.t.Size())
	r.t.bg.Refresh()
	r.t.label.Refresh()
	r.t.icon.Refresh()
}

func (r *tileRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.t.bg, r.t.icon, r.t.label}
}

func (r *tileRenderer) Destroy() {}

// Refresh shows whether the tile is armed or hovered.
func (t *paletteTile) Refresh() {
	switch {
	case t.armed:
		t.bg.FillColor = theme.Color(theme.ColorNameSelection)
		t.label.TextStyle.Bold = true
	case t.hovered:
		t.bg.FillColor = theme.Color(theme.ColorNameHover)
		t.label.TextStyle.Bold = false
	default:
		t.bg.FillColor = nil
		t.label.TextStyle.Bold = false
	}
	t.BaseWidget.Refresh()
}

// Tapped arms the kind.
func (t *paletteTile) Tapped(*fyne.PointEvent) { t.pl.arm(t) }

// Dragged arms the kind while it is carried to the diagram.
func (t *paletteTile) Dragged(ev *fyne.DragEvent) {
	if !t.dragged {
		t.dragged = true
		t.pl.arm(t)
	}
	t.dropAt = ev.AbsolutePosition
}

// DragEnd drops an element where the pointer was released.
func (t *paletteTile) DragEnd() {
	t.dragged = false
	if t.kind != "" {
		t.pl.ds.dropFromPalette(t.kind, t.dropAt)
	}
}

// MouseIn highlights the tile and shows the kind's description.
func (t *paletteTile) MouseIn(*desktop.MouseEvent) {
	t.hovered = true
	t.Refresh()
	t.pl.ds.hint(t.name + ": " + t.help + ".")
}

// MouseMoved is required by desktop.Hoverable.
func (t *paletteTile) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (t *paletteTile) MouseOut() {
	t.hovered = false
	t.Refresh()
}

package diagram

import (
	"context"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// Zoom limits of the editor.
const (
	MinZoom = 0.04
	MaxZoom = 4.0
)

// Editor is the diagram editor widget. It shows a project and turns the
// user's gestures into edits, but never changes the project: every edit
// leaves as one model.Change through OnChange, and the screen that owns the
// project applies it, stores it, pushes it on the undo stack and calls
// SetProject with the result. Its methods must be called on the Fyne
// goroutine.
type Editor struct {
	widget.BaseWidget

	// OnChange receives every edit. Required for editing.
	OnChange func(model.Change)
	// OnSelect is called with the selected ids (elements, flows and
	// boundaries, in selection order) whenever the selection changes.
	OnSelect func(ids []string)
	// OnBadgeTapped is called with the element or flow id whose findings
	// badge was tapped.
	OnBadgeTapped func(id string)
	// Grid is the snapping grid in diagram units; 0 turns snapping off.
	Grid float64

	project *model.Project
	badges  map[string]Badge
	scene   *Scene
	preview *model.Project // the project as a drag in progress would leave it
	zoom    float64
	scale   float64
	off     Point
	// userView is set once the user zooms or pans; until then the view
	// follows the window, fitting the diagram.
	userView bool
	selected []string
	hover    string
	pointer  fyne.Position
	pending  pendingTool
	press    *pressState
	drag     *dragState
	keys     keyState
	renderer *editorRenderer
}

// pendingTool is what the next click on the canvas places.
type pendingTool struct {
	kind     model.Kind
	boundary model.BoundaryKind
}

func (t pendingTool) active() bool { return t.kind != "" || t.boundary != "" }

// NewEditor returns an empty editor; give it a project with SetProject.
func NewEditor() *Editor {
	e := &Editor{Grid: GridSize, zoom: 1, scale: 1, project: &model.Project{}}
	e.scene = NewScene(e.project, nil)
	e.ExtendBaseWidget(e)
	return e
}

// SetProject shows p with its findings badges. The editor keeps p to read
// from and never changes it. Selected ids that no longer exist are dropped
// (OnSelect reports it). A project other than the one shown before (by id)
// is fitted to the window until the user zooms or pans.
func (e *Editor) SetProject(p *model.Project, badges map[string]Badge) {
	if p == nil {
		p = &model.Project{}
	}
	if p.Meta.ID != e.project.Meta.ID {
		e.userView = false
	}
	e.project, e.badges, e.preview = p, badges, nil
	kept := slices.DeleteFunc(slices.Clone(e.selected), func(id string) bool { return !e.exists(id) })
	e.rebuild()
	if len(kept) != len(e.selected) {
		e.setSelection(kept)
	}
}

// Project returns the project shown.
func (e *Editor) Project() *model.Project { return e.project }

func (e *Editor) exists(id string) bool {
	if _, ok := e.project.Element(id); ok {
		return true
	}
	if _, ok := e.project.Flow(id); ok {
		return true
	}
	_, ok := e.project.Boundary(id)
	return ok
}

// Selection returns the selected ids in selection order.
func (e *Editor) Selection() []string { return slices.Clone(e.selected) }

// Select replaces the selection (unknown ids are ignored) and reports it
// through OnSelect.
func (e *Editor) Select(ids []string) {
	e.setSelection(slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return !e.exists(id) }))
}

// SelectAll selects every element, flow and boundary.
func (e *Editor) SelectAll() {
	var ids []string
	for _, b := range e.project.Boundaries {
		ids = append(ids, b.ID)
	}
	for _, el := range e.project.Elements {
		ids = append(ids, el.ID)
	}
	for _, f := range e.project.Flows {
		ids = append(ids, f.ID)
	}
	e.setSelection(ids)
}

func (e *Editor) setSelection(ids []string) {
	ids = slices.Compact(ids)
	if slices.Equal(ids, e.selected) {
		return
	}
	e.selected = ids
	e.redraw()
	if e.OnSelect != nil {
		e.OnSelect(slices.Clone(ids))
	}
}

func (e *Editor) selectedSet() map[string]bool {
	m := make(map[string]bool, len(e.selected))
	for _, id := range e.selected {
		m[id] = true
	}
	return m
}

// SetPendingKind makes the next tap on the canvas place an element of
// kind k there (what clicking a palette entry does); "" cancels.
func (e *Editor) SetPendingKind(k model.Kind) { e.pending = pendingTool{kind: k} }

// SetPendingBoundary makes the next tap place a trust boundary of kind k,
// or the next drag on empty space draw one; "" cancels.
func (e *Editor) SetPendingBoundary(k model.BoundaryKind) { e.pending = pendingTool{boundary: k} }

// CancelPending forgets a pending palette choice.
func (e *Editor) CancelPending() { e.pending = pendingTool{} }

// DropKind adds an element of kind k centred at pos (in the editor's own
// coordinates), snapped to the grid: what dropping a palette entry does.
func (e *Editor) DropKind(k model.Kind, pos fyne.Position) {
	w, h := NodeSize(ShapeOf(k))
	c := e.view().toDiagram(pos)
	top := SnapPoint(Point{c.X - w/2, c.Y - h/2}, e.Grid)
	change, id := AddElementChange(e.project, k, top)
	e.pending = pendingTool{}
	e.selected = []string{id}
	e.emit(change)
	if e.OnSelect != nil {
		e.OnSelect([]string{id})
	}
}

// DropKindAbsolute is DropKind for a position in window coordinates (a
// drag from the palette ends there); it reports whether the position lies
// on the editor.
func (e *Editor) DropKindAbsolute(k model.Kind, abs fyne.Position) bool {
	pos, ok := e.toLocal(abs)
	if ok {
		e.DropKind(k, pos)
	}
	return ok
}

func (e *Editor) toLocal(abs fyne.Position) (fyne.Position, bool) {
	app := fyne.CurrentApp()
	if app == nil {
		return abs, false
	}
	origin := app.Driver().AbsolutePositionForObject(e)
	pos := abs.Subtract(origin)
	size := e.Size()
	return pos, pos.X >= 0 && pos.Y >= 0 && pos.X <= size.Width && pos.Y <= size.Height
}

// PointerPosition returns where the pointer last was over the editor, for
// "new element at the pointer".
func (e *Editor) PointerPosition() fyne.Position { return e.pointer }

// DeleteSelection emits the change that deletes the selection (see
// DeleteChange); it does nothing when nothing is selected.
func (e *Editor) DeleteSelection() {
	if c := DeleteChange(e.project, e.selected); len(c.Ops) > 0 {
		e.emit(c)
	}
}

// AutoLayout lays the project out in the background and, unless ctx is
// cancelled first, emits the result as one change and fits the view. done
// (optional) is called on the Fyne goroutine with the outcome, for the
// caller's busy indicator.
func (e *Editor) AutoLayout(ctx context.Context, done func(error)) {
	p := e.project.Clone()
	go func() {
		c, err := Layout(ctx, p)
		fyne.Do(func() {
			if err == nil && len(c.Ops) > 0 {
				e.emit(c)
				e.FitToWindow()
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

func (e *Editor) emit(c model.Change) {
	if e.OnChange != nil && len(c.Ops) > 0 {
		e.OnChange(c)
	}
}

// view is the current mapping from diagram to widget coordinates.
func (e *Editor) view() view { return view{zoom: e.zoom * e.scale, off: e.off} }

// Zoom returns the zoom factor (1 = one diagram unit per Fyne unit,
// before the presentation scale).
func (e *Editor) Zoom() float64 { return e.zoom }

// SetScale sets the presentation scale, a factor on top of the zoom that
// makes shapes, lines and text bigger for a projector (1 = normal).
func (e *Editor) SetScale(s float64) {
	if s <= 0 || math.IsNaN(s) {
		s = 1
	}
	centre := fyne.NewPos(e.Size().Width/2, e.Size().Height/2)
	at := e.view().toDiagram(centre)
	e.scale = s
	if !e.userView {
		e.fit()
		return
	}
	e.keepAt(at, centre)
}

// ZoomIn zooms in one step about the middle of the view.
func (e *Editor) ZoomIn() { e.zoomAbout(e.middle(), 1.25) }

// ZoomOut zooms out one step about the middle of the view.
func (e *Editor) ZoomOut() { e.zoomAbout(e.middle(), 1/1.25) }

// ZoomReset returns to zoom 1 about the middle of the view.
func (e *Editor) ZoomReset() { e.zoomAbout(e.middle(), 1/e.zoom) }

func (e *Editor) middle() fyne.Position {
	return fyne.NewPos(e.Size().Width/2, e.Size().Height/2)
}

// zoomAbout multiplies the zoom by factor, keeping the diagram point under
// pos where it is.
func (e *Editor) zoomAbout(pos fyne.Position, factor float64) {
	at := e.view().toDiagram(pos)
	e.zoom = math.Max(MinZoom, math.Min(MaxZoom, e.zoom*factor))
	e.userView = true
	e.keepAt(at, pos)
}

// keepAt pans so diagram point at shows at widget position pos.
func (e *Editor) keepAt(at Point, pos fyne.Position) {
	z := e.zoom * e.scale
	e.off = Point{float64(pos.X) - at.X*z, float64(pos.Y) - at.Y*z}
	e.relayout()
}

// Reveal selects the element, flow or trust boundary id and brings it to
// the middle of the view at actual size, or nearer when the view is
// already zoomed in further. It reports false, changing nothing, when the
// diagram has no such item.
func (e *Editor) Reveal(id string) bool {
	r, ok := e.itemBounds(id)
	if !ok {
		return false
	}
	e.Select([]string{id})
	e.zoom = math.Min(MaxZoom, math.Max(e.zoom, 1))
	e.userView = true
	e.keepAt(r.Centre(), e.middle())
	return true
}

// itemBounds is the box an item is drawn in.
func (e *Editor) itemBounds(id string) (Rect, bool) {
	if n, ok := e.scene.Node(id); ok {
		return n.Rect, true
	}
	if f, ok := e.scene.Flow(id); ok {
		return flowBounds(f), true
	}
	if b, ok := e.scene.Boundary(id); ok {
		return b.Rect, true
	}
	return Rect{}, false
}

// FitToWindow zooms and pans so the whole diagram shows, and keeps doing
// so as the window changes size until the user zooms or pans.
func (e *Editor) FitToWindow() {
	e.userView = false
	e.fit()
}

func (e *Editor) fit() {
	size := e.Size()
	b := e.scene.Bounds
	if size.Width <= 0 || size.Height <= 0 || b.W <= 0 || b.H <= 0 {
		return
	}
	const margin = 24
	z := math.Min((float64(size.Width)-2*margin)/b.W, (float64(size.Height)-2*margin)/b.H)
	e.zoom = math.Max(MinZoom, math.Min(1.5, z/e.scale))
	e.keepAt(b.Centre(), e.middle())
}

// Pan moves the view by d in widget units.
func (e *Editor) Pan(d fyne.Delta) {
	e.userView = true
	e.off = e.off.Add(Point{float64(d.DX), float64(d.DY)})
	e.relayout()
}

// CreateRenderer is part of fyne.Widget.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	e.renderer = newEditorRenderer(e)
	return e.renderer
}

// rebuild recomputes the scene of the shown (or previewed) project and
// brings the drawing up to date.
func (e *Editor) rebuild() {
	p := e.project
	if e.preview != nil {
		p = e.preview
	}
	e.scene = NewScene(p, e.badges)
	if e.renderer != nil {
		e.renderer.sync()
	}
}

// redraw brings the drawing up to date with the selection and the hovered
// element. Neither changes any geometry, so the scene (whose flow routing
// is the costly part on a large diagram) is kept.
func (e *Editor) redraw() {
	if e.renderer != nil {
		e.renderer.sync()
	}
}

// relayout places the drawing for the current view.
func (e *Editor) relayout() {
	if e.renderer != nil {
		e.renderer.placeAll()
	}
}

package diagram

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// dragMode is what a drag does, decided when it starts.
type dragMode int

const (
	dragPan dragMode = iota
	dragMove
	dragConnect
	dragReconnect
	dragResize
	dragBand
	dragNewBoundary
)

// dragState is a drag in progress, in widget coordinates.
type dragState struct {
	mode       dragMode
	start, cur fyne.Position
	hit        Hit
	ids        []string // what a move moves
	base       *Scene   // the scene when the drag started
}

// Dragged is part of fyne.Draggable.
func (e *Editor) Dragged(ev *fyne.DragEvent) {
	if e.drag == nil {
		start := ev.Position.Subtract(ev.Dragged)
		if e.press != nil {
			start = e.press.pos
		}
		e.drag = e.startDrag(start)
	}
	e.drag.cur = ev.Position
	if e.drag.mode == dragPan {
		e.Pan(ev.Dragged)
		return
	}
	e.updatePreview()
}

// startDrag decides what a drag starting at start does: the middle
// button, or Space held, pans; otherwise it depends on what lies there.
func (e *Editor) startDrag(start fyne.Position) *dragState {
	d := &dragState{start: start, cur: start, hit: e.hitAt(start), base: e.scene}
	mods := e.modifiers()
	switch {
	case e.keys.space || (e.press != nil && e.press.button == desktop.MouseButtonTertiary):
		d.mode = dragPan
	case d.hit.Kind == HitConnector:
		d.mode = dragConnect
	case (d.hit.Kind == HitElement || d.hit.Kind == HitBadge) && mods&(fyne.KeyModifierControl|fyne.KeyModifierAlt) != 0 && e.isElement(d.hit.ID):
		d.mode = dragConnect
	case d.hit.Kind == HitFlowEnd:
		d.mode = dragReconnect
	case d.hit.Kind == HitBoundaryHandle:
		d.mode = dragResize
	case d.hit.Kind == HitElement || d.hit.Kind == HitBoundary || (d.hit.Kind == HitBadge && e.isElement(d.hit.ID)):
		d.mode = dragMove
		d.ids = e.grab(d.hit.ID, mods&fyne.KeyModifierShift != 0)
	case d.hit.Kind == HitNone && e.pending.boundary != "":
		d.mode = dragNewBoundary
	case d.hit.Kind == HitNone:
		d.mode = dragBand
	default:
		d.mode = dragPan
	}
	return d
}

func (e *Editor) isElement(id string) bool {
	_, ok := e.project.Element(id)
	return ok
}

// grab returns what a move started on id takes along: the selection when
// id is part of it, else id alone (added to the selection with Shift).
func (e *Editor) grab(id string, shift bool) []string {
	switch {
	case slices.Contains(e.selected, id):
	case shift:
		e.setSelection(append(slices.Clone(e.selected), id))
	default:
		e.setSelection([]string{id})
	}
	return slices.Clone(e.selected)
}

// delta is the drag's displacement in diagram units.
func (e *Editor) delta() Point {
	z := e.view().zoom
	d := e.drag.cur.Subtract(e.drag.start)
	return Point{float64(d.X) / z, float64(d.Y) / z}
}

// updatePreview shows what the drag would do if it ended now.
func (e *Editor) updatePreview() {
	var g geometryEdit
	switch e.drag.mode {
	case dragMove:
		g = moveEdit(e.project, e.drag.ids, e.delta(), 0)
	case dragResize:
		b, ok := e.project.Boundary(e.drag.hit.ID)
		if !ok {
			return
		}
		g = newGeometryEdit()
		g.boundaries[b.ID] = resizeRegion(BoundaryRect(*b), e.drag.hit.Corner, e.delta(), 0)
	default:
		e.renderer.placeOverlayIfAny()
		return
	}
	e.preview = g.apply(e.project)
	moved := make(map[string]bool, len(g.elements))
	for id := range g.elements {
		moved[id] = true
	}
	e.scene = previewScene(e.drag.base, e.preview, e.badges, moved)
	if e.renderer != nil {
		e.renderer.sync()
	}
}

// DragEnd is part of fyne.Draggable: it turns the finished drag into an
// edit.
func (e *Editor) DragEnd() {
	d := e.drag
	if d == nil {
		return
	}
	delta := e.delta()
	e.drag, e.preview, e.press = nil, nil, nil
	switch d.mode {
	case dragMove:
		e.emit(MoveChange(e.project, d.ids, delta, e.Grid))
	case dragResize:
		e.endResize(d, delta)
	case dragConnect:
		e.endConnect(d)
	case dragReconnect:
		e.endReconnect(d)
	case dragBand:
		e.endBand(d)
	case dragNewBoundary:
		r := RectFromPoints(e.view().toDiagram(d.start), e.view().toDiagram(d.cur))
		e.addBoundary(Rect{Snap(r.X, e.Grid), Snap(r.Y, e.Grid), Snap(r.W, e.Grid), Snap(r.H, e.Grid)})
	}
	e.rebuild()
}

func (e *Editor) endResize(d *dragState, delta Point) {
	b, ok := e.project.Boundary(d.hit.ID)
	if !ok {
		return
	}
	r := resizeRegion(BoundaryRect(*b), d.hit.Corner, delta, e.Grid)
	e.emit(ResizeBoundaryChange(e.project, b.ID, r))
}

// elementAt returns the element under a widget position.
func (e *Editor) elementAt(pos fyne.Position) (string, bool) {
	h := e.scene.hitElement(e.view().toDiagram(pos), HitOptions{})
	return h.ID, h.Kind == HitElement
}

func (e *Editor) endConnect(d *dragState) {
	to, ok := e.elementAt(d.cur)
	if !ok {
		return
	}
	if c, id, ok := ConnectChange(e.project, d.hit.ID, to); ok {
		e.selected = []string{id}
		e.emit(c)
		if e.OnSelect != nil {
			e.OnSelect([]string{id})
		}
	}
}

func (e *Editor) endReconnect(d *dragState) {
	to, ok := e.elementAt(d.cur)
	if !ok {
		return
	}
	if c, ok := ReconnectChange(e.project, d.hit.ID, d.hit.End, to); ok {
		e.emit(c)
	}
}

func (e *Editor) endBand(d *dragState) {
	r := RectFromPoints(e.view().toDiagram(d.start), e.view().toDiagram(d.cur))
	ids := e.scene.InRect(r)
	if e.modifiers()&fyne.KeyModifierShift != 0 {
		union := slices.Clone(e.selected)
		for _, id := range ids {
			if !slices.Contains(union, id) {
				union = append(union, id)
			}
		}
		ids = union
	}
	e.setSelection(ids)
}

package diagram

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Interfaces the editor answers to.
var (
	_ fyne.Tappable      = (*Editor)(nil)
	_ fyne.Draggable     = (*Editor)(nil)
	_ fyne.Scrollable    = (*Editor)(nil)
	_ fyne.Focusable     = (*Editor)(nil)
	_ desktop.Mouseable  = (*Editor)(nil)
	_ desktop.Hoverable  = (*Editor)(nil)
	_ desktop.Keyable    = (*Editor)(nil)
	_ desktop.Cursorable = (*Editor)(nil)
)

// pointerReach is how close, in screen units, the pointer must come to a
// line or handle to grab it.
const pointerReach = 5.0

// pressState is the last mouse press: where, which button, which keys.
type pressState struct {
	pos    fyne.Position
	button desktop.MouseButton
	mods   fyne.KeyModifier
}

// keyState tracks the keys that change what a gesture does.
type keyState struct {
	space, ctrl, shift, alt bool
}

// hitAt hit-tests a widget position.
func (e *Editor) hitAt(pos fyne.Position) Hit {
	v := e.view()
	return e.scene.HitTest(v.toDiagram(pos), HitOptions{
		Tol: pointerReach / v.zoom, Selected: e.selectedSet(), Hover: e.hover,
	})
}

// MouseDown is part of desktop.Mouseable: it records the press so a drag
// or tap knows its button and modifiers, and takes the keyboard focus.
func (e *Editor) MouseDown(ev *desktop.MouseEvent) {
	e.press = &pressState{pos: ev.Position, button: ev.Button, mods: ev.Modifier}
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(e); c != nil {
			c.Focus(e)
		}
	}
}

// MouseUp is part of desktop.Mouseable.
func (e *Editor) MouseUp(*desktop.MouseEvent) {}

// modifiers returns the modifier keys of the current gesture.
func (e *Editor) modifiers() fyne.KeyModifier {
	var m fyne.KeyModifier
	if e.press != nil {
		m = e.press.mods
	}
	if e.keys.shift {
		m |= fyne.KeyModifierShift
	}
	if e.keys.ctrl {
		m |= fyne.KeyModifierControl
	}
	if e.keys.alt {
		m |= fyne.KeyModifierAlt
	}
	return m
}

// Tapped is part of fyne.Tappable: it places a pending palette choice,
// opens a badge, or selects what was tapped.
func (e *Editor) Tapped(ev *fyne.PointEvent) {
	mods := e.modifiers()
	e.press = nil
	switch {
	case e.pending.kind != "":
		e.DropKind(e.pending.kind, ev.Position)
		return
	case e.pending.boundary != "":
		c := e.view().toDiagram(ev.Position)
		r := Rect{Snap(c.X-DefaultBoundaryW/2, e.Grid), Snap(c.Y-DefaultBoundaryH/2, e.Grid), DefaultBoundaryW, DefaultBoundaryH}
		e.addBoundary(r)
		return
	}
	h := e.hitAt(ev.Position)
	switch {
	case h.Kind == HitBadge && e.OnBadgeTapped != nil:
		e.OnBadgeTapped(h.ID)
	case h.Kind == HitNone:
		if mods&fyne.KeyModifierShift == 0 {
			e.setSelection(nil)
		}
	case mods&fyne.KeyModifierShift != 0:
		e.toggle(h.ID)
	default:
		e.setSelection([]string{h.ID})
	}
}

func (e *Editor) toggle(id string) {
	if i := slices.Index(e.selected, id); i >= 0 {
		e.setSelection(slices.Delete(slices.Clone(e.selected), i, i+1))
		return
	}
	e.setSelection(append(slices.Clone(e.selected), id))
}

func (e *Editor) addBoundary(r Rect) {
	kind := e.pending.boundary
	e.pending = pendingTool{}
	c, id := AddBoundaryChange(e.project, r, kind)
	e.selected = []string{id}
	e.emit(c)
	if e.OnSelect != nil {
		e.OnSelect([]string{id})
	}
}

// Scrolled is part of fyne.Scrollable: scrolling pans, and with Ctrl (or
// Cmd) held it zooms about the pointer.
func (e *Editor) Scrolled(ev *fyne.ScrollEvent) {
	if e.zoomModifier() {
		e.zoomAbout(ev.Position, math.Pow(1.0015, float64(ev.Scrolled.DY)*4))
		return
	}
	e.Pan(ev.Scrolled)
}

func (e *Editor) zoomModifier() bool {
	if e.keys.ctrl {
		return true
	}
	if app := fyne.CurrentApp(); app != nil {
		if d, ok := app.Driver().(desktop.Driver); ok {
			m := d.CurrentKeyModifiers()
			return m&(fyne.KeyModifierControl|fyne.KeyModifierSuper) != 0
		}
	}
	return false
}

// MouseIn is part of desktop.Hoverable.
func (e *Editor) MouseIn(ev *desktop.MouseEvent) { e.MouseMoved(ev) }

// MouseMoved is part of desktop.Hoverable: it tracks the element under the
// pointer, whose connector handle then shows.
func (e *Editor) MouseMoved(ev *desktop.MouseEvent) {
	e.pointer = ev.Position
	if e.drag != nil {
		return
	}
	h := e.hitAt(ev.Position)
	hover := ""
	switch h.Kind {
	case HitElement, HitConnector:
		hover = h.ID
	case HitBadge:
		if _, ok := e.project.Element(h.ID); ok {
			hover = h.ID
		}
	}
	if hover != e.hover {
		e.hover = hover
		e.redraw()
	}
}

// MouseOut is part of desktop.Hoverable.
func (e *Editor) MouseOut() {
	if e.hover != "" && e.drag == nil {
		e.hover = ""
		e.redraw()
	}
}

// Cursor is part of desktop.Cursorable: a crosshair while a palette choice
// waits to be placed.
func (e *Editor) Cursor() desktop.Cursor {
	if e.pending.active() {
		return desktop.CrosshairCursor
	}
	return desktop.DefaultCursor
}

// FocusGained is part of fyne.Focusable.
func (e *Editor) FocusGained() {}

// FocusLost is part of fyne.Focusable; held keys are forgotten.
func (e *Editor) FocusLost() { e.keys = keyState{} }

// TypedRune is part of fyne.Focusable.
func (e *Editor) TypedRune(rune) {}

// TypedKey is part of fyne.Focusable: Delete removes the selection,
// Escape cancels, the arrow keys nudge the selection one grid step.
func (e *Editor) TypedKey(ev *fyne.KeyEvent) {
	step := math.Max(e.Grid, 1)
	switch ev.Name {
	case fyne.KeyDelete, fyne.KeyBackspace:
		e.DeleteSelection()
	case fyne.KeyEscape:
		e.cancel()
	case fyne.KeyLeft:
		e.nudge(Point{-step, 0})
	case fyne.KeyRight:
		e.nudge(Point{step, 0})
	case fyne.KeyUp:
		e.nudge(Point{0, -step})
	case fyne.KeyDown:
		e.nudge(Point{0, step})
	}
}

func (e *Editor) nudge(d Point) {
	if c := MoveChange(e.project, e.selected, d, 0); len(c.Ops) > 0 {
		e.emit(c)
	}
}

// cancel drops a pending palette choice and any drag in progress, or else
// clears the selection.
func (e *Editor) cancel() {
	switch {
	case e.drag != nil:
		e.drag = nil
		e.preview = nil
		e.rebuild()
	case e.pending.active():
		e.pending = pendingTool{}
	default:
		e.setSelection(nil)
	}
}

// KeyDown is part of desktop.Keyable.
func (e *Editor) KeyDown(ev *fyne.KeyEvent) { e.setKey(ev.Name, true) }

// KeyUp is part of desktop.Keyable.
func (e *Editor) KeyUp(ev *fyne.KeyEvent) { e.setKey(ev.Name, false) }

func (e *Editor) setKey(k fyne.KeyName, down bool) {
	switch k {
	case fyne.KeySpace:
		e.keys.space = down
	case desktop.KeyControlLeft, desktop.KeyControlRight, desktop.KeySuperLeft, desktop.KeySuperRight:
		e.keys.ctrl = down
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		e.keys.shift = down
	case desktop.KeyAltLeft, desktop.KeyAltRight:
		e.keys.alt = down
	}
}

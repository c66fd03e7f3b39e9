package diagram

import (
	"context"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"airisk/model"
)

// origin is where diagram point (0, 0) shows in the test editor (zoom 1).
var origin = Point{100, 100}

// harness is an editor in a test window wired the way the UI wires it:
// each change is applied to the project and shown again.
type harness struct {
	t        *testing.T
	e        *Editor
	p        *model.Project
	changes  []model.Change
	selected []string
	badge    string
}

func newHarness(t *testing.T, p *model.Project) *harness {
	t.Helper()
	test.NewTempApp(t)
	h := &harness{t: t, e: NewEditor(), p: p}
	h.e.OnChange = func(c model.Change) {
		h.changes = append(h.changes, c)
		if _, err := h.p.Apply(c); err != nil {
			t.Fatalf("change %q does not apply: %v", c.Summary, err)
		}
		h.e.SetProject(h.p, nil)
	}
	h.e.OnSelect = func(ids []string) { h.selected = ids }
	h.e.OnBadgeTapped = func(id string) { h.badge = id }
	h.e.SetProject(p, map[string]Badge{"app": {Count: 2, Score: 20}})
	w := test.NewTempWindow(t, h.e)
	w.Resize(fyne.NewSize(1500, 800))
	h.e.zoom, h.e.off, h.e.userView = 1, origin, true
	h.e.relayout()
	return h
}

// at converts a diagram point to the editor's coordinates.
func at(p Point) fyne.Position { return fyne.NewPos(float32(p.X+origin.X), float32(p.Y+origin.Y)) }

func (h *harness) tap(p Point, mods fyne.KeyModifier) {
	ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at(p)}, Button: desktop.MouseButtonPrimary, Modifier: mods}
	h.e.MouseDown(ev)
	h.e.MouseUp(ev)
	h.e.Tapped(&ev.PointEvent)
}

// drag presses at from, moves in two steps to to and releases, the way
// Fyne's desktop driver reports it.
func (h *harness) drag(from, to Point, button desktop.MouseButton, mods fyne.KeyModifier) {
	a, b := at(from), at(to)
	mid := fyne.NewPos((a.X+b.X)/2, (a.Y+b.Y)/2)
	down := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: a}, Button: button, Modifier: mods}
	h.e.MouseDown(down)
	h.e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: mid}, Dragged: fyne.NewDelta(mid.X-a.X, mid.Y-a.Y)})
	h.e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: b}, Dragged: fyne.NewDelta(b.X-mid.X, b.Y-mid.Y)})
	h.e.DragEnd()
	h.e.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: b}, Button: button})
}

func (h *harness) hover(p Point) {
	h.e.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at(p)}})
}

// oneChange asserts that exactly one change was emitted and returns it.
func (h *harness) oneChange() model.Change {
	h.t.Helper()
	if len(h.changes) != 1 {
		h.t.Fatalf("got %d changes, want 1: %+v", len(h.changes), h.changes)
	}
	return h.changes[0]
}

func (h *harness) node(id string) NodeGeom {
	h.t.Helper()
	n, ok := h.e.scene.Node(id)
	if !ok {
		h.t.Fatalf("element %s is not drawn", id)
	}
	return n
}

func TestEditorPlaceFromPalette(t *testing.T) {
	h := newHarness(t, fixture())
	h.e.SetPendingKind(model.KindVectorStore)
	h.tap(Point{700, 300}, 0)
	c := h.oneChange()
	e := *c.Ops[0].Element
	if e.Kind != model.KindVectorStore || e.X != 620 || e.Y != 260 || e.Boundary != "sandbox" {
		t.Errorf("got %+v, want a vector store at (620, 260) in sandbox", e)
	}
	if !slices.Equal(h.selected, []string{e.ID}) {
		t.Errorf("selection %v, want the new element %s", h.selected, e.ID)
	}
	h.tap(Point{20, 500}, 0)
	if len(h.changes) != 1 {
		t.Errorf("a second tap placed another element; the palette choice must be used once")
	}
	h.e.DropKind(model.KindModel, at(Point{80, 600}))
	if len(h.changes) != 2 || h.changes[1].Ops[0].Element.Kind != model.KindModel {
		t.Errorf("DropKind: got changes %+v, want a model added", h.changes)
	}
}

func TestEditorConnect(t *testing.T) {
	h := newHarness(t, fixture())
	index := h.node("index").Rect
	h.hover(index.Centre())
	h.drag(ConnectorAt(index), h.node("llm").Rect.Centre(), desktop.MouseButtonPrimary, 0)
	f := h.oneChange().Ops[0].Flow
	if f == nil || f.From != "index" || f.To != "llm" {
		t.Fatalf("got %+v, want a flow from index to llm", h.changes[0].Ops[0])
	}
	h.drag(h.node("user").Rect.Centre(), index.Centre(), desktop.MouseButtonPrimary, fyne.KeyModifierControl)
	if len(h.changes) != 2 || h.changes[1].Ops[0].Flow.From != "user" {
		t.Errorf("Ctrl+drag from an element: got %+v, want a flow from user", h.changes[1:])
	}
}

func TestEditorMoveIntoBoundary(t *testing.T) {
	h := newHarness(t, fixture())
	user := h.node("user").Rect.Centre()
	h.drag(user, user.Add(Point{305, 240}), desktop.MouseButtonPrimary, 0)
	e := h.oneChange().Ops[0].Element
	if e == nil || e.ID != "user" || e.Boundary != "corp" || e.X != 300 || e.Y != 280 {
		t.Fatalf("got %+v, want user moved to (300, 280) in corp", h.changes[0].Ops[0])
	}
}

func TestEditorMultiSelectMove(t *testing.T) {
	h := newHarness(t, fixture())
	h.tap(h.node("app").Rect.Centre(), 0)
	h.tap(h.node("index").Rect.Centre(), fyne.KeyModifierShift)
	if !slices.Equal(h.selected, []string{"app", "index"}) {
		t.Fatalf("selection %v, want [app index]", h.selected)
	}
	h.drag(h.node("app").Rect.Centre(), h.node("app").Rect.Centre().Add(Point{38, 43}), desktop.MouseButtonPrimary, 0)
	c := h.oneChange()
	if len(c.Ops) != 2 {
		t.Fatalf("got %d ops, want 2", len(c.Ops))
	}
	for _, want := range []struct {
		id   string
		x, y float64
	}{{"app", 280, 80}, {"index", 600, 80}} {
		if e, _ := h.p.Element(want.id); e.X != want.x || e.Y != want.y {
			t.Errorf("%s at (%v, %v), want (%v, %v)", want.id, e.X, e.Y, want.x, want.y)
		}
	}
}

func TestEditorRubberBand(t *testing.T) {
	h := newHarness(t, fixture())
	h.drag(Point{-60, -60}, Point{500, 150}, desktop.MouseButtonPrimary, 0)
	if want := []string{"user", "app", "f1", "f2"}; !slices.Equal(h.selected, want) {
		t.Errorf("selection %v, want %v", h.selected, want)
	}
	if len(h.changes) != 0 {
		t.Errorf("a rubber band emitted %d changes, want none", len(h.changes))
	}
}

func TestEditorReconnect(t *testing.T) {
	h := newHarness(t, fixture())
	f3, _ := h.e.scene.Flow("f3")
	h.tap(f3.Label.Centre(), 0)
	if !slices.Equal(h.selected, []string{"f3"}) {
		t.Fatalf("selection %v, want [f3]", h.selected)
	}
	h.drag(f3.Points[len(f3.Points)-1], h.node("llm").Rect.Centre(), desktop.MouseButtonPrimary, 0)
	f := h.oneChange().Ops[0].Flow
	if f == nil || f.ID != "f3" || f.From != "app" || f.To != "llm" {
		t.Fatalf("got %+v, want f3 from app to llm", h.changes[0].Ops[0])
	}
}

func TestEditorBoundaryMoveAndResize(t *testing.T) {
	h := newHarness(t, fixture())
	corp, _ := h.e.scene.Boundary("corp")
	h.drag(corp.Label.Centre(), corp.Label.Centre().Add(Point{0, 200}), desktop.MouseButtonPrimary, 0)
	h.oneChange()
	for id, y := range map[string]float64{"app": 240, "index": 240, "agent": 420} {
		if e, _ := h.p.Element(id); e.Y != y {
			t.Errorf("after moving corp, %s is at y %v, want %v", id, e.Y, y)
		}
	}
	if sb, _ := h.p.Boundary("sandbox"); sb.Y != 380 {
		t.Errorf("after moving corp, sandbox is at y %v, want 380", sb.Y)
	}
	corp, _ = h.e.scene.Boundary("corp")
	h.drag(corp.Rect.Max(), corp.Rect.Max().Add(Point{-300, 0}), desktop.MouseButtonPrimary, 0)
	if len(h.changes) != 2 {
		t.Fatalf("got %d changes, want 2", len(h.changes))
	}
	if b, _ := h.p.Boundary("corp"); b.W != 400 || b.H != 400 {
		t.Errorf("after resizing corp is %vx%v, want 400x400", b.W, b.H)
	}
	if sb, _ := h.p.Boundary("sandbox"); sb.Parent != "" {
		t.Errorf("sandbox still has parent %q after corp shrank away from it", sb.Parent)
	}
}

func TestEditorNewBoundaryByDrag(t *testing.T) {
	h := newHarness(t, fixture())
	h.e.SetPendingBoundary(model.BoundaryTenant)
	h.drag(Point{-40, 0}, Point{200, 180}, desktop.MouseButtonPrimary, 0)
	c := h.oneChange()
	var b *model.Boundary
	for _, op := range c.Ops {
		if op.Boundary != nil && op.Boundary.Kind == model.BoundaryTenant {
			b = op.Boundary
		}
	}
	if b == nil || b.X != -40 || b.W != 240 {
		t.Fatalf("got ops %+v, want a tenant boundary from x -40, 240 wide", c.Ops)
	}
	if e, _ := h.p.Element("user"); e.Boundary != b.ID {
		t.Errorf("user is in %q, want the new boundary %s", e.Boundary, b.ID)
	}
}

func TestEditorBadgeTapAndDelete(t *testing.T) {
	h := newHarness(t, fixture())
	h.tap(h.node("app").Badge.Centre(), 0)
	if h.badge != "app" {
		t.Errorf("badge tap reported %q, want app", h.badge)
	}
	h.tap(h.node("index").Rect.Centre(), 0)
	h.e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	c := h.oneChange()
	if _, ok := h.p.Element("index"); ok || c.Ops[0].Entity != model.EntityElement {
		t.Errorf("Delete: got %+v, want index deleted", c)
	}
	if len(h.selected) != 0 {
		t.Errorf("selection %v after deleting it, want empty", h.selected)
	}
}

func TestEditorAutoLayoutOneChange(t *testing.T) {
	h := newHarness(t, generated(30, 2))
	done := make(chan error, 1)
	h.e.AutoLayout(context.Background(), func(err error) { done <- err })
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("AutoLayout: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("AutoLayout did not finish")
	}
	if c := h.oneChange(); c.Summary != "Auto-layout" || len(c.Ops) < 30 {
		t.Errorf("got change %q with %d ops, want Auto-layout with at least 30", c.Summary, len(c.Ops))
	}
	if NeedsLayout(h.p) {
		t.Error("the project still needs layout after AutoLayout")
	}
}

func TestEditorZoomAndPan(t *testing.T) {
	h := newHarness(t, fixture())
	pointer := at(Point{240, 40})
	h.e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
	h.e.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pointer}, Scrolled: fyne.NewDelta(0, 100)})
	h.e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
	if h.e.Zoom() <= 1 {
		t.Errorf("zoom %v after Ctrl+scroll up, want above 1", h.e.Zoom())
	}
	if got := h.e.view().toDiagram(pointer); got.Sub(Point{240, 40}).Len() > 0.01 {
		t.Errorf("the point under the pointer moved to %v while zooming", got)
	}
	before := h.e.off
	h.e.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -30)})
	if h.e.off.Y != before.Y-30 {
		t.Errorf("scrolling moved the view by %v, want -30", h.e.off.Y-before.Y)
	}
	h.drag(Point{900, 600}, Point{950, 650}, desktop.MouseButtonTertiary, 0)
	if len(h.changes) != 0 {
		t.Errorf("a middle-button drag emitted %d changes, want none", len(h.changes))
	}
	h.e.FitToWindow()
	b := h.e.scene.Bounds
	tl, br := h.e.view().pos(Point{b.X, b.Y}), h.e.view().pos(b.Max())
	size := h.e.Size()
	if tl.X < 0 || tl.Y < 0 || br.X > size.Width || br.Y > size.Height {
		t.Errorf("after FitToWindow the diagram spans %v to %v in a %v editor", tl, br, size)
	}
}

func TestEditorLeavesProjectAlone(t *testing.T) {
	test.NewTempApp(t)
	p := fixture()
	before := p.Clone()
	e := NewEditor()
	var got []model.Change
	e.OnChange = func(c model.Change) { got = append(got, c) }
	e.SetProject(p, nil)
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(1500, 800))
	e.zoom, e.off, e.userView = 1, origin, true
	e.relayout()
	h := &harness{t: t, e: e, p: p}
	h.drag(Point{80, 76}, Point{400, 300}, desktop.MouseButtonPrimary, 0)
	h.e.SetPendingKind(model.KindAgent)
	h.tap(Point{50, 600}, 0)
	if len(got) != 2 {
		t.Fatalf("got %d changes, want 2", len(got))
	}
	if !reflect.DeepEqual(p, before) {
		t.Error("the editor changed the project it was given")
	}
}

func TestEditorReveal(t *testing.T) {
	for _, tc := range []struct {
		name      string
		id        string
		startZoom float64
		wantZoom  float64
		found     bool
	}{
		{"element from far out", "llm", 0.2, 1, true},
		{"element keeps a closer zoom", "agent", 2, 2, true},
		{"flow", "f3", 0.5, 1, true},
		{"boundary", "vendor", 0.5, 1, true},
		{"unknown id", "nothing", 0.5, 0.5, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, fixture())
			h.e.zoom = tc.startZoom
			h.e.relayout()
			if got := h.e.Reveal(tc.id); got != tc.found {
				t.Fatalf("Reveal(%q): got %v, want %v", tc.id, got, tc.found)
			}
			if h.e.Zoom() != tc.wantZoom {
				t.Errorf("zoom: got %v, want %v", h.e.Zoom(), tc.wantZoom)
			}
			if !tc.found {
				if len(h.selected) != 0 {
					t.Errorf("selection: got %v, want it unchanged", h.selected)
				}
				return
			}
			if !slices.Equal(h.selected, []string{tc.id}) {
				t.Errorf("selection: got %v, want [%s]", h.selected, tc.id)
			}
			r, _ := h.e.itemBounds(tc.id)
			centre := h.e.view().pos(r.Centre())
			if mid := h.e.middle(); math.Abs(float64(centre.X-mid.X)) > 1 || math.Abs(float64(centre.Y-mid.Y)) > 1 {
				t.Errorf("the item's centre shows at %v, want the middle of the view %v", centre, mid)
			}
		})
	}
}

package diagram

import (
	"airisk/model"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// placed returns a generated project of n elements laid out on a grid, as
// a real diagram is: most flows join neighbours, one in ten runs far; with
// badges on every third element.
func placed(n int) (*model.Project, map[string]Badge) {
	p := spread(generated(n, 0))
	p.Flows = p.Flows[:0]
	link := func(from, to int) {
		if to < n && from != to {
			id := fmt.Sprintf("f%d", len(p.Flows))
			p.Flows = append(p.Flows, model.Flow{ID: id, From: fmt.Sprintf("e%d", from), To: fmt.Sprintf("e%d", to), Name: "Data flow " + id})
		}
	}
	for i := 0; i < n; i++ {
		if i%20 != 19 {
			link(i, i+1)
		}
		if i%3 == 0 {
			link(i, i+20)
		}
		if i%10 == 0 {
			link(i, (i*7+3)%n)
		}
	}
	badges := map[string]Badge{}
	for i := 0; i < n; i += 3 {
		badges[fmt.Sprintf("e%d", i)] = Badge{Count: i%7 + 1, Score: i % 26}
	}
	return p, badges
}

func benchmarkScene(b *testing.B, n int) {
	p, badges := placed(n)
	for b.Loop() {
		NewScene(p, badges)
	}
}

func BenchmarkScene300(b *testing.B)  { benchmarkScene(b, 300) }
func BenchmarkScene1000(b *testing.B) { benchmarkScene(b, 1000) }

func benchmarkBuildObjects(b *testing.B, n int) {
	test.NewTempApp(b)
	p, badges := placed(n)
	dc := drawContext{pal: LightPalette(), scoring: p.EffectiveScoring(), badges: badges}
	v := view{zoom: 1}
	for b.Loop() {
		for _, it := range buildItems(NewScene(p, badges), dc) {
			it.place(v)
		}
	}
}

func BenchmarkBuildObjects300(b *testing.B)  { benchmarkBuildObjects(b, 300) }
func BenchmarkBuildObjects1000(b *testing.B) { benchmarkBuildObjects(b, 1000) }

// benchmarkEditorEdit measures the refresh after a one-element edit: the
// scene is recomputed, one element and its flows are drawn again.
func benchmarkEditorEdit(b *testing.B, n int) {
	test.NewTempApp(b)
	p, badges := placed(n)
	e := NewEditor()
	e.SetProject(p, badges)
	w := test.NewTempWindow(b, e)
	w.Resize(fyne.NewSize(1600, 1000))
	i := 0
	for b.Loop() {
		i++
		p.Elements[0].X = float64(i%2) * 20
		e.SetProject(p, badges)
	}
}

func BenchmarkEditorEdit300(b *testing.B)  { benchmarkEditorEdit(b, 300) }
func BenchmarkEditorEdit1000(b *testing.B) { benchmarkEditorEdit(b, 1000) }

// benchmarkEditorDrag measures one frame of dragging an element: the
// preview scene and the redrawing of what moved.
func benchmarkEditorDrag(b *testing.B, n int) {
	test.NewTempApp(b)
	p, badges := placed(n)
	e := NewEditor()
	e.SetProject(p, badges)
	w := test.NewTempWindow(b, e)
	w.Resize(fyne.NewSize(1600, 1000))
	e.zoom, e.off, e.userView = 1, Point{}, true
	e.relayout()
	start := e.view().pos(e.scene.Nodes[0].Rect.Centre())
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.AddXY(5, 5)}, Dragged: fyne.NewDelta(5, 5)})
	i := 0
	for b.Loop() {
		i++
		e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: start.AddXY(float32(i%40), 7)}, Dragged: fyne.NewDelta(1, 0)})
	}
	e.DragEnd()
}

func BenchmarkEditorDrag300(b *testing.B)  { benchmarkEditorDrag(b, 300) }
func BenchmarkEditorDrag1000(b *testing.B) { benchmarkEditorDrag(b, 1000) }

// BenchmarkEditorOpen1000 measures showing a 1,000-element project in a
// new editor, up to the objects being placed (painting is the driver's).
// Run it with -benchtime 1x for the cold figure: later rounds reuse
// cached routes.
func BenchmarkEditorOpen1000(b *testing.B) {
	test.NewTempApp(b)
	p, badges := placed(1000)
	for b.Loop() {
		e := NewEditor()
		e.SetProject(p, badges)
		w := test.NewTempWindow(b, e)
		w.Resize(fyne.NewSize(1600, 1000))
	}
}

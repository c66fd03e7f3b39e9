package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"airisk/model"
)

// bigProject builds a project of n elements of every kind, in rows, each
// joined to the next by a flow.
func bigProject(n int) *model.Project {
	p := &model.Project{Meta: model.ProjectMeta{ID: "big", Name: "Big system", Created: testNow, Updated: testNow}}
	for i := range n {
		k := model.Kinds[i%len(model.Kinds)]
		p.Elements = append(p.Elements, model.Element{ID: fmt.Sprintf("e%d", i), Kind: k.Kind,
			Name: fmt.Sprintf("%s %d", k.Name, i), Props: model.Props{},
			X: float64(40 + (i%20)*220), Y: float64(40 + (i/20)*140)})
		if i > 0 {
			p.Elements[i].Props["handles_personal_data"] = true
			p.Flows = append(p.Flows, model.Flow{ID: fmt.Sprintf("f%d", i), From: fmt.Sprintf("e%d", i-1),
				To: fmt.Sprintf("e%d", i), Name: "data", Props: model.Props{"carries": []string{"prompts"}}})
		}
	}
	return p
}

func benchUI(b *testing.B, p *model.Project) *UI {
	a := test.NewTempApp(b)
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1400, 900))
	u := New(w, a, newFakeStore(p), catalogue(b), IO{})
	u.now = func() time.Time { return testNow }
	u.background = func(f func()) { f() }
	return u
}

// BenchmarkOpen1000 opens a 1,000-element project: load, analyse, build
// and fill every screen.
func BenchmarkOpen1000(b *testing.B) {
	p := bigProject(1000)
	u := benchUI(b, p)
	b.ResetTimer()
	for b.Loop() {
		if err := u.Open("big"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEdit1000 times one property edit of a 1,000-element project
// through the write path: apply, store, analyse, refresh every screen.
func BenchmarkEdit1000(b *testing.B) {
	u := benchUI(b, bigProject(1000))
	if err := u.Open("big"); err != nil {
		b.Fatal(err)
	}
	ws := u.ws
	on := false
	b.ResetTimer()
	for b.Loop() {
		e, _ := ws.state.Project.Element("e500")
		next := cloneElement(*e)
		on = !on
		next.Props["third_party"] = on
		if !on {
			delete(next.Props, "third_party")
		}
		if !ws.apply(model.Change{Summary: "Toggle", Ops: []model.Op{model.PutElement(next)}}) {
			b.Fatal(u.lastError)
		}
	}
}

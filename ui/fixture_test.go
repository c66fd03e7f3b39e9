package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"go.yaml.in/yaml/v3"

	"airisk/assets"
	"airisk/model"
	"airisk/threats"
)

// sampleProject reads the bundled sample straight from its YAML (ui must
// not import the file format package, and the model's tags match it).
func sampleProject(t testing.TB) *model.Project {
	t.Helper()
	data, err := assets.FS.ReadFile("samples/support-assistant.airisk.yaml")
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	var p model.Project
	if err := yaml.Unmarshal(data, &p); err != nil {
		t.Fatalf("decode sample: %v", err)
	}
	for i := range p.Elements {
		p.Elements[i].Props.Normalize()
	}
	for i := range p.Flows {
		p.Flows[i].Props.Normalize()
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("sample is not valid: %v", err)
	}
	return &p
}

// catalogue returns the bundled catalogue.
func catalogue(t testing.TB) *threats.Catalogue {
	t.Helper()
	c, err := threats.Bundled()
	if err != nil {
		t.Fatalf("bundled catalogue: %v", err)
	}
	return c
}

// testNow is the clock of the tests.
var testNow = time.Date(2026, 12, 20, 14, 32, 5, 0, time.UTC)

// harness is a UI on a test window with a fake store.
type harness struct {
	t     *testing.T
	u     *UI
	store *fakeStore
	win   fyne.Window
}

// newHarness opens the UI on the given projects.
func newHarness(t *testing.T, ps ...*model.Project) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1400, 900))
	st := newFakeStore(ps...)
	u := New(w, a, st, catalogue(t), IO{})
	u.now = func() time.Time { return testNow }
	u.background = func(f func()) { f() }
	u.Show()
	return &harness{t: t, u: u, store: st, win: w}
}

// open opens a project and returns its workspace.
func (h *harness) open(id string) *workspace {
	h.t.Helper()
	if err := h.u.Open(id); err != nil {
		h.t.Fatalf("open %s: %v", id, err)
	}
	return h.u.ws
}

// project is the project on show.
func (h *harness) project() *model.Project { return h.u.ws.state.Project }

// saved checks that the stored copy equals the project on show.
func (h *harness) saved() {
	h.t.Helper()
	got, want := h.store.stored(h.project().Meta.ID), h.project()
	if len(got.Elements) != len(want.Elements) || len(got.Flows) != len(want.Flows) ||
		len(got.Decisions) != len(want.Decisions) || len(got.Risks) != len(want.Risks) {
		h.t.Errorf("stored project has %d elements, %d flows, %d decisions, %d risks; shown has %d, %d, %d, %d",
			len(got.Elements), len(got.Flows), len(got.Decisions), len(got.Risks),
			len(want.Elements), len(want.Flows), len(want.Decisions), len(want.Risks))
	}
}

func TestSampleLoads(t *testing.T) {
	p := sampleProject(t)
	if len(p.Elements) == 0 || len(p.Risks) == 0 {
		t.Fatalf("got %d elements and %d risks, want some of each", len(p.Elements), len(p.Risks))
	}
	f := threats.Analyse(p, catalogue(t))
	if len(f) == 0 {
		t.Fatal("got no findings on the sample, want some")
	}
	t.Logf("%d elements, %d flows, %d findings", len(p.Elements), len(p.Flows), len(f))
}

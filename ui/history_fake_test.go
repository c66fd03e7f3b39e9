package ui

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// historyFake is the in-memory fakeStore with a change log and snapshots,
// so it is also a HistoryStore. Its log records what the bbolt store
// records: the ops' keys and the risk scores each edit changed.
type historyFake struct {
	*fakeStore
	hmu     sync.Mutex
	clock   func() time.Time
	entries map[string][]LogEntry
	snaps   map[string][]fakeSnapshot
	seq     int
}

type fakeSnapshot struct {
	info SnapshotInfo
	p    *model.Project
}

func newHistoryFake(fs *fakeStore, clock func() time.Time) *historyFake {
	return &historyFake{fakeStore: fs, clock: clock, entries: map[string][]LogEntry{}, snaps: map[string][]fakeSnapshot{}}
}

// Apply commits the change and logs it.
func (h *historyFake) Apply(id string, c model.Change) error {
	before, err := h.fakeStore.Load(id)
	if err != nil {
		return err
	}
	if err := h.fakeStore.Apply(id, c); err != nil {
		return err
	}
	after := h.fakeStore.stored(id)
	e := LogEntry{Time: h.clock(), User: "tester", Summary: c.Summary, Scores: fakeScoreChanges(before, after)}
	for _, op := range c.Ops {
		e.Ops = append(e.Ops, LogOp{Entity: op.Entity, ID: op.ID, Deleted: op.Delete})
	}
	h.hmu.Lock()
	defer h.hmu.Unlock()
	e.Seq = uint64(len(h.entries[id]) + 1)
	h.entries[id] = append(h.entries[id], e)
	return nil
}

func fakeScoreChanges(before, after *model.Project) []ScoreChange {
	var out []ScoreChange
	for _, r := range after.Risks {
		var b model.Scores
		if old, ok := before.Risk(r.ID); ok {
			b = model.ScoresOf(*old)
		}
		a := model.ScoresOf(r)
		pairs := []struct {
			field         string
			before, after int
		}{{"likelihood", b.Likelihood, a.Likelihood}, {"impact", b.Impact, a.Impact},
			{"residual_likelihood", b.ResidualLikelihood, a.ResidualLikelihood},
			{"residual_impact", b.ResidualImpact, a.ResidualImpact}}
		for _, p := range pairs {
			if p.before != p.after {
				out = append(out, ScoreChange{Risk: r.ID, Field: p.field, Before: p.before, After: p.after})
			}
		}
	}
	return out
}

func (h *historyFake) Log(id string) ([]LogEntry, error) {
	h.hmu.Lock()
	defer h.hmu.Unlock()
	return slices.Clone(h.entries[id]), nil
}

func (h *historyFake) Snapshot(id, name string) (SnapshotInfo, error) {
	p, err := h.fakeStore.Load(id)
	if err != nil {
		return SnapshotInfo{}, err
	}
	h.hmu.Lock()
	defer h.hmu.Unlock()
	h.seq++
	info := SnapshotInfo{ID: fmt.Sprintf("s%d", h.seq), Name: name, Time: h.clock(), User: "tester"}
	h.snaps[id] = append(h.snaps[id], fakeSnapshot{info, p})
	return info, nil
}

func (h *historyFake) Snapshots(id string) ([]SnapshotInfo, error) {
	h.hmu.Lock()
	defer h.hmu.Unlock()
	var out []SnapshotInfo
	for _, s := range h.snaps[id] {
		out = append(out, s.info)
	}
	return out, nil
}

func (h *historyFake) LoadSnapshot(id, snapID string) (*model.Project, error) {
	h.hmu.Lock()
	defer h.hmu.Unlock()
	for _, s := range h.snaps[id] {
		if s.info.ID == snapID {
			return s.p.Clone(), nil
		}
	}
	return nil, fmt.Errorf("snapshot %q: %w", snapID, errFakeNotFound)
}

func (h *historyFake) DeleteSnapshot(id, snapID string) error {
	h.hmu.Lock()
	defer h.hmu.Unlock()
	n := len(h.snaps[id])
	h.snaps[id] = slices.DeleteFunc(h.snaps[id], func(s fakeSnapshot) bool { return s.info.ID == snapID })
	if len(h.snaps[id]) == n {
		return fmt.Errorf("snapshot %q: %w", snapID, errFakeNotFound)
	}
	return nil
}

// screenTest is an open workspace on a fake store with history, in a test
// window, with a clock that moves a minute per reading.
type screenTest struct {
	t     *testing.T
	ui    *UI
	ws    *workspace
	store *historyFake
	clock time.Time
}

// newScreenTest opens project id of st in a workspace. It is the
// harness of fixture_test.go on any Store, as the history screen needs
// one that keeps a log.
func newScreenTest(t *testing.T, st Store, id string) *screenTest {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1400, 900))
	u := New(w, a, st, catalogue(t), IO{})
	u.background = func(f func()) { f() }
	u.now = func() time.Time { return testNow }
	if err := u.Open(id); err != nil {
		t.Fatalf("open: %v", err)
	}
	return &screenTest{t: t, ui: u, ws: u.ws}
}

// newHistoryTest opens the assistant project on a fake store with history.
func newHistoryTest(t *testing.T) *screenTest {
	t.Helper()
	clock := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	tick := func() time.Time { clock = clock.Add(time.Minute); return clock }
	h := newHistoryFake(newFakeStore(assistantProject()), tick)
	st := newScreenTest(t, h, assistantID)
	st.store = h
	return st
}

// screenOf returns the workspace's screen of type T.
func screenOf[T screen](t *testing.T, ws *workspace) T {
	t.Helper()
	v, ok := findScreen[T](ws)
	if !ok {
		t.Fatalf("no %T screen in the workspace", v)
	}
	return v
}

// apply commits a change and fails the test when it is refused.
func (st *screenTest) apply(c model.Change) {
	st.t.Helper()
	if !st.ws.apply(c) {
		st.t.Fatalf("apply %q: %v", c.Summary, st.ui.lastError)
	}
}

const assistantID = "assistant"

// assistantProject is a small AI assistant: a customer, a RAG chat app, a
// vector store, a search tool and a hosted model, with one accepted risk
// whose control names provisions 2.2 and 5.4.1.
func assistantProject() *model.Project {
	t0 := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	return &model.Project{
		Meta: model.ProjectMeta{ID: assistantID, Name: "Support assistant", Created: t0, Updated: t0},
		Boundaries: []model.Boundary{
			{ID: "corp", Name: "Company", Kind: model.BoundaryOrganisation},
			{ID: "vendor", Name: "Model vendor", Kind: model.BoundaryVendor},
		},
		Elements: []model.Element{
			{ID: "user", Kind: model.KindUser, Name: "Customer", Props: model.Props{}},
			{ID: "app", Kind: model.KindAIApp, Name: "Chat service", Boundary: "corp",
				Props: model.Props{"retrieval_augmented": true, "output_rendering": "markdown_html"}},
			{ID: "docs", Kind: model.KindVectorStore, Name: "Help articles", Boundary: "corp", Props: model.Props{}},
			{ID: "llm", Kind: model.KindExternalAPI, Name: "Hosted LLM", Boundary: "vendor", Props: model.Props{"third_party": true}},
		},
		Flows: []model.Flow{
			{ID: "f1", From: "user", To: "app", Name: "Question", Props: model.Props{}},
			{ID: "f2", From: "app", To: "llm", Name: "Prompt", Props: model.Props{}},
			{ID: "f3", From: "app", To: "docs", Name: "Retrieve", Props: model.Props{}},
		},
		Decisions: []model.Decision{{Finding: "AIT-044@app", Status: model.DecisionAccepted, Decided: t0}},
		Risks: []model.Risk{{
			ID: "R-001", Title: "Prompt injection", Finding: "AIT-044@app", Threat: "AIT-044",
			Elements: []string{"app"}, Likelihood: 4, Impact: 4, ResidualLikelihood: 2, ResidualImpact: 3,
			Treatment: model.TreatmentTreat, Status: model.RiskOpen,
			Controls: []model.Control{{Title: "Tag retrieved text as data", Status: model.ControlPlanned,
				Provisions: []string{"2.2", "5.4.1"}}},
		}},
		Provisions: []model.ProvisionStatus{{ID: "5.1", Status: model.ProvisionPartial, Evidence: "Asset register in the CMDB"}},
	}
}

// linksOf returns the links of a RichText.
func linksOf(rt *widget.RichText) []*widget.HyperlinkSegment {
	var out []*widget.HyperlinkSegment
	for _, seg := range rt.Segments {
		if l, ok := seg.(*widget.HyperlinkSegment); ok {
			out = append(out, l)
		}
	}
	return out
}

// richText returns the text of every segment of rt, lists and paragraphs
// included, a segment a line.
func richText(rt *widget.RichText) string { return segmentsText(rt.Segments) }

func segmentsText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		if block, ok := s.(widget.RichTextBlock); ok {
			b.WriteString(segmentsText(block.Segments()))
			continue
		}
		b.WriteString(s.Textual())
		b.WriteString("\n")
	}
	return b.String()
}

package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"airisk/model"
	"airisk/threats"
)

// addModel adds a self-hosted model, which brings new findings.
func addModel(st *screenTest) string {
	st.t.Helper()
	e := model.Element{ID: "tuned", Kind: model.KindModel, Name: "Tuned model", Boundary: "corp", Props: model.Props{}}
	st.apply(model.Change{Summary: "Add Tuned model", Ops: []model.Op{model.PutElement(e)}})
	return e.ID
}

// rescore changes R-001's inherent likelihood.
func rescore(st *screenTest, likelihood int) {
	st.t.Helper()
	r, _ := st.ws.state.Project.Risk("R-001")
	nr := r.Clone()
	nr.Likelihood = likelihood
	st.apply(model.Change{Summary: "Rescore R-001", Ops: []model.Op{model.PutRisk(nr)}})
}

func TestHistoryListsEdits(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*historyScreen](t, st.ws)
	st.ws.show(s)
	rescore(st, 2)

	if len(s.log.entries) != 1 {
		t.Fatalf("the log lists %d edits, want 1", len(s.log.entries))
	}
	e := s.log.entries[0]
	if e.Summary != "Rescore R-001" || e.User != "tester" {
		t.Errorf("got entry %q by %q, want Rescore R-001 by tester", e.Summary, e.User)
	}
	if got, want := logChanges(&e, st.ws.state.Project), "risk R-001 · R-001 likelihood 4 ⟶ 2"; got != want {
		t.Errorf("what changed = %q, want %q", got, want)
	}
	if s.log.rows[0].entry != nil || s.log.rows[0].day == "" {
		t.Errorf("first row = %+v, want a day heading", s.log.rows[0])
	}

	addModel(st)
	if got := s.log.entries[0].Summary; got != "Add Tuned model" {
		t.Errorf("newest entry = %q, want Add Tuned model first", got)
	}
	s.log.search.SetText("rescore")
	if got := s.log.count.Text; got != "1 of 2 edits" {
		t.Errorf("count after searching = %q, want 1 of 2 edits", got)
	}
}

func TestHistoryWaitsUntilShown(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*historyScreen](t, st.ws)
	rescore(st, 3)
	if len(s.log.entries) != 0 || !s.stale {
		t.Fatalf("the log was read while another screen was on show")
	}
	st.ws.show(s)
	if len(s.log.entries) != 1 {
		t.Errorf("the log lists %d edits once shown, want 1", len(s.log.entries))
	}
}

func TestSnapshotEditCompare(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*historyScreen](t, st.ws)
	st.ws.show(s)
	s.snaps.name.SetText("Before the workshop")
	test.Tap(s.snaps.take)
	if len(s.snaps.snaps) != 1 || s.snaps.snaps[0].Name != "Before the workshop" {
		t.Fatalf("snapshots = %+v, want one named Before the workshop", s.snaps.snaps)
	}
	id := addModel(st)
	rescore(st, 2)

	s.compare.compareWithNow(s.snaps.snaps[0])
	if s.tabs.SelectedIndex() != 2 {
		t.Errorf("tab on show = %d, want the compare tab", s.tabs.SelectedIndex())
	}
	d := s.compare.diff
	if d == nil {
		t.Fatal("no comparison shown")
	}
	if len(d.Elements.Added) != 1 || d.Elements.Added[0].ID != id {
		t.Errorf("elements added = %+v, want %s", d.Elements.Added, id)
	}
	if len(d.newFindings) == 0 {
		t.Error("no new findings for the new model")
	}
	for _, f := range d.newFindings {
		if f.Target != id {
			t.Errorf("new finding %s is not on the new element", f.Key)
		}
	}
	if len(d.Risks.Rescored) != 1 || d.Risks.Rescored[0].Before.Likelihood != 4 || d.Risks.Rescored[0].After.Likelihood != 2 {
		t.Errorf("rescored = %+v, want R-001 likelihood 4 ⟶ 2", d.Risks.Rescored)
	}
	text := richText(s.compare.body)
	for _, want := range []string{"Added: ", "Tuned model", "4 × 4 = 16 ⟶ 2 × 4 = 8", "New: "} {
		if !strings.Contains(text, want) {
			t.Errorf("the comparison lacks %q:\n%s", want, text)
		}
	}
	if !strings.Contains(s.compare.summary.Text, "1 element added") {
		t.Errorf("summary = %q, want it to count 1 element added", s.compare.summary.Text)
	}
}

func TestCompareTwoSnapshots(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*historyScreen](t, st.ws)
	st.ws.show(s)
	s.snaps.takeSnapshot("One")
	rescore(st, 1)
	s.snaps.takeSnapshot("Two")
	// Newest first: Two, One, now.
	s.compare.setPair(s.compare.from.Options[1], s.compare.from.Options[0])
	d := s.compare.diff
	if d == nil || len(d.Risks.Rescored) != 1 || !d.Elements.Empty() {
		t.Fatalf("One ⟶ Two = %+v, want only R-001 rescored", d)
	}
	s.compare.onSwap()
	if r := s.compare.diff.Risks.Rescored; len(r) != 1 || r[0].After.Likelihood != 4 {
		t.Errorf("Two ⟶ One = %+v, want R-001 back to likelihood 4", r)
	}
}

func TestRestoreSnapshotAndUndo(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*historyScreen](t, st.ws)
	st.ws.show(s)
	original := st.ws.state.Project.Clone()
	s.snaps.takeSnapshot("Baseline")
	addModel(st)
	st.apply(model.Change{Summary: "Delete Help articles", Ops: []model.Op{model.Del(model.EntityElement, "docs")}})
	rescore(st, 1)
	edited := st.ws.state.Project.Clone()

	s.snaps.askRestore(s.snaps.snaps[0])
	if s.snaps.confirm == nil {
		t.Fatal("restore did not ask first")
	}
	s.snaps.confirm.Confirm()

	if c := model.Compare(original, st.ws.state.Project); !c.Empty() {
		t.Errorf("after restore the project differs from the snapshot: %+v", c)
	}
	if c := model.Compare(original, st.store.stored(assistantID)); !c.Empty() {
		t.Errorf("after restore the stored project differs from the snapshot: %+v", c)
	}
	if summary, _ := st.ws.canUndo(); summary != `Restore snapshot "Baseline"` {
		t.Errorf("undo offers %q, want the restore", summary)
	}
	st.ws.undo()
	if c := model.Compare(edited, st.ws.state.Project); !c.Empty() {
		t.Errorf("after undoing the restore the project differs from the edited one: %+v", c)
	}
}

func TestDeleteSnapshot(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*historyScreen](t, st.ws)
	st.ws.show(s)
	s.snaps.takeSnapshot("Old")
	s.snaps.askDelete(s.snaps.snaps[0])
	s.snaps.confirm.Confirm()
	if len(s.snaps.snaps) != 0 {
		t.Errorf("snapshots after delete = %+v, want none", s.snaps.snaps)
	}
	if s.compare.diff != nil {
		t.Error("the comparison still shows a deleted snapshot")
	}
}

func TestHistoryWithoutHistoryStore(t *testing.T) {
	st := newScreenTest(t, newFakeStore(assistantProject()), assistantID)
	s := screenOf[*historyScreen](t, st.ws)
	st.ws.show(s)
	if s.store != nil {
		t.Fatal("a store without history was taken for a HistoryStore")
	}
	shown := test.LaidOutObjects(s.content)
	if !slices.Contains(shown, fyne.CanvasObject(s.unavailable.RichText)) || slices.Contains(shown, fyne.CanvasObject(s.tabs)) {
		t.Error("the screen does not say that history is unavailable instead of showing the tabs")
	}
	if !strings.Contains(s.unavailable.String(), "does not keep") {
		t.Errorf("got message %q, want one saying the database does not keep history", s.unavailable.String())
	}
}

func TestRestoreChange(t *testing.T) {
	base := assistantProject()
	tests := []struct {
		name string
		edit func(p *model.Project)
	}{
		{"nothing changed", func(*model.Project) {}},
		{"element added", func(p *model.Project) {
			p.Elements = append(p.Elements, model.Element{ID: "extra", Kind: model.KindDataStore, Name: "Extra", Props: model.Props{}})
		}},
		{"element and its flow deleted", func(p *model.Project) {
			p.Elements = p.Elements[:2]
			p.Flows = p.Flows[:1]
		}},
		{"renamed project and new scoring", func(p *model.Project) {
			p.Meta.Name = "Renamed"
			s := model.DefaultScoring()
			s.Appetite = 4
			p.Scoring = &s
		}},
		{"checklist answered", func(p *model.Project) {
			p.Provisions = append(p.Provisions, model.ProvisionStatus{ID: "1.1", Status: model.ProvisionMet})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cur := base.Clone()
			tt.edit(cur)
			if err := cur.Validate(); err != nil {
				t.Fatalf("the edited fixture is invalid: %v", err)
			}
			c := completeDeletes(cur, restoreChange(cur, base, "Base"))
			got := cur.Clone()
			if _, err := got.Apply(c); err != nil {
				t.Fatalf("the restore does not apply: %v", err)
			}
			if cmp := model.Compare(base, got); !cmp.Empty() {
				t.Errorf("got %+v after restore, want no difference", cmp)
			}
			if got.Meta.Name != base.Meta.Name || len(got.Provisions) != len(base.Provisions) ||
				(got.Scoring == nil) != (base.Scoring == nil) {
				t.Errorf("got meta %q, %d provisions, scoring %v; want the snapshot's", got.Meta.Name, len(got.Provisions), got.Scoring)
			}
		})
	}
}

func TestRestoreKeepsStaleDecisions(t *testing.T) {
	snap := assistantProject()
	snap.Decisions = append(snap.Decisions, model.Decision{Finding: "AIT-001@gone", Status: model.DecisionDismissed, Reason: "Old"})
	cur := snap.Clone()
	cur.Elements = append(cur.Elements, model.Element{ID: "gone", Kind: model.KindModel, Name: "Back again", Props: model.Props{}})
	c := completeDeletes(cur, restoreChange(cur, snap, "Snap"))
	if _, err := cur.Apply(c); err != nil {
		t.Fatal(err)
	}
	if _, ok := cur.Decision("AIT-001@gone"); !ok {
		t.Error("restoring dropped a decision the snapshot keeps")
	}
}

func TestLogRowsAndText(t *testing.T) {
	now := time.Date(2026, 11, 21, 15, 0, 0, 0, time.Local)
	p := assistantProject()
	entries := []LogEntry{
		{Seq: 3, Time: now.Add(-time.Hour), Summary: "Rename", Ops: []LogOp{{Entity: model.EntityElement, ID: "app"}}},
		{Seq: 2, Time: now.AddDate(0, 0, -1), Summary: "Delete", Ops: []LogOp{{Entity: model.EntityElement, ID: "old", Deleted: true}}},
		{Seq: 1, Time: now.AddDate(0, 0, -3), Summary: "Paste", Ops: []LogOp{
			{Entity: model.EntityElement, ID: "a"}, {Entity: model.EntityElement, ID: "b"},
			{Entity: model.EntityFlow, ID: "f9"}, {Entity: model.EntityRisk, ID: "R-009"}},
			Scores: []ScoreChange{{Risk: "R-009", Field: "likelihood", After: 3}, {Risk: "R-009", Field: "residual_impact", Before: 2}}},
	}
	rows := logRows(entries, p, "", now)
	var days []string
	for _, r := range rows {
		if r.entry == nil {
			days = append(days, r.day)
		}
	}
	wantDays := []string{"Today", "Yesterday", now.AddDate(0, 0, -3).Format("Monday 2 January 2006")}
	if strings.Join(days, "|") != strings.Join(wantDays, "|") {
		t.Errorf("got days %q, want %q", days, wantDays)
	}
	tests := []struct {
		name string
		e    LogEntry
		want string
	}{
		{"named from the project", entries[0], "element Chat service"},
		{"deleted", entries[1], "element old deleted"},
		{"counted with scores", entries[2], "2 elements, 1 flow, 1 risk · R-009 likelihood – ⟶ 3, residual impact 2 ⟶ –"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := logChanges(&tt.e, p); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDiffSummary(t *testing.T) {
	cat, err := threats.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	before := assistantProject()
	if got := diffProjects(before, before.Clone(), cat).summary(); !strings.HasPrefix(got, "No differences") {
		t.Errorf("same project: got %q, want No differences", got)
	}
	after := before.Clone()
	after.Risks[0].Status = model.RiskClosed
	after.Elements = after.Elements[:3]
	after.Flows = after.Flows[:1]
	after.Provisions = append(after.Provisions, model.ProvisionStatus{ID: "1.1", Status: model.ProvisionMet})
	got := diffProjects(before, after, cat).summary()
	for _, want := range []string{"1 element removed", "2 flows removed", "findings gone", "1 risk status changed",
		"1 checklist answer changed"} {
		if !strings.Contains(got, want) {
			t.Errorf("summary %q lacks %q", got, want)
		}
	}
}

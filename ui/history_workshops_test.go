package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// runRecordedWorkshop takes a snapshot, rescores R-001, parks a question,
// takes another snapshot and stores the session record of it all.
func runRecordedWorkshop(st *screenTest, s *historyScreen) model.Workshop {
	st.t.Helper()
	s.snaps.takeSnapshot("Before workshop Design review")
	before := s.snaps.snaps[0].ID
	rescore(st, 2)
	s.snaps.takeSnapshot("After workshop Design review")
	after := s.snaps.snaps[0].ID
	start := time.Date(2026, 11, 21, 14, 0, 0, 0, time.UTC)
	w := model.Workshop{
		ID: "W-001", Title: "Design review", Facilitator: "Ana Pereira", Attendees: []string{"Ben Ode", "Chen Li"},
		Started: start, Ended: start.Add(95 * time.Minute), Decided: []string{"AIT-044@app"},
		RisksChanged: []string{"R-001"}, Parking: []model.ParkingItem{{Text: "Who reviews retrieved articles?", Element: "docs", Raised: start}},
		SnapshotBefore: before, SnapshotAfter: after,
	}
	st.apply(model.Change{Summary: "End workshop Design review", Ops: []model.Op{model.PutWorkshop(w)}})
	return w
}

func TestHistoryShowsWorkshops(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*historyScreen](t, st.ws)
	st.ws.show(s)
	if s.workshops.none.Hidden {
		t.Error("the Workshops tab does not say that no workshop was run")
	}
	w := runRecordedWorkshop(st, s)
	if !s.workshops.none.Hidden {
		t.Error("the Workshops tab still says that no workshop was run")
	}
	text := workshopsTabText(s.workshops)
	for _, want := range []string{"Design review", "Ana Pereira", "Ben Ode, Chen Li", "1 h 35 min",
		"Decisions (1)", "Risks changed (1)", "Who reviews retrieved articles?", "Help articles"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Workshops tab lacks %q:\n%s", want, text)
		}
	}
	b := s.workshops.compareButtons[w.ID]
	if b == nil || b.Disabled() {
		t.Fatal("no enabled compare button for a workshop with both snapshots")
	}
	test.Tap(b)
	if s.tabs.SelectedIndex() != 2 {
		t.Errorf("tab on show = %d, want the compare tab", s.tabs.SelectedIndex())
	}
	d := s.compare.diff
	if d == nil || len(d.Risks.Rescored) != 1 || d.Risks.Rescored[0].After.Likelihood != 2 {
		t.Errorf("before ⟶ after = %+v, want R-001 rescored to likelihood 2", d)
	}
}

func TestHistoryWorkshopWithoutSnapshots(t *testing.T) {
	cases := []struct {
		name          string
		before, after string
	}{
		{"still running", "keep", ""},
		{"before deleted", "gone", "keep"},
		{"no snapshots", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := newHistoryTest(t)
			s := screenOf[*historyScreen](t, st.ws)
			st.ws.show(s)
			info, err := st.store.Snapshot(assistantID, "Before")
			if err != nil {
				t.Fatal(err)
			}
			pick := func(v string) string {
				if v == "keep" {
					return info.ID
				}
				return v
			}
			w := model.Workshop{ID: "W-001", Title: "Kick-off", Started: time.Date(2026, 11, 21, 14, 0, 0, 0, time.UTC),
				SnapshotBefore: pick(tc.before), SnapshotAfter: pick(tc.after)}
			st.apply(model.Change{Summary: "Start workshop Kick-off", Ops: []model.Op{model.PutWorkshop(w)}})
			if b := s.workshops.compareButtons[w.ID]; b == nil || !b.Disabled() {
				t.Errorf("compare button enabled for before %q, after %q", w.SnapshotBefore, w.SnapshotAfter)
			}
		})
	}
}

// workshopsTabText returns the text of every label and rich text of the
// Workshops tab.
func workshopsTabText(h *historyWorkshops) string {
	var b strings.Builder
	for _, o := range test.LaidOutObjects(h.box) {
		switch v := o.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.RichText:
			b.WriteString(richText(v))
		}
	}
	return b.String()
}

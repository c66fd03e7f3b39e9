package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestWorkshopLeaveAndResume(t *testing.T) {
	wt := newWorkshopTest(t)
	v := wt.startByKeyboard()
	c := v.win.Canvas()
	wt.press(c, fyne.KeyEscape, 0)
	wt.press(c, fyne.KeyEscape, 0) // Esc again stays
	if v.closed || v.leaving {
		t.Fatal("a second Esc should keep the workshop window open")
	}
	wt.press(c, fyne.KeyEscape, 0)
	wt.letter(c, 'l')
	if !v.closed {
		t.Fatal("Esc then L did not leave the workshop window")
	}
	if w := wt.record(v.id); !w.Running() {
		t.Fatal("leaving the window ended the workshop")
	}
	wt.ws.startWorkshop()
	s := wt.ws.workshopsScreen()
	if s.view == v || s.view == nil || s.view.id != v.id {
		t.Fatalf("Start workshop with one running did not resume it in a new window")
	}
	if got := len(wt.ws.state.Project.Workshops); got != 1 {
		t.Errorf("got %d workshop records after resuming, want 1", got)
	}
}

func TestWorkshopTimerAndAgenda(t *testing.T) {
	wt := newWorkshopTest(t)
	v := wt.startByKeyboard()
	c := v.win.Canvas()
	first := v.stopID
	wt.clock = wt.clock.Add(4*time.Minute + 5*time.Second)
	v.tick()
	if got := v.clock.Text; got != "This element 4:05 · Total 4:05" {
		t.Errorf("got clock %q, want 4:05 here and in total", got)
	}
	wt.press(c, fyne.KeyDown, 0)
	if v.stopID == first || v.stop != 1 {
		t.Fatalf("Down did not move to the second element (at %s)", v.stopID)
	}
	wt.clock = wt.clock.Add(time.Minute)
	v.tick()
	if got := v.clock.Text; got != "This element 1:00 · Total 5:05" {
		t.Errorf("got clock %q, want 1:00 here, 5:05 in total", got)
	}
	if got := v.agenda.rows[0].detail.Text; !strings.HasSuffix(got, "· 4:05") {
		t.Errorf("got the first agenda row %q, want the 4:05 spent there", got)
	}
	wt.press(c, fyne.KeyUp, 0)
	wt.press(c, fyne.KeyLeft, 0) // before the first card: stays, says so
	if v.stop != 0 || v.card != 0 || !strings.Contains(v.banner.Text, "first threat") {
		t.Errorf("got stop %d card %d, banner %q; want the first card of the first element", v.stop, v.card, v.banner.Text)
	}
}

func TestWorkshopUndoStartClosesWindow(t *testing.T) {
	wt := newWorkshopTest(t)
	v := wt.startByKeyboard()
	v.undo()
	if !v.closed {
		t.Fatal("undoing the start left the workshop window open")
	}
	if n := len(wt.ws.state.Project.Workshops); n != 0 {
		t.Errorf("got %d workshop records after undo, want 0", n)
	}
}

// TestWorkshopWithoutSnapshots runs a workshop on a store that keeps no
// snapshots: the comparison uses the copy kept when it started.
func TestWorkshopWithoutSnapshots(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	p := sampleProject(t)
	u := New(w, a, newFakeStore(p), catalogue(t), IO{})
	u.background = func(f func()) { f() }
	u.now = func() time.Time { return testNow }
	if err := u.Open(p.Meta.ID); err != nil {
		t.Fatalf("open: %v", err)
	}
	wt := &workshopTest{t: t, ui: u, ws: u.ws, clock: testNow}
	u.ws.startWorkshop()
	sd := u.ws.workshopsScreen().start
	sd.start()
	v := u.ws.workshopsScreen().view
	c := v.win.Canvas()
	wt.letter(c, 'a')
	wt.press(c, fyne.KeyEscape, 0)
	wt.letter(c, 'e')
	rec, _ := u.ws.state.Project.Workshop(v.id)
	if rec.SnapshotBefore != "" || rec.SnapshotAfter != "" || rec.Running() {
		t.Errorf("got snapshots %q/%q, running %v; want none and ended", rec.SnapshotBefore, rec.SnapshotAfter, rec.Running())
	}
	if v.summary.diff == nil || len(v.summary.diff.Risks.Created) != 1 {
		t.Fatalf("got comparison %+v, want the accepted risk as created", v.summary.diff)
	}
}

func TestWorkshopsScreen(t *testing.T) {
	wt := newWorkshopTest(t)
	s := wt.ws.workshopsScreen()
	wt.ws.show(s)
	if s.detail.content.Visible() || s.none.Hidden {
		t.Error("with no workshops the screen should say how to start one")
	}
	v := wt.startByKeyboard()
	wt.letter(v.win.Canvas(), 'a')
	if got := s.navBadge(); got != "running" {
		t.Errorf("got badge %q, want running", got)
	}
	wt.press(v.win.Canvas(), fyne.KeyEscape, 0)
	wt.letter(v.win.Canvas(), 'e')
	wt.ws.show(s)
	if len(s.sessions) != 1 || s.selected != v.id {
		t.Fatalf("got %d sessions, selected %q; want the one ended", len(s.sessions), s.selected)
	}
	if text := richText(s.detail.session); !strings.Contains(text, "Priya, Sam") {
		t.Errorf("the session record lacks the attendees:\n%s", text)
	}
	if text := richText(s.actions); !strings.Contains(text, "No owner yet") {
		t.Errorf("the action lists lack the unowned risk just accepted:\n%s", text)
	}
	if s.navBadge() != "" {
		t.Error("the badge still says running after the end")
	}
}

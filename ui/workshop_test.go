package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"airisk/model"
)

// workshopTest is the sample project open on the fake store with history,
// with a clock the test moves.
type workshopTest struct {
	t     *testing.T
	ui    *UI
	ws    *workspace
	store *historyFake
	clock time.Time
}

func newWorkshopTest(t *testing.T) *workshopTest {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1400, 900))
	p := sampleProject(t)
	wt := &workshopTest{t: t, clock: time.Date(2026, 12, 20, 14, 0, 0, 0, time.UTC)}
	wt.store = newHistoryFake(newFakeStore(p), func() time.Time { return wt.clock })
	wt.ui = New(w, a, wt.store, catalogue(t), IO{})
	wt.ui.background = func(f func()) { f() }
	wt.ui.now = func() time.Time { return wt.clock }
	if err := wt.ui.Open(p.Meta.ID); err != nil {
		t.Fatalf("open the sample: %v", err)
	}
	wt.ws = wt.ui.ws
	return wt
}

// focused is the widget that has the keyboard in c.
func (wt *workshopTest) focused(c fyne.Canvas) fyne.Focusable {
	wt.t.Helper()
	f := c.Focused()
	if f == nil {
		wt.t.Fatal("nothing has the keyboard focus")
	}
	return f
}

// press sends one key press to the focused widget the way the desktop
// driver does: key down, typed key, then the character it types (r, 0
// for none), key up.
func (wt *workshopTest) press(c fyne.Canvas, name fyne.KeyName, r rune) {
	wt.t.Helper()
	f := wt.focused(c)
	ev := &fyne.KeyEvent{Name: name}
	if k, ok := f.(desktop.Keyable); ok {
		k.KeyDown(ev)
	}
	f.TypedKey(ev)
	if r != 0 {
		wt.focused(c).TypedRune(r)
	}
	if k, ok := wt.focused(c).(desktop.Keyable); ok {
		k.KeyUp(ev)
	}
}

// letter presses a letter key.
func (wt *workshopTest) letter(c fyne.Canvas, r rune) {
	wt.press(c, fyne.KeyName(strings.ToUpper(string(r))), r)
}

// shifted presses a key with Shift held.
func (wt *workshopTest) shifted(c fyne.Canvas, name fyne.KeyName, r rune) {
	wt.t.Helper()
	shift := &fyne.KeyEvent{Name: desktop.KeyShiftLeft}
	if k, ok := wt.focused(c).(desktop.Keyable); ok {
		k.KeyDown(shift)
	}
	wt.press(c, name, r)
	if k, ok := wt.focused(c).(desktop.Keyable); ok {
		k.KeyUp(shift)
	}
}

// typeText types text into the focused widget, a character at a time.
func (wt *workshopTest) typeText(c fyne.Canvas, text string) {
	wt.t.Helper()
	for _, r := range text {
		wt.focused(c).TypedRune(r)
	}
}

// startByKeyboard fills the start dialog from the keyboard and starts.
func (wt *workshopTest) startByKeyboard() *workshopView {
	wt.t.Helper()
	wt.ws.startWorkshop()
	s := wt.ws.workshopsScreen()
	if s == nil || s.start == nil {
		wt.t.Fatal("Start workshop opened no dialog")
	}
	sd := s.start
	c := wt.ui.win.Canvas()
	sd.title.SetText("")
	wt.typeText(c, "Design review")
	c.Focus(sd.attendees)
	wt.typeText(c, "Priya")
	wt.press(c, fyne.KeyReturn, 0)
	wt.typeText(c, "Sam")
	c.Focus(sd.facilitator)
	wt.typeText(c, "Alex")
	wt.press(c, fyne.KeyReturn, 0)
	if s.view == nil {
		wt.t.Fatalf("Enter in the start dialog opened no workshop window (last error: %v)", wt.ui.lastError)
	}
	return s.view
}

// record is the session record as stored.
func (wt *workshopTest) record(id string) model.Workshop {
	wt.t.Helper()
	p := wt.store.stored(wt.ws.state.Project.Meta.ID)
	w, ok := p.Workshop(id)
	if !ok {
		wt.t.Fatalf("the store holds no workshop %s", id)
	}
	return *w
}

func TestWorkshopRunByKeyboard(t *testing.T) {
	wt := newWorkshopTest(t)
	v := wt.startByKeyboard()
	c := v.win.Canvas()
	w := wt.record(v.id)
	checkStarted(t, wt, w)
	if got := c.Focused(); got != v.keys {
		t.Fatalf("got focus on %T, want the workshop view", got)
	}

	accepted, risk := wt.acceptScored(v)
	wt.press(c, fyne.KeyRight, 0)
	dismissed, changed := wt.dismissWithReason(v)

	// Card 3: skip it; then park a question.
	wt.press(c, fyne.KeyRight, 0)
	skipped := v.cardKey
	wt.letter(c, 's')
	if v.cardKey == skipped {
		t.Error("S did not move on to the next threat")
	}
	wt.letter(c, 'p')
	wt.typeText(c, "Who curates the help-centre articles?")
	wt.press(c, fyne.KeyReturn, 0)

	// End: Esc, then E.
	wt.clock = wt.clock.Add(47 * time.Minute)
	wt.press(c, fyne.KeyEscape, 0)
	wt.letter(c, 'e')
	w = wt.record(v.id)
	checkEnded(t, wt, v, w, []string{accepted, dismissed, skipped, risk.ID}, changed)
	checkUndo(t, wt, v)
}

// acceptScored scores the card on show with 1-5 and Shift+1-5 (levels
// other than the threat's defaults), accepts it and gives its risk an
// owner; it checks the register and returns the finding and its risk.
func (wt *workshopTest) acceptScored(v *workshopView) (string, model.Risk) {
	wt.t.Helper()
	c := v.win.Canvas()
	key := v.cardKey
	f, _ := wt.ws.state.Finding(key)
	l, i := f.Threat.Likelihood%5+1, f.Threat.Impact%5+1
	wt.press(c, fyne.KeyName(rune('0'+l)), rune('0'+l))
	wt.shifted(c, fyne.KeyName(rune('0'+i)), []rune(")!@#$%")[i])
	wt.letter(c, 'a')
	wt.letter(c, 'o')
	wt.typeText(c, "Priya")
	wt.press(c, fyne.KeyReturn, 0)
	risk, ok := riskFor(wt.store.stored(wt.ws.state.Project.Meta.ID), key)
	switch {
	case !ok:
		wt.t.Fatalf("no risk in the register for %s after A", key)
	case risk.Likelihood != l || risk.Impact != i:
		wt.t.Errorf("got risk scored %d x %d, want %d x %d as typed", risk.Likelihood, risk.Impact, l, i)
	case risk.Owner != "Priya":
		wt.t.Errorf("got owner %q, want Priya", risk.Owner)
	}
	return key, *risk
}

// dismissWithReason dismisses the card on show with the first common
// reason, picked with the arrow keys. It returns the finding and the risks
// the dismissal should count as changed (a risk accepted from it earlier).
func (wt *workshopTest) dismissWithReason(v *workshopView) (string, []string) {
	wt.t.Helper()
	c := v.win.Canvas()
	key := v.cardKey
	var changed []string
	if r, ok := riskFor(wt.ws.state.Project, key); ok {
		changed = append(changed, r.ID)
	}
	wt.letter(c, 'd')
	if !v.prompting() {
		wt.t.Fatal("D opened no reason prompt")
	}
	wt.press(c, fyne.KeyDown, 0)
	wt.press(c, fyne.KeyReturn, 0)
	if d, ok := wt.ws.state.Project.Decision(key); !ok || d.Status != model.DecisionDismissed || d.Reason != dismissReasons[0] {
		wt.t.Errorf("got decision %+v on %s, want dismissed with %q", d, key, dismissReasons[0])
	}
	return key, changed
}

func checkStarted(t *testing.T, wt *workshopTest, w model.Workshop) {
	t.Helper()
	snaps, _ := wt.store.Snapshots(wt.ws.state.Project.Meta.ID)
	if len(snaps) != 1 || snaps[0].Name != "Before workshop Design review" || w.SnapshotBefore != snaps[0].ID {
		t.Errorf("got snapshots %+v and SnapshotBefore %q, want one named Before workshop Design review", snaps, w.SnapshotBefore)
	}
	if w.Title != "Design review" || w.Facilitator != "Alex" || !slices.Equal(w.Attendees, []string{"Priya", "Sam"}) {
		t.Errorf("got title %q, facilitator %q, attendees %q; want Design review, Alex, [Priya Sam]", w.Title, w.Facilitator, w.Attendees)
	}
	if !w.Running() || len(w.Agenda) == 0 {
		t.Errorf("got running %v with agenda %v, want a running workshop with an agenda", w.Running(), w.Agenda)
	}
}

// checkEnded checks the record and the comparison; keys are the accepted,
// dismissed and skipped findings and the risk created.
func checkEnded(t *testing.T, wt *workshopTest, v *workshopView, w model.Workshop, keys, changed []string) {
	t.Helper()
	accepted, dismissed, skipped, riskID := keys[0], keys[1], keys[2], keys[3]
	if w.Running() || w.SnapshotAfter == "" || w.Duration(w.Ended) != 47*time.Minute {
		t.Errorf("got ended %v, snapshot after %q, duration %v; want ended, a snapshot, 47m", w.Ended, w.SnapshotAfter, w.Duration(w.Ended))
	}
	if !slices.Equal(w.Decided, []string{accepted, dismissed}) {
		t.Errorf("got decided %v, want [%s %s] (%s was skipped)", w.Decided, accepted, dismissed, skipped)
	}
	if !slices.Equal(w.RisksCreated, []string{riskID}) || !slices.Equal(w.RisksChanged, changed) {
		t.Errorf("got risks created %v and changed %v, want [%s] and %v", w.RisksCreated, w.RisksChanged, riskID, changed)
	}
	if len(w.Parking) != 1 || w.Parking[0].Text != "Who curates the help-centre articles?" {
		t.Errorf("got parking lot %+v, want the question typed", w.Parking)
	}
	snaps, _ := wt.store.Snapshots(wt.ws.state.Project.Meta.ID)
	if len(snaps) != 2 || snaps[1].Name != "After workshop Design review" || snaps[1].ID != w.SnapshotAfter {
		t.Errorf("got snapshots %+v, want Before and After workshop Design review", snaps)
	}
	if !v.ended || v.summary.diff == nil {
		t.Fatal("ending did not show the comparison")
	}
	created := v.summary.diff.Risks.Created
	if len(created) != 1 || created[0].ID != riskID {
		t.Errorf("got risks created in the comparison %+v, want %s", created, riskID)
	}
	if text := richText(v.summary.changes); !strings.Contains(text, riskID) {
		t.Errorf("the comparison does not list %s:\n%s", riskID, text)
	}
}

// checkUndo undoes the end (the workshop runs again) and the parking.
func checkUndo(t *testing.T, wt *workshopTest, v *workshopView) {
	t.Helper()
	c := v.win.Canvas()
	wt.press(c, fyne.KeyLeft, 0) // the summary's tabs: nothing to undo
	v.undo()
	if w := wt.record(v.id); !w.Running() || v.ended {
		t.Fatalf("after undo got running %v (view ended %v), want the workshop running again", w.Running(), v.ended)
	}
	v.undo()
	if w := wt.record(v.id); len(w.Parking) != 0 {
		t.Errorf("after a second undo got %d parked, want 0", len(w.Parking))
	}
}

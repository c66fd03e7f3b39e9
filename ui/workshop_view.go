package ui

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// workshopHints lists the keys at the foot of the workshop view.
const workshopHints = "A accept · D dismiss · S skip · 1–5 likelihood · Shift+1–5 impact · O owner · N note · " +
	"P park · Left/Right threats · Up/Down elements · Ctrl+Z undo · Esc leave"

// workshopView is the full-screen window a facilitator puts on the
// projector: it walks the agenda element by element and each element's
// suggested threats card by card, and takes the decisions from the
// keyboard. Every decision goes through the workspace's apply, with the
// session record's update in the same edit.
type workshopView struct {
	ws  *workspace
	id  string
	win fyne.Window
	th  fyne.Theme
	// before is the project as the workshop started, kept for the
	// comparison when the store takes no snapshots.
	before *model.Project

	stops   []agendaStop
	stop    int
	card    int
	stopID  string
	cardKey string
	entered time.Time
	spent   map[string]time.Duration
	skipped map[string]bool
	leaving bool
	closed  bool
	ended   bool
	prompt  *workshopPrompt
	anim    *fyne.Animation
	shown   string

	keys    *workshopKeys
	root    *container.ThemeOverride
	pages   *fyne.Container
	walk    fyne.CanvasObject
	summary *workshopSummary
	heading *widget.Label
	clock   *widget.Label
	agenda  *workshopAgendaList
	parking *widget.RichText
	// sideTabs switch between the agenda and the parking lot.
	sideTabs *container.AppTabs
	mini     *workshopMini
	cardV    *workshopCard
	banner   *widget.Label
}

func newWorkshopView(ws *workspace, id string, before *model.Project) *workshopView {
	v := &workshopView{ws: ws, id: id, before: before, th: ws.workshopTheme(),
		spent: map[string]time.Duration{}, skipped: map[string]bool{}, entered: ws.ui.now()}
	v.win = ws.ui.app.NewWindow("Workshop - " + appName)
	v.build()
	v.installKeys()
	v.win.SetCloseIntercept(v.leave)
	v.win.Resize(fyne.NewSize(1600, 900))
	v.win.SetFullScreen(true)
	return v
}

// build lays the window out: the heading and clock on top, the miniature,
// agenda and parking lot on the left, the card in the middle, the last
// action and the keys at the foot.
func (v *workshopView) build() {
	v.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.heading.SizeName = theme.SizeNameSubHeadingText
	v.heading.Truncation = fyne.TextTruncateEllipsis
	v.clock = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	end := widget.NewButtonWithIcon("End workshop", theme.MediaStopIcon(), v.askEnd)
	end.Importance = widget.DangerImportance
	leave := widget.NewButtonWithIcon("Leave", theme.LogoutIcon(), v.leave)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(v.clock, leave, end), v.heading)
	v.mini = newWorkshopMini()
	v.mini.onError = func(err error) { v.say(sentence(err.Error())) }
	v.agenda = newWorkshopAgendaList(v.goToStop)
	v.parking = widget.NewRichText()
	v.parking.Wrapping = fyne.TextWrapWord
	v.sideTabs = container.NewAppTabs(
		container.NewTabItem("Agenda", container.NewVScroll(v.agenda.box)),
		container.NewTabItem("Parking lot", container.NewVScroll(v.parking)))
	v.sideTabs.OnSelected = func(*container.TabItem) { v.root.Refresh() }
	side := container.NewVSplit(v.mini, v.sideTabs)
	side.Offset = 0.38
	v.cardV = newWorkshopCard()
	main := container.NewHSplit(side, v.cardV.content)
	main.Offset = 0.28
	v.banner = widget.NewLabel("")
	v.banner.Wrapping = fyne.TextWrapWord
	hints := widget.NewLabel(workshopHints)
	hints.Wrapping = fyne.TextWrapWord
	hints.SizeName = theme.SizeNameCaptionText
	foot := container.NewVBox(widget.NewSeparator(), v.banner, hints)
	v.walk = container.NewBorder(container.NewVBox(top, widget.NewSeparator()), foot, nil, nil, main)
	v.summary = newWorkshopSummary(v.leave)
	v.summary.onTab = func() { v.root.Refresh() }
	v.pages = container.NewStack(v.walk)
	v.root = container.NewThemeOverride(container.NewPadded(v.pages), v.th)
	v.keys = newWorkshopKeys(v.root)
	v.keys.onRune, v.keys.onKey = v.onRune, v.onKey
	v.win.SetContent(v.keys)
}

// installKeys routes keys that reach the window with nothing focused to
// the same handlers, and gives the window undo and redo.
func (v *workshopView) installKeys() {
	c := v.win.Canvas()
	c.SetOnTypedRune(v.keys.TypedRune)
	c.SetOnTypedKey(v.keys.TypedKey)
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(v.keys.KeyDown)
		dc.SetOnKeyUp(v.keys.KeyUp)
	}
	undo := func(fyne.Shortcut) { v.undo() }
	redo := func(fyne.Shortcut) { v.redo() }
	c.AddShortcut(&fyne.ShortcutUndo{}, undo)
	c.AddShortcut(&fyne.ShortcutRedo{}, redo)
	c.AddShortcut(shortcut(fyne.KeyZ, fyne.KeyModifierShift), redo)
}

// show puts the window up, starts the clock and takes the keyboard.
func (v *workshopView) show() {
	v.refresh()
	v.sayStop()
	v.win.Show()
	v.focus()
	v.anim = fyne.NewAnimation(time.Second, func(float32) { v.tick() })
	v.anim.RepeatCount = fyne.AnimationRepeatForever
	v.anim.Curve = fyne.AnimationLinear
	v.anim.Start()
}

// focus gives the keyboard back to the view.
func (v *workshopView) focus() {
	if !v.closed {
		v.win.Canvas().Focus(v.keys)
	}
}

// record is the session record as the project holds it now.
func (v *workshopView) record() (model.Workshop, bool) {
	w, ok := v.ws.state.Project.Workshop(v.id)
	if !ok {
		return model.Workshop{}, false
	}
	return *w, true
}

// refresh follows the project after any edit, undo or redo, from this
// window or the main one.
func (v *workshopView) refresh() {
	if v.closed {
		return
	}
	w, ok := v.record()
	if !ok {
		v.ws.setStatus("The workshop record was undone, so its window closed.")
		v.leave()
		return
	}
	if !w.Running() {
		v.showSummary(w)
		return
	}
	if v.ended {
		v.ended = false
		v.pages.Objects = []fyne.CanvasObject{v.walk}
		v.pages.Refresh()
	}
	v.stops = arrange(planStops(v.ws.state), w.Agenda)
	v.locate()
	v.render(w)
}

// locate finds the current stop and card again after the findings were
// recomputed, by id where they survive, by position otherwise.
func (v *workshopView) locate() {
	if i := slices.IndexFunc(v.stops, func(s agendaStop) bool { return s.ID == v.stopID }); i >= 0 {
		v.stop = i
	}
	v.stop = max(0, min(v.stop, len(v.stops)-1))
	if len(v.stops) == 0 {
		v.stopID, v.cardKey, v.card = "", "", 0
		return
	}
	s := v.stops[v.stop]
	if i := slices.Index(s.Cards, v.cardKey); i >= 0 {
		v.card = i
	}
	v.card = max(0, min(v.card, len(s.Cards)-1))
	v.stopID, v.cardKey = s.ID, s.Cards[v.card]
}

// render shows the current stop and card.
func (v *workshopView) render(w model.Workshop) {
	st := v.ws.state
	v.heading.SetText(fmt.Sprintf("Workshop · %s", w.Title))
	v.mini.show(st.Project, v.ws.ui.background)
	v.mini.highlight(v.stopID)
	v.agenda.show(v.stops, v.stop, st.Project, v.stopTimes())
	v.parking.Segments = flatSegments(parkingSegments(w, st.Project))
	v.parking.Refresh()
	if label := fmt.Sprintf("Parking lot (%d)", len(w.Parking)); v.sideTabs.Items[1].Text != label {
		v.sideTabs.Items[1].Text = label
		v.sideTabs.Refresh()
	}
	if len(v.stops) == 0 {
		v.cardV.showNone()
	} else {
		v.cardV.show(st, v.stops[v.stop], v.card, v.skipped[v.cardKey])
	}
	// New rows, list items and text objects take the workshop's scale
	// only when the override refreshes them.
	v.root.Refresh()
	v.tick()
}

// stopTimes is the time spent at each stop, the current one included.
func (v *workshopView) stopTimes() map[string]time.Duration {
	out := make(map[string]time.Duration, len(v.spent)+1)
	for k, d := range v.spent {
		out[k] = d
	}
	if v.stopID != "" {
		out[v.stopID] += max(0, v.ws.ui.now().Sub(v.entered))
	}
	return out
}

// tick updates the clock when the second it shows has passed.
func (v *workshopView) tick() {
	if v.ws.ui.ws != v.ws {
		v.leave() // the project was closed under the window
		return
	}
	w, ok := v.record()
	if !ok || v.closed || v.ended {
		return
	}
	now := v.ws.ui.now()
	here := v.stopTimes()[v.stopID]
	text := fmt.Sprintf("This element %s · Total %s", clockText(here), clockText(w.Duration(now)))
	if text != v.shown {
		v.shown = text
		v.clock.SetText(text)
		v.agenda.showTime(v.stop, here)
	}
}

// clockText reads 4:05 under an hour and 1:02:45 over it.
func clockText(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// goTo moves to a stop and card, booking the time spent at the stop left.
func (v *workshopView) goTo(stop, card int) {
	if stop < 0 || stop >= len(v.stops) {
		return
	}
	s := v.stops[stop]
	card = max(0, min(card, len(s.Cards)-1))
	if s.ID != v.stopID {
		now := v.ws.ui.now()
		v.spent[v.stopID] += max(0, now.Sub(v.entered))
		v.entered = now
	}
	arrived := s.ID != v.stopID
	v.stop, v.card, v.stopID, v.cardKey = stop, card, s.ID, s.Cards[card]
	if w, ok := v.record(); ok && w.Running() {
		v.render(w)
	}
	if arrived {
		v.sayStop()
	}
	v.focus()
}

func (v *workshopView) goToStop(stop int) { v.goTo(stop, 0) }

// step moves by one card, into the next or previous stop at the ends.
func (v *workshopView) step(dir int) {
	if len(v.stops) == 0 {
		return
	}
	n := len(v.stops[v.stop].Cards)
	switch {
	case v.card+dir >= 0 && v.card+dir < n:
		v.goTo(v.stop, v.card+dir)
	case dir > 0 && v.stop+1 < len(v.stops):
		v.goTo(v.stop+1, 0)
	case dir < 0 && v.stop > 0:
		v.goTo(v.stop-1, len(v.stops[v.stop-1].Cards)-1)
	case dir < 0:
		v.say("This is the first threat of the agenda.")
	default:
		v.say("That was the last threat of the agenda. Press Esc, then E, to end the workshop.")
	}
}

// sayStop introduces the stop the room has arrived at.
func (v *workshopView) sayStop() {
	if v.stop < len(v.stops) {
		s := v.stops[v.stop]
		v.say(fmt.Sprintf("Element %d of %d: %s · %s, %d still open, %d of them high.",
			v.stop+1, len(v.stops), s.Name, nounCount(len(s.Cards), "threat"), s.Open, s.High))
	}
}

// say shows what just happened at the foot of the window.
func (v *workshopView) say(text string) {
	v.banner.Importance = widget.MediumImportance
	v.banner.SetText(text)
}

// leave closes the window; the workshop keeps running and can be resumed
// from the Workshops screen.
func (v *workshopView) leave() {
	if v.closed {
		return
	}
	v.closed = true
	if v.anim != nil {
		v.anim.Stop()
	}
	if w, ok := v.record(); ok && w.Running() {
		v.ws.setStatus(fmt.Sprintf("Workshop %q is still running: resume it from Workshops.", w.Title))
	}
	v.win.Close()
	v.ws.ui.win.RequestFocus()
}

func (v *workshopView) undo() {
	if s, ok := v.ws.canUndo(); ok {
		v.ws.undo()
		v.say("Undone: " + s)
	}
}

func (v *workshopView) redo() {
	if s, ok := v.ws.canRedo(); ok {
		v.ws.redo()
		v.say("Redone: " + s)
	}
}

package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// workshopSnapshot takes a named snapshot when the store keeps them and
// returns its id; "" when the store keeps none.
func (ws *workspace) workshopSnapshot(name string) (string, error) {
	hs, ok := ws.ui.store.(HistoryStore)
	if !ok {
		return "", nil
	}
	info, err := hs.Snapshot(ws.state.Project.Meta.ID, name)
	if err != nil {
		return "", failed(err, "The snapshot %q could not be taken, so nothing was changed", name)
	}
	return info.ID, nil
}

// dropSnapshot removes a snapshot taken for an edit that was then
// refused, so no stray snapshot is left behind.
func (ws *workspace) dropSnapshot(id string) {
	if hs, ok := ws.ui.store.(HistoryStore); ok && id != "" {
		if err := hs.DeleteSnapshot(ws.state.Project.Meta.ID, id); err != nil {
			ws.ui.showError(failed(err, "A snapshot taken for an edit that was not made could not be removed"))
		}
	}
}

// workshopStates returns the project before and after a workshop: from
// its snapshots, or, when the store keeps none, from the copy kept when it
// started (kept) and the project as it is now.
func (ws *workspace) workshopStates(w model.Workshop, kept *model.Project) (before, after *model.Project, err error) {
	hs, hasHistory := ws.ui.store.(HistoryStore)
	id := ws.state.Project.Meta.ID
	switch {
	case w.SnapshotBefore != "" && hasHistory:
		if before, err = hs.LoadSnapshot(id, w.SnapshotBefore); err != nil {
			return nil, nil, failed(err, "The snapshot taken before workshop %q could not be read", w.Title)
		}
	case kept != nil:
		before = kept
	default:
		return nil, nil, fmt.Errorf("no snapshot was taken before workshop %q, so what changed cannot be shown", w.Title)
	}
	after = ws.state.Project
	if w.SnapshotAfter != "" && hasHistory {
		if after, err = hs.LoadSnapshot(id, w.SnapshotAfter); err != nil {
			return nil, nil, failed(err, "The snapshot taken after workshop %q could not be read", w.Title)
		}
	}
	return before, after, nil
}

// askEnd asks before ending the workshop from the button.
func (v *workshopView) askEnd() {
	d := dialog.NewConfirm("End the workshop?",
		"Ending takes a snapshot of the project and shows what changed since the start.", func(ok bool) {
			if ok {
				v.end()
			}
			v.focus()
		}, v.win)
	d.SetConfirmText("End workshop")
	d.Show()
}

// end takes the "after" snapshot and records the end; the refresh that
// follows shows the summary.
func (v *workshopView) end() {
	w, ok := v.record()
	if !ok || !w.Running() {
		return
	}
	snap, err := v.ws.workshopSnapshot("After workshop " + w.Title)
	if err != nil {
		v.ws.ui.showError(err)
		return
	}
	if !v.ws.apply(endWorkshopChange(w, v.ws.ui.now().UTC(), snap)) {
		v.ws.dropSnapshot(snap)
	}
}

// showSummary swaps the walk for the summary of the ended workshop.
func (v *workshopView) showSummary(w model.Workshop) {
	v.leaving = false
	before, after, err := v.ws.workshopStates(w, v.before)
	v.summary.show(w, before, after, err, v.ws.state)
	if !v.ended {
		v.ended = true
		v.pages.Objects = []fyne.CanvasObject{v.summary.content}
	}
	v.root.Refresh()
	v.say("The workshop has ended. Ctrl+Z reopens it; Esc closes this window.")
}

// workshopSummary shows an ended workshop: what changed between its two
// snapshots, the session record, and the owners' action lists.
type workshopSummary struct {
	title   *widget.Label
	line    *widget.Label
	tabs    *container.AppTabs
	changes *widget.RichText
	session *widget.RichText
	actions *widget.RichText
	content fyne.CanvasObject
	onClose func()
	// onTab runs when another tab is shown (the workshop window refreshes
	// its theme override then, so the tab's text takes its scale).
	onTab func()
	// diff is the comparison shown, nil when it could not be made.
	diff *projectDiff
	// shown is the pair of snapshots the comparison was made for.
	shown string
}

// newWorkshopSummary builds the summary; onClose (nil for none) is the
// Close button's action.
func newWorkshopSummary(onClose func()) *workshopSummary {
	s := &workshopSummary{onClose: onClose}
	s.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.title.SizeName = theme.SizeNameSubHeadingText
	s.title.Wrapping = fyne.TextWrapWord
	s.line = widget.NewLabel("")
	s.line.Wrapping = fyne.TextWrapWord
	s.changes, s.session, s.actions = summaryText(), summaryText(), summaryText()
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("What changed", theme.ViewRefreshIcon(), container.NewVScroll(s.changes)),
		container.NewTabItemWithIcon("Session record", theme.DocumentIcon(), container.NewVScroll(s.session)),
		container.NewTabItemWithIcon("Action lists", theme.AccountIcon(), container.NewVScroll(s.actions)))
	s.tabs.OnSelected = func(*container.TabItem) {
		if s.onTab != nil {
			s.onTab()
		}
	}
	head := container.NewVBox(s.title, s.line)
	if onClose != nil {
		closeButton := widget.NewButtonWithIcon("Close (Esc)", theme.CancelIcon(), onClose)
		head = container.NewVBox(container.NewBorder(nil, nil, nil, closeButton, s.title), s.line)
	}
	s.content = container.NewBorder(head, nil, nil, nil, s.tabs)
	return s
}

func summaryText() *widget.RichText {
	t := widget.NewRichText()
	t.Wrapping = fyne.TextWrapWord
	return t
}

// show fills the summary for workshop w, compared between before and
// after (err says why they could not be read).
func (s *workshopSummary) show(w model.Workshop, before, after *model.Project, err error, st *workspaceState) {
	s.title.SetText(fmt.Sprintf("%s · %s", w.Title, sessionDates(w)))
	s.session.Segments = flatSegments(sessionSegments(w, st.Project, st.Scoring))
	s.session.Refresh()
	pair := w.ID + "|" + w.SnapshotBefore + "|" + w.SnapshotAfter
	switch {
	case err != nil:
		s.diff = nil
		s.changes.Segments = []widget.RichTextSegment{para(sentence(err.Error()))}
	case s.shown != pair || w.SnapshotAfter == "":
		d := diffProjects(before, after, st.Catalogue)
		s.diff = &d
		s.changes.Segments = flatSegments(blockHeadings(append([]widget.RichTextSegment{para(d.summary())}, diffSegments(d)...)))
	}
	s.shown = pair
	s.changes.Refresh()
	var actions []model.OwnerAction
	if after != nil {
		actions = model.OwnerActions(after, time.Now())
	}
	s.actions.Segments = flatSegments(actionSegments(actions, st.Scoring))
	s.actions.Refresh()
	s.line.SetText(sessionLine(w))
}

// key takes the summary's keys: Escape closes, the arrows switch tabs.
func (s *workshopSummary) key(name fyne.KeyName) {
	n := len(s.tabs.Items)
	switch name {
	case fyne.KeyEscape:
		if s.onClose != nil {
			s.onClose()
		}
	case fyne.KeyRight:
		s.tabs.SelectIndex((s.tabs.SelectedIndex() + 1) % n)
	case fyne.KeyLeft:
		s.tabs.SelectIndex((s.tabs.SelectedIndex() + n - 1) % n)
	}
}

// blockHeadings puts the sub-headings of segs on lines of their own.
func blockHeadings(segs []widget.RichTextSegment) []widget.RichTextSegment {
	for _, seg := range segs {
		if t, ok := seg.(*widget.TextSegment); ok && t.Style == widget.RichTextStyleSubHeading {
			t.Style.Inline = false
		}
	}
	return segs
}

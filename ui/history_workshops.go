package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// historyWorkshops is the Workshops tab of the History screen: every
// session record of the project, newest first, each with a button that
// compares the snapshots taken when it started and ended.
type historyWorkshops struct {
	s *historyScreen
	// compareButtons maps a workshop id to its compare button.
	compareButtons map[string]*widget.Button

	box     *fyne.Container
	none    *quietText
	content fyne.CanvasObject
}

func newHistoryWorkshops(s *historyScreen) *historyWorkshops {
	h := &historyWorkshops{s: s, compareButtons: map[string]*widget.Button{}}
	h.box = container.NewVBox()
	h.none = newQuietText("No workshop has been run on this project yet. Start one from the Workshops screen; its record will be kept here.")
	h.content = container.NewStack(container.NewVScroll(h.box), paneMessage(h.none))
	return h
}

// show lists the workshops of p; snaps are the project's snapshots, to
// tell which sessions can still be compared.
func (h *historyWorkshops) show(p *model.Project, snaps []SnapshotInfo) {
	h.compareButtons = map[string]*widget.Button{}
	h.box.RemoveAll()
	sessions := slices.Clone(p.Workshops)
	slices.SortStableFunc(sessions, func(a, b model.Workshop) int { return b.Started.Compare(a.Started) })
	for i, w := range sessions {
		if i > 0 {
			h.box.Add(widget.NewSeparator())
		}
		h.box.Add(h.session(w, p, snaps))
	}
	h.none.Hidden = len(sessions) > 0
	h.none.Refresh()
	h.box.Refresh()
}

// session is one workshop: its title, the whole record and the compare
// button.
func (h *historyWorkshops) session(w model.Workshop, p *model.Project, snaps []SnapshotInfo) fyne.CanvasObject {
	title := sectionTitle(w.Title)
	line := widget.NewLabel(sessionLine(w))
	line.Importance = widget.LowImportance
	record := widget.NewRichText(sessionSegments(w, p, h.s.state.Scoring)...)
	record.Wrapping = fyne.TextWrapWord
	before, after := w.SnapshotBefore, w.SnapshotAfter
	b := widget.NewButtonWithIcon("Compare before and after", theme.ContentCopyIcon(), func() {
		h.s.compare.compareSnapshots(before, after)
	})
	setEnabled(b, hasSnapshot(snaps, before) && hasSnapshot(snaps, after))
	h.compareButtons[w.ID] = b
	head := container.NewBorder(nil, nil, nil, container.NewCenter(b), container.NewVBox(title, line))
	return container.NewVBox(head, record)
}

// hasSnapshot reports whether id names one of snaps.
func hasSnapshot(snaps []SnapshotInfo, id string) bool {
	return id != "" && slices.ContainsFunc(snaps, func(s SnapshotInfo) bool { return s.ID == id })
}

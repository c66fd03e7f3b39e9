package ui

import (
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// orderWorkshops places the Workshops screen between the catalogue and
// the history in the navigation.
const orderWorkshops = 65

func init() {
	addScreen(orderWorkshops, func(ws *workspace) screen { return newWorkshopsScreen(ws) })
}

// workshopsScreen lists the project's workshops: start a new one, resume
// the one running, look back at what an ended one changed; and the
// owners' action lists.
type workshopsScreen struct {
	ws    *workspace
	state *workspaceState
	// view is the workshop window open, if any; start the start dialog
	// last opened; kept the project as each workshop of this session
	// started, for the comparison when the store takes no snapshots.
	view  *workshopView
	start *startDialog
	kept  map[string]*model.Project

	sessions []model.Workshop
	selected string
	stale    bool

	list    *widget.List
	resume  *widget.Button
	detail  *workshopSummary
	actions *widget.RichText
	tabs    *container.AppTabs
	none    *quietText
	right   *fyne.Container
	content fyne.CanvasObject
}

// workshopsScreen returns the workspace's Workshops screen.
func (ws *workspace) workshopsScreen() *workshopsScreen {
	for _, s := range ws.screens {
		if w, ok := s.(*workshopsScreen); ok {
			return w
		}
	}
	return nil
}

func newWorkshopsScreen(ws *workspace) *workshopsScreen {
	s := &workshopsScreen{ws: ws, kept: map[string]*model.Project{}, stale: true}
	s.list = widget.NewList(func() int { return len(s.sessions) }, newSessionRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(s.sessions) {
			s.selected = s.sessions[id].ID
			s.showDetail()
		}
	}
	start := widget.NewButtonWithIcon("Start workshop...", theme.MediaPlayIcon(), ws.startWorkshop)
	start.Importance = widget.HighImportance
	s.resume = widget.NewButtonWithIcon("Resume", theme.MediaFastForwardIcon(), func() {
		if w, ok := runningWorkshop(ws.state.Project); ok {
			ws.openWorkshop(w.ID)
		}
	})
	s.detail = newWorkshopSummary(nil)
	s.none = newQuietText("No workshops yet. Start one to walk the diagram with the team on a projector: " +
		"each element's suggested threats, one card at a time, decided from the keyboard.")
	s.right = container.NewStack(container.NewPadded(s.detail.content), paneMessage(s.none))
	left := container.NewBorder(container.NewHBox(start, s.resume), nil, nil, nil, s.list)
	split := container.NewHSplit(left, s.right)
	split.Offset = 0.3
	s.actions = summaryText()
	help := helpText("Each owner's open risks, soonest due first, with the controls still to be done.")
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Sessions", theme.ListIcon(), split),
		container.NewTabItemWithIcon("Action lists", theme.AccountIcon(),
			container.NewBorder(help, nil, nil, nil, container.NewVScroll(s.actions))))
	s.content = container.NewPadded(s.tabs)
	return s
}

// Name is the navigation label.
func (s *workshopsScreen) Name() string { return "Workshops" }

// Icon is the navigation icon.
func (s *workshopsScreen) Icon() fyne.Resource { return theme.ComputerIcon() }

// Content is the screen.
func (s *workshopsScreen) Content() fyne.CanvasObject { return s.content }

// navBadge says when a workshop is running.
func (s *workshopsScreen) navBadge() string {
	if s.state != nil {
		if _, ok := runningWorkshop(s.state.Project); ok {
			return "running"
		}
	}
	return ""
}

// Refresh lists the sessions, newest first, and passes the edit on to the
// workshop window. The detail, which may read snapshots, is redrawn only
// while the screen is on show.
func (s *workshopsScreen) Refresh(st *workspaceState) {
	s.state = st
	s.sessions = slices.Clone(st.Project.Workshops)
	slices.Reverse(s.sessions)
	s.list.Refresh()
	_, running := runningWorkshop(st.Project)
	setEnabled(s.resume, running)
	if s.view != nil {
		s.view.refresh()
	}
	s.stale = true
	if s.ws.screens != nil && s.ws.current < len(s.ws.screens) && s.ws.currentScreen() == s {
		s.showDetail()
	}
}

// shown redraws what changed while another screen was on show.
func (s *workshopsScreen) shown() {
	if s.stale {
		s.showDetail()
	}
}

// showDetail shows the selected session (the newest when none is) and the
// action lists.
func (s *workshopsScreen) showDetail() {
	if s.state == nil {
		return
	}
	s.stale = false
	s.actions.Segments = actionSegments(model.OwnerActions(s.state.Project, time.Now()), s.state.Scoring)
	s.actions.Refresh()
	i := slices.IndexFunc(s.sessions, func(w model.Workshop) bool { return w.ID == s.selected })
	if i < 0 && len(s.sessions) > 0 {
		i = 0
		s.selected = s.sessions[0].ID
		s.list.Select(0)
		return // Select shows it
	}
	s.none.Hidden = i >= 0
	if i < 0 {
		s.detail.content.Hide()
	} else {
		s.detail.content.Show()
	}
	if i >= 0 {
		w := s.sessions[i]
		before, after, err := s.ws.workshopStates(w, s.kept[w.ID])
		s.detail.show(w, before, after, err, s.state)
	}
	s.right.Refresh()
}

func newSessionRow() fyne.CanvasObject {
	sub := widget.NewLabel("")
	sub.SizeName = theme.SizeNameCaptionText
	title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(title, sub, layout.NewSpacer())
}

func (s *workshopsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(s.sessions) {
		return
	}
	w := s.sessions[id]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(w.Title)
	state := "running"
	if !w.Running() {
		state = durationText(w.Duration(w.Ended))
	}
	c.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", w.Started.Local().Format("2 Jan 2006 15:04"), state,
		nounCount(len(w.Decided), "decision")))
}

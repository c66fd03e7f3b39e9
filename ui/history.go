package ui

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"airisk/model"
)

func init() {
	addScreen(orderHistory, func(ws *workspace) screen { return newHistoryScreen(ws) })
}

// HistoryStore is what the History screen needs beyond Store: a project's
// change log and its named snapshots. The Store handed to New may also
// implement it; cmd/airisk wraps the bbolt store so it does, converting
// storage's records into these (ui may not import storage). Without it the
// History screen says the database keeps no history.
type HistoryStore interface {
	// Log returns the project's change log, oldest entry first.
	Log(projectID string) ([]LogEntry, error)
	// Snapshot stores a named copy of the project as it is stored now.
	Snapshot(projectID, name string) (SnapshotInfo, error)
	// Snapshots lists the project's snapshots, oldest first.
	Snapshots(projectID string) ([]SnapshotInfo, error)
	// LoadSnapshot returns the project as a snapshot holds it, validated.
	LoadSnapshot(projectID, snapID string) (*model.Project, error)
	// DeleteSnapshot removes a snapshot.
	DeleteSnapshot(projectID, snapID string) error
}

// LogEntry is one committed edit of a project's change log.
type LogEntry struct {
	// Seq numbers a project's entries from 1, in commit order.
	Seq uint64
	// Time is when the edit was committed.
	Time time.Time
	// User is the operating-system user who made the edit.
	User string
	// Summary is the change's own description ("Add Vector store").
	Summary string
	// Ops lists what the edit wrote or deleted.
	Ops []LogOp
	// Scores lists the risk scores the edit changed.
	Scores []ScoreChange
}

// LogOp names one entity an edit wrote or deleted.
type LogOp struct {
	Entity  model.Entity
	ID      string
	Deleted bool
}

// ScoreChange is one scored field of a risk before and after an edit.
// Field is likelihood, impact, residual_likelihood or residual_impact; 0
// means unset.
type ScoreChange struct {
	Risk   string
	Field  string
	Before int
	After  int
}

// SnapshotInfo describes a named snapshot of a project.
type SnapshotInfo struct {
	ID   string
	Name string
	Time time.Time
	User string
}

// historyScreen shows what happened to the project: the change log, the
// named snapshots, the comparison of two states, and the workshop
// sessions.
type historyScreen struct {
	ws    *workspace
	state *workspaceState
	store HistoryStore
	// stale is set when the project changed while another screen was on
	// show; the log and snapshots are read again when this one is shown.
	stale bool

	tabs        *container.AppTabs
	log         *historyLog
	snaps       *snapshotPanel
	compare     *comparePanel
	workshops   *historyWorkshops
	unavailable *quietText
	content     fyne.CanvasObject
}

func newHistoryScreen(ws *workspace) *historyScreen {
	s := &historyScreen{ws: ws, stale: true}
	s.store, _ = ws.ui.store.(HistoryStore)
	s.log = newHistoryLog(s)
	s.snaps = newSnapshotPanel(s)
	s.compare = newComparePanel(s)
	s.workshops = newHistoryWorkshops(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Change log", theme.ListIcon(), s.log.content),
		container.NewTabItemWithIcon("Snapshots", theme.DocumentSaveIcon(), s.snaps.content),
		container.NewTabItemWithIcon("Compare", theme.ContentCopyIcon(), s.compare.content),
		container.NewTabItemWithIcon("Workshops", theme.ComputerIcon(), s.workshops.content))
	s.unavailable = newQuietText("This database does not keep a change log or snapshots.")
	if s.store == nil {
		s.content = paneMessage(s.unavailable)
	} else {
		s.content = container.NewPadded(s.tabs)
	}
	return s
}

// Name is the navigation label.
func (s *historyScreen) Name() string { return "History" }

// Icon is the navigation icon.
func (s *historyScreen) Icon() fyne.Resource { return theme.HistoryIcon() }

// Content is the screen.
func (s *historyScreen) Content() fyne.CanvasObject { return s.content }

// Refresh reads the log and snapshots again when the screen is on show;
// otherwise it waits until it is, as reading the log costs a database
// read.
func (s *historyScreen) Refresh(st *workspaceState) {
	s.state = st
	s.stale = true
	if s.ws.screens != nil && s.ws.current < len(s.ws.screens) && s.ws.currentScreen() == s {
		s.reload()
	}
}

// shown reads what changed since the screen was last on show.
func (s *historyScreen) shown() {
	if s.stale {
		s.reload()
	}
}

// reload reads the log and the snapshots from the store.
func (s *historyScreen) reload() {
	if s.store == nil || s.state == nil {
		return
	}
	s.stale = false
	id := s.state.Project.Meta.ID
	entries, err := s.store.Log(id)
	if err != nil {
		s.ws.ui.showError(failed(err, "The change log of %q could not be read", s.state.Project.Meta.Name))
	}
	slices.Reverse(entries)
	snaps, err := s.store.Snapshots(id)
	if err != nil {
		s.ws.ui.showError(failed(err, "The snapshots of %q could not be read", s.state.Project.Meta.Name))
	}
	slices.Reverse(snaps)
	s.log.show(entries, s.state.Project)
	s.snaps.show(snaps)
	s.compare.show(snaps)
	s.workshops.show(s.state.Project, snaps)
}

// command takes Ctrl+F to the change log's search field.
func (s *historyScreen) command(c command) bool {
	if c == cmdFind && s.store != nil {
		s.tabs.SelectIndex(0)
		s.ws.ui.win.Canvas().Focus(s.log.search)
		return true
	}
	return false
}

package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/threats"
)

// allOption is the "no filter" entry of the filter selects.
const allOption = "All"

// statusOptions label the status filter.
var statusOptions = []struct {
	label  string
	status findingStatus
}{
	{"Any status", ""}, {"To triage", statusProposed}, {"Accepted", statusAccepted},
	{"Dismissed", statusDismissed}, {"Stale", statusStale},
}

// The "no filter" options of the findings filters.
const (
	anyFramework = "Any framework"
	anyPhase     = "Any phase"
)

// findingsScreen is the triage screen: every finding of the project and
// every stale decision, filtered and grouped, with the detail of the one
// selected and the accept and dismiss actions.
type findingsScreen struct {
	ws      *workspace
	state   *workspaceState
	items   []*findingItem
	rows    []findingRow
	filter  findingFilter
	group   grouping
	checked map[string]bool
	current string

	list            *triageList
	search          *widget.Entry
	statusSelect    *widget.Select
	frameworkSelect *widget.Select
	phaseSelect     *widget.Select
	groupSelect     *widget.Select
	targetLabel     *widget.Label
	targetBar       *fyne.Container
	checkAll        *widget.Check
	acceptButton    *widget.Button
	dismissButton   *widget.Button
	dropButton      *widget.Button
	countLabel      *widget.Label
	detail          *findingDetail
	content         fyne.CanvasObject
	// reasonDialog is the dismiss dialog last opened.
	reasonDialog *reasonDialog
}

func newFindingsScreen(ws *workspace) *findingsScreen {
	s := &findingsScreen{ws: ws, group: groupElement, checked: map[string]bool{}}
	s.list = newTriageList(func() int { return len(s.rows) }, newFindingRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.list.onKey = s.onKey
	s.list.onRune = s.onRune
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search findings")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(t string) { s.filter.text = t; s.rebuild() }
	s.buildFilters()
	s.checkAll = widget.NewCheck("", s.onCheckAll)
	s.acceptButton = widget.NewButtonWithIcon("Accept", theme.ConfirmIcon(), func() { s.accept(s.targets()) })
	s.acceptButton.Importance = widget.HighImportance
	s.dismissButton = widget.NewButtonWithIcon("Dismiss...", theme.CancelIcon(), func() { s.askDismiss(s.targets()) })
	s.dropButton = widget.NewButtonWithIcon("Drop stale", theme.DeleteIcon(), s.onDropStale)
	s.countLabel = widget.NewLabel("")
	s.countLabel.Importance = widget.LowImportance
	s.detail = newFindingDetail(s)
	s.content = s.layout()
	return s
}

func (s *findingsScreen) buildFilters() {
	var labels []string
	for _, o := range statusOptions {
		labels = append(labels, o.label)
	}
	s.statusSelect = widget.NewSelect(labels, func(v string) {
		for _, o := range statusOptions {
			if o.label == v {
				s.filter.status = o.status
			}
		}
		s.rebuild()
	})
	s.statusSelect.SetSelected(statusOptions[0].label)
	s.buildFrameworkAndPhase()
	var groups []string
	for _, g := range groupings {
		groups = append(groups, groupPrefix+string(g))
	}
	s.groupSelect = widget.NewSelect(groups, func(v string) {
		s.group = grouping(strings.TrimPrefix(v, groupPrefix))
		s.rebuild()
	})
	s.groupSelect.SetSelected(groupPrefix + string(groupElement))
	s.targetLabel = widget.NewLabel("")
	all := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { s.showTarget("") })
	all.Importance = widget.LowImportance
	s.targetBar = container.NewHBox(widget.NewIcon(theme.VisibilityIcon()), s.targetLabel, all)
	s.targetBar.Hide()
}

func (s *findingsScreen) buildFrameworkAndPhase() {
	fw := []string{anyFramework}
	for _, f := range frameworks {
		fw = append(fw, string(f))
	}
	s.frameworkSelect = widget.NewSelect(fw, func(v string) {
		s.filter.framework = framework(v)
		if v == anyFramework {
			s.filter.framework = ""
		}
		s.rebuild()
	})
	s.frameworkSelect.SetSelected(anyFramework)
	phases := []string{anyPhase}
	for _, ph := range threats.Phases {
		phases = append(phases, phaseNames[ph])
	}
	s.phaseSelect = widget.NewSelect(phases, func(v string) { s.filter.phase = phaseNamed(v); s.rebuild() })
	s.phaseSelect.SetSelected(anyPhase)
}

// groupPrefix starts the options of the grouping select.
const groupPrefix = "By "

// optional turns the "All" option into the empty filter.
func optional(v string) string {
	if v == allOption {
		return ""
	}
	return v
}

func phaseNamed(label string) threats.Phase {
	for ph, name := range phaseNames {
		if name == label {
			return ph
		}
	}
	return ""
}

func (s *findingsScreen) layout() fyne.CanvasObject {
	filters := container.NewGridWithColumns(4, s.groupSelect, s.statusSelect, s.frameworkSelect, s.phaseSelect)
	actions := container.NewHBox(s.checkAll, s.acceptButton, s.dismissButton, s.dropButton, s.countLabel)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, s.targetBar, s.search), filters, actions)
	left := container.NewBorder(top, nil, nil, nil, s.list)
	split := container.NewHSplit(left, s.detail.content)
	split.Offset = 0.5
	return container.NewPadded(split)
}

// Name is the navigation label.
func (s *findingsScreen) Name() string { return "Findings" }

// Icon is the navigation icon.
func (s *findingsScreen) Icon() fyne.Resource { return theme.WarningIcon() }

// Content is the screen.
func (s *findingsScreen) Content() fyne.CanvasObject { return s.content }

// Refresh recomputes the list from the new findings and decisions.
func (s *findingsScreen) Refresh(st *workspaceState) {
	s.state = st
	s.items = collectFindings(st)
	s.rebuild()
	if s.current == "" {
		s.selectFirst()
		s.list.ScrollToTop()
	}
}

// navBadge counts the findings still to triage.
func (s *findingsScreen) navBadge() string {
	n := 0
	for _, it := range s.items {
		if it.Status == statusProposed {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func (s *findingsScreen) shown() { s.ws.ui.win.Canvas().Focus(s.list) }

// command handles Ctrl+F (search) and Ctrl+A (check every visible
// finding).
func (s *findingsScreen) command(c command) bool {
	switch c {
	case cmdFind:
		s.ws.ui.win.Canvas().Focus(s.search)
	case cmdSelectAll:
		s.checkAll.SetChecked(true)
	default:
		return false
	}
	return true
}

// showTarget narrows the list to one element or flow ("" shows all), as
// the diagram's badges do.
func (s *findingsScreen) showTarget(target string) {
	s.filter.target = target
	s.targetBar.Hidden = target == ""
	if target != "" && s.state != nil {
		s.targetLabel.SetText("Only " + targetName(s.state.Project, target))
	}
	s.targetBar.Refresh()
	s.rebuild()
	s.selectFirst()
}

// rebuild filters and groups the items, keeping the selection where it
// can.
func (s *findingsScreen) rebuild() {
	if s.state == nil {
		return
	}
	at := s.rowOf(s.current)
	var shown []*findingItem
	for _, it := range s.items {
		if s.filter.match(it) {
			shown = append(shown, it)
		}
	}
	s.rows = groupRows(shown, s.group, targetOrder(s.state.Project))
	s.pruneChecked(shown)
	s.list.Refresh()
	s.reselect(at)
	s.refreshActions(len(shown))
}

// reselect keeps the current finding selected, or when it left the list
// (accepted under the "To triage" filter) selects the one now in its place.
func (s *findingsScreen) reselect(oldRow int) {
	if i := s.rowOf(s.current); i >= 0 {
		s.list.Select(i)
		s.detail.show(s.rows[i].item, s.state)
		return
	}
	s.current = ""
	s.list.UnselectAll()
	if oldRow >= 0 {
		if i := s.nextItemRow(min(oldRow, len(s.rows)-1)-1, 1); i >= 0 {
			s.list.Select(i)
			return
		}
		if i := s.nextItemRow(len(s.rows), -1); i >= 0 {
			s.list.Select(i)
			return
		}
	}
	s.detail.show(nil, s.state)
}

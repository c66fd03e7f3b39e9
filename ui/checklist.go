package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

func init() {
	addScreen(orderChecklist, func(ws *workspace) screen { return newChecklistScreen(ws) })
}

// checklistScreen is the UK Code of Practice checklist: the principles and
// their provisions, filtered by stakeholder, phase and answer, with the
// coverage they add up to and the detail of the provision selected.
type checklistScreen struct {
	ws      *workspace
	state   *workspaceState
	cov     threats.Coverage
	rows    []checklistRow
	totals  tally
	filter  provisionFilter
	current string // id of the provision on show

	list           *widget.List
	search         *widget.Entry
	stakeholderSel *widget.Select
	phaseSel       *widget.Select
	statusSel      *widget.Select
	overallBar     *coverageBar
	overallPercent *widget.Label
	overallText    *widget.Label
	note           *quietText
	empty          *quietText
	detail         *provisionDetail
	content        fyne.CanvasObject
	stakeholderOf  map[string]threats.Stakeholder
}

func newChecklistScreen(ws *workspace) *checklistScreen {
	s := &checklistScreen{ws: ws}
	s.list = widget.NewList(func() int { return len(s.rows) }, newChecklistRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search provisions: number, title, summary, evidence")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(t string) { s.filter.text = t; s.rebuild() }
	s.buildFilters()
	s.overallBar = newCoverageBar(10)
	s.overallPercent = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.overallPercent.SizeName = theme.SizeNameSubHeadingText
	s.overallText = widget.NewLabel("")
	s.overallText.Wrapping = fyne.TextWrapWord
	s.note = newNoteText("")
	s.empty = newQuietText("No provision matches the filters.")
	s.detail = newProvisionDetail(s)
	s.content = s.layout()
	return s
}

func (s *checklistScreen) buildFilters() {
	s.stakeholderOf = map[string]threats.Stakeholder{}
	opts := []string{allOption}
	for _, st := range threats.Stakeholders {
		opts = append(opts, stakeholderNames[st])
		s.stakeholderOf[stakeholderNames[st]] = st
	}
	s.stakeholderSel = widget.NewSelect(opts, func(v string) { s.filter.stakeholder = s.stakeholderOf[v]; s.rebuild() })
	s.stakeholderSel.SetSelected(allOption)
	phases := []string{allOption}
	for _, ph := range threats.Phases {
		phases = append(phases, phaseNames[ph])
	}
	s.phaseSel = widget.NewSelect(phases, func(v string) { s.filter.phase = phaseNamed(v); s.rebuild() })
	s.phaseSel.SetSelected(allOption)
	states := []string{allOption}
	for _, st := range model.ProvisionStates {
		states = append(states, provisionStateLabel(st))
	}
	states = append(states, filterAddressed, filterOpen)
	s.statusSel = widget.NewSelect(states, func(v string) { s.filter.status = optional(v); s.rebuild() })
	s.statusSel.SetSelected(allOption)
}

func (s *checklistScreen) layout() fyne.CanvasObject {
	filters := container.NewGridWithColumns(3, labelledSelect("Stakeholder", s.stakeholderSel),
		labelledSelect("Phase", s.phaseSel), labelledSelect("Status", s.statusSel))
	summary := container.NewVBox(container.NewBorder(nil, nil, s.overallPercent, nil, s.overallText), s.overallBar)
	top := container.NewVBox(s.search, filters, summary, widget.NewSeparator())
	list := container.NewStack(s.list, paneMessage(s.empty))
	left := container.NewBorder(top, container.NewVBox(widget.NewSeparator(), s.note.RichText), nil, nil, list)
	split := container.NewHSplit(left, s.detail.content)
	split.Offset = 0.52
	return container.NewPadded(split)
}

// Name is the navigation label.
func (s *checklistScreen) Name() string { return "Code of Practice" }

// Icon is the navigation icon.
func (s *checklistScreen) Icon() fyne.Resource { return theme.ConfirmIcon() }

// Content is the screen.
func (s *checklistScreen) Content() fyne.CanvasObject { return s.content }

// navBadge shows the overall share met in the navigation.
func (s *checklistScreen) navBadge() string {
	var t tally
	for i := range s.cov.Provisions {
		t.add(&s.cov.Provisions[i])
	}
	if t.total == 0 {
		return ""
	}
	return fmt.Sprintf("%d%%", t.percent())
}

// Refresh recomputes the coverage from the project's checklist and
// controls.
func (s *checklistScreen) Refresh(st *workspaceState) {
	s.state = st
	s.cov = threats.CoverageOf(st.Project, st.Catalogue)
	if st.Catalogue != nil && st.Catalogue.Code != nil {
		s.note.SetText(st.Catalogue.Code.Note)
	}
	s.rebuild()
}

// command takes Ctrl+F to the search field.
func (s *checklistScreen) command(c command) bool {
	if c == cmdFind {
		s.ws.ui.win.Canvas().Focus(s.search)
		return true
	}
	return false
}

func (s *checklistScreen) rebuild() {
	if s.state == nil {
		return
	}
	var code *threats.Code
	if s.state.Catalogue != nil {
		code = s.state.Catalogue.Code
	}
	s.rows, s.totals = checklistRows(&s.cov, code, s.filter)
	s.showTotals()
	s.empty.showIf(len(s.rows) == 0)
	s.list.Refresh()
	s.reselect()
}

func (s *checklistScreen) showTotals() {
	t := s.totals
	s.overallBar.set(t)
	s.overallPercent.SetText(fmt.Sprintf("%d%%", t.percent()))
	scope := "the Code's provisions"
	if s.filter != (provisionFilter{}) {
		scope = "the provisions shown"
	}
	text := fmt.Sprintf("%d of %s (%d) met or not applicable", t.met, scope, t.total)
	if t.addressed > 0 {
		text += fmt.Sprintf(" · %d more addressed by controls", t.addressed)
	}
	s.overallText.SetText(text + fmt.Sprintf(" · %d open", t.open))
}

// reselect keeps the provision on show selected after the rows change.
func (s *checklistScreen) reselect() {
	for i, r := range s.rows {
		if r.item != nil && r.item.Provision.ID == s.current {
			s.list.Select(i)
			s.detail.show(r.item, s.state)
			return
		}
	}
	s.list.UnselectAll()
	s.detail.show(nil, s.state)
}

func (s *checklistScreen) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(s.rows) {
		return
	}
	r := s.rows[id]
	if r.item == nil {
		s.list.Unselect(id)
		return
	}
	s.current = r.item.Provision.ID
	s.detail.show(r.item, s.state)
}

// showProvision selects a provision, clearing filters that hide it.
func (s *checklistScreen) showProvision(id string) {
	s.current = id
	for _, r := range s.rows {
		if r.item != nil && r.item.Provision.ID == id {
			s.reselect()
			return
		}
	}
	s.search.SetText("")
	s.stakeholderSel.SetSelected(allOption)
	s.phaseSel.SetSelected(allOption)
	s.statusSel.SetSelected(allOption)
}

// setState records a new answer for the provision on show.
func (s *checklistScreen) setState(id string, state model.ProvisionState) {
	old, _ := provisionEntry(s.state.Project, id)
	s.ws.apply(provisionChange(s.state.Project, id, state, old.Evidence))
}

// setEvidence records new evidence for a provision.
func (s *checklistScreen) setEvidence(id, evidence string) {
	if s.state == nil || id == "" {
		return
	}
	old, _ := provisionEntry(s.state.Project, id)
	s.ws.apply(provisionChange(s.state.Project, id, old.Status, evidence))
}

// checklistRowView is the template of a checklist line: a principle
// heading with its progress, or a provision with its answer.
type checklistRowView struct {
	widget.BaseWidget
	headBg    *canvas.Rectangle
	headText  *twoLine
	headBar   *coverageBar
	head      *fyne.Container
	number    *widget.Label
	text      *twoLine
	addressed *chip
	state     *chip
	item      *fyne.Container
	wrapper   *fyne.Container
}

func newChecklistRow() fyne.CanvasObject {
	v := &checklistRowView{}
	v.headBg = canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	v.headBg.CornerRadius = theme.InputRadiusSize()
	v.headText = newTwoLine(true)
	v.headBar = newCoverageBar(8)
	bar := container.NewGridWrap(fyne.NewSize(150, v.headText.MinSize().Height), v.headBar)
	v.head = container.NewStack(v.headBg, container.NewBorder(nil, nil, nil, container.NewPadded(bar), v.headText.RichText))
	v.number = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true, Monospace: true})
	v.text = newTwoLine(false)
	v.addressed = newChip("", addressedColor)
	v.state = newChip("", neutral)
	v.state.minWidth = 104
	right := container.NewHBox(container.NewCenter(v.addressed), container.NewCenter(v.state))
	number := container.NewGridWrap(fyne.NewSize(58, v.number.MinSize().Height), v.number)
	v.item = container.NewBorder(nil, nil, container.NewCenter(number), right, v.text.RichText)
	v.wrapper = container.NewStack(v.item, v.head)
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer shows the row's parts.
func (v *checklistRowView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.wrapper)
}

func (s *checklistScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	v := o.(*checklistRowView)
	r := s.rows[id]
	v.head.Hidden, v.item.Hidden = r.item != nil, r.item == nil
	if r.item == nil {
		v.headBg.FillColor = theme.Color(theme.ColorNameHeaderBackground)
		v.headBg.Refresh()
		v.headText.set(fmt.Sprintf("%d. %s", r.principle.Number, r.principle.Title), r.totals.text())
		v.headBar.set(r.totals)
		return
	}
	pc := r.item
	p := pc.Provision
	v.number.SetText(p.ID)
	v.text.set(p.Title, fmt.Sprintf("%s · ETSI %s · %s", p.Level, p.ETSI, stakeholderList(p.Stakeholders)))
	controls := ""
	if n := len(pc.Controls); n == 1 {
		controls = "1 control"
	} else if n > 1 {
		controls = fmt.Sprintf("%d controls", n)
	}
	v.addressed.set(controls, addressedColor)
	v.state.set(provisionStateLabel(pc.State), provisionStateColor(pc.State))
	v.item.Refresh() // the chips' widths changed
}

package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// registerScreen is the risk register: a sortable, filterable table of
// every risk, the risk form, the scoring settings and the workbook export.
type registerScreen struct {
	ws      *workspace
	state   *workspaceState
	ctx     *riskContext
	rows    []*model.Risk
	filter  riskFilter
	sortCol int
	desc    bool

	table           *widget.Table
	search          *widget.Entry
	statusSelect    *widget.Select
	ownerSelect     *widget.Select
	treatmentSelect *widget.Select
	bandSelect      *widget.Select
	elementSelect   *widget.Select
	overdueCheck    *widget.Check
	cellLabel       *widget.Label
	cellBar         *fyne.Container
	countLabel      *widget.Label
	newButton       *widget.Button
	scoringButton   *widget.Button
	exportButton    *widget.Button
	content         fyne.CanvasObject

	// form is the risk form last opened, scoring the scoring settings.
	form    *riskForm
	scoring *scoringForm
	// elementIDs maps the element filter's options to ids.
	elementIDs map[string]string
}

func newRegisterScreen(ws *workspace) *registerScreen {
	s := &registerScreen{ws: ws, sortCol: -1}
	s.table = widget.NewTableWithHeaders(s.size, newRiskCell, s.updateCell)
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	s.table.UpdateHeader = s.updateHeader
	s.table.OnSelected = s.onSelected
	for i, c := range riskColumns {
		s.table.SetColumnWidth(i, c.width)
	}
	s.buildFilters()
	s.newButton = widget.NewButtonWithIcon("New risk", theme.ContentAddIcon(), func() { s.openForm(nil) })
	s.newButton.Importance = widget.HighImportance
	s.scoringButton = widget.NewButtonWithIcon("Scoring...", theme.SettingsIcon(), s.openScoring)
	s.exportButton = widget.NewButtonWithIcon("Export workbook...", theme.DocumentSaveIcon(), ws.exportWorkbook)
	s.countLabel = widget.NewLabel("")
	s.countLabel.Importance = widget.LowImportance
	s.content = s.layout()
	return s
}

func (s *registerScreen) buildFilters() {
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search risks")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(t string) { s.filter.text = t; s.rebuild() }
	s.statusSelect = enumSelect(model.RiskStatuses, func(v string) { s.filter.status = model.RiskStatus(v); s.rebuild() })
	s.treatmentSelect = enumSelect(model.Treatments, func(v string) { s.filter.treatment = model.Treatment(v); s.rebuild() })
	s.ownerSelect = widget.NewSelect([]string{allOption}, func(v string) { s.filter.owner = optional(v); s.rebuild() })
	s.ownerSelect.SetSelected(allOption)
	s.bandSelect = widget.NewSelect([]string{allOption}, func(v string) { s.filter.band = optional(v); s.rebuild() })
	s.bandSelect.SetSelected(allOption)
	s.elementSelect = widget.NewSelect([]string{allOption}, func(v string) { s.filter.element = s.elementIDs[v]; s.rebuild() })
	s.elementSelect.SetSelected(allOption)
	s.overdueCheck = widget.NewCheck("Overdue only", func(on bool) { s.filter.overdue = on; s.rebuild() })
	s.cellLabel = widget.NewLabel("")
	all := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { s.showCell(nil) })
	all.Importance = widget.LowImportance
	s.cellBar = container.NewHBox(widget.NewIcon(theme.GridIcon()), s.cellLabel, all)
	s.cellBar.Hide()
}

// enumSelect is a filter select over an enumeration, with "All" first;
// changed gets "" for All.
func enumSelect[T ~string](values []T, changed func(string)) *widget.Select {
	opts := []string{allOption}
	for _, v := range values {
		opts = append(opts, words(string(v)))
	}
	sel := widget.NewSelect(opts, func(v string) {
		for _, x := range values {
			if words(string(x)) == v {
				changed(string(x))
				return
			}
		}
		changed("")
	})
	sel.SetSelected(allOption)
	return sel
}

func (s *registerScreen) layout() fyne.CanvasObject {
	filters := container.NewHBox(
		widget.NewLabel("Status"), s.statusSelect, widget.NewLabel("Owner"), s.ownerSelect,
		widget.NewLabel("Treatment"), s.treatmentSelect, widget.NewLabel("Rating"), s.bandSelect,
		widget.NewLabel("Element"), s.elementSelect, s.overdueCheck)
	actions := container.NewHBox(s.newButton, s.scoringButton, s.exportButton)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, actions, container.NewBorder(nil, nil, nil, s.cellBar, s.search)),
		container.NewHScroll(filters), s.countLabel)
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, s.table))
}

// Name is the navigation label.
func (s *registerScreen) Name() string { return "Register" }

// Icon is the navigation icon.
func (s *registerScreen) Icon() fyne.Resource { return theme.ListIcon() }

// Content is the screen.
func (s *registerScreen) Content() fyne.CanvasObject { return s.content }

// navBadge counts the risks above the appetite.
func (s *registerScreen) navBadge() string {
	if s.state == nil {
		return ""
	}
	n := 0
	for _, r := range s.state.Project.Risks {
		if r.Status != model.RiskClosed && s.state.Scoring.AboveAppetite(r) {
			n++
		}
	}
	if n == 0 {
		return fmt.Sprint(len(s.state.Project.Risks))
	}
	return fmt.Sprintf("%d ▲%d", len(s.state.Project.Risks), n)
}

// Refresh shows the risks of the new state.
func (s *registerScreen) Refresh(st *workspaceState) {
	s.state = st
	s.ctx = &riskContext{p: st.Project, scoring: st.Scoring, today: s.ws.ui.now().Format("2006-01-02")}
	s.refreshFilterOptions()
	s.rebuild()
}

func (s *registerScreen) refreshFilterOptions() {
	owners := []string{allOption}
	for _, r := range s.state.Project.Risks {
		if r.Owner != "" && !slices.Contains(owners, r.Owner) {
			owners = append(owners, r.Owner)
		}
	}
	slices.Sort(owners[1:])
	s.ownerSelect.SetOptions(owners)
	bands := []string{allOption}
	for _, b := range s.state.Scoring.Bands {
		bands = append(bands, b.Name)
	}
	s.bandSelect.SetOptions(bands)
	s.elementIDs = map[string]string{}
	elems := []string{allOption}
	for _, e := range s.state.Project.Elements {
		label := e.Name
		if _, dup := s.elementIDs[label]; dup {
			label = fmt.Sprintf("%s (%s)", e.Name, e.ID)
		}
		s.elementIDs[label] = e.ID
		elems = append(elems, label)
	}
	s.elementSelect.SetOptions(elems)
}

// rebuild filters and sorts the rows.
func (s *registerScreen) rebuild() {
	if s.state == nil {
		return
	}
	s.rows = riskRows(s.state.Project, s.filter, s.ctx, s.sortCol, s.desc)
	s.countLabel.SetText(fmt.Sprintf("%d of %d risks shown; tap a heading to sort, a row to edit", len(s.rows), len(s.state.Project.Risks)))
	s.table.Refresh()
}

func (s *registerScreen) size() (int, int) { return len(s.rows), len(riskColumns) }

func (s *registerScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 || id.Col >= len(riskColumns) {
		b.SetText("")
		return
	}
	text := riskColumns[id.Col].title
	if id.Col == s.sortCol {
		text += map[bool]string{false: " ▲", true: " ▼"}[s.desc]
	}
	b.SetText(text)
	col := id.Col
	b.OnTapped = func() { s.sortBy(col) }
}

// sortBy sorts by a column; a second tap reverses the order.
func (s *registerScreen) sortBy(col int) {
	if s.sortCol == col {
		s.desc = !s.desc
	} else {
		s.sortCol, s.desc = col, col == colInherent || col == colResidual
	}
	s.rebuild()
}

func (s *registerScreen) onSelected(id widget.TableCellID) {
	s.table.UnselectAll()
	if id.Row >= 0 && id.Row < len(s.rows) {
		s.openForm(s.rows[id.Row])
	}
}

// openRisk shows the register and the form of one risk.
func (s *registerScreen) openRisk(id string) {
	s.ws.show(s)
	if r, ok := s.state.Project.Risk(id); ok {
		s.openForm(r)
	}
}

// showCell narrows the register to one heat map cell (nil shows all).
func (s *registerScreen) showCell(c *heatCell) {
	s.filter.cell = c
	s.cellBar.Hidden = c == nil
	if c != nil {
		grid := "inherent"
		if c.residual {
			grid = "residual"
		}
		s.cellLabel.SetText(fmt.Sprintf("Only %s likelihood %d, impact %d", grid, c.likelihood, c.impact))
	}
	s.cellBar.Refresh()
	s.rebuild()
}

// command handles Ctrl+F and Ctrl+N on the register.
func (s *registerScreen) command(c command) bool {
	if c == cmdFind {
		s.ws.ui.win.Canvas().Focus(s.search)
		return true
	}
	return false
}

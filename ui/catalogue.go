package ui

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

func init() {
	addScreen(orderCatalogue, func(ws *workspace) screen { return newCatalogueScreen(ws) })
}

// Chip colours of the catalogue list.
var (
	strideChipColor = color.NRGBA{R: 0x60, G: 0x7d, B: 0x8b, A: 0xff}
	localChipColor  = color.NRGBA{R: 0x8e, G: 0x44, B: 0xad, A: 0xff}
)

// catalogueScreen browses the threat catalogue the project is analysed
// with: search and filters, a threat in full, the optional STRIDE pack
// switch, and the import of a local catalogue.
type catalogueScreen struct {
	ws     *workspace
	state  *workspaceState
	shown  []*threats.Threat
	filter threatFilter
	// counts holds the project's findings per threat id.
	counts  map[string]int
	current string // id of the threat on show
	// updating is set while Refresh sets the pack switch.
	updating bool

	list         *widget.List
	search       *widget.Entry
	packSel      *widget.Select
	phaseSel     *widget.Select
	strideSel    *widget.Select
	kindSel      *widget.Select
	frameworkSel *widget.Select
	strideCheck  *widget.Check
	countLabel   *widget.Label
	version      *quietText
	importFolder *widget.Button
	importFile   *widget.Button
	empty        *quietText
	detail       *threatDetail
	content      fyne.CanvasObject
	// problems is the import problems dialog last shown, for tests.
	problems *importProblems
}

func newCatalogueScreen(ws *workspace) *catalogueScreen {
	s := &catalogueScreen{ws: ws}
	s.list = widget.NewList(func() int { return len(s.shown) }, newThreatRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder("Search threats: id, title, description")
	s.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	s.search.OnChanged = func(t string) { s.filter.text = t; s.rebuild() }
	s.buildFilters()
	s.strideCheck = widget.NewCheck("Use the generic STRIDE pack in this project", s.onStridePack)
	s.countLabel = widget.NewLabel("")
	s.version = newNoteText("")
	s.importFolder = widget.NewButtonWithIcon("Import folder...", theme.FolderOpenIcon(), s.importFolderDialog)
	s.importFile = widget.NewButtonWithIcon("Import file...", theme.FileIcon(), s.importFileDialog)
	s.empty = newQuietText("No threat matches the search and filters.")
	s.detail = newThreatDetail(s)
	s.content = s.layout()
	return s
}

func (s *catalogueScreen) buildFilters() {
	s.packSel = widget.NewSelect(packOptions, func(v string) { s.filter.pack = optional(v); s.rebuild() })
	s.packSel.SetSelected(allOption)
	phases := []string{allOption}
	for _, ph := range threats.Phases {
		phases = append(phases, phaseNames[ph])
	}
	s.phaseSel = widget.NewSelect(phases, func(v string) { s.filter.phase = phaseNamed(v); s.rebuild() })
	s.phaseSel.SetSelected(allOption)
	s.strideSel = widget.NewSelect(strideOptions(), func(v string) { s.filter.stride = strideOf(v); s.rebuild() })
	s.strideSel.SetSelected(allOption)
	s.kindSel = widget.NewSelect(kindOptions(), func(v string) { s.filter.kind = optional(v); s.rebuild() })
	s.kindSel.SetSelected(allOption)
	fw := []string{allOption}
	for _, f := range frameworks {
		fw = append(fw, string(f))
	}
	s.frameworkSel = widget.NewSelect(fw, func(v string) { s.filter.framework = framework(optional(v)); s.rebuild() })
	s.frameworkSel.SetSelected(allOption)
}

func (s *catalogueScreen) layout() fyne.CanvasObject {
	imports := container.NewHBox(s.importFolder, s.importFile)
	filters := container.NewGridWithColumns(3, labelledSelect("Pack", s.packSel), labelledSelect("Phase", s.phaseSel),
		labelledSelect("STRIDE", s.strideSel), labelledSelect("Applies to", s.kindSel),
		labelledSelect("Framework", s.frameworkSel))
	info := container.NewBorder(nil, nil, s.strideCheck, s.countLabel)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, imports, s.search),
		filters, info, widget.NewSeparator())
	list := container.NewStack(s.list, paneMessage(s.empty))
	left := container.NewBorder(top, container.NewVBox(widget.NewSeparator(), s.version.RichText), nil, nil, list)
	split := container.NewHSplit(left, s.detail.content)
	split.Offset = 0.5
	return container.NewPadded(split)
}

// Name is the navigation label.
func (s *catalogueScreen) Name() string { return "Catalogue" }

// Icon is the navigation icon.
func (s *catalogueScreen) Icon() fyne.Resource { return theme.StorageIcon() }

// Content is the screen.
func (s *catalogueScreen) Content() fyne.CanvasObject { return s.content }

// Refresh shows the catalogue in use and the project's pack choice.
func (s *catalogueScreen) Refresh(st *workspaceState) {
	s.state = st
	s.counts = make(map[string]int, len(st.Findings))
	for _, f := range st.Findings {
		if f.Threat != nil {
			s.counts[f.Threat.ID]++
		}
	}
	s.updating = true
	s.strideCheck.SetChecked(slices.Contains(st.Project.Meta.Packs, threats.PackStride))
	s.updating = false
	if st.Catalogue != nil {
		s.version.SetText(catalogueNote(st.Catalogue))
	}
	s.rebuild()
}

// command takes Ctrl+F to the search field.
func (s *catalogueScreen) command(c command) bool {
	if c == cmdFind {
		s.ws.ui.win.Canvas().Focus(s.search)
		return true
	}
	return false
}

func (s *catalogueScreen) rebuild() {
	if s.state == nil || s.state.Catalogue == nil {
		return
	}
	s.shown = s.shown[:0]
	for _, t := range s.state.Catalogue.Threats {
		if s.filter.match(t) {
			s.shown = append(s.shown, t)
		}
	}
	s.countLabel.SetText(fmt.Sprintf("%d of %d threats", len(s.shown), len(s.state.Catalogue.Threats)))
	s.empty.showIf(len(s.shown) == 0)
	s.list.Refresh()
	s.reselect()
}

// reselect keeps the threat on show selected after the list changes.
func (s *catalogueScreen) reselect() {
	i := slices.IndexFunc(s.shown, func(t *threats.Threat) bool { return t.ID == s.current })
	if i < 0 {
		s.list.UnselectAll()
		s.detail.show(nil, s.state)
		return
	}
	s.list.Select(i)
	s.detail.show(s.shown[i], s.state)
}

func (s *catalogueScreen) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(s.shown) {
		return
	}
	s.current = s.shown[id].ID
	s.detail.show(s.shown[id], s.state)
}

// showThreat selects a threat, clearing the filters that hide it.
func (s *catalogueScreen) showThreat(id string) {
	s.current = id
	if !slices.ContainsFunc(s.shown, func(t *threats.Threat) bool { return t.ID == id }) {
		s.filter = threatFilter{}
		s.search.SetText("")
		for _, sel := range []*widget.Select{s.packSel, s.phaseSel, s.strideSel, s.kindSel, s.frameworkSel} {
			sel.SetSelected(allOption)
		}
	}
	s.rebuild()
}

func (s *catalogueScreen) onStridePack(on bool) {
	if s.updating || s.state == nil {
		return
	}
	if !s.ws.apply(packChange(s.state.Project, threats.PackStride, on)) {
		s.Refresh(s.state)
	}
}

// threatRowView is the template of a catalogue line.
type threatRowView struct {
	widget.BaseWidget
	score    *chip
	text     *twoLine
	pack     *chip
	findings *chip
	box      *fyne.Container
}

func newThreatRow() fyne.CanvasObject {
	v := &threatRowView{score: newChip("", neutral), pack: newChip("", strideChipColor), findings: newChip("", addressedColor)}
	v.score.minWidth = 34
	v.text = newTwoLine(false)
	right := container.NewHBox(container.NewCenter(v.findings), container.NewCenter(v.pack))
	v.box = container.NewBorder(nil, nil, container.NewCenter(v.score), right, v.text.RichText)
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer shows the row.
func (v *threatRowView) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.box) }

func (s *catalogueScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	v := o.(*threatRowView)
	t := s.shown[id]
	score := model.Score(t.Likelihood, t.Impact)
	v.score.set(fmt.Sprint(score), scoreColor(s.state.Scoring, score))
	v.text.set(t.Title, fmt.Sprintf("%s · STRIDE %s · %s", t.ID, strideLetters(t), phaseList(t.Phases)))
	switch {
	case t.Local:
		v.pack.set("local", localChipColor)
	case t.Pack == threats.PackStride:
		v.pack.set("STRIDE", strideChipColor)
	default:
		v.pack.set("", strideChipColor)
	}
	v.findings.set("", addressedColor)
	if n := s.counts[t.ID]; n > 0 {
		v.findings.set(countNoun(n, "finding"), addressedColor)
	}
	v.box.Refresh() // the chips' widths changed
}

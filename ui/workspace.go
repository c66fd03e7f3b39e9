package ui

import (
	"fmt"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

// screen is one page of an open project, listed in the navigation. Screens
// never write the project themselves: they build a model.Change and hand it
// to workspace.apply, and show what Refresh hands them.
type screen interface {
	// Name is the navigation label ("Findings").
	Name() string
	// Icon is the navigation icon.
	Icon() fyne.Resource
	// Content is the screen's widget tree, built once.
	Content() fyne.CanvasObject
	// Refresh shows the current project and findings; it is called after
	// every edit and undo, on the UI goroutine.
	Refresh(s *workspaceState)
}

// commandable is implemented by screens that take Edit and View menu
// commands; command reports whether the screen handled it.
type commandable interface {
	command(c command) bool
}

// shownNotifier is implemented by screens that want to know when they are
// navigated to (to take the keyboard focus, say).
type shownNotifier interface {
	shown()
}

// command is an Edit or View menu command routed to the current screen.
type command string

// The routed commands.
const (
	cmdCopy       command = "copy"
	cmdPaste      command = "paste"
	cmdDelete     command = "delete"
	cmdSelectAll  command = "select-all"
	cmdFind       command = "find"
	cmdNewElement command = "new-element"
	cmdZoomIn     command = "zoom-in"
	cmdZoomOut    command = "zoom-out"
	cmdZoomReset  command = "zoom-reset"
	cmdFit        command = "fit"
)

// Navigation order of the screens. Screens built in other files register
// themselves with addScreen in an init function, using their order.
const (
	orderDiagram   = 10
	orderFindings  = 20
	orderRegister  = 30
	orderHeatmap   = 40
	orderChecklist = 50
	orderCatalogue = 60
	orderHistory   = 70
)

type screenEntry struct {
	order int
	build func(ws *workspace) screen
}

// screenRegistry holds the screens registered by other files.
var screenRegistry []screenEntry

// addScreen adds a screen to every workspace, placed in the
// navigation by order (orderChecklist, orderCatalogue, orderHistory...).
// Call it from an init function.
func addScreen(order int, build func(ws *workspace) screen) {
	screenRegistry = append(screenRegistry, screenEntry{order, build})
}

// workspaceState is what the screens show: the project as it is now and
// the findings computed from it.
type workspaceState struct {
	Project   *model.Project
	Catalogue *threats.Catalogue
	Findings  []threats.Finding
	// Scoring is the project's effective scoring scheme.
	Scoring model.Scoring
	// Analysing is true while findings are being recomputed in the
	// background; Findings are those of the previous edit meanwhile.
	Analysing bool

	byKey map[string]int
}

// Finding returns the current finding with the given key.
func (s *workspaceState) Finding(key string) (*threats.Finding, bool) {
	i, ok := s.byKey[key]
	if !ok {
		return nil, false
	}
	return &s.Findings[i], true
}

func (s *workspaceState) setFindings(f []threats.Finding) {
	s.Findings = f
	s.byKey = make(map[string]int, len(f))
	for i := range f {
		s.byKey[f[i].Key] = i
	}
}

// workspace is an open project: its screens, its undo history and its
// status line.
type workspace struct {
	ui    *UI
	state *workspaceState

	undoStack, redoStack []model.Change
	analysisGen          int

	screens  []screen
	current  int
	diagram  *diagramScreen
	findings *findingsScreen
	register *registerScreen
	heatmap  *heatmapScreen

	nav     *widget.List
	body    *fyne.Container
	title   *widget.Label
	status  *widget.Label
	summary *widget.Label
	busy    *widget.Activity
	content fyne.CanvasObject
}

func newWorkspace(u *UI, p *model.Project) *workspace {
	ws := &workspace{ui: u, state: &workspaceState{Project: p, Catalogue: u.cat, Scoring: p.EffectiveScoring()}}
	ws.state.setFindings(threats.Analyse(p, u.cat))
	ws.buildScreens()
	ws.content = ws.layout()
	ws.refreshScreens()
	ws.setStatus("Opened " + u.now().Format("15:04:05"))
	return ws
}

func (ws *workspace) buildScreens() {
	ws.diagram = newDiagramScreen(ws)
	ws.findings = newFindingsScreen(ws)
	ws.register = newRegisterScreen(ws)
	ws.heatmap = newHeatmapScreen(ws)
	entries := append([]screenEntry{
		{orderDiagram, func(*workspace) screen { return ws.diagram }},
		{orderFindings, func(*workspace) screen { return ws.findings }},
		{orderRegister, func(*workspace) screen { return ws.register }},
		{orderHeatmap, func(*workspace) screen { return ws.heatmap }},
	}, screenRegistry...)
	slices.SortStableFunc(entries, func(a, b screenEntry) int { return a.order - b.order })
	for _, e := range entries {
		ws.screens = append(ws.screens, e.build(ws))
	}
}

func (ws *workspace) layout() fyne.CanvasObject {
	ws.nav = widget.NewList(func() int { return len(ws.screens) }, newNavItem, ws.updateNavItem)
	ws.nav.OnSelected = func(id widget.ListItemID) { ws.showIndex(id) }
	ws.body = container.NewStack()
	ws.title = widget.NewLabelWithStyle(ws.state.Project.Meta.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ws.title.Truncation = fyne.TextTruncateEllipsis
	back := widget.NewButtonWithIcon("Projects", theme.NavigateBackIcon(), ws.ui.Show)
	back.Importance = widget.LowImportance
	side := container.NewBorder(container.NewVBox(back, ws.title, widget.NewSeparator()), nil, nil, nil, ws.nav)
	side = container.NewStack(fixedWidth(navWidth), side)
	ws.status = widget.NewLabel("")
	ws.summary = widget.NewLabel("")
	ws.busy = widget.NewActivity()
	ws.busy.Hide()
	bar := container.NewHBox(ws.status, layout.NewSpacer(), ws.busy, ws.summary)
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), bar),
		container.NewHBox(side, widget.NewSeparator()), nil, ws.body)
}

// navWidth is the width of the navigation column.
const navWidth = 200

// fixedWidth is an invisible strut that keeps a column at least w wide,
// w growing with the theme's text size (presentation mode).
func fixedWidth(w float32) fyne.CanvasObject {
	s := &strut{width: w}
	s.ExtendBaseWidget(s)
	return s
}

// strut is an empty widget of a minimum width in text-size units.
type strut struct {
	widget.BaseWidget
	width float32
}

// defaultTextSize is the text size the struts' widths are given for.
const defaultTextSize = 14

// MinSize scales the width with the text size of the theme in force.
func (s *strut) MinSize() fyne.Size {
	return fyne.NewSize(s.width*theme.SizeForWidget(theme.SizeNameText, s)/defaultTextSize, 0)
}

// CreateRenderer draws nothing.
func (s *strut) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

func newNavItem() fyne.CanvasObject {
	count := widget.NewLabel("")
	count.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, widget.NewIcon(nil), count, widget.NewLabel(""))
}

func (ws *workspace) updateNavItem(id widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	s := ws.screens[id]
	c.Objects[0].(*widget.Label).SetText(s.Name())
	c.Objects[1].(*widget.Icon).SetResource(s.Icon())
	count := ""
	if b, ok := s.(interface{ navBadge() string }); ok {
		count = b.navBadge()
	}
	c.Objects[2].(*widget.Label).SetText(count)
}

// show navigates to the given screen.
func (ws *workspace) show(s screen) {
	if i := slices.Index(ws.screens, s); i >= 0 {
		ws.nav.Select(i)
	}
}

func (ws *workspace) showIndex(i int) {
	if i < 0 || i >= len(ws.screens) {
		return
	}
	ws.current = i
	ws.body.Objects = []fyne.CanvasObject{ws.screens[i].Content()}
	ws.body.Refresh()
	ws.nav.Select(i)
	if n, ok := ws.screens[i].(shownNotifier); ok {
		n.shown()
	}
	ws.ui.refreshMenu()
}

// currentScreen is the screen on show.
func (ws *workspace) currentScreen() screen { return ws.screens[ws.current] }

// command routes a menu command to the current screen.
func (ws *workspace) command(c command) bool {
	if s, ok := ws.currentScreen().(commandable); ok {
		return s.command(c)
	}
	return false
}

// setStatus shows a message in the status line.
func (ws *workspace) setStatus(text string) { ws.status.SetText(text) }

// refreshScreens hands the current state to every screen.
func (ws *workspace) refreshScreens() {
	ws.state.Scoring = ws.state.Project.EffectiveScoring()
	for _, s := range ws.screens {
		s.Refresh(ws.state)
	}
	if name := ws.state.Project.Meta.Name; ws.title.Text != name {
		ws.title.SetText(name)
		ws.ui.win.SetTitle(name + " - " + appName)
	}
	ws.summary.SetText(summaryLine(ws.state))
	ws.nav.Refresh()
	if ws.busy != nil {
		ws.busy.Hidden = !ws.state.Analysing
		if ws.state.Analysing {
			ws.busy.Start()
		} else {
			ws.busy.Stop()
		}
		ws.busy.Refresh()
	}
}

// themeChanged re-renders what draws its own colours and sizes.
func (ws *workspace) themeChanged() {
	ws.diagram.themeChanged()
	ws.refreshScreens()
}

// close ends the workspace: background work finishing later is ignored.
func (ws *workspace) close() { ws.analysisGen++ }

// summaryLine is the right side of the status bar: what is left to do.
func summaryLine(s *workspaceState) string {
	decided := make(map[string]bool, len(s.Project.Decisions))
	for _, d := range s.Project.Decisions {
		decided[d.Finding] = true
	}
	toTriage := 0
	for _, f := range s.Findings {
		if !decided[f.Key] {
			toTriage++
		}
	}
	above := 0
	for _, r := range s.Project.Risks {
		if r.Status != model.RiskClosed && s.Scoring.AboveAppetite(r) {
			above++
		}
	}
	return fmt.Sprintf("%d findings, %d to triage · %d risks, %d above appetite",
		len(s.Findings), toTriage, len(s.Project.Risks), above)
}

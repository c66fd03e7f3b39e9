package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
	"airisk/ui/diagram"
)

// paletteWidth is the width of the palette column.
const paletteWidth = 210

// diagramScreen is where the system is drawn: the palette of kinds, the
// diagram editor, and the inspector of the selection.
type diagramScreen struct {
	ws        *workspace
	state     *workspaceState
	editor    *diagram.Editor
	palette   *palette
	inspector *inspector
	badges    map[string]diagram.Badge
	selection []string
	// pastes counts pastes of the same clip, to offset each further.
	pastes   int
	lastClip string

	layoutButton *widget.Button
	find         *widget.SelectEntry
	hintLabel    *widget.Label
	layout       *layoutRun
	content      fyne.CanvasObject
}

func newDiagramScreen(ws *workspace) *diagramScreen {
	ds := &diagramScreen{ws: ws, badges: map[string]diagram.Badge{}}
	ds.editor = diagram.NewEditor()
	ds.editor.OnChange = ds.onChange
	ds.editor.OnSelect = ds.onSelect
	ds.editor.OnBadgeTapped = ws.showFindingsFor
	ds.palette = newPalette(ds)
	ds.inspector = newInspector(ds)
	ds.hintLabel = helpText("Pick a kind in the palette, then click the diagram. Drag from an element's edge dot to another element to draw a flow.")
	ds.content = ds.buildLayout()
	ds.themeChanged()
	return ds
}

func (ds *diagramScreen) buildLayout() fyne.CanvasObject {
	ds.layoutButton = widget.NewButtonWithIcon("Auto-layout", theme.ViewRefreshIcon(), ds.autoLayout)
	fit := widget.NewButtonWithIcon("Fit", theme.ViewFullScreenIcon(), func() { ds.command(cmdFit) })
	out := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { ds.command(cmdZoomOut) })
	in := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { ds.command(cmdZoomIn) })
	actual := widget.NewButton("1:1", func() { ds.command(cmdZoomReset) })
	ds.find = widget.NewSelectEntry(nil)
	ds.find.SetPlaceHolder("Find element (Ctrl+F)")
	ds.find.OnChanged = ds.onFindChanged
	ds.find.OnSubmitted = ds.onFindSubmitted
	var export *widget.Button
	export = widget.NewButtonWithIcon("Export", theme.DocumentSaveIcon(), func() {
		menu := fyne.NewMenu("",
			fyne.NewMenuItem("Diagram as PNG...", func() { ds.exportDialog("png") }),
			fyne.NewMenuItem("Diagram as SVG...", func() { ds.exportDialog("svg") }))
		c := fyne.CurrentApp().Driver().CanvasForObject(export)
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(export).AddXY(0, export.Size().Height)
		widget.ShowPopUpMenuAtPosition(menu, c, pos)
	})
	tools := container.NewHBox(ds.layoutButton, fit, out, actual, in)
	bar := container.NewBorder(nil, nil, tools, export, container.NewStack(fixedWidth(160), ds.find))
	centre := container.NewBorder(container.NewPadded(bar), container.NewPadded(ds.hintLabel), nil, nil, ds.editor)
	right := container.NewHSplit(centre, ds.inspector.content)
	right.Offset = 0.72
	pal := container.NewStack(fixedWidth(paletteWidth), ds.palette.content)
	return container.NewBorder(nil, nil, container.NewHBox(pal, widget.NewSeparator()), nil, right)
}

// Name is the navigation label.
func (ds *diagramScreen) Name() string { return "Diagram" }

// Icon is the navigation icon.
func (ds *diagramScreen) Icon() fyne.Resource { return theme.AccountIcon() }

// Content is the screen.
func (ds *diagramScreen) Content() fyne.CanvasObject { return ds.content }

// Refresh shows the new project and its findings badges.
func (ds *diagramScreen) Refresh(st *workspaceState) {
	ds.state = st
	ds.badges = findingBadges(st)
	ds.editor.SetProject(st.Project, ds.badges)
	ds.inspector.show(ds.selectionKind(), ds.selection)
	ds.refreshFind()
}

func (ds *diagramScreen) shown() { ds.ws.ui.win.Canvas().Focus(ds.editor) }

// themeChanged follows the theme: icon colours, and the presentation
// scale of the drawing.
func (ds *diagramScreen) themeChanged() {
	scale := 1.0
	if ds.ws.ui.presenting() {
		scale = presentationScale
	}
	ds.editor.SetScale(scale)
	ds.palette.refresh()
	ds.editor.Refresh()
	ds.editor.FitToWindow()
}

// onChange applies an edit made on the drawing.
func (ds *diagramScreen) onChange(c model.Change) { ds.ws.apply(c) }

func (ds *diagramScreen) onSelect(ids []string) {
	ds.selection = ids
	if ds.state != nil {
		ds.inspector.show(ds.selectionKind(), ids)
	}
}

func (ds *diagramScreen) selectionKind() selectionKind {
	p := ds.ws.state.Project
	switch {
	case len(ds.selection) == 0:
		return selNone
	case len(ds.selection) > 1:
		return selMany
	}
	id := ds.selection[0]
	if _, ok := p.Element(id); ok {
		return selElement
	}
	if _, ok := p.Flow(id); ok {
		return selFlow
	}
	if _, ok := p.Boundary(id); ok {
		return selBoundary
	}
	return selNone
}

// kindIcon is the icon of a kind in the colour the drawing uses for its
// group, in the current theme.
func (ds *diagramScreen) kindIcon(k model.Kind) fyne.Resource {
	info, _ := model.LookupKind(k)
	pal := diagram.NewPalette(theme.Current(), ds.ws.ui.theme.variant(ds.ws.ui.app))
	return diagram.KindIcon(k, pal.Stroke[info.Group])
}

func (ds *diagramScreen) boundaryIcon() fyne.Resource {
	pal := diagram.NewPalette(theme.Current(), ds.ws.ui.theme.variant(ds.ws.ui.app))
	return diagram.BoundaryIcon(pal.Boundary[model.BoundaryOrganisation])
}

// hint shows a line of help under the drawing.
func (ds *diagramScreen) hint(text string) { ds.hintLabel.SetText(text) }

// dropFromPalette adds an element where a palette drag was released.
func (ds *diagramScreen) dropFromPalette(k model.Kind, abs fyne.Position) {
	if !ds.editor.DropKindAbsolute(k, abs) {
		ds.hint("Drop the kind on the diagram to add it.")
	}
}

// findingBadges counts the open findings (to triage or accepted, not
// dismissed) of each element and flow, with the highest score among them.
func findingBadges(st *workspaceState) map[string]diagram.Badge {
	decisions := make(map[string]*model.Decision, len(st.Project.Decisions))
	for i := range st.Project.Decisions {
		decisions[st.Project.Decisions[i].Finding] = &st.Project.Decisions[i]
	}
	out := map[string]diagram.Badge{}
	for i := range st.Findings {
		f := &st.Findings[i]
		d := decisions[f.Key]
		if f.TargetKind == threats.TargetProject || (d != nil && d.Status == model.DecisionDismissed) {
			continue
		}
		b := out[f.Target]
		b.Count++
		b.Score = max(b.Score, model.Score(defaultScores(f.Threat, d)))
		out[f.Target] = b
	}
	return out
}

// showFindingsFor opens the findings of one element or flow.
func (ws *workspace) showFindingsFor(target string) {
	ws.findings.showTarget(target)
	ws.show(ws.findings)
}

// selectedElements are the selected element ids, in selection order.
func (ds *diagramScreen) selectedElements() []string {
	return slices.DeleteFunc(slices.Clone(ds.selection), func(id string) bool {
		_, ok := ds.state.Project.Element(id)
		return !ok
	})
}

package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// heatmapScreen shows the risks on two 5x5 grids, before and after their
// controls. A tap on a cell shows those risks in the register.
type heatmapScreen struct {
	ws       *workspace
	state    *workspaceState
	inherent heatCounts
	residual heatCounts

	grids   *fyne.Container
	legend  *fyne.Container
	summary *widget.Label
	export  *widget.Button
	content fyne.CanvasObject
}

func newHeatmapScreen(ws *workspace) *heatmapScreen {
	s := &heatmapScreen{ws: ws}
	s.grids = container.NewGridWithColumns(2)
	s.legend = container.NewCenter()
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.export = widget.NewButtonWithIcon("Export PNG...", theme.DocumentSaveIcon(), s.exportDialog)
	head := container.NewBorder(nil, nil, nil, s.export, s.summary)
	s.content = container.NewPadded(container.NewBorder(head, s.legend, nil, nil, container.NewVScroll(s.grids)))
	return s
}

// Name is the navigation label.
func (s *heatmapScreen) Name() string { return "Heat map" }

// Icon is the navigation icon.
func (s *heatmapScreen) Icon() fyne.Resource { return theme.GridIcon() }

// Content is the screen.
func (s *heatmapScreen) Content() fyne.CanvasObject { return s.content }

// Refresh recounts the risks and redraws the grids.
func (s *heatmapScreen) Refresh(st *workspaceState) {
	s.state = st
	s.inherent = countRisks(st.Project.Risks, false)
	s.residual = countRisks(st.Project.Risks, true)
	s.grids.Objects = []fyne.CanvasObject{
		s.titled("Inherent risk", "before controls", heatGrid(st.Scoring, &s.inherent, s.tapper(false))),
		s.titled("Residual risk", "after controls; unassessed risks at their inherent score", heatGrid(st.Scoring, &s.residual, s.tapper(true))),
	}
	s.grids.Refresh()
	s.legend.Objects = []fyne.CanvasObject{bandLegend(st.Scoring)}
	s.legend.Refresh()
	s.summary.SetText(heatSummary(st))
}

func (s *heatmapScreen) titled(title, sub string, grid fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	t.SizeName = theme.SizeNameSubHeadingText
	h := widget.NewLabel(sub)
	h.Alignment = fyne.TextAlignCenter
	h.SizeName = theme.SizeNameCaptionText
	return container.NewBorder(container.NewVBox(t, h), nil, nil, nil, grid)
}

func (s *heatmapScreen) tapper(residual bool) func(l, i int) {
	return func(l, i int) {
		s.ws.register.showCell(&heatCell{residual: residual, likelihood: l, impact: i})
		s.ws.show(s.ws.register)
	}
}

// heatSummary counts the open risks and those above the appetite.
func heatSummary(st *workspaceState) string {
	open, above := 0, 0
	for _, r := range st.Project.Risks {
		if r.Status == model.RiskClosed {
			continue
		}
		open++
		if st.Scoring.AboveAppetite(r) {
			above++
		}
	}
	return fmt.Sprintf("%d risks not closed; %d of them above the appetite of %d. Tap a cell to see its risks in the register.",
		open, above, st.Scoring.Appetite)
}

// exportDialog asks where to write the heat maps as a PNG.
func (s *heatmapScreen) exportDialog() {
	name := model.Slug(s.state.Project.Meta.Name) + "-heatmap.png"
	saveDialog(s.ws.ui, "Export heat map", name, storage.NewExtensionFileFilter([]string{".png"}), func(path string) {
		if err := s.writePNG(path); err != nil {
			s.ws.ui.showError(failed(err, "The heat map could not be written to %s", path))
			return
		}
		s.ws.setStatus("Heat map exported to " + path)
	})
}

// writePNG renders both grids off screen, in the light theme whatever the
// app shows, at twice the screen resolution for slides.
func (s *heatmapScreen) writePNG(path string) error {
	var buf bytes.Buffer
	if err := png.Encode(&buf, s.render()); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// printOutline outlines the cells above the appetite in pictures.
var printOutline = color.NRGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xff}

// heatExportSize is the size of the exported picture, in Fyne units.
var heatExportSize = fyne.NewSize(1200, 620)

func (s *heatmapScreen) render() image.Image {
	st := s.state
	title := widget.NewLabelWithStyle(st.Project.Meta.Name+": risk heat maps", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	grids := container.NewGridWithColumns(2,
		s.titled("Inherent risk", "before controls", styledHeatGrid(st.Scoring, &s.inherent, nil, printOutline)),
		s.titled("Residual risk", "after controls", styledHeatGrid(st.Scoring, &s.residual, nil, printOutline)))
	body := container.NewPadded(container.NewBorder(title, container.NewCenter(styledLegend(st.Scoring, printOutline)), nil, nil, grids))
	bg := canvas.NewRectangle(color.White)
	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetScale(2)
	c.SetContent(container.NewStack(bg, container.NewThemeOverride(body, &appTheme{mode: themeLight, scale: 1})))
	c.Resize(heatExportSize)
	return c.Capture()
}

package ui

import (
	"context"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/ui/diagram"
)

// pasteOffset is how far a paste lands from what was copied, in diagram
// units, so the copy does not hide the original.
const pasteOffset = 40

// command runs the Edit and View menu commands on the diagram.
func (ds *diagramScreen) command(c command) bool {
	switch c {
	case cmdCopy:
		ds.copySelection()
	case cmdPaste:
		ds.paste()
	case cmdDelete:
		ds.editor.DeleteSelection()
	case cmdSelectAll:
		ds.editor.SelectAll()
	case cmdFind:
		ds.ws.ui.win.Canvas().Focus(ds.find)
	case cmdNewElement:
		ds.editor.DropKind(ds.palette.armed, ds.editor.PointerPosition())
	case cmdZoomIn:
		ds.editor.ZoomIn()
	case cmdZoomOut:
		ds.editor.ZoomOut()
	case cmdZoomReset:
		ds.editor.ZoomReset()
	case cmdFit:
		ds.editor.FitToWindow()
	default:
		return false
	}
	return true
}

// copySelection puts the selected elements and the flows between them on
// the clipboard.
func (ds *diagramScreen) copySelection() {
	ids := ds.selectedElements()
	if len(ids) == 0 {
		return
	}
	text, err := copyClip(ds.state.Project, ids)
	if err != nil {
		ds.ws.ui.showError(failed(err, "The selection could not be copied"))
		return
	}
	ds.ws.ui.clipboard().SetContent(text)
	ds.ws.setStatus(fmt.Sprintf("Copied %d elements", len(ids)))
}

// paste adds the clipboard's elements with new ids, offset from the
// originals, and selects them.
func (ds *diagramScreen) paste() {
	text := ds.ws.ui.clipboard().Content()
	c, ok := parseClip(text)
	if !ok {
		return
	}
	if text == ds.lastClip {
		ds.pastes++
	} else {
		ds.lastClip, ds.pastes = text, 1
	}
	d := float64(pasteOffset * ds.pastes)
	change, added := pasteChange(ds.state.Project, c, d, d)
	if ds.ws.apply(change) {
		ds.editor.Select(added)
	}
}

// autoLayout places everything with graphviz off the UI goroutine, with a
// dialog that can cancel it; the result is one undoable edit.
func (ds *diagramScreen) autoLayout() {
	if ds.layout != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	run := &layoutRun{cancel: cancel}
	ds.layout = run
	run.showBusy(ds.ws.ui.win)
	p := ds.state.Project.Clone()
	ds.ws.ui.background(func() {
		c, err := diagram.Layout(ctx, p)
		fyne.Do(func() { ds.layoutDone(run, c, err) })
	})
}

func (ds *diagramScreen) layoutDone(run *layoutRun, c model.Change, err error) {
	run.hide()
	if ds.layout == run {
		ds.layout = nil
	}
	switch {
	case run.cancelled:
		ds.ws.setStatus("Auto-layout cancelled")
	case err != nil:
		ds.ws.ui.showError(failed(err, "The diagram could not be laid out"))
	case len(c.Ops) > 0:
		c.Summary = "Auto-layout"
		if ds.ws.apply(c) {
			ds.editor.FitToWindow()
		}
	}
}

// layoutRun is an auto-layout in progress.
type layoutRun struct {
	cancel    context.CancelFunc
	cancelled bool
	d         *dialog.CustomDialog
}

func (r *layoutRun) showBusy(w fyne.Window) {
	busy := widget.NewActivity()
	busy.Start()
	stop := widget.NewButton("Cancel", func() {
		r.cancelled = true
		r.cancel()
	})
	content := container.NewVBox(container.NewHBox(busy, widget.NewLabel("Laying out the diagram with Graphviz...")))
	r.d = dialog.NewCustomWithoutButtons("Auto-layout", content, w)
	r.d.SetButtons([]fyne.CanvasObject{stop})
	r.d.Show()
}

func (r *layoutRun) hide() {
	r.cancel()
	if r.d != nil {
		r.d.Hide()
	}
}

// exportDialog asks where to write the diagram as PNG or SVG.
func (ds *diagramScreen) exportDialog(format string) {
	name := model.Slug(ds.state.Project.Meta.Name) + "-diagram." + format
	saveDialog(ds.ws.ui, "Export diagram as "+strings.ToUpper(format), name,
		storage.NewExtensionFileFilter([]string{"." + format}), func(path string) { ds.exportTo(format, path) })
}

// exportTo writes the picture, with the findings badges, to path.
func (ds *diagramScreen) exportTo(format, path string) error {
	render := diagram.RenderPNG
	if format == "svg" {
		render = diagram.RenderSVG
	}
	data, err := render(ds.state.Project, diagram.RenderOptions{Badges: ds.badges})
	if err == nil {
		err = os.WriteFile(path, data, 0o644)
	}
	if err != nil {
		err = failed(err, "The diagram could not be exported to %s", path)
		ds.ws.ui.showError(err)
		return err
	}
	ds.ws.setStatus("Diagram exported to " + path)
	return nil
}

// refreshFind offers the element names to the find field.
func (ds *diagramScreen) refreshFind() {
	ds.onFindChanged(ds.find.Text)
}

func (ds *diagramScreen) onFindChanged(text string) {
	if ds.state == nil {
		return
	}
	var opts []string
	for _, e := range ds.state.Project.Elements {
		if text == "" || strings.Contains(strings.ToLower(e.Name), strings.ToLower(text)) {
			opts = append(opts, e.Name)
		}
	}
	ds.find.SetOptions(opts)
	for _, e := range ds.state.Project.Elements {
		if e.Name == text {
			ds.reveal(e.ID)
			return
		}
	}
}

// onFindSubmitted selects the first element whose name matches.
func (ds *diagramScreen) onFindSubmitted(text string) {
	t := strings.ToLower(strings.TrimSpace(text))
	for _, e := range ds.state.Project.Elements {
		if t != "" && strings.Contains(strings.ToLower(e.Name), t) {
			ds.reveal(e.ID)
			ds.ws.ui.win.Canvas().Focus(ds.editor)
			return
		}
	}
	ds.hint(fmt.Sprintf("No element is named like %q.", text))
}

// reveal selects an element and brings it to the middle of the view at
// actual size. The editor has no call for that yet, so it relies on Fit
// then Actual size leaving the middle of the drawing in the middle of the
// view, and pans from there.
func (ds *diagramScreen) reveal(id string) {
	ds.editor.Select([]string{id})
	scene := diagram.NewScene(ds.state.Project, ds.badges)
	n, ok := scene.Node(id)
	if !ok {
		return
	}
	ds.editor.FitToWindow()
	ds.editor.ZoomReset()
	scale := 1.0
	if ds.ws.ui.presenting() {
		scale = presentationScale
	}
	d := scene.Bounds.Centre().Sub(n.Rect.Centre()).Scale(scale)
	ds.editor.Pan(fyne.NewDelta(float32(d.X), float32(d.Y)))
}

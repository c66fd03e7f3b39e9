package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// exportWorkbook asks where to write the Excel workbook, then writes it
// off the UI goroutine with a progress dialog.
func (ws *workspace) exportWorkbook() {
	if ws.ui.io.ExportWorkbook == nil {
		return
	}
	name := model.Slug(ws.state.Project.Meta.Name) + "-risk-register.xlsx"
	saveDialog(ws.ui, "Export workbook", name, storage.NewExtensionFileFilter([]string{".xlsx"}), ws.writeWorkbook)
}

// writeWorkbook writes the workbook of the project as it is now.
func (ws *workspace) writeWorkbook(path string) {
	p := ws.state.Project // never modified in place, so safe to read meanwhile
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Writing " + path)
	label.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("Exporting workbook", container.NewVBox(label, bar), ws.ui.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	progress := func(done, total int) {
		fyne.Do(func() {
			if total > 0 {
				bar.SetValue(float64(done) / float64(total))
			}
		})
	}
	ws.ui.background(func() {
		err := ws.ui.io.ExportWorkbook(p, path, progress)
		fyne.Do(func() {
			d.Hide()
			if err != nil {
				ws.ui.showError(failed(err, "The workbook could not be written to %s", path))
				return
			}
			ws.setStatus(fmt.Sprintf("Workbook exported to %s", path))
		})
	})
}

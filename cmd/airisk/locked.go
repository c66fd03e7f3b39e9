package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// showLocked fills the window with an explanation when the database is open
// in another AI Risk Workbench window, and offers the ways forward: quit and
// close the other window, or open another database file.
func showLocked(a fyne.App, w fyne.Window, err error, onOther func(path string)) {
	title := widget.NewLabelWithStyle("This database is already open", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(err.Error() + "\n\nClose AI Risk Workbench in the other window and start it again here, " +
		"or open another database file.")
	msg.Wrapping = fyne.TextWrapWord
	other := widget.NewButton("Open another database…", func() {
		d := dialog.NewFileSave(func(uc fyne.URIWriteCloser, err error) {
			if err != nil || uc == nil {
				return
			}
			path := uc.URI().Path()
			uc.Close()
			onOther(path)
		}, w)
		d.SetFileName("airisk.db")
		d.Show()
	})
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { a.Quit() })
	w.SetTitle("AI Risk Workbench: database already open")
	w.SetContent(container.NewPadded(container.NewBorder(title, container.NewHBox(other, quit), nil, nil, msg)))
	w.Resize(fyne.NewSize(680, 280))
}

// showFatal shows an error that leaves nothing else to do but quit.
func showFatal(w fyne.Window, err error) {
	dialog.ShowError(err, w)
}

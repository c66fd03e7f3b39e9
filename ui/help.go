package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// shortcutHelp lists the keyboard shortcuts in Help > Keyboard shortcuts.
var shortcutHelp = []struct{ keys, what string }{
	{"Ctrl+Z", "Undo the last edit"},
	{"Ctrl+Shift+Z, Ctrl+Y", "Redo"},
	{"Ctrl+N", "New element of the armed palette kind at the pointer"},
	{"Delete", "Delete the selection with its flows and decisions"},
	{"Ctrl+C, Ctrl+V", "Copy and paste elements with the flows between them"},
	{"Ctrl+A", "Select everything on the screen"},
	{"Ctrl+F", "Find an element by name, or search the findings and risks"},
	{"Ctrl+plus, Ctrl+minus, Ctrl+0", "Zoom in, zoom out, actual size"},
	{"Ctrl+1 ... Ctrl+9", "Go to a screen, in the order of the navigation"},
	{"Ctrl+Shift+P", "Presentation mode"},
	{"Up, Down", "Findings: move through the list"},
	{"A, D", "Findings: accept, dismiss with a reason"},
	{"1 ... 5", "Findings: set the likelihood"},
	{"Shift+1 ... Shift+5", "Findings: set the impact"},
	{"Ctrl+Q", "Quit"},
}

// showShortcuts shows the keyboard shortcuts.
func (u *UI) showShortcuts() {
	rows := container.NewVBox()
	for _, s := range shortcutHelp {
		k := widget.NewLabelWithStyle(s.keys, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		rows.Add(container.NewBorder(nil, nil, container.NewStack(fixedWidth(250), k), nil, widget.NewLabel(s.what)))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(rows), u.win)
	d.Resize(fyne.NewSize(760, 640))
	d.Show()
}

// showAbout names the program, its catalogue and where the data lives.
func (u *UI) showAbout() {
	version := "none loaded"
	if u.cat != nil {
		version = u.cat.Version
	}
	text := fmt.Sprintf("Threat modelling and risk register for AI systems, fully offline.\n\n"+
		"Threat catalogue: %s\nDatabase: %s", version, u.store.Path())
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("About "+appName, "Close", l, u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// appMenu is the main menu. It keeps the items whose labels and states
// follow the open project and its undo history.
type appMenu struct {
	u    *UI
	main *fyne.MainMenu

	undo, redo    *fyne.MenuItem
	needProject   []*fyne.MenuItem
	needDiagram   []*fyne.MenuItem
	presentation  *fyne.MenuItem
	themes        map[themeMode]*fyne.MenuItem
	view          *fyne.Menu
	viewFixed     []*fyne.MenuItem
	builtFor      *workspace
	exportWB      *fyne.MenuItem
	importItem    *fyne.MenuItem
	exportProject *fyne.MenuItem
}

func shortcut(key fyne.KeyName, mods ...fyne.KeyModifier) fyne.Shortcut {
	m := fyne.KeyModifierShortcutDefault
	for _, x := range mods {
		m |= x
	}
	return &desktop.CustomShortcut{KeyName: key, Modifier: m}
}

func item(label string, action func(), sc fyne.Shortcut) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	it.Shortcut = sc
	return it
}

func newAppMenu(u *UI) *appMenu {
	m := &appMenu{u: u, themes: map[themeMode]*fyne.MenuItem{}}
	m.main = fyne.NewMainMenu(m.fileMenu(), m.editMenu(), m.viewMenu(), m.helpMenu())
	return m
}

func (m *appMenu) fileMenu() *fyne.Menu {
	u := m.u
	projects := item("Projects", u.Show, shortcut(fyne.KeyO, fyne.KeyModifierShift))
	m.importItem = item("Import model file...", u.projects.importDialog, shortcut(fyne.KeyI))
	m.exportProject = item("Export model file...", func() { u.projects.exportDialog(u.openID()) }, shortcut(fyne.KeyE))
	m.exportWB = item("Export workbook...", func() { u.withWorkspace((*workspace).exportWorkbook) }, nil)
	png := item("Export diagram as PNG...", func() { u.withWorkspace(func(ws *workspace) { ws.diagram.exportDialog("png") }) }, nil)
	svg := item("Export diagram as SVG...", func() { u.withWorkspace(func(ws *workspace) { ws.diagram.exportDialog("svg") }) }, nil)
	heat := item("Export heat map as PNG...", func() { u.withWorkspace(func(ws *workspace) { ws.heatmap.exportDialog() }) }, nil)
	quit := item("Quit", u.app.Quit, shortcut(fyne.KeyQ))
	quit.IsQuit = true
	m.needProject = append(m.needProject, m.exportProject, m.exportWB, png, svg, heat)
	return fyne.NewMenu("File",
		item("New project...", u.projects.newDialog, shortcut(fyne.KeyN, fyne.KeyModifierShift)),
		projects, fyne.NewMenuItemSeparator(),
		m.importItem, m.exportProject, m.exportWB, png, svg, heat,
		fyne.NewMenuItemSeparator(), quit)
}

func (m *appMenu) editMenu() *fyne.Menu {
	u := m.u
	m.undo = item("Undo", u.editUndo, &fyne.ShortcutUndo{})
	m.redo = item("Redo", u.editRedo, shortcut(fyne.KeyZ, fyne.KeyModifierShift))
	cp := item("Copy", func() { u.editCommand(cmdCopy, &fyne.ShortcutCopy{Clipboard: u.clipboard()}) }, &fyne.ShortcutCopy{})
	paste := item("Paste", func() { u.editCommand(cmdPaste, &fyne.ShortcutPaste{Clipboard: u.clipboard()}) }, &fyne.ShortcutPaste{})
	del := item("Delete", func() { u.withWorkspace(func(ws *workspace) { ws.command(cmdDelete) }) }, nil)
	all := item("Select all", func() { u.editCommand(cmdSelectAll, &fyne.ShortcutSelectAll{}) }, &fyne.ShortcutSelectAll{})
	add := item("New element", func() { u.withWorkspace(func(ws *workspace) { ws.newElementAtPointer() }) }, shortcut(fyne.KeyN))
	find := item("Find...", func() { u.withWorkspace(func(ws *workspace) { ws.command(cmdFind) }) }, shortcut(fyne.KeyF))
	m.needProject = append(m.needProject, cp, paste, del, all, find)
	m.needDiagram = append(m.needDiagram, add)
	return fyne.NewMenu("Edit", m.undo, m.redo, fyne.NewMenuItemSeparator(),
		cp, paste, del, all, fyne.NewMenuItemSeparator(), add, find)
}

func (m *appMenu) viewMenu() *fyne.Menu {
	u := m.u
	zoom := func(c command) func() { return func() { u.withWorkspace(func(ws *workspace) { ws.zoom(c) }) } }
	in := item("Zoom in", zoom(cmdZoomIn), shortcut(fyne.KeyEqual))
	out := item("Zoom out", zoom(cmdZoomOut), shortcut(fyne.KeyMinus))
	reset := item("Actual size", zoom(cmdZoomReset), shortcut(fyne.Key0))
	fit := item("Fit to window", zoom(cmdFit), nil)
	m.presentation = item("Presentation mode", func() { u.applyTheme(u.theme.mode, !u.presenting()) }, shortcut(fyne.KeyP, fyne.KeyModifierShift))
	themes := fyne.NewMenu("")
	for _, t := range []struct {
		mode  themeMode
		label string
	}{{themeSystem, "Follow the system"}, {themeLight, "Light"}, {themeDark, "Dark"}} {
		mode := t.mode
		it := fyne.NewMenuItem(t.label, func() { u.applyTheme(mode, u.presenting()) })
		m.themes[mode] = it
		themes.Items = append(themes.Items, it)
	}
	theme := fyne.NewMenuItem("Theme", nil)
	theme.ChildMenu = themes
	m.needDiagram = append(m.needDiagram, in, out, reset, fit)
	workshop := item("Start workshop…", func() { u.withWorkspace((*workspace).startWorkshop) }, nil)
	m.needProject = append(m.needProject, workshop)
	m.viewFixed = []*fyne.MenuItem{in, out, reset, fit, fyne.NewMenuItemSeparator(), m.presentation, workshop, theme}
	m.view = fyne.NewMenu("View", m.viewFixed...)
	return m.view
}

func (m *appMenu) helpMenu() *fyne.Menu {
	return fyne.NewMenu("Help",
		item("Keyboard shortcuts", m.u.showShortcuts, shortcut(fyne.KeySlash)),
		item("About AI Risk Workbench", m.u.showAbout, nil))
}

// refresh updates labels and enabled states, and the navigation items of
// the View menu when another project was opened.
func (m *appMenu) refresh() {
	ws := m.u.ws
	for _, it := range m.needProject {
		it.Disabled = ws == nil
	}
	onDiagram := ws != nil && ws.currentScreen() == screen(ws.diagram)
	for _, it := range m.needDiagram {
		it.Disabled = !onDiagram
	}
	m.importItem.Disabled = m.u.io.Import == nil
	m.exportProject.Disabled = ws == nil || m.u.io.ExportFile == nil
	m.exportWB.Disabled = ws == nil || m.u.io.ExportWorkbook == nil
	m.refreshUndo(ws)
	m.presentation.Checked = m.u.presenting()
	for mode, it := range m.themes {
		it.Checked = m.u.theme != nil && m.u.theme.mode == mode
	}
	if ws != m.builtFor {
		m.buildNavigation(ws)
	}
	m.main.Refresh()
}

func (m *appMenu) refreshUndo(ws *workspace) {
	m.undo.Label, m.undo.Disabled = "Undo", true
	m.redo.Label, m.redo.Disabled = "Redo", true
	if ws == nil {
		return
	}
	if s, ok := ws.canUndo(); ok {
		m.undo.Label, m.undo.Disabled = "Undo "+s, false
	}
	if s, ok := ws.canRedo(); ok {
		m.redo.Label, m.redo.Disabled = "Redo "+s, false
	}
}

// buildNavigation lists the workspace's screens in the View menu, with
// Ctrl+1, Ctrl+2... as shortcuts.
func (m *appMenu) buildNavigation(ws *workspace) {
	m.builtFor = ws
	m.view.Items = nil
	if ws != nil {
		for i, s := range ws.screens {
			var sc fyne.Shortcut
			if i < 9 {
				sc = shortcut(fyne.KeyName(strconv.Itoa(i + 1)))
			}
			s := s
			m.view.Items = append(m.view.Items, item(s.Name(), func() { m.u.withWorkspace(func(ws *workspace) { ws.show(s) }) }, sc))
		}
		m.view.Items = append(m.view.Items, fyne.NewMenuItemSeparator())
	}
	m.view.Items = append(m.view.Items, m.viewFixed...)
}

// withWorkspace runs f on the open project, if any.
func (u *UI) withWorkspace(f func(ws *workspace)) {
	if u.ws != nil {
		f(u.ws)
	}
}

// openID is the id of the open project, "" on the project list.
func (u *UI) openID() string {
	if u.ws == nil {
		return ""
	}
	return u.ws.state.Project.Meta.ID
}

func (u *UI) clipboard() fyne.Clipboard { return u.app.Clipboard() }

// textFocus returns the focused text widget, if any: menu shortcuts reach
// the menu before the focused widget, so Copy, Paste, Select all and Undo
// are handed back to a text field that has the focus.
func (u *UI) textFocus() (fyne.Shortcutable, bool) {
	type textWidget interface {
		fyne.Shortcutable
		SelectedText() string
	}
	t, ok := u.win.Canvas().Focused().(textWidget)
	return t, ok
}

// editCommand hands a text shortcut to the focused text field, or the
// command to the current screen.
func (u *UI) editCommand(c command, sc fyne.Shortcut) {
	if t, ok := u.textFocus(); ok {
		t.TypedShortcut(sc)
		return
	}
	u.withWorkspace(func(ws *workspace) { ws.command(c) })
}

// editUndo undoes typing in a field that has uncommitted text, else the
// last edit of the project.
func (u *UI) editUndo() {
	if t, ok := u.textFocus(); ok && pendingText(t) {
		t.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	u.withWorkspace((*workspace).undo)
}

func (u *UI) editRedo() {
	if t, ok := u.textFocus(); ok && pendingText(t) {
		t.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	u.withWorkspace((*workspace).redo)
}

// pendingText reports whether a focused text field holds typing that is
// its own to undo: any plain field, or a commit field with uncommitted
// text.
func pendingText(t fyne.Shortcutable) bool {
	if c, ok := t.(*commitEntry); ok {
		return c.dirty()
	}
	return true
}

// installShortcuts adds the shortcuts the menu cannot carry (second keys
// for redo and zoom) and the plain keys for the canvas.
func (u *UI) installShortcuts() {
	c := u.win.Canvas()
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.editRedo() })
	zoomIn := func(fyne.Shortcut) { u.withWorkspace(func(ws *workspace) { ws.zoom(cmdZoomIn) }) }
	c.AddShortcut(shortcut(fyne.KeyPlus), zoomIn)
	c.AddShortcut(shortcut(fyne.KeyPlus, fyne.KeyModifierShift), zoomIn)
	c.AddShortcut(shortcut(fyne.KeyEqual, fyne.KeyModifierShift), zoomIn)
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyDelete || ev.Name == fyne.KeyBackspace {
			u.withWorkspace(func(ws *workspace) { ws.command(cmdDelete) })
		}
	})
}

// zoom routes zoom commands to the diagram.
func (ws *workspace) zoom(c command) {
	if ws.currentScreen() == screen(ws.diagram) {
		ws.diagram.command(c)
	}
}

// newElementAtPointer adds an element of the armed palette kind where the
// pointer is on the diagram.
func (ws *workspace) newElementAtPointer() {
	if ws.currentScreen() == screen(ws.diagram) {
		ws.diagram.command(cmdNewElement)
	}
}

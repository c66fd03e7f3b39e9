package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"airisk/threats"
)

// appName is shown in the window title.
const appName = "AI Risk Workbench"

// UI is the desktop user interface in one window: the project list, and the
// workspace of the open project.
type UI struct {
	win   fyne.Window
	app   fyne.App
	store Store
	cat   *threats.Catalogue
	io    IO

	theme    *appTheme
	menu     *appMenu
	projects *projectList
	ws       *workspace

	// now is the clock, replaced in tests.
	now func() time.Time
	// background runs long work off the UI goroutine; tests run it inline.
	background func(func())
	// lastError is the last error shown, so tests can read it.
	lastError error
}

// New builds the user interface in w. cmd/airisk creates the app and the
// window, calls New, then Show (or Open) and w.ShowAndRun.
func New(w fyne.Window, a fyne.App, st Store, cat *threats.Catalogue, io IO) *UI {
	u := &UI{win: w, app: a, store: st, cat: cat, io: io,
		now: time.Now, background: func(f func()) { go f() }}
	u.projects = newProjectList(u)
	u.menu = newAppMenu(u)
	u.loadTheme()
	w.SetMainMenu(u.menu.main)
	u.installShortcuts()
	return u
}

// Show shows the project list.
func (u *UI) Show() {
	if u.ws != nil {
		u.ws.close()
		u.ws = nil
	}
	u.projects.reload()
	u.win.SetTitle(appName)
	u.win.SetContent(u.projects.content)
	u.refreshMenu()
}

// Open opens the project with the given id in the workspace.
func (u *UI) Open(projectID string) error {
	p, err := u.store.Load(projectID)
	if err != nil {
		err = failed(err, "The project %q could not be opened", projectID)
		u.showError(err)
		return err
	}
	if u.ws != nil {
		u.ws.close()
	}
	u.ws = newWorkspace(u, p)
	u.win.SetTitle(p.Meta.Name + " - " + appName)
	u.win.SetContent(u.ws.content)
	u.ws.showIndex(0)
	u.refreshMenu()
	return nil
}

// showError is the one place errors reach the person at the keyboard: a
// dialog with a sentence saying what failed and why.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	u.lastError = err
	d := dialog.NewCustom("Something went wrong", "OK", errorContent(err), u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// refreshMenu brings the menu's labels and enabled states up to date.
func (u *UI) refreshMenu() {
	if u.menu != nil {
		u.menu.refresh()
	}
}

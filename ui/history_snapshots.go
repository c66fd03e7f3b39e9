package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// snapshotPanel is the snapshots tab: take a named snapshot, and list the
// snapshots with compare, restore and delete.
type snapshotPanel struct {
	s     *historyScreen
	snaps []SnapshotInfo

	name    *widget.Entry
	take    *widget.Button
	list    *widget.List
	empty   *quietText
	content fyne.CanvasObject
	// confirm is the restore or delete confirmation last shown, for tests.
	confirm *dialog.ConfirmDialog
}

func newSnapshotPanel(s *historyScreen) *snapshotPanel {
	p := &snapshotPanel{s: s}
	p.name = widget.NewEntry()
	p.name.SetPlaceHolder("Name of a new snapshot, such as \"Before the design review\"")
	p.name.OnSubmitted = func(string) { p.onTake() }
	p.take = widget.NewButtonWithIcon("Take snapshot", theme.ContentAddIcon(), p.onTake)
	p.take.Importance = widget.HighImportance
	p.list = widget.NewList(func() int { return len(p.snaps) }, newSnapshotRow, p.updateRow)
	p.list.OnSelected = func(id widget.ListItemID) { p.list.Unselect(id) }
	p.empty = newQuietText("No snapshot yet. A snapshot keeps the whole project as it is now, " +
		"to compare with later or to go back to.")
	top := container.NewVBox(container.NewBorder(nil, nil, nil, p.take, p.name),
		newNoteText("Restoring a snapshot is an ordinary edit: Edit > Undo takes it back.").RichText, widget.NewSeparator())
	p.content = container.NewBorder(top, nil, nil, nil,
		container.NewStack(p.list, paneMessage(p.empty)))
	return p
}

// show lists the snapshots, newest first.
func (p *snapshotPanel) show(snaps []SnapshotInfo) {
	p.snaps = snaps
	p.empty.showIf(len(snaps) == 0)
	p.list.Refresh()
}

func (p *snapshotPanel) onTake() {
	name := strings.TrimSpace(p.name.Text)
	if err := nameValidator("The snapshot's name")(name); err != nil {
		p.s.ws.setStatus(sentence(err.Error()))
		p.s.ws.ui.win.Canvas().Focus(p.name)
		return
	}
	p.takeSnapshot(name)
}

// takeSnapshot stores a named snapshot of the project.
func (p *snapshotPanel) takeSnapshot(name string) bool {
	proj := p.s.state.Project
	info, err := p.s.store.Snapshot(proj.Meta.ID, name)
	if err != nil {
		p.s.ws.ui.showError(failed(err, "The snapshot %q could not be taken", name))
		return false
	}
	p.name.SetText("")
	p.s.ws.setStatus(fmt.Sprintf("Snapshot %q taken at %s", info.Name, info.Time.Local().Format("15:04")))
	p.s.reload()
	return true
}

// askRestore says what a restore would change and asks before turning
// the project back into the snapshot.
func (p *snapshotPanel) askRestore(info SnapshotInfo) {
	ws := p.s.ws
	snap, err := p.s.compare.snapshot(info.ID)
	if err != nil {
		ws.ui.showError(err)
		return
	}
	d := diffProjects(ws.state.Project, snap, ws.state.Catalogue)
	if d.empty() && len(restoreChange(ws.state.Project, snap, info.Name).Ops) == 0 {
		ws.setStatus(fmt.Sprintf("The project already matches snapshot %q", info.Name))
		return
	}
	msg := fmt.Sprintf("Turn the project back into snapshot %q of %s?\n\nWhat changes: %s.\n\n"+
		"The restore is one edit: Edit > Undo takes it back.",
		info.Name, info.Time.Local().Format("2 Jan 2006 15:04"), strings.TrimSuffix(d.summary(), "."))
	p.confirm = dialog.NewConfirm("Restore snapshot", msg, func(ok bool) {
		if ok {
			p.restore(info)
		}
	}, ws.ui.win)
	p.confirm.SetConfirmText("Restore")
	p.confirm.SetDismissText("Cancel")
	p.confirm.SetConfirmImportance(widget.DangerImportance)
	p.confirm.Show()
}

// restore makes the project what the snapshot holds, as one undoable edit.
func (p *snapshotPanel) restore(info SnapshotInfo) bool {
	ws := p.s.ws
	cur := ws.state.Project
	snap, err := p.s.compare.snapshot(info.ID)
	if err != nil {
		ws.ui.showError(err)
		return false
	}
	// The change gets its own copy: the cached snapshot must never share
	// property maps with the project on show.
	c := restoreChange(cur, snap.Clone(), info.Name)
	if len(c.Ops) == 0 {
		ws.setStatus(fmt.Sprintf("The project already matches snapshot %q", info.Name))
		return true
	}
	return ws.apply(c)
}

// askDelete asks before deleting a snapshot.
func (p *snapshotPanel) askDelete(info SnapshotInfo) {
	msg := fmt.Sprintf("Delete snapshot %q of %s?\nThis cannot be undone; the project itself is not changed.",
		info.Name, info.Time.Local().Format("2 Jan 2006 15:04"))
	p.confirm = dialog.NewConfirm("Delete snapshot", msg, func(ok bool) {
		if ok {
			p.deleteSnapshot(info)
		}
	}, p.s.ws.ui.win)
	p.confirm.SetConfirmText("Delete")
	p.confirm.SetDismissText("Cancel")
	p.confirm.SetConfirmImportance(widget.DangerImportance)
	p.confirm.Show()
}

func (p *snapshotPanel) deleteSnapshot(info SnapshotInfo) bool {
	if err := p.s.store.DeleteSnapshot(p.s.state.Project.Meta.ID, info.ID); err != nil {
		p.s.ws.ui.showError(failed(err, "The snapshot %q could not be deleted", info.Name))
		return false
	}
	p.s.compare.forget(info.ID)
	p.s.ws.setStatus(fmt.Sprintf("Snapshot %q deleted", info.Name))
	p.s.reload()
	return true
}

// snapshotRowView is the template of a snapshot line.
type snapshotRowView struct {
	widget.BaseWidget
	text    *twoLine
	compare *widget.Button
	restore *widget.Button
	remove  *widget.Button
	box     *fyne.Container
}

func newSnapshotRow() fyne.CanvasObject {
	v := &snapshotRowView{}
	v.text = newTwoLine(true)
	v.compare = widget.NewButtonWithIcon("Compare with now", theme.ContentCopyIcon(), nil)
	v.restore = widget.NewButtonWithIcon("Restore...", theme.HistoryIcon(), nil)
	v.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	v.remove.Importance = widget.LowImportance
	buttons := container.NewHBox(container.NewCenter(v.compare), container.NewCenter(v.restore), container.NewCenter(v.remove))
	v.box = container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.DocumentSaveIcon())), buttons, v.text.RichText)
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer shows the row.
func (v *snapshotRowView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.box)
}

func (p *snapshotPanel) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	v := o.(*snapshotRowView)
	info := p.snaps[id]
	sub := "Taken " + info.Time.Local().Format("Monday 2 January 2006 at 15:04")
	if info.User != "" {
		sub += " by " + info.User
	}
	v.text.set(info.Name, sub)
	v.compare.OnTapped = func() { p.s.compare.compareWithNow(info) }
	v.restore.OnTapped = func() { p.askRestore(info) }
	v.remove.OnTapped = func() { p.askDelete(info) }
}

package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// projectList is the first screen: every project in the database, with
// create, open, rename, duplicate, delete, import and export.
type projectList struct {
	u        *UI
	metas    []model.ProjectMeta
	selected int

	list    *widget.List
	empty   *fyne.Container
	content fyne.CanvasObject

	openButton, renameButton, duplicateButton, exportButton, deleteButton *widget.Button
	newButton, importButton                                               *widget.Button
}

func newProjectList(u *UI) *projectList {
	pl := &projectList{u: u, selected: -1}
	pl.list = widget.NewList(func() int { return len(pl.metas) }, pl.newRow, pl.updateRow)
	pl.list.OnSelected = pl.onSelected
	pl.list.OnUnselected = func(widget.ListItemID) { pl.selected = -1; pl.refreshButtons() }
	pl.newButton = widget.NewButtonWithIcon("New project", theme.ContentAddIcon(), pl.newDialog)
	pl.newButton.Importance = widget.HighImportance
	pl.importButton = widget.NewButtonWithIcon("Import...", theme.DownloadIcon(), pl.importDialog)
	pl.openButton = widget.NewButtonWithIcon("Open", theme.FolderOpenIcon(), pl.onOpen)
	pl.openButton.Importance = widget.HighImportance
	pl.renameButton = widget.NewButtonWithIcon("Rename...", theme.DocumentCreateIcon(), pl.onRename)
	pl.duplicateButton = widget.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(), pl.onDuplicate)
	pl.exportButton = widget.NewButtonWithIcon("Export...", theme.UploadIcon(), func() { pl.exportDialog(pl.selectedID()) })
	pl.deleteButton = widget.NewButtonWithIcon("Delete...", theme.DeleteIcon(), pl.onDelete)
	pl.deleteButton.Importance = widget.DangerImportance
	pl.content = pl.layout()
	pl.refreshButtons()
	return pl
}

func (pl *projectList) layout() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(appName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	sub := widget.NewLabel("Threat models of AI systems and their risk registers, kept on this computer.")
	sub.Importance = widget.LowImportance
	head := container.NewBorder(nil, nil, nil, container.NewCenter(container.NewHBox(pl.importButton, pl.newButton)),
		container.NewVBox(title, sub))
	selected := widget.NewLabel("Selected project:")
	selected.Importance = widget.LowImportance
	actions := container.NewHBox(selected, pl.renameButton, pl.duplicateButton, pl.exportButton,
		layout.NewSpacer(), pl.deleteButton)
	hint := widget.NewLabel("No projects yet. Create one, or import a model file (portable JSON or YAML, or OWASP Threat Dragon).")
	hint.Wrapping = fyne.TextWrapWord
	hint.Alignment = fyne.TextAlignCenter
	pl.empty = container.NewCenter(container.NewVBox(hint))
	body := container.NewStack(pl.list, pl.empty)
	return container.NewPadded(container.NewBorder(
		container.NewVBox(head, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), actions), nil, nil, body))
}

// projectRow is one project in the list: name, description, owner and
// date, and a button that opens it.
type projectRow struct {
	widget.BaseWidget
	text *widget.RichText
	open *widget.Button
	box  *fyne.Container
}

func (pl *projectList) newRow() fyne.CanvasObject {
	r := &projectRow{open: widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), nil)}
	r.text = widget.NewRichText(&widget.TextSegment{Style: projectNameStyle},
		&widget.TextSegment{Style: widget.RichTextStyleParagraph}, &widget.TextSegment{Style: subStyle})
	r.text.Truncation = fyne.TextTruncateEllipsis
	r.open.IconPlacement = widget.ButtonIconTrailingText
	r.box = container.NewBorder(nil, nil, widget.NewIcon(theme.DocumentIcon()), container.NewCenter(r.open), r.text)
	r.ExtendBaseWidget(r)
	return r
}

// projectNameStyle is a project's name in the list.
var projectNameStyle = widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}

// CreateRenderer shows the row's parts.
func (r *projectRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func (pl *projectList) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	m := pl.metas[id]
	r := o.(*projectRow)
	desc := m.Description
	if desc == "" {
		desc = "No description"
	}
	var parts []string
	if m.Owner != "" {
		parts = append(parts, "Owner: "+m.Owner)
	}
	if !m.Updated.IsZero() {
		parts = append(parts, "updated "+m.Updated.Local().Format("2 Jan 2006 15:04"))
	}
	parts = append(parts, "id "+m.ID)
	for i, text := range []string{m.Name, desc, strings.Join(parts, " · ")} {
		r.text.Segments[i].(*widget.TextSegment).Text = text
	}
	r.text.Refresh()
	projectID := m.ID
	r.open.OnTapped = func() { pl.u.Open(projectID) }
}

// reload reads the project list from the store.
func (pl *projectList) reload() {
	metas, err := pl.u.store.Projects()
	if err != nil {
		pl.u.showError(failed(err, "The list of projects could not be read"))
	}
	pl.metas = metas
	pl.selected = -1
	pl.list.UnselectAll()
	pl.list.Refresh()
	pl.empty.Hidden = len(metas) > 0
	pl.refreshButtons()
}

func (pl *projectList) onSelected(id widget.ListItemID) {
	pl.selected = id
	pl.refreshButtons()
}

func (pl *projectList) refreshButtons() {
	none := pl.selected < 0 || pl.selected >= len(pl.metas)
	for _, b := range []*widget.Button{pl.openButton, pl.renameButton, pl.duplicateButton, pl.deleteButton} {
		setEnabled(b, !none)
	}
	setEnabled(pl.exportButton, !none && pl.u.io.ExportFile != nil)
	setEnabled(pl.importButton, pl.u.io.Import != nil)
}

func setEnabled(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

func (pl *projectList) selectedID() string {
	if pl.selected < 0 || pl.selected >= len(pl.metas) {
		return ""
	}
	return pl.metas[pl.selected].ID
}

// selectID selects the project with the given id in the list.
func (pl *projectList) selectID(id string) {
	for i, m := range pl.metas {
		if m.ID == id {
			pl.list.Select(i)
			return
		}
	}
}

func (pl *projectList) onOpen() {
	if id := pl.selectedID(); id != "" {
		pl.u.Open(id)
	}
}

func (pl *projectList) onRename() {
	id := pl.selectedID()
	if id == "" {
		return
	}
	name := widget.NewEntry()
	name.SetText(pl.metas[pl.selected].Name)
	name.Validator = nameValidator("The project name")
	items := []*widget.FormItem{widget.NewFormItem("Name", name)}
	d := dialog.NewForm("Rename project", "Rename", "Cancel", items, func(ok bool) {
		if ok {
			pl.renameProject(id, name.Text)
		}
	}, pl.u.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// renameProject gives a stored project a new name, as a logged edit.
func (pl *projectList) renameProject(id, name string) error {
	p, err := pl.u.store.Load(id)
	if err == nil {
		meta := p.Meta
		meta.Name = strings.TrimSpace(name)
		meta.Updated = pl.u.now().UTC()
		err = pl.u.store.Apply(id, model.Change{Summary: "Rename project to " + meta.Name, Ops: []model.Op{model.PutMeta(meta)}})
	}
	if err != nil {
		err = failed(err, "The project could not be renamed")
		pl.u.showError(err)
		return err
	}
	pl.reload()
	pl.selectID(id)
	return nil
}

func (pl *projectList) onDuplicate() {
	if id := pl.selectedID(); id != "" {
		pl.duplicateProject(id)
	}
}

// duplicateProject stores a copy of a project under a new id and name.
func (pl *projectList) duplicateProject(id string) (string, error) {
	p, err := pl.u.store.Load(id)
	if err != nil {
		err = failed(err, "The project could not be duplicated")
		pl.u.showError(err)
		return "", err
	}
	cp := p.Clone()
	cp.Meta.Name = fmt.Sprintf("%s (copy)", p.Meta.Name)
	cp.Meta.ID = pl.freeID(model.Slug(cp.Meta.Name))
	now := pl.u.now().UTC()
	cp.Meta.Created, cp.Meta.Updated = now, now
	if err := pl.u.store.Create(cp); err != nil {
		err = failed(err, "The copy of %q could not be saved", p.Meta.Name)
		pl.u.showError(err)
		return "", err
	}
	pl.reload()
	pl.selectID(cp.Meta.ID)
	return cp.Meta.ID, nil
}

// freeID returns base or base-2, base-3... whichever no project uses.
func (pl *projectList) freeID(base string) string {
	used := map[string]bool{}
	metas, _ := pl.u.store.Projects()
	for _, m := range metas {
		used[m.ID] = true
	}
	return uniqueID(base, used)
}

func (pl *projectList) onDelete() {
	id := pl.selectedID()
	if id == "" {
		return
	}
	name := pl.metas[pl.selected].Name
	msg := fmt.Sprintf("Delete %q with its diagram, decisions, risk register and history?\nThis cannot be undone; export the project first to keep a copy.", name)
	d := dialog.NewConfirm("Delete project", msg, func(ok bool) {
		if ok {
			pl.deleteProject(id)
		}
	}, pl.u.win)
	d.SetConfirmText("Delete")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// deleteProject removes a project from the store.
func (pl *projectList) deleteProject(id string) error {
	if err := pl.u.store.Delete(id); err != nil {
		err = failed(err, "The project could not be deleted")
		pl.u.showError(err)
		return err
	}
	pl.reload()
	return nil
}

// nameValidator checks a required name with the model's limits.
func nameValidator(what string) fyne.StringValidator {
	return func(s string) error {
		switch {
		case strings.TrimSpace(s) == "":
			return fmt.Errorf("%s cannot be empty", what)
		case len([]rune(s)) > model.MaxNameLength:
			return fmt.Errorf("%s is longer than %d characters", what, model.MaxNameLength)
		}
		return nil
	}
}

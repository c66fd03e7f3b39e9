package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// modelFileFilter limits the file dialogs to model files.
var modelFileFilter = storage.NewExtensionFileFilter([]string{".yaml", ".yml", ".json"})

// blankOption is the new-project dialog's choice of an empty project.
const blankOption = "Blank project"

// newDialog asks for a new project's starting point (blank or a starter
// template), name, description and owner, then creates and opens it.
func (pl *projectList) newDialog() {
	name, desc, owner := widget.NewEntry(), widget.NewMultiLineEntry(), widget.NewEntry()
	name.Validator = nameValidator("The project name")
	name.SetPlaceHolder("Customer support assistant")
	desc.SetPlaceHolder("What the AI system does, for whom")
	desc.SetMinRowsVisible(3)
	owner.SetPlaceHolder("Who answers for the risks")
	templates := pl.templates()
	start := newStartSelect(templates, desc)
	items := []*widget.FormItem{
		widget.NewFormItem("Start from", start), widget.NewFormItem("Name", name),
		widget.NewFormItem("Description", desc), widget.NewFormItem("Owner", owner),
	}
	d := dialog.NewForm("New project", "Create", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		if id, err := pl.createFrom(templateByName(templates, start.Selected), name.Text, desc.Text, owner.Text); err == nil {
			pl.u.Open(id)
		}
	}, pl.u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	pl.u.win.Canvas().Focus(name)
}

// templates reads the starter templates; without them (or when they cannot
// be read, which is said) only a blank project is offered.
func (pl *projectList) templates() []Template {
	if pl.u.io.Templates == nil {
		return nil
	}
	ts, err := pl.u.io.Templates()
	if err != nil {
		pl.u.showError(failed(err, "The starter templates could not be read"))
		return nil
	}
	return ts
}

// newStartSelect offers a blank project or one of the templates; picking
// a template puts its description in desc, unless the person typed one.
func newStartSelect(templates []Template, desc *widget.Entry) *widget.Select {
	opts := []string{blankOption}
	for _, t := range templates {
		opts = append(opts, t.Name)
	}
	sel := widget.NewSelect(opts, func(choice string) {
		if desc.Text != "" && !isTemplateDescription(templates, desc.Text) {
			return
		}
		text := ""
		if t := templateByName(templates, choice); t != nil {
			text = t.Description
		}
		desc.SetText(text)
	})
	sel.SetSelected(blankOption)
	return sel
}

// isTemplateDescription reports whether text is one template's
// description, put there by newStartSelect.
func isTemplateDescription(templates []Template, text string) bool {
	for _, t := range templates {
		if t.Description == text {
			return true
		}
	}
	return false
}

// templateByName returns the template with the given name, or nil (a
// blank project).
func templateByName(templates []Template, name string) *Template {
	for i := range templates {
		if templates[i].Name == name {
			return &templates[i]
		}
	}
	return nil
}

// createProject stores a new empty project and returns its id.
func (pl *projectList) createProject(name, desc, owner string) (string, error) {
	return pl.createFrom(nil, name, desc, owner)
}

// createFrom stores a new project, a copy of template t (nil for an empty
// one) under a fresh id, and returns its id. A blank description or owner
// keeps the template's.
func (pl *projectList) createFrom(t *Template, name, desc, owner string) (string, error) {
	name = strings.TrimSpace(name)
	p := &model.Project{}
	if t != nil && t.Project != nil {
		p = t.Project.Clone()
	}
	now := pl.u.now().UTC()
	p.Meta.ID, p.Meta.Name = pl.freeID(model.Slug(name)), name
	if desc = strings.TrimSpace(desc); desc != "" || t == nil {
		p.Meta.Description = desc
	}
	if owner = strings.TrimSpace(owner); owner != "" || t == nil {
		p.Meta.Owner = owner
	}
	p.Meta.Created, p.Meta.Updated = now, now
	err := p.Validate()
	if err == nil {
		err = pl.u.store.Create(p)
	}
	if err != nil {
		err = failed(err, "The project %q could not be created", name)
		pl.u.showError(err)
		return "", err
	}
	pl.reload()
	pl.selectID(p.Meta.ID)
	return p.Meta.ID, nil
}

// importDialog asks for a model file to import.
func (pl *projectList) importDialog() {
	if pl.u.io.Import == nil {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			pl.u.showError(failed(err, "The file could not be opened"))
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		pl.importPath(path)
	}, pl.u.win)
	d.SetFilter(modelFileFilter)
	d.SetTitleText("Import a model file (portable JSON or YAML, or OWASP Threat Dragon)")
	d.Resize(fyne.NewSize(860, 600))
	d.Show()
}

// importPath imports the file at path. A project whose id is already taken
// is imported as a copy or replaces the stored one, as the person chooses.
func (pl *projectList) importPath(path string) {
	p, report, err := pl.u.io.Import(path)
	if err != nil {
		pl.u.showError(failed(err, "%s could not be imported", path))
		return
	}
	if old, err := pl.u.store.Load(p.Meta.ID); err == nil {
		pl.askImportConflict(p, old, report)
		return
	}
	pl.finishImport(p, report, false)
}

// askImportConflict asks whether an import replaces the stored project
// with the same id or is kept beside it.
func (pl *projectList) askImportConflict(p, old *model.Project, report string) {
	msg := widget.NewLabel(fmt.Sprintf("The database already has a project with the id %q (%s).\n"+
		"Replace it with the imported file, or keep both?", p.Meta.ID, old.Meta.Name))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	replace := widget.NewButton("Replace", func() { d.Hide(); pl.finishImport(p, report, true) })
	replace.Importance = widget.DangerImportance
	both := widget.NewButton("Keep both", func() { d.Hide(); pl.finishImport(p, report, false) })
	both.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Project already exists", msg, pl.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, replace, both})
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// finishImport stores an imported project, over the stored one or as a
// new project, and opens it.
func (pl *projectList) finishImport(p *model.Project, report string, replace bool) error {
	var err error
	if replace {
		err = pl.u.store.Replace(p)
	} else {
		if _, loadErr := pl.u.store.Load(p.Meta.ID); loadErr == nil {
			p.Meta.ID = pl.freeID(p.Meta.ID)
			p.Meta.Name += " (imported)"
		}
		err = pl.u.store.Create(p)
	}
	if err != nil {
		err = failed(err, "The imported project %q could not be saved", p.Meta.Name)
		pl.u.showError(err)
		return err
	}
	pl.reload()
	if pl.u.Open(p.Meta.ID) == nil && strings.TrimSpace(report) != "" {
		pl.showReport(p.Meta.Name, report)
	}
	return nil
}

// showReport lists what a foreign format could not carry over.
func (pl *projectList) showReport(name, report string) {
	text := widget.NewLabel(report)
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	intro := widget.NewLabel(fmt.Sprintf("%s was imported. Some of the file could not be carried over exactly:", name))
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Import report", "Close",
		container.NewBorder(intro, nil, nil, nil, container.NewVScroll(text)), pl.u.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// exportDialog asks where to write a project as a portable model file.
func (pl *projectList) exportDialog(id string) {
	if id == "" || pl.u.io.ExportFile == nil {
		return
	}
	saveDialog(pl.u, "Export model file", model.Slug(id)+".airisk.yaml", modelFileFilter, func(path string) {
		pl.exportPath(id, path)
	})
}

// exportPath writes the project with the given id to path.
func (pl *projectList) exportPath(id, path string) error {
	p, err := pl.u.store.Load(id)
	if pl.u.ws != nil && pl.u.openID() == id {
		p, err = pl.u.ws.state.Project, nil
	}
	if err == nil {
		err = pl.u.io.ExportFile(p, path)
	}
	if err != nil {
		err = failed(err, "The project could not be exported to %s", path)
		pl.u.showError(err)
		return err
	}
	pl.u.notify("Exported to " + path)
	return nil
}

// saveDialog asks for a file to write and hands its path to save. The
// dialog creates the file empty; save overwrites it.
func saveDialog(u *UI, title, name string, filter storage.FileFilter, save func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(failed(err, "The file could not be chosen"))
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		save(path)
	}, u.win)
	d.SetTitleText(title)
	d.SetFileName(name)
	if filter != nil {
		d.SetFilter(filter)
	}
	d.Resize(fyne.NewSize(860, 600))
	d.Show()
}

// notify tells the person something finished, in the status line of an
// open project or as a short dialog on the project list.
func (u *UI) notify(text string) {
	if u.ws != nil {
		u.ws.setStatus(text)
		return
	}
	dialog.NewInformation(appName, text, u.win).Show()
}

package ui

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// ragTemplate is a starter template of two elements and a flow.
func ragTemplate() Template {
	p := &model.Project{
		Meta: model.ProjectMeta{ID: "rag-assistant", Name: "RAG assistant", Description: "Answers from the company's documents."},
		Elements: []model.Element{
			{ID: "user", Kind: model.KindUser, Name: "Employee", Props: model.Props{}},
			{ID: "index", Kind: model.KindVectorStore, Name: "Document index", Props: model.Props{}},
		},
		Flows: []model.Flow{{ID: "f1", From: "user", To: "index", Name: "Search", Props: model.Props{}}},
	}
	return Template{ID: "rag-assistant", Name: p.Meta.Name, Description: p.Meta.Description, Project: p}
}

// dialogObjects returns the widgets of the dialog on top of the window.
func dialogObjects(t *testing.T, w fyne.Window) []fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog on show")
	}
	return test.LaidOutObjects(top)
}

func TestNewProjectFromTemplate(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	tpl := ragTemplate()
	h.u.io.Templates = func() ([]Template, error) { return []Template{tpl}, nil }
	pl := h.u.projects
	pl.newDialog()
	var start *widget.Select
	var create *widget.Button
	for _, o := range dialogObjects(t, h.win) {
		switch v := o.(type) {
		case *widget.Select:
			start = v
		case *widget.Button:
			if v.Text == "Create" {
				create = v
			}
		}
	}
	if start == nil || create == nil {
		t.Fatal("the new-project dialog has no Start from choice or no Create button")
	}
	if want := []string{blankOption, "RAG assistant"}; len(start.Options) != 2 || start.Options[1] != want[1] {
		t.Fatalf("start options: got %q, want %q", start.Options, want)
	}
	start.SetSelected("RAG assistant")
	test.Type(h.win.Canvas().Focused(), "HR helpdesk")
	test.Tap(create)

	if h.u.ws == nil {
		t.Fatal("the new project did not open")
	}
	p := h.project()
	if p.Meta.ID != "hr-helpdesk" || p.Meta.Name != "HR helpdesk" {
		t.Errorf("new project: got id %q, name %q; want hr-helpdesk, HR helpdesk", p.Meta.ID, p.Meta.Name)
	}
	if p.Meta.Description != tpl.Description {
		t.Errorf("description: got %q, want the template's %q", p.Meta.Description, tpl.Description)
	}
	if p.Meta.Created != testNow.UTC() || p.Meta.Updated != testNow.UTC() {
		t.Errorf("times: got %v, %v; want %v", p.Meta.Created, p.Meta.Updated, testNow.UTC())
	}
	if len(p.Elements) != 2 || p.Elements[1].Name != "Document index" || len(p.Flows) != 1 {
		t.Errorf("opened project has %d elements, %d flows; want the template's 2 and 1", len(p.Elements), len(p.Flows))
	}
	if tpl.Project.Meta.ID != "rag-assistant" || tpl.Project.Meta.Name != "RAG assistant" {
		t.Error("creating a project changed the template itself")
	}
	h.saved()
}

func TestCreateFrom(t *testing.T) {
	tpl := ragTemplate()
	tests := []struct {
		name, project, desc string
		tpl                 *Template
		wantID, wantDesc    string
		wantElements        int
	}{
		{"blank", "Fraud scoring", "Scores payments", nil, "fraud-scoring", "Scores payments", 0},
		{"template", "RAG assistant", "", &tpl, "rag-assistant", tpl.Description, 2},
		{"template with id taken", "Customer support assistant", "Ours", &tpl, "customer-support-assistant-2", "Ours", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, sampleProject(t))
			taken := &model.Project{Meta: model.ProjectMeta{ID: "customer-support-assistant", Name: "Old", Created: testNow, Updated: testNow}}
			if err := h.store.Create(taken); err != nil {
				t.Fatal(err)
			}
			id, err := h.u.projects.createFrom(tt.tpl, tt.project, tt.desc, "")
			if err != nil {
				t.Fatal(err)
			}
			p := h.store.stored(id)
			if id != tt.wantID || p.Meta.Description != tt.wantDesc || len(p.Elements) != tt.wantElements {
				t.Errorf("got id %q, description %q, %d elements; want %q, %q, %d",
					id, p.Meta.Description, len(p.Elements), tt.wantID, tt.wantDesc, tt.wantElements)
			}
		})
	}
}

func TestTemplatesUnreadable(t *testing.T) {
	h := newHarness(t)
	h.u.io.Templates = func() ([]Template, error) { return nil, errors.New("templates/x.yaml: bad format") }
	if ts := h.u.projects.templates(); ts != nil {
		t.Errorf("templates: got %d, want none", len(ts))
	}
	if h.u.lastError == nil {
		t.Error("an unreadable template set was not reported")
	}
}

package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"airisk/model"
)

func TestUndoRedoAcrossScreens(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	original := canonical(t, h.project())

	// Diagram: delete an element.
	ws.diagram.editor.Select([]string{"memory"})
	ws.diagram.command(cmdDelete)
	// Findings: accept one.
	key := undecided(t, ws, "chat-app")
	selectFinding(t, ws.findings, key)
	ws.findings.accept(ws.findings.targets())
	// Register: change an owner.
	r := h.project().Risks[0].Clone()
	r.Owner = "Someone else"
	ws.register.saveRisk(r, false)
	afterAll := canonical(t, h.project())

	if label, ok := ws.canUndo(); !ok || !strings.Contains(label, r.ID) {
		t.Errorf("undo label: got %q, want the register edit", label)
	}
	h.u.menu.refresh()
	if !strings.HasPrefix(h.u.menu.undo.Label, "Undo Edit risk") || h.u.menu.undo.Disabled {
		t.Errorf("Edit menu: got %q (disabled %v), want Undo Edit risk...", h.u.menu.undo.Label, h.u.menu.undo.Disabled)
	}

	for range 3 {
		h.u.editUndo()
	}
	if g := canonical(t, h.project()); g != original {
		t.Errorf("after three undos the project differs:\n%s", firstDiff(g, original))
	}
	if _, ok := ws.canUndo(); ok {
		t.Error("undo stack not empty after undoing everything")
	}
	for range 3 {
		h.u.editRedo()
	}
	if g := canonical(t, h.project()); g != afterAll {
		t.Errorf("after three redos the project differs:\n%s", firstDiff(g, afterAll))
	}
	if g := canonical(t, h.store.stored("support-assistant")); g != afterAll {
		t.Errorf("the stored project differs from the one shown:\n%s", firstDiff(g, afterAll))
	}
	// A new edit clears the redo stack.
	ws.undo()
	ws.apply(model.Change{Summary: "Rename", Ops: []model.Op{model.PutMeta(model.ProjectMeta{
		ID: "support-assistant", Name: "Renamed", Created: testNow, Updated: testNow})}})
	if _, ok := ws.canRedo(); ok {
		t.Error("redo still offered after a new edit")
	}
}

func TestStoreFailureChangesNothing(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	before := canonical(t, h.project())
	h.store.failNext = errors.New("disk full")
	ws.diagram.editor.Select([]string{"memory"})
	ws.diagram.command(cmdDelete)
	if g := canonical(t, h.project()); g != before {
		t.Error("the project changed although the store refused the edit")
	}
	if _, ok := ws.canUndo(); ok {
		t.Error("a failed edit went on the undo stack")
	}
	if h.u.lastError == nil || !strings.Contains(h.u.lastError.Error(), "disk full") {
		t.Errorf("error shown: got %v, want one naming the cause", h.u.lastError)
	}
	if !strings.HasPrefix(ws.status.Text, "Not saved") {
		t.Errorf("status: got %q, want Not saved...", ws.status.Text)
	}
}

func TestInvalidEditIsRefusedWithReason(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	e, _ := h.project().Element("chat-app")
	bad := cloneElement(*e)
	bad.Name = "   "
	if ws.apply(model.Change{Summary: "Blank name", Ops: []model.Op{model.PutElement(bad)}}) {
		t.Fatal("a blank element name was accepted")
	}
	if h.u.lastError == nil || !strings.Contains(h.u.lastError.Error(), "name") {
		t.Errorf("error: got %v, want one naming the field", h.u.lastError)
	}
	if got := sentence(h.u.lastError.(*problem).what); !strings.HasSuffix(got, ".") {
		t.Errorf("error sentence %q does not end with a full stop", got)
	}
}

func TestStatusSaysWhenSaved(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	ws.diagram.editor.Select([]string{"memory"})
	ws.diagram.command(cmdDelete)
	if !strings.HasPrefix(ws.status.Text, "Saved 14:32:05") {
		t.Errorf("status: got %q, want Saved 14:32:05...", ws.status.Text)
	}
}

func TestProjectListLifecycle(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	pl := h.u.projects
	id, err := pl.createProject("Fraud scoring", "Scores card payments", "Risk team")
	if err != nil {
		t.Fatal(err)
	}
	if h.u.ws != nil {
		t.Error("createProject opened the workspace by itself")
	}
	if len(pl.metas) != 2 {
		t.Fatalf("projects listed: got %d, want 2", len(pl.metas))
	}
	if err := pl.renameProject(id, "Fraud scoring v2"); err != nil {
		t.Fatal(err)
	}
	if p := h.store.stored(id); p.Meta.Name != "Fraud scoring v2" {
		t.Errorf("name after rename: got %q", p.Meta.Name)
	}
	dup, err := pl.duplicateProject("support-assistant")
	if err != nil {
		t.Fatal(err)
	}
	if p := h.store.stored(dup); p.Meta.Name != "Customer support assistant (copy)" || len(p.Risks) == 0 {
		t.Errorf("duplicate: got %q with %d risks", p.Meta.Name, len(p.Risks))
	}
	if err := pl.deleteProject(id); err != nil {
		t.Fatal(err)
	}
	if len(pl.metas) != 2 {
		t.Errorf("projects after delete: got %d, want 2", len(pl.metas))
	}
	if _, err := pl.createProject("  ", "", ""); err == nil {
		t.Error("a project with a blank name was created")
	}
}

func TestImportAndExportThroughIO(t *testing.T) {
	sample := sampleProject(t)
	h := newHarness(t)
	var exported string
	h.u.io = IO{
		Import: func(path string) (*model.Project, string, error) {
			return sample.Clone(), "Threat Dragon threats were not carried over.", nil
		},
		ExportFile: func(p *model.Project, path string) error { exported = p.Meta.ID + " to " + path; return nil },
	}
	h.u.projects.importPath("/some/model.json")
	if h.u.ws == nil || h.project().Meta.ID != "support-assistant" {
		t.Fatal("the imported project was not opened")
	}
	h.u.Show()
	h.u.projects.importPath("/some/model.json") // same id: asks
	h.u.projects.finishImport(sample.Clone(), "", false)
	if metas, _ := h.store.Projects(); len(metas) != 2 {
		t.Errorf("projects after importing the same id as a copy: got %d, want 2", len(metas))
	}
	path := filepath.Join(t.TempDir(), "out.yaml")
	if err := h.u.projects.exportPath("support-assistant", path); err != nil || exported != "support-assistant to "+path {
		t.Errorf("export: got %q (%v)", exported, err)
	}
}

func TestMenusFollowState(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	m := h.u.menu
	if !m.undo.Disabled || !m.exportProject.Disabled {
		t.Error("project items enabled on the project list")
	}
	ws := h.open("support-assistant")
	names := []string{}
	for _, it := range m.view.Items {
		names = append(names, it.Label)
	}
	for _, want := range []string{"Diagram", "Findings", "Register", "Heat map"} {
		if !strings.Contains(strings.Join(names, ","), want) {
			t.Errorf("View menu %v lacks %s", names, want)
		}
	}
	ws.show(ws.register)
	for _, it := range m.needDiagram {
		if !it.Disabled {
			t.Errorf("%s enabled away from the diagram", it.Label)
		}
	}
}

func TestPresentationModeAndTheme(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	h.open("support-assistant")
	base := h.u.theme.Size("text")
	h.u.applyTheme(themeDark, true)
	if got := h.u.theme.Size("text"); got <= base {
		t.Errorf("text size in presentation mode: got %g, want more than %g", got, base)
	}
	if !h.u.menu.presentation.Checked || !h.u.menu.themes[themeDark].Checked {
		t.Error("View menu does not show presentation mode and the dark theme as chosen")
	}
	if h.u.app.Preferences().String(prefTheme) != "dark" {
		t.Error("theme choice not remembered")
	}
	h.u.applyTheme(themeSystem, false)
}

func TestKeyboardShortcutsReachTheScreens(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	n := len(h.project().Elements)
	h.win.Canvas().Focus(ws.diagram.editor)
	ws.diagram.editor.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(30, 30)}})
	ws.newElementAtPointer()
	if got := len(h.project().Elements); got != n+1 {
		t.Fatalf("Ctrl+N: got %d elements, want %d", got, n+1)
	}
	added := h.project().Elements[n]
	if added.Kind != model.KindAIApp {
		t.Errorf("Ctrl+N added a %s, want ai_app (the default armed kind)", added.Kind)
	}
	ws.diagram.editor.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if got := len(h.project().Elements); got != n {
		t.Errorf("Delete: got %d elements, want %d", got, n)
	}
	ws.command(cmdSelectAll)
	if got := len(ws.diagram.selection); got != len(h.project().Elements)+len(h.project().Flows)+len(h.project().Boundaries) {
		t.Errorf("Ctrl+A selected %d items", got)
	}
}

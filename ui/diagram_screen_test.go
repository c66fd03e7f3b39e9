package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
	"airisk/ui/diagram"
)

// findingsOn lists the keys of the current findings about one target.
func findingsOn(ws *workspace, target string) []string {
	var out []string
	for _, f := range ws.state.Findings {
		if f.Target == target {
			out = append(out, f.Key)
		}
	}
	return out
}

func TestAddFromPaletteAndConnect(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	ds := ws.diagram
	before := len(h.project().Elements)

	test.Tap(ds.palette.tiles[model.KindModel])
	if ds.palette.armed != model.KindModel {
		t.Fatalf("armed kind: got %q, want model", ds.palette.armed)
	}
	ds.editor.DropKind(model.KindModel, fyne.NewPos(20, 20)) // what a click on the canvas does
	if got := len(h.project().Elements); got != before+1 {
		t.Fatalf("elements: got %d, want %d", got, before+1)
	}
	added := h.project().Elements[before]
	if added.Kind != model.KindModel || !slices.Equal(ds.selection, []string{added.ID}) {
		t.Errorf("added %q (%s), selection %v; want a selected model", added.ID, added.Kind, ds.selection)
	}
	if len(findingsOn(ws, added.ID)) == 0 {
		t.Error("the new model has no findings; want the model threats suggested")
	}
	if ds.badges[added.ID].Count == 0 {
		t.Error("the new element has no badge")
	}

	c, flowID, ok := diagram.ConnectChange(h.project(), added.ID, "chat-app")
	if !ok {
		t.Fatal("ConnectChange refused new model -> chat-app")
	}
	ds.editor.OnChange(c) // what dragging from one element to the other does
	if _, ok := h.project().Flow(flowID); !ok {
		t.Fatalf("flow %s not in the project", flowID)
	}
	h.saved()
	if got := ws.undoStack[len(ws.undoStack)-1].Summary; !strings.Contains(got, "flow") {
		t.Errorf("undo summary: got %q, want the flow's", got)
	}
}

func TestEditPropertyUpdatesFindings(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	ds := ws.diagram
	ds.editor.Select([]string{"chat-app"})
	if ds.inspector.kind != selElement || ds.inspector.id != "chat-app" {
		t.Fatalf("inspector shows %s %q, want element chat-app", ds.inspector.kind, ds.inspector.id)
	}
	ragFindings := func() int {
		n := 0
		for _, f := range ws.state.Findings {
			if f.Target == "chat-app" && slices.ContainsFunc(f.Facts, func(x threats.Fact) bool { return x.Name == "retrieval_augmented" }) {
				n++
			}
		}
		return n
	}
	if ragFindings() == 0 {
		t.Fatal("no finding on chat-app mentions retrieval_augmented; the test needs one")
	}
	check := ds.inspector.propFields["retrieval_augmented"].(*widget.Check)
	if !check.Checked {
		t.Fatal("the retrieval_augmented box is not ticked for chat-app")
	}
	test.Tap(check)
	e, _ := h.project().Element("chat-app")
	if e.Props.Bool("retrieval_augmented") {
		t.Error("retrieval_augmented is still true after unticking it")
	}
	if n := ragFindings(); n != 0 {
		t.Errorf("findings citing retrieval_augmented: got %d after unticking, want 0", n)
	}
	h.saved()

	h.win.Canvas().Focus(ds.inspector.name)
	ds.inspector.name.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(ds.inspector.name, "Support chat service v2")
	if e, _ := h.project().Element("chat-app"); e.Name != "Support chat service" {
		t.Errorf("name changed to %q while typing; want it to wait for Enter", e.Name)
	}
	ds.inspector.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e, _ := h.project().Element("chat-app"); e.Name != "Support chat service v2" {
		t.Errorf("name after Enter: got %q, want %q", e.Name, "Support chat service v2")
	}
}

func TestKindChangeDropsPropertiesThatNoLongerApply(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	ws.diagram.editor.Select([]string{"chat-app"})
	ws.diagram.inspector.kindSelect.SetSelected(model.KindProcess.Name())
	e, _ := h.project().Element("chat-app")
	if e.Kind != model.KindProcess {
		t.Fatalf("kind: got %s, want process", e.Kind)
	}
	for name := range e.Props {
		if info, _ := model.LookupProp(name); !info.AppliesTo(model.KindProcess) {
			t.Errorf("property %s kept though it does not apply to a process", name)
		}
	}
}

func TestDeleteElementAndUndoRestoresEverything(t *testing.T) {
	p := sampleProject(t)
	h := newHarness(t, p)
	ws := h.open("support-assistant")
	original := canonical(t, h.project())
	flows, decisions := flowsTouching(p, "chat-app"), decisionsOn(p, "chat-app")
	if len(flows) == 0 || len(decisions) == 0 {
		t.Fatal("chat-app needs flows and decisions for this test")
	}

	ws.diagram.editor.Select([]string{"chat-app"})
	ws.command(cmdDelete)
	got := h.project()
	if _, ok := got.Element("chat-app"); ok {
		t.Fatal("chat-app is still there after Delete")
	}
	for _, id := range flows {
		if _, ok := got.Flow(id); ok {
			t.Errorf("flow %s survived the delete of its end", id)
		}
	}
	for _, k := range decisions {
		if _, ok := got.Decision(k); ok {
			t.Errorf("decision %s survived the delete of its element", k)
		}
	}
	h.saved()

	ws.undo()
	if g := canonical(t, h.project()); g != original {
		t.Errorf("after undo the project differs from before the delete:\n%s", firstDiff(g, original))
	}
	if g := canonical(t, h.store.stored("support-assistant")); g != original {
		t.Errorf("after undo the stored project differs from before the delete:\n%s", firstDiff(g, original))
	}
	ws.redo()
	if _, ok := h.project().Element("chat-app"); ok {
		t.Error("redo did not delete chat-app again")
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "line " + la[i] + "\n want " + lb[i]
		}
	}
	return "lengths differ"
}

func TestCopyPasteOnTheDiagram(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	ds := ws.diagram
	n, f := len(h.project().Elements), len(h.project().Flows)
	ds.editor.Select([]string{"chat-app", "memory"})
	h.u.editCommand(cmdCopy, &fyne.ShortcutCopy{})
	h.u.editCommand(cmdPaste, &fyne.ShortcutPaste{})
	if got := len(h.project().Elements); got != n+2 {
		t.Fatalf("elements after paste: got %d, want %d", got, n+2)
	}
	if got := len(h.project().Flows); got != f+2 {
		t.Errorf("flows after paste: got %d, want %d (the two between the copies)", got, f+2)
	}
	if len(ds.selection) != 2 || slices.Contains(ds.selection, "chat-app") {
		t.Errorf("selection after paste: got %v, want the two copies", ds.selection)
	}
	h.u.editCommand(cmdPaste, &fyne.ShortcutPaste{})
	a, _ := h.project().Element(h.project().Elements[n].ID)
	b, _ := h.project().Element(h.project().Elements[n+2].ID)
	if b.X-a.X != pasteOffset {
		t.Errorf("second paste lands %g right of the first, want %d", b.X-a.X, pasteOffset)
	}
	ws.undo()
	ws.undo()
	if got := len(h.project().Elements); got != n {
		t.Errorf("elements after undoing both pastes: got %d, want %d", got, n)
	}
}

func TestCopyInTextFieldCopiesText(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	ws.diagram.editor.Select([]string{"chat-app"})
	name := ws.diagram.inspector.name
	h.win.Canvas().Focus(name)
	name.TypedShortcut(&fyne.ShortcutSelectAll{})
	h.u.editCommand(cmdCopy, &fyne.ShortcutCopy{Clipboard: h.u.clipboard()})
	if got := h.u.clipboard().Content(); got != "Support chat service" {
		t.Errorf("clipboard: got %q, want the field's text", got)
	}
}

func TestBadgeOpensFindingsOfItsTarget(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	ws.diagram.editor.OnBadgeTapped("memory")
	if ws.currentScreen() != screen(ws.findings) {
		t.Fatalf("screen after tapping a badge: got %s, want Findings", ws.currentScreen().Name())
	}
	for _, r := range ws.findings.rows {
		if r.item != nil && r.item.Target != "memory" {
			t.Errorf("finding %s listed; want only memory's", r.item.Key)
		}
	}
	if got, want := len(ws.findings.rows)-1, ws.diagram.badges["memory"].Count; got < want {
		t.Errorf("listed %d findings, the badge says %d open", got, want)
	}
}

func TestBadgesCountOpenFindingsOnly(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	keys := findingsOn(ws, "memory")
	before := ws.diagram.badges["memory"].Count
	ws.apply(dismissChange(h.project(), keys[:1], "Out of scope", testNow))
	if got := ws.diagram.badges["memory"].Count; got != before-1 {
		t.Errorf("badge after dismissing one: got %d, want %d", got, before-1)
	}
}

func TestAutoLayoutIsOneUndoableEdit(t *testing.T) {
	if testing.Short() {
		t.Skip("graphviz layout")
	}
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	original := canonical(t, h.project())
	ws.diagram.autoLayout()
	if got := ws.undoStack[len(ws.undoStack)-1].Summary; got != "Auto-layout" {
		t.Fatalf("last edit: got %q, want Auto-layout", got)
	}
	if canonical(t, h.project()) == original {
		t.Error("auto-layout moved nothing")
	}
	ws.undo()
	if g := canonical(t, h.project()); g != original {
		t.Errorf("undo of the layout left a different project:\n%s", firstDiff(g, original))
	}
}

func TestDiagramExports(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	dir := t.TempDir()
	for _, format := range []string{"png", "svg"} {
		path := filepath.Join(dir, "d."+format)
		if err := ws.diagram.exportTo(format, path); err != nil {
			t.Fatalf("export %s: %v", format, err)
		}
		data, err := os.ReadFile(path)
		if err != nil || len(data) < 1000 {
			t.Errorf("%s: got %d bytes (%v), want a picture", format, len(data), err)
		}
	}
}

func TestFindSelectsElementByName(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	ws.command(cmdFind)
	if h.win.Canvas().Focused() != ws.diagram.find {
		t.Error("Ctrl+F did not focus the find field")
	}
	ws.diagram.onFindSubmitted("vector")
	if !slices.Equal(ws.diagram.selection, []string{"help-index"}) {
		t.Errorf("selection after finding %q: got %v, want [help-index]", "vector", ws.diagram.selection)
	}
}

func TestInspectorEditsFlowsAndBoundaries(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	in := ws.diagram.inspector
	ws.diagram.editor.Select([]string{"f2"})
	if in.kind != selFlow {
		t.Fatalf("inspector shows %q, want a flow", in.kind)
	}
	test.Tap(in.propFields["encrypted"].(*widget.Check))
	carries := in.propFields["carries"].(*fyne.Container).Objects[1].(*widget.CheckGroup)
	carries.SetSelected([]string{"prompts", "credentials"})
	in.to.SetSelected("Support agent (support-staff)")
	f, _ := h.project().Flow("f2")
	if f.Props.Bool("encrypted") || !slices.Equal(f.Props.Set("carries"), []string{"prompts", "credentials"}) || f.To != "support-staff" {
		t.Errorf("flow after edits: %+v", f)
	}

	ws.diagram.editor.Select([]string{"internet"})
	if in.kind != selBoundary {
		t.Fatalf("inspector shows %q, want a boundary", in.kind)
	}
	in.kindSelect.SetSelected(string(model.BoundaryTenant))
	h.win.Canvas().Focus(in.name)
	in.name.SetText("Public internet")
	h.win.Canvas().Unfocus() // leaving the field commits it
	b, _ := h.project().Boundary("internet")
	if b.Kind != model.BoundaryTenant || b.Name != "Public internet" {
		t.Errorf("boundary after edits: %+v", b)
	}

	ws.diagram.editor.Select(nil)
	test.Tap(in.strideCheck)
	if !slices.Contains(h.project().Meta.Packs, "stride") {
		t.Errorf("packs after ticking STRIDE: %v", h.project().Meta.Packs)
	}
}

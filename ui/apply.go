package ui

import (
	"fmt"

	"fyne.io/fyne/v2"

	"airisk/model"
	"airisk/threats"
)

// asyncAnalysisSize is the number of elements and flows from which the
// threats are re-analysed off the UI goroutine. Below it analysis takes a
// few milliseconds and the screens refresh at once.
const asyncAnalysisSize = 400

// maxUndo bounds the undo history of one session.
const maxUndo = 500

// apply is the one write path. It completes c with what its deletions
// imply, applies it to a copy of the project, commits it to the store,
// pushes its inverse on the undo stack, re-analyses and refreshes every
// screen. It reports whether the edit was saved; when it was not, the
// person has been told why and nothing changed.
func (ws *workspace) apply(c model.Change) bool {
	c = completeDeletes(ws.state.Project, c)
	if len(c.Ops) == 0 {
		return true
	}
	inverse, err := ws.commit(c)
	if err != nil {
		ws.failed(c, err)
		return false
	}
	ws.undoStack = append(ws.undoStack, inverse)
	if len(ws.undoStack) > maxUndo {
		ws.undoStack = ws.undoStack[len(ws.undoStack)-maxUndo:]
	}
	ws.redoStack = nil
	ws.changed(c.Summary)
	return true
}

// undo reverts the last edit.
func (ws *workspace) undo() {
	ws.replay(&ws.undoStack, &ws.redoStack, "Undo")
}

// redo applies again the last undone edit.
func (ws *workspace) redo() {
	ws.replay(&ws.redoStack, &ws.undoStack, "Redo")
}

// replay pops a change from one stack, commits it, and pushes its inverse
// on the other.
func (ws *workspace) replay(from, to *[]model.Change, verb string) {
	if len(*from) == 0 {
		return
	}
	c := (*from)[len(*from)-1]
	inverse, err := ws.commit(c)
	if err != nil {
		ws.failed(model.Change{Summary: verb + " " + c.Summary}, err)
		return
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, inverse)
	ws.changed(verb + " " + c.Summary)
}

// commit applies c to a copy of the project and stores it; the project on
// show is replaced only when both succeed, so screens and background
// analysis never see a half-made edit.
func (ws *workspace) commit(c model.Change) (model.Change, error) {
	next := ws.state.Project.Clone()
	inverse, err := next.Apply(c)
	if err != nil {
		return model.Change{}, failed(err, "%q would leave the project with problems, so it was not made", c.Summary)
	}
	if err := ws.ui.store.Apply(next.Meta.ID, c); err != nil {
		return model.Change{}, failed(err, "%q could not be saved", c.Summary)
	}
	ws.state.Project = next
	return inverse, nil
}

func (ws *workspace) failed(c model.Change, err error) {
	ws.setStatus("Not saved: " + c.Summary)
	ws.ui.showError(err)
}

// changed re-analyses and refreshes after a committed edit.
func (ws *workspace) changed(summary string) {
	ws.setStatus(fmt.Sprintf("Saved %s · %s", ws.ui.now().Format("15:04:05"), summary))
	ws.analyse()
	ws.ui.refreshMenu()
}

// analyse recomputes the findings: at once for a small project, off the UI
// goroutine for a big one, in which case the screens show the project
// straight away and the findings when they are ready.
func (ws *workspace) analyse() {
	p, cat := ws.state.Project, ws.state.Catalogue
	ws.analysisGen++
	if len(p.Elements)+len(p.Flows) < asyncAnalysisSize {
		ws.state.Analysing = false
		ws.state.setFindings(threats.Analyse(p, cat))
		ws.refreshScreens()
		return
	}
	gen := ws.analysisGen
	ws.state.Analysing = true
	ws.refreshScreens()
	ws.ui.background(func() {
		findings := threats.Analyse(p, cat)
		fyne.Do(func() {
			if gen != ws.analysisGen {
				return // a later edit has started its own analysis
			}
			ws.state.Analysing = false
			ws.state.setFindings(findings)
			ws.refreshScreens()
		})
	})
}

// replaceProject swaps in a whole project (a restored snapshot, an
// imported file over the open one), stored with Store.Replace. It cannot be
// undone, so the undo history is cleared.
func (ws *workspace) replaceProject(p *model.Project, summary string) bool {
	if err := p.Validate(); err != nil {
		ws.ui.showError(failed(err, "%q would leave the project with problems, so it was not made", summary))
		return false
	}
	if err := ws.ui.store.Replace(p); err != nil {
		ws.ui.showError(failed(err, "%q could not be saved", summary))
		return false
	}
	ws.state.Project = p
	ws.undoStack, ws.redoStack = nil, nil
	ws.changed(summary)
	return true
}

// setCatalogue switches the catalogue (after a local catalogue import) and
// re-analyses.
func (ws *workspace) setCatalogue(c *threats.Catalogue) {
	ws.ui.cat = c
	ws.state.Catalogue = c
	ws.analyse()
}

// canUndo and canRedo say what the Edit menu offers.
func (ws *workspace) canUndo() (string, bool) { return topSummary(ws.undoStack) }
func (ws *workspace) canRedo() (string, bool) { return topSummary(ws.redoStack) }

func topSummary(stack []model.Change) (string, bool) {
	if len(stack) == 0 {
		return "", false
	}
	return stack[len(stack)-1].Summary, true
}

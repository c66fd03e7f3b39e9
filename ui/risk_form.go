package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// notAssessed is the residual select's option for "not yet assessed".
const notAssessed = "Not assessed"

// riskForm edits every field of one risk in a dialog. It returns the
// edited risk to the register, which saves it; it never saves itself.
type riskForm struct {
	rs   *registerScreen
	orig model.Risk
	new  bool

	title, description, notes, due, review *widget.Entry
	owner                                  *widget.SelectEntry
	likelihood, impact                     *widget.Select
	resLikelihood, resImpact               *widget.Select
	treatment, status                      *widget.Select
	elements                               *widget.CheckGroup
	elementIDs                             map[string]string
	controls                               []*controlRow
	controlsBox                            *fyne.Container
	problems                               *widget.Label
	scores                                 *widget.Label
	d                                      *dialog.CustomDialog
}

// openForm opens the form on a risk, or on a new manual risk when r is nil.
func (s *registerScreen) openForm(r *model.Risk) {
	f := &riskForm{rs: s}
	if r == nil {
		f.new = true
		f.orig = model.Risk{ID: s.state.Project.NewRiskID(), Likelihood: 3, Impact: 3,
			Treatment: model.TreatmentTreat, Status: model.RiskOpen, Elements: []string{}, Controls: []model.Control{}}
	} else {
		f.orig = r.Clone()
	}
	f.build()
	s.form = f
	f.d.Show()
}

func (f *riskForm) build() {
	sc := f.rs.state.Scoring
	r := f.orig
	f.title = widget.NewEntry()
	f.title.SetText(r.Title)
	f.title.Validator = nameValidator("The title")
	f.description = multiLine(r.Description, 3)
	f.notes = multiLine(r.Notes, 2)
	f.owner = widget.NewSelectEntry(f.owners())
	f.owner.SetText(r.Owner)
	f.likelihood = levelSelect(sc.LikelihoodLabels, r.Likelihood, false)
	f.impact = levelSelect(sc.ImpactLabels, r.Impact, false)
	f.resLikelihood = levelSelect(sc.LikelihoodLabels, r.ResidualLikelihood, true)
	f.resImpact = levelSelect(sc.ImpactLabels, r.ResidualImpact, true)
	f.treatment = valueSelect(model.Treatments, r.Treatment)
	f.status = valueSelect(model.RiskStatuses, r.Status)
	f.due, f.review = dateEntry(r.Due), dateEntry(r.Review)
	f.buildElements(r.Elements)
	f.controlsBox = container.NewVBox()
	for _, c := range r.Controls {
		f.addControl(c)
	}
	f.problems = widget.NewLabel("")
	f.problems.Importance = widget.DangerImportance
	f.problems.Wrapping = fyne.TextWrapWord
	f.problems.Hide()
	f.scores = helpText("")
	for _, sel := range []*widget.Select{f.likelihood, f.impact, f.resLikelihood, f.resImpact} {
		sel.OnChanged = func(string) { f.showScores() }
	}
	f.showScores()
	f.d = dialog.NewCustomWithoutButtons(f.dialogTitle(), container.NewVScroll(f.layout()), f.rs.ws.ui.win)
	f.d.SetButtons(f.buttons())
	f.d.Resize(fyne.NewSize(820, 700))
}

func (f *riskForm) dialogTitle() string {
	if f.new {
		return "New risk " + f.orig.ID
	}
	return "Risk " + f.orig.ID
}

func (f *riskForm) layout() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Description", f.description),
		widget.NewFormItem("Elements", f.elementsBox()),
		widget.NewFormItem("Inherent L x I", container.NewGridWithColumns(2, f.likelihood, f.impact)),
		widget.NewFormItem("Residual L x I", container.NewGridWithColumns(2, f.resLikelihood, f.resImpact)),
		widget.NewFormItem("", f.scores),
		widget.NewFormItem("Treatment, status", container.NewGridWithColumns(2, f.treatment, f.status)),
		widget.NewFormItem("Owner", f.owner),
		widget.NewFormItem("Due, review", container.NewGridWithColumns(2, f.due, f.review)),
		widget.NewFormItem("Notes", f.notes),
	)
	if f.orig.Finding != "" {
		form.Items = append([]*widget.FormItem{widget.NewFormItem("From finding", widget.NewLabel(f.orig.Finding))}, form.Items...)
	}
	add := widget.NewButtonWithIcon("Add control", theme.ContentAddIcon(), func() {
		f.addControl(model.Control{Status: model.ControlPlanned})
	})
	controls := container.NewVBox(container.NewBorder(nil, nil, sectionTitle("Controls"), add),
		helpText("Each control has its own status and the Code of Practice provisions it implements (for example 2.2, 5.4.1)."),
		f.controlsBox)
	return container.NewVBox(f.problems, form, widget.NewSeparator(), controls)
}

// showScores says what the chosen levels score, live.
func (f *riskForm) showScores() {
	sc := f.rs.state.Scoring
	l, i := levelOf(f.likelihood.Selected), levelOf(f.impact.Selected)
	text := "Inherent " + scoreText(sc, model.Score(l, i))
	rl, ri := levelOf(f.resLikelihood.Selected), levelOf(f.resImpact.Selected)
	residual := model.Score(l, i)
	if rl > 0 && ri > 0 {
		residual = model.Score(rl, ri)
		text += ", residual " + scoreText(sc, residual)
	} else {
		text += ", residual not assessed (counted at the inherent score)"
	}
	if residual > sc.Appetite {
		text += fmt.Sprintf(": above the appetite of %d.", sc.Appetite)
	} else {
		text += fmt.Sprintf(": within the appetite of %d.", sc.Appetite)
	}
	f.scores.SetText(text)
}

// elementsBox scrolls the element checks in a box a few rows high.
func (f *riskForm) elementsBox() fyne.CanvasObject {
	scroll := container.NewVScroll(f.elements)
	scroll.SetMinSize(fyne.NewSize(0, 132))
	return scroll
}

func (f *riskForm) buttons() []fyne.CanvasObject {
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), f.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", f.d.Hide)
	if f.new {
		return []fyne.CanvasObject{cancel, save}
	}
	del := widget.NewButtonWithIcon("Delete...", theme.DeleteIcon(), f.askDelete)
	del.Importance = widget.DangerImportance
	return []fyne.CanvasObject{del, cancel, save}
}

func (f *riskForm) owners() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range f.rs.state.Project.Risks {
		if r.Owner != "" && !seen[r.Owner] {
			seen[r.Owner] = true
			out = append(out, r.Owner)
		}
	}
	if o := f.rs.state.Project.Meta.Owner; o != "" && !seen[o] {
		out = append(out, o)
	}
	return out
}

func (f *riskForm) buildElements(selected []string) {
	f.elementIDs = map[string]string{}
	var opts, on []string
	for _, e := range f.rs.state.Project.Elements {
		label := fmt.Sprintf("%s (%s)", e.Name, e.ID)
		f.elementIDs[label] = e.ID
		opts = append(opts, label)
		for _, id := range selected {
			if id == e.ID {
				on = append(on, label)
			}
		}
	}
	f.elements = widget.NewCheckGroup(opts, nil)
	f.elements.Horizontal = false
	f.elements.SetSelected(on)
}

// collect reads the form back into a risk.
func (f *riskForm) collect() model.Risk {
	r := f.orig.Clone()
	r.Title = strings.TrimSpace(f.title.Text)
	r.Description, r.Notes = f.description.Text, f.notes.Text
	r.Owner = strings.TrimSpace(f.owner.Text)
	r.Likelihood, r.Impact = levelOf(f.likelihood.Selected), levelOf(f.impact.Selected)
	r.ResidualLikelihood, r.ResidualImpact = levelOf(f.resLikelihood.Selected), levelOf(f.resImpact.Selected)
	r.Treatment = model.Treatment(valueOf(f.treatment.Selected))
	r.Status = model.RiskStatus(valueOf(f.status.Selected))
	r.Due, r.Review = strings.TrimSpace(f.due.Text), strings.TrimSpace(f.review.Text)
	r.Elements = []string{}
	for _, label := range f.elements.Selected {
		r.Elements = append(r.Elements, f.elementIDs[label])
	}
	r.Controls = []model.Control{}
	for _, c := range f.controls {
		if c.removed {
			continue
		}
		r.Controls = append(r.Controls, c.collect())
	}
	r.Updated = f.rs.ws.ui.now().UTC()
	return r
}

// save checks the risk with the model's rules and hands it to the
// register; problems are listed in the form, which stays open.
func (f *riskForm) save() {
	r := f.collect()
	if err := checkRisk(f.rs.state.Project, r); err != nil {
		f.problems.SetText(err.Error())
		f.problems.Show()
		return
	}
	f.d.Hide()
	f.rs.saveRisk(r, f.new)
}

func (f *riskForm) askDelete() {
	msg := fmt.Sprintf("Delete risk %s, %q, from the register?", f.orig.ID, f.orig.Title)
	if f.orig.Finding != "" {
		msg += "\nThe finding it was accepted from goes back to triage."
	}
	d := dialog.NewConfirm("Delete risk", msg, func(ok bool) {
		if ok {
			f.d.Hide()
			f.rs.deleteRisk(f.orig)
		}
	}, f.rs.ws.ui.win)
	d.SetConfirmText("Delete")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// checkRisk validates a risk as the model will when it is saved, and says
// what is wrong field by field.
func checkRisk(p *model.Project, r model.Risk) error {
	next := p.Clone()
	_, err := next.Apply(model.Change{Summary: "Check risk", Ops: []model.Op{model.PutRisk(r)}})
	var ps model.Problems
	if !errors.As(err, &ps) {
		return err
	}
	lines := make([]string, 0, len(ps))
	for _, pr := range ps {
		path := pr.Path
		if i := strings.Index(path, "]."); strings.HasPrefix(path, "risks[") && i >= 0 {
			path = path[i+2:]
		}
		lines = append(lines, fmt.Sprintf("%s: %s", words(path), pr.Message))
	}
	return errors.New(strings.Join(lines, "\n"))
}

// saveRisk stores a risk from the form.
func (s *registerScreen) saveRisk(r model.Risk, isNew bool) {
	summary := "Edit risk " + r.ID
	if isNew {
		summary = "Add risk " + r.ID
	}
	s.ws.apply(model.Change{Summary: summary, Ops: []model.Op{model.PutRisk(r)}})
}

// deleteRisk removes a risk; the decision of the finding it came from goes
// with it, so the finding is back in triage.
func (s *registerScreen) deleteRisk(r model.Risk) {
	c := model.Change{Summary: "Delete risk " + r.ID, Ops: []model.Op{model.Del(model.EntityRisk, r.ID)}}
	if _, ok := s.state.Project.Decision(r.Finding); ok && r.Finding != "" {
		c.Ops = append(c.Ops, model.Del(model.EntityDecision, r.Finding))
	}
	s.ws.apply(c)
}

func multiLine(text string, rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	e.SetText(text)
	return e
}

// levelSelect picks a level 1-5; optional adds "Not assessed" for 0.
func levelSelect(labels []string, v int, optional bool) *widget.Select {
	opts := levelOptions(labels)
	if optional {
		opts = append([]string{notAssessed}, opts...)
	}
	sel := widget.NewSelect(opts, nil)
	switch {
	case v >= 1 && v <= 5:
		sel.SetSelected(opts[len(opts)-5+v-1])
	case optional:
		sel.SetSelected(notAssessed)
	}
	return sel
}

// valueSelect picks an enumeration value, shown in words.
func valueSelect[T ~string](values []T, v T) *widget.Select {
	opts := make([]string, len(values))
	for i, x := range values {
		opts[i] = words(string(x))
	}
	sel := widget.NewSelect(opts, nil)
	sel.SetSelected(words(string(v)))
	return sel
}

// valueOf turns words back into an enumeration value.
func valueOf(label string) string { return strings.ReplaceAll(label, " ", "_") }

// dateEntry is a YYYY-MM-DD field checked as the model checks dates.
func dateEntry(v string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder("YYYY-MM-DD")
	e.SetText(v)
	e.Validator = func(s string) error {
		s = strings.TrimSpace(s)
		if s == "" {
			return nil
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return fmt.Errorf("%q is not a date of the form YYYY-MM-DD", s)
		}
		return nil
	}
	return e
}

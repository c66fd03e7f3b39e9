package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// scoringForm edits the project's scoring scheme: the names of the five
// likelihood and impact levels, the rating bands and the risk appetite,
// with a preview grid that follows every keystroke.
type scoringForm struct {
	rs          *registerScreen
	likelihood  [5]*widget.Entry
	impact      [5]*widget.Entry
	bands       []*bandRow
	bandsBox    *fyne.Container
	appetite    *widget.Select
	preview     *fyne.Container
	problems    *widget.Label
	d           *dialog.CustomDialog
	isDefault   bool
	resetButton *widget.Button
}

// bandRow edits one rating band.
type bandRow struct {
	name, max *widget.Entry
	box       *fyne.Container
}

func (s *registerScreen) openScoring() {
	f := &scoringForm{rs: s, isDefault: s.state.Project.Scoring == nil}
	f.build(s.state.Scoring)
	s.scoring = f
	f.d.Show()
}

func (f *scoringForm) build(sc model.Scoring) {
	for i := range 5 {
		f.likelihood[i] = f.entry(labelAt(sc.LikelihoodLabels, i+1))
		f.impact[i] = f.entry(labelAt(sc.ImpactLabels, i+1))
	}
	f.bandsBox = container.NewVBox()
	for _, b := range sc.Bands {
		f.addBand(b)
	}
	var opts []string
	for v := 0; v <= model.MaxScore; v++ {
		opts = append(opts, strconv.Itoa(v))
	}
	f.appetite = widget.NewSelect(opts, func(string) { f.refreshPreview() })
	f.appetite.SetSelected(strconv.Itoa(sc.Appetite))
	f.preview = container.NewStack()
	f.problems = widget.NewLabel("")
	f.problems.Importance = widget.DangerImportance
	f.problems.Wrapping = fyne.TextWrapWord
	f.problems.Hide()
	f.d = dialog.NewCustomWithoutButtons("Scoring", f.layout(), f.rs.ws.ui.win)
	f.d.SetButtons(f.buttons())
	f.d.Resize(fyne.NewSize(1000, 720))
	f.refreshPreview()
}

func (f *scoringForm) entry(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	e.OnChanged = func(string) { f.refreshPreview() }
	return e
}

func (f *scoringForm) addBand(b model.Band) {
	row := &bandRow{name: f.entry(b.Name), max: f.entry(strconv.Itoa(b.Max))}
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	remove.Importance = widget.LowImportance
	row.box = container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(2, row.name, row.max))
	remove.OnTapped = func() {
		for i, r := range f.bands {
			if r == row {
				f.bands = append(f.bands[:i], f.bands[i+1:]...)
			}
		}
		f.bandsBox.Remove(row.box)
		f.refreshPreview()
	}
	f.bands = append(f.bands, row)
	f.bandsBox.Add(row.box)
}

func (f *scoringForm) layout() fyne.CanvasObject {
	row := func(n, a, b fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, container.NewStack(fixedWidth(28), n), nil, container.NewGridWithColumns(2, a, b))
	}
	levels := container.NewVBox(row(widget.NewLabel(""), sectionTitle("Likelihood"), sectionTitle("Impact")))
	for i := range 5 {
		levels.Add(row(widget.NewLabel(strconv.Itoa(i+1)), f.likelihood[i], f.impact[i]))
	}
	add := widget.NewButtonWithIcon("Add band", theme.ContentAddIcon(), func() {
		f.addBand(model.Band{Name: "", Max: model.MaxScore})
	})
	bands := container.NewVBox(container.NewBorder(nil, nil, sectionTitle("Rating bands"), add),
		helpText("A score (likelihood x impact) falls in the first band whose highest score it does not exceed; the last band must end at 25."),
		container.NewGridWithColumns(2, widget.NewLabel("Name"), widget.NewLabel("Highest score")), f.bandsBox,
		container.NewBorder(nil, nil, sectionTitle("Risk appetite"), nil, f.appetite),
		helpText("Risks whose residual score is above the appetite stand out in the register and are outlined on the heat map."))
	left := container.NewVBox(f.problems, levels, widget.NewSeparator(), bands)
	right := container.NewBorder(sectionTitle("Preview"), nil, nil, nil, f.preview)
	return container.NewGridWithColumns(2, container.NewVScroll(left), right)
}

func (f *scoringForm) buttons() []fyne.CanvasObject {
	save := widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), f.save)
	save.Importance = widget.HighImportance
	f.resetButton = widget.NewButton("Use the default scheme", func() {
		f.d.Hide()
		f.rs.saveScoring(nil)
	})
	if f.isDefault {
		f.resetButton.Disable()
	}
	return []fyne.CanvasObject{f.resetButton, widget.NewButton("Cancel", f.d.Hide), save}
}

// collect reads the form into a scheme; it reports a number it cannot read.
func (f *scoringForm) collect() (model.Scoring, error) {
	var s model.Scoring
	for i := range 5 {
		s.LikelihoodLabels = append(s.LikelihoodLabels, strings.TrimSpace(f.likelihood[i].Text))
		s.ImpactLabels = append(s.ImpactLabels, strings.TrimSpace(f.impact[i].Text))
	}
	for i, b := range f.bands {
		max, err := strconv.Atoi(strings.TrimSpace(b.max.Text))
		if err != nil {
			return s, fmt.Errorf("band %d: the highest score %q is not a whole number", i+1, b.max.Text)
		}
		s.Bands = append(s.Bands, model.Band{Name: strings.TrimSpace(b.name.Text), Max: max})
	}
	s.Appetite, _ = strconv.Atoi(f.appetite.Selected)
	return s, nil
}

// check validates a scheme as the model will.
func (f *scoringForm) check() (model.Scoring, error) {
	s, err := f.collect()
	if err != nil {
		return s, err
	}
	next := f.rs.state.Project.Clone()
	if _, err := next.Apply(model.Change{Summary: "Check scoring", Ops: []model.Op{model.PutScoring(&s)}}); err != nil {
		return s, fmt.Errorf("%s", strings.ReplaceAll(err.Error(), "scoring.", ""))
	}
	return s, nil
}

func (f *scoringForm) refreshPreview() {
	if f.preview == nil || f.appetite == nil {
		return
	}
	s, err := f.check()
	f.problems.Hidden = err == nil
	if err != nil {
		f.problems.SetText(err.Error())
		return
	}
	f.preview.Objects = []fyne.CanvasObject{container.NewBorder(nil, bandLegend(s), nil, nil, heatGrid(s, nil, nil))}
	f.preview.Refresh()
}

func (f *scoringForm) save() {
	s, err := f.check()
	if err != nil {
		f.problems.SetText(err.Error())
		f.problems.Show()
		return
	}
	f.d.Hide()
	f.rs.saveScoring(&s)
}

// saveScoring stores the scheme; nil returns to the default.
func (s *registerScreen) saveScoring(sc *model.Scoring) {
	summary := "Change the scoring scheme"
	if sc == nil {
		summary = "Use the default scoring scheme"
	}
	s.ws.apply(model.Change{Summary: summary, Ops: []model.Op{model.PutScoring(sc)}})
}

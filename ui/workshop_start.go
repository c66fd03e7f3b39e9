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

// startWorkshop starts a workshop on the open project: a dialog asks for
// the title, the facilitator, the attendees and the agenda, then the
// "before" snapshot is taken, the session recorded and the workshop window
// opened. A workshop already running is resumed instead.
func (ws *workspace) startWorkshop() {
	if w, ok := runningWorkshop(ws.state.Project); ok {
		ws.openWorkshop(w.ID)
		ws.setStatus(fmt.Sprintf("Resumed workshop %q.", w.Title))
		return
	}
	if s := ws.workshopsScreen(); s != nil {
		s.start = newStartDialog(ws)
	}
}

// openWorkshop opens the window of workshop id, or brings it forward.
func (ws *workspace) openWorkshop(id string) *workshopView {
	s := ws.workshopsScreen()
	if s == nil {
		return nil
	}
	if s.view != nil && !s.view.closed {
		if s.view.id == id {
			s.view.win.RequestFocus()
			return s.view
		}
		s.view.leave()
	}
	s.view = newWorkshopView(ws, id, s.kept[id])
	s.view.show()
	return s.view
}

// startDialog asks how a workshop is to run.
type startDialog struct {
	ws       *workspace
	stops    []agendaStop
	selected int

	title       *widget.Entry
	facilitator *widget.Entry
	attendees   *widget.Entry
	agenda      *widget.List
	startButton *widget.Button
	d           *dialog.CustomDialog
}

func newStartDialog(ws *workspace) *startDialog {
	sd := &startDialog{ws: ws, stops: orderByHigh(planStops(ws.state)), selected: -1}
	sd.title = widget.NewEntry()
	sd.title.SetText("Threat modelling workshop " + ws.ui.now().Format("2 Jan 2006"))
	sd.title.OnSubmitted = func(string) { sd.start() }
	sd.title.Validator = func(t string) error {
		if strings.TrimSpace(t) == "" {
			return fmt.Errorf("a workshop needs a title")
		}
		return nil
	}
	sd.facilitator = widget.NewEntry()
	sd.facilitator.SetPlaceHolder("Who runs the session")
	sd.facilitator.OnSubmitted = func(string) { sd.start() }
	sd.attendees = widget.NewMultiLineEntry()
	sd.attendees.SetPlaceHolder("One name a line")
	sd.attendees.SetMinRowsVisible(6)
	sd.agenda = widget.NewList(func() int { return len(sd.stops) }, newStartRow, sd.updateRow)
	sd.agenda.OnSelected = func(id widget.ListItemID) { sd.selected = id }
	sd.startButton = widget.NewButtonWithIcon("Start workshop", theme.MediaPlayIcon(), sd.start)
	sd.startButton.Importance = widget.HighImportance
	sd.d = dialog.NewCustomWithoutButtons("Start workshop", sd.layout(), ws.ui.win)
	sd.d.Resize(fyne.NewSize(980, 640))
	sd.d.Show()
	ws.ui.win.Canvas().Focus(sd.title)
	return sd
}

func (sd *startDialog) layout() fyne.CanvasObject {
	form := widget.NewForm(widget.NewFormItem("Title", sd.title), widget.NewFormItem("Facilitator", sd.facilitator),
		widget.NewFormItem("Attendees", sd.attendees))
	note := helpText("Starting takes a snapshot of the project, so that what changed can be shown when the workshop ends.")
	up := widget.NewButtonWithIcon("Move up", theme.MoveUpIcon(), func() { sd.move(-1) })
	down := widget.NewButtonWithIcon("Move down", theme.MoveDownIcon(), func() { sd.move(1) })
	byHigh := widget.NewButton("Order by high findings", func() {
		sd.stops = orderByHigh(sd.stops)
		sd.agenda.UnselectAll()
		sd.agenda.Refresh()
	})
	help := helpText("Elements with the most high-scoring open findings come first; elements with no suggested threat are left out. " +
		"Select an element and move it to change the order.")
	agenda := container.NewBorder(container.NewVBox(sectionTitle("Agenda"), help), container.NewHBox(up, down, byHigh),
		nil, nil, sd.agenda)
	cancel := widget.NewButton("Cancel", func() { sd.d.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, sd.startButton)
	left := container.NewVBox(form, note)
	return container.NewBorder(nil, buttons, nil, nil, container.NewGridWithColumns(2, left, agenda))
}

func newStartRow() fyne.CanvasObject {
	detail := widget.NewLabel("")
	detail.Importance = widget.LowImportance
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, nil, detail, name)
}

func (sd *startDialog) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	s := sd.stops[id]
	c.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%d. %s", id+1, s.Name))
	c.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%d high · %d open · %s", s.High, s.Open, nounCount(len(s.Cards), "threat")))
}

// move moves the selected stop up (-1) or down (1).
func (sd *startDialog) move(dir int) {
	i, j := sd.selected, sd.selected+dir
	if i < 0 || j < 0 || j >= len(sd.stops) {
		return
	}
	sd.stops[i], sd.stops[j] = sd.stops[j], sd.stops[i]
	sd.agenda.Refresh()
	sd.agenda.Select(j)
}

// workshop is the session record the dialog describes.
func (sd *startDialog) workshop() model.Workshop {
	p := sd.ws.state.Project
	return model.Workshop{ID: p.NewWorkshopID(), Title: strings.TrimSpace(sd.title.Text),
		Facilitator: strings.TrimSpace(sd.facilitator.Text), Attendees: attendeeLines(sd.attendees.Text),
		Started: sd.ws.ui.now().UTC(), Agenda: stopIDs(sd.stops), Decided: []string{},
		RisksCreated: []string{}, RisksChanged: []string{}, Parking: []model.ParkingItem{}}
}

// start takes the snapshot, records the session and opens the window.
func (sd *startDialog) start() {
	if sd.title.Validate() != nil {
		sd.ws.ui.win.Canvas().Focus(sd.title)
		return
	}
	ws := sd.ws
	w := sd.workshop()
	kept := ws.state.Project.Clone()
	snap, err := ws.workshopSnapshot("Before workshop " + w.Title)
	if err != nil {
		ws.ui.showError(err)
		return
	}
	w.SnapshotBefore = snap
	if !ws.apply(startWorkshopChange(w)) {
		ws.dropSnapshot(snap)
		return
	}
	sd.d.Hide()
	if s := ws.workshopsScreen(); s != nil {
		s.kept[w.ID] = kept
	}
	ws.openWorkshop(w.ID)
}

package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/threats"
)

// triageList is the findings list with workshop keys: arrows move, A
// accepts, D dismisses, 1-5 set the likelihood and Shift+1-5 the impact.
// It tracks Shift itself, as the digit keys arrive without modifiers.
type triageList struct {
	widget.List
	shift  bool
	onKey  func(name fyne.KeyName, shift bool) bool
	onRune func(r rune) bool
}

func newTriageList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *triageList {
	l := &triageList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey offers the key to the screen first.
func (l *triageList) TypedKey(ev *fyne.KeyEvent) {
	if l.onKey != nil && l.onKey(ev.Name, l.shift) {
		return
	}
	l.List.TypedKey(ev)
}

// TypedRune takes the letter commands: they act on the rune, after the
// key, so a dialog they open does not receive the letter too.
func (l *triageList) TypedRune(r rune) {
	if l.onRune != nil {
		l.onRune(r)
	}
}

// KeyDown notes Shift.
func (l *triageList) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		l.shift = true
	}
}

// KeyUp notes Shift released.
func (l *triageList) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		l.shift = false
	}
}

// FocusLost forgets Shift, whose release may go elsewhere.
func (l *triageList) FocusLost() {
	l.shift = false
	l.List.FocusLost()
}

// findingRowView is the template of a list line; header and item parts
// are shown in turn.
type findingRowView struct {
	widget.BaseWidget
	header  *widget.RichText
	band    *canvas.Rectangle
	check   *widget.Check
	score   *chip
	text    *widget.RichText
	status  *chip
	item    *fyne.Container
	wrapper *fyne.Container
}

func newFindingRow() fyne.CanvasObject {
	v := &findingRowView{header: widget.NewRichText(&widget.TextSegment{Style: sectionStyle},
		&widget.TextSegment{Style: subStyle})}
	v.header.Truncation = fyne.TextTruncateEllipsis
	v.band = canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	v.check = widget.NewCheck("", nil)
	v.score = newChip("", neutral)
	v.score.minWidth = 34
	v.text = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleParagraph},
		&widget.TextSegment{Style: subStyle})
	v.text.Truncation = fyne.TextTruncateEllipsis
	v.status = newChip("", neutral)
	v.status.minWidth = 80
	v.item = container.NewBorder(nil, nil, container.NewHBox(v.check, container.NewCenter(v.score)),
		container.NewCenter(v.status), v.text)
	v.wrapper = container.NewStack(v.item, v.band, v.header)
	v.ExtendBaseWidget(v)
	return v
}

// sectionStyle is the name of a section of the findings list.
var sectionStyle = widget.RichTextStyle{SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}

// sectionSummary counts a section's findings for its header.
func sectionSummary(r findingRow) string {
	text := fmt.Sprintf("%d findings, %d to triage, highest score %d", r.count, r.open, r.top)
	if r.count == 1 {
		text = fmt.Sprintf("1 finding, %d to triage, score %d", r.open, r.top)
	}
	return text
}

// subStyle is the grey second line of a finding: where and which.
var subStyle = widget.RichTextStyle{SizeName: theme.SizeNameCaptionText, ColorName: theme.ColorNamePlaceHolder}

// CreateRenderer shows the row's parts.
func (v *findingRowView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.wrapper)
}

func (s *findingsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	v := o.(*findingRowView)
	r := s.rows[id]
	v.header.Hidden, v.item.Hidden = r.item != nil, r.item == nil
	v.band.Hidden = v.header.Hidden
	if r.item == nil {
		v.band.FillColor = theme.Color(theme.ColorNameHeaderBackground)
		v.band.Refresh()
		v.header.Segments[0].(*widget.TextSegment).Text = r.header
		v.header.Segments[1].(*widget.TextSegment).Text = sectionSummary(r)
		v.header.Refresh()
		return
	}
	it := r.item
	v.check.OnChanged = nil
	v.check.SetChecked(s.checked[it.Key])
	v.check.OnChanged = func(on bool) { s.toggleChecked(it.Key, on) }
	v.score.set(fmt.Sprint(it.Score()), scoreColor(s.state.Scoring, it.Score()))
	v.text.Segments[0].(*widget.TextSegment).Text = it.Title()
	v.text.Segments[1].(*widget.TextSegment).Text = it.TargetName + " · " + it.Key
	v.text.Refresh()
	v.status.set(statusLabel(it.Status), statusColor(it.Status))
}

func statusLabel(st findingStatus) string {
	if st == statusProposed {
		return "to triage"
	}
	return string(st)
}

func statusColor(st findingStatus) color.NRGBA {
	switch st {
	case statusAccepted:
		return color.NRGBA{R: 0x1e, G: 0x88, B: 0xe5, A: 0xff}
	case statusDismissed:
		return color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}
	case statusStale:
		return color.NRGBA{R: 0xf9, G: 0xa8, B: 0x25, A: 0xff}
	}
	return color.NRGBA{R: 0xe0, G: 0xe0, B: 0xe0, A: 0xff}
}

// onKey is the keyboard triage.
func (s *findingsScreen) onKey(name fyne.KeyName, shift bool) bool {
	switch name {
	case fyne.KeyDown, fyne.KeyUp:
		s.move(map[fyne.KeyName]int{fyne.KeyDown: 1, fyne.KeyUp: -1}[name])
	case fyne.KeySpace:
		if it := s.selected(); it != nil {
			s.toggleChecked(it.Key, !s.checked[it.Key])
			s.list.Refresh()
		}
	case fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5:
		field := scoreLikelihood
		if shift {
			field = scoreImpact
		}
		s.score(field, int(name[0]-'0'))
	default:
		return false
	}
	return true
}

// onRune is the letter part of the keyboard triage: A accepts, D
// dismisses.
func (s *findingsScreen) onRune(r rune) bool {
	switch r {
	case 'a', 'A':
		s.accept(s.targets())
	case 'd', 'D':
		s.askDismiss(s.targets())
	default:
		return false
	}
	return true
}

// move selects the next or previous finding.
func (s *findingsScreen) move(dir int) {
	from := s.rowOf(s.current)
	if from < 0 && dir < 0 {
		from = len(s.rows)
	}
	if i := s.nextItemRow(from, dir); i >= 0 {
		s.list.Select(i)
	}
}

// accept accepts findings into the register.
func (s *findingsScreen) accept(items []*findingItem) {
	if len(items) == 0 || !canAccept(items) {
		return
	}
	var fs []*threats.Finding
	for _, it := range items {
		fs = append(fs, it.Finding)
	}
	c := acceptChange(s.state.Project, fs, s.ws.ui.now().UTC())
	if len(items) == 1 {
		c.Summary = fmt.Sprintf("Accept %s on %s", items[0].Title(), items[0].TargetName)
	}
	if s.ws.apply(c) {
		clear(s.checked)
		s.rebuild()
	}
}

// askDismiss asks for the reason and dismisses.
func (s *findingsScreen) askDismiss(items []*findingItem) {
	if len(items) == 0 || !canDismiss(items) {
		return
	}
	risks := 0
	for _, it := range items {
		if _, ok := riskFor(s.state.Project, it.Key); ok {
			risks++
		}
	}
	what := items[0].Title() + " on " + items[0].TargetName
	if len(items) > 1 {
		what = fmt.Sprintf("%d findings", len(items))
	}
	s.reasonDialog = askReason(s.ws.ui.win, what, risks, func(reason string) { s.dismiss(items, reason) })
}

// dismiss dismisses findings with a reason.
func (s *findingsScreen) dismiss(items []*findingItem, reason string) {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = it.Key
	}
	c := dismissChange(s.state.Project, keys, reason, s.ws.ui.now().UTC())
	if len(items) == 1 {
		c.Summary = fmt.Sprintf("Dismiss %s on %s", items[0].Title(), items[0].TargetName)
	}
	if s.ws.apply(c) {
		clear(s.checked)
		s.rebuild()
	}
	s.ws.ui.win.Canvas().Focus(s.list)
}

// score sets the likelihood or impact of the selected finding.
func (s *findingsScreen) score(field scoreField, v int) {
	it := s.selected()
	if it == nil {
		return
	}
	c := scoreChange(s.state.Project, it.Key, field, v, s.ws.ui.now().UTC())
	c.Summary = fmt.Sprintf("Set %s of %s to %d", field, it.Title(), v)
	s.ws.apply(c)
}

func (s *findingsScreen) onDropStale() {
	var keys []string
	for _, it := range s.items {
		if it.Status == statusStale {
			keys = append(keys, it.Key)
		}
	}
	if len(keys) > 0 {
		s.ws.apply(dropChange(keys))
	}
}

// askReason shows the dismiss dialog: a reason is required, picked from
// the common ones or typed. risks says how many register entries the
// dismissal removes.
func askReason(w fyne.Window, what string, risks int, done func(reason string)) *reasonDialog {
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder("Why this does not need treatment")
	reason.SetMinRowsVisible(3)
	reason.Wrapping = fyne.TextWrapWord
	picks := widget.NewRadioGroup(dismissReasons, func(v string) {
		if v != "" {
			reason.SetText(v)
		}
	})
	note := fmt.Sprintf("Dismiss %s. A reason is required and is kept with the decision.", what)
	if risks > 0 {
		note += fmt.Sprintf("\nThis also removes %d risk(s) accepted from it from the register (Undo brings them back).", risks)
	}
	intro := widget.NewLabel(note)
	intro.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(intro, widget.NewLabel("Common reasons"), picks, widget.NewLabel("Reason"), reason)
	d := dialog.NewCustomConfirm("Dismiss", "Dismiss", "Cancel", content, func(ok bool) {
		if ok && strings.TrimSpace(reason.Text) != "" {
			done(reason.Text)
		}
	}, w)
	d.Resize(fyne.NewSize(520, 0))
	reason.Validator = func(t string) error {
		if strings.TrimSpace(t) == "" {
			return fmt.Errorf("a dismissal needs a reason")
		}
		return nil
	}
	reason.SetOnValidationChanged(func(err error) {
		if err != nil {
			d.SetConfirmImportance(widget.LowImportance)
		} else {
			d.SetConfirmImportance(widget.HighImportance)
		}
	})
	d.Show()
	w.Canvas().Focus(reason)
	return &reasonDialog{d: d, picks: picks, reason: reason}
}

// reasonDialog is an open dismiss dialog.
type reasonDialog struct {
	d      *dialog.ConfirmDialog
	picks  *widget.RadioGroup
	reason *widget.Entry
}

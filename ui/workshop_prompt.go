package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// workshopKeys holds the workshop view's content and takes its keys. The
// letters arrive as typed runes, the last event of a key press, so a
// prompt that a letter opens does not receive that letter; digits, arrows
// and Escape arrive as keys, with Shift tracked for Shift+1-5 since the
// digit keys arrive without modifiers.
type workshopKeys struct {
	widget.BaseWidget
	content fyne.CanvasObject
	shift   bool
	onRune  func(r rune)
	onKey   func(name fyne.KeyName, shift bool)
}

func newWorkshopKeys(content fyne.CanvasObject) *workshopKeys {
	k := &workshopKeys{content: content}
	k.ExtendBaseWidget(k)
	return k
}

// CreateRenderer shows the content.
func (k *workshopKeys) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(k.content)
}

// FocusGained needs no drawing: the whole view is the keyboard's target.
func (k *workshopKeys) FocusGained() {}

// FocusLost forgets Shift, whose release may go elsewhere.
func (k *workshopKeys) FocusLost() { k.shift = false }

// TypedRune hands letters to the view.
func (k *workshopKeys) TypedRune(r rune) {
	if k.onRune != nil {
		k.onRune(r)
	}
}

// TypedKey hands keys to the view.
func (k *workshopKeys) TypedKey(ev *fyne.KeyEvent) {
	if k.onKey != nil {
		k.onKey(ev.Name, k.shift)
	}
}

// KeyDown notes Shift.
func (k *workshopKeys) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		k.shift = true
	}
}

// KeyUp notes Shift released.
func (k *workshopKeys) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		k.shift = false
	}
}

// workshopPrompt asks for one line of text over the workshop view: a
// dismissal reason, an owner, a note, a parking-lot question. It is made
// for the keyboard: type, or pick a suggestion with the arrow keys; Enter
// saves, Escape cancels.
type workshopPrompt struct {
	pop     *widget.PopUp
	entry   *promptEntry
	choices []string
	choice  int
	rows    []*canvas.Rectangle
	onSave  func(text string)
	onClose func()
	closed  bool
}

// promptEntry is the prompt's text field: Escape cancels, Up and Down
// walk the suggestions.
type promptEntry struct {
	widget.Entry
	p *workshopPrompt
}

// TypedKey takes Escape, Up and Down before the entry does.
func (e *promptEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		e.p.close()
	case fyne.KeyDown:
		e.p.move(1)
	case fyne.KeyUp:
		e.p.move(-1)
	default:
		e.Entry.TypedKey(ev)
	}
}

// promptSpec says what a prompt asks.
type promptSpec struct {
	title, hint, initial string
	choices              []string
	// optional lets the prompt save an empty text.
	optional bool
}

// showPrompt opens a prompt on canvas c, in the look of th. onSave gets
// the trimmed text; onClose runs however the prompt closes.
func showPrompt(c fyne.Canvas, th fyne.Theme, spec promptSpec, onSave func(string), onClose func()) *workshopPrompt {
	p := &workshopPrompt{choices: spec.choices, choice: -1, onSave: onSave, onClose: onClose}
	p.entry = &promptEntry{p: p}
	p.entry.ExtendBaseWidget(p.entry)
	p.entry.SetText(spec.initial)
	p.entry.OnSubmitted = func(string) { p.submit(spec.optional) }
	title := widget.NewLabelWithStyle(spec.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	hint := widget.NewLabel(spec.hint)
	hint.Wrapping = fyne.TextWrapWord
	cancel := widget.NewButton("Cancel (Esc)", p.close)
	save := widget.NewButtonWithIcon("Save (Enter)", theme.ConfirmIcon(), func() { p.submit(spec.optional) })
	save.Importance = widget.HighImportance
	box := container.NewVBox(title, hint, p.entry, p.choiceList(), container.NewHBox(layout.NewSpacer(), cancel, save))
	content := container.NewThemeOverride(container.NewPadded(box), th)
	p.pop = widget.NewModalPopUp(content, c)
	width := min(c.Size().Width*0.6, max(c.Size().Width-40, 400))
	p.pop.Resize(fyne.NewSize(width, content.MinSize().Height))
	p.pop.Show()
	c.Focus(p.entry)
	return p
}

// choiceList shows the suggestions, numbered, with the one picked
// highlighted.
func (p *workshopPrompt) choiceList() fyne.CanvasObject {
	box := container.NewVBox()
	for i, ch := range p.choices {
		bg := canvas.NewRectangle(color.Transparent)
		bg.CornerRadius = theme.InputRadiusSize()
		p.rows = append(p.rows, bg)
		box.Add(container.NewStack(bg, widget.NewLabel(fmt.Sprintf("%d. %s", i+1, ch))))
	}
	return box
}

// move picks the next or previous suggestion and puts it in the field.
func (p *workshopPrompt) move(dir int) {
	if len(p.choices) == 0 {
		return
	}
	switch n := len(p.choices); {
	case p.choice < 0 && dir < 0:
		p.choice = n - 1
	case p.choice < 0:
		p.choice = 0
	default:
		p.choice = (p.choice + dir + n) % n
	}
	for i, bg := range p.rows {
		bg.FillColor = color.Transparent
		if i == p.choice {
			bg.FillColor = theme.Color(theme.ColorNameSelection)
		}
		bg.Refresh()
	}
	p.entry.SetText(p.choices[p.choice])
	p.entry.CursorColumn = len([]rune(p.entry.Text))
	p.entry.Refresh()
}

// submit saves the text, unless it is empty and the prompt needs one.
func (p *workshopPrompt) submit(optional bool) {
	text := strings.TrimSpace(p.entry.Text)
	if text == "" && !optional {
		return
	}
	p.close()
	p.onSave(text)
}

// close hides the prompt.
func (p *workshopPrompt) close() {
	if p.closed {
		return
	}
	p.closed = true
	p.pop.Hide()
	if p.onClose != nil {
		p.onClose()
	}
}

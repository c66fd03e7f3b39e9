package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// chip is a small rounded label on a coloured background: scores, bands,
// statuses and finding counts.
type chip struct {
	widget.BaseWidget
	text     string
	fill     color.Color
	minWidth float32
	onTapped func()

	bg    *canvas.Rectangle
	label *canvas.Text
}

func newChip(text string, fill color.NRGBA) *chip {
	c := &chip{text: text, fill: fill, minWidth: 28}
	c.ExtendBaseWidget(c)
	return c
}

// set changes the chip's text and colour.
func (c *chip) set(text string, fill color.NRGBA) {
	if c.text == text && c.fill == color.Color(fill) {
		return
	}
	c.text, c.fill = text, fill
	c.Refresh()
}

// Tapped calls onTapped, so a chip can be a link (diagram badges).
func (c *chip) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped()
	}
}

// CreateRenderer draws the rectangle and the text.
func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	c.bg = canvas.NewRectangle(c.fill)
	c.label = canvas.NewText(c.text, color.Black)
	c.label.Alignment = fyne.TextAlignCenter
	c.label.TextStyle.Bold = true
	r := &chipRenderer{c: c}
	r.Refresh()
	return r
}

type chipRenderer struct{ c *chip }

func (r *chipRenderer) Layout(s fyne.Size) {
	r.c.bg.Resize(s)
	ts := r.c.label.MinSize()
	r.c.label.Resize(fyne.NewSize(s.Width, ts.Height))
	r.c.label.Move(fyne.NewPos(0, (s.Height-ts.Height)/2))
}

func (r *chipRenderer) MinSize() fyne.Size {
	ts := r.c.label.MinSize()
	pad := theme.Padding()
	return fyne.NewSize(max(ts.Width+3*pad, r.c.minWidth), ts.Height+pad)
}

func (r *chipRenderer) Refresh() {
	c := r.c
	c.bg.FillColor = c.fill
	c.bg.CornerRadius = theme.InputRadiusSize() + 2
	c.label.Text = c.text
	c.label.TextSize = theme.CaptionTextSize() + 1
	if n, ok := c.fill.(color.NRGBA); ok {
		c.label.Color = textOn(n)
	}
	c.bg.Hidden = c.text == ""
	c.label.Hidden = c.text == ""
	c.bg.Refresh()
	c.label.Refresh()
}

func (r *chipRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.c.bg, r.c.label} }
func (r *chipRenderer) Destroy()                     {}

// commitEntry is a text field that commits its text when the person
// presses Enter or leaves the field, not on every keystroke, so an edit of
// a name is one undoable change.
type commitEntry struct {
	widget.Entry
	committed string
	// target is what the text belongs to (an element id, say), captured
	// when it was shown, so a commit on focus loss after the selection
	// moved still edits the right thing.
	target   string
	onCommit func(target, text string)
}

func newCommitEntry(multiLine bool, onCommit func(target, text string)) *commitEntry {
	e := &commitEntry{onCommit: onCommit}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.commit() }
	return e
}

// show sets the text of target without committing it.
func (e *commitEntry) show(target, text string) {
	if target == e.target && e.dirty() && e.focused() {
		return // the person is typing; do not overwrite
	}
	e.commit()
	e.target, e.committed = target, text
	e.SetText(text)
}

// dirty reports whether the field holds text not yet committed.
func (e *commitEntry) dirty() bool { return e.Text != e.committed }

// FocusLost commits the text.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.commit()
}

func (e *commitEntry) focused() bool {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	return c != nil && c.Focused() == e
}

func (e *commitEntry) commit() {
	if !e.dirty() {
		return
	}
	if e.Validator != nil && e.Validator(e.Text) != nil {
		return
	}
	e.committed = e.Text
	if e.onCommit != nil {
		e.onCommit(e.target, e.Text)
	}
}

// TypedKey lets Escape throw away uncommitted typing.
func (e *commitEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.dirty() {
		e.SetText(e.committed)
		return
	}
	e.Entry.TypedKey(ev)
}

// sectionTitle is a bold heading inside a screen.
func sectionTitle(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// helpText is a small explanation under a field, in the caption size so
// it reads as secondary without fading out on a projector.
func helpText(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// This file holds what the checklist, catalogue and history screens
// share: a compact title-and-detail line pair, quiet secondary text, rich
// text lines (links, headings) and the way one screen finds another.
// twoLine and quietText wrap a RichText: put their RichText field in
// containers, so Fyne renders and refreshes the widget itself.

// twoLine is a list cell's text: a title over a smaller, quieter line of
// detail, both truncated with an ellipsis. One RichText keeps the two
// lines close, where two labels would each add their own padding.
type twoLine struct {
	*widget.RichText
	title, sub *widget.TextSegment
}

func newTwoLine(bold bool) *twoLine {
	t := &twoLine{
		title: &widget.TextSegment{Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: bold}}},
		sub: &widget.TextSegment{Style: widget.RichTextStyle{
			ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}},
	}
	t.RichText = widget.NewRichText(t.title, t.sub)
	t.Truncation = fyne.TextTruncateEllipsis
	return t
}

// set shows new text; an empty sub line is left out.
func (t *twoLine) set(title, sub string) {
	if t.title.Text == title && t.sub.Text == sub && len(t.Segments) == 2 {
		return
	}
	t.title.Text, t.sub.Text = title, sub
	t.Segments = []widget.RichTextSegment{t.title, t.sub}
	if sub == "" {
		t.Segments = t.Segments[:1]
	}
	t.Refresh()
}

// quietText is secondary text in the placeholder colour, which reads on
// both themes where a low-importance label is too faint, wrapped and
// centred.
type quietText struct {
	*widget.RichText
	seg *widget.TextSegment
}

func newQuietText(text string) *quietText {
	q := &quietText{seg: &widget.TextSegment{Text: text,
		Style: widget.RichTextStyle{ColorName: theme.ColorNamePlaceHolder, Alignment: fyne.TextAlignCenter}}}
	q.RichText = widget.NewRichText(q.seg)
	q.Wrapping = fyne.TextWrapWord
	return q
}

// newNoteText is a small quiet note, left-aligned: the caveat under a
// list.
func newNoteText(text string) *quietText {
	q := newQuietText(text)
	q.seg.Style.Alignment = fyne.TextAlignLeading
	q.seg.Style.SizeName = theme.SizeNameCaptionText
	return q
}

// newSubText is the quiet line under a detail pane's title.
func newSubText() *quietText {
	q := newQuietText("")
	q.seg.Style.Alignment = fyne.TextAlignLeading
	return q
}

// SetText changes the text.
func (q *quietText) SetText(text string) {
	if q.seg.Text != text {
		q.seg.Text = text
		q.Refresh()
	}
}

// showIf shows the text when on is true and hides it otherwise.
func (q *quietText) showIf(on bool) {
	if on {
		q.Show()
	} else {
		q.Hide()
	}
}

// paneMessage places q in the middle of a pane at the pane's width, so it
// wraps; inside a Center container a wrapped text keeps its one-line width
// and a narrow pane cuts it off.
func paneMessage(q *quietText) fyne.CanvasObject {
	return container.NewPadded(container.NewVBox(layout.NewSpacer(), q.RichText, layout.NewSpacer()))
}

// linkLine is a link on a line of its own in a RichText: a line ends
// only after a segment that is not inline, and links are inline.
func linkLine(text string, onTapped func()) []widget.RichTextSegment {
	return []widget.RichTextSegment{&widget.HyperlinkSegment{Text: text, OnTapped: onTapped},
		&widget.TextSegment{Style: widget.RichTextStyleParagraph}}
}

// quietLine is a line of quiet explanation in a RichText.
func quietLine(text string) []widget.RichTextSegment {
	style := widget.RichTextStyleParagraph
	style.ColorName = theme.ColorNamePlaceHolder
	return []widget.RichTextSegment{&widget.TextSegment{Style: style, Text: text}}
}

// findScreen returns the workspace's screen of type T, so screens can
// link to one another.
func findScreen[T screen](ws *workspace) (T, bool) {
	for _, s := range ws.screens {
		if v, ok := s.(T); ok {
			return v, true
		}
	}
	var zero T
	return zero, false
}

// labelledSelect is a filter: its label, then the select taking the
// rest of the width.
func labelledSelect(label string, sel *widget.Select) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel(label), nil, sel)
}

// blockHeading is a sub-heading on a line of its own: Fyne 2.8's
// RichTextStyleSubHeading is inline, so the text after it would run on.
func blockHeading(text string) widget.RichTextSegment { return heading(text) }

package ui

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// problem is an error written for the person at the keyboard: what failed,
// as the start of a sentence, and the cause from the layer below.
type problem struct {
	what string
	err  error
}

func (p *problem) Error() string {
	if p.err == nil {
		return p.what
	}
	return p.what + ": " + p.err.Error()
}

func (p *problem) Unwrap() error { return p.err }

// failed wraps err with a sentence saying what failed.
func failed(err error, format string, args ...any) error {
	return &problem{what: fmt.Sprintf(format, args...), err: err}
}

// errorContent lays an error out for the error dialog: the sentence, then
// the cause, one problem a line.
func errorContent(err error) fyne.CanvasObject {
	text := sentence(err.Error())
	var p *problem
	if errors.As(err, &p) {
		text = sentence(p.what)
		if p.err != nil {
			text += "\n\n" + sentence(p.err.Error())
		}
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	return l
}

// sentence starts s with a capital letter and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	return s
}

// firstLine returns s up to its first line break.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

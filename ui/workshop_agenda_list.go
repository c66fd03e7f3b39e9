package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// workshopAgendaList is the agenda beside the card: each stop with how far
// the room got through it and the time spent there, the current one
// highlighted. A tap on a stop goes there.
type workshopAgendaList struct {
	box   *fyne.Container
	rows  []*agendaRow
	onTap func(stop int)
}

func newWorkshopAgendaList(onTap func(int)) *workshopAgendaList {
	return &workshopAgendaList{box: container.NewVBox(), onTap: onTap}
}

// show fills the list.
func (l *workshopAgendaList) show(stops []agendaStop, current int, p *model.Project, times map[string]time.Duration) {
	for len(l.rows) < len(stops) {
		r := newAgendaRow(len(l.rows), l.onTap)
		l.rows = append(l.rows, r)
		l.box.Add(r)
	}
	for i, r := range l.rows {
		r.Hidden = i >= len(stops)
		if i < len(stops) {
			r.set(stops[i], i == current, decidedCount(stops[i], p), times[stops[i].ID])
		}
	}
	l.box.Refresh()
}

// showTime updates the time of one stop (the clock ticking).
func (l *workshopAgendaList) showTime(stop int, d time.Duration) {
	if stop >= 0 && stop < len(l.rows) {
		l.rows[stop].setTime(d)
	}
}

// agendaRow is one stop of the agenda list.
type agendaRow struct {
	widget.BaseWidget
	index   int
	onTap   func(int)
	bg      *canvas.Rectangle
	name    *widget.Label
	detail  *widget.Label
	current bool
	done    string
}

func newAgendaRow(index int, onTap func(int)) *agendaRow {
	r := &agendaRow{index: index, onTap: onTap, bg: canvas.NewRectangle(color.Transparent)}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.name = widget.NewLabel("")
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.detail = widget.NewLabel("")
	r.detail.Alignment = fyne.TextAlignTrailing
	r.ExtendBaseWidget(r)
	return r
}

// set shows a stop: its number and name, and "3/7 · 4:05".
func (r *agendaRow) set(s agendaStop, current bool, decided int, spent time.Duration) {
	mark := ""
	if decided == len(s.Cards) {
		mark = "✓ "
	}
	r.name.TextStyle.Bold = current
	r.name.SetText(fmt.Sprintf("%d. %s%s", r.index+1, mark, s.Name))
	r.done = fmt.Sprintf("%d/%d", decided, len(s.Cards))
	r.current = current
	r.bg.FillColor = color.Transparent
	if current {
		r.bg.FillColor = faded(miniHighlight, 0x50)
	}
	r.bg.Refresh()
	r.setTime(spent)
}

func (r *agendaRow) setTime(d time.Duration) {
	text := r.done
	if d > 0 {
		text += " · " + clockText(d)
	}
	r.detail.SetText(text)
}

// Tapped goes to the stop.
func (r *agendaRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap(r.index)
	}
}

// CreateRenderer lays the name and the progress on the highlight.
func (r *agendaRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, container.NewBorder(nil, nil, nil, r.detail, r.name)))
}

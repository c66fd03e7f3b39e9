package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// maxOpsNamed is how many entities a log line names before it counts them
// instead.
const maxOpsNamed = 3

// historyLog is the change log tab: every committed edit, newest first,
// under a heading per day.
type historyLog struct {
	s       *historyScreen
	entries []LogEntry
	project *model.Project
	rows    []logRow
	text    string
	// headers are the rows given a day heading's height.
	headers []widget.ListItemID

	list    *widget.List
	search  *widget.Entry
	count   *widget.Label
	empty   *quietText
	content fyne.CanvasObject
}

// logRow is a day heading or an entry.
type logRow struct {
	day   string
	entry *LogEntry
}

func newHistoryLog(s *historyScreen) *historyLog {
	l := &historyLog{s: s}
	l.list = widget.NewList(func() int { return len(l.rows) }, newLogRow, l.updateRow)
	l.list.OnSelected = func(id widget.ListItemID) { l.list.Unselect(id) }
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder("Search the log: what, who, which element or risk")
	l.search.ActionItem = widget.NewIcon(theme.SearchIcon())
	l.search.OnChanged = func(t string) { l.text = t; l.rebuild() }
	l.count = widget.NewLabel("")
	l.empty = newQuietText("No edit has been saved yet.")
	top := container.NewBorder(nil, nil, nil, l.count, l.search)
	l.content = container.NewBorder(top, nil, nil, nil, container.NewStack(l.list, paneMessage(l.empty)))
	return l
}

// show lists the entries (newest first) with names from the project.
func (l *historyLog) show(entries []LogEntry, p *model.Project) {
	l.entries, l.project = entries, p
	l.rebuild()
}

func (l *historyLog) rebuild() {
	l.rows = logRows(l.entries, l.project, l.text, l.s.ws.ui.now())
	n := 0
	for _, r := range l.rows {
		if r.entry != nil {
			n++
		}
	}
	l.count.SetText(fmt.Sprintf("%d of %d edits", n, len(l.entries)))
	l.empty.showIf(len(l.rows) == 0)
	if len(l.entries) > 0 {
		l.empty.SetText("No edit matches the search.")
	}
	l.setHeights()
	l.list.Refresh()
}

// setHeights makes day headings one line tall and entries two.
func (l *historyLog) setHeights() {
	tmpl := newLogRow().(*logRowView)
	item, day := tmpl.item.MinSize().Height, tmpl.head.MinSize().Height
	for _, id := range l.headers {
		if id < len(l.rows) && l.rows[id].entry != nil {
			l.list.SetItemHeight(id, item)
		}
	}
	l.headers = l.headers[:0]
	for i, r := range l.rows {
		if r.entry == nil {
			l.headers = append(l.headers, i)
			l.list.SetItemHeight(i, day)
		}
	}
}

// logRows puts a heading before each day's entries and keeps those that
// match text.
func logRows(entries []LogEntry, p *model.Project, text string, now time.Time) []logRow {
	var rows []logRow
	last := ""
	text = strings.ToLower(text)
	for i := range entries {
		e := &entries[i]
		if text != "" && !strings.Contains(strings.ToLower(e.Summary+" "+e.User+" "+logChanges(e, p)), text) {
			continue
		}
		if day := dayHeading(e.Time, now); day != last {
			rows = append(rows, logRow{day: day})
			last = day
		}
		rows = append(rows, logRow{entry: e})
	}
	return rows
}

// dayHeading reads "Today", "Yesterday" or "Monday 17 November 2026".
func dayHeading(t, now time.Time) string {
	t, now = t.Local(), now.Local()
	y, m, d := t.Date()
	ny, nm, nd := now.Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.Local)
	today := time.Date(ny, nm, nd, 0, 0, 0, 0, time.Local)
	switch {
	case day.Equal(today):
		return "Today"
	case day.Equal(today.AddDate(0, 0, -1)):
		return "Yesterday"
	}
	return t.Format("Monday 2 January 2006")
}

// logChanges says what an entry wrote, with names from the project where
// it still has them: "element Vector store · risk R-002 deleted ·
// R-002 likelihood 3 ⟶ 4".
func logChanges(e *LogEntry, p *model.Project) string {
	var parts []string
	if len(e.Ops) > maxOpsNamed {
		parts = append(parts, opCounts(e.Ops))
	} else {
		for _, op := range e.Ops {
			parts = append(parts, opText(op, p))
		}
	}
	if s := scoreChangesText(e.Scores); s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

func opText(op LogOp, p *model.Project) string {
	text := string(op.Entity)
	if op.ID != "" {
		text += " " + entityName(op, p)
	}
	if op.Deleted {
		text += " deleted"
	}
	return text
}

// entityName names an element, flow or boundary as the project calls it
// now, its id otherwise.
func entityName(op LogOp, p *model.Project) string {
	if p == nil || op.Deleted {
		return op.ID
	}
	switch op.Entity {
	case model.EntityElement:
		if e, ok := p.Element(op.ID); ok {
			return e.Name
		}
	case model.EntityBoundary:
		if b, ok := p.Boundary(op.ID); ok {
			return b.Name
		}
	case model.EntityFlow:
		if f, ok := p.Flow(op.ID); ok && f.Name != "" {
			return f.Name
		}
	}
	return op.ID
}

// opCounts reads "12 elements, 3 flows".
func opCounts(ops []LogOp) string {
	counts := map[model.Entity]int{}
	var order []model.Entity
	for _, op := range ops {
		if counts[op.Entity] == 0 {
			order = append(order, op.Entity)
		}
		counts[op.Entity]++
	}
	parts := make([]string, 0, len(order))
	for _, e := range order {
		noun := string(e)
		if counts[e] > 1 {
			noun += "s"
		}
		parts = append(parts, fmt.Sprintf("%d %s", counts[e], noun))
	}
	return strings.Join(parts, ", ")
}

// scoreChangesText reads "R-002 likelihood 3 ⟶ 4, impact – ⟶ 2": the score
// changes grouped by risk, "–" standing for unset.
func scoreChangesText(scores []ScoreChange) string {
	var risks []string
	fields := map[string][]string{}
	for _, sc := range scores {
		if !slices.Contains(risks, sc.Risk) {
			risks = append(risks, sc.Risk)
		}
		fields[sc.Risk] = append(fields[sc.Risk], fmt.Sprintf("%s %s ⟶ %s",
			words(sc.Field), scoreValue(sc.Before), scoreValue(sc.After)))
	}
	parts := make([]string, 0, len(risks))
	for _, r := range risks {
		parts = append(parts, r+" "+strings.Join(fields[r], ", "))
	}
	return strings.Join(parts, "; ")
}

func scoreValue(v int) string {
	if v == 0 {
		return "–"
	}
	return fmt.Sprint(v)
}

// logRowView is the template of a log line: a day heading, or the time,
// what was done, by whom and what it changed.
type logRowView struct {
	widget.BaseWidget
	dayBg   *canvas.Rectangle
	day     *widget.Label
	head    *fyne.Container
	time    *widget.Label
	text    *twoLine
	seq     *widget.Label
	item    *fyne.Container
	wrapper *fyne.Container
}

func newLogRow() fyne.CanvasObject {
	v := &logRowView{}
	v.dayBg = canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground))
	v.dayBg.CornerRadius = theme.InputRadiusSize()
	v.day = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.head = container.NewStack(v.dayBg, v.day)
	v.time = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	v.text = newTwoLine(false)
	v.seq = widget.NewLabel("")
	timeBox := container.NewGridWrap(fyne.NewSize(72, v.time.MinSize().Height), v.time)
	v.item = container.NewBorder(nil, nil, container.NewCenter(timeBox), container.NewCenter(v.seq), v.text.RichText)
	v.wrapper = container.NewStack(v.item, v.head)
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer shows the row's parts.
func (v *logRowView) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(v.wrapper) }

func (l *historyLog) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	v := o.(*logRowView)
	r := l.rows[id]
	v.head.Hidden, v.item.Hidden = r.entry != nil, r.entry == nil
	if r.entry == nil {
		v.dayBg.FillColor = theme.Color(theme.ColorNameHeaderBackground)
		v.day.SetText(r.day)
		return
	}
	e := r.entry
	v.time.SetText(e.Time.Local().Format("15:04"))
	parts := []string{}
	if e.User != "" {
		parts = append(parts, "by "+e.User)
	}
	if what := logChanges(e, l.project); what != "" {
		parts = append(parts, what)
	}
	v.text.set(e.Summary, strings.Join(parts, " · "))
	v.seq.SetText(fmt.Sprintf("#%d", e.Seq))
}

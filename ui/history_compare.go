package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// nowOption stands for the project as it is in the comparison selects.
const nowOption = "Now (the project as it is)"

// comparePanel is the compare tab: two states of the project, snapshots
// or now, and what changed from the first to the second.
type comparePanel struct {
	s     *historyScreen
	snaps []SnapshotInfo
	// ids maps the selects' options to snapshot ids ("" for now).
	ids map[string]string
	// cache holds the snapshots read so far; snapshots never change.
	cache map[string]*model.Project
	diff  *projectDiff

	from    *widget.Select
	to      *widget.Select
	swap    *widget.Button
	summary *widget.Label
	body    *widget.RichText
	content fyne.CanvasObject
}

func newComparePanel(s *historyScreen) *comparePanel {
	c := &comparePanel{s: s, ids: map[string]string{}, cache: map[string]*model.Project{}}
	c.from = widget.NewSelect(nil, func(string) { c.compare() })
	c.from.PlaceHolder = "Choose a snapshot"
	c.to = widget.NewSelect(nil, func(string) { c.compare() })
	c.to.PlaceHolder = "Choose a snapshot"
	c.swap = widget.NewButton("Swap", c.onSwap)
	c.swap.Importance = widget.LowImportance
	c.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.summary.Wrapping = fyne.TextWrapWord
	c.body = widget.NewRichText()
	c.body.Wrapping = fyne.TextWrapWord
	pick := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel("From"), nil, c.from),
		container.NewBorder(nil, nil, widget.NewLabel("To"), nil, c.to))
	top := container.NewVBox(container.NewBorder(nil, nil, nil, c.swap, pick), c.summary, widget.NewSeparator())
	c.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(c.body))
	c.showEmpty()
	return c
}

// show offers the snapshots (newest first) and compares again.
func (c *comparePanel) show(snaps []SnapshotInfo) {
	c.snaps = snaps
	c.ids = map[string]string{nowOption: ""}
	opts := make([]string, 0, len(snaps)+1)
	for _, info := range snaps {
		label := snapshotLabel(info)
		if _, taken := c.ids[label]; taken {
			label += " (" + info.ID + ")"
		}
		c.ids[label] = info.ID
		opts = append(opts, label)
	}
	opts = append(opts, nowOption)
	from, to := c.from.Selected, c.to.Selected
	c.from.Options, c.to.Options = opts, opts
	if _, ok := c.ids[from]; !ok || from == "" {
		from = ""
		if len(snaps) > 0 {
			from = opts[0]
		}
	}
	if _, ok := c.ids[to]; !ok || to == "" {
		to = nowOption
	}
	c.setPair(from, to)
}

// snapshotLabel reads "Before the workshop · 21 Nov 2026 16:30".
func snapshotLabel(info SnapshotInfo) string {
	return info.Name + " · " + info.Time.Local().Format("2 Jan 2006 15:04")
}

// setPair selects both sides without comparing twice, then compares.
func (c *comparePanel) setPair(from, to string) {
	onFrom, onTo := c.from.OnChanged, c.to.OnChanged
	c.from.OnChanged, c.to.OnChanged = nil, nil
	for _, side := range []struct {
		sel    *widget.Select
		option string
	}{{c.from, from}, {c.to, to}} {
		if side.option == "" {
			side.sel.ClearSelected()
		} else {
			side.sel.SetSelected(side.option)
		}
	}
	c.from.OnChanged, c.to.OnChanged = onFrom, onTo
	c.from.Refresh()
	c.to.Refresh()
	c.compare()
}

func (c *comparePanel) onSwap() { c.setPair(c.to.Selected, c.from.Selected) }

// compareWithNow compares a snapshot with the project as it is and shows
// the compare tab.
func (c *comparePanel) compareWithNow(info SnapshotInfo) {
	c.s.tabs.SelectIndex(2)
	c.setPair(c.labelOf(info.ID), nowOption)
}

// compareSnapshots compares two snapshots, given by id, and shows the
// compare tab.
func (c *comparePanel) compareSnapshots(fromID, toID string) {
	c.s.tabs.SelectIndex(2)
	c.setPair(c.labelOf(fromID), c.labelOf(toID))
}

// labelOf returns the option standing for snapshot id; "" when no
// snapshot listed has that id.
func (c *comparePanel) labelOf(id string) string {
	for l, sid := range c.ids {
		if sid == id && id != "" {
			return l
		}
	}
	return ""
}

// forget drops a deleted snapshot from the cache.
func (c *comparePanel) forget(id string) { delete(c.cache, id) }

// compare shows what changed between the two states selected.
func (c *comparePanel) compare() {
	if c.from.Selected == "" || c.to.Selected == "" || c.s.state == nil {
		c.showEmpty()
		return
	}
	before, err := c.project(c.from.Selected)
	if err == nil {
		var after *model.Project
		if after, err = c.project(c.to.Selected); err == nil {
			d := diffProjects(before, after, c.s.state.Catalogue)
			c.diff = &d
			c.summary.SetText(d.summary())
			c.body.Segments = diffSegments(d)
			c.body.Refresh()
			return
		}
	}
	c.showEmpty()
	c.s.ws.ui.showError(err)
}

// project returns the state an option stands for.
func (c *comparePanel) project(option string) (*model.Project, error) {
	id, ok := c.ids[option]
	if !ok || id == "" {
		return c.s.state.Project, nil
	}
	return c.snapshot(id)
}

// snapshot reads a snapshot once; snapshots never change.
func (c *comparePanel) snapshot(id string) (*model.Project, error) {
	if p, ok := c.cache[id]; ok {
		return p, nil
	}
	p, err := c.s.store.LoadSnapshot(c.s.state.Project.Meta.ID, id)
	if err != nil {
		name := id
		if i := slices.IndexFunc(c.snaps, func(s SnapshotInfo) bool { return s.ID == id }); i >= 0 {
			name = c.snaps[i].Name
		}
		return nil, failed(err, "The snapshot %q could not be read", name)
	}
	c.cache[id] = p
	return p, nil
}

func (c *comparePanel) showEmpty() {
	c.diff = nil
	text := "Take a snapshot first (Snapshots tab), then compare it with the project as it is or with another snapshot."
	if len(c.snaps) > 0 {
		text = "Choose the two states to compare."
	}
	c.summary.SetText(text)
	c.body.Segments = nil
	c.body.Refresh()
}

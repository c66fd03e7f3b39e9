package ui

import (
	"fmt"

	"fyne.io/fyne/v2/widget"
)

// This file is the findings screen's selection: the current finding, the
// checked ones, and what the action buttons act on.

func (s *findingsScreen) pruneChecked(shown []*findingItem) {
	visible := make(map[string]bool, len(shown))
	for _, it := range shown {
		visible[it.Key] = true
	}
	for k := range s.checked {
		if !visible[k] {
			delete(s.checked, k)
		}
	}
}

func (s *findingsScreen) rowOf(key string) int {
	if key == "" {
		return -1
	}
	for i, r := range s.rows {
		if r.item != nil && r.item.Key == key {
			return i
		}
	}
	return -1
}

// nextItemRow returns the first item row after (dir 1) or before (dir -1)
// row from, skipping section headers; -1 when there is none.
func (s *findingsScreen) nextItemRow(from, dir int) int {
	for i := from + dir; i >= 0 && i < len(s.rows); i += dir {
		if s.rows[i].item != nil {
			return i
		}
	}
	return -1
}

func (s *findingsScreen) selectFirst() {
	if i := s.nextItemRow(-1, 1); i >= 0 {
		s.list.Select(i)
	}
}

func (s *findingsScreen) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(s.rows) {
		return
	}
	if s.rows[id].item == nil { // a header: move to its first item
		if i := s.nextItemRow(id, 1); i >= 0 {
			s.list.Select(i)
		}
		return
	}
	s.current = s.rows[id].item.Key
	s.detail.show(s.rows[id].item, s.state)
	s.refreshActions(-1)
}

// selected is the item shown in the detail pane.
func (s *findingsScreen) selected() *findingItem {
	if i := s.rowOf(s.current); i >= 0 {
		return s.rows[i].item
	}
	return nil
}

// targets are what the action buttons and keys act on: the checked items,
// or else the selected one.
func (s *findingsScreen) targets() []*findingItem {
	var out []*findingItem
	for _, r := range s.rows {
		if r.item != nil && s.checked[r.item.Key] {
			out = append(out, r.item)
		}
	}
	if len(out) == 0 {
		if it := s.selected(); it != nil {
			out = append(out, it)
		}
	}
	return out
}

func (s *findingsScreen) onCheckAll(on bool) {
	if !on {
		clear(s.checked)
	} else {
		for _, r := range s.rows {
			if r.item != nil {
				s.checked[r.item.Key] = true
			}
		}
	}
	s.list.Refresh()
	s.refreshActions(-1)
}

func (s *findingsScreen) toggleChecked(key string, on bool) {
	if on {
		s.checked[key] = true
	} else {
		delete(s.checked, key)
	}
	s.refreshActions(-1)
}

// refreshActions labels the buttons with what they will act on.
func (s *findingsScreen) refreshActions(shown int) {
	n := len(s.checked)
	s.acceptButton.SetText("Accept")
	s.dismissButton.SetText("Dismiss...")
	if n > 0 {
		s.acceptButton.SetText(fmt.Sprintf("Accept %d", n))
		s.dismissButton.SetText(fmt.Sprintf("Dismiss %d...", n))
	}
	t := s.targets()
	setEnabled(s.acceptButton, len(t) > 0 && canAccept(t))
	setEnabled(s.dismissButton, len(t) > 0 && canDismiss(t))
	stale := 0
	for _, it := range s.items {
		if it.Status == statusStale {
			stale++
		}
	}
	s.dropButton.Hidden = stale == 0
	s.dropButton.SetText(fmt.Sprintf("Drop %d stale", stale))
	if shown >= 0 {
		s.countLabel.SetText(fmt.Sprintf("%d of %d shown", shown, len(s.items)))
	}
}

func canAccept(items []*findingItem) bool {
	for _, it := range items {
		if it.Finding == nil || it.Status == statusAccepted {
			return false
		}
	}
	return true
}

func canDismiss(items []*findingItem) bool {
	for _, it := range items {
		if it.Finding == nil || it.Status == statusDismissed {
			return false
		}
	}
	return true
}

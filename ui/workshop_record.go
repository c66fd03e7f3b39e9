package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"airisk/model"
)

// This file builds the workshop's edits as plain changes, so they are
// tested without a window. Every edit made in a workshop carries the
// update of its session record in the same change: undoing the edit
// undoes its trace in the record too.

// startWorkshopChange records a new session.
func startWorkshopChange(w model.Workshop) model.Change {
	return model.Change{Summary: "Start workshop " + w.Title, Ops: []model.Op{model.PutWorkshop(w)}}
}

// endWorkshopChange records the end of a session and the snapshot taken
// then.
func endWorkshopChange(w model.Workshop, now time.Time, snapshotAfter string) model.Change {
	w = w.Clone()
	w.Ended = now
	if w.Ended.Before(w.Started) {
		w.Ended = w.Started
	}
	w.SnapshotAfter = snapshotAfter
	return model.Change{Summary: "End workshop " + w.Title, Ops: []model.Op{model.PutWorkshop(w)}}
}

// withRecord adds to c the update of workshop id's record that c implies:
// decisions made (a finding accepted or dismissed) join Decided, risks it creates
// join RisksCreated, and risks it changes or removes join RisksChanged
// (a removed risk created in this workshop leaves RisksCreated instead).
// c comes back unchanged when the record does not change or is missing.
func withRecord(p *model.Project, id string, c model.Change) model.Change {
	rec, ok := p.Workshop(id)
	if !ok {
		return c
	}
	w := rec.Clone()
	for _, op := range c.Ops {
		switch op.Entity {
		case model.EntityDecision:
			if madeDecision(p, op) {
				w.Decided = addOnce(w.Decided, op.ID)
			}
		case model.EntityRisk:
			noteRisk(&w, p, op)
		}
	}
	if sameRecord(*rec, w) {
		return c
	}
	out := model.Change{Summary: c.Summary, Ops: slices.Clone(c.Ops)}
	out.Ops = append(out.Ops, model.PutWorkshop(w))
	return out
}

// madeDecision reports whether a decision op accepts or dismisses a
// finding, rather than re-scoring one decided before.
func madeDecision(p *model.Project, op model.Op) bool {
	d := op.Decision
	if d == nil || openDecision(d) {
		return false
	}
	prev, ok := p.Decision(op.ID)
	return !ok || prev.Status != d.Status || prev.Reason != d.Reason
}

// noteRisk records one risk op of a workshop edit.
func noteRisk(w *model.Workshop, p *model.Project, op model.Op) {
	_, existed := p.Risk(op.ID)
	created := slices.Contains(w.RisksCreated, op.ID)
	switch {
	case op.Delete && created:
		w.RisksCreated = slices.DeleteFunc(w.RisksCreated, func(s string) bool { return s == op.ID })
	case !existed && !op.Delete:
		w.RisksCreated = addOnce(w.RisksCreated, op.ID)
	case !created:
		w.RisksChanged = addOnce(w.RisksChanged, op.ID)
	}
}

func addOnce(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

func sameRecord(a, b model.Workshop) bool {
	return slices.Equal(a.Decided, b.Decided) && slices.Equal(a.RisksCreated, b.RisksCreated) &&
		slices.Equal(a.RisksChanged, b.RisksChanged)
}

// parkChange adds a question to the workshop's parking lot, raised at an
// element ("" or the project for none).
func parkChange(w model.Workshop, text, element string, now time.Time) model.Change {
	w = w.Clone()
	if element == model.ProjectTarget {
		element = ""
	}
	w.Parking = append(w.Parking, model.ParkingItem{Text: strings.TrimSpace(text), Element: element, Raised: now})
	return model.Change{Summary: "Park " + truncate(strings.TrimSpace(text), 60), Ops: []model.Op{model.PutWorkshop(w)}}
}

// workshopNoteChange appends a note to the session record, prefixed with
// what it is about.
func workshopNoteChange(w model.Workshop, about, text string) model.Change {
	w = w.Clone()
	w.Notes = appendNote(w.Notes, about+": "+strings.TrimSpace(text))
	return model.Change{Summary: "Note on " + about, Ops: []model.Op{model.PutWorkshop(w)}}
}

// riskNoteChange appends a note to a risk.
func riskNoteChange(r model.Risk, text string, now time.Time) model.Change {
	r = r.Clone()
	r.Notes = appendNote(r.Notes, strings.TrimSpace(text))
	r.Updated = now
	return model.Change{Summary: "Note on " + r.ID, Ops: []model.Op{model.PutRisk(r)}}
}

// ownerChange sets a risk's owner.
func ownerChange(r model.Risk, owner string, now time.Time) model.Change {
	r = r.Clone()
	r.Owner = strings.TrimSpace(owner)
	r.Updated = now
	return model.Change{Summary: fmt.Sprintf("Set owner of %s to %s", r.ID, r.Owner), Ops: []model.Op{model.PutRisk(r)}}
}

// appendNote adds a line to notes.
func appendNote(notes, line string) string {
	if strings.TrimSpace(notes) == "" {
		return line
	}
	return strings.TrimRight(notes, "\n") + "\n" + line
}

// runningWorkshop returns the session still running, the latest one if
// (through an import, say) there are several.
func runningWorkshop(p *model.Project) (*model.Workshop, bool) {
	for i := len(p.Workshops) - 1; i >= 0; i-- {
		if p.Workshops[i].Running() {
			return &p.Workshops[i], true
		}
	}
	return nil, false
}

// attendeeLines reads the attendees field: one name a line, blank lines
// and repeats dropped.
func attendeeLines(text string) []string {
	out := []string{}
	for _, line := range strings.Split(text, "\n") {
		if name := strings.TrimSpace(line); name != "" && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

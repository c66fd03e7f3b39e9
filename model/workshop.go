package model

import (
	"fmt"
	"time"
)

// Workshop is the record of one threat-modelling session run from the app:
// who was there, how long it took, what was decided and what was parked for
// follow-up. It is kept in the project, shown in History and exported.
type Workshop struct {
	ID          string    `json:"id" yaml:"id"`
	Title       string    `json:"title" yaml:"title"`
	Facilitator string    `json:"facilitator,omitempty" yaml:"facilitator,omitempty"`
	Attendees   []string  `json:"attendees" yaml:"attendees"`
	Started     time.Time `json:"started" yaml:"started"`
	// Ended is zero while the workshop is running.
	Ended time.Time `json:"ended,omitzero" yaml:"ended,omitempty"`
	// Agenda is the order in which the elements were (to be) walked.
	Agenda []string `json:"agenda" yaml:"agenda"`
	// Decided lists the finding keys triaged during the workshop.
	Decided []string `json:"decided" yaml:"decided"`
	// RisksCreated and RisksChanged list risk ids touched during it.
	RisksCreated []string      `json:"risks_created" yaml:"risks_created"`
	RisksChanged []string      `json:"risks_changed" yaml:"risks_changed"`
	Parking      []ParkingItem `json:"parking" yaml:"parking"`
	Notes        string        `json:"notes" yaml:"notes"`
	// SnapshotBefore and SnapshotAfter name the snapshots taken when the
	// workshop started and ended, for the "what changed" comparison.
	SnapshotBefore string `json:"snapshot_before,omitempty" yaml:"snapshot_before,omitempty"`
	SnapshotAfter  string `json:"snapshot_after,omitempty" yaml:"snapshot_after,omitempty"`
}

// ParkingItem is a question raised in a workshop that needs follow-up.
type ParkingItem struct {
	Text    string    `json:"text" yaml:"text"`
	Element string    `json:"element,omitempty" yaml:"element,omitempty"`
	Owner   string    `json:"owner,omitempty" yaml:"owner,omitempty"`
	Raised  time.Time `json:"raised" yaml:"raised"`
	Done    bool      `json:"done,omitempty" yaml:"done,omitempty"`
}

// Duration is how long the workshop ran (until now while it is running).
func (w Workshop) Duration(now time.Time) time.Duration {
	end := w.Ended
	if end.IsZero() {
		end = now
	}
	if end.Before(w.Started) {
		return 0
	}
	return end.Sub(w.Started)
}

// Running reports whether the workshop has not ended yet.
func (w Workshop) Running() bool { return w.Ended.IsZero() }

// PutWorkshop builds an op that adds or replaces a workshop record.
func PutWorkshop(w Workshop) Op { return Op{Entity: EntityWorkshop, ID: w.ID, Workshop: &w} }

// NewWorkshopID returns the next free workshop id of the form W-001.
func (p *Project) NewWorkshopID() string {
	used := make(map[string]bool, len(p.Workshops))
	for _, w := range p.Workshops {
		used[w.ID] = true
	}
	for n := len(p.Workshops) + 1; ; n++ {
		if id := fmt.Sprintf("W-%03d", n); !used[id] {
			return id
		}
	}
}

// Workshop returns the workshop record with the given id.
func (p *Project) Workshop(id string) (*Workshop, bool) {
	for i := range p.Workshops {
		if p.Workshops[i].ID == id {
			return &p.Workshops[i], true
		}
	}
	return nil, false
}

func (p *Project) validateWorkshops() Problems {
	var ps Problems
	elements := make(map[string]bool, len(p.Elements))
	for _, e := range p.Elements {
		elements[e.ID] = true
	}
	seen := map[string]bool{}
	for i, w := range p.Workshops {
		at := fmt.Sprintf("workshops[%d]", i)
		ps.uniqueID(at+".id", w.ID, seen)
		ps.name(at+".title", w.Title, true)
		ps.name(at+".facilitator", w.Facilitator, false)
		ps.text(at+".notes", w.Notes)
		for j, a := range w.Attendees {
			ps.name(fmt.Sprintf("%s.attendees[%d]", at, j), a, true)
		}
		if !w.Ended.IsZero() && w.Ended.Before(w.Started) {
			ps.add(at+".ended", "ends before it starts")
		}
		for j, it := range w.Parking {
			pat := fmt.Sprintf("%s.parking[%d]", at, j)
			ps.name(pat+".text", it.Text, true)
			ps.name(pat+".owner", it.Owner, false)
			if it.Element != "" && !elements[it.Element] {
				ps.add(pat+".element", "unknown element %q", it.Element)
			}
		}
		if n := len(w.Agenda) + len(w.Decided) + len(w.RisksCreated) + len(w.RisksChanged) + len(w.Parking) + len(w.Attendees); n > 4*MaxListLength {
			ps.add(at, "lists %d entries; the limit is %d", n, 4*MaxListLength)
		}
	}
	return ps
}

package report

import (
	"fmt"
	"strings"
	"time"
)

// This file works out the workshop log: the sessions run in the app's
// workshop mode and the questions parked in them.

// workshopRow is one workshop record.
type workshopRow struct {
	ID, Title                  string
	Date, Time, Duration       string // "2026-11-21", "14:00–16:05", "2 h 05 min"
	Running                    bool
	Facilitator                string
	Attendees                  []string
	Decided                    []string // finding keys
	RisksCreated, RisksChanged []string
	Parking                    int
	Notes                      string
}

// parkingRow is one question parked for follow-up.
type parkingRow struct {
	Workshop, Text, Element, Owner, Raised string
	Done                                   bool
}

// workshopLog lists the workshops and their parking lot, with times in
// the location of now (the report's export time).
func (b *builder) workshopLog(now time.Time) {
	loc := now.Location()
	for _, w := range b.p.Workshops {
		row := workshopRow{ID: w.ID, Title: w.Title, Running: w.Running(), Facilitator: w.Facilitator,
			Attendees: w.Attendees, Decided: w.Decided, RisksCreated: w.RisksCreated, RisksChanged: w.RisksChanged,
			Parking: len(w.Parking), Notes: w.Notes, Duration: durationText(w.Duration(now))}
		if !w.Started.IsZero() {
			start := w.Started.In(loc)
			row.Date, row.Time = start.Format(time.DateOnly), start.Format("15:04")
		}
		if !row.Running {
			row.Time += "–" + w.Ended.In(loc).Format("15:04")
		} else {
			row.Duration += " so far"
		}
		b.v.Workshops = append(b.v.Workshops, row)
		for _, it := range w.Parking {
			pr := parkingRow{Workshop: w.ID, Text: it.Text, Owner: it.Owner, Done: it.Done}
			if it.Element != "" {
				pr.Element = b.elementName(it.Element)
			}
			if !it.Raised.IsZero() {
				pr.Raised = it.Raised.In(loc).Format("2006-01-02 15:04")
			}
			b.v.Parking = append(b.v.Parking, pr)
		}
	}
}

// durationText writes a duration for people: "45 min", "2 h 05 min".
func durationText(d time.Duration) string {
	mins := int(d.Round(time.Minute) / time.Minute)
	if mins < 60 {
		return fmt.Sprintf("%d min", mins)
	}
	return fmt.Sprintf("%d h %02d min", mins/60, mins%60)
}

// people writes the facilitator and attendees: "Ana (facilitator); Ana, Ben".
func (w workshopRow) people() string {
	s := strings.Join(w.Attendees, ", ")
	if w.Facilitator != "" {
		s = strings.TrimSuffix("Facilitator "+w.Facilitator+"; "+s, "; ")
	}
	return s
}

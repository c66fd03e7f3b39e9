package report

import (
	"fmt"
	"strings"
)

// This file writes the Markdown workshop log.

func (w mdWriter) workshops() {
	w.heading(2, "Workshops")
	if len(w.v.Workshops) == 0 {
		w.line("No workshop has been run on this project yet.")
		return
	}
	w.line("Threat-modelling sessions run in the app's workshop mode: who was there, how long they took and what they decided.\n")
	rows := make([][]string, 0, len(w.v.Workshops))
	for _, ws := range w.v.Workshops {
		when := strings.TrimSpace(mdInline(ws.Date) + " " + mdInline(ws.Time))
		if ws.Running {
			when += " (running)"
		}
		rows = append(rows, []string{mdInline(ws.ID) + " " + mdInline(ws.Title), when, mdInline(ws.Duration),
			mdInline(or(ws.people(), "Not recorded")), mdDecided(ws.Decided), mdList(ws.RisksCreated),
			mdList(ws.RisksChanged), fmt.Sprint(ws.Parking)})
	}
	w.table([]string{"Workshop", "When", "Duration", "People", "Decisions", "Risks created", "Risks changed", "Parking lot"}, "lllllllr", rows)
	for _, ws := range w.v.Workshops {
		if ws.Notes != "" {
			w.line("\n**%s notes:** %s", mdInline(ws.ID), mdInline(ws.Notes))
		}
	}
	w.parkingLot()
}

// mdDecided writes the count of decisions and the finding keys.
func mdDecided(keys []string) string {
	if len(keys) == 0 {
		return "0"
	}
	return fmt.Sprintf("%d: %s", len(keys), mdList(keys))
}

func (w mdWriter) parkingLot() {
	w.heading(3, "Parking lot")
	if len(w.v.Parking) == 0 {
		w.line("No question was parked for follow-up.")
		return
	}
	rows := make([][]string, 0, len(w.v.Parking))
	for _, p := range w.v.Parking {
		done := "Open"
		if p.Done {
			done = "Done"
		}
		rows = append(rows, []string{mdInline(p.Workshop), mdInline(p.Text), mdInline(p.Element),
			mdInline(or(p.Owner, "Not assigned")), mdInline(p.Raised), done})
	}
	w.table([]string{"Workshop", "Question", "Element", "Owner", "Raised", "Status"}, "", rows)
}

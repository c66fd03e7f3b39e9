package report

import (
	"fmt"
	"strings"
)

// This file writes the Markdown action lists.

func (w mdWriter) actions() {
	w.heading(2, "Actions by owner")
	if len(w.v.Actions) == 0 {
		w.line("No open risks: nobody has follow-up actions.")
		return
	}
	w.line("What each owner has to follow up: their risks that are not closed, soonest due first, with the controls not yet implemented.")
	for _, l := range w.v.Actions {
		title := mdHeading(l.Owner)
		if l.Unowned {
			title = "*" + title + "*"
		}
		summary := plural(len(l.Items), "risk", "risks")
		if l.Overdue > 0 {
			summary += fmt.Sprintf(", %d overdue", l.Overdue)
		}
		w.heading(3, fmt.Sprintf("%s (%s)", title, summary))
		rows := make([][]string, 0, len(l.Items))
		for _, it := range l.Items {
			rows = append(rows, []string{mdInline(it.ID), mdInline(it.Title), mdActionScore(it),
				mdInline(or(it.Status, "Not set")) + ", " + mdInline(or(it.Treatment, "no treatment set")),
				mdActionDates(it), mdActionControls(it.Controls)})
		}
		w.table([]string{"Risk", "Title", "Score", "Status", "Dates", "Controls to do"}, "", rows)
	}
}

// mdActionScore writes "12 High", or "Not scored".
func mdActionScore(it actionRow) string {
	if !it.Score.Set {
		return "Not scored"
	}
	return strings.TrimSpace(fmt.Sprintf("%d %s", it.Score.Score, mdInline(it.Score.Band)))
}

// mdActionDates writes "Due 2026-11-30 **overdue**<br>Review 2027-02-01".
func mdActionDates(it actionRow) string {
	var parts []string
	if it.Due != "" {
		s := "Due " + mdInline(it.Due)
		if it.Overdue {
			s += " **overdue**"
		}
		parts = append(parts, s)
	}
	if it.Review != "" {
		s := "Review " + mdInline(it.Review)
		if it.ReviewDue {
			s += " **overdue**"
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "No dates set"
	}
	return strings.Join(parts, "<br>")
}

func mdActionControls(cs []controlRow) string {
	if len(cs) == 0 {
		return "None"
	}
	return mdControls(cs)
}

package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// This file writes a session record out as text: the one-line summary and
// the full record (who, when, what was decided, the parking lot).

// sessionDates reads "Sun 20 Dec 2026, 14:32–16:05 GMT" in local time
// (the end left out while the workshop runs).
func sessionDates(w model.Workshop) string {
	start := w.Started.Local()
	text := start.Format("Mon 2 Jan 2006, 15:04")
	if !w.Ended.IsZero() {
		end := w.Ended.Local()
		if end.YearDay() == start.YearDay() && end.Year() == start.Year() {
			text += "–" + end.Format("15:04")
		} else {
			text += " – " + end.Format("Mon 2 Jan 2006, 15:04")
		}
	}
	return text + " " + start.Format("MST")
}

// durationText reads "1 h 02 min", "12 min" or "40 s".
func durationText(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d >= time.Hour:
		return fmt.Sprintf("%d h %02d min", int(d.Hours()), int(d.Minutes())%60)
	case d >= time.Minute:
		return fmt.Sprintf("%d min", int(d.Minutes()))
	}
	return fmt.Sprintf("%d s", int(d.Seconds()))
}

// sessionLine counts what the session did: "Ran 1 h 02 min · 6 decisions
// · 2 risks created · 1 changed · 3 parked".
func sessionLine(w model.Workshop) string {
	ran := "Ran " + durationText(w.Duration(w.Ended))
	if w.Running() {
		ran = "Running"
	}
	return fmt.Sprintf("%s · %s · %s created · %d changed · %d parked", ran,
		nounCount(len(w.Decided), "decision"), nounCount(len(w.RisksCreated), "risk"), len(w.RisksChanged), len(w.Parking))
}

// nounCount reads "1 risk", "2 risks".
func nounCount(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// sessionSegments writes the whole record out.
func sessionSegments(w model.Workshop, p *model.Project, s model.Scoring) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{labelled("When: ", sessionDates(w))}
	if w.Running() {
		segs = append(segs, labelled("Duration: ", "still running"))
	} else {
		segs = append(segs, labelled("Duration: ", durationText(w.Duration(w.Ended))))
	}
	if w.Facilitator != "" {
		segs = append(segs, labelled("Facilitator: ", w.Facilitator))
	}
	if len(w.Attendees) > 0 {
		segs = append(segs, labelled("Attendees: ", strings.Join(w.Attendees, ", ")))
	}
	if len(w.Agenda) > 0 {
		var names []string
		for i, id := range w.Agenda {
			names = append(names, fmt.Sprintf("%d. %s", i+1, targetName(p, id)))
		}
		segs = append(segs, labelled("Agenda: ", strings.Join(names, "  ")))
	}
	segs = append(segs, decidedSegments(w, p)...)
	segs = append(segs, riskListSegments("Risks created", w.RisksCreated, p, s)...)
	segs = append(segs, riskListSegments("Risks changed", w.RisksChanged, p, s)...)
	segs = append(segs, parkingSegments(w, p)...)
	if strings.TrimSpace(w.Notes) != "" {
		segs = append(segs, blockHeading("Notes"), para(w.Notes))
	}
	return segs
}

func decidedSegments(w model.Workshop, p *model.Project) []widget.RichTextSegment {
	if len(w.Decided) == 0 {
		return nil
	}
	list := &widget.ListSegment{}
	for _, k := range w.Decided {
		outcome := "no longer decided"
		if d, ok := p.Decision(k); ok {
			outcome = string(d.Status)
			if d.Reason != "" {
				outcome += ": " + d.Reason
			}
		}
		list.Items = append(list.Items, diffLine(decisionName(k, p)+" · ", outcome))
	}
	return []widget.RichTextSegment{blockHeading(fmt.Sprintf("Decisions (%d)", len(w.Decided))), list}
}

func riskListSegments(title string, ids []string, p *model.Project, s model.Scoring) []widget.RichTextSegment {
	if len(ids) == 0 {
		return nil
	}
	list := &widget.ListSegment{}
	for _, id := range ids {
		r, ok := p.Risk(id)
		if !ok {
			list.Items = append(list.Items, diffLine(id+" ", "(no longer in the register)"))
			continue
		}
		text := fmt.Sprintf("%s · %s · %s", r.Title, pairText(r.Likelihood, r.Impact), s.BandName(r.InherentScore()))
		if r.Owner != "" {
			text += " · owner " + r.Owner
		}
		list.Items = append(list.Items, diffLine(id+" ", text))
	}
	return []widget.RichTextSegment{blockHeading(fmt.Sprintf("%s (%d)", title, len(ids))), list}
}

// parkingSegments lists the parking lot, with the element each question
// was raised at.
func parkingSegments(w model.Workshop, p *model.Project) []widget.RichTextSegment {
	if len(w.Parking) == 0 {
		return []widget.RichTextSegment{blockHeading("Parking lot"), para("Nothing parked yet: P parks a question for follow-up.")}
	}
	list := &widget.ListSegment{}
	for _, it := range w.Parking {
		text := it.Text
		if it.Element != "" {
			text += " (" + targetName(p, it.Element) + ")"
		}
		if it.Owner != "" {
			text += " · " + it.Owner
		}
		if it.Done {
			text += " · done"
		}
		list.Items = append(list.Items, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: text})
	}
	return []widget.RichTextSegment{blockHeading(fmt.Sprintf("Parking lot (%d)", len(w.Parking))), list}
}

package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// ownerName is how an action list is headed.
func ownerName(owner string) string {
	if owner == "" {
		return "No owner yet"
	}
	return owner
}

// actionSegments writes the action lists (model.OwnerActions) out as rich
// text: one heading per owner, one paragraph per risk and a list of its
// open controls.
func actionSegments(actions []model.OwnerAction, s model.Scoring) []widget.RichTextSegment {
	if len(actions) == 0 {
		return []widget.RichTextSegment{para("No open risks: nobody has follow-up actions.")}
	}
	var segs []widget.RichTextSegment
	for _, a := range actions {
		segs = append(segs, blockHeading(fmt.Sprintf("%s (%d)", ownerName(a.Owner), len(a.Items))))
		for _, it := range a.Items {
			segs = append(segs, labelled(it.RiskID+" "+it.RiskTitle+": ", actionLine(it)))
			if len(it.Controls) == 0 {
				continue
			}
			list := &widget.ListSegment{}
			for _, c := range it.Controls {
				text := c.Title + " (" + words(string(c.Status)) + ")"
				if len(c.Provisions) > 0 {
					text += " · Code of Practice " + strings.Join(c.Provisions, ", ")
				}
				list.Items = append(list.Items, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: text})
			}
			segs = append(segs, list)
		}
	}
	return segs
}

// actionLine reads "due 2027-01-31 (overdue) · score 12 (High) · open, treat".
func actionLine(it model.ActionItem) string {
	due := "no due date"
	if it.Due != "" {
		due = "due " + it.Due
	}
	if it.Overdue {
		due += " (overdue)"
	}
	score := fmt.Sprintf("score %d", it.Score)
	if it.Band != "" {
		score += " (" + it.Band + ")"
	}
	return fmt.Sprintf("%s · %s · %s, %s", due, score, words(string(it.Status)), words(string(it.Treatment)))
}

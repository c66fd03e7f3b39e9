package report

import (
	"fmt"
	"time"

	"airisk/model"
)

// This file works out the per-owner action lists: what each owner has to
// follow up after a workshop.

// ownerList is one owner's action list.
type ownerList struct {
	// Owner is the owner as written in the register, or a sentence for
	// the risks nobody owns yet (Unowned).
	Owner   string
	Unowned bool
	Anchor  string
	Items   []actionRow
	Overdue int
}

// actionRow is one risk on an owner's action list.
type actionRow struct {
	ID, Anchor, Title            string
	Status, StatusKey, Treatment string
	Score                        scoreView // Set, Score, Band and Swatch only
	Due, Review                  string
	Overdue, ReviewDue           bool
	Controls                     []controlRow
}

// actions lists, owner by owner, the risks not closed and their controls
// still to be done (model.OwnerActions), as of now.
func (b *builder) actions(now time.Time) {
	for i, a := range model.OwnerActions(b.p, now) {
		l := ownerList{Owner: a.Owner, Anchor: fmt.Sprintf("owner-%d", i+1)}
		if a.Owner == "" {
			l.Owner, l.Unowned = "No owner yet", true
		}
		for _, it := range a.Items {
			row := b.actionRow(it)
			if row.Overdue {
				l.Overdue++
			}
			l.Items = append(l.Items, row)
		}
		b.v.Actions = append(b.v.Actions, l)
	}
}

func (b *builder) actionRow(it model.ActionItem) actionRow {
	row := actionRow{ID: it.RiskID, Anchor: "risk-" + it.RiskID, Title: it.RiskTitle,
		Status: words(string(it.Status)), StatusKey: string(it.Status), Treatment: words(string(it.Treatment)),
		Score: scoreView{Swatch: bandSwatch(b.sc, -1)}, Due: it.Due, Review: it.Review, Overdue: it.Overdue,
		ReviewDue: it.Review != "" && it.Review < b.today}
	if it.Score > 0 {
		row.Score = scoreView{Set: true, Score: it.Score, Band: it.Band, Swatch: scoreSwatch(b.sc, it.Score)}
	}
	for _, c := range it.Controls {
		row.Controls = append(row.Controls, controlRow{Title: c.Title, Status: words(string(c.Status)),
			StatusKey: string(c.Status), Provisions: c.Provisions})
	}
	return row
}

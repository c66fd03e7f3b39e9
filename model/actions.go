package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// OwnerAction is one owner's follow-up list: the risks they own that are
// not closed, soonest due first, with the controls still to be done.
type OwnerAction struct {
	// Owner is the risk owner as written in the register, trimmed; ""
	// gathers the risks nobody owns yet.
	Owner string
	Items []ActionItem
}

// ActionItem is one risk on an owner's action list.
type ActionItem struct {
	RiskID    string
	RiskTitle string
	Status    RiskStatus
	Treatment Treatment
	// Score is the residual score, or the inherent one while the residual
	// pair is not assessed (as the register ranks risks); Band is its
	// band's name, "" when unscored.
	Score int
	Band  string
	// Due and Review are dates, YYYY-MM-DD, or "".
	Due, Review string
	// Overdue is true when the due date has passed while the risk is open
	// or in progress.
	Overdue bool
	// Controls are the risk's controls not implemented yet.
	Controls []ActionControl
}

// ActionControl is a control still to be done on a risk.
type ActionControl struct {
	Title  string
	Status ControlStatus
	// Provisions are the Code of Practice provisions the control names.
	Provisions []string
}

// OwnerActions lists, owner by owner, the risks of p that are not closed
// and the controls on them still to be done. Owners come in alphabetical
// order (ignoring case) with the unowned risks last; each owner's risks
// come soonest due first (undated last), then highest score, then by id.
// today decides which due dates have passed; it is read as a date in its
// own location. It is pure, so exports can call it on any project.
func OwnerActions(p *Project, today time.Time) []OwnerAction {
	sc := p.EffectiveScoring()
	day := today.Format(time.DateOnly)
	byOwner := map[string]*OwnerAction{}
	var owners []string
	for _, r := range p.Risks {
		if r.Status == RiskClosed {
			continue
		}
		owner := strings.TrimSpace(r.Owner)
		a, ok := byOwner[owner]
		if !ok {
			a = &OwnerAction{Owner: owner}
			byOwner[owner] = a
			owners = append(owners, owner)
		}
		a.Items = append(a.Items, actionItem(r, sc, day))
	}
	slices.SortFunc(owners, compareOwners)
	out := make([]OwnerAction, 0, len(owners))
	for _, o := range owners {
		a := byOwner[o]
		slices.SortFunc(a.Items, compareActionItems)
		out = append(out, *a)
	}
	return out
}

func actionItem(r Risk, sc Scoring, today string) ActionItem {
	score := r.ResidualScore()
	it := ActionItem{RiskID: r.ID, RiskTitle: r.Title, Status: r.Status, Treatment: r.Treatment,
		Score: score, Band: sc.BandName(score), Due: r.Due, Review: r.Review,
		Overdue:  r.Due != "" && r.Due < today && (r.Status == RiskOpen || r.Status == RiskInProgress),
		Controls: []ActionControl{}}
	for _, c := range r.Controls {
		if c.Status != ControlImplemented {
			it.Controls = append(it.Controls, ActionControl{Title: c.Title, Status: c.Status, Provisions: slices.Clone(c.Provisions)})
		}
	}
	return it
}

// compareOwners sorts names alphabetically, ignoring case, with "" last.
func compareOwners(a, b string) int {
	if (a == "") != (b == "") {
		if a == "" {
			return 1
		}
		return -1
	}
	if c := cmp.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}

// compareActionItems puts the soonest due first (undated last), then the
// highest score, then orders by id so the result is deterministic.
func compareActionItems(a, b ActionItem) int {
	if (a.Due == "") != (b.Due == "") {
		if a.Due == "" {
			return 1
		}
		return -1
	}
	if c := cmp.Compare(a.Due, b.Due); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Score, a.Score); c != 0 {
		return c
	}
	return cmp.Compare(a.RiskID, b.RiskID)
}

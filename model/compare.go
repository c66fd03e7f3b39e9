package model

import "reflect"

// Comparison lists what changed between two states of a project: the
// project as a snapshot held it and as it is now, or before and after a
// workshop. Findings that appear or disappear are not listed here: they are
// computed, so callers compare the analyses of the two states themselves.
type Comparison struct {
	Elements ItemChanges
	Flows    ItemChanges
	Risks    RiskChanges
	// Decisions lists triage decisions that were made, withdrawn or changed,
	// in the order of the later state (withdrawn ones last).
	Decisions []DecisionChange
}

// Item names one element, flow or risk by id and its display name.
type Item struct {
	ID   string
	Name string
}

// Rename records an element or flow whose name changed.
type Rename struct {
	ID     string
	Before string
	After  string
}

// ItemChanges lists the elements (or flows) added, removed, renamed and
// otherwise changed. Added, Renamed and Changed follow the order of the later
// state, Removed the order of the earlier one.
type ItemChanges struct {
	Added   []Item
	Removed []Item
	Renamed []Rename
	// Changed lists items whose kind, boundary, ends, description or
	// properties changed. Moving an item on the diagram is not a change.
	Changed []Item
}

// Empty reports whether nothing was added, removed, renamed or changed.
func (c ItemChanges) Empty() bool {
	return len(c.Added)+len(c.Removed)+len(c.Renamed)+len(c.Changed) == 0
}

// Scores is a risk's inherent and residual assessment.
type Scores struct {
	Likelihood         int
	Impact             int
	ResidualLikelihood int
	ResidualImpact     int
}

// ScoresOf returns the four scored fields of r.
func ScoresOf(r Risk) Scores {
	return Scores{r.Likelihood, r.Impact, r.ResidualLikelihood, r.ResidualImpact}
}

// Rescore records a risk whose likelihood, impact or residual pair changed.
type Rescore struct {
	ID     string
	Title  string
	Before Scores
	After  Scores
}

// StatusChange records a risk whose status changed.
type StatusChange struct {
	ID     string
	Title  string
	Before RiskStatus
	After  RiskStatus
}

// RiskChanges lists the register's changes. Items carry the risk's title
// as their name.
type RiskChanges struct {
	Created  []Item
	Removed  []Item
	Rescored []Rescore
	Statuses []StatusChange
}

// Empty reports whether the register did not change in any listed way.
func (c RiskChanges) Empty() bool {
	return len(c.Created)+len(c.Removed)+len(c.Rescored)+len(c.Statuses) == 0
}

// DecisionChange records a triage decision that was made (Before is ""),
// withdrawn (After is "") or changed: its status, reason or score overrides.
type DecisionChange struct {
	Finding string
	Before  DecisionStatus
	After   DecisionStatus
}

// Empty reports whether nothing listed changed between the two states.
func (c Comparison) Empty() bool {
	return c.Elements.Empty() && c.Flows.Empty() && c.Risks.Empty() && len(c.Decisions) == 0
}

// Compare lists what changed from before to after. Either may be nil, which
// counts as an empty project. It is pure: neither project is modified.
func Compare(before, after *Project) Comparison {
	if before == nil {
		before = &Project{}
	}
	if after == nil {
		after = &Project{}
	}
	return Comparison{
		Elements:  compareItems(before.Elements, after.Elements, elementItem, elementChanged),
		Flows:     compareItems(before.Flows, after.Flows, flowItem, flowChanged),
		Risks:     compareRisks(before.Risks, after.Risks),
		Decisions: compareDecisions(before.Decisions, after.Decisions),
	}
}

func elementItem(e Element) Item { return Item{e.ID, e.Name} }

func flowItem(f Flow) Item { return Item{f.ID, f.Name} }

// elementChanged compares everything but the id, the name and the position.
func elementChanged(a, b Element) bool {
	return a.Kind != b.Kind || a.Boundary != b.Boundary || a.Description != b.Description ||
		!propsEqual(a.Props, b.Props)
}

// flowChanged compares everything but the id and the name.
func flowChanged(a, b Flow) bool {
	return a.From != b.From || a.To != b.To || a.Description != b.Description ||
		!propsEqual(a.Props, b.Props)
}

// propsEqual treats a missing map and an empty one alike, and a set read
// from a file ([]any) like the same set built in code ([]string).
func propsEqual(a, b Props) bool {
	if len(a) != len(b) {
		return false
	}
	for k, va := range a {
		vb, ok := b[k]
		if !ok {
			return false
		}
		if !reflect.DeepEqual(normalValue(va), normalValue(vb)) {
			return false
		}
	}
	return true
}

// normalValue turns a set decoded as []any into []string.
func normalValue(v any) any {
	if list, ok := v.([]any); ok {
		return Props{"v": list}.Set("v")
	}
	return v
}

// compareItems diffs two lists keyed by id.
func compareItems[T any](before, after []T, item func(T) Item, changed func(a, b T) bool) ItemChanges {
	var c ItemChanges
	old := make(map[string]T, len(before))
	for _, v := range before {
		old[item(v).ID] = v
	}
	seen := make(map[string]bool, len(after))
	for _, v := range after {
		it := item(v)
		seen[it.ID] = true
		prev, ok := old[it.ID]
		if !ok {
			c.Added = append(c.Added, it)
			continue
		}
		if was := item(prev).Name; was != it.Name {
			c.Renamed = append(c.Renamed, Rename{ID: it.ID, Before: was, After: it.Name})
		}
		if changed(prev, v) {
			c.Changed = append(c.Changed, it)
		}
	}
	for _, v := range before {
		if it := item(v); !seen[it.ID] {
			c.Removed = append(c.Removed, it)
		}
	}
	return c
}

func compareRisks(before, after []Risk) RiskChanges {
	var c RiskChanges
	old := make(map[string]Risk, len(before))
	for _, r := range before {
		old[r.ID] = r
	}
	seen := make(map[string]bool, len(after))
	for _, r := range after {
		seen[r.ID] = true
		prev, ok := old[r.ID]
		if !ok {
			c.Created = append(c.Created, Item{r.ID, r.Title})
			continue
		}
		if a, b := ScoresOf(prev), ScoresOf(r); a != b {
			c.Rescored = append(c.Rescored, Rescore{ID: r.ID, Title: r.Title, Before: a, After: b})
		}
		if prev.Status != r.Status {
			c.Statuses = append(c.Statuses, StatusChange{ID: r.ID, Title: r.Title, Before: prev.Status, After: r.Status})
		}
	}
	for _, r := range before {
		if !seen[r.ID] {
			c.Removed = append(c.Removed, Item{r.ID, r.Title})
		}
	}
	return c
}

func compareDecisions(before, after []Decision) []DecisionChange {
	var out []DecisionChange
	old := make(map[string]Decision, len(before))
	for _, d := range before {
		old[d.Finding] = d
	}
	for _, d := range after {
		prev, ok := old[d.Finding]
		delete(old, d.Finding)
		if ok && decisionSame(prev, d) {
			continue
		}
		out = append(out, DecisionChange{Finding: d.Finding, Before: prev.Status, After: d.Status})
	}
	for _, d := range before {
		if _, gone := old[d.Finding]; gone {
			out = append(out, DecisionChange{Finding: d.Finding, Before: d.Status})
		}
	}
	return out
}

// decisionSame ignores when the decision was recorded: re-saving the same
// outcome is not a change.
func decisionSame(a, b Decision) bool {
	return a.Status == b.Status && a.Reason == b.Reason && a.Likelihood == b.Likelihood && a.Impact == b.Impact
}

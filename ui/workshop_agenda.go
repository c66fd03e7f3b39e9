package ui

import (
	"cmp"
	"slices"

	"airisk/model"
	"airisk/threats"
)

// This file plans a workshop without a window: which stops it makes (the
// elements, and the project as a whole), in which order, and which
// suggested threats come up at each.

// agendaStop is one stop of a workshop: an element, or the project as a
// whole, and the findings discussed there.
type agendaStop struct {
	// ID is the element id, or model.ProjectTarget.
	ID   string
	Name string
	// Cards are the finding keys discussed here, in the order of the
	// threats' default scores, highest first, so the order stays put
	// while people re-score.
	Cards []string
	// Open counts the findings not decided yet (no decision, or only a
	// proposed one); High counts those of them whose score falls in the
	// top bands.
	Open, High int
}

// stopOf says where a finding is discussed: at its element, at the
// element a flow delivers to (what reaches a component is discussed with
// it), or with the project as a whole.
func stopOf(p *model.Project, f *threats.Finding) string {
	if f.TargetKind == threats.TargetFlow {
		if fl, ok := p.Flow(f.Target); ok {
			return fl.To
		}
	}
	return f.Target
}

// isHighScore reports whether a score falls in the top two bands of the
// scheme (High and Very high by default); with fewer than three bands, in
// the top one.
func isHighScore(s model.Scoring, score int) bool {
	i := s.BandIndex(score)
	top := len(s.Bands) - 1
	if len(s.Bands) >= 3 {
		top = len(s.Bands) - 2
	}
	return i >= 0 && i >= top
}

// openDecision reports whether a finding is still to be decided.
func openDecision(d *model.Decision) bool {
	return d == nil || d.Status == model.DecisionProposed
}

// planStops groups the findings of st into stops, in diagram order with
// the project last; elements without findings are left out.
func planStops(st *workspaceState) []agendaStop {
	p := st.Project
	byID := map[string]*agendaStop{}
	for i := range st.Findings {
		f := &st.Findings[i]
		id := stopOf(p, f)
		s, ok := byID[id]
		if !ok {
			s = &agendaStop{ID: id, Name: targetName(p, id)}
			byID[id] = s
		}
		s.Cards = append(s.Cards, f.Key)
		d, _ := p.Decision(f.Key)
		if openDecision(d) {
			s.Open++
			if isHighScore(st.Scoring, model.Score(defaultScores(f.Threat, d))) {
				s.High++
			}
		}
	}
	var out []agendaStop
	for _, id := range stopOrder(p) {
		if s, ok := byID[id]; ok {
			sortCards(s.Cards, st)
			out = append(out, *s)
		}
	}
	return out
}

// stopOrder lists the possible stops in diagram order, the project last.
func stopOrder(p *model.Project) []string {
	ids := make([]string, 0, len(p.Elements)+1)
	for _, e := range p.Elements {
		ids = append(ids, e.ID)
	}
	return append(ids, model.ProjectTarget)
}

// sortCards orders finding keys by the threat's default score, highest
// first, then by threat id.
func sortCards(keys []string, st *workspaceState) {
	score := func(k string) int {
		if f, ok := st.Finding(k); ok && f.Threat != nil {
			return model.Score(f.Threat.Likelihood, f.Threat.Impact)
		}
		return 0
	}
	slices.SortStableFunc(keys, func(a, b string) int {
		if c := cmp.Compare(score(b), score(a)); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}

// orderByHigh returns the stops with the most high-scoring open findings
// first, then the most open ones; ties keep the diagram order. The project
// as a whole stays last.
func orderByHigh(stops []agendaStop) []agendaStop {
	out := slices.Clone(stops)
	slices.SortStableFunc(out, func(a, b agendaStop) int {
		if pa, pb := a.ID == model.ProjectTarget, b.ID == model.ProjectTarget; pa != pb {
			if pa {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(b.High, a.High); c != 0 {
			return c
		}
		return cmp.Compare(b.Open, a.Open)
	})
	return out
}

// arrange puts stops in the order an agenda lists; stops the agenda does
// not name (an element added during the workshop) follow in their own
// order, and agenda entries without findings any more are left out.
func arrange(stops []agendaStop, agenda []string) []agendaStop {
	rank := make(map[string]int, len(agenda))
	for i, id := range agenda {
		if _, seen := rank[id]; !seen {
			rank[id] = i
		}
	}
	out := slices.Clone(stops)
	slices.SortStableFunc(out, func(a, b agendaStop) int {
		ra, okA := rank[a.ID]
		rb, okB := rank[b.ID]
		switch {
		case okA && okB:
			return cmp.Compare(ra, rb)
		case okA:
			return -1
		case okB:
			return 1
		}
		return 0
	})
	return out
}

// stopIDs lists the ids of stops, the form an agenda is stored in.
func stopIDs(stops []agendaStop) []string {
	ids := make([]string, len(stops))
	for i, s := range stops {
		ids[i] = s.ID
	}
	return ids
}

// decidedCount counts the cards of a stop that have an accepted or
// dismissed decision.
func decidedCount(s agendaStop, p *model.Project) int {
	n := 0
	for _, k := range s.Cards {
		if d, ok := p.Decision(k); ok && !openDecision(d) {
			n++
		}
	}
	return n
}

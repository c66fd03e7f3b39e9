package ui

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

func TestIsHighScore(t *testing.T) {
	def := model.DefaultScoring()
	two := model.Scoring{Bands: []model.Band{{Name: "Low", Max: 12}, {Name: "High", Max: 25}}}
	tests := []struct {
		name  string
		s     model.Scoring
		score int
		want  bool
	}{
		{"unscored", def, 0, false},
		{"medium", def, 9, false},
		{"lowest high", def, 10, true},
		{"very high", def, 25, true},
		{"two bands, low", two, 12, false},
		{"two bands, top", two, 13, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := isHighScore(tc.s, tc.score); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// sampleState is the sample project with its findings.
func sampleState(t *testing.T) *workspaceState {
	t.Helper()
	p := sampleProject(t)
	st := &workspaceState{Project: p, Catalogue: catalogue(t), Scoring: p.EffectiveScoring()}
	st.setFindings(threats.Analyse(p, st.Catalogue))
	return st
}

func TestPlanStopsCoversEveryFindingOnce(t *testing.T) {
	st := sampleState(t)
	stops := planStops(st)
	seen := map[string]string{}
	for _, s := range stops {
		for _, k := range s.Cards {
			if other, dup := seen[k]; dup {
				t.Errorf("%s comes up at %s and at %s", k, other, s.ID)
			}
			seen[k] = s.ID
		}
	}
	if len(seen) != len(st.Findings) {
		t.Errorf("got %d cards, want one per finding (%d)", len(seen), len(st.Findings))
	}
	if last := stops[len(stops)-1].ID; last != model.ProjectTarget {
		t.Errorf("got last stop %s, want the project as a whole", last)
	}
	for _, f := range st.Findings {
		if f.TargetKind != threats.TargetFlow {
			continue
		}
		fl, _ := st.Project.Flow(f.Target)
		if seen[f.Key] != fl.To {
			t.Errorf("got flow finding %s at %s, want it at the flow's target %s", f.Key, seen[f.Key], fl.To)
		}
	}
}

func TestPlanStopsCardOrderAndCounts(t *testing.T) {
	st := sampleState(t)
	for _, s := range planStops(st) {
		prev := 26
		open := 0
		for _, k := range s.Cards {
			f, _ := st.Finding(k)
			score := model.Score(f.Threat.Likelihood, f.Threat.Impact)
			if score > prev {
				t.Errorf("%s: card %s (default score %d) comes after a lower one (%d)", s.ID, k, score, prev)
			}
			prev = score
			if d, _ := st.Project.Decision(k); openDecision(d) {
				open++
			}
		}
		if s.Open != open || s.High > s.Open {
			t.Errorf("%s: got %d open and %d high, want %d open and high <= open", s.ID, s.Open, s.High, open)
		}
	}
}

func TestOrderByHigh(t *testing.T) {
	stops := []agendaStop{
		{ID: "a", High: 1, Open: 5}, {ID: model.ProjectTarget, High: 9}, {ID: "b", High: 3, Open: 3},
		{ID: "c", High: 1, Open: 7}, {ID: "d", High: 1, Open: 7},
	}
	got := stopIDs(orderByHigh(stops))
	want := []string{"b", "c", "d", "a", model.ProjectTarget}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestArrange(t *testing.T) {
	stops := []agendaStop{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "new"}}
	tests := []struct {
		name   string
		agenda []string
		want   []string
	}{
		{"agenda order", []string{"c", "a", "b"}, []string{"c", "a", "b", "new"}},
		{"gone entries skipped", []string{"gone", "b", "a", "c"}, []string{"b", "a", "c", "new"}},
		{"repeats count once", []string{"b", "a", "b"}, []string{"b", "a", "c", "new"}},
		{"no agenda", nil, []string{"a", "b", "c", "new"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := stopIDs(arrange(stops, tc.agenda)); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestClockAndDurationText(t *testing.T) {
	tests := []struct {
		d            time.Duration
		clock, words string
	}{
		{0, "0:00", "0 s"},
		{65 * time.Second, "1:05", "1 min"},
		{time.Hour + 2*time.Minute + 45*time.Second, "1:02:45", "1 h 02 min"},
	}
	for _, tc := range tests {
		t.Run(tc.clock, func(t *testing.T) {
			if got := clockText(tc.d); got != tc.clock {
				t.Errorf("clockText: got %q, want %q", got, tc.clock)
			}
			if got := durationText(tc.d); got != tc.words {
				t.Errorf("durationText: got %q, want %q", got, tc.words)
			}
		})
	}
}

func TestFlatSegments(t *testing.T) {
	segs := flatSegments([]widget.RichTextSegment{
		blockHeading("Risks"),
		&widget.ListSegment{Items: []widget.RichTextSegment{diffLine("Created: ", "R-004"), para("plain")}},
		labelled("Owner: ", "Sam"),
	})
	var got []string
	for _, s := range segs {
		ts, ok := s.(*widget.TextSegment)
		if !ok {
			t.Fatalf("got a %T, want only top-level text segments", s)
		}
		end := ""
		if !ts.Inline() {
			end = "|"
		}
		got = append(got, ts.Text+end)
	}
	want := []string{"Risks|", "•  ", "Created: ", "R-004|", "•  ", "plain|", "Owner: ", "Sam|"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q (| ends a line)", got, want)
	}
}

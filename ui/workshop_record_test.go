package ui

import (
	"slices"
	"testing"
	"time"

	"airisk/model"
	"airisk/threats"
)

// recordFixture is the assistant project with a running workshop W-001,
// in which R-002 was already created.
func recordFixture() *model.Project {
	p := assistantProject()
	p.Risks = append(p.Risks, model.Risk{ID: "R-002", Title: "Poisoned articles", Elements: []string{"docs"},
		Likelihood: 2, Impact: 3, Treatment: model.TreatmentTreat, Status: model.RiskOpen, Controls: []model.Control{}})
	p.Workshops = []model.Workshop{{ID: "W-001", Title: "Review", Attendees: []string{}, Started: testNow,
		Decided: []string{}, RisksCreated: []string{"R-002"}, RisksChanged: []string{}, Parking: []model.ParkingItem{}}}
	return p
}

func TestWithRecord(t *testing.T) {
	t0 := testNow
	tests := []struct {
		name                   string
		change                 func(p *model.Project) model.Change
		decided, created, chgd []string
		wantRecordOp           bool
		workshopID             string
	}{
		{"accept creates a risk", func(p *model.Project) model.Change {
			f := &threats.Finding{Key: "AIT-001@docs", Target: "docs", TargetKind: threats.TargetElement, TargetName: "Help articles",
				Threat: &threats.Threat{ID: "AIT-001", Title: "Poisoning", Likelihood: 3, Impact: 4}}
			return acceptChange(p, []*threats.Finding{f}, t0)
		}, []string{"AIT-001@docs"}, []string{"R-002", "R-003"}, []string{}, true, "W-001"},
		{"a score without a risk is no decision", func(p *model.Project) model.Change {
			return scoreChange(p, "AIT-001@docs", scoreLikelihood, 4, t0)
		}, []string{}, []string{"R-002"}, []string{}, false, "W-001"},
		{"re-scoring an older risk changes it", func(p *model.Project) model.Change {
			return scoreChange(p, "AIT-044@app", scoreImpact, 5, t0)
		}, []string{}, []string{"R-002"}, []string{"R-001"}, true, "W-001"},
		{"re-scoring a risk of this workshop is part of its creation", func(p *model.Project) model.Change {
			r, _ := p.Risk("R-002")
			return ownerChange(*r, "Sam", t0)
		}, []string{}, []string{"R-002"}, []string{}, false, "W-001"},
		{"dismissing takes the risk out", func(p *model.Project) model.Change {
			return dismissChange(p, []string{"AIT-044@app"}, "Out of scope", t0)
		}, []string{"AIT-044@app"}, []string{"R-002"}, []string{"R-001"}, true, "W-001"},
		{"removing a risk of this workshop uncreates it", func(p *model.Project) model.Change {
			return model.Change{Summary: "Delete", Ops: []model.Op{model.Del(model.EntityRisk, "R-002")}}
		}, []string{}, []string{}, []string{}, true, "W-001"},
		{"no such workshop", func(p *model.Project) model.Change {
			return dismissChange(p, []string{"AIT-044@app"}, "Out of scope", t0)
		}, []string{}, []string{"R-002"}, []string{}, false, "W-009"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := recordFixture()
			c := tc.change(p)
			got := withRecord(p, tc.workshopID, c)
			if hasOp := len(got.Ops) == len(c.Ops)+1; hasOp != tc.wantRecordOp {
				t.Fatalf("got %d ops from %d, want a record update: %v", len(got.Ops), len(c.Ops), tc.wantRecordOp)
			}
			if _, err := p.Apply(got); err != nil {
				t.Fatalf("apply: %v", err)
			}
			w, _ := p.Workshop("W-001")
			if !slices.Equal(w.Decided, tc.decided) || !slices.Equal(w.RisksCreated, tc.created) || !slices.Equal(w.RisksChanged, tc.chgd) {
				t.Errorf("got decided %v, created %v, changed %v; want %v, %v, %v",
					w.Decided, w.RisksCreated, w.RisksChanged, tc.decided, tc.created, tc.chgd)
			}
		})
	}
}

func TestParkAndEndChanges(t *testing.T) {
	p := recordFixture()
	w, _ := p.Workshop("W-001")
	if _, err := p.Apply(parkChange(*w, "  Who owns the vendor contract?  ", model.ProjectTarget, testNow)); err != nil {
		t.Fatalf("park: %v", err)
	}
	w, _ = p.Workshop("W-001")
	if len(w.Parking) != 1 || w.Parking[0].Text != "Who owns the vendor contract?" || w.Parking[0].Element != "" {
		t.Errorf("got parking %+v, want the trimmed question at no element", w.Parking)
	}
	if _, err := p.Apply(endWorkshopChange(*w, testNow.Add(-time.Hour), "s9")); err != nil {
		t.Fatalf("end: %v", err)
	}
	w, _ = p.Workshop("W-001")
	if w.Running() || !w.Ended.Equal(w.Started) || w.SnapshotAfter != "s9" {
		t.Errorf("got ended %v (started %v), snapshot %q; want an end no earlier than the start and s9", w.Ended, w.Started, w.SnapshotAfter)
	}
}

func TestNotes(t *testing.T) {
	p := recordFixture()
	w, _ := p.Workshop("W-001")
	c := workshopNoteChange(*w, "Poisoning on Help articles", "Ask the content team")
	c2 := workshopNoteChange(*c.Ops[0].Workshop, "Leak on Chat service", "Check the logs")
	if got, want := c2.Ops[0].Workshop.Notes, "Poisoning on Help articles: Ask the content team\nLeak on Chat service: Check the logs"; got != want {
		t.Errorf("got notes %q, want %q", got, want)
	}
	r, _ := p.Risk("R-001")
	if got := riskNoteChange(*r, " Vendor says fixed ", testNow).Ops[0].Risk.Notes; got != "Vendor says fixed" {
		t.Errorf("got risk notes %q, want the note trimmed", got)
	}
}

func TestAttendeeLines(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"empty", "", []string{}},
		{"blank lines and spaces", "  Priya \n\n Sam\n", []string{"Priya", "Sam"}},
		{"repeats", "Sam\nPriya\nSam", []string{"Sam", "Priya"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := attendeeLines(tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

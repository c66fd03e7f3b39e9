package model

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func actionRisk(id, owner, due string, l, i int, status RiskStatus, controls ...ControlStatus) Risk {
	r := Risk{ID: id, Title: "Risk " + id, Owner: owner, Due: due, Likelihood: l, Impact: i,
		Status: status, Treatment: TreatmentTreat, Controls: []Control{}}
	for n, c := range controls {
		r.Controls = append(r.Controls, Control{Title: fmt.Sprintf("Control %d", n+1), Status: c, Provisions: []string{"2.2"}})
	}
	return r
}

// actionToday is the day the action tests are run on.
var actionToday = time.Date(2027, 2, 1, 15, 0, 0, 0, time.UTC)

// actionOrder writes each list as "owner: ids".
func actionOrder(actions []OwnerAction) []string {
	var lines []string
	for _, a := range actions {
		var ids []string
		for _, it := range a.Items {
			ids = append(ids, it.RiskID)
		}
		lines = append(lines, a.Owner+": "+strings.Join(ids, " "))
	}
	return lines
}

func TestOwnerActionsOrder(t *testing.T) {
	tests := []struct {
		name  string
		risks []Risk
		want  []string
	}{
		{"none", nil, nil},
		{"every risk closed", []Risk{actionRisk("R-001", "Sam", "", 1, 1, RiskClosed)}, nil},
		{"owners sorted ignoring case, unowned last", []Risk{
			actionRisk("R-001", "sam", "", 1, 1, RiskOpen),
			actionRisk("R-002", "", "", 1, 1, RiskOpen),
			actionRisk("R-003", "Amir", "", 1, 1, RiskOpen),
			actionRisk("R-004", "Priya", "", 1, 1, RiskOpen),
		}, []string{"Amir: R-003", "Priya: R-004", "sam: R-001", ": R-002"}},
		{"owner names trimmed", []Risk{
			actionRisk("R-001", " Priya ", "", 1, 1, RiskOpen),
			actionRisk("R-002", "Priya", "", 1, 1, RiskOpen),
			actionRisk("R-003", "   ", "", 1, 1, RiskOpen),
		}, []string{"Priya: R-001 R-002", ": R-003"}},
		{"due first, then score, then id", []Risk{
			actionRisk("R-001", "Sam", "", 5, 5, RiskOpen),
			actionRisk("R-002", "Sam", "2027-03-01", 1, 1, RiskOpen),
			actionRisk("R-003", "Sam", "2027-01-15", 2, 2, RiskAccepted),
			actionRisk("R-004", "Sam", "", 4, 4, RiskInProgress),
			actionRisk("R-005", "Sam", "2027-03-01", 3, 3, RiskOpen),
			actionRisk("R-006", "Sam", "", 4, 4, RiskOpen),
			actionRisk("R-007", "Sam", "2027-01-01", 5, 5, RiskClosed),
		}, []string{"Sam: R-003 R-005 R-002 R-001 R-004 R-006"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := actionOrder(OwnerActions(&Project{Risks: tt.risks}, actionToday))
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOwnerActionsItem(t *testing.T) {
	assessed := actionRisk("R-001", "Sam", "2027-03-01", 4, 4, RiskInProgress, ControlImplemented, ControlPlanned, ControlInProgress)
	assessed.ResidualLikelihood, assessed.ResidualImpact, assessed.Review = 2, 3, "2027-06-01"
	tests := []struct {
		name string
		risk Risk
		want ActionItem
	}{
		{"residual score and open controls only", assessed, ActionItem{RiskID: "R-001", RiskTitle: "Risk R-001",
			Status: RiskInProgress, Treatment: TreatmentTreat, Score: 6, Band: "Medium", Due: "2027-03-01", Review: "2027-06-01",
			Controls: []ActionControl{{"Control 2", ControlPlanned, []string{"2.2"}}, {"Control 3", ControlInProgress, []string{"2.2"}}}}},
		{"inherent score while unassessed", actionRisk("R-002", "Sam", "", 4, 5, RiskOpen), ActionItem{RiskID: "R-002",
			RiskTitle: "Risk R-002", Status: RiskOpen, Treatment: TreatmentTreat, Score: 20, Band: "Very high", Controls: []ActionControl{}}},
		{"unscored", actionRisk("R-003", "Sam", "", 0, 0, RiskOpen), ActionItem{RiskID: "R-003",
			RiskTitle: "Risk R-003", Status: RiskOpen, Treatment: TreatmentTreat, Controls: []ActionControl{}}},
		{"overdue when open", actionRisk("R-004", "Sam", "2027-01-31", 1, 1, RiskOpen), ActionItem{RiskID: "R-004",
			RiskTitle: "Risk R-004", Status: RiskOpen, Treatment: TreatmentTreat, Score: 1, Band: "Low", Due: "2027-01-31",
			Overdue: true, Controls: []ActionControl{}}},
		{"not overdue on the due day", actionRisk("R-005", "Sam", "2027-02-01", 1, 1, RiskInProgress), ActionItem{RiskID: "R-005",
			RiskTitle: "Risk R-005", Status: RiskInProgress, Treatment: TreatmentTreat, Score: 1, Band: "Low", Due: "2027-02-01",
			Controls: []ActionControl{}}},
		{"accepted risk is never overdue", actionRisk("R-006", "Sam", "2026-01-01", 1, 1, RiskAccepted), ActionItem{RiskID: "R-006",
			RiskTitle: "Risk R-006", Status: RiskAccepted, Treatment: TreatmentTreat, Score: 1, Band: "Low", Due: "2026-01-01",
			Controls: []ActionControl{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := OwnerActions(&Project{Risks: []Risk{tt.risk}}, actionToday)
			if len(got) != 1 || len(got[0].Items) != 1 {
				t.Fatalf("got %d lists, want one list of one item", len(got))
			}
			if !reflect.DeepEqual(got[0].Items[0], tt.want) {
				t.Errorf("got  %+v\nwant %+v", got[0].Items[0], tt.want)
			}
		})
	}
}

func TestOwnerActionsUsesProjectScoring(t *testing.T) {
	sc := DefaultScoring()
	sc.Bands = []Band{{"Acceptable", 12}, {"Unacceptable", 25}}
	p := &Project{Scoring: &sc, Risks: []Risk{actionRisk("R-001", "Sam", "", 4, 4, RiskOpen)}}
	if got := OwnerActions(p, actionToday)[0].Items[0].Band; got != "Unacceptable" {
		t.Errorf("got band %q, want Unacceptable", got)
	}
}

func TestOwnerActionsDoesNotShareProvisions(t *testing.T) {
	p := &Project{Risks: []Risk{actionRisk("R-001", "Sam", "", 1, 1, RiskOpen, ControlPlanned)}}
	got := OwnerActions(p, actionToday)
	got[0].Items[0].Controls[0].Provisions[0] = "9.9"
	if p.Risks[0].Controls[0].Provisions[0] != "2.2" {
		t.Errorf("editing the action list changed the project's control")
	}
}

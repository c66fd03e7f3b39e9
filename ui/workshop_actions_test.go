package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"airisk/model"
)

func actionRisk(id, owner, due string, l, i int, status model.RiskStatus, controls ...model.ControlStatus) model.Risk {
	r := model.Risk{ID: id, Title: "Risk " + id, Owner: owner, Due: due, Likelihood: l, Impact: i,
		Status: status, Treatment: model.TreatmentTreat, Controls: []model.Control{}}
	for n, c := range controls {
		r.Controls = append(r.Controls, model.Control{Title: fmt.Sprintf("Control %d", n+1), Status: c, Provisions: []string{"2.2"}})
	}
	return r
}

func TestOwnerActionsEmpty(t *testing.T) {
	p := &model.Project{Risks: []model.Risk{actionRisk("R-001", "Sam", "", 1, 1, model.RiskClosed)}}
	if got := model.OwnerActions(p, time.Date(2027, 1, 10, 0, 0, 0, 0, time.UTC)); len(got) != 0 {
		t.Errorf("got %d action lists, want none when every risk is closed", len(got))
	}
	text := segmentsText(actionSegments(nil, model.DefaultScoring()))
	if !strings.Contains(text, "nobody has follow-up actions") {
		t.Errorf("got %q, want a sentence saying there is nothing to do", text)
	}
}

func TestActionSegments(t *testing.T) {
	p := &model.Project{Risks: []model.Risk{
		actionRisk("R-001", "Sam", "2027-03-01", 4, 3, model.RiskInProgress, model.ControlInProgress)}}
	text := segmentsText(actionSegments(model.OwnerActions(p, time.Date(2027, 1, 10, 0, 0, 0, 0, time.UTC)), model.DefaultScoring()))
	for _, want := range []string{"Sam (1)", "R-001 Risk R-001", "due 2027-03-01 · score 12 (High) · in progress, treat",
		"Control 1 (in progress) · Code of Practice 2.2"} {
		if !strings.Contains(text, want) {
			t.Errorf("action list lacks %q:\n%s", want, text)
		}
	}
}

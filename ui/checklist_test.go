package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"airisk/model"
	"airisk/threats"
)

// selectProvision selects a provision's row in the checklist.
func selectProvision(t *testing.T, s *checklistScreen, id string) {
	t.Helper()
	for i, r := range s.rows {
		if r.item != nil && r.item.Provision.ID == id {
			s.list.Select(i)
			return
		}
	}
	t.Fatalf("provision %s is not listed", id)
}

func TestChecklistMarkProvisionChangesCoverage(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*checklistScreen](t, st.ws)
	if got := len(s.cov.Provisions); got != 72 {
		t.Fatalf("the checklist lists %d provisions, want 72", got)
	}
	metBefore, badgeBefore := s.totals.met, s.navBadge()

	selectProvision(t, s, "1.1")
	s.detail.state.SetSelected(provisionStateLabel(model.ProvisionMet))

	if got, want := s.totals.met, metBefore+1; got != want {
		t.Errorf("met after marking 1.1 met = %d, want %d", got, want)
	}
	if !strings.HasPrefix(s.overallText.Text, "1 of the Code's provisions (72) met") {
		t.Errorf("overall figure = %q, want it to start with 1 of the Code's provisions (72) met", s.overallText.Text)
	}
	if s.navBadge() == badgeBefore {
		t.Errorf("navigation badge stayed %q after a provision was met", badgeBefore)
	}
	stored, ok := provisionEntry(st.store.stored(assistantID), "1.1")
	if !ok || stored.Status != model.ProvisionMet {
		t.Errorf("stored entry for 1.1 = %+v (found %v), want met", stored, ok)
	}
	if got := s.detail.stateTag.text; got != "Met" {
		t.Errorf("detail status tag = %q, want Met", got)
	}

	st.ws.undo()
	if got := s.totals.met; got != metBefore {
		t.Errorf("met after undo = %d, want %d", got, metBefore)
	}
	if _, ok := provisionEntry(st.store.stored(assistantID), "1.1"); ok {
		t.Error("undo left a stored checklist entry for 1.1")
	}
}

func TestChecklistEvidenceCommitsOnFocusLoss(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*checklistScreen](t, st.ws)
	st.ws.show(s)
	selectProvision(t, s, "5.1")
	c := st.ui.win.Canvas()
	c.Focus(s.detail.evidence)
	s.detail.evidence.SetText("")
	test.Type(s.detail.evidence, "Asset register reviewed monthly")
	if e, _ := provisionEntry(st.ws.state.Project, "5.1"); e.Evidence != "Asset register in the CMDB" {
		t.Fatalf("evidence saved while typing: %q", e.Evidence)
	}
	c.Focus(s.search)

	e, _ := provisionEntry(st.store.stored(assistantID), "5.1")
	if e.Evidence != "Asset register reviewed monthly" || e.Status != model.ProvisionPartial {
		t.Errorf("stored 5.1 = %+v, want partial with the new evidence", e)
	}
	if _, ok := st.ws.canUndo(); !ok {
		t.Error("the evidence edit cannot be undone")
	}
}

func TestChecklistFilterByStakeholder(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*checklistScreen](t, st.ws)
	all := s.totals.total
	s.stakeholderSel.SetSelected(stakeholderNames[threats.EndUser])

	if s.totals.total == 0 || s.totals.total >= all {
		t.Fatalf("end-user provisions shown = %d, want between 1 and %d", s.totals.total, all-1)
	}
	sum := 0
	for _, r := range s.rows {
		if r.item == nil {
			sum += r.totals.total
			continue
		}
		if !r.item.Provision.For(threats.EndUser) {
			t.Errorf("provision %s is shown but does not fall on end users", r.item.Provision.ID)
		}
	}
	if sum != s.totals.total {
		t.Errorf("principle headings add up to %d provisions, want %d", sum, s.totals.total)
	}
	if !strings.Contains(s.overallText.Text, "the provisions shown") {
		t.Errorf("overall figure %q does not say it covers the provisions shown", s.overallText.Text)
	}
}

func TestChecklistControlsLinkToRegister(t *testing.T) {
	st := newHistoryTest(t)
	s := screenOf[*checklistScreen](t, st.ws)
	st.ws.show(s)
	selectProvision(t, s, "2.2")
	links := linksOf(s.detail.controls)
	if len(links) != 1 || !strings.Contains(links[0].Text, "R-001") {
		t.Fatalf("2.2 links to %+v, want one control of R-001", links)
	}
	link := links[0]
	link.OnTapped()
	if st.ws.currentScreen() != screen(st.ws.register) {
		t.Errorf("tapping the control shows %s, want the register", st.ws.currentScreen().Name())
	}
}

func TestProvisionChange(t *testing.T) {
	p := assistantProject()
	tests := []struct {
		name        string
		id          string
		state       model.ProvisionState
		evidence    string
		wantOps     int
		wantDelete  bool
		wantSummary string
	}{
		{"new answer", "1.1", model.ProvisionMet, "", 1, false, "Mark provision 1.1 met"},
		{"same answer", "5.1", model.ProvisionPartial, "Asset register in the CMDB", 0, false, ""},
		{"new evidence", "5.1", model.ProvisionPartial, "CMDB export", 1, false, "Edit the evidence for provision 5.1"},
		{"back to unknown", "5.1", model.ProvisionUnknown, "", 1, true, "Mark provision 5.1 unknown"},
		{"unknown never answered", "1.1", model.ProvisionUnknown, " ", 0, false, ""},
		{"unknown with evidence", "1.1", model.ProvisionUnknown, "Asked the team", 1, false, "Mark provision 1.1 unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := provisionChange(p, tt.id, tt.state, tt.evidence)
			if len(c.Ops) != tt.wantOps {
				t.Fatalf("got %d ops, want %d", len(c.Ops), tt.wantOps)
			}
			if tt.wantOps == 0 {
				return
			}
			if c.Ops[0].Delete != tt.wantDelete {
				t.Errorf("got delete %v, want %v", c.Ops[0].Delete, tt.wantDelete)
			}
			if c.Summary != tt.wantSummary {
				t.Errorf("got summary %q, want %q", c.Summary, tt.wantSummary)
			}
			if _, err := p.Clone().Apply(c); err != nil {
				t.Errorf("the change does not apply: %v", err)
			}
		})
	}
}

func TestChecklistRowsFilters(t *testing.T) {
	cat, err := threats.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	cov := threats.CoverageOf(assistantProject(), cat)
	tests := []struct {
		name   string
		filter provisionFilter
		check  func(pc *threats.ProvisionCoverage) bool
	}{
		{"phase", provisionFilter{phase: threats.PhaseEndOfLife}, func(pc *threats.ProvisionCoverage) bool { return pc.Provision.In(threats.PhaseEndOfLife) }},
		{"partial", provisionFilter{status: "Partial"}, func(pc *threats.ProvisionCoverage) bool { return pc.State == model.ProvisionPartial }},
		{"addressed", provisionFilter{status: filterAddressed}, func(pc *threats.ProvisionCoverage) bool { return pc.Addressed }},
		{"open", provisionFilter{status: filterOpen}, func(pc *threats.ProvisionCoverage) bool { return pc.Open() }},
		{"search", provisionFilter{text: "cmdb"}, func(pc *threats.ProvisionCoverage) bool { return pc.Provision.ID == "5.1" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, totals := checklistRows(&cov, cat.Code, tt.filter)
			if totals.total == 0 {
				t.Fatal("got no provisions")
			}
			for _, r := range rows {
				if r.item != nil && !tt.check(r.item) {
					t.Errorf("got provision %s, which the filter should hide", r.item.Provision.ID)
				}
			}
		})
	}
}

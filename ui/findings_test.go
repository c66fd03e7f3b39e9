package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"airisk/model"
	"airisk/threats"
)

// selectFinding selects the finding with the given key in the list.
func selectFinding(t *testing.T, s *findingsScreen, key string) {
	t.Helper()
	i := s.rowOf(key)
	if i < 0 {
		t.Fatalf("finding %s is not listed", key)
	}
	s.list.Select(i)
}

// undecided returns the key of the first finding on target without a
// decision.
func undecided(t *testing.T, ws *workspace, target string) string {
	t.Helper()
	for _, f := range ws.state.Findings {
		if _, ok := ws.state.Project.Decision(f.Key); !ok && f.Target == target {
			return f.Key
		}
	}
	t.Fatalf("no undecided finding on %s", target)
	return ""
}

func TestAcceptFindingPutsRiskInRegister(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	ws.show(ws.findings)
	key := undecided(t, ws, "chat-app")
	selectFinding(t, ws.findings, key)
	risks := len(h.project().Risks)

	test.Tap(ws.findings.detail.accept)

	d, ok := h.project().Decision(key)
	if !ok || d.Status != model.DecisionAccepted {
		t.Fatalf("decision on %s: got %+v, want accepted", key, d)
	}
	if got := len(h.project().Risks); got != risks+1 {
		t.Fatalf("risks: got %d, want %d", got, risks+1)
	}
	r, _ := riskFor(h.project(), key)
	f, _ := ws.state.Finding(key)
	switch {
	case r.Threat != f.Threat.ID, r.Likelihood != f.Threat.Likelihood, r.Impact != f.Threat.Impact:
		t.Errorf("risk %+v does not carry the threat's id and defaults", r)
	case len(r.Controls) != len(f.Threat.Mitigations) || r.Controls[0].Status != model.ControlPlanned:
		t.Errorf("risk controls: got %+v, want the %d mitigations as planned controls", r.Controls, len(f.Threat.Mitigations))
	case !slices.Equal(r.Elements, []string{"chat-app"}), r.Status != model.RiskOpen, r.Treatment != model.TreatmentTreat:
		t.Errorf("risk %s: elements %v, status %s, treatment %s; want [chat-app], open, treat", r.ID, r.Elements, r.Status, r.Treatment)
	}
	found := false
	for _, row := range ws.register.rows {
		found = found || row.ID == r.ID
	}
	if !found {
		t.Errorf("risk %s is not in the register table", r.ID)
	}
	h.saved()
	if got := len(h.store.log["support-assistant"][len(h.store.log["support-assistant"])-1].Ops); got != 2 {
		t.Errorf("accept wrote %d ops, want 2 (decision and risk in one change)", got)
	}
}

func TestAcceptFlowFindingLinksBothEnds(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	var f *threats.Finding
	for i := range ws.state.Findings {
		if ws.state.Findings[i].TargetKind == threats.TargetFlow {
			f = &ws.state.Findings[i]
			break
		}
	}
	if f == nil {
		t.Skip("the sample has no flow findings")
	}
	ws.apply(acceptChange(h.project(), []*threats.Finding{f}, testNow))
	r, ok := riskFor(h.project(), f.Key)
	fl, _ := h.project().Flow(f.Target)
	if !ok || !slices.Equal(r.Elements, []string{fl.From, fl.To}) {
		t.Errorf("risk elements: got %v, want both ends of %s", r.Elements, f.Target)
	}
}

func TestDismissNeedsAReason(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	s := ws.findings
	ws.show(s)
	key := undecided(t, ws, "chat-app")
	selectFinding(t, s, key)
	test.Tap(s.detail.dismiss)
	if s.reasonDialog == nil {
		t.Fatal("no dismiss dialog")
	}
	s.reasonDialog.d.Confirm() // no reason yet
	if _, ok := h.project().Decision(key); ok {
		t.Fatal("dismissed without a reason")
	}

	test.Tap(s.detail.dismiss)
	s.reasonDialog.picks.SetSelected(dismissReasons[1])
	if got := s.reasonDialog.reason.Text; got != dismissReasons[1] {
		t.Errorf("reason after picking: got %q, want %q", got, dismissReasons[1])
	}
	test.Type(s.reasonDialog.reason, " (WAF rule 12)")
	s.reasonDialog.d.Confirm()
	d, ok := h.project().Decision(key)
	if !ok || d.Status != model.DecisionDismissed || !strings.Contains(d.Reason, "WAF rule 12") {
		t.Fatalf("decision: got %+v, want dismissed with the typed reason", d)
	}
}

func TestDismissAcceptedFindingRemovesItsRisk(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	key := h.project().Risks[0].Finding
	riskID := h.project().Risks[0].ID
	ws.apply(dismissChange(h.project(), []string{key}, "Supplier fixed it", testNow))
	if _, ok := h.project().Risk(riskID); ok {
		t.Errorf("risk %s stayed after dismissing its finding", riskID)
	}
	ws.undo()
	if _, ok := h.project().Risk(riskID); !ok {
		t.Errorf("undo did not bring risk %s back", riskID)
	}
}

func TestKeyboardTriage(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	s := ws.findings
	ws.show(s)
	s.statusSelect.SetSelected("To triage")
	s.selectFirst()
	first := s.current
	key := func(name fyne.KeyName) { s.list.TypedKey(&fyne.KeyEvent{Name: name}) }

	key(fyne.KeyDown)
	second := s.current
	if second == first || second == "" {
		t.Fatalf("Down: current %q, want the next finding after %q", second, first)
	}
	key(fyne.KeyUp)
	if s.current != first {
		t.Fatalf("Up: current %q, want %q", s.current, first)
	}

	key(fyne.Key4)
	s.list.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(fyne.Key2)
	s.list.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	d, ok := h.project().Decision(first)
	if !ok || d.Likelihood != 4 || d.Impact != 2 || d.Status != model.DecisionProposed {
		t.Fatalf("decision after 4 and Shift+2: got %+v, want likelihood 4, impact 2, still proposed", d)
	}

	s.list.TypedRune('a')
	r, ok := riskFor(h.project(), first)
	if !ok || r.Likelihood != 4 || r.Impact != 2 {
		t.Fatalf("risk after A: got %+v, want one scored 4 x 2", r)
	}
	if s.current == first || s.current == "" {
		t.Errorf("after A the selection stayed on %q; want the next finding to triage", s.current)
	}

	next := s.current
	s.list.TypedRune('d')
	s.reasonDialog.reason.SetText("Not applicable to this system")
	s.reasonDialog.d.Confirm()
	if d, _ := h.project().Decision(next); d == nil || d.Status != model.DecisionDismissed {
		t.Errorf("after D and a reason, %s: got %+v, want dismissed", next, d)
	}
}

func TestBulkAcceptAndDismiss(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	s := ws.findings
	s.statusSelect.SetSelected("To triage")
	var keys []string
	for _, r := range s.rows {
		if r.item != nil && len(keys) < 3 {
			keys = append(keys, r.item.Key)
			s.toggleChecked(r.item.Key, true)
		}
	}
	if s.acceptButton.Text != "Accept 3" {
		t.Errorf("accept button: got %q, want %q", s.acceptButton.Text, "Accept 3")
	}
	risks := len(h.project().Risks)
	test.Tap(s.acceptButton)
	if got := len(h.project().Risks); got != risks+3 {
		t.Errorf("risks after bulk accept: got %d, want %d", got, risks+3)
	}
	if len(s.checked) != 0 {
		t.Errorf("checked after accepting: got %d, want none", len(s.checked))
	}
	ws.undo()
	if got := len(h.project().Risks); got != risks {
		t.Errorf("risks after undoing the bulk accept: got %d, want %d", got, risks)
	}

	s.checkAll.SetChecked(true)
	n := len(s.checked)
	test.Tap(s.dismissButton)
	s.reasonDialog.reason.SetText("Out of scope for this assessment")
	s.reasonDialog.d.Confirm()
	dismissed := 0
	for _, d := range h.project().Decisions {
		if d.Status == model.DecisionDismissed {
			dismissed++
		}
	}
	if dismissed != n {
		t.Errorf("dismissed: got %d, want all %d checked", dismissed, n)
	}
}

func TestStaleDecisionsAreListedAndDropped(t *testing.T) {
	p := sampleProject(t)
	p.Decisions = append(p.Decisions, model.Decision{Finding: "AIT-999@chat-app", Status: model.DecisionDismissed,
		Reason: "old", Decided: testNow})
	h := newHarness(t, p)
	ws := h.open("support-assistant")
	s := ws.findings
	s.statusSelect.SetSelected("Stale")
	if len(s.rows) != 2 || s.rows[1].item.Key != "AIT-999@chat-app" || s.rows[1].item.Status != statusStale {
		t.Fatalf("stale rows: got %d, want the header and AIT-999@chat-app", len(s.rows))
	}
	selectFinding(t, s, "AIT-999@chat-app")
	if s.detail.drop.Hidden {
		t.Error("the Drop button is hidden on a stale decision")
	}
	test.Tap(s.detail.drop)
	if _, ok := h.project().Decision("AIT-999@chat-app"); ok {
		t.Error("the stale decision is still there after Drop")
	}
}

func TestFindingFilters(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	s := ws.findings
	all := len(s.items)
	count := func() int {
		n := 0
		for _, r := range s.rows {
			if r.item != nil {
				n++
			}
		}
		return n
	}
	cases := []struct {
		name  string
		apply func()
		check func(it *findingItem) bool
	}{
		{"accepted", func() { s.statusSelect.SetSelected("Accepted") }, func(it *findingItem) bool { return it.Status == statusAccepted }},
		{"OWASP LLM", func() { s.frameworkSelect.SetSelected(string(frameworkLLM)) }, func(it *findingItem) bool {
			return slices.ContainsFunc(it.Threat.References, func(r string) bool { return strings.HasPrefix(r, "LLM") })
		}},
		{"deployment", func() { s.phaseSelect.SetSelected("Deployment") }, func(it *findingItem) bool {
			return slices.Contains(it.Threat.Phases, threats.PhaseDeployment)
		}},
		{"search", func() { s.search.SetText("prompt injection") }, func(it *findingItem) bool {
			text := it.Title() + " " + it.Threat.Description + " " + strings.Join(it.Threat.References, " ")
			return strings.Contains(strings.ToLower(text), "prompt injection")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s.statusSelect.SetSelected("Any status")
			s.frameworkSelect.SetSelected(anyFramework)
			s.phaseSelect.SetSelected(anyPhase)
			s.search.SetText("")
			c.apply()
			if n := count(); n == 0 || n == all {
				t.Errorf("got %d of %d findings, want some but not all", n, all)
			}
			for _, r := range s.rows {
				if r.item != nil && !c.check(r.item) {
					t.Errorf("%s listed, does not match", r.item.Key)
				}
			}
		})
	}
}

func TestGroupings(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	s := ws.findings
	for _, g := range groupings {
		t.Run(string(g), func(t *testing.T) {
			s.groupSelect.SetSelected(groupPrefix + string(g))
			items, headers := 0, 0
			for _, r := range s.rows {
				if r.item == nil {
					headers++
				} else {
					items++
				}
			}
			if items != len(s.items) || headers == 0 {
				t.Errorf("got %d items under %d headers, want all %d under some", items, headers, len(s.items))
			}
		})
	}
}

func TestFrameworkOf(t *testing.T) {
	cases := []struct {
		ref  string
		want framework
	}{
		{"AML.T0051.000", frameworkATLAS}, {"LLM01:2025", frameworkLLM}, {"ML02:2023", frameworkML},
		{"ASI01", frameworkAgentic}, {"NIST AI 100-2: Evasion", frameworkNIST}, {"CWE-79", ""},
	}
	for _, c := range cases {
		if got := frameworkOf(c.ref); got != c.want {
			t.Errorf("frameworkOf(%q): got %q, want %q", c.ref, got, c.want)
		}
	}
}

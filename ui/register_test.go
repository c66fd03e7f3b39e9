package ui

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

func TestEditRiskMovesHeatMap(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	r := h.project().Risks[0]
	l, i := r.Likelihood, r.Impact
	if got := ws.heatmap.inherent[l-1][i-1]; got == 0 {
		t.Fatalf("inherent cell %d,%d: got 0, want the risk counted", l, i)
	}
	before := ws.heatmap.inherent

	ws.register.openRisk(r.ID)
	f := ws.register.form
	f.likelihood.SetSelectedIndex(0) // 1 Rare
	f.impact.SetSelectedIndex(4)     // 5 Severe
	f.owner.SetText("CISO")
	f.save()

	got, _ := h.project().Risk(r.ID)
	if got.Likelihood != 1 || got.Impact != 5 || got.Owner != "CISO" {
		t.Fatalf("risk after save: got L%d I%d owner %q, want L1 I5 owner CISO", got.Likelihood, got.Impact, got.Owner)
	}
	if ws.heatmap.inherent[l-1][i-1] != before[l-1][i-1]-1 || ws.heatmap.inherent[0][4] != before[0][4]+1 {
		t.Errorf("heat map did not move: cell %d,%d %d -> %d, cell 1,5 %d -> %d", l, i,
			before[l-1][i-1], ws.heatmap.inherent[l-1][i-1], before[0][4], ws.heatmap.inherent[0][4])
	}
	h.saved()
}

func TestRiskFormValidates(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	r := h.project().Risks[0]
	ws.register.openRisk(r.ID)
	f := ws.register.form
	f.due.SetText("2026-13-45")
	if err := f.due.Validate(); err == nil {
		t.Error("the due field accepts 2026-13-45")
	}
	f.resLikelihood.SetSelected(notAssessed)
	f.save()
	if f.problems.Hidden || !strings.Contains(f.problems.Text, "due") || !strings.Contains(f.problems.Text, "residual") {
		t.Errorf("problems shown: %q; want the due date and the half-set residual pair", f.problems.Text)
	}
	if got, _ := h.project().Risk(r.ID); got.Due != r.Due {
		t.Errorf("due saved as %q despite the problems", got.Due)
	}
}

func TestRiskFormControls(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	r := h.project().Risks[0]
	ws.register.openRisk(r.ID)
	f := ws.register.form
	f.addControl(model.Control{Status: model.ControlPlanned})
	row := f.controls[len(f.controls)-1]
	row.title.SetText("Red-team the retrieval path every quarter")
	row.status.SetSelected("implemented")
	row.provisions.SetText("2.2, 99.9")
	if err := row.provisions.Validate(); err == nil {
		t.Error("provision 99.9 accepted; the Code has no such provision")
	}
	row.provisions.SetText("2.2, 9.1")
	side := f.controls[0].box.Objects[1].(*fyne.Container)
	test.Tap(side.Objects[2].(*widget.Button)) // remove the first control
	f.save()
	got, _ := h.project().Risk(r.ID)
	want := len(r.Controls) // one added, one removed
	if len(got.Controls) != want {
		t.Fatalf("controls: got %d, want %d", len(got.Controls), want)
	}
	last := got.Controls[len(got.Controls)-1]
	if last.Status != model.ControlImplemented || !slices.Equal(last.Provisions, []string{"2.2", "9.1"}) {
		t.Errorf("new control: got %+v", last)
	}
}

func TestManualRiskAndDelete(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	n := len(h.project().Risks)
	test.Tap(ws.register.newButton)
	f := ws.register.form
	f.title.SetText("Model provider outage stops support")
	f.elements.SetSelected([]string{"Hosted LLM (llm)"})
	f.save()
	if got := len(h.project().Risks); got != n+1 {
		t.Fatalf("risks: got %d, want %d", got, n+1)
	}
	r := h.project().Risks[n]
	if r.Finding != "" || !slices.Equal(r.Elements, []string{"llm"}) || r.Likelihood != 3 {
		t.Errorf("manual risk: got %+v, want no finding, linked to llm, scored 3", r)
	}

	accepted := h.project().Risks[0]
	ws.register.deleteRisk(accepted)
	if _, ok := h.project().Decision(accepted.Finding); ok {
		t.Error("deleting an accepted risk left its decision; the finding should be back in triage")
	}
	ws.undo()
	if _, ok := h.project().Risk(accepted.ID); !ok {
		t.Error("undo did not restore the deleted risk")
	}
}

func TestRegisterSortAndFilter(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	s := ws.register
	ids := func() []string {
		var out []string
		for _, r := range s.rows {
			out = append(out, r.ID)
		}
		return out
	}
	s.sortBy(colInherent)
	scores := []int{}
	for _, r := range s.rows {
		scores = append(scores, r.InherentScore())
	}
	if !slices.IsSortedFunc(scores, func(a, b int) int { return b - a }) {
		t.Errorf("inherent scores after sorting: got %v, want highest first", scores)
	}
	s.sortBy(colInherent)
	if !slices.IsSorted(func() []int {
		var out []int
		for _, r := range s.rows {
			out = append(out, r.InherentScore())
		}
		return out
	}()) {
		t.Error("a second tap did not reverse the order")
	}

	s.statusSelect.SetSelected("closed")
	for _, r := range s.rows {
		if r.Status != model.RiskClosed {
			t.Errorf("status filter closed lists %s (%s)", r.ID, r.Status)
		}
	}
	s.statusSelect.SetSelected(allOption)
	s.search.SetText("refund")
	if got := ids(); len(got) != 1 {
		t.Errorf("search refund: got %v, want one risk", got)
	}
	s.search.SetText("")
	s.showCell(&heatCell{likelihood: 4, impact: 4})
	for _, r := range s.rows {
		if r.Likelihood != 4 || r.Impact != 4 {
			t.Errorf("cell filter 4x4 lists %s at %dx%d", r.ID, r.Likelihood, r.Impact)
		}
	}
}

func TestRiskRowsFilters(t *testing.T) {
	p := sampleProject(t)
	ctx := &riskContext{p: p, scoring: p.EffectiveScoring(), today: "2027-06-01"}
	cases := []struct {
		name   string
		filter riskFilter
		want   func(r *model.Risk) bool
	}{
		{"owner", riskFilter{owner: p.Risks[0].Owner}, func(r *model.Risk) bool { return r.Owner == p.Risks[0].Owner }},
		{"treatment", riskFilter{treatment: model.TreatmentTreat}, func(r *model.Risk) bool { return r.Treatment == model.TreatmentTreat }},
		{"element", riskFilter{element: "agent"}, func(r *model.Risk) bool { return slices.Contains(r.Elements, "agent") }},
		{"overdue", riskFilter{overdue: true}, func(r *model.Risk) bool { return ctx.overdue(r) || ctx.reviewDue(r) }},
		{"band", riskFilter{band: "High"}, func(r *model.Risk) bool { return ctx.scoring.BandName(r.ResidualScore()) == "High" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := riskRows(p, c.filter, ctx, -1, false)
			want := 0
			for i := range p.Risks {
				if c.want(&p.Risks[i]) {
					want++
				}
			}
			if len(rows) != want {
				t.Errorf("got %d risks, want %d", len(rows), want)
			}
		})
	}
}

func TestHeatCellTapFiltersRegister(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	r := h.project().Risks[0]
	ws.heatmap.tapper(true)(r.ResidualLikelihood, r.ResidualImpact)
	if ws.currentScreen() != screen(ws.register) {
		t.Fatalf("screen: got %s, want Register", ws.currentScreen().Name())
	}
	if len(ws.register.rows) != 1 || ws.register.rows[0].ID != r.ID {
		t.Errorf("register rows for the residual cell: got %d, want %s alone", len(ws.register.rows), r.ID)
	}
}

func TestHeatMapPNG(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	path := filepath.Join(t.TempDir(), "heat.png")
	if err := ws.heatmap.writePNG(path); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	b := img.Bounds()
	if b.Dx() < 1000 || b.Dy() < 500 {
		t.Errorf("picture is %dx%d, want a slide-sized one", b.Dx(), b.Dy())
	}
	colours := map[color.NRGBA]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			colours[color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)] = true
		}
	}
	for i, want := range []color.NRGBA{bandRamp[0], bandRamp[2], bandRamp[3]} {
		if !colours[want] {
			t.Errorf("band colour %d (%v) is nowhere in the picture", i, want)
		}
	}
}

func TestScoringSettings(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	ws := h.open("support-assistant")
	test.Tap(ws.register.scoringButton)
	f := ws.register.scoring
	f.appetite.SetSelected("4")
	f.bands[0].max.SetText("abc")
	if f.problems.Hidden {
		t.Error("no problem shown for a band maximum of abc")
	}
	f.bands[0].max.SetText("4")
	if !f.problems.Hidden {
		t.Errorf("problem still shown after fixing it: %q", f.problems.Text)
	}
	f.save()
	if h.project().Scoring == nil || h.project().Scoring.Appetite != 4 {
		t.Fatalf("scoring after save: got %+v, want appetite 4", h.project().Scoring)
	}
	above := 0
	for _, r := range h.project().Risks {
		if r.Status != model.RiskClosed && h.project().Scoring.AboveAppetite(r) {
			above++
		}
	}
	if !strings.Contains(ws.summary.Text, "above appetite") || above == 0 {
		t.Errorf("summary %q; want risks above the new appetite", ws.summary.Text)
	}
	ws.undo()
	if h.project().Scoring != nil {
		t.Error("undo did not bring the default scoring back")
	}
}

func TestWorkbookExportReportsProgress(t *testing.T) {
	h := newHarness(t, sampleProject(t))
	var calls []int
	var gotPath string
	h.u.io.ExportWorkbook = func(p *model.Project, path string, progress func(done, total int)) error {
		gotPath = path
		for i := 1; i <= 3; i++ {
			progress(i, 3)
			calls = append(calls, i)
		}
		return nil
	}
	ws := h.open("support-assistant")
	ws.writeWorkbook("/tmp/register.xlsx")
	if gotPath != "/tmp/register.xlsx" || len(calls) != 3 {
		t.Errorf("export called with %q and %d progress steps", gotPath, len(calls))
	}
	if !strings.Contains(ws.status.Text, "register.xlsx") {
		t.Errorf("status: got %q, want the file named", ws.status.Text)
	}
	h.u.io.ExportWorkbook = func(*model.Project, string, func(int, int)) error { return os.ErrPermission }
	ws.writeWorkbook("/root/x.xlsx")
	if h.u.lastError == nil || !strings.Contains(h.u.lastError.Error(), "/root/x.xlsx") {
		t.Errorf("error: got %v, want one naming the file", h.u.lastError)
	}
}

package report

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"airisk/model"
	"airisk/threats"
)

// figuresProject has one risk per situation the summary counts.
func figuresProject() *model.Project {
	risk := func(id string, l, i, rl, ri int, status model.RiskStatus, due, review string) model.Risk {
		return model.Risk{ID: id, Title: id, Likelihood: l, Impact: i, ResidualLikelihood: rl, ResidualImpact: ri,
			Status: status, Due: due, Review: review, Treatment: model.TreatmentTreat}
	}
	return &model.Project{
		Meta: model.ProjectMeta{ID: "figures", Name: "Figures"},
		Risks: []model.Risk{
			risk("R-1", 5, 5, 0, 0, model.RiskOpen, "2026-11-30", ""),                 // 25 unassessed, above, overdue
			risk("R-2", 4, 4, 2, 2, model.RiskInProgress, "2026-12-01", "2026-11-01"), // 16 -> 4, due today, review overdue
			risk("R-3", 4, 5, 3, 4, model.RiskAccepted, "2026-01-01", ""),             // 20 -> 12 above; accepted: not overdue
			risk("R-4", 5, 5, 5, 5, model.RiskClosed, "2026-01-01", "2026-01-01"),     // closed: counted nowhere
			risk("R-5", 0, 0, 0, 0, model.RiskOpen, "2020-01-01", ""),                 // unscored, overdue
			risk("R-6", 3, 4, 0, 0, model.RiskOpen, "", ""),                           // 12 unassessed, above
		},
	}
}

func TestSummaryFigures(t *testing.T) {
	v := build(figuresProject(), nil, Options{Now: fixedNow}, "")
	s := v.Summary
	got := []int{s.Risks, s.Live, s.Closed, s.Above, s.Overdue, s.ReviewDue, s.Unassessed, s.Unscored}
	want := []int{6, 5, 1, 3, 2, 1, 2, 1}
	names := []string{"risks", "live", "closed", "above", "overdue", "review due", "unassessed", "unscored"}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s: got %d, want %d", names[i], got[i], want[i])
		}
	}
	bands := func(bs []bandCount) []int {
		out := make([]int, len(bs))
		for i, b := range bs {
			out[i] = b.Count
		}
		return out
	}
	if got, want := bands(s.InherentBands), []int{0, 0, 2, 2}; !equalInts(got, want) {
		t.Errorf("inherent bands: got %v, want %v", got, want)
	}
	if got, want := bands(s.ResidualBands), []int{1, 0, 2, 1}; !equalInts(got, want) {
		t.Errorf("residual bands: got %v, want %v", got, want)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTopRisks(t *testing.T) {
	v := build(figuresProject(), nil, Options{Now: fixedNow}, "")
	var ids []string
	for _, r := range v.Top {
		ids = append(ids, r.ID)
	}
	// Residual 25 first; tie on 12 and R-3 has the higher inherent score.
	if got, want := ids, []string{"R-1", "R-3", "R-6"}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("got top risks %v, want %v", got, want)
	}
	big := build(bigProject(200), nil, Options{Now: fixedNow}, "")
	if len(big.Top) != topLimit || big.TopMore != big.Summary.Above-topLimit {
		t.Errorf("got %d top risks and %d more, want %d and %d", len(big.Top), big.TopMore, topLimit, big.Summary.Above-topLimit)
	}
}

func TestHeatMapCounts(t *testing.T) {
	v := build(figuresProject(), nil, Options{Now: fixedNow}, "")
	inherent, residual := v.Heat[0], v.Heat[1]
	cases := []struct {
		name       string
		h          heatMap
		l, i, want int
	}{
		{"inherent 5x5", inherent, 5, 5, 1},
		{"inherent 4x4", inherent, 4, 4, 1},
		{"residual 2x2", residual, 2, 2, 1},
		{"residual 5x5 (unassessed at inherent; closed left out)", residual, 5, 5, 1},
		{"residual 3x4", residual, 3, 4, 2},
	}
	for _, tc := range cases {
		if got := tc.h.Counts[tc.l-1][tc.i-1]; got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, got, tc.want)
		}
	}
	if inherent.Total != 4 || residual.Total != 4 || len(inherent.Cells) != 25 {
		t.Errorf("got totals %d and %d over %d cells, want 4, 4 and 25", inherent.Total, residual.Total, len(inherent.Cells))
	}
}

func TestCoverageFigures(t *testing.T) {
	p, c := readSample(t), bundled(t)
	cov := threats.CoverageOf(p, c)
	open := 0
	for _, pc := range cov.Provisions {
		if pc.Open() {
			open++
		}
	}
	s := build(p, c, Options{Now: fixedNow}, "").Summary
	want := (100*(len(cov.Provisions)-open) + len(cov.Provisions)/2) / len(cov.Provisions)
	if s.Provisions != len(cov.Provisions) || s.Open != open || s.Pct != want {
		t.Errorf("got %d provisions, %d open, %d%%; want %d, %d, %d%%", s.Provisions, s.Open, s.Pct, len(cov.Provisions), open, want)
	}
}

func TestBandColours(t *testing.T) {
	cases := []struct {
		bands int
		want  []string
	}{
		{1, []string{"r4"}},
		{2, []string{"r0", "r4"}},
		{3, []string{"r0", "r2", "r4"}},
		{4, []string{"r0", "r2", "r3", "r4"}},
		{5, []string{"r0", "r1", "r2", "r3", "r4"}},
		{6, []string{"r0", "r0", "r1", "r2", "r3", "r4"}},
	}
	for _, tc := range cases {
		s := model.Scoring{Bands: make([]model.Band, tc.bands)}
		for i, w := range tc.want {
			if got := bandSwatch(s, i).Class; got != w {
				t.Errorf("band %d of %d: got %s, want %s", i, tc.bands, got, w)
			}
		}
	}
	if got := bandSwatch(model.DefaultScoring(), -1).Class; got != "rn" {
		t.Errorf("unscored: got %s, want rn", got)
	}
}

func TestBrokenProjectsDoNotPanic(t *testing.T) {
	noBands := model.Scoring{LikelihoodLabels: []string{"a"}, Appetite: 99}
	cases := []struct {
		name string
		p    *model.Project
	}{
		{"empty", &model.Project{}},
		{"scoring without bands or labels", &model.Project{Scoring: &noBands,
			Risks: []model.Risk{{ID: "R-1", Likelihood: 3, Impact: 3, ResidualLikelihood: 2, ResidualImpact: 2}}}},
		{"levels out of range", &model.Project{Risks: []model.Risk{
			{ID: "R-1", Likelihood: 9, Impact: -3, ResidualLikelihood: 7, ResidualImpact: 7},
			{ID: "R-2", Likelihood: 2, Impact: 2, ResidualLikelihood: 9, ResidualImpact: 1},
			{ID: "R-3", Likelihood: 5, Impact: 5, ResidualLikelihood: 3}}}},
		{"dangling references and duplicate ids", &model.Project{
			Elements: []model.Element{{ID: "x", Kind: model.KindAIApp, Boundary: "nowhere"}, {ID: "x", Kind: "no_such_kind"}},
			Flows:    []model.Flow{{ID: "x", From: "ghost", To: "x"}, {ID: "f", From: "x", To: "x"}},
			Risks: []model.Risk{{ID: "R-1", Elements: []string{"ghost"}, Threat: "AIT-000", Finding: "bad key",
				Controls: []model.Control{{Status: "weird", Provisions: []string{"99.9"}}}}},
			Decisions: []model.Decision{{Finding: "", Status: "odd"}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := renderHTML(t, tc.p, bundled(t), Options{Now: fixedNow, DiagramSVG: []byte(`<svg/>`)})
			var rows int
			walk(doc, func(n *html.Node) {
				if hasClass(n, "risk") {
					rows++
				}
			})
			if rows != len(tc.p.Risks) {
				t.Errorf("got %d register rows, want %d", rows, len(tc.p.Risks))
			}
			if md := renderMarkdown(t, tc.p, Options{Now: fixedNow}); !strings.Contains(md, "## Risk register") {
				t.Errorf("the Markdown has no register section")
			}
		})
	}
}

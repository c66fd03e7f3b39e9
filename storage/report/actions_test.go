package report

import (
	"fmt"
	"strings"
	"testing"

	"airisk/model"
)

func TestActionsView(t *testing.T) {
	p := readSample(t)
	p.Risks = append(p.Risks, model.Risk{ID: "R-004", Title: "Unowned", Likelihood: 5, Impact: 5,
		Status: model.RiskOpen, Treatment: model.TreatmentTreat, Due: "2026-11-01", Review: "2026-11-15"})
	v := build(p, nil, Options{Now: fixedNow}, "")
	type got struct {
		owner   string
		unowned bool
		ids     string
		overdue int
	}
	var lists []got
	for _, l := range v.Actions {
		var ids []string
		for _, it := range l.Items {
			ids = append(ids, it.ID)
		}
		lists = append(lists, got{l.Owner, l.Unowned, strings.Join(ids, " "), l.Overdue})
	}
	want := []got{{"Payments product owner", false, "R-002", 1}, {"Support platform lead", false, "R-001", 0}, {"No owner yet", true, "R-004", 1}}
	if len(lists) != len(want) {
		t.Fatalf("got %+v, want %+v", lists, want)
	}
	for i := range want {
		if lists[i] != want[i] {
			t.Errorf("list %d: got %+v, want %+v", i+1, lists[i], want[i])
		}
	}
	tests := []struct {
		name string
		row  actionRow
		want string
	}{
		{"assessed risk", v.Actions[1].Items[0], "6 Medium r2 in_progress controls 2 review due false"},
		{"unassessed risk", v.Actions[0].Items[0], "12 High r3 open controls 1 review due false"},
		{"overdue review", v.Actions[2].Items[0], "25 Very high r4 open controls 0 review due true"},
	}
	for _, tt := range tests {
		r := tt.row
		s := fmt.Sprintf("%d %s %s %s controls %d review due %v", r.Score.Score, r.Score.Band, r.Score.Swatch.Class,
			r.StatusKey, len(r.Controls), r.ReviewDue)
		if s != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, s, tt.want)
		}
	}
}

func TestActionsMarkdown(t *testing.T) {
	p := readSample(t)
	p.Risks[0].Owner = hostile
	md := renderMarkdown(t, p, Options{Now: fixedNow})
	s := section(md, "Actions by owner")
	for _, want := range []string{"### Payments product owner (1 risk, 1 overdue)", "| R-002 | Refund agent tricked into issuing refunds | 12 High | Open, Treat | Due 2026-11-30 **overdue**<br>Review 2027-02-01 |",
		"### &lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(s, want) {
			t.Errorf("the section lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "R-003") {
		t.Errorf("the closed risk R-003 is listed")
	}
}

func TestNoActions(t *testing.T) {
	p := readSample(t)
	p.Risks = nil
	md := renderMarkdown(t, p, Options{Now: fixedNow})
	if s := section(md, "Actions by owner"); !strings.Contains(s, "nobody has follow-up actions") {
		t.Errorf("got %q, want a sentence saying nobody has actions", s)
	}
}

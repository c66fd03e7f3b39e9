package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"airisk/model"
)

// This file is the register's data, kept apart from its widgets: the
// columns, the filter and the sort.

// riskColumn is one column of the register table.
type riskColumn struct {
	title string
	width float32
	text  func(r *model.Risk, c *riskContext) string
	order func(a, b *model.Risk, c *riskContext) int
}

// riskContext is what cells need beyond the risk.
type riskContext struct {
	p       *model.Project
	scoring model.Scoring
	today   string // YYYY-MM-DD
}

func (c *riskContext) elementNames(r *model.Risk) string {
	names := make([]string, 0, len(r.Elements))
	for _, id := range r.Elements {
		if e, ok := c.p.Element(id); ok {
			names = append(names, e.Name)
		}
	}
	return strings.Join(names, ", ")
}

// overdue reports whether the risk's due date has passed while it is still
// being worked on.
func (c *riskContext) overdue(r *model.Risk) bool {
	return r.Due != "" && r.Due < c.today && (r.Status == model.RiskOpen || r.Status == model.RiskInProgress)
}

// reviewDue reports whether the risk's review date has passed.
func (c *riskContext) reviewDue(r *model.Risk) bool {
	return r.Review != "" && r.Review < c.today && r.Status != model.RiskClosed
}

func scoreText(s model.Scoring, score int) string {
	if score == 0 {
		return "not set"
	}
	return fmt.Sprintf("%d %s", score, s.BandName(score))
}

func byString(f func(r *model.Risk, c *riskContext) string) func(a, b *model.Risk, c *riskContext) int {
	return func(a, b *model.Risk, c *riskContext) int {
		return cmp.Compare(strings.ToLower(f(a, c)), strings.ToLower(f(b, c)))
	}
}

// riskColumns are the register's columns, in order. The column indexes
// below name the ones the table draws specially.
var riskColumns = []riskColumn{
	{"ID", 64, func(r *model.Risk, _ *riskContext) string { return r.ID }, nil},
	{"Title", 300, func(r *model.Risk, _ *riskContext) string { return r.Title }, nil},
	{"Elements", 170, func(r *model.Risk, c *riskContext) string { return c.elementNames(r) }, nil},
	{"Owner", 140, func(r *model.Risk, _ *riskContext) string { return r.Owner }, nil},
	{"Status", 100, func(r *model.Risk, _ *riskContext) string { return words(string(r.Status)) }, nil},
	{"Treatment", 92, func(r *model.Risk, _ *riskContext) string { return words(string(r.Treatment)) }, nil},
	{"Inherent", 110, func(r *model.Risk, c *riskContext) string { return scoreText(c.scoring, r.InherentScore()) },
		func(a, b *model.Risk, _ *riskContext) int { return cmp.Compare(a.InherentScore(), b.InherentScore()) }},
	{"Residual", 110, func(r *model.Risk, c *riskContext) string { return residualText(c.scoring, r) },
		func(a, b *model.Risk, _ *riskContext) int { return cmp.Compare(a.ResidualScore(), b.ResidualScore()) }},
	{"Due", 100, func(r *model.Risk, _ *riskContext) string { return r.Due }, nil},
	{"Review", 100, func(r *model.Risk, _ *riskContext) string { return r.Review }, nil},
	{"Controls", 84, controlsText,
		func(a, b *model.Risk, _ *riskContext) int { return cmp.Compare(len(a.Controls), len(b.Controls)) }},
}

const (
	colTitle    = 1
	colInherent = 6
	colResidual = 7
	colDue      = 8
	colReview   = 9
)

func residualText(s model.Scoring, r *model.Risk) string {
	if !r.HasResidual() {
		return "not assessed"
	}
	return scoreText(s, r.ResidualScore())
}

func controlsText(r *model.Risk, _ *riskContext) string {
	done := 0
	for _, c := range r.Controls {
		if c.Status == model.ControlImplemented {
			done++
		}
	}
	return fmt.Sprintf("%d of %d", done, len(r.Controls))
}

// words turns an enumeration value into words ("in_progress" -> "in progress").
func words(s string) string { return strings.ReplaceAll(s, "_", " ") }

// heatCell is one cell of a heat map grid, as a register filter.
type heatCell struct {
	residual   bool
	likelihood int
	impact     int
}

// riskFilter narrows the register; zero values match everything.
type riskFilter struct {
	status    model.RiskStatus
	owner     string
	treatment model.Treatment
	band      string
	element   string
	overdue   bool
	text      string
	cell      *heatCell
}

func (f riskFilter) match(r *model.Risk, c *riskContext) bool {
	switch {
	case f.status != "" && r.Status != f.status,
		f.owner != "" && r.Owner != f.owner,
		f.treatment != "" && r.Treatment != f.treatment,
		f.band != "" && c.scoring.BandName(r.ResidualScore()) != f.band,
		f.element != "" && !slices.Contains(r.Elements, f.element),
		f.overdue && !c.overdue(r) && !c.reviewDue(r),
		f.cell != nil && !f.cell.holds(r):
		return false
	}
	if f.text == "" {
		return true
	}
	t := strings.ToLower(f.text)
	return slices.ContainsFunc([]string{r.ID, r.Title, r.Description, r.Owner, r.Notes, r.Threat, c.elementNames(r)},
		func(s string) bool { return strings.Contains(strings.ToLower(s), t) })
}

// holds reports whether a risk falls in the cell; a risk whose residual is
// not assessed sits in the residual grid at its inherent scores, as the
// register scores it.
func (h *heatCell) holds(r *model.Risk) bool {
	l, i := cellOf(r, h.residual)
	return l == h.likelihood && i == h.impact
}

// cellOf returns the grid cell of a risk in the inherent or residual grid.
func cellOf(r *model.Risk, residual bool) (likelihood, impact int) {
	if residual && r.HasResidual() {
		return r.ResidualLikelihood, r.ResidualImpact
	}
	return r.Likelihood, r.Impact
}

// riskRows filters and sorts the risks; col < 0 keeps the stored order.
func riskRows(p *model.Project, f riskFilter, c *riskContext, col int, desc bool) []*model.Risk {
	var rows []*model.Risk
	for i := range p.Risks {
		if f.match(&p.Risks[i], c) {
			rows = append(rows, &p.Risks[i])
		}
	}
	if col < 0 || col >= len(riskColumns) {
		return rows
	}
	order := riskColumns[col].order
	if order == nil {
		order = byString(riskColumns[col].text)
	}
	slices.SortStableFunc(rows, func(a, b *model.Risk) int {
		n := order(a, b, c)
		if desc {
			n = -n
		}
		return cmp.Or(n, cmp.Compare(a.ID, b.ID))
	})
	return rows
}

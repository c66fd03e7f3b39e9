package report

import (
	"fmt"
	"unicode/utf8"

	"airisk/model"
)

// heatMap is one 5x5 grid, laid out for SVG: likelihood up the side (5 at
// the top), impact along the bottom. Counts are of live (not closed) risks.
type heatMap struct {
	Title, Sub string
	// Counts is indexed [likelihood-1][impact-1].
	Counts  [5][5]int
	Total   int
	Cells   []heatCell
	YLabels []axisLabel
	XLabels []axisLabel
	// Width and Height are the SVG viewBox; YTitle and XTitle place the
	// axis titles.
	Width, Height  int
	YTitle, XTitle axisLabel
	// YLevels and XLevels are the level names for Markdown, 1 first.
	YLevels, XLevels []string
}

// heatCell is one cell of the grid; CX, CY place the count and SX, SY the
// small score in its corner.
type heatCell struct {
	X, Y, W, H, CX, CY, SX, SY int
	Count, Score               int
	Likelihood, Impact         int
	Band                       string
	Swatch                     swatch
	ScoreInk                   string
	Above                      bool
}

// axisLabel is one level name placed on an axis; Text may be shortened,
// Full is the whole label.
type axisLabel struct {
	X, Y, Y2   int
	Level      int
	Text, Full string
}

// The heat map's geometry in SVG units (the picture scales to its box).
const (
	heatCellW  = 54
	heatCellH  = 42
	heatLeft   = 126 // room for the likelihood labels
	heatTop    = 6
	heatWidth  = heatLeft + 5*heatCellW + 6
	heatHeight = heatTop + 5*heatCellH + 58
)

func (b *builder) heatMaps() {
	b.v.Heat = []heatMap{
		b.heatMap("Inherent risk", "before controls", false),
		b.heatMap("Residual risk", "after controls; risks not yet assessed count at their inherent score", true),
	}
}

func (b *builder) heatMap(title, sub string, residual bool) heatMap {
	h := heatMap{Title: title, Sub: sub}
	for i := range b.p.Risks {
		r := &b.p.Risks[i]
		if !live(r) {
			continue
		}
		l, im := r.Likelihood, r.Impact
		if residual && r.HasResidual() {
			l, im = r.ResidualLikelihood, r.ResidualImpact
		}
		if validLevel(l) && validLevel(im) {
			h.Counts[l-1][im-1]++
			h.Total++
		}
	}
	b.layoutHeat(&h)
	return h
}

func (b *builder) layoutHeat(h *heatMap) {
	for row, l := 0, 5; l >= 1; row, l = row+1, l-1 {
		for col, im := 0, 1; im <= 5; col, im = col+1, im+1 {
			h.Cells = append(h.Cells, b.heatCell(h, l, im, heatLeft+col*heatCellW, heatTop+row*heatCellH))
		}
	}
	h.Width, h.Height = heatWidth, heatHeight
	h.YTitle = axisLabel{X: -(heatTop + 5*heatCellH/2), Y: 14, Text: "Likelihood"}
	h.XTitle = axisLabel{X: heatLeft + 5*heatCellW/2, Y: heatTop + 5*heatCellH + 46, Text: "Impact"}
	for l := 5; l >= 1; l-- {
		full := levelName(b.sc.LikelihoodLabels, l)
		h.YLabels = append(h.YLabels, axisLabel{X: heatLeft - 8, Y: heatTop + (5-l)*heatCellH + heatCellH/2 + 4,
			Level: l, Text: shorten(full, 17), Full: full})
	}
	for im := 1; im <= 5; im++ {
		full := levelName(b.sc.ImpactLabels, im)
		h.XLabels = append(h.XLabels, axisLabel{X: heatLeft + (im-1)*heatCellW + heatCellW/2, Y: heatTop + 5*heatCellH + 14,
			Y2: heatTop + 5*heatCellH + 27, Level: im, Text: shorten(full, 10), Full: full})
	}
	for l := 1; l <= 5; l++ {
		h.YLevels = append(h.YLevels, levelName(b.sc.LikelihoodLabels, l))
		h.XLevels = append(h.XLevels, levelName(b.sc.ImpactLabels, l))
	}
}

func (b *builder) heatCell(h *heatMap, l, im, x, y int) heatCell {
	s := model.Score(l, im)
	c := heatCell{X: x + 1, Y: y + 1, W: heatCellW - 2, H: heatCellH - 2, CX: x + heatCellW/2, CY: y + heatCellH/2 + 7,
		SX: x + 5, SY: y + 12, Count: h.Counts[l-1][im-1], Score: s, Likelihood: l, Impact: im,
		Band: b.sc.BandName(s), Swatch: scoreSwatch(b.sc, s), Above: s > b.sc.Appetite}
	c.ScoreInk = c.Swatch.Ink
	if c.Count == 0 {
		c.ScoreInk = "#3a3a3a" // on the faded fill of an empty cell
	}
	return c
}

// levelName returns label n (1-based) of a scheme's labels, or the number.
func levelName(labels []string, n int) string {
	if n-1 < len(labels) && labels[n-1] != "" {
		return labels[n-1]
	}
	return fmt.Sprint(n)
}

// shorten cuts s to at most n characters, ending with an ellipsis when cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

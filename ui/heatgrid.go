package ui

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// heatCounts holds the number of risks per cell, indexed [likelihood-1][impact-1].
type heatCounts [5][5]int

// countRisks counts the risks that are not closed, in the inherent or the
// residual grid.
func countRisks(risks []model.Risk, residual bool) heatCounts {
	var c heatCounts
	for _, r := range risks {
		if r.Status == model.RiskClosed {
			continue
		}
		l, i := cellOf(&r, residual)
		if l >= 1 && l <= 5 && i >= 1 && i <= 5 {
			c[l-1][i-1]++
		}
	}
	return c
}

// heatCellView is one cell of a grid: its band colour, its count, and an
// outline when its score is above the appetite.
type heatCellView struct {
	widget.BaseWidget
	min      fyne.Size
	fill     color.NRGBA
	outline  color.Color // nil: the theme's foreground
	text     string
	above    bool
	onTapped func()
}

func newHeatCell(fill color.NRGBA, text string, above bool, onTapped func()) *heatCellView {
	c := &heatCellView{min: fyne.NewSize(64, 52), fill: fill, text: text, above: above, onTapped: onTapped}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped filters the register to the cell.
func (c *heatCellView) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped()
	}
}

// MinSize keeps cells square enough to read.
func (c *heatCellView) MinSize() fyne.Size { return c.min }

// CreateRenderer draws the cell.
func (c *heatCellView) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(c.fill)
	bg.CornerRadius = 4
	if c.above {
		bg.StrokeColor = c.outline
		if c.outline == nil {
			fg := color.NRGBAModel.Convert(theme.ColorForWidget(theme.ColorNameForeground, c)).(color.NRGBA)
			bg.StrokeColor = faded(fg, 0xb4)
		}
		bg.StrokeWidth = 2
	}
	txt := canvas.NewText(c.text, textOn(c.fill))
	txt.TextStyle.Bold = true
	txt.TextSize = theme.TextSize() * 1.5
	txt.Alignment = fyne.TextAlignCenter
	return widget.NewSimpleRenderer(container.NewStack(bg, container.NewCenter(txt)))
}

// heatGrid draws a 5x5 grid: likelihood up the side (5 at the top),
// impact along the bottom, each cell in its band colour with its count.
// onTap (may be nil) gets the cell tapped. counts nil draws the scores
// instead, as the scoring preview does.
func heatGrid(s model.Scoring, counts *heatCounts, onTap func(likelihood, impact int)) fyne.CanvasObject {
	return styledHeatGrid(s, counts, onTap, nil)
}

// styledHeatGrid is heatGrid with a fixed outline colour for the cells
// above the appetite (nil follows the theme), for pictures drawn off
// screen.
func styledHeatGrid(s model.Scoring, counts *heatCounts, onTap func(likelihood, impact int), outline color.Color) fyne.CanvasObject {
	cells := container.NewGridWithColumns(5)
	left := container.NewGridWithRows(5)
	for l := 5; l >= 1; l-- {
		left.Add(wrappedLabel(fmt.Sprintf("%d %s", l, labelAt(s.LikelihoodLabels, l)), fyne.TextAlignTrailing))
		for i := 1; i <= 5; i++ {
			c := gridCell(s, counts, l, i, onTap)
			c.outline = outline
			cells.Add(c)
		}
	}
	bottom := container.NewGridWithColumns(5)
	for i := 1; i <= 5; i++ {
		bottom.Add(axisLabel(fmt.Sprintf("%d %s", i, labelAt(s.ImpactLabels, i)), fyne.TextAlignCenter))
	}
	side := container.NewStack(fixedWidth(axisWidth), left)
	foot := container.NewBorder(nil, axisLabel("Impact ⟶", fyne.TextAlignCenter), fixedWidth(axisWidth), nil, bottom)
	return container.NewBorder(axisLabel("Likelihood ↑", fyne.TextAlignLeading), foot, side, nil, cells)
}

// axisWidth is the width of the likelihood labels.
const axisWidth = 96

func gridCell(s model.Scoring, counts *heatCounts, l, i int, onTap func(int, int)) *heatCellView {
	score := model.Score(l, i)
	text := fmt.Sprint(score)
	fill := scoreColor(s, score)
	if counts != nil {
		n := counts[l-1][i-1]
		text = ""
		if n > 0 {
			text = fmt.Sprint(n)
		} else {
			fill = faded(fill, 0x55)
		}
	}
	var tap func()
	if onTap != nil {
		tap = func() { onTap(l, i) }
	}
	return newHeatCell(fill, text, score > s.Appetite, tap)
}

func axisLabel(text string, align fyne.TextAlign) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Alignment = align
	l.Truncation = fyne.TextTruncateEllipsis
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// wrappedLabel is an axis label that may take two lines (the likelihood
// labels, in a narrow column).
func wrappedLabel(text string, align fyne.TextAlign) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Alignment = align
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// bandLegend shows each band's colour and range, and the appetite.
func bandLegend(s model.Scoring) fyne.CanvasObject { return styledLegend(s, nil) }

// styledLegend is bandLegend with a fixed appetite outline colour.
func styledLegend(s model.Scoring, outline color.Color) fyne.CanvasObject {
	box := container.NewHBox()
	lo := 1
	for i, b := range s.Bands {
		sw := canvas.NewRectangle(bandColor(i, len(s.Bands)))
		sw.SetMinSize(fyne.NewSize(16, 16))
		sw.CornerRadius = 3
		box.Add(container.NewCenter(sw))
		box.Add(widget.NewLabel(fmt.Sprintf("%s %d-%d", b.Name, lo, b.Max)))
		lo = b.Max + 1
	}
	out := newHeatCell(bandColor(len(s.Bands)-1, len(s.Bands)), "", true, nil)
	out.min = fyne.NewSize(16, 16)
	out.outline = outline
	box.Add(container.NewCenter(out))
	box.Add(widget.NewLabel(fmt.Sprintf("above the appetite (%d)", s.Appetite)))
	return box
}

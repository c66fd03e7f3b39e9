package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
)

// riskCell is the template of a register cell: text, or a coloured score
// chip, with a warning icon for risks above the appetite.
type riskCell struct {
	widget.BaseWidget
	label *widget.Label
	chip  *chip
	icon  *widget.Icon
	box   *fyne.Container
}

func newRiskCell() fyne.CanvasObject {
	c := &riskCell{label: widget.NewLabel(""), chip: newChip("", neutral), icon: widget.NewIcon(theme.WarningIcon())}
	c.label.Truncation = fyne.TextTruncateEllipsis
	c.chip.minWidth = 90
	c.box = container.NewBorder(nil, nil, c.icon, nil, container.NewStack(c.label, container.NewCenter(c.chip)))
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer shows the cell's parts.
func (c *riskCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.box) }

func (s *registerScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*riskCell)
	if id.Row < 0 || id.Row >= len(s.rows) || id.Col < 0 || id.Col >= len(riskColumns) {
		return
	}
	r := s.rows[id.Row]
	text := riskColumns[id.Col].text(r, s.ctx)
	c.icon.Hidden = !(id.Col == colTitle && r.Status != model.RiskClosed && s.ctx.scoring.AboveAppetite(*r))
	switch id.Col {
	case colInherent, colResidual:
		c.label.Hide()
		c.chip.Show()
		score := r.InherentScore()
		if id.Col == colResidual {
			score = 0
			if r.HasResidual() {
				score = r.ResidualScore()
			}
		}
		c.chip.set(text, scoreColor(s.ctx.scoring, score))
		return
	}
	c.chip.Hide()
	c.label.Show()
	c.label.Importance = widget.MediumImportance
	c.label.TextStyle.Bold = id.Col == colTitle && !c.icon.Hidden
	switch {
	case id.Col == colDue && s.ctx.overdue(r):
		c.label.Importance = widget.DangerImportance
		text += " overdue"
	case id.Col == colReview && s.ctx.reviewDue(r):
		c.label.Importance = widget.WarningImportance
		text += " due"
	}
	c.label.SetText(text)
	c.label.Refresh()
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// coverageBar is a thin stacked progress bar: the share of provisions met
// in green, then those only addressed by controls in blue, then the rest
// as the empty track.
type coverageBar struct {
	widget.BaseWidget
	totals tally
	height float32

	track, met, addressed *canvas.Rectangle
}

func newCoverageBar(height float32) *coverageBar {
	b := &coverageBar{height: height}
	b.ExtendBaseWidget(b)
	return b
}

// set shows new totals.
func (b *coverageBar) set(t tally) {
	if b.totals == t {
		return
	}
	b.totals = t
	b.Refresh()
}

// CreateRenderer draws the track and the two filled parts.
func (b *coverageBar) CreateRenderer() fyne.WidgetRenderer {
	b.track = canvas.NewRectangle(nil)
	b.met = canvas.NewRectangle(bandRamp[0])
	b.addressed = canvas.NewRectangle(addressedColor)
	r := &coverageBarRenderer{b: b}
	r.Refresh()
	return r
}

type coverageBarRenderer struct{ b *coverageBar }

func (r *coverageBarRenderer) Layout(s fyne.Size) {
	b := r.b
	y := (s.Height - b.height) / 2
	b.track.Move(fyne.NewPos(0, y))
	b.track.Resize(fyne.NewSize(s.Width, b.height))
	wMet, wAddr := float32(0), float32(0)
	if t := b.totals; t.total > 0 {
		wMet = s.Width * float32(t.met) / float32(t.total)
		wAddr = s.Width * float32(t.addressed) / float32(t.total)
	}
	b.met.Move(fyne.NewPos(0, y))
	b.met.Resize(fyne.NewSize(wMet, b.height))
	b.addressed.Move(fyne.NewPos(wMet, y))
	b.addressed.Resize(fyne.NewSize(wAddr, b.height))
}

func (r *coverageBarRenderer) MinSize() fyne.Size { return fyne.NewSize(60, r.b.height) }

func (r *coverageBarRenderer) Refresh() {
	b := r.b
	b.track.FillColor = faded(neutral, 0x50)
	radius := b.height / 2
	b.track.CornerRadius = radius
	b.met.CornerRadius = radius
	b.addressed.CornerRadius = radius
	b.met.Hidden = b.totals.met == 0
	b.addressed.Hidden = b.totals.addressed == 0
	r.Layout(b.Size())
	canvas.Refresh(b)
}

func (r *coverageBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.track, r.b.met, r.b.addressed}
}

func (r *coverageBarRenderer) Destroy() {}

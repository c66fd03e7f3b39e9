package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// workshopScale is how much bigger than the default theme everything in
// the workshop window is drawn, to be read from the back of a room.
const workshopScale = 1.75

// workshopTheme is the app's theme mode at the workshop's scale, with
// full-contrast text.
func (ws *workspace) workshopTheme() fyne.Theme {
	mode := themeSystem
	if ws.ui.theme != nil {
		mode = ws.ui.theme.mode
	}
	return projectorTheme{&appTheme{mode: mode, scale: workshopScale}}
}

// projectorTheme draws text black on a light background and white on a
// dark one: projectors wash out the default theme's grey text.
type projectorTheme struct{ *appTheme }

// Color returns the app theme's colour, text at full contrast.
func (t projectorTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n != theme.ColorNameForeground {
		return t.appTheme.Color(n, v)
	}
	r, g, b, _ := t.appTheme.Color(theme.ColorNameBackground, v).RGBA()
	if (299*r+587*g+114*b)/1000 > 0x8000 {
		return color.Black
	}
	return color.White
}

// workshopTag is a coloured label sized by the theme of its window, so it
// grows with the workshop's scale: a score band or a decision.
type workshopTag struct {
	widget.BaseWidget
	text string
	fill color.NRGBA
	bg   *canvas.Rectangle
	t    *canvas.Text
}

func newWorkshopTag() *workshopTag {
	g := &workshopTag{bg: canvas.NewRectangle(color.Transparent), t: canvas.NewText("", color.Black)}
	g.t.TextStyle.Bold = true
	g.t.Alignment = fyne.TextAlignCenter
	g.ExtendBaseWidget(g)
	return g
}

// set changes the text and colour; "" hides the tag.
func (g *workshopTag) set(text string, fill color.NRGBA) {
	g.text, g.fill = text, fill
	g.Refresh()
}

// CreateRenderer draws the rectangle and the text.
func (g *workshopTag) CreateRenderer() fyne.WidgetRenderer { return &tagRenderer{g: g} }

type tagRenderer struct{ g *workshopTag }

func (r *tagRenderer) textSize() float32 {
	return theme.CurrentForWidget(r.g).Size(theme.SizeNameText)
}

func (r *tagRenderer) MinSize() fyne.Size {
	if r.g.text == "" {
		return fyne.Size{}
	}
	s := fyne.MeasureText(r.g.text, r.textSize(), r.g.t.TextStyle)
	pad := theme.CurrentForWidget(r.g).Size(theme.SizeNamePadding)
	return fyne.NewSize(s.Width+4*pad, s.Height+pad)
}

func (r *tagRenderer) Layout(size fyne.Size) {
	r.g.bg.Resize(size)
	h := r.g.t.MinSize().Height
	r.g.t.Resize(fyne.NewSize(size.Width, h))
	r.g.t.Move(fyne.NewPos(0, (size.Height-h)/2))
}

func (r *tagRenderer) Refresh() {
	g := r.g
	g.bg.FillColor = g.fill
	g.bg.CornerRadius = theme.CurrentForWidget(g).Size(theme.SizeNameInputRadius) + 2
	g.t.Text = g.text
	g.t.TextSize = r.textSize()
	g.t.Color = textOn(g.fill)
	g.bg.Hidden, g.t.Hidden = g.text == "", g.text == ""
	g.bg.Refresh()
	g.t.Refresh()
}

func (r *tagRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.g.bg, r.g.t} }
func (r *tagRenderer) Destroy()                     {}

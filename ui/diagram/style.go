package diagram

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"airisk/model"
)

// Palette holds every colour of the drawing for one theme variant.
type Palette struct {
	Background, Text, Muted, Selection color.Color
	Flow, FlowCross, LabelFill         color.Color
	// Fill and Stroke colour the element boxes by palette group; the icon
	// takes the stroke colour.
	Fill, Stroke map[model.Group]color.Color
	// Boundary colours a boundary's outline and name by its kind.
	Boundary map[model.BoundaryKind]color.Color
	// Bands colour badges from the lowest score band to the highest;
	// Unscored colours badges of findings without a score.
	Bands    []color.Color
	Unscored color.Color
	// BadgeText is the colour of the count on a badge.
	BadgeText color.Color
}

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// NewPalette derives the drawing colours from a Fyne theme: background,
// text and selection come from th; the accents are the dark set when th's
// background is dark for variant v (a theme may ignore the variant), the
// light set otherwise.
func NewPalette(th fyne.Theme, v fyne.ThemeVariant) Palette {
	p := Palette{
		Background: th.Color(theme.ColorNameBackground, v),
		Text:       th.Color(theme.ColorNameForeground, v),
		Muted:      th.Color(theme.ColorNamePlaceHolder, v),
		Selection:  th.Color(theme.ColorNamePrimary, v),
		Bands:      []color.Color{rgb(0x2f9e44), rgb(0xd89c00), rgb(0xe8590c), rgb(0xc92a2a)},
		Unscored:   rgb(0x868e96),
		BadgeText:  rgb(0xffffff),
	}
	if isDark(p.Background) {
		darkAccents(&p)
	} else {
		lightAccents(&p)
	}
	return p
}

// LightPalette is the palette of pictures: Fyne's default theme, light.
func LightPalette() Palette { return NewPalette(theme.DefaultTheme(), theme.VariantLight) }

func lightAccents(p *Palette) {
	p.Text = rgb(0x1f2328)
	p.Muted = rgb(0x5f6b76)
	p.Flow = rgb(0x59636e)
	p.FlowCross = rgb(0xc4352b)
	p.LabelFill = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xee}
	p.Fill = map[model.Group]color.Color{
		model.GroupPeople: rgb(0xeef3fa), model.GroupAI: rgb(0xf3effd),
		model.GroupProcesses: rgb(0xedf7f3), model.GroupStores: rgb(0xfdf5e8),
	}
	p.Stroke = map[model.Group]color.Color{
		model.GroupPeople: rgb(0x3b6ea5), model.GroupAI: rgb(0x6a4bbd),
		model.GroupProcesses: rgb(0x2d8067), model.GroupStores: rgb(0xa86b12),
	}
	p.Boundary = map[model.BoundaryKind]color.Color{
		model.BoundaryInternet: rgb(0xc4352b), model.BoundaryOrganisation: rgb(0x3566ad),
		model.BoundaryTenant: rgb(0x0f7f81), model.BoundaryVendor: rgb(0xb85d12),
		model.BoundarySandbox: rgb(0x6d5fa8),
	}
}

func darkAccents(p *Palette) {
	p.Flow = rgb(0x9aa5b1)
	p.FlowCross = rgb(0xf0776c)
	p.LabelFill = withAlpha(p.Background, 0xee)
	p.Fill = map[model.Group]color.Color{
		model.GroupPeople: rgb(0x1e2836), model.GroupAI: rgb(0x272238),
		model.GroupProcesses: rgb(0x1b2d28), model.GroupStores: rgb(0x302718),
	}
	p.Stroke = map[model.Group]color.Color{
		model.GroupPeople: rgb(0x86acd9), model.GroupAI: rgb(0xad95f0),
		model.GroupProcesses: rgb(0x6cc3a6), model.GroupStores: rgb(0xe0b35e),
	}
	p.Boundary = map[model.BoundaryKind]color.Color{
		model.BoundaryInternet: rgb(0xf0776c), model.BoundaryOrganisation: rgb(0x7fa6e6),
		model.BoundaryTenant: rgb(0x5cc8c9), model.BoundaryVendor: rgb(0xf0a15c),
		model.BoundarySandbox: rgb(0xb1a5ee),
	}
}

// isDark reports whether c is a dark colour (relative luminance below
// one half).
func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) < 0.5*0xffff
}

func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

// group returns the palette group of a kind (processes for unknown kinds).
func group(k model.Kind) model.Group {
	if info, ok := model.LookupKind(k); ok {
		return info.Group
	}
	return model.GroupProcesses
}

// boundaryColour returns the colour of a boundary kind, muted text for an
// unknown kind.
func (p Palette) boundaryColour(k model.BoundaryKind) color.Color {
	if c, ok := p.Boundary[k]; ok {
		return c
	}
	return p.Muted
}

// badgeColour colours a badge by the score band of its highest score.
func (p Palette) badgeColour(score int, s model.Scoring) color.Color {
	i := s.BandIndex(score)
	if i < 0 || len(s.Bands) == 0 {
		return p.Unscored
	}
	if len(s.Bands) == 1 {
		return p.Bands[len(p.Bands)-1]
	}
	at := i * (len(p.Bands) - 1) / (len(s.Bands) - 1)
	return p.Bands[at]
}

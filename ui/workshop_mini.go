package ui

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/ui/diagram"
)

// miniMargin is the space around the miniature's drawing, in diagram
// units; miniScale is the picture's pixels per diagram unit (the picture
// is shown at a third of the diagram's size or less, and drawing it costs
// in proportion to its pixels).
const (
	miniMargin = 16
	miniScale  = 0.6
)

// miniHighlight is the colour that marks the element under discussion: a
// strong orange that reads on the light picture, on a projector too.
var miniHighlight = color.NRGBA{R: 0xf0, G: 0x6a, B: 0x00, A: 0xff}

// workshopMini is a miniature of the diagram, not interactive, with the
// element under discussion marked. The picture is drawn once per diagram
// (through ui/diagram's PNG renderer) and the mark moves over it.
type workshopMini struct {
	widget.BaseWidget
	img  *canvas.Image
	mark *canvas.Rectangle
	// drawn is the project the picture shows (geometry and names only
	// matter); frame is the picture's area and nodes the element boxes, in
	// diagram units.
	drawn  *model.Project
	frame  diagram.Rect
	nodes  map[string]diagram.Rect
	marked string
	gen    int
	// onError hears why a picture could not be drawn.
	onError func(error)
}

func newWorkshopMini() *workshopMini {
	m := &workshopMini{img: canvas.NewImageFromImage(nil), nodes: map[string]diagram.Rect{}}
	m.img.FillMode = canvas.ImageFillContain
	m.img.ScaleMode = canvas.ImageScaleSmooth
	m.mark = canvas.NewRectangle(faded(miniHighlight, 0x40))
	m.mark.StrokeColor = miniHighlight
	m.mark.StrokeWidth = 4
	m.mark.CornerRadius = 4
	m.mark.Hide()
	m.ExtendBaseWidget(m)
	return m
}

// show draws p, unless the picture already shows the same diagram. A
// diagram without positions is laid out first, off the UI goroutine.
func (m *workshopMini) show(p *model.Project, background func(func())) {
	if m.drawn != nil && sameDrawing(m.drawn, p) {
		return
	}
	m.drawn = p
	m.gen++
	gen := m.gen
	if !diagram.NeedsLayout(p) {
		m.draw(p)
		return
	}
	background(func() {
		placed := p
		if c, err := diagram.Layout(context.Background(), p); err == nil {
			placed = p.Clone()
			if _, err := placed.Apply(c); err != nil {
				placed = p
			}
		}
		fyne.Do(func() {
			if gen == m.gen {
				m.draw(placed)
			}
		})
	})
}

// sameDrawing reports whether two projects draw the same diagram.
func sameDrawing(a, b *model.Project) bool {
	return reflect.DeepEqual(a.Elements, b.Elements) && reflect.DeepEqual(a.Flows, b.Flows) &&
		reflect.DeepEqual(a.Boundaries, b.Boundaries)
}

// draw renders the picture of a placed project and notes where its
// elements are.
func (m *workshopMini) draw(p *model.Project) {
	img, err := miniPicture(p)
	if err != nil && m.onError != nil {
		m.onError(err) // the agenda still names the element; the picture stays empty
	}
	s := diagram.NewScene(p, nil)
	b := s.Bounds
	m.frame = diagram.Rect{X: b.X - miniMargin, Y: b.Y - miniMargin, W: b.W + 2*miniMargin, H: b.H + 2*miniMargin}
	clear(m.nodes)
	for _, e := range p.Elements {
		if g, ok := s.Node(e.ID); ok {
			m.nodes[e.ID] = g.Rect
		}
	}
	m.img.Image = img
	m.img.Refresh()
	m.Refresh()
}

func miniPicture(p *model.Project) (image.Image, error) {
	data, err := diagram.RenderPNG(p, diagram.RenderOptions{Scale: miniScale, Margin: miniMargin, MaxPixels: 2400})
	if err != nil {
		return nil, fmt.Errorf("draw the miniature of %q: %w", p.Meta.Name, err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read the miniature of %q: %w", p.Meta.Name, err)
	}
	return img, nil
}

// highlight marks an element ("" or an unknown id marks none).
func (m *workshopMini) highlight(id string) {
	m.marked = id
	m.Refresh()
}

// markRect is where the mark goes for a widget of the given size: the
// element's box scaled as the picture is (contained and centred), grown a
// little so the mark does not hide the box's own outline.
func (m *workshopMini) markRect(size fyne.Size) (fyne.Position, fyne.Size, bool) {
	r, ok := m.nodes[m.marked]
	if !ok || m.frame.W <= 0 || m.frame.H <= 0 || m.img.Image == nil {
		return fyne.Position{}, fyne.Size{}, false
	}
	k := min(float64(size.Width)/m.frame.W, float64(size.Height)/m.frame.H)
	ox := (float64(size.Width) - m.frame.W*k) / 2
	oy := (float64(size.Height) - m.frame.H*k) / 2
	const grow = 6
	pos := fyne.NewPos(float32(ox+(r.X-m.frame.X)*k-grow), float32(oy+(r.Y-m.frame.Y)*k-grow))
	return pos, fyne.NewSize(float32(r.W*k+2*grow), float32(r.H*k+2*grow)), true
}

// CreateRenderer draws the picture on a light card and the mark over it.
func (m *workshopMini) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(diagram.LightPalette().Background)
	bg.CornerRadius = theme.InputRadiusSize()
	return &miniRenderer{m: m, bg: bg}
}

type miniRenderer struct {
	m  *workshopMini
	bg *canvas.Rectangle
}

func (r *miniRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.m.img.Resize(size)
	pos, s, ok := r.m.markRect(size)
	r.m.mark.Hidden = !ok
	r.m.mark.Move(pos)
	r.m.mark.Resize(s)
}

func (r *miniRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 120) }

func (r *miniRenderer) Refresh() {
	r.Layout(r.m.Size())
	r.m.mark.Refresh()
	r.bg.Refresh()
}

func (r *miniRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.m.img, r.m.mark}
}

func (r *miniRenderer) Destroy() {}

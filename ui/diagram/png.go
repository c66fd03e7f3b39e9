package diagram

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"log"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"

	"airisk/model"
)

// RenderOptions tune a picture of the diagram.
type RenderOptions struct {
	// Badges adds findings badges; nil draws none.
	Badges map[string]Badge
	// Scale is the number of PNG pixels per diagram unit (default 2, for
	// sharp print). It is lowered when the picture would exceed MaxPixels.
	Scale float32
	// MaxPixels caps the width and the height of a PNG (default 6000).
	MaxPixels int
	// Margin is the space around the drawing in diagram units (default 32).
	Margin float64
	// NoLegend leaves out the key under the drawing.
	NoLegend bool
}

func (o RenderOptions) withDefaults() RenderOptions {
	if o.Scale <= 0 {
		o.Scale = 2
	}
	if o.MaxPixels <= 0 {
		o.MaxPixels = 6000
	}
	if o.Margin <= 0 {
		o.Margin = 32
	}
	return o
}

// renderMu serialises off-screen rendering: Fyne's font caches are shared.
var renderMu sync.Mutex

// RenderPNG draws the diagram of p as a PNG image in the light palette,
// with the same canvas objects as the editor, through Fyne's software
// painter. It needs no window; in a program without a Fyne app (the CLI) it
// starts Fyne's in-memory app first. A project whose elements have no
// positions yet is auto-laid out for the picture (see NeedsLayout).
func RenderPNG(p *model.Project, opt RenderOptions) ([]byte, error) {
	opt = opt.withDefaults()
	p, err := placedForPicture(p)
	if err != nil {
		return nil, err
	}
	ensureApp()
	renderMu.Lock()
	defer renderMu.Unlock()
	obj, size := Picture(p, opt.Badges, LightPalette(), opt.Margin, !opt.NoLegend)
	scale := opt.Scale
	if longest := math.Max(float64(size.Width), float64(size.Height)); longest*float64(scale) > float64(opt.MaxPixels) {
		scale = float32(float64(opt.MaxPixels) / longest)
	}
	cv := software.NewCanvas()
	cv.SetPadded(false)
	cv.SetScale(scale)
	cv.SetContent(obj)
	cv.Resize(size)
	var buf bytes.Buffer
	if err := png.Encode(&buf, cv.Capture()); err != nil {
		return nil, fmt.Errorf("encode the diagram of %q as PNG: %w", p.Meta.Name, err)
	}
	return buf.Bytes(), nil
}

var appOnce sync.Once

// ensureApp makes sure a Fyne app exists, which Fyne's text measuring
// needs. The desktop app has one already. fyne.CurrentApp logs a complaint
// when there is none, so the check runs once with the log silenced.
func ensureApp() {
	appOnce.Do(func() {
		out := log.Writer()
		log.SetOutput(io.Discard)
		current := fyne.CurrentApp()
		log.SetOutput(out)
		if current == nil {
			test.NewApp()
		}
	})
}

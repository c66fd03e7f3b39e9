package diagram

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"sync"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

	"airisk/model"
)

// iconPixels is the side of the pictures the editor draws its icons from:
// a 16-unit icon stays sharp up to 4x zoom.
const iconPixels = 64

var iconImages sync.Map // "name#rrggbbaa" -> image.Image

// kindIconImage returns the icon of kind k in colour c as a picture. It is
// drawn once per kind and colour and shared by every element, so zooming
// a large diagram scales textures instead of rasterising an SVG for each
// element at each step. Fyne's SVG rasteriser (oksvg and rasterx, already
// in the build through Fyne) draws it. A broken icon gives an empty picture
// rather than none.
func kindIconImage(k model.Kind, c color.Color) image.Image {
	key := iconName(k) + "#" + hexColor(c)
	if img, ok := iconImages.Load(key); ok {
		return img.(image.Image)
	}
	var img image.Image = image.NewRGBA(image.Rect(0, 0, iconPixels, iconPixels))
	if drawn, err := rasterIcon(KindIcon(k, c).Content(), iconPixels); err == nil {
		img = drawn
	}
	iconImages.Store(key, img)
	return img
}

// rasterIcon draws a square SVG icon at side pixels.
func rasterIcon(svg []byte, side int) (img *image.RGBA, err error) {
	icon, err := oksvg.ReadIconStream(bytes.NewReader(svg))
	if err != nil {
		return nil, fmt.Errorf("read icon: %w", err)
	}
	icon.SetTarget(0, 0, float64(side), float64(side))
	img = image.NewRGBA(image.Rect(0, 0, side, side))
	defer func() {
		if r := recover(); r != nil { // the rasteriser panics on some malformed paths
			err = fmt.Errorf("draw icon: %v", r)
		}
	}()
	icon.Draw(rasterx.NewDasher(side, side, rasterx.NewScannerGV(side, side, img, img.Bounds())), 1)
	return img, nil
}

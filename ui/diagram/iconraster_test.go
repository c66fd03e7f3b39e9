package diagram

import (
	"image"
	"image/color"
	"testing"

	"airisk/model"
)

// TestKindIconImages checks that every kind's icon rasterises: a shared
// picture of the right size, drawn in the colour asked for, the same
// picture for a second element of the kind.
func TestKindIconImages(t *testing.T) {
	want := color.NRGBA{R: 0x20, G: 0x60, B: 0xc0, A: 0xff}
	for _, info := range model.Kinds {
		t.Run(string(info.Kind), func(t *testing.T) {
			img := kindIconImage(info.Kind, want)
			if got := img.Bounds().Size(); got != image.Pt(iconPixels, iconPixels) {
				t.Fatalf("got size %v, want %dx%d", got, iconPixels, iconPixels)
			}
			if got := opaqueInColour(img, want); got < 20 {
				t.Errorf("got %d fully drawn pixels in the icon's colour, want at least 20", got)
			}
			if again := kindIconImage(info.Kind, want); again != img {
				t.Error("got a new picture for the same kind and colour, want the shared one")
			}
		})
	}
}

func TestRasterIconRejectsBrokenSVG(t *testing.T) {
	for name, svg := range map[string]string{
		"not svg":   "plain text",
		"truncated": `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1 L`,
	} {
		t.Run(name, func(t *testing.T) {
			if img, err := rasterIcon([]byte(svg), 16); err == nil && opaqueInColour(img, color.Black) > 0 {
				t.Errorf("got a drawn picture from %q, want an error or nothing drawn", svg)
			}
		})
	}
}

// opaqueInColour counts the fully opaque pixels of img that have colour c.
func opaqueInColour(img image.Image, c color.Color) int {
	want := color.NRGBAModel.Convert(c).(color.NRGBA)
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) == want {
				n++
			}
		}
	}
	return n
}

package ui

import (
	"image/color"

	"airisk/model"
)

// bandRamp runs from the lowest rating band to the highest. Projects may
// define any number of bands; bandColor spreads them over the ramp.
// The four main colours are those of the diagram's badges.
var bandRamp = []color.NRGBA{
	{R: 0x2f, G: 0x9e, B: 0x44, A: 0xff}, // green
	{R: 0x94, G: 0xb0, B: 0x1e, A: 0xff}, // yellow-green
	{R: 0xd8, G: 0x9c, B: 0x00, A: 0xff}, // amber
	{R: 0xe8, G: 0x59, B: 0x0c, A: 0xff}, // orange
	{R: 0xc9, G: 0x2a, B: 0x2a, A: 0xff}, // red
}

// neutral is used for unscored items.
var neutral = color.NRGBA{R: 0x90, G: 0x90, B: 0x90, A: 0xff}

// bandColor returns the colour of band i out of n; -1 (unscored) is grey.
func bandColor(i, n int) color.NRGBA {
	switch {
	case i < 0 || n <= 0:
		return neutral
	case n == 1:
		return bandRamp[len(bandRamp)-1]
	case n == 2:
		return [...]color.NRGBA{bandRamp[0], bandRamp[4]}[min(i, 1)]
	case n == 3:
		return [...]color.NRGBA{bandRamp[0], bandRamp[2], bandRamp[4]}[min(i, 2)]
	case n == 4:
		return [...]color.NRGBA{bandRamp[0], bandRamp[2], bandRamp[3], bandRamp[4]}[min(i, 3)]
	}
	j := i * (len(bandRamp) - 1) / (n - 1)
	return bandRamp[min(j, len(bandRamp)-1)]
}

// scoreColor returns the band colour of a score under a scoring scheme.
func scoreColor(s model.Scoring, score int) color.NRGBA {
	return bandColor(s.BandIndex(score), len(s.Bands))
}

// textOn returns black or white, whichever reads better on c.
func textOn(c color.NRGBA) color.NRGBA {
	// Perceived brightness (ITU-R BT.601).
	y := (299*int(c.R) + 587*int(c.G) + 114*int(c.B)) / 1000
	if y > 150 {
		return color.NRGBA{A: 0xff}
	}
	return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
}

// faded returns c with the given alpha, for backgrounds that must not
// shout.
func faded(c color.NRGBA, alpha uint8) color.NRGBA {
	c.A = alpha
	return c
}

package report

import "airisk/model"

// The band colours match the app's (ui/colors.go): a ramp from green to red
// over which a scheme's bands are spread, grey for unscored items. They are
// repeated here because this package must not import ui.
var ramp = [5]string{"#2e7d32", "#7cb342", "#f9a825", "#ef6c00", "#c62828"}

const neutralColour = "#909090"

// rampIndex returns the ramp position of band i out of n, -1 for unscored.
func rampIndex(i, n int) int {
	switch {
	case i < 0 || n <= 0:
		return -1
	case n == 1:
		return 4
	case n == 2:
		return [...]int{0, 4}[min(i, 1)]
	case n == 3:
		return [...]int{0, 2, 4}[min(i, 2)]
	case n == 4:
		return [...]int{0, 2, 3, 4}[min(i, 3)]
	}
	return min(i*(len(ramp)-1)/(n-1), len(ramp)-1)
}

// swatch is how a score is coloured: the fill, the ink that reads on it, and
// the CSS class carrying both in the HTML.
type swatch struct {
	Fill, Ink, Class string
}

// bandSwatch returns the swatch of band i of scheme s (-1: unscored).
func bandSwatch(s model.Scoring, i int) swatch {
	j := rampIndex(i, len(s.Bands))
	if j < 0 {
		return swatch{Fill: neutralColour, Ink: "#000000", Class: "rn"}
	}
	ink := "#ffffff"
	if j == 2 {
		ink = "#000000" // amber is too light for white text
	}
	return swatch{Fill: ramp[j], Ink: ink, Class: "r" + string(rune('0'+j))}
}

// scoreSwatch returns the swatch of a score under scheme s.
func scoreSwatch(s model.Scoring, score int) swatch { return bandSwatch(s, s.BandIndex(score)) }

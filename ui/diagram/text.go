package diagram

import (
	"strings"
	"unicode/utf8"
)

// Advance widths of the printable ASCII characters (32..126) in hundredths
// of an em, measured from Fyne's default text font (regular and bold). The
// geometry wraps labels with them so the editor, the PNG and the SVG break
// lines at the same places without asking a font engine.
var (
	advanceRegular = [95]uint8{
		26, 27, 41, 65, 57, 83, 73, 23, 30, 30, 55, 57, 27, 32, 27, 37,
		57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 27, 27, 57, 57, 57, 43,
		90, 64, 65, 63, 73, 56, 52, 73, 74, 34, 27, 62, 52, 91, 76, 78,
		61, 78, 62, 55, 56, 73, 60, 93, 59, 57, 57, 33, 37, 33, 57, 44,
		28, 56, 62, 48, 62, 56, 34, 62, 62, 26, 26, 53, 26, 94, 62, 61,
		62, 62, 41, 48, 36, 62, 51, 79, 53, 51, 47, 38, 55, 38, 57,
	}
	advanceBold = [95]uint8{
		26, 29, 47, 65, 57, 90, 75, 27, 34, 34, 55, 57, 29, 32, 29, 41,
		57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 29, 29, 57, 57, 57, 48,
		90, 69, 67, 64, 74, 56, 55, 72, 77, 39, 33, 66, 57, 94, 81, 80,
		63, 80, 66, 55, 58, 76, 65, 97, 67, 62, 58, 33, 41, 33, 57, 41,
		36, 60, 63, 51, 63, 59, 39, 63, 66, 31, 31, 62, 31, 98, 66, 62,
		63, 63, 45, 50, 43, 66, 57, 86, 58, 57, 49, 39, 55, 39, 57,
	}
)

// lineHeight is the height of one line of text as a multiple of its size.
const lineHeight = 1.36

// otherAdvance is the width assumed for characters outside ASCII; generous,
// so wrapped text rather overflows less than more.
const otherAdvance = 62

// TextWidth estimates the width of s set at the given size.
func TextWidth(s string, size float64, bold bool) float64 {
	table := &advanceRegular
	if bold {
		table = &advanceBold
	}
	total := 0
	for _, r := range s {
		switch {
		case r >= 32 && r < 127:
			total += int(table[r-32])
		case r == '\t':
			total += 4 * int(table[0])
		default:
			total += otherAdvance
		}
	}
	return float64(total) * size / 100
}

// Wrap breaks s into at most maxLines lines no wider than maxWidth at the
// given size, breaking at spaces where it can and inside words where it must.
// When the text does not fit, the last line ends with an ellipsis.
func Wrap(s string, size, maxWidth float64, bold bool, maxLines int) []string {
	words := strings.Fields(s)
	if len(words) == 0 || maxLines < 1 {
		return nil
	}
	var lines []string
	cur := ""
	for i := 0; i < len(words); i++ {
		w := words[i]
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		switch {
		case TextWidth(try, size, bold) <= maxWidth:
			cur = try
			continue
		case cur == "":
			head, rest := splitToFit(w, size, maxWidth, bold)
			lines = append(lines, head)
			words[i] = rest
			i--
		default:
			lines = append(lines, cur)
			cur = ""
			i--
		}
		if len(lines) == maxLines {
			return ellipsize(lines, size, maxWidth, bold)
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// splitToFit cuts a word that is too wide for a line into a head that fits
// (at least one character) and the rest.
func splitToFit(w string, size, maxWidth float64, bold bool) (string, string) {
	cut := 0
	for i, r := range w {
		next := i + utf8.RuneLen(r)
		if cut > 0 && TextWidth(w[:next], size, bold) > maxWidth {
			break
		}
		cut = next
	}
	return w[:cut], w[cut:]
}

// ellipsize marks the last of lines as cut short, trimming it until the
// ellipsis fits.
func ellipsize(lines []string, size, maxWidth float64, bold bool) []string {
	last := lines[len(lines)-1]
	for last != "" && TextWidth(last+"…", size, bold) > maxWidth {
		_, n := utf8.DecodeLastRuneInString(last)
		last = strings.TrimRight(last[:len(last)-n], " ")
	}
	lines[len(lines)-1] = last + "…"
	return lines
}

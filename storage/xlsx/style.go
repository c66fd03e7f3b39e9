package xlsx

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// Colours of the workbook, as RGB hex without '#'.
const (
	colourHeader     = "1F4E78" // read-only headings: dark blue
	colourHeaderEdit = "375623" // editable headings: dark green
	colourBorder     = "8EA9C1"
	colourNote       = "595959"
)

// bandAnchors are the band colours from lowest to highest risk: green,
// yellow, orange, red. Schemes with another number of bands get colours
// interpolated along the same scale.
var bandAnchors = [][3]float64{{0xA9, 0xD0, 0x8E}, {0xFF, 0xE6, 0x99}, {0xF4, 0xB1, 0x83}, {0xFF, 0x7C, 0x80}}

// bandColours returns one fill colour per band, from low to high.
func bandColours(n int) []string {
	out := make([]string, n)
	for i := range out {
		t := 0.0
		if n > 1 {
			t = float64(i) / float64(n-1)
		}
		out[i] = interpolate(t)
	}
	return out
}

func interpolate(t float64) string {
	pos := t * float64(len(bandAnchors)-1)
	i := int(pos)
	if i >= len(bandAnchors)-1 {
		i = len(bandAnchors) - 2
	}
	frac := pos - float64(i)
	a, b := bandAnchors[i], bandAnchors[i+1]
	var rgb [3]int
	for k := range rgb {
		rgb[k] = int(a[k] + (b[k]-a[k])*frac + 0.5)
	}
	return fmt.Sprintf("%02X%02X%02X", rgb[0], rgb[1], rgb[2])
}

// styles holds the style ids of one workbook.
type styles struct {
	header, headerEdit int // headings of tables
	text               int // wrapped text, top aligned
	center             int // short values and numbers, centred
	date, dateTime     int // ISO-looking dates
	dateTimeLeft       int // the same, left aligned for key/value sheets
	title, subtitle    int
	note               int   // small grey explanatory text
	label              int   // bold label of a key/value sheet
	axis               int   // heat map axis labels
	bandCell           []int // band colour fills for heat maps and legends
	bandDxf            []int // the same colours for conditional formats
	warnDxf            int   // "Yes" in Above appetite
}

func newStyles(f *excelize.File, bands int) (*styles, error) {
	s := &styles{}
	var err error
	border := []excelize.Border{
		{Type: "left", Color: colourBorder, Style: 1}, {Type: "right", Color: colourBorder, Style: 1},
		{Type: "top", Color: colourBorder, Style: 1}, {Type: "bottom", Color: colourBorder, Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	centre := &excelize.Alignment{Vertical: "top", Horizontal: "center", WrapText: true}
	isoDate, isoDateTime := "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	defs := []struct {
		id *int
		st *excelize.Style
	}{
		{&s.header, headerStyle(colourHeader, border)},
		{&s.headerEdit, headerStyle(colourHeaderEdit, border)},
		{&s.text, &excelize.Style{Alignment: top}},
		{&s.center, &excelize.Style{Alignment: centre}},
		{&s.date, &excelize.Style{Alignment: centre, CustomNumFmt: &isoDate}},
		{&s.dateTime, &excelize.Style{Alignment: centre, CustomNumFmt: &isoDateTime}},
		{&s.dateTimeLeft, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, CustomNumFmt: &isoDateTime}},
		{&s.title, &excelize.Style{Font: font(true, false, 16, colourHeader)}},
		{&s.subtitle, &excelize.Style{Font: font(true, false, 12, colourHeader), Alignment: &excelize.Alignment{Vertical: "bottom"}}},
		{&s.note, &excelize.Style{Font: font(false, true, 0, colourNote), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.label, &excelize.Style{Font: font(true, false, 0, ""), Alignment: top}},
		{&s.axis, &excelize.Style{Font: font(true, false, 0, ""), Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center", WrapText: true}}},
	}
	for _, d := range defs {
		if *d.id, err = f.NewStyle(d.st); err != nil {
			return nil, fmt.Errorf("create style: %w", err)
		}
	}
	return s, s.addBands(f, bands, border)
}

func headerStyle(fill string, border []excelize.Border) *excelize.Style {
	return &excelize.Style{
		Font:      font(true, false, 0, "FFFFFF"),
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}},
		Border:    border,
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
	}
}

// addBands creates the band fills, both as cell styles and as conditional
// format styles, and the warning format.
func (s *styles) addBands(f *excelize.File, n int, border []excelize.Border) error {
	for _, colour := range bandColours(n) {
		fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
		cell, err := f.NewStyle(&excelize.Style{Fill: fill, Border: border,
			Font:      font(true, false, 12, ""),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
		if err != nil {
			return fmt.Errorf("create band style: %w", err)
		}
		dxf, err := f.NewConditionalStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}})
		if err != nil {
			return fmt.Errorf("create band format: %w", err)
		}
		s.bandCell, s.bandDxf = append(s.bandCell, cell), append(s.bandDxf, dxf)
	}
	var err error
	s.warnDxf, err = f.NewConditionalStyle(&excelize.Style{Font: font(true, false, 0, "9C0006")})
	if err != nil {
		return fmt.Errorf("create appetite format: %w", err)
	}
	return nil
}

// font is the workbook font (Calibri, as Excel's default) with the given
// emphasis; size 0 is the default 11 points, colour "" the default.
func font(bold, italic bool, size float64, colour string) *excelize.Font {
	if size == 0 {
		size = 11
	}
	return &excelize.Font{Family: "Calibri", Bold: bold, Italic: italic, Size: size, Color: colour}
}

func itoa(n int) string { return strconv.Itoa(n) }

package diagram

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"airisk/model"
)

// svgFonts names fonts every system has something of; nothing is fetched.
const svgFonts = "'Noto Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"

// RenderSVG draws the diagram of p as a standalone SVG document in the
// light palette, from the same geometry as the editor and the PNG: text is
// real text, there are no scripts, no external references and no web
// fonts. Every element and flow carries its full name as a title (a tooltip
// in browsers). A project whose elements have no positions yet is
// auto-laid out for the picture (see NeedsLayout).
func RenderSVG(p *model.Project, opt RenderOptions) ([]byte, error) {
	opt = opt.withDefaults()
	p, err := placedForPicture(p)
	if err != nil {
		return nil, err
	}
	s := NewScene(p, opt.Badges)
	pic := newPictureLayout(s, opt.Badges, !opt.NoLegend)
	w := &svgWriter{pal: LightPalette(), scoring: p.EffectiveScoring(), badges: opt.Badges}
	b := pic.bounds.Inset(-opt.Margin)
	fmt.Fprintf(&w.buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	fmt.Fprintf(&w.buf, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"%s %s %s %s\" font-family=\"%s\" role=\"img\">\n",
		num(b.W), num(b.H), num(b.X), num(b.Y), num(b.W), num(b.H), svgFonts)
	w.printf("<title>%s</title>\n", esc(p.Meta.Name))
	w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"%s/>\n", num(b.X), num(b.Y), num(b.W), num(b.H), fill(w.pal.Background))
	for _, g := range s.Boundaries {
		w.boundary(g)
	}
	for _, f := range s.Flows {
		w.flowLine(f)
	}
	for _, f := range s.Flows {
		w.flowLabel(f)
	}
	for _, n := range s.Nodes {
		w.node(n)
	}
	for _, e := range pic.legend {
		w.legendEntry(e)
	}
	if pic.empty != (Rect{}) {
		w.text(emptyText, pic.empty, 14, w.pal.Muted, false, false)
	}
	w.printf("</svg>\n")
	return w.buf.Bytes(), nil
}

type svgWriter struct {
	buf     bytes.Buffer
	pal     Palette
	scoring model.Scoring
	badges  map[string]Badge
}

func (w *svgWriter) printf(format string, args ...any) { fmt.Fprintf(&w.buf, format, args...) }

func (w *svgWriter) boundary(g BoundaryGeom) {
	c := w.pal.boundaryColour(g.Kind)
	r := g.Rect
	w.printf("<g>\n<title>%s</title>\n", esc(g.Name))
	w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"6\"%s/>\n", num(r.X), num(r.Y), num(r.W), num(r.H), fill(withAlpha(c, 0x0c)))
	w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"none\"%s stroke-width=\"1.6\" stroke-dasharray=\"9 5\"/>\n",
		num(r.X), num(r.Y), num(r.W), num(r.H), stroke(c))
	w.text(g.Text, g.Label, BoundarySize, c, true, false)
	w.printf("</g>\n")
}

func (w *svgWriter) flowLine(f FlowGeom) {
	c, width := w.pal.Flow, 1.4
	if f.Crosses {
		c, width = w.pal.FlowCross, 1.8
	}
	n := len(f.Points)
	tri, base := arrowHead(f.Points[n-2], f.Points[n-1])
	pts := append(append([]Point{}, f.Points[:n-1]...), base)
	w.printf("<g>\n<title>%s</title>\n", esc(f.Name))
	w.printf("<polyline points=\"%s\" fill=\"none\"%s stroke-width=\"%s\" stroke-linejoin=\"round\"/>\n", points(pts), stroke(c), num(width))
	w.printf("<polygon points=\"%s\"%s/>\n", points(tri[:]), fill(c))
	w.printf("</g>\n")
}

func (w *svgWriter) flowLabel(f FlowGeom) {
	if len(f.Lines) > 0 {
		r := f.Label
		w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"3\"%s/>\n", num(r.X), num(r.Y), num(r.W), num(r.H), fill(w.pal.LabelFill))
		lh := FlowLabelSize * lineHeight
		for i, line := range f.Lines {
			w.text(line, Rect{r.X, r.Y + 1 + lh*float64(i), r.W, lh}, FlowLabelSize, w.pal.Text, false, true)
		}
	}
	if b := w.badges[f.ID]; b.Count > 0 {
		w.badge(b, f.Badge)
	}
}

func (w *svgWriter) node(n NodeGeom) {
	gr := group(n.Kind)
	fc, sc := w.pal.Fill[gr], w.pal.Stroke[gr]
	r := n.Rect
	w.printf("<g>\n<title>%s (%s)</title>\n", esc(n.Name), esc(n.Kind.Name()))
	switch n.Shape {
	case model.ShapeStore:
		w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"%s/>\n", num(r.X), num(r.Y), num(r.W), num(r.H), fill(fc))
		w.printf("<path d=\"M%s %sH%sM%s %sH%s\" fill=\"none\"%s stroke-width=\"2\"/>\n",
			num(r.X), num(r.Y), num(r.X+r.W), num(r.X), num(r.Y+r.H), num(r.X+r.W), stroke(sc))
	default:
		radius := 2.0
		if n.Shape == model.ShapeProcess {
			radius = 14
		}
		w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"%s\"%s%s stroke-width=\"1.5\"/>\n",
			num(r.X), num(r.Y), num(r.W), num(r.H), num(radius), fill(fc), stroke(sc))
	}
	hex, _ := svgColour(sc)
	body := strings.ReplaceAll(iconBody(n.Kind), "currentColor", hex)
	w.printf("<g transform=\"translate(%s %s) scale(%s)\">%s</g>\n", num(r.X+nodePad), num(r.Y+5), num(iconSize/24), body)
	w.text(n.Kind.Name(), Rect{r.X + nodePad + iconSize + 5, r.Y + 5, r.W - 2*nodePad - iconSize - 5, iconSize}, KindSize, w.pal.Muted, false, false)
	for i, line := range n.Lines {
		w.text(line, nameLineRect(n, i), NameSize, w.pal.Text, false, true)
	}
	if b := w.badges[n.ID]; b.Count > 0 {
		w.badge(b, n.Badge)
	}
	w.printf("</g>\n")
}

func (w *svgWriter) legendEntry(e legendEntry) {
	r := e.sample
	mid := r.Y + r.H/2
	switch e.swatch {
	case swatchBoundary:
		w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"none\"%s stroke-width=\"1.6\" stroke-dasharray=\"5 3\"/>\n",
			num(r.X), num(r.Y), num(r.W), num(r.H), stroke(w.pal.boundaryColour(model.BoundaryOrganisation)))
	case swatchBadge:
		w.badgeWith(Badge{Count: 3, Score: 20}, badgeRect(r.Centre(), 3), defaultScoring)
	default:
		w.flowLine(FlowGeom{Points: []Point{{r.X, mid}, {r.X + r.W, mid}}, Crosses: e.swatch == swatchCrossing})
	}
	w.text(e.text, e.label, legendSize, w.pal.Text, false, false)
}

func (w *svgWriter) badge(b Badge, r Rect) { w.badgeWith(b, r, w.scoring) }

func (w *svgWriter) badgeWith(b Badge, r Rect, scoring model.Scoring) {
	w.printf("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"%s\"%s%s stroke-width=\"1.5\"/>\n",
		num(r.X), num(r.Y), num(r.W), num(r.H), num(r.H/2), fill(w.pal.badgeColour(b.Score, scoring)), stroke(w.pal.Background))
	w.text(badgeText(b.Count), r, BadgeSize, w.pal.BadgeText, true, true)
}

// text writes one line of text in box r the way Fyne places it: centred
// vertically, leading or centred horizontally.
func (w *svgWriter) text(s string, r Rect, size float64, c color.Color, bold, centre bool) {
	if s == "" {
		return
	}
	x, anchor := r.X, ""
	if centre {
		x, anchor = r.X+r.W/2, " text-anchor=\"middle\""
	}
	baseline := r.Y + (r.H-lineHeight*size)/2 + 1.07*size
	weight := ""
	if bold {
		weight = " font-weight=\"bold\""
	}
	w.printf("<text x=\"%s\" y=\"%s\" font-size=\"%s\"%s%s%s>%s</text>\n", num(x), num(baseline), num(size), weight, anchor, fill(c), esc(s))
}

// num writes a coordinate with at most one decimal.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

func points(pts []Point) string {
	parts := make([]string, len(pts))
	for i, p := range pts {
		parts[i] = num(p.X) + "," + num(p.Y)
	}
	return strings.Join(parts, " ")
}

// svgColour splits c into an #rrggbb colour and an opacity ("" when
// opaque), which every SVG reader understands.
func svgColour(c color.Color) (hex, opacity string) {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	hex = fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
	if n.A != 0xff {
		opacity = strconv.FormatFloat(float64(n.A)/255, 'f', 3, 64)
	}
	return hex, opacity
}

func fill(c color.Color) string {
	hex, op := svgColour(c)
	if op != "" {
		return fmt.Sprintf(" fill=\"%s\" fill-opacity=\"%s\"", hex, op)
	}
	return fmt.Sprintf(" fill=\"%s\"", hex)
}

func stroke(c color.Color) string {
	hex, op := svgColour(c)
	if op != "" {
		return fmt.Sprintf(" stroke=\"%s\" stroke-opacity=\"%s\"", hex, op)
	}
	return fmt.Sprintf(" stroke=\"%s\"", hex)
}

// esc escapes text for XML content.
func esc(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return ""
	}
	return b.String()
}

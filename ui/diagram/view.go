package diagram

import (
	"math"

	"fyne.io/fyne/v2"
)

// view maps diagram coordinates to the coordinates of a Fyne canvas:
// screen = diagram x zoom + offset.
type view struct {
	zoom float64
	off  Point
}

func (v view) pos(p Point) fyne.Position {
	return fyne.NewPos(float32(p.X*v.zoom+v.off.X), float32(p.Y*v.zoom+v.off.Y))
}

func (v view) size(w, h float64) fyne.Size {
	return fyne.NewSize(float32(w*v.zoom), float32(h*v.zoom))
}

func (v view) len(d float64) float32 { return float32(d * v.zoom) }

// stroke is a line width that follows the zoom but never vanishes.
func (v view) stroke(w float64) float32 { return float32(math.Max(0.75, w*v.zoom)) }

// toDiagram maps a canvas position back to diagram coordinates.
func (v view) toDiagram(p fyne.Position) Point {
	return Point{(float64(p.X) - v.off.X) / v.zoom, (float64(p.Y) - v.off.Y) / v.zoom}
}

// visible reports whether diagram rectangle r shows on a canvas of the
// given size.
func (v view) visible(r Rect, canvas fyne.Size) bool {
	tl := v.pos(Point{r.X, r.Y})
	br := v.pos(r.Max())
	return br.X >= 0 && br.Y >= 0 && tl.X <= canvas.Width && tl.Y <= canvas.Height
}

// showText reports whether text is worth drawing at this zoom; below it
// labels would be unreadable specks, and skipping them keeps a zoomed-out
// view of a big diagram fast.
func (v view) showText() bool { return v.zoom >= 0.3 }

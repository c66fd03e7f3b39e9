package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// cellWriter writes the small sheets cell by cell through the ordinary
// excelize API, keeping the first error so the layout code reads as a
// list of cells.
type cellWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

// set writes v (nil for an empty, styled cell) with the style, 0 for none.
func (w *cellWriter) set(cell string, v any, style int) {
	if w.err != nil {
		return
	}
	if v != nil {
		if err := w.f.SetCellValue(w.sheet, cell, v); err != nil {
			w.err = fmt.Errorf("write %s: %w", cell, err)
			return
		}
	}
	if style != 0 {
		if err := w.f.SetCellStyle(w.sheet, cell, cell, style); err != nil {
			w.err = fmt.Errorf("style %s: %w", cell, err)
		}
	}
}

// row writes values from the 0-based column col of the 1-based row.
func (w *cellWriter) row(col, row int, style int, values ...any) {
	for i, v := range values {
		w.set(cellName(col+i, row), v, style)
	}
}

func (w *cellWriter) merge(from, to string) {
	if w.err == nil {
		if err := w.f.MergeCell(w.sheet, from, to); err != nil {
			w.err = fmt.Errorf("merge %s:%s: %w", from, to, err)
		}
	}
}

func (w *cellWriter) height(row int, h float64) {
	if w.err == nil {
		if err := w.f.SetRowHeight(w.sheet, row, h); err != nil {
			w.err = fmt.Errorf("set height of row %d: %w", row, err)
		}
	}
}

// width sets the width of the 0-based column i.
func (w *cellWriter) width(i int, wd float64) {
	if w.err == nil {
		if err := w.f.SetColWidth(w.sheet, colName(i), colName(i), wd); err != nil {
			w.err = fmt.Errorf("set width of column %s: %w", colName(i), err)
		}
	}
}

// table makes ref an Excel table with filters and banded rows.
func (w *cellWriter) table(ref, name string) {
	if w.err != nil {
		return
	}
	yes := true
	err := w.f.AddTable(w.sheet, &excelize.Table{Range: ref, Name: name, StyleName: "TableStyleMedium2", ShowRowStripes: &yes})
	if err != nil {
		w.err = fmt.Errorf("add table %s: %w", name, err)
	}
}

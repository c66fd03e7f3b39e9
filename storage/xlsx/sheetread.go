package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// headerSearchRows is how far down a sheet the header row is looked for,
// in case a reviewer added a title above it.
const headerSearchRows = 10

// table reads one sheet of a workbook row by row, finding columns by
// their headings, so reordered or added columns do not matter.
type table struct {
	sheet string         // the sheet's name as the file spells it
	cols  map[string]int // heading key -> 0-based column
	rows  *excelize.Rows
	row   int // the row number of the last row read
}

// openTable finds the sheet named want (any case) and its header row, the
// first row with a "Risk ID" heading. It returns nil, nil when the sheet
// does not exist or has no such row.
func openTable(f *excelize.File, want string) (*table, error) {
	name := ""
	for _, s := range f.GetSheetList() {
		if strings.EqualFold(strings.TrimSpace(s), want) {
			name = s
			break
		}
	}
	if name == "" {
		return nil, nil
	}
	rows, err := f.Rows(name)
	if err != nil {
		return nil, fmt.Errorf("read sheet %s: %w", name, err)
	}
	t := &table{sheet: name, rows: rows}
	for t.row < headerSearchRows {
		cells, ok, err := t.next()
		if err != nil || !ok {
			_ = rows.Close()
			return nil, err
		}
		if t.header(cells) {
			return t, nil
		}
	}
	_ = rows.Close()
	return nil, nil
}

// header records the columns of cells when they include "Risk ID".
func (t *table) header(cells []string) bool {
	cols := make(map[string]int, len(cells))
	for i, c := range cells {
		k := headerKey(c)
		if _, dup := cols[k]; !dup && k != "" {
			cols[k] = i
		}
	}
	if _, ok := cols[headerKey(colRiskID)]; !ok {
		return false
	}
	t.cols = cols
	return true
}

// next reads the next row's raw values (dates as serial numbers); ok is
// false at the end of the sheet.
func (t *table) next() (cells []string, ok bool, err error) {
	if !t.rows.Next() {
		return nil, false, t.rows.Error()
	}
	t.row++
	cells, err = t.rows.Columns(excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, false, fmt.Errorf("read sheet %s row %d: %w", t.sheet, t.row, err)
	}
	return cells, true, nil
}

// has reports whether the sheet has a column headed h.
func (t *table) has(h string) bool {
	_, ok := t.cols[headerKey(h)]
	return ok
}

// get returns the cell under heading h, "" when absent.
func (t *table) get(cells []string, h string) string {
	i, ok := t.cols[headerKey(h)]
	if !ok || i >= len(cells) {
		return ""
	}
	return cells[i]
}

func (t *table) close() { _ = t.rows.Close() }

// blank reports whether every cell is empty.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// stream writes one big sheet as a table: excelize's StreamWriter writes
// the styled, frozen header row, the table, validations and conditional
// formats; the data rows, one per call to add, go to a rowFile that joins
// the sheet when the workbook is packed (see splicingZip).
type stream struct {
	x     *exporter
	sw    *excelize.StreamWriter
	rows  *rowFile
	sheet string
	cols  []column
	row   int // the last row written
}

// openStream prepares sheet for printing and starts its stream with the
// header row; frozen is the number of leading columns kept in view.
func (x *exporter) openStream(sheet string, cols []column, frozen int) (*stream, error) {
	if err := x.pageSetup(sheet, 1); err != nil {
		return nil, err
	}
	sw, err := x.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, fmt.Errorf("start writing: %w", err)
	}
	s := &stream{x: x, sw: sw, sheet: sheet, cols: cols}
	if err := s.setColumns(); err != nil {
		return nil, err
	}
	if err := x.startRows(s); err != nil {
		return nil, err
	}
	if err := s.freeze(frozen); err != nil {
		return nil, err
	}
	head := make([]any, len(cols))
	for i, c := range cols {
		style := x.st.header
		if c.Field != "" {
			style = x.st.headerEdit
		}
		head[i] = excelize.Cell{StyleID: style, Value: c.Header}
	}
	return s, s.add(head, 32)
}

func (s *stream) setColumns() error {
	for i, c := range s.cols {
		if err := s.sw.SetColWidth(i+1, i+1, c.Width); err != nil {
			return fmt.Errorf("set width of column %s: %w", c.Header, err)
		}
		if err := s.sw.SetColStyle(i+1, i+1, s.x.kindStyle(c.Kind)); err != nil {
			return fmt.Errorf("set style of column %s: %w", c.Header, err)
		}
	}
	return nil
}

func (x *exporter) kindStyle(k cellKind) int {
	switch k {
	case kindCenter:
		return x.st.center
	case kindDate:
		return x.st.date
	case kindDateTime:
		return x.st.dateTime
	}
	return x.st.text
}

// freeze keeps the header row and the first frozen columns in view.
func (s *stream) freeze(frozen int) error {
	pane, top := "bottomLeft", cellName(0, 2)
	if frozen > 0 {
		pane, top = "bottomRight", cellName(frozen, 2)
	}
	err := s.sw.SetPanes(&excelize.Panes{
		Freeze: true, XSplit: frozen, YSplit: 1, TopLeftCell: top, ActivePane: pane,
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: pane}},
	})
	if err != nil {
		return fmt.Errorf("freeze the header: %w", err)
	}
	return nil
}

// add writes the next row; height 0 keeps the default height. The header
// row goes through the StreamWriter, which reads it back for the table.
func (s *stream) add(values []any, height float64) error {
	s.row++
	var err error
	if s.row == 1 {
		err = s.sw.SetRow(cellName(0, s.row), values, excelize.RowOpts{Height: height})
	} else {
		err = s.rows.add(s.row, values, height)
	}
	if err != nil {
		return fmt.Errorf("write row %d: %w", s.row, err)
	}
	return nil
}

// startRows gives the stream its row file, which the exporter keeps by
// the sheet's part name for packing and removes when the export ends.
func (x *exporter) startRows(s *stream) error {
	part, err := sheetPart(x.f, s.sheet)
	if err != nil {
		return err
	}
	styles := make([]int, len(s.cols))
	for i, c := range s.cols {
		styles[i] = x.kindStyle(c.Kind)
	}
	if s.rows, err = newRowFile(styles); err != nil {
		return err
	}
	x.rows[part] = s.rows
	return nil
}

// lastRow is the last data row, at least 2 so an empty table still has a
// body row.
func (s *stream) lastRow() int { return max(s.row, 2) }

// columnRange names the data cells of the column headed h ("H2:H101").
func (s *stream) columnRange(h string) string {
	i := columnIndex(s.cols, h)
	return cellName(i, 2) + ":" + cellName(i, s.lastRow())
}

// finish turns the rows into an Excel table with filters and banded rows,
// lets extras add validations and conditional formats (they are lost when
// added after Flush), and flushes the sheet.
func (s *stream) finish(table string, extras func(*stream) error) error {
	if err := s.rows.finish(); err != nil {
		return err
	}
	yes := true
	err := s.sw.AddTable(&excelize.Table{
		Range: "A1:" + cellName(len(s.cols)-1, s.lastRow()), Name: table,
		StyleName: "TableStyleMedium2", ShowRowStripes: &yes,
	})
	if err != nil {
		return fmt.Errorf("add table %s: %w", table, err)
	}
	if extras != nil {
		if err := extras(s); err != nil {
			return err
		}
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("finish writing: %w", err)
	}
	return nil
}

// dropdown adds a list validation to the column headed h.
func (s *stream) dropdown(h string, values []string, prompt string, allowBlank bool) error {
	return addDropdown(s.x.f, s.sheet, s.columnRange(h), h, values, prompt, allowBlank)
}

func addDropdown(f *excelize.File, sheet, ref, title string, values []string, prompt string, allowBlank bool) error {
	dv := excelize.NewDataValidation(allowBlank)
	dv.SetSqref(ref)
	if err := dv.SetDropList(values); err != nil {
		return fmt.Errorf("dropdown for %s: %w", title, err)
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, title, "Choose one of: "+joinStrings(values, ", ")+".")
	if prompt != "" {
		dv.SetInput(title, truncateRunes(prompt, 250))
	}
	if err := f.AddDataValidation(sheet, dv); err != nil {
		return fmt.Errorf("dropdown for %s: %w", title, err)
	}
	return nil
}

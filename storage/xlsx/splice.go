package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"sort"

	"github.com/xuri/excelize/v2"
)

// splicingZip packs the workbook for excelize and puts the rows of each
// big sheet, written apart by a rowFile, into that sheet's part just
// before its </sheetData>. excelize has written the rest of the part (the
// header row, column widths, panes, table, validations, formats), which
// is a few kilobytes, so it is held until the part is complete.
type splicingZip struct {
	zw      *zip.Writer
	rows    map[string]*rowFile // part name -> rows still to put in
	pending *pendingPart
}

// pendingPart is a sheet part being written, whose rows go in once it is
// complete.
type pendingPart struct {
	name string
	w    io.Writer
	buf  bytes.Buffer
	rows *rowFile
}

func newSplicingZip(zw *zip.Writer, rows map[string]*rowFile) *splicingZip {
	left := make(map[string]*rowFile, len(rows))
	for name, rf := range rows {
		left[name] = rf
	}
	return &splicingZip{zw: zw, rows: left}
}

// Create is part of excelize.ZipWriter.
func (z *splicingZip) Create(name string) (io.Writer, error) {
	if err := z.finishPending(); err != nil {
		return nil, err
	}
	w, err := z.zw.Create(name)
	if err != nil {
		return nil, err
	}
	rf, ok := z.rows[name]
	if !ok {
		return w, nil
	}
	delete(z.rows, name)
	z.pending = &pendingPart{name: name, w: w, rows: rf}
	return &z.pending.buf, nil
}

// AddFS is part of excelize.ZipWriter.
func (z *splicingZip) AddFS(fsys fs.FS) error {
	if err := z.finishPending(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close is part of excelize.ZipWriter. Rows that found no part would be
// lost, so they are an error rather than a smaller workbook.
func (z *splicingZip) Close() error {
	if err := z.finishPending(); err != nil {
		return err
	}
	if len(z.rows) > 0 {
		var names []string
		for name := range z.rows {
			names = append(names, name)
		}
		sort.Strings(names)
		return fmt.Errorf("internal error: the rows of %v found no sheet", names)
	}
	return z.zw.Close()
}

// finishPending writes the part held back, with its rows in place.
func (z *splicingZip) finishPending() error {
	p := z.pending
	if p == nil {
		return nil
	}
	z.pending = nil
	data := p.buf.Bytes()
	end := bytes.LastIndex(data, []byte("</sheetData>"))
	if end < 0 {
		return fmt.Errorf("internal error: sheet part %s has no sheet data", p.name)
	}
	if _, err := p.w.Write(data[:end]); err != nil {
		return err
	}
	if err := p.rows.copyTo(p.w); err != nil {
		return fmt.Errorf("copy the rows into %s: %w", p.name, err)
	}
	_, err := p.w.Write(data[end:])
	return err
}

var _ excelize.ZipWriter = (*splicingZip)(nil)

// sheetPart names the part of a sheet in a workbook excelize created:
// it stores each sheet it adds as xl/worksheets/sheet<id>.xml.
func sheetPart(f *excelize.File, sheet string) (string, error) {
	for id, name := range f.GetSheetMap() {
		if name == sheet {
			return fmt.Sprintf("xl/worksheets/sheet%d.xml", id), nil
		}
	}
	return "", fmt.Errorf("no sheet named %s", sheet)
}

package xlsx

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// rowFile writes the data rows of one big sheet as worksheet XML to a
// temporary file. excelize's StreamWriter does the same, but spends most
// of a big export converting each cell (a cell name string, a regular
// expression over every text, reflection) and keeps a buffer of up to
// 32 MiB per sheet until the whole file is written. This writer keeps
// 64 KiB, and the rows join the sheet when the file is packed (see
// splicingZip). The cells it writes are the ones SetRow writes: inline
// strings, numbers, booleans and formulas with their cached values, each
// with its own style or its column's.
type rowFile struct {
	f      *os.File
	w      *bufio.Writer
	cols   []string // column letters
	styles []string // column styles, as attribute values
	buf    []byte   // scratch for numbers
	err    error
}

func newRowFile(colStyles []int) (*rowFile, error) {
	f, err := os.CreateTemp("", "airisk-rows-")
	if err != nil {
		return nil, fmt.Errorf("create a temporary file for the rows: %w", err)
	}
	rf := &rowFile{f: f, w: bufio.NewWriterSize(f, 64<<10)}
	for i, s := range colStyles {
		rf.cols = append(rf.cols, colName(i))
		rf.styles = append(rf.styles, strconv.Itoa(s))
	}
	return rf, nil
}

// add writes row number r; height 0 keeps the default height. Values are
// nil (no cell), string, int, float64, bool or excelize.Cell.
func (rf *rowFile) add(r int, values []any, height float64) error {
	if rf.err != nil {
		return rf.err
	}
	if height > excelize.MaxRowHeight {
		return excelize.ErrMaxRowHeight
	}
	ref := strconv.Itoa(r)
	rf.w.WriteString(`<row r="`)
	rf.w.WriteString(ref)
	if height > 0 {
		rf.w.WriteString(`" ht="`)
		rf.w.Write(strconv.AppendFloat(rf.buf[:0], height, 'f', -1, 64))
		rf.w.WriteString(`" customHeight="1`)
	}
	rf.w.WriteString(`">`)
	for i, v := range values {
		if v != nil && i < len(rf.cols) {
			rf.cell(i, ref, v)
		}
	}
	_, rf.err = rf.w.WriteString(`</row>`)
	return rf.err
}

// cell writes one cell of column i in the row named ref.
func (rf *rowFile) cell(i int, ref string, v any) {
	style, formula := rf.styles[i], ""
	if c, ok := v.(excelize.Cell); ok {
		if c.StyleID > 0 {
			style = strconv.Itoa(c.StyleID)
		}
		formula, v = c.Formula, c.Value
	}
	rf.w.WriteString(`<c r="`)
	rf.w.WriteString(rf.cols[i])
	rf.w.WriteString(ref)
	if style != "0" {
		rf.w.WriteString(`" s="`)
		rf.w.WriteString(style)
	}
	rf.w.WriteByte('"')
	if formula == "" {
		rf.value(v)
	} else {
		rf.formula(formula, v)
	}
	rf.w.WriteString(`</c>`)
}

// value writes the type and content of a plain cell, after its
// attributes.
func (rf *rowFile) value(v any) {
	switch v := v.(type) {
	case string:
		rf.inline(v)
	case int:
		rf.number(strconv.AppendInt(rf.buf[:0], int64(v), 10))
	case float64:
		rf.float(v)
	case bool:
		rf.w.WriteString(` t="b"><v>`)
		rf.w.WriteString(map[bool]string{true: "1", false: "0"}[v])
		rf.w.WriteString(`</v>`)
	case nil:
		rf.w.WriteByte('>')
	default:
		rf.inline(fmt.Sprint(v))
	}
}

// formula writes a formula with its cached value: a number, or text.
func (rf *rowFile) formula(f string, v any) {
	text, isText := v.(string)
	if isText || v == nil {
		rf.w.WriteString(` t="str"`)
	}
	rf.w.WriteString(`><f>`)
	rf.escape(f)
	rf.w.WriteString(`</f>`)
	switch v := v.(type) {
	case nil:
	case string:
		rf.w.WriteString(`<v>`)
		rf.escape(cellLimit(text))
		rf.w.WriteString(`</v>`)
	case int:
		rf.w.WriteString(`<v>`)
		rf.w.Write(strconv.AppendInt(rf.buf[:0], int64(v), 10))
		rf.w.WriteString(`</v>`)
	case float64:
		rf.w.WriteString(`<v>`)
		rf.w.Write(strconv.AppendFloat(rf.buf[:0], v, 'f', -1, 64))
		rf.w.WriteString(`</v>`)
	default:
		rf.w.WriteString(`<v>`)
		rf.escape(fmt.Sprint(v))
		rf.w.WriteString(`</v>`)
	}
}

func (rf *rowFile) number(digits []byte) {
	rf.w.WriteString(`><v>`)
	rf.w.Write(digits)
	rf.w.WriteString(`</v>`)
}

// float writes a number; like excelize, NaN and infinities become text.
func (rf *rowFile) float(v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		rf.inline(fmt.Sprint(v))
		return
	}
	rf.number(strconv.AppendFloat(rf.buf[:0], v, 'f', -1, 64))
}

// inline writes s as an inline string, keeping leading and trailing
// spaces and line ends.
func (rf *rowFile) inline(s string) {
	s = cellLimit(s)
	rf.w.WriteString(` t="inlineStr"><is><t`)
	if s != "" && (isSpace(s[0]) || isSpace(s[len(s)-1])) {
		rf.w.WriteString(` xml:space="preserve"`)
	}
	rf.w.WriteByte('>')
	rf.escape(s)
	rf.w.WriteString(`</t></is>`)
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// cellLimit cuts s at the most UTF-16 code units a cell holds.
func cellLimit(s string) string {
	if len(s) <= maxCellChars/2 { // at most two units a byte: always fits
		return s
	}
	units := 0
	for i, r := range s {
		n := utf16.RuneLen(r)
		if n < 0 {
			n = 1
		}
		if units += n; units > maxCellChars {
			return s[:i]
		}
	}
	return s
}

// escape writes s as XML character data: markup characters and carriage
// returns escaped, characters XML cannot carry as U+FFFD, and text that
// reads like Excel's own escape for such characters (_x0041_) escaped in
// turn, so it comes back as written. Plain runs are copied as they are.
func (rf *rowFile) escape(s string) {
	start := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r == '_' && looksEscaped(s[i:]) {
			rf.w.WriteString(s[start:i])
			rf.w.WriteString("_x005F") // an escaped underscore; the rest follows as written
			start = i
		} else if rep := escapeFor(r, size); rep != "" {
			rf.w.WriteString(s[start:i])
			rf.w.WriteString(rep)
			start = i + size
		}
		i += size
	}
	rf.w.WriteString(s[start:])
}

// escapeFor returns what replaces the character r of size bytes, or ""
// when it is written as it is.
func escapeFor(r rune, size int) string {
	switch {
	case r == '&':
		return "&amp;"
	case r == '<':
		return "&lt;"
	case r == '>':
		return "&gt;"
	case r == '\r':
		return "&#xD;"
	case r == utf8.RuneError && size == 1, !xmlChar(r):
		return "\uFFFD"
	}
	return ""
}

// looksEscaped reports whether s starts with _xHHHH_, which a spreadsheet
// reads as the character with that code.
func looksEscaped(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// finish flushes the rows to the file.
func (rf *rowFile) finish() error {
	if rf.err == nil {
		rf.err = rf.w.Flush()
	}
	if rf.err != nil {
		return fmt.Errorf("write the rows: %w", rf.err)
	}
	return nil
}

// close removes the temporary file.
func (rf *rowFile) close() {
	rf.f.Close()
	os.Remove(rf.f.Name())
}

// copyTo copies the rows written to w.
func (rf *rowFile) copyTo(w io.Writer) error {
	if _, err := rf.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w, rf.f)
	return err
}

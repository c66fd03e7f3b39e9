package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rowCases are rows of every kind of value the big sheets write, with the
// text that needs care: markup, line ends, edge spaces, characters XML
// cannot carry, Excel's own _xHHHH_ escapes, formula look-alikes and text
// over the cell limit.
var rowCases = []struct {
	name   string
	values []any
	height float64
}{
	{"plain text and numbers", []any{"R-1", "Prompt injection", 3, 4.5, nil, "done"}, 0},
	{"markup", []any{`<b>&amp; "quoted" 'single'</b>`, "a > b & c < d"}, 30},
	{"line ends", []any{"one\ntwo", "dos\r\nline", "old\rmac", "tab\there"}, 45},
	{"edge spaces", []any{" leading", "trailing ", "\nnewline first", "\t"}, 0},
	{"not XML", []any{"nul\x00byte", "bell\x07", "bad utf8 \xff\xfe", "\uFFFE"}, 0},
	{"excel escapes", []any{"_x0041_", "a_x005F_b", "_x00e9__x00E9_", "_x12_", "__x0041__"}, 0},
	{"formula look-alikes", []any{"=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"}, 0},
	{"unicode", []any{"naïve café", "日本語", "emoji 🤖 and 𝔘", strings.Repeat("é", 20000)}, 0},
	{"over the cell limit", []any{strings.Repeat("x", maxCellChars+10), strings.Repeat("🤖", maxCellChars/2+3)}, 409},
	{"booleans and odd numbers", []any{true, false, math.NaN(), math.Inf(1), -0.0, 1e-9, 123456789012.5, -42}, 0},
	{"formulas", []any{
		excelize.Cell{Formula: `IF(A2="x","<yes>","no")`, Value: "no"},
		excelize.Cell{Formula: "B2*C2", Value: 12},
		excelize.Cell{Formula: "B2/3", Value: 0.25},
		excelize.Cell{Formula: `""`, Value: nil},
		excelize.Cell{StyleID: 2, Value: "own style"},
		excelize.Cell{StyleID: 2, Value: 7},
	}, 0},
	{"empty text", []any{"", nil, ""}, 0},
}

// TestRowFileMatchesStreamWriter writes each case as a data row through
// rowFile and through excelize's StreamWriter and checks that excelize
// reads the same value, type, formula and style back from both workbooks,
// and the same row height.
func TestRowFileMatchesStreamWriter(t *testing.T) {
	for _, tc := range rowCases {
		t.Run(tc.name, func(t *testing.T) {
			want := open(t, streamWriterBook(t, tc.values, tc.height))
			got := open(t, rowFileBook(t, tc.values, tc.height))
			for i := range tc.values {
				compareCell(t, got, want, cellName(i, 2))
			}
			gh, _ := got.GetRowHeight("S", 2)
			wh, _ := want.GetRowHeight("S", 2)
			if gh != wh {
				t.Errorf("row height: got %v, want %v", gh, wh)
			}
		})
	}
}

// compareCell checks one cell of two workbooks' sheet S.
func compareCell(t *testing.T, got, want *excelize.File, cell string) {
	t.Helper()
	for _, read := range []struct {
		what string
		fn   func(*excelize.File) (any, error)
	}{
		{"value", func(f *excelize.File) (any, error) { return f.GetCellValue("S", cell) }},
		{"raw value", func(f *excelize.File) (any, error) {
			return f.GetCellValue("S", cell, excelize.Options{RawCellValue: true})
		}},
		{"type", func(f *excelize.File) (any, error) { return f.GetCellType("S", cell) }},
		{"formula", func(f *excelize.File) (any, error) { return f.GetCellFormula("S", cell) }},
		{"style", func(f *excelize.File) (any, error) { return f.GetCellStyle("S", cell) }},
	} {
		g, gerr := read.fn(got)
		w, werr := read.fn(want)
		if gerr != nil || werr != nil {
			t.Fatalf("%s %s: errors %v / %v", cell, read.what, gerr, werr)
		}
		if g != w {
			t.Errorf("%s %s: got %s, want %s as excelize writes it", cell, read.what, short(g), short(w))
		}
	}
}

// short shows a value in a failure, cutting long text.
func short(v any) string {
	s := strings.ReplaceAll(fmt.Sprint(v), "\n", `\n`)
	if len(s) <= 60 {
		return s
	}
	return s[:30] + "…(" + itoa(len(s)) + " bytes)"
}

// testColStyles are the column styles of the test sheet: column B has a
// style of its own, as the big sheets' columns do.
func testColStyles(n int) []int {
	styles := make([]int, n)
	if n > 1 {
		styles[1] = 1
	}
	return styles
}

// newTestBook starts a workbook with sheet S, two styles and column B
// styled, and a StreamWriter with a header row.
func newTestBook(t *testing.T, n int) (*excelize.File, *excelize.StreamWriter) {
	t.Helper()
	f := excelize.NewFile()
	t.Cleanup(func() { f.Close() })
	if err := f.SetSheetName("Sheet1", "S"); err != nil {
		t.Fatal(err)
	}
	for _, st := range []*excelize.Style{{Alignment: &excelize.Alignment{WrapText: true}}, {Font: &excelize.Font{Bold: true}}} {
		if _, err := f.NewStyle(st); err != nil {
			t.Fatal(err)
		}
	}
	sw, err := f.NewStreamWriter("S")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetColStyle(2, 2, 1); err != nil {
		t.Fatal(err)
	}
	head := make([]any, n)
	for i := range head {
		head[i] = "Head " + itoa(i)
	}
	if err := sw.SetRow("A1", head); err != nil {
		t.Fatal(err)
	}
	return f, sw
}

func streamWriterBook(t *testing.T, values []any, height float64) []byte {
	f, sw := newTestBook(t, len(values))
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	if err := sw.SetRow("A2", values, opts...); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func rowFileBook(t *testing.T, values []any, height float64) []byte {
	f, sw := newTestBook(t, len(values))
	rf, err := newRowFile(testColStyles(len(values)))
	if err != nil {
		t.Fatal(err)
	}
	defer rf.close()
	if err := rf.add(2, values, height); err != nil {
		t.Fatal(err)
	}
	if err := rf.finish(); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		return newSplicingZip(zip.NewWriter(&out), map[string]*rowFile{"xl/worksheets/sheet1.xml": rf})
	})
	if _, err := f.WriteToBuffer(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// FuzzRowText checks that any text written by rowFile reads back as
// excelize's StreamWriter's does, and never makes a workbook excelize
// cannot open.
func FuzzRowText(f *testing.F) {
	for _, tc := range rowCases {
		for _, v := range tc.values {
			if s, ok := v.(string); ok && len(s) < 200 {
				f.Add(s)
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		values := []any{s, excelize.Cell{Formula: `"x"`, Value: s}}
		want := open(t, streamWriterBook(t, values, 0))
		got := open(t, rowFileBook(t, values, 0))
		for i := range values {
			compareCell(t, got, want, cellName(i, 2))
		}
	})
}

func TestSplicingZipErrors(t *testing.T) {
	rf, err := newRowFile([]int{0})
	if err != nil {
		t.Fatal(err)
	}
	defer rf.close()
	for _, tc := range []struct {
		name, part, content, want string
	}{
		{"rows whose sheet never comes", "xl/worksheets/sheet9.xml", "", "found no sheet"},
		{"sheet without sheet data", "xl/worksheets/sheet1.xml", "<worksheet></worksheet>", "has no sheet data"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			z := newSplicingZip(zip.NewWriter(io.Discard), map[string]*rowFile{tc.part: rf})
			w, err := z.Create("xl/worksheets/sheet1.xml")
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, tc.content)
			err = z.Close()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error saying %q", err, tc.want)
			}
		})
	}
}

// TestRowFileMarksEdgeSpaces checks the XML itself, which excelize's
// reader does not need but Excel does: text with leading or trailing
// white space asks for it to be kept.
func TestRowFileMarksEdgeSpaces(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		keep       bool
	}{
		{"leading space", " a", true},
		{"trailing space", "a ", true},
		{"leading line end", "\na", true},
		{"trailing tab", "a\t", true},
		{"inner spaces only", "a b\nc", false},
		{"empty", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rf, err := newRowFile([]int{0})
			if err != nil {
				t.Fatal(err)
			}
			defer rf.close()
			if err := rf.add(2, []any{tc.text}, 0); err != nil {
				t.Fatal(err)
			}
			if err := rf.finish(); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := rf.copyTo(&out); err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(out.String(), `<t xml:space="preserve">`); got != tc.keep {
				t.Errorf("%q: got xml:space=preserve %v, want %v in %s", tc.text, got, tc.keep, out.String())
			}
		})
	}
}

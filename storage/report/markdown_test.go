package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"airisk/model"
)

func renderMarkdown(t *testing.T, p *model.Project, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Markdown(&buf, p, bundled(t), opt); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	return buf.String()
}

// cellBoundaries counts the pipes of a table row that are not escaped.
func cellBoundaries(line string) int {
	n, backslashes := 0, 0
	for _, r := range line {
		switch {
		case r == '\\':
			backslashes++
			continue
		case r == '|' && backslashes%2 == 0:
			n++
		}
		backslashes = 0
	}
	return n
}

// tables splits Markdown into its tables: runs of lines starting with "|".
func tables(md string) [][]string {
	var out [][]string
	var cur []string
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "|") {
			cur = append(cur, line)
			continue
		}
		if cur != nil {
			out = append(out, cur)
			cur = nil
		}
	}
	return out
}

// section returns the text from the "## title" heading to the next "## ".
func section(md, title string) string {
	_, rest, ok := strings.Cut(md, "\n## "+title+"\n")
	if !ok {
		return ""
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

func TestMarkdownTablesAreWellFormed(t *testing.T) {
	cases := []struct {
		name string
		p    *model.Project
	}{
		{"sample", readSample(t)},
		{"hostile", hostileProject()},
		{"large", bigProject(100)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			md := renderMarkdown(t, tc.p, Options{Now: fixedNow, AppVersion: hostile})
			for _, table := range tables(md) {
				want := cellBoundaries(table[0])
				for _, row := range table[1:] {
					if got := cellBoundaries(row); got != want {
						t.Errorf("row has %d cell boundaries, want %d as in its header %q:\n%s", got, want, table[0], row)
					}
				}
			}
		})
	}
}

func TestMarkdownEscapesHostileText(t *testing.T) {
	md := renderMarkdown(t, hostileProject(), Options{Now: fixedNow, AppVersion: hostile})
	if i := strings.IndexByte(strings.ReplaceAll(md, "<br>", ""), '<'); i >= 0 {
		t.Errorf("raw HTML can start at %q", md[max(i-20, 0):min(i+20, len(md))])
	}
	// The contents' own links point at headings (](#...)); any other "](" must be escaped.
	if n, escaped := strings.Count(md, "](")-strings.Count(md, "](#"), strings.Count(md, `\](`); n != escaped {
		t.Errorf("got %d \"](\" of which %d escaped: user text can make a link", n, escaped)
	}
	for _, bad := range []string{"![img]", "[link]", "`code`", "*bold*", "\nsecond line", "\nthird", "http://"} {
		if strings.Contains(md, bad) {
			t.Errorf("the Markdown holds %q unescaped", bad)
		}
	}
	if !strings.Contains(md, `=cmd\|' /C calc'!A0 \| pipes \|`) {
		t.Errorf("the hostile text's pipes are not escaped as \\|")
	}
}

func TestMarkdownCounts(t *testing.T) {
	p := readSample(t)
	md := renderMarkdown(t, p, Options{Now: fixedNow})
	register := tables(section(md, "Risk register"))
	if len(register) != 1 || len(register[0])-2 != len(p.Risks) {
		t.Fatalf("got register tables %d, want one table with %d rows", len(register), len(p.Risks))
	}
	rows := 0
	for _, table := range tables(section(md, "Findings by element")) {
		rows += len(table) - 2
	}
	if rows != 50 {
		t.Errorf("got %d finding rows, want the sample's 50 findings", rows)
	}
	for _, title := range []string{"Summary", "System model", "Heat maps", "Top risks above the appetite", "Risk register",
		"Findings by element", "Code of Practice coverage", "Catalogue entries cited", "About this report"} {
		if section(md, title) == "" {
			t.Errorf("no section %q", title)
		}
	}
}

func TestMarkdownText(t *testing.T) {
	cases := []struct {
		name, in, inline, para string
	}{
		{"plain", "Chat app", "Chat app", "Chat app"},
		{"pipe", "a | b", `a \| b`, `a \| b`},
		{"newlines", "one\ntwo\r\nthree", "one<br>two<br>three", "one<br>two<br>three"},
		{"html", "<b>&amp;", "&lt;b&gt;&amp;amp;", "&lt;b&gt;&amp;amp;"},
		{"link", "[x](http://e/)", `\[x\](http:\/\/e/)`, `\[x\](http:\/\/e/)`},
		{"emphasis", "*a* _b_ `c` ~d~", "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~", "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~"},
		{"heading at the start", "# Title", "# Title", `\# Title`},
		{"list at the start", "1. first", "1. first", `1\. first`},
		{"dash at the start", "- item", "- item", `\- item`},
		{"control characters", "a\x00b\tc", "a b c", "a b c"},
		{"backslash", `C:\path`, `C:\\path`, `C:\\path`},
		{"web address", "see https://e.example/ or WWW.e.example", `see https:\/\/e.example/ or WWW\.e.example`, `see https:\/\/e.example/ or WWW\.e.example`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := mdInline(tc.in); got != tc.inline {
				t.Errorf("mdInline(%q): got %q, want %q", tc.in, got, tc.inline)
			}
			if got := mdPara(tc.in); got != tc.para {
				t.Errorf("mdPara(%q): got %q, want %q", tc.in, got, tc.para)
			}
		})
	}
}

func TestMarkdownFiles(t *testing.T) {
	p := readSample(t)
	cases := []struct {
		name      string
		svg       []byte
		wantFiles []string
	}{
		{"with a diagram", sketchSVG(p), []string{"risk report-diagram.svg", "risk report.md"}},
		{"without a diagram", nil, []string{"risk report.md"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			written, err := MarkdownFiles(filepath.Join(dir, "risk report.md"), p, bundled(t), Options{Now: fixedNow, DiagramSVG: tc.svg})
			if err != nil {
				t.Fatalf("MarkdownFiles: %v", err)
			}
			var names []string
			for _, w := range written {
				names = append(names, filepath.Base(w))
			}
			entries, _ := os.ReadDir(dir)
			if strings.Join(names, ",") != strings.Join(tc.wantFiles, ",") || len(entries) != len(tc.wantFiles) {
				t.Fatalf("got files %v (%d in the folder), want %v", names, len(entries), tc.wantFiles)
			}
			md, _ := os.ReadFile(filepath.Join(dir, "risk report.md"))
			link := "![Data-flow diagram of Customer support assistant](risk%20report-diagram.svg)"
			if got := bytes.Contains(md, []byte(link)); got != (tc.svg != nil) {
				t.Errorf("the Markdown shows the picture: got %v, want %v", got, tc.svg != nil)
			}
			if tc.svg != nil {
				checkSVGFile(t, filepath.Join(dir, "risk report-diagram.svg"))
			}
		})
	}
}

// checkSVGFile checks that a written diagram is a standalone SVG document.
func checkSVGFile(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read the diagram: %v", err)
	}
	var root struct {
		XMLName xml.Name
	}
	if err := xml.Unmarshal(data, &root); err != nil {
		t.Fatalf("the diagram file is not XML: %v", err)
	}
	if root.XMLName.Local != "svg" || root.XMLName.Space != svgNamespace {
		t.Errorf("got root element {%s}%s, want {%s}svg", root.XMLName.Space, root.XMLName.Local, svgNamespace)
	}
}

func TestMarkdownFilesBadFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "report.md")
	if _, err := MarkdownFiles(path, readSample(t), nil, Options{Now: fixedNow}); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("got %v, want an error naming %s", err, path)
	}
	if _, err := MarkdownFiles(path, readSample(t), nil, Options{DiagramSVG: []byte("not svg")}); !errors.Is(err, ErrDiagram) {
		t.Errorf("got %v, want ErrDiagram", err)
	}
}

func TestDiagramFileName(t *testing.T) {
	cases := map[string]string{
		"report.md":           "report-diagram.svg",
		"/tmp/x/Risk Q4.md":   "Risk Q4-diagram.svg",
		"notes":               "notes-diagram.svg",
		"archive.v2.markdown": "archive.v2-diagram.svg",
	}
	for in, want := range cases {
		if got := DiagramFileName(in); got != want {
			t.Errorf("DiagramFileName(%q): got %q, want %q", in, got, want)
		}
	}
}

func FuzzMdInline(f *testing.F) {
	f.Add(hostile)
	f.Add("a\\|b\r\n<br>&#60;")
	f.Fuzz(func(t *testing.T, s string) {
		got := mdInline(s)
		if strings.ContainsAny(got, "\r\n") {
			t.Errorf("mdInline(%q) = %q spans lines", s, got)
		}
		if n := cellBoundaries(got); n != 0 {
			t.Errorf("mdInline(%q) = %q has %d unescaped pipes", s, got, n)
		}
		if strings.Contains(strings.ReplaceAll(got, "<br>", ""), "<") {
			t.Errorf("mdInline(%q) = %q can start raw HTML", s, got)
		}
	})
}

package xlsx

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// maxCellChars is the most UTF-16 code units a cell holds; excelize cuts
// longer text.
const maxCellChars = 32767

// cellText returns s as a cell keeps it: characters XML cannot carry become
// U+FFFD, line ends become "\n" (LibreOffice and Excel both do that), and
// the text is cut at the cell limit. Import compares a file's value with
// the project's value through it, so what the workbook could not hold is
// not mistaken for an edit.
func cellText(s string) string {
	s = normaliseLineEnds(s)
	var b strings.Builder
	units := 0
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				r = '\uFFFD'
			}
		}
		if !xmlChar(r) {
			r = '\uFFFD'
		}
		n := utf16.RuneLen(r)
		if n < 0 {
			n = 1
		}
		if units+n > maxCellChars {
			break
		}
		units += n
		b.WriteRune(r)
	}
	return b.String()
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

func normaliseLineEnds(s string) string {
	if !strings.ContainsRune(s, '\r') {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// lines joins items one a line.
func lines(items []string) string { return strings.Join(items, "\n") }

// yesNo renders a boolean for a filterable column.
func yesNo(b bool) string {
	if b {
		return "Yes"
	}
	return "No"
}

// yesBlank renders a boolean as "Yes" or nothing, so a filter on "Yes"
// picks the rows.
func yesBlank(b bool) string {
	if b {
		return "Yes"
	}
	return ""
}

// estimateLines guesses how many lines s takes when wrapped at word
// boundaries in a column of width characters, for row heights (Excel does
// not size rows to wrapped text by itself).
func estimateLines(s string, width float64) int {
	perLine := max(int(width*1.1), 1)
	if len(s) <= perLine {
		// No line is longer than its bytes, so none wraps.
		return 1 + strings.Count(s, "\n")
	}
	n, used, word := 1, 0, 0
	for _, r := range s {
		switch r {
		case '\n':
			n, used, word = n+1, 0, 0
		case ' ':
			used, word = used+1, 0
		default:
			used, word = used+1, word+1
		}
		if used > perLine {
			// Wrap: the current word moves to the next line, unless it is
			// longer than a line itself.
			n++
			used = min(word, perLine)
			if word > perLine {
				used, word = 1, 1
			}
		}
	}
	return n
}

// rowLines is the most lines any text cell of row takes in its column.
func rowLines(row []any, cols []column) int {
	n := 1
	for i, v := range row {
		if s, ok := v.(string); ok && i < len(cols) {
			n = max(n, estimateLines(s, cols[i].Width))
		}
	}
	return n
}

// rowHeight returns a row height in points for the given number of text
// lines, capped so one long note does not swallow a page.
func rowHeight(lines, maxLines int) float64 {
	if lines < 1 {
		lines = 1
	}
	if lines > maxLines {
		lines = maxLines
	}
	return 15 * float64(lines)
}

// truncateRunes cuts s to at most n characters, adding an ellipsis.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

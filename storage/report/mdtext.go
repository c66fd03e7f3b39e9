package report

import (
	"regexp"
	"strings"
)

// Markdown escaping. Everything taken from the project or the catalogue
// goes through one of these functions, so user text shows as written and
// can never become a link, a picture, raw HTML, emphasis or a table cell
// boundary.

// mdEscaper backslash-escapes the characters that start inline Markdown,
// escapes the pipe that ends a table cell, and turns < into an entity so
// that no raw HTML can start.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`|`, `\|`, `~`, `\~`, `<`, `&lt;`, `>`, `&gt;`,
)

// entityLike matches text a Markdown renderer would read as a character
// reference ("&amp;", "&#60;"); its ampersand is escaped so it shows as
// typed.
var entityLike = regexp.MustCompile(`&(#?[A-Za-z0-9]+;)`)

// mdInline escapes s for use inside a line: a table cell, a list item.
// Line breaks become <br>, other control characters spaces.
func mdInline(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return '\n'
		}
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	s = entityLike.ReplaceAllString(s, "&amp;$1")
	s = mdEscaper.Replace(s)
	s = noAutolink(s)
	return strings.ReplaceAll(strings.TrimSpace(s), "\n", "<br>")
}

// wwwDot matches the start of a "www." address.
var wwwDot = regexp.MustCompile(`(?i)(www)\.`)

// noAutolink escapes what GitHub's extended autolinks would turn into a
// link ("https://...", "www...."), so that user text never becomes one.
func noAutolink(s string) string {
	s = strings.ReplaceAll(s, "://", `:\/\/`)
	return wwwDot.ReplaceAllString(s, `$1\.`)
}

// blockStart matches what would open a block (heading, quote, list,
// setext underline) at the start of a paragraph.
var blockStart = regexp.MustCompile(`^(#|>|-|\+|=|[0-9]+[.)])`)

// mdPara escapes s to stand at the start of a line as a paragraph.
func mdPara(s string) string {
	s = mdInline(s)
	if loc := blockStart.FindStringIndex(s); loc != nil {
		s = s[:loc[1]-1] + `\` + s[loc[1]-1:]
	}
	return s
}

// mdHeading escapes s for a heading: one line, no closing hashes.
func mdHeading(s string) string {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
	return strings.ReplaceAll(mdInline(s), "#", `\#`)
}

// mdCells joins escaped cells into a table row.
func mdRow(cells ...string) string {
	return "| " + strings.Join(cells, " | ") + " |\n"
}

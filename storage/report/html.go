package report

import (
	"embed"
	"fmt"
	"html/template"
	"strings"
)

//go:embed templates/report.html.tmpl templates/workshop.html.tmpl templates/report.css
var templateFS embed.FS

// pageCSS is the report's style sheet, inlined in every page.
var pageCSS = func() template.CSS {
	b, err := templateFS.ReadFile("templates/report.css")
	if err != nil {
		panic(err) // embedded at build time: cannot happen
	}
	return template.CSS(b)
}()

// pageTemplate writes the HTML report; html/template escapes every value
// taken from the project or the catalogue.
var pageTemplate = template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
	"join":   strings.Join,
	"plural": plural,
}).ParseFS(templateFS, "templates/report.html.tmpl", "templates/workshop.html.tmpl"))

// page is what the HTML template sees: the view plus the style sheet and
// the cleaned diagram, marked safe to inline.
type page struct {
	*view
	CSS         template.CSS
	DiagramHTML template.HTML
	// DiagramWide puts the diagram on a landscape page in print.
	DiagramWide bool
}

func newPage(v *view) page {
	// The diagram was rewritten by cleanSVG: only the allowed elements and
	// attributes remain, with their text escaped.
	return page{view: v, CSS: pageCSS, DiagramHTML: template.HTML(v.Diagram), DiagramWide: wideSVG(v.Diagram)}
}

// plural writes "1 element" or "3 elements".
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

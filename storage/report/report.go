package report

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"airisk/model"
	"airisk/threats"
)

// Options tunes a report.
type Options struct {
	// Now is the export time shown in the title block; it also decides
	// which due dates are overdue. Zero means the current time.
	Now time.Time
	// AppVersion names the program that wrote the report.
	AppVersion string
	// DiagramSVG is the system diagram as SVG (from ui/diagram.RenderSVG),
	// or nil for none. HTML inlines it; MarkdownFiles writes it next to the
	// Markdown. Scripts, event handlers and external references are removed
	// from it first.
	DiagramSVG []byte
}

// HTML writes the report as one self-contained HTML page: inline CSS and
// SVG, no scripts, nothing fetched from anywhere, printable on A4. c may be
// nil (the report then has no findings, coverage or catalogue entries).
// Nothing is written when an error is returned.
func HTML(w io.Writer, p *model.Project, c *threats.Catalogue, opt Options) error {
	v, err := prepare(p, c, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, newPage(v)); err != nil {
		return fmt.Errorf("render the HTML report: %w", err)
	}
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("write the HTML report: %w", err)
	}
	return nil
}

// Markdown writes the report as GitHub-flavoured Markdown. It embeds no
// picture: the system model is given as tables of elements and flows (use
// MarkdownFiles to write the diagram next to it). Nothing is written when
// an error is returned.
func Markdown(w io.Writer, p *model.Project, c *threats.Catalogue, opt Options) error {
	if p == nil {
		return ErrNoProject
	}
	opt.DiagramSVG = nil
	return markdownTo(w, p, c, opt, "")
}

// markdownTo writes the Markdown report; diagramFile, when set, is the
// relative name of the diagram picture the report shows.
func markdownTo(w io.Writer, p *model.Project, c *threats.Catalogue, opt Options, diagramFile string) error {
	v, err := prepare(p, c, opt)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	writeMarkdown(&buf, v, diagramFile)
	if _, err := buf.WriteTo(w); err != nil {
		return fmt.Errorf("write the Markdown report: %w", err)
	}
	return nil
}

// prepare checks the input and works out the report's content.
func prepare(p *model.Project, c *threats.Catalogue, opt Options) (*view, error) {
	if p == nil {
		return nil, ErrNoProject
	}
	var diagram string
	if len(opt.DiagramSVG) > 0 {
		var err error
		if diagram, err = cleanSVG(opt.DiagramSVG); err != nil {
			return nil, err
		}
	}
	return build(p, c, opt, diagram), nil
}

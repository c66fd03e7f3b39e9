package report

import "errors"

// Sentinel errors. Every error this package returns wraps one of them or an
// I/O error from the writer or the file system.
var (
	// ErrNoProject means HTML, Markdown or MarkdownFiles was called with a
	// nil project.
	ErrNoProject = errors.New("no project to report on")
	// ErrDiagram means Options.DiagramSVG is not a well-formed SVG document
	// (an <svg> root element in well-formed XML).
	ErrDiagram = errors.New("the diagram is not a well-formed SVG picture")
)

// Package report writes a project's risk report for people who will never
// open the app: a single self-contained HTML file (inline CSS, inline SVG
// diagram and heat maps, no scripts, nothing fetched from anywhere, printable
// on A4) and a GitHub-flavoured Markdown version of the same content.
//
// Both formats hold the title block, the summary figures, the system model
// (diagram, elements, data flows), the inherent and residual heat maps, the
// top risks above the appetite, the whole register, the action lists of
// each risk owner, the findings by element, the Code of Practice coverage
// by principle, the log of workshops with their parking lot and the
// catalogue entries the report cites.
//
// Markdown cannot carry an inline picture portably, so Markdown lists the
// elements and flows, and MarkdownFiles writes the diagram as a sibling SVG
// file (report.md next to report-diagram.svg) that the Markdown shows.
//
// The package imports model, threats and the standard library only. It must
// never import ui or fyne (the diagram arrives as SVG bytes in Options), nor
// storage: callers load the project and hand it in.
package report

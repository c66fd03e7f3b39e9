// Package assets embeds the data bundled with AI Risk Workbench: the threat
// catalogue, the UK Code of Practice for the Cyber Security of AI, the names
// of reference ids, and the sample projects. It holds data only and must not
// import any package of the program.
package assets

import "embed"

// FS holds the bundled files under their paths in this folder:
// catalogue/*.yaml, codeofpractice.yaml, references.yaml, samples/* and
// templates/* (starter diagrams for workshops).
//
//go:embed catalogue codeofpractice.yaml references.yaml samples templates
var FS embed.FS

// Package diagram is the data-flow diagram as a drawing: its geometry
// (node sizes, boundary containment, flow routes, hit testing), the editing
// gestures turned into model.Change values, auto-layout through go-graphviz
// (positions only), the shapes as Fyne canvas objects, the Editor widget, and
// pictures rendered off screen (PNG through Fyne's software painter, SVG
// written by hand from the same geometry).
//
// It imports model and Fyne's canvas, widget, theme and software-driver
// packages. It must never import fyne.io/fyne/v2/app (the CLI and the report
// render diagrams headless through it), nor storage, nor threats: findings
// badges come in as plain Badge values. The editor never changes a project
// itself; every edit leaves it as one model.Change through Editor.OnChange.
package diagram

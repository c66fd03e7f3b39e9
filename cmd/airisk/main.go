// Command airisk is AI Risk Workbench: with no arguments it opens the desktop
// app; with a subcommand it works as a command-line tool for scripts and
// pipelines (see `airisk help`).
//
// It is the only package that imports fyne.io/fyne/v2/app and storage: it
// wires the store, the catalogue and the file formats into the UI.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

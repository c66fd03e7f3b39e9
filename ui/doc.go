// Package ui is the desktop user interface of AI Risk Workbench, built with
// Fyne: the project list, then an open project's screens (the data-flow
// diagram, findings triage, the risk register, the heat map, and the screens
// other files register through addScreen).
//
// Every edit goes through one write path (workspace.apply): the change is
// applied to the in-memory project, committed through the Store, pushed on
// the undo stack, the threats are re-analysed, and every screen refreshes.
// Errors reach the person at the keyboard through one function
// (UI.showError).
//
// ui imports model, threats and ui/diagram. It must never import storage or
// its sub-packages (it declares the small Store interface it needs and takes
// file import and export as functions in IO), and never fyne.io/fyne/v2/app:
// cmd/airisk creates the app and the window and hands them to New.
package ui

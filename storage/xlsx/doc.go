// Package xlsx writes a project to an Excel workbook for risk reviews and
// awareness training, and reads a reviewed register back as a change.
//
// Export writes the register as an Excel table with dropdowns and score-band
// colours, the heat maps, the controls, the per-owner action lists, the
// Code of Practice coverage, the findings with their decisions, the log of
// workshops with their parking lot, what changed in the latest workshop
// (when the caller gives it), the diagram as tables and as a picture, the
// whole threat catalogue with one filterable column per stakeholder, and a
// sheet about the export. ReadChanges reads the Register and Controls sheets
// of a workbook edited in Excel or LibreOffice, compares the editable columns
// with the project and returns a change report and a model.Change; it never
// applies anything itself.
//
// Text from the project is always written as text: a title starting with
// "=", "+", "-", "@", a tab or a carriage return never becomes a formula.
//
// The package imports model, threats and excelize. It must not import
// storage, storage/file, ui or anything of Fyne.
package xlsx

package xlsx

import "errors"

// Sentinel errors returned (wrapped) by ReadChanges and Export.
var (
	// ErrTooLarge means the workbook handed to ReadChanges is larger than
	// model.MaxImportBytes.
	ErrTooLarge = errors.New("the workbook is larger than the import limit")
	// ErrNotWorkbook means the data could not be read as an Excel workbook
	// (not an .xlsx file, damaged, or encrypted).
	ErrNotWorkbook = errors.New("the file is not a readable Excel workbook")
	// ErrNoRegister means the workbook has no Register sheet, or the sheet
	// has no header row with a "Risk ID" column.
	ErrNoRegister = errors.New("the workbook has no Register sheet with a Risk ID column")
	// ErrDiagram means Options.Diagram is not a PNG picture.
	ErrDiagram = errors.New("the diagram picture is not a PNG image")
)

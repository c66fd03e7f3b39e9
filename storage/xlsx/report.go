package xlsx

import (
	"fmt"
	"strconv"
)

// CellChange is one edited value found in the workbook.
type CellChange struct {
	// Sheet is the sheet the value was read from: "Register" or "Controls".
	Sheet  string
	RiskID string
	// Control is the control's number as the workbook shows it (1 for the
	// first control), or -1 for a field of the risk itself.
	Control int
	// Field is the column heading: "Owner", "Residual likelihood",
	// "Control status"...
	Field string
	// Before and After are the values as the workbook shows them; "" is
	// empty (for the residual pair, not assessed).
	Before, After string
}

func (c CellChange) String() string {
	what := c.RiskID
	if c.Control > 0 {
		what += " control " + strconv.Itoa(c.Control)
	}
	return fmt.Sprintf("%s %s: %q -> %q", what, c.Field, c.Before, c.After)
}

// RowProblem is a cell whose value cannot be read back, or a row that
// cannot be matched.
type RowProblem struct {
	Sheet string
	// Row is the row number as Excel shows it; 0 when the problem is not
	// tied to one row.
	Row int
	// Column is the column heading, "" for a whole row.
	Column string
	// Value is the cell's value as read (shortened when long).
	Value  string
	Reason string
}

// String reads as a sentence for the person at the keyboard:
// `Register row 7, Likelihood "9": must be a whole number from 1 to 5.`
func (p RowProblem) String() string {
	at := p.Sheet
	if p.Row > 0 {
		at += " row " + strconv.Itoa(p.Row)
	}
	if p.Column != "" {
		at += ", " + p.Column
	}
	if p.Value != "" {
		at += fmt.Sprintf(" %q", p.Value)
	}
	return at + ": " + p.Reason
}

// ImportReport is what ReadChanges found in a workbook.
type ImportReport struct {
	// Changes are the edited values: the Register's in row order, then the
	// Controls sheet's, then the Register's Control status cells (which
	// are checked against the Controls sheet).
	Changes []CellChange
	// Problems are the values that cannot be read back; while there are
	// any, the returned model.Change is empty.
	Problems []RowProblem
	// Unknown lists what the file has and the project does not: risk ids
	// ("R-099"), controls ("R-001 control 4") and rows without an id
	// ("Register row 57 has no Risk ID"). Nothing is created for them.
	Unknown []string
	// Missing lists what the project has and the file does not: risks
	// whose rows were deleted, and controls likewise. Nothing is deleted
	// for them.
	Missing []string
	// Ignored lists editable columns or sheets the file lacks; what they
	// hold was left as it is.
	Ignored []string
}

// OK reports whether the workbook can be applied: it has no problems.
func (r *ImportReport) OK() bool { return len(r.Problems) == 0 }

func (r *ImportReport) problem(sheet string, row int, column, value, reason string) {
	r.Problems = append(r.Problems, RowProblem{Sheet: sheet, Row: row, Column: column, Value: truncateRunes(value, 80), Reason: reason})
}

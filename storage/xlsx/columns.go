package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// The sheet names, in workbook order.
const (
	sheetRegister = "Register"
	sheetHeatMap  = "Heat map"
	sheetControls = "Controls"
	sheetCode     = "Code of Practice"
	sheetFindings = "Findings"
	sheetElements = "Elements"
	sheetFlows    = "Flows"
	sheetDiagram  = "Diagram"
	sheetLibrary  = "Threat library"
	sheetAbout    = "About"
)

// SheetNames lists the sheets Export writes, in order.
var SheetNames = []string{
	sheetRegister, sheetHeatMap, sheetControls, sheetActions, sheetCode, sheetFindings,
	sheetWorkshops, sheetChanges, sheetElements, sheetFlows, sheetDiagram, sheetLibrary, sheetAbout,
}

// field names an editable value of the register. The names are the column
// headings, which is also how CellChange.Field reports them.
type field string

// The editable fields.
const (
	fieldLikelihood    field = "Likelihood"
	fieldImpact        field = "Impact"
	fieldControlStatus field = "Control status"
	fieldResidualL     field = "Residual likelihood"
	fieldResidualI     field = "Residual impact"
	fieldTreatment     field = "Treatment"
	fieldOwner         field = "Owner"
	fieldStatus        field = "Status"
	fieldDue           field = "Due"
	fieldReview        field = "Review"
	fieldNotes         field = "Notes"
)

// column is one column of a sheet: its heading, width in characters, and
// for editable columns the field it holds.
type column struct {
	Header string
	Width  float64
	Field  field
	Kind   cellKind
}

// cellKind says how a column's cells look.
type cellKind int

// The cell kinds.
const (
	kindText     cellKind = iota // wrapped text, top left
	kindCenter                   // short values and numbers
	kindDate                     // a date shown as YYYY-MM-DD
	kindDateTime                 // a time shown as YYYY-MM-DD hh:mm
)

// The Register's headings that are not editable fields.
const (
	colRiskID        = "Risk ID"
	colTitle         = "Title"
	colDescription   = "Description"
	colElements      = "Elements"
	colThreat        = "Threat ID"
	colStride        = "STRIDE"
	colPhase         = "Phase"
	colInherent      = "Inherent score"
	colInherentBand  = "Inherent rating"
	colControls      = "Controls"
	colProvisions    = "Provisions"
	colResidual      = "Residual score"
	colResidualBand  = "Residual rating"
	colAboveAppetite = "Above appetite"
	colReferences    = "References"
	colLastChanged   = "Last changed (UTC)"
)

// registerColumns are the Register's columns in the order of the issue.
var registerColumns = []column{
	{colRiskID, 9, "", kindText},
	{colTitle, 24, "", kindText},
	{colDescription, 36, "", kindText},
	{colElements, 16, "", kindText},
	{colThreat, 9, "", kindCenter},
	{colStride, 7, "", kindCenter},
	{colPhase, 11, "", kindText},
	{string(fieldLikelihood), 10, fieldLikelihood, kindCenter},
	{string(fieldImpact), 8, fieldImpact, kindCenter},
	{colInherent, 8, "", kindCenter},
	{colInherentBand, 9, "", kindCenter},
	{colControls, 32, "", kindText},
	{string(fieldControlStatus), 11, fieldControlStatus, kindCenter},
	{colProvisions, 10, "", kindText},
	{string(fieldResidualL), 10, fieldResidualL, kindCenter},
	{string(fieldResidualI), 9, fieldResidualI, kindCenter},
	{colResidual, 8, "", kindCenter},
	{colResidualBand, 9, "", kindCenter},
	{colAboveAppetite, 9, "", kindCenter},
	{string(fieldTreatment), 10, fieldTreatment, kindCenter},
	{string(fieldOwner), 14, fieldOwner, kindText},
	{string(fieldStatus), 11, fieldStatus, kindCenter},
	{string(fieldDue), 11, fieldDue, kindDate},
	{string(fieldReview), 11, fieldReview, kindDate},
	{string(fieldNotes), 24, fieldNotes, kindText},
	{colReferences, 24, "", kindText},
	{colLastChanged, 16, "", kindDateTime},
}

// The Controls sheet's headings.
const (
	colRiskTitle     = "Risk title"
	colControlNumber = "Control #"
	colControl       = "Control"
	colControlStatus = "Status"
)

// controlColumns are the Controls sheet's columns; only Status is editable.
var controlColumns = []column{
	{colRiskID, 10, "", kindText},
	{colRiskTitle, 40, "", kindText},
	{colControlNumber, 10, "", kindCenter},
	{colControl, 70, "", kindText},
	{colControlStatus, 14, fieldControlStatus, kindCenter},
	{colProvisions, 16, "", kindText},
}

// columnIndex returns the 0-based position of the column headed h.
func columnIndex(cols []column, h string) int {
	for i, c := range cols {
		if c.Header == h {
			return i
		}
	}
	return -1
}

// colName returns the letter name of the 0-based column i ("A", "AA").
func colName(i int) string {
	name, err := excelize.ColumnNumberToName(i + 1)
	if err != nil {
		return "A"
	}
	return name
}

// cellName returns the A1 name of the 0-based column i in the 1-based row.
func cellName(i, row int) string {
	return colName(i) + itoa(row)
}

// headerKey normalises a heading for lookups: case and spacing do not matter.
func headerKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// headers returns the headings of cols.
func headers(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Header
	}
	return out
}

package model

// Limits keep hostile or broken files from exhausting memory or time; each
// is reported with a clear message when exceeded.
const (
	MaxElements              = 20000 // elements in one project
	MaxFlows                 = 60000 // flows in one project
	MaxBoundaries            = 2000  // boundaries in one project
	MaxRisks                 = 200000
	MaxDecisions             = 200000
	MaxControlsPerRisk       = 100
	MaxBoundaryDepth         = 16       // nesting depth of trust boundaries
	MaxIDLength              = 64       // characters in an id
	MaxNameLength            = 300      // characters in a name or title
	MaxTextLength            = 20000    // characters in a description, note or evidence
	MaxListLength            = 1000     // entries in a list of references
	MaxCoordinate            = 1e6      // absolute value of a diagram coordinate
	MaxImportBytes     int64 = 50 << 20 // size of a file handed to an import
)

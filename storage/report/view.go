package report

// This file holds the report's content as plain values, worked out once
// from the project and the catalogue and then written by both formats.

// view is everything the report shows.
type view struct {
	Project          projectView
	Exported         string // "2026-11-22 09:30 UTC"
	AppVersion       string
	CatalogueVersion string
	Scoring          scoringView
	Summary          summaryView
	Diagram          string // cleaned SVG, "" when none was given
	Elements         []elementRow
	Flows            []flowRow
	Heat             []heatMap // inherent, then residual
	Top              []*riskRow
	TopMore          int // risks above the appetite not shown in Top
	Register         []riskRow
	Actions          []ownerList // per-owner action lists
	Findings         []findingGroup
	Stale            []staleRow
	Coverage         coverageView
	Cited            []citedThreat
	Workshops        []workshopRow
	Parking          []parkingRow // every workshop's parking lot
}

// projectView is the title block.
type projectView struct {
	ID, Name, Owner, Description string
	Created, Updated             string // YYYY-MM-DD, "" when unknown
}

// scoringView is the scheme's legend.
type scoringView struct {
	Bands    []bandLegend
	Appetite int
}

// bandLegend is one rating band with its score range.
type bandLegend struct {
	Name, Range string
	Swatch      swatch
}

// summaryView holds the summary figures.
type summaryView struct {
	Elements, Flows, Boundaries, Crossing   int
	Findings, Proposed, Accepted, Dismissed int
	Risks, Live, Closed                     int
	InherentBands, ResidualBands            []bandCount
	Unassessed, Unscored                    int
	Above, Overdue, ReviewDue               int
	Appetite                                int
	// Coverage of the Code of Practice: Covered provisions are met, not
	// applicable or addressed by a control; Pct is Covered over Provisions.
	HasCode                                   bool
	Provisions, Covered, Met, Addressed, Open int
	Pct                                       int
}

// bandCount is the number of live risks in one band.
type bandCount struct {
	Name   string
	Count  int
	Swatch swatch
}

// elementRow is one element of the system model.
type elementRow struct {
	ID, Name, Kind, Boundary string
	Findings, Risks          int
	Anchor                   string // the element's findings group, "" when none
}

// flowRow is one data flow of the system model.
type flowRow struct {
	ID, Name, From, To, Carries string
	Crosses, Encrypted          bool
}

// scoreView is a likelihood and impact pair with its score and band.
type scoreView struct {
	Set                bool
	Likelihood, Impact int
	Score              int
	Band               string
	Swatch             swatch
}

// riskRow is one risk of the register.
type riskRow struct {
	ID, Anchor, Title, Description, Notes string
	Threat, ThreatAnchor                  string
	Elements                              []string
	Inherent, Residual                    scoreView
	Assessed                              bool // the residual pair is set
	Controls                              []controlRow
	Treatment, Status, StatusKey          string
	Owner, Due, Review                    string
	Overdue, ReviewDue, Above             bool
}

// controlRow is one control of a risk.
type controlRow struct {
	Title, Status, StatusKey string
	Provisions               []string
}

// findingGroup is the findings on one element, flow or the project.
type findingGroup struct {
	Target, Name, Kind, Anchor    string
	Proposed, Accepted, Dismissed int
	Rows                          []findingRow
}

// findingRow is one finding with the decision taken on it.
type findingRow struct {
	Key, ThreatID, ThreatTitle, ThreatAnchor string
	Why                                      string
	Decision, DecisionKey, Reason            string
	Risks                                    []string // ids of risks raised from it
}

// staleRow is a decision whose finding no longer fires.
type staleRow struct {
	Finding, Decision, Reason string
}

// coverageView is the project's coverage of the Code of Practice.
type coverageView struct {
	Note       string
	Principles []principleRow
}

// principleRow totals one principle; MetN + AddressedOnly + Open = Total
// split the bar.
type principleRow struct {
	Number                      int
	Title                       string
	Total, Met, Addressed, Open int
	AddressedOnly               int
	OpenProvisions              []provisionItem
	Bar                         []barSegment
}

// barSegment is one coloured part of a coverage bar, in SVG units of 100.
type barSegment struct {
	X, W  float64
	Class string
}

// provisionItem names one provision.
type provisionItem struct {
	ID, Title, Level string
}

// citedThreat is a catalogue entry the report refers to.
type citedThreat struct {
	ID, Anchor, Title, Description, Example string
	Missing                                 bool // a risk names it but the catalogue has no such threat
	Stride, Phases                          string
	Pack, File                              string
	Local                                   bool
	Likelihood, Impact                      int
	Rationale                               string
	Mitigations                             []mitigationView
	References                              []referenceView
	Findings                                int
	Risks                                   []string
}

// mitigationView is one mitigation and the provisions it implements.
type mitigationView struct {
	Text       string
	Provisions []provisionItem
}

// referenceView is one reference id and its name ("" when unknown).
type referenceView struct {
	ID, Name string
}

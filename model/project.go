package model

import "time"

// Project is one threat model: the diagram of an AI system, the decisions on
// suggested threats, the risk register and the Code of Practice checklist.
// Arrays keep the order in which they were stored, so files written from a
// project diff well.
type Project struct {
	Meta       ProjectMeta       `json:"project" yaml:"project"`
	Boundaries []Boundary        `json:"boundaries" yaml:"boundaries"`
	Elements   []Element         `json:"elements" yaml:"elements"`
	Flows      []Flow            `json:"flows" yaml:"flows"`
	Decisions  []Decision        `json:"decisions" yaml:"decisions"`
	Risks      []Risk            `json:"risks" yaml:"risks"`
	Provisions []ProvisionStatus `json:"provisions" yaml:"provisions"`
	// Workshops are the records of sessions run in workshop mode.
	Workshops []Workshop `json:"workshops,omitempty" yaml:"workshops,omitempty"`
	// Scoring is nil when the project uses DefaultScoring.
	Scoring *Scoring `json:"scoring,omitempty" yaml:"scoring,omitempty"`
}

// ProjectMeta is the project's own descriptive data.
type ProjectMeta struct {
	ID          string    `json:"id" yaml:"id"`
	Name        string    `json:"name" yaml:"name"`
	Description string    `json:"description" yaml:"description"`
	Owner       string    `json:"owner" yaml:"owner"`
	Created     time.Time `json:"created" yaml:"created"`
	Updated     time.Time `json:"updated" yaml:"updated"`
	// Packs names the optional catalogue packs switched on for this project
	// (for example "stride", the generic STRIDE-per-element pack).
	Packs []string `json:"packs,omitempty" yaml:"packs,omitempty"`
}

// BoundaryKind says what kind of trust zone a boundary encloses.
type BoundaryKind string

// The trust boundary kinds.
const (
	BoundaryInternet     BoundaryKind = "internet"
	BoundaryOrganisation BoundaryKind = "organisation"
	BoundaryTenant       BoundaryKind = "tenant"
	BoundaryVendor       BoundaryKind = "vendor"
	BoundarySandbox      BoundaryKind = "sandbox"
)

// BoundaryKinds lists every boundary kind in display order.
var BoundaryKinds = []BoundaryKind{BoundaryInternet, BoundaryOrganisation, BoundaryTenant, BoundaryVendor, BoundarySandbox}

// Boundary is a trust boundary. Boundaries nest through Parent. X and Y
// place its top-left corner on the diagram, W and H its size; all zero means
// "not placed yet".
type Boundary struct {
	ID     string       `json:"id" yaml:"id"`
	Name   string       `json:"name" yaml:"name"`
	Kind   BoundaryKind `json:"kind" yaml:"kind"`
	Parent string       `json:"parent,omitempty" yaml:"parent,omitempty"`
	X      float64      `json:"x,omitempty" yaml:"x,omitempty"`
	Y      float64      `json:"y,omitempty" yaml:"y,omitempty"`
	W      float64      `json:"w,omitempty" yaml:"w,omitempty"`
	H      float64      `json:"h,omitempty" yaml:"h,omitempty"`
}

// Element is one node of the data-flow diagram. X and Y place the top-left
// corner of its shape on the diagram (ui/diagram draws shapes about 160 x 72
// units); both zero means "not placed yet".
type Element struct {
	ID          string `json:"id" yaml:"id"`
	Kind        Kind   `json:"kind" yaml:"kind"`
	Name        string `json:"name" yaml:"name"`
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
	// Boundary is the innermost trust boundary that contains the element.
	Boundary string  `json:"boundary,omitempty" yaml:"boundary,omitempty"`
	Props    Props   `json:"props" yaml:"props"`
	X        float64 `json:"x,omitempty" yaml:"x,omitempty"`
	Y        float64 `json:"y,omitempty" yaml:"y,omitempty"`
}

// Flow is a directed data flow between two elements. Whether it crosses a
// trust boundary is derived (Project.Crosses), never stored.
type Flow struct {
	ID          string `json:"id" yaml:"id"`
	From        string `json:"from" yaml:"from"`
	To          string `json:"to" yaml:"to"`
	Name        string `json:"name" yaml:"name"`
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
	Props       Props  `json:"props" yaml:"props"`
}

// DecisionStatus is the triage outcome of a suggested threat.
type DecisionStatus string

// The triage outcomes.
const (
	DecisionProposed  DecisionStatus = "proposed"
	DecisionAccepted  DecisionStatus = "accepted"
	DecisionDismissed DecisionStatus = "dismissed"
)

// DecisionStatuses lists every triage outcome.
var DecisionStatuses = []DecisionStatus{DecisionProposed, DecisionAccepted, DecisionDismissed}

// Decision records what people decided about one finding, keyed by the
// finding key THREAT@TARGET. Findings themselves are computed, never stored.
type Decision struct {
	Finding string         `json:"finding" yaml:"finding"`
	Status  DecisionStatus `json:"status" yaml:"status"`
	Reason  string         `json:"reason" yaml:"reason"`
	Decided time.Time      `json:"decided" yaml:"decided"`
	// Likelihood and Impact optionally override the threat's defaults while
	// triaging (0 = use the default).
	Likelihood int `json:"likelihood,omitempty" yaml:"likelihood,omitempty"`
	Impact     int `json:"impact,omitempty" yaml:"impact,omitempty"`
}

// Treatment is how a risk is handled.
type Treatment string

// The risk treatments.
const (
	TreatmentTreat     Treatment = "treat"
	TreatmentTolerate  Treatment = "tolerate"
	TreatmentTransfer  Treatment = "transfer"
	TreatmentTerminate Treatment = "terminate"
)

// Treatments lists every treatment.
var Treatments = []Treatment{TreatmentTreat, TreatmentTolerate, TreatmentTransfer, TreatmentTerminate}

// RiskStatus is where a risk stands.
type RiskStatus string

// The risk statuses.
const (
	RiskOpen       RiskStatus = "open"
	RiskInProgress RiskStatus = "in_progress"
	RiskAccepted   RiskStatus = "accepted"
	RiskClosed     RiskStatus = "closed"
)

// RiskStatuses lists every risk status.
var RiskStatuses = []RiskStatus{RiskOpen, RiskInProgress, RiskAccepted, RiskClosed}

// ControlStatus is how far a control has got.
type ControlStatus string

// The control statuses.
const (
	ControlPlanned     ControlStatus = "planned"
	ControlInProgress  ControlStatus = "in_progress"
	ControlImplemented ControlStatus = "implemented"
)

// ControlStatuses lists every control status.
var ControlStatuses = []ControlStatus{ControlPlanned, ControlInProgress, ControlImplemented}

// Risk is one entry of the register: an accepted finding or a manual risk.
type Risk struct {
	ID          string `json:"id" yaml:"id"`
	Title       string `json:"title" yaml:"title"`
	Description string `json:"description" yaml:"description"`
	// Finding is the finding key this risk was accepted from; empty for
	// manual risks.
	Finding  string   `json:"finding,omitempty" yaml:"finding,omitempty"`
	Threat   string   `json:"threat,omitempty" yaml:"threat,omitempty"`
	Elements []string `json:"elements" yaml:"elements"`
	// Likelihood and Impact are the inherent scores, 1..5.
	Likelihood int `json:"likelihood" yaml:"likelihood"`
	Impact     int `json:"impact" yaml:"impact"`
	// ResidualLikelihood and ResidualImpact are the scores after the
	// controls, 1..5, or 0 while not yet assessed.
	ResidualLikelihood int        `json:"residual_likelihood" yaml:"residual_likelihood"`
	ResidualImpact     int        `json:"residual_impact" yaml:"residual_impact"`
	Treatment          Treatment  `json:"treatment" yaml:"treatment"`
	Status             RiskStatus `json:"status" yaml:"status"`
	Owner              string     `json:"owner" yaml:"owner"`
	// Due and Review are dates, YYYY-MM-DD, or empty.
	Due      string    `json:"due,omitempty" yaml:"due,omitempty"`
	Review   string    `json:"review,omitempty" yaml:"review,omitempty"`
	Controls []Control `json:"controls" yaml:"controls"`
	Notes    string    `json:"notes" yaml:"notes"`
	// Updated is when the risk last changed (zero when unknown).
	Updated time.Time `json:"updated,omitzero" yaml:"updated,omitempty"`
}

// Control is one measure taken against a risk.
type Control struct {
	Title  string        `json:"title" yaml:"title"`
	Status ControlStatus `json:"status" yaml:"status"`
	// Provisions are UK Code of Practice provision numbers ("2.2", "5.4.1").
	Provisions []string `json:"provisions" yaml:"provisions"`
}

// ProvisionState is a checklist answer for one Code of Practice provision.
type ProvisionState string

// The checklist answers.
const (
	ProvisionMet           ProvisionState = "met"
	ProvisionPartial       ProvisionState = "partial"
	ProvisionNotMet        ProvisionState = "not_met"
	ProvisionNotApplicable ProvisionState = "not_applicable"
	ProvisionUnknown       ProvisionState = "unknown"
)

// ProvisionStates lists every checklist answer.
var ProvisionStates = []ProvisionState{ProvisionMet, ProvisionPartial, ProvisionNotMet, ProvisionNotApplicable, ProvisionUnknown}

// ProvisionStatus is the project's checklist entry for one provision.
type ProvisionStatus struct {
	// ID is the UK provision number, for example "5.1" or "5.4.1".
	ID       string         `json:"id" yaml:"id"`
	Status   ProvisionState `json:"status" yaml:"status"`
	Evidence string         `json:"evidence" yaml:"evidence"`
}

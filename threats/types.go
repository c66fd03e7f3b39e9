package threats

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/vm"
)

// Phase is a lifecycle phase of the Code of Practice.
type Phase string

// The lifecycle phases, in order.
const (
	PhaseDesign      Phase = "design"
	PhaseDevelopment Phase = "development"
	PhaseDeployment  Phase = "deployment"
	PhaseMaintenance Phase = "maintenance"
	PhaseEndOfLife   Phase = "end_of_life"
)

// Phases lists every lifecycle phase in order.
var Phases = []Phase{PhaseDesign, PhaseDevelopment, PhaseDeployment, PhaseMaintenance, PhaseEndOfLife}

// Stride is a STRIDE category.
type Stride string

// The STRIDE categories.
const (
	Spoofing              Stride = "S"
	Tampering             Stride = "T"
	Repudiation           Stride = "R"
	InformationDisclosure Stride = "I"
	DenialOfService       Stride = "D"
	ElevationOfPrivilege  Stride = "E"
)

// Strides lists every STRIDE category in order.
var Strides = []Stride{Spoofing, Tampering, Repudiation, InformationDisclosure, DenialOfService, ElevationOfPrivilege}

// The bundled packs.
const (
	PackAI     = "ai"     // the AI catalogue, on whenever a project has an AI component
	PackStride = "stride" // the generic STRIDE-per-element pack, switched on per project
)

// Mitigation is one measure against a threat and the Code of Practice
// provisions it implements.
type Mitigation struct {
	Text       string
	Provisions []string
}

// Threat is one catalogue entry.
type Threat struct {
	ID, Title, Description, Example string
	Phases                          []Phase
	Stride                          []Stride
	// On lists what the threat attaches to: element kinds, "flow",
	// "project", or a shape group "shape:process", "shape:store",
	// "shape:external_entity".
	On                          []string
	When, WhenFlow, WhenProject string
	Likelihood, Impact          int
	Rationale                   string
	Mitigations                 []Mitigation
	// References are plain strings: "AML.T0051.000", "AML.M0015",
	// "LLM01:2025", "ML02:2023", "ASI01", "CWE-287",
	// "NIST AI 100-2: <section>".
	References []string
	// Pack is "ai", "stride" or the name of a local pack.
	Pack string
	// Local is true for threats loaded from a user's catalogue folder.
	Local bool
	// File is where the threat was loaded from.
	File string

	when, whenFlow, whenProject *condition
}

// condition is a compiled catalogue condition, its checked syntax tree
// (for explanations) and the facts it reads.
type condition struct {
	program *vm.Program
	tree    ast.Node
	facts   []string            // names read, in first-use order ("kind", "source.kind")
	tested  map[string][]string // quoted values each name is compared with
}

// Provisions returns the union of the mitigations' provisions, sorted by
// provision number.
func (t *Threat) Provisions() []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range t.Mitigations {
		for _, p := range m.Provisions {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	sortProvisionIDs(out)
	return out
}

// TargetKind says what a finding is about.
type TargetKind string

// The target kinds.
const (
	TargetElement TargetKind = "element"
	TargetFlow    TargetKind = "flow"
	TargetProject TargetKind = "project"
)

// Fact is one fact a condition read, with its value as text.
type Fact struct{ Name, Value string }

// Finding is a threat suggested for one target of a project.
type Finding struct {
	// Key is THREAT@TARGET (model.FindingKey).
	Key        string
	Threat     *Threat
	Target     string // element id, flow id or "project"
	TargetKind TargetKind
	TargetName string
	// Why lists the facts that made the threat fire, as a sentence:
	// "kind is ai_app; retrieval_augmented is true".
	Why   string
	Facts []Fact
}

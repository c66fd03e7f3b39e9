package threats

import (
	"errors"
	"strings"
	"testing"
)

func TestLoadValidFixture(t *testing.T) {
	c := mustLoad(t, map[string]string{"a.yaml": validThreat})
	th, ok := c.Threat("AIT-900")
	if !ok {
		t.Fatalf("threat AIT-900 not found")
	}
	if got, want := strings.Join(th.Provisions(), ","), "2.2,5.4.1"; got != want {
		t.Errorf("Provisions() = %s, want %s", got, want)
	}
	if th.File != "catalogue/a.yaml" || th.Pack != PackAI || th.Local {
		t.Errorf("got file %q pack %q local %v, want catalogue/a.yaml ai false", th.File, th.Pack, th.Local)
	}
	if got := c.ReferenceName("LLM01:2025"); got != "Prompt Injection" {
		t.Errorf("ReferenceName(LLM01:2025) = %q, want Prompt Injection", got)
	}
	if got := c.ReferenceName("NIST AI 100-2: 3.4 Indirect prompt injection"); got != "3.4 Indirect prompt injection" {
		t.Errorf("ReferenceName(NIST) = %q", got)
	}
	if got := c.ReferenceName("AML.T9999"); got != "" {
		t.Errorf("ReferenceName(unknown) = %q, want empty", got)
	}
}

func TestLoadCWEReference(t *testing.T) {
	src := replaceLine(validThreat, 19, "    references: [LLM01:2025, CWE-287, CWE-1395]")
	c := mustLoad(t, map[string]string{"a.yaml": src})
	th, ok := c.Threat("AIT-900")
	if !ok {
		t.Fatalf("threat AIT-900 not found")
	}
	if got, want := strings.Join(th.References, ","), "LLM01:2025,CWE-287,CWE-1395"; got != want {
		t.Errorf("References = %s, want %s", got, want)
	}
	for ref, want := range map[string]string{"CWE-287": "Improper Authentication",
		"CWE-1395": "Dependency on Vulnerable Third-Party Component", "CWE-99999": ""} {
		if got := c.ReferenceName(ref); got != want {
			t.Errorf("ReferenceName(%s) = %q, want %q", ref, got, want)
		}
	}
}

// loadErrorCases each change one line of validThreat (or add a second
// file) and name the problem Load must report.
var loadErrorCases = []struct {
	name  string
	line  int    // line of validThreat to change
	repl  string // replacement ("" deletes the line)
	want  LoadError
	extra string // a second file, for duplicates
}{
	{"unknown kind", 9, "    on: [ai_app, robot]", LoadError{Line: 9, Threat: "AIT-900", Field: "on", Msg: `unknown target "robot"`}, ""},
	{"unknown property", 10, "    when: retrieval_augmentd", LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "unknown name retrieval_augmentd"}, ""},
	{"unknown enum value", 10, `    when: tool_privilege == "admin"`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: `"admin", which is not one of its values`}, ""},
	{"unknown enum value in list", 10, `    when: human_oversight in ["none", "sometimes"]`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: `"sometimes"`}, ""},
	{"unknown kind value", 10, `    when: kind == "robot"`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: `compares kind with "robot"`}, ""},
	{"kind value not in on", 10, `    when: kind == "tool"`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: `"tool", which is not in on`}, ""},
	{"property no kind in on has", 10, `    when: data_origin == "public_web"`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "reads data_origin, which none of the kinds in on can have"}, ""},
	{"type mismatch", 10, `    when: retrieval_augmented == "yes"`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "mismatched types"}, ""},
	{"not boolean", 10, `    when: tool_privilege`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "expected bool"}, ""},
	{"syntax error", 10, `    when: retrieval_augmented and (`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "unexpected"}, ""},
	{"clock builtin", 10, `    when: now() > 1`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "do not allow"}, ""},
	{"builtin function", 10, `    when: len(tool_privilege) > 0`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "do not allow"}, ""},
	{"regex operator", 10, `    when: tool_privilege matches "w.*"`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: `operator "matches"`}, ""},
	{"range operator", 10, `    when: '"1" in 1..100000000'`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: `operator ".."`}, ""},
	{"member access on element", 10, `    when: kind.name == "x"`, LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "only source.NAME and target.NAME"}, ""},
	{"condition too long", 10, "    when: " + strings.Repeat("retrieval_augmented or ", 100) + "retrieval_augmented", LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "longer than 2000 characters"}, ""},
	{"too many nodes", 10, "    when: " + strings.Repeat("not ", 300) + "retrieval_augmented", LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "exceeds maximum allowed nodes"}, ""},
	{"when_flow missing", 9, "    on: [flow]", LoadError{Line: 3, Threat: "AIT-900", Field: "when_flow", Msg: "is missing"}, ""},
	{"when without element kinds", 9, "    on: [project]", LoadError{Line: 10, Threat: "AIT-900", Field: "when", Msg: "on has no target it applies to"}, ""},
	{"unknown provision", 16, `        provisions: ["2.2", "14.1"]`, LoadError{Line: 16, Threat: "AIT-900", Field: "mitigations.provisions", Msg: `"14.1" is not a provision`}, ""},
	{"mitigation without provisions", 16, `        provisions: []`, LoadError{Line: 15, Threat: "AIT-900", Field: "mitigations.provisions", Msg: "at least one"}, ""},
	{"too few mitigations", 17, "", LoadError{Line: 14, Threat: "AIT-900", Field: "mitigations", Msg: "has 1 mitigations"}, ""},
	{"unknown ATLAS id", 19, "    references: [AML.T9999]", LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: "not a technique or mitigation of MITRE ATLAS 5.6.0"}, ""},
	{"malformed OWASP id", 19, "    references: [LLM01]", LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: "not a known OWASP id"}, ""},
	{"unknown OWASP id", 19, "    references: [ASI11]", LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: "not a known OWASP id"}, ""},
	{"malformed CWE id", 19, "    references: [CWE287]", LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: `"CWE287" is not a CWE id; write CWE-<number>`}, ""},
	{"CWE id without number", 19, "    references: [CWE-]", LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: `"CWE-" is not a CWE id`}, ""},
	{"CWE id with leading zero", 19, "    references: [CWE-0287]", LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: `"CWE-0287" is not a CWE id`}, ""},
	{"lower-case CWE id", 19, "    references: [cwe-287]", LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: `"cwe-287" is not a CWE id`}, ""},
	{"CWE id with its name", 19, `    references: ["CWE-287 Improper Authentication"]`, LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: "is not a CWE id"}, ""},
	{"unknown CWE id", 19, "    references: [CWE-99999]", LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: `"CWE-99999" is not a CWE weakness listed in references.yaml`}, ""},
	{"NIST without prefix", 19, `    references: ["NIST 3.4"]`, LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: `must be written "NIST AI 100-2: <section>"`}, ""},
	{"no references", 19, "    references: []", LoadError{Line: 19, Threat: "AIT-900", Field: "references", Msg: "at least one reference"}, ""},
	{"likelihood too high", 11, "    likelihood: 6", LoadError{Line: 11, Threat: "AIT-900", Field: "likelihood", Msg: "from 1 to 5, not 6"}, ""},
	{"impact zero", 12, "    impact: 0", LoadError{Line: 12, Threat: "AIT-900", Field: "impact", Msg: "from 1 to 5, not 0"}, ""},
	{"impact not a number", 12, "    impact: high", LoadError{Line: 12, Threat: "AIT-900", Field: "impact", Msg: "whole number"}, ""},
	{"missing title", 4, "", LoadError{Line: 3, Threat: "AIT-900", Field: "title", Msg: "is missing"}, ""},
	{"empty description", 5, "    description: ''", LoadError{Line: 5, Threat: "AIT-900", Field: "description", Msg: "is empty"}, ""},
	{"missing example", 6, "", LoadError{Line: 3, Threat: "AIT-900", Field: "example", Msg: "is missing"}, ""},
	{"missing rationale", 13, "", LoadError{Line: 3, Threat: "AIT-900", Field: "rationale", Msg: "is missing"}, ""},
	{"missing phases", 7, "", LoadError{Line: 3, Threat: "AIT-900", Field: "phases", Msg: "is missing"}, ""},
	{"unknown phase", 7, "    phases: [operations]", LoadError{Line: 7, Threat: "AIT-900", Field: "phases", Msg: `unknown phase "operations"`}, ""},
	{"empty stride", 8, "    stride: []", LoadError{Line: 8, Threat: "AIT-900", Field: "stride", Msg: "is empty"}, ""},
	{"unknown stride", 8, "    stride: [X]", LoadError{Line: 8, Threat: "AIT-900", Field: "stride", Msg: `unknown STRIDE category "X"`}, ""},
	{"missing on", 9, "", LoadError{Line: 3, Threat: "AIT-900", Field: "on", Msg: "is missing"}, ""},
	{"unknown field", 13, "    rational: typo", LoadError{Line: 13, Threat: "AIT-900", Field: "rational", Msg: "not a known field"}, ""},
	{"bad id for the ai pack", 3, "  - id: THREAT-1", LoadError{Line: 3, Threat: "THREAT-1", Field: "id", Msg: "AIT-001"}, ""},
	{"disabled in a bundled file", 13, "    disabled: true", LoadError{Line: 13, Threat: "AIT-900", Field: "disabled", Msg: "only local"}, ""},
	{"alias", 13, "    rationale: [&x a, *x]", LoadError{Line: 0, Msg: "line 13: YAML aliases (*x) are not allowed"}, ""},
	{"duplicate id", 0, "", LoadError{Line: 3, Threat: "AIT-900", Field: "id", Msg: "already used by a threat at catalogue/a.yaml line 3"}, validThreat},
}

func TestLoadErrors(t *testing.T) {
	for _, tt := range loadErrorCases {
		t.Run(tt.name, func(t *testing.T) {
			src := validThreat
			if tt.line > 0 {
				src = replaceLine(src, tt.line, tt.repl)
			}
			files := map[string]string{"a.yaml": src}
			want := tt.want
			want.File = "catalogue/a.yaml"
			if tt.extra != "" {
				files["b.yaml"] = tt.extra
				want.File = "catalogue/b.yaml"
			}
			_, err := Load(fixture(t, files))
			assertLoadError(t, err, want)
		})
	}
}

// assertLoadError checks that err is a LoadErrors holding a problem at
// want's file, line, threat and field whose message contains want.Msg.
func assertLoadError(t *testing.T, err error, want LoadError) {
	t.Helper()
	var errs LoadErrors
	if !errors.As(err, &errs) {
		t.Fatalf("got error %v, want LoadErrors", err)
	}
	for _, e := range errs {
		if e.File == want.File && e.Line == want.Line && e.Threat == want.Threat && e.Field == want.Field && strings.Contains(e.Msg, want.Msg) {
			return
		}
	}
	t.Errorf("got errors:\n%v\nwant one at %s:%d %s %s containing %q", err, want.File, want.Line, want.Threat, want.Field, want.Msg)
}

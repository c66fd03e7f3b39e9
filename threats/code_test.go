package threats

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// bundledCode loads the bundled Code of Practice on its own, so these tests
// do not depend on the catalogue files.
func bundledCode(t *testing.T) *Code {
	t.Helper()
	var errs LoadErrors
	code := loadCode(os.DirFS("../assets"), &errs)
	if len(errs) > 0 {
		t.Fatalf("load %s:\n%v", codeFile, errs)
	}
	return code
}

func TestCodeOfPracticeCounts(t *testing.T) {
	code := bundledCode(t)
	shall, should := 0, 0
	for _, p := range code.Provisions {
		switch p.Level {
		case LevelShall:
			shall++
		case LevelShould:
			should++
		}
	}
	tests := []struct {
		name      string
		got, want int
	}{
		{"principles", len(code.Principles), 13},
		{"provisions", len(code.Provisions), 72},
		{"shall", shall, 49},
		{"should", should, 23},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, tt.got, tt.want)
		}
	}
	if !strings.Contains(code.Note, "paraphrase") {
		t.Errorf("note %q does not say the summaries paraphrase the Code", code.Note)
	}
}

// etsiClause is the ETSI EN 304 223 clause of each principle.
var etsiClause = map[int]string{1: "5.1.1", 2: "5.1.2", 3: "5.1.3", 4: "5.1.4", 5: "5.2.1", 6: "5.2.2",
	7: "5.2.3", 8: "5.2.4", 9: "5.2.5", 10: "5.3.1", 11: "5.4.1", 12: "5.4.2", 13: "5.5.1"}

// principlePhase is the lifecycle phase of each principle.
func principlePhase(n int) Phase {
	switch {
	case n <= 4:
		return PhaseDesign
	case n <= 9:
		return PhaseDevelopment
	case n == 10:
		return PhaseDeployment
	case n <= 12:
		return PhaseMaintenance
	}
	return PhaseEndOfLife
}

func TestProvisionsFollowTheCrosswalk(t *testing.T) {
	code := bundledCode(t)
	for _, p := range code.Provisions {
		t.Run(p.ID, func(t *testing.T) {
			_, rest, _ := strings.Cut(p.ID, ".")
			if want := etsiClause[p.Principle] + "-" + rest; p.ETSI != want {
				t.Errorf("ETSI designator: got %s, want %s", p.ETSI, want)
			}
			if len(p.Phases) != 1 || p.Phases[0] != principlePhase(p.Principle) {
				t.Errorf("phases: got %v, want [%s]", p.Phases, principlePhase(p.Principle))
			}
			if len(p.Stakeholders) == 0 {
				t.Errorf("no stakeholders")
			}
			if got, ok := code.Provision(p.ID); !ok || got.ID != p.ID {
				t.Errorf("Provision(%s) did not find it", p.ID)
			}
		})
	}
}

func TestProvisionLookups(t *testing.T) {
	code := bundledCode(t)
	tests := []struct {
		id          string
		ok          bool
		stakeholder Stakeholder
		phase       Phase
	}{
		{"5.4.1", true, DataCustodian, PhaseDevelopment},
		{"10.1", true, EndUser, PhaseDeployment},
		{"10.3", true, AffectedEntity, PhaseDeployment},
		{"1.2.2", true, Developer, PhaseDesign},
		{"13.2", true, DataCustodian, PhaseEndOfLife},
		{"14.1", false, "", ""},
		{"5.4.3", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			p, ok := code.Provision(tt.id)
			if ok != tt.ok {
				t.Fatalf("Provision(%s) found = %v, want %v", tt.id, ok, tt.ok)
			}
			if ok && (!p.For(tt.stakeholder) || !p.In(tt.phase)) {
				t.Errorf("got stakeholders %v phases %v, want %s in %s", p.Stakeholders, p.Phases, tt.stakeholder, tt.phase)
			}
		})
	}
	if got := len(code.ProvisionsOf(5)); got != 7 {
		t.Errorf("ProvisionsOf(5): got %d provisions, want 7", got)
	}
}

func TestReferenceNames(t *testing.T) {
	var errs LoadErrors
	refs := loadReferences(os.DirFS("../assets"), &errs)
	if len(errs) > 0 {
		t.Fatalf("load %s:\n%v", referencesFile, errs)
	}
	count := map[string]int{}
	for id := range refs {
		switch {
		case strings.HasPrefix(id, "AML.T"):
			count["atlas techniques"]++
		case strings.HasPrefix(id, "AML.M"):
			count["atlas mitigations"]++
		case strings.HasSuffix(id, ":2025"):
			count["llm"]++
		case strings.HasSuffix(id, ":2023"):
			count["ml"]++
		case strings.HasPrefix(id, "ASI"):
			count["agentic"]++
		case strings.HasPrefix(id, "CWE"):
			count["cwe"]++
			if !isCWE(id) {
				t.Errorf("%s: not written CWE-<number>", id)
			}
		}
	}
	want := map[string]int{"atlas techniques": 170, "atlas mitigations": 35, "llm": 10, "ml": 10, "agentic": 10, "cwe": 39}
	if got := fmt.Sprint(count); got != fmt.Sprint(want) {
		t.Errorf("got %s, want %s", got, fmt.Sprint(want))
	}
	for id, name := range map[string]string{"AML.T0051.001": "LLM Prompt Injection: Indirect", "AML.M0015": "Adversarial Input Detection",
		"LLM08:2025": "Vector and Embedding Weaknesses", "ML04:2023": "Membership Inference Attack", "ASI06": "Memory and Context Poisoning",
		"CWE-287": "Improper Authentication", "CWE-200": "Exposure of Sensitive Information to an Unauthorized Actor"} {
		if refs[id] != name {
			t.Errorf("%s: got %q, want %q", id, refs[id], name)
		}
	}
}

func TestCompareProvisionIDs(t *testing.T) {
	ids := []string{"10.1", "5.4.1", "5.4", "2.2", "9.2.1", "5.10"}
	sortProvisionIDs(ids)
	if got, want := strings.Join(ids, " "), "2.2 5.4 5.4.1 5.10 9.2.1 10.1"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestProvisionOnAHandBuiltCode(t *testing.T) {
	code := &Code{Provisions: []Provision{{ID: "2.2"}, {ID: "5.4.1"}}}
	if p, ok := code.Provision("5.4.1"); !ok || p.ID != "5.4.1" {
		t.Errorf("Provision(5.4.1) = %v, %v; want it found", p, ok)
	}
	if _, ok := code.Provision("9.9"); ok {
		t.Errorf("Provision(9.9) found, want not found")
	}
}

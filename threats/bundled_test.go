package threats

import (
	"fmt"
	"strings"
	"testing"
)

// bundledCatalogue loads the embedded catalogue, failing with every load
// error.
func bundledCatalogue(t testing.TB) *Catalogue {
	t.Helper()
	c, err := Bundled()
	if err != nil {
		t.Fatalf("the bundled catalogue does not load:\n%v", err)
	}
	return c
}

func TestBundledCatalogueLoads(t *testing.T) {
	c := bundledCatalogue(t)
	for n := 1; n <= 89; n++ {
		id := fmt.Sprintf("AIT-%03d", n)
		if th, ok := c.Threat(id); !ok {
			t.Errorf("%s is missing", id)
		} else if th.Pack != PackAI {
			t.Errorf("%s: pack %q, want ai", id, th.Pack)
		}
	}
	if got := len(c.ThreatsByPack(PackStride)); got < 15 {
		t.Errorf("the stride pack has %d threats, want at least 15", got)
	}
	if got, want := strings.Join(c.Packs(), ","), "ai,stride"; got != want {
		t.Errorf("Packs() = %s, want %s", got, want)
	}
	if !strings.Contains(c.Version, fmt.Sprintf("(%d threats)", len(c.Threats))) {
		t.Errorf("Version %q does not give the number of threats %d", c.Version, len(c.Threats))
	}
}

// TestBundledMitigationsCoverTheCode checks that the mitigations reach all
// 13 principles and at least 65 of the 72 provisions.
func TestBundledMitigationsCoverTheCode(t *testing.T) {
	c := bundledCatalogue(t)
	covered := map[string]bool{}
	for _, th := range c.Threats {
		for _, p := range th.Provisions() {
			covered[p] = true
		}
	}
	principles := map[int]bool{}
	var missing []string
	for _, p := range c.Code.Provisions {
		if covered[p.ID] {
			principles[p.Principle] = true
		} else {
			missing = append(missing, p.ID)
		}
	}
	if len(principles) != 13 {
		t.Errorf("mitigations reach %d principles, want 13", len(principles))
	}
	if n := len(c.Code.Provisions) - len(missing); n < 65 {
		t.Errorf("mitigations cover %d provisions, want at least 65; not covered: %v", n, missing)
	}
	t.Logf("provisions not named by any mitigation: %v", missing)
}

// TestBundledThreatsAreTraceable checks that every threat names at least
// one provision, that every threat of the ai pack cites a framework (ATLAS
// or OWASP), and that every threat of the generic stride pack cites one to
// three MITRE CWE weaknesses (and so at least one reference).
func TestBundledThreatsAreTraceable(t *testing.T) {
	c := bundledCatalogue(t)
	for _, th := range c.Threats {
		framework, cwes := false, 0
		for _, r := range th.References {
			if strings.HasPrefix(r, "AML.") || strings.HasPrefix(r, "LLM") || strings.HasPrefix(r, "ML") || strings.HasPrefix(r, "ASI") {
				framework = true
			}
			if strings.HasPrefix(r, cwePrefix) {
				cwes++
			}
		}
		if !framework && th.Pack == PackAI {
			t.Errorf("%s (%s) has no ATLAS or OWASP reference", th.ID, th.File)
		}
		if th.Pack == PackStride && (cwes < 1 || cwes > 3) {
			t.Errorf("%s (%s) cites %d CWE weaknesses in %v, want 1 to 3", th.ID, th.File, cwes, th.References)
		}
		if len(th.Provisions()) == 0 {
			t.Errorf("%s (%s) names no provision", th.ID, th.File)
		}
	}
}

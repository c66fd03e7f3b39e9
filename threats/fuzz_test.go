package threats

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"airisk/model"
)

// FuzzLoad feeds arbitrary catalogue files to the loader (as a local
// file, so the Code and reference names are parsed once): it must never
// panic, and whatever loads must analyse a project without panicking.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{validThreat, localAdd, localOverride, localDisable, "pack: ai\nthreats: [", "a: &x [*x, *x]"} {
		f.Add(seed)
	}
	base := mustLoad(f, map[string]string{"a.yaml": validThreat})
	sample := aiProject()
	f.Fuzz(func(t *testing.T, data string) {
		c, err := base.WithLocal(fstest.MapFS{"f.yaml": {Data: []byte(data)}}, "fuzz")
		if err != nil {
			var errs LoadErrors
			if !errors.As(err, &errs) {
				t.Fatalf("got %T, want LoadErrors", err)
			}
			return
		}
		Analyse(sample, c)
	})
}

func TestLoadLimits(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"too large", make([]byte, model.MaxImportBytes+1), "is larger than 50 MB"},
		{"too many nodes", []byte("x: [" + strings.Repeat("1,", MaxYAMLNodes) + "1]"), "more than 500000 YAML nodes"},
		{"empty", nil, "is empty"},
		{"not a mapping", []byte("- a\n- b\n"), "must be a mapping"},
		{"not YAML", []byte("a: [\n"), "is not valid YAML"},
		{"no threats", []byte("pack: ai\n"), "threats: must be a list of threats"},
		{"no pack", []byte("threats: []\n"), "pack: is missing"},
		{"too many problems", []byte(strings.Repeat("k: v\n", 5000)), "stopped after 1000 problems"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixture(t, nil)
			fsys["catalogue/big.yaml"] = &fstest.MapFile{Data: tt.data}
			_, err := Load(fsys)
			var errs LoadErrors
			if !errors.As(err, &errs) || !slices.ContainsFunc(errs, func(e LoadError) bool { return strings.Contains(e.Error(), tt.want) }) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
			if len(errs) > MaxLoadErrors+1 {
				t.Errorf("got %d problems, want at most %d", len(errs), MaxLoadErrors+1)
			}
		})
	}
}

func TestLoadReportsEveryProblem(t *testing.T) {
	broken := replaceLine(replaceLine(validThreat, 11, "    likelihood: 9"), 19, "    references: [LLM99:2025]")
	_, err := Load(fixture(t, map[string]string{"a.yaml": broken}))
	var errs LoadErrors
	if !errors.As(err, &errs) || len(errs) != 2 {
		t.Fatalf("got %v, want 2 problems", err)
	}
	want := `catalogue/a.yaml:11: AIT-900: likelihood: must be from 1 to 5, not 9
catalogue/a.yaml:19: AIT-900: references: "LLM99:2025" is not a known OWASP id; write LLM01:2025, ML01:2023 or ASI01`
	if got := err.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestLoadWithoutCatalogueFiles(t *testing.T) {
	if _, err := Load(fixture(t, nil)); !errors.Is(err, ErrNoThreats) {
		t.Errorf("got %v, want ErrNoThreats", err)
	}
}

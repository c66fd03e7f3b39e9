package diagram

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"go.yaml.in/yaml/v3"

	"airisk/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// samplePath is the bundled sample project (portable format).
var samplePath = filepath.Join("..", "..", "assets", "samples", "support-assistant.airisk.yaml")

// loadSample reads the bundled sample project. The portable file's fields
// match the model's YAML names, so plain YAML decoding is enough here.
func loadSample(t testing.TB) *model.Project {
	t.Helper()
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatalf("read sample: %v", err)
	}
	var p model.Project
	if err := yaml.Unmarshal(data, &p); err != nil {
		t.Fatalf("decode sample: %v", err)
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("sample does not validate: %v", err)
	}
	return &p
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("write golden %s: %v", path, err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden %s (run with -update to create it): %v", path, err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the golden file; run with -update and review the diff.\ngot:\n%s", path, got)
	}
}

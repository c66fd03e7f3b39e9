package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLayering states design.md's import rules as a table and fails when a
// package imports what it must not (in the spirit of go/build/deps_test.go).
func TestLayering(t *testing.T) {
	rules := []struct {
		pkg       string
		forbidden []string
	}{
		{"airisk/model", []string{"airisk/", "fyne.io/", "go.etcd.io/", "github.com/", "go.yaml.in/"}},
		{"airisk/threats", []string{"airisk/storage", "airisk/ui", "fyne.io/", "go.etcd.io/"}},
		{"airisk/storage", []string{"airisk/ui", "airisk/threats", "fyne.io/"}},
		{"airisk/storage/file", []string{"airisk/ui", "airisk/storage", "airisk/threats", "fyne.io/", "go.etcd.io/"}},
		{"airisk/storage/xlsx", []string{"airisk/ui", "airisk/storage", "fyne.io/", "go.etcd.io/"}},
		{"airisk/storage/report", []string{"airisk/ui", "airisk/storage", "fyne.io/", "go.etcd.io/"}},
		{"airisk/ui", []string{"airisk/storage", "fyne.io/fyne/v2/app", "go.etcd.io/"}},
		{"airisk/ui/diagram", []string{"airisk/storage", "airisk/ui", "fyne.io/fyne/v2/app", "go.etcd.io/"}},
		{"airisk/assets", []string{"airisk/", "fyne.io/"}},
	}
	imports := packageImports(t)
	for _, r := range rules {
		t.Run(r.pkg, func(t *testing.T) {
			list, ok := imports[r.pkg]
			if !ok {
				t.Fatalf("package %s not found in the module", r.pkg)
			}
			for _, imp := range list {
				for _, bad := range r.forbidden {
					if strings.HasPrefix(imp, bad) && !allowed(r.pkg, imp) {
						t.Errorf("%s imports %s; design.md forbids %s*", r.pkg, imp, bad)
					}
				}
			}
		})
	}
}

// allowed lists the exceptions the rules' prefixes would otherwise catch.
func allowed(pkg, imp string) bool {
	switch {
	case imp == "airisk/model", imp == "airisk/assets":
		return pkg != "airisk/model" && pkg != "airisk/assets"
	case pkg == "airisk/ui" && imp == "airisk/ui/diagram":
		return true
	case (pkg == "airisk/storage/xlsx" || pkg == "airisk/storage/report") && imp == "airisk/storage/file":
		return true // the one atomic file writer (file.WriteAtomic)
	}
	return false
}

// packageImports maps each package of the module to its non-test imports.
func packageImports(t *testing.T) map[string][]string {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "airisk/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	m := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		m[fields[0]] = fields[1:]
	}
	return m
}

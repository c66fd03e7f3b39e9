package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"airisk/model"
)

func TestUsageAndVersion(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"version", []string{"version"}, 0, "airisk 0.1.0", ""},
		{"help", []string{"help"}, 0, "Commands:", ""},
		{"unknown command", []string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{"unknown flag", []string{"--colour", "projects"}, 2, "", "flag provided but not defined"},
		{"missing argument", []string{"--db", "x.db", "export"}, 2, "", "expected"},
		{"export needs a target", []string{"--db", "x.db", "export", "p"}, 2, "", "exactly one of -o FILE or --xlsx FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := airisk(t, false, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stdout, tt.stdout) || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("got code %d, stdout %q, stderr %q; want code %d, stdout with %q, stderr with %q",
					r.code, r.stdout, r.stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

// TestProjectLifecycle drives the commands a script would use, in order,
// against one temporary database.
func TestProjectLifecycle(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "airisk.db")
	sample := sampleFile(t)
	run := func(args ...string) result { return airisk(t, false, append([]string{"--db", db}, args...)...) }

	if r := run("projects"); r.code != 0 || r.stdout != "" {
		t.Fatalf("projects on a new database: got %+v, want no output", r)
	}
	if r := run("new", "Fraud scoring model"); r.code != 0 || lastLine(r.stdout) != "fraud-scoring-model" {
		t.Fatalf("new: got %+v, want id fraud-scoring-model", r)
	}
	r := run("import", sample)
	if r.code != 0 || lastLine(r.stdout) != "support-assistant" {
		t.Fatalf("import: got %+v, want id support-assistant last", r)
	}
	r = run("import", sample)
	if r.code != 0 || lastLine(r.stdout) != "support-assistant-2" || !strings.Contains(r.stdout, "already exists") {
		t.Fatalf("second import: got %+v, want a copy support-assistant-2", r)
	}
	if r = run("import", "--replace", sample); r.code != 0 || lastLine(r.stdout) != "support-assistant" {
		t.Fatalf("import --replace: got %+v", r)
	}
	r = run("projects")
	want := "fraud-scoring-model\tFraud scoring model\n"
	if r.code != 0 || !strings.Contains(r.stdout, want) || strings.Count(r.stdout, "\n") != 3 {
		t.Fatalf("projects: got %q, want three lines including %q", r.stdout, want)
	}
	out := filepath.Join(dir, "out.airisk.yaml")
	if r = run("export", "Customer support assistant", "-o", out); r.code != 1 || !strings.Contains(r.stderr, "projects are named") {
		t.Errorf("export by an ambiguous name: got %+v, want an error asking for the id", r)
	}
	if r = run("export", "support-assistant", "-o", out); r.code != 0 {
		t.Fatalf("export: got %+v", r)
	}
	if r = run("validate", out); r.code != 0 || !strings.Contains(r.stdout, "valid (3 boundaries, 18 elements, 26 flows, 3 risks)") {
		t.Errorf("validate the export: got %+v", r)
	}
	if r = run("delete", "fraud-scoring-model"); r.code != 0 {
		t.Fatalf("delete: got %+v", r)
	}
	if r = run("delete", "fraud-scoring-model"); r.code != 1 || !strings.Contains(r.stderr, `no project "fraud-scoring-model"`) {
		t.Errorf("delete twice: got %+v, want exit 1 naming the project", r)
	}
	if r = run("backups"); r.code != 0 || !strings.Contains(r.stdout, "backups") {
		t.Errorf("backups: got %+v, want at least one backup listed", r)
	}
}

func TestValidateReportsProblems(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.airisk.yaml")
	data, _ := os.ReadFile(sampleFile(t))
	broken := strings.Replace(string(data), "to: llm\n", "to: llm2\n", 1)
	if err := os.WriteFile(bad, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	r := airisk(t, false, "validate", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "bad.airisk.yaml") || !strings.Contains(r.stderr, `unknown element "llm2"`) {
		t.Errorf("got %+v, want exit 1 naming the file and the dangling flow", r)
	}
	if r := airisk(t, false, "validate", filepath.Join(dir, "missing.yaml")); r.code != 1 || r.stderr == "" {
		t.Errorf("missing file: got %+v, want exit 1 with a message", r)
	}
}

func TestAnalyseJSON(t *testing.T) {
	r := airisk(t, false, "analyse", sampleFile(t), "--json")
	if r.code != 0 {
		t.Fatalf("analyse: got %+v", r)
	}
	var got struct {
		Project  struct{ ID, Name string }
		Findings []map[string]any
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("analyse --json is not JSON: %v", err)
	}
	if got.Project.ID != "support-assistant" || len(got.Findings) < 20 {
		t.Fatalf("got project %q with %d findings, want support-assistant with at least 20", got.Project.ID, len(got.Findings))
	}
	for _, key := range []string{"key", "threat", "title", "target", "target_kind", "stride", "phase", "references", "provisions", "likelihood", "impact", "why"} {
		if _, ok := got.Findings[0][key]; !ok {
			t.Errorf("finding has no %q field: %v", key, got.Findings[0])
		}
	}
}

func TestReferenceCommands(t *testing.T) {
	sample := sampleFile(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"analyse text", []string{"analyse", sample}, "why:"},
		{"coverage", []string{"coverage", sample}, "Principle"},
		{"coverage json", []string{"coverage", sample, "--json"}, `"principles"`},
		{"catalogue", []string{"catalogue"}, "AIT-044"},
		{"catalogue json", []string{"catalogue", "--json"}, `"threats"`},
		{"provisions", []string{"provisions"}, "5.4.1"},
		{"provisions json", []string{"provisions", "--json"}, "5.2.1-4.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := airisk(t, false, tt.args...)
			if r.code != 0 || !strings.Contains(r.stdout, tt.want) {
				t.Errorf("got code %d stdout %.300q stderr %q, want output with %q", r.code, r.stdout, r.stderr, tt.want)
			}
		})
	}
}

func TestTemplatesCommand(t *testing.T) {
	r := airisk(t, false, "templates")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != 0 || len(lines) != 5 {
		t.Fatalf("templates: got code %d and %d lines %q, want 0 and 5", r.code, len(lines), r.stdout)
	}
	for _, want := range []string{"rag-assistant\tRAG assistant", "agent-with-tools\t"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("templates: got %q, want a line with %q", r.stdout, want)
		}
	}
}

// TestNewFromTemplate creates a project from a template and exports it:
// it holds the template's diagram under the typed name and a fresh id.
func TestNewFromTemplate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "airisk.db")
	run := func(args ...string) result { return airisk(t, false, append([]string{"--db", db}, args...)...) }
	if r := run("new", "My RAG", "--template", "rag-assistant"); r.code != 0 || lastLine(r.stdout) != "my-rag" {
		t.Fatalf("new --template: got %+v, want id my-rag", r)
	}
	out := filepath.Join(dir, "my-rag.json")
	if r := run("export", "my-rag", "-o", out); r.code != 0 {
		t.Fatalf("export: got %+v", r)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Project  struct{ ID, Name, Description string }
		Elements []struct{ ID string }
		Flows    []struct{ ID string }
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	ts, err := bundledTemplates()
	if err != nil {
		t.Fatal(err)
	}
	var want *model.Project
	for _, tpl := range ts {
		if tpl.ID == "rag-assistant" {
			want = tpl.Project
		}
	}
	if want == nil {
		t.Fatal("no bundled rag-assistant template")
	}
	if got.Project.ID != "my-rag" || got.Project.Name != "My RAG" || got.Project.Description != want.Meta.Description {
		t.Errorf("exported project: got %+v, want id my-rag, name My RAG and the template's description", got.Project)
	}
	if len(got.Elements) != len(want.Elements) || len(got.Flows) != len(want.Flows) || len(got.Elements) == 0 {
		t.Errorf("exported %d elements, %d flows; want the template's %d, %d",
			len(got.Elements), len(got.Flows), len(want.Elements), len(want.Flows))
	}
}

func TestNewFromUnknownTemplate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "airisk.db")
	r := airisk(t, false, "--db", db, "new", "X", "--template", "chatbot")
	if r.code != 1 || !strings.Contains(r.stderr, `no template "chatbot"`) || !strings.Contains(r.stderr, "rag-assistant") {
		t.Errorf("got code %d, stderr %q; want 1 naming the available templates", r.code, r.stderr)
	}
	if r := airisk(t, false, "--db", db, "projects"); r.stdout != "" {
		t.Errorf("projects after a failed new: got %q, want none", r.stdout)
	}
}

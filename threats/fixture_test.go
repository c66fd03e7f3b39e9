package threats

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// validThreat is a threat that loads; error cases change one line of it.
// Line numbers below count from "pack: ai" as line 1.
const validThreat = `pack: ai
threats:
  - id: AIT-900
    title: Retrieved text steers the assistant
    description: Instructions hidden in retrieved passages are followed as if the operator wrote them.
    example: A forum answer tells the assistant to reveal the customer's address.
    phases: [deployment]
    stride: [T]
    on: [ai_app, agent]
    when: retrieval_augmented and kind == "ai_app"
    likelihood: 3
    impact: 4
    rationale: Common in RAG systems; the damage depends on what the assistant may do.
    mitigations:
      - text: Mark retrieved text as data in the prompt.
        provisions: ["2.2"]
      - text: Review content before it is indexed.
        provisions: ["5.4.1"]
    references: [AML.T0051.001, LLM01:2025, "NIST AI 100-2: 3.4 Indirect prompt injection"]
`

// bundledData reads one of the bundled data files for fixtures.
func bundledData(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../assets/" + name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return data
}

// fixture builds a catalogue fs from the bundled Code and reference names
// plus the given catalogue files (name -> content).
func fixture(t testing.TB, files map[string]string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{
		codeFile:       {Data: bundledData(t, codeFile)},
		referencesFile: {Data: bundledData(t, referencesFile)},
	}
	for name, content := range files {
		fsys[catalogueDir+"/"+name] = &fstest.MapFile{Data: []byte(content)}
	}
	return fsys
}

// replaceLine returns src with line n (1-based) replaced by repl; an empty
// repl deletes the line.
func replaceLine(src string, n int, repl string) string {
	lines := strings.Split(src, "\n")
	if repl == "" {
		lines = append(lines[:n-1], lines[n:]...)
	} else {
		lines[n-1] = repl
	}
	return strings.Join(lines, "\n")
}

// mustLoad loads a fixture catalogue, failing the test on any error.
func mustLoad(t testing.TB, files map[string]string) *Catalogue {
	t.Helper()
	c, err := Load(fixture(t, files))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return c
}

// bundledCatalogueFiles reads the bundled catalogue/*.yaml files.
func bundledCatalogueFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	dir := os.DirFS("../assets")
	names, err := fs.Glob(dir, catalogueDir+"/*.yaml")
	if err != nil {
		t.Fatalf("list catalogue: %v", err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(dir, name)
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		out[name] = &fstest.MapFile{Data: data}
	}
	return out
}

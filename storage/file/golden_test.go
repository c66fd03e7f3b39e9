package file

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with the golden file at path, or rewrites the file
// when the test runs with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: output differs from the golden file (run go test -update and review the diff)\ngot:\n%s", path, firstDiff(got, want))
	}
}

// firstDiff shows where two texts part, a few lines either side.
func firstDiff(got, want []byte) string {
	g, w := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(g) || i < len(w); i++ {
		if i >= len(g) || i >= len(w) || !bytes.Equal(g[i], w[i]) {
			from := max(0, i-2)
			out := "line " + strconv.Itoa(i+1) + ":\n"
			for j := from; j < i+3; j++ {
				if j < len(g) {
					out += "got : " + string(g[j]) + "\n"
				}
				if j < len(w) {
					out += "want: " + string(w[j]) + "\n"
				}
			}
			return out
		}
	}
	return "(identical lines, different bytes)"
}

// mustRead reads a portable file from testdata or fails the test.
func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

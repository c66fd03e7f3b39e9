package file

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"airisk/model"
)

func TestWriteFile(t *testing.T) {
	p, err := ReadFile("testdata/canonical.airisk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, golden := range map[string]string{
		"out.airisk.json": "testdata/canonical.airisk.json",
		"out.airisk.yaml": "testdata/canonical.airisk.yaml",
		"OUT.YML":         "testdata/canonical.airisk.yaml",
	} {
		path := filepath.Join(dir, name)
		if err := WriteFile(path, p); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := mustRead(t, path); !bytes.Equal(got, mustRead(t, golden)) {
			t.Errorf("%s differs from %s", name, golden)
		}
	}
	assertOnlyFiles(t, dir, "OUT.YML", "out.airisk.json", "out.airisk.yaml")
}

// TestWriteFileNothingHalfWritten: a failed write leaves the old file as
// it was and no temporary file behind.
func TestWriteFileNothingHalfWritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "keep.json")
	if err := os.WriteFile(path, []byte("old content\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := &model.Project{Meta: model.ProjectMeta{ID: "p", Name: "P"}, Elements: []model.Element{{ID: "a", Kind: "robot", Name: "A"}}}
	if err := WriteFile(path, bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("invalid project: got %v, want ErrInvalid", err)
	}
	if err := WriteFile(filepath.Join(dir, "x.txt"), bad); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("extension .txt: got %v, want ErrUnknownFormat", err)
	}
	good := &model.Project{Meta: model.ProjectMeta{ID: "p", Name: "P"}}
	if err := WriteFile(filepath.Join(dir, "no-such-dir", "x.json"), good); err == nil || !strings.Contains(err.Error(), "x.json") {
		t.Errorf("missing folder: got %v, want an error naming the file", err)
	}
	if got := string(mustRead(t, path)); got != "old content\n" {
		t.Errorf("old file changed to %q", got)
	}
	assertOnlyFiles(t, dir, "keep.json")
}

// TestWriteFileReplaces: an existing file is replaced whole.
func TestWriteFileReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.json")
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), 1<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	p := &model.Project{Meta: model.ProjectMeta{ID: "p", Name: "P"}}
	if err := WriteFile(path, p); err != nil {
		t.Fatal(err)
	}
	q, err := ReadFile(path)
	if err != nil || q.Meta.ID != "p" {
		t.Errorf("read back: %v", err)
	}
}

func assertOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("folder holds %v, want %v (no temporary files left)", got, want)
	}
}

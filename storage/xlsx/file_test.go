//go:build unix

package xlsx

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func TestExportFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.xlsx")
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	must(t, os.WriteFile(path, []byte("an older export"), 0o600))

	must(t, ExportFile(path, loadSample(t), nil, Options{Now: exportTime}))
	info, err := os.Stat(path)
	must(t, err)
	if got, want := info.Mode().Perm(), fs.FileMode(0o640); got != want {
		t.Errorf("mode: got %v, want %v (0666 less the umask)", got, want)
	}
	data, err := os.ReadFile(path)
	must(t, err)
	if rs := rows(t, open(t, data), sheetRegister); len(rs) != 4 {
		t.Errorf("register rows: got %d, want 4", len(rs))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files in the folder: got %d, want only the workbook (no temporary files)", len(entries))
	}
}

func TestExportFileFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.xlsx")
	must(t, os.WriteFile(path, []byte("an older export"), 0o644))
	err := ExportFile(path, loadSample(t), nil, Options{Diagram: []byte("not a picture")})
	if !errors.Is(err, ErrDiagram) {
		t.Fatalf("got %v, want ErrDiagram", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "an older export" {
		t.Errorf("the older file was changed to %d bytes", len(data))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files in the folder: got %d, want the older file alone", len(entries))
	}
	if err := ExportFile(filepath.Join(dir, "missing", "x.xlsx"), loadSample(t), nil, Options{}); err == nil {
		t.Error("export into a missing folder: got no error")
	}
}

//go:build unix

package file

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"airisk/model"
)

// TestWriteFileUmask: exported files get 0666 less the user's umask, like
// any file the user creates, not the 0600 of a temporary file.
func TestWriteFileUmask(t *testing.T) {
	p := &model.Project{Meta: model.ProjectMeta{ID: "p", Name: "P"}}
	for _, mask := range []int{0o022, 0o077, 0o002} {
		old := syscall.Umask(mask)
		path := filepath.Join(t.TempDir(), "p.yaml")
		err := WriteFile(path, p)
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := info.Mode().Perm(), os.FileMode(0o666&^mask); got != want {
			t.Errorf("umask %03o: mode %03o, want %03o", mask, got, want)
		}
	}
}

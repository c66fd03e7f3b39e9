package storage

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"airisk/model"
)

// mountTmpfs mounts a small tmpfs on a new temporary folder, or skips the
// test where that is not allowed. It is unmounted at cleanup.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("skipped: simulating a full or read-only disk needs root on Linux to mount a small tmpfs")
	}
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0700", "tmpfs", dir).CombinedOutput()
	if err != nil {
		t.Skipf("skipped: cannot mount a tmpfs here (%v: %s)", err, strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// fillDisk writes a file in dir until the disk is full and returns it.
func fillDisk(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = io.Copy(f, zeroReader{})
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("filling the disk ended with %v, want ENOSPC", err)
	}
	return path
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestFullDisk fills the disk under the database: an edit then fails with
// a clear message and leaves the previous state, and the database works
// again once there is room.
func TestFullDisk(t *testing.T) {
	dir := mountTmpfs(t, "16m")
	path := filepath.Join(dir, "airisk.db")
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close(); checkFile(t, path) })
	mustCreate(t, db, richProject("p", "P"))
	before := dump(t, db)
	filler := fillDisk(t, dir)

	big := model.Change{Summary: "bulk add"}
	for i := range 300 {
		big.Ops = append(big.Ops, model.PutElement(model.Element{ID: fmt.Sprintf("bulk%d", i), Kind: model.KindProcess,
			Name: "Bulk", Description: strings.Repeat("d", 10000)}))
	}
	err = db.Apply("p", big)
	want := fmt.Sprintf("could not save: the disk is full (%s)", path)
	if err == nil || err.Error() != want {
		t.Fatalf("Apply on a full disk = %v, want %q", err, want)
	}
	if after := dump(t, db); !reflect.DeepEqual(after, before) {
		t.Errorf("the failed edit left traces: %v", diffKeys(before, after))
	}
	mustLoad(t, db, "p")

	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if err := db.Apply("p", big); err != nil {
		t.Fatalf("Apply once there is room again: %v", err)
	}
	db = reopen(t, db, Options{NoBackup: true})
	if p := mustLoad(t, db, "p"); len(p.Elements) != len(richProject("p", "P").Elements)+300 {
		t.Errorf("after the retry the project has %d elements", len(p.Elements))
	}
}

// readOnlyDir returns a folder and a function that makes it read-only: a
// tmpfs remounted read-only as root (who ignores permissions), or a folder
// without write permission otherwise.
func readOnlyDir(t *testing.T) (dir string, seal func(files ...string)) {
	t.Helper()
	if os.Geteuid() != 0 {
		dir = t.TempDir()
		return dir, func(files ...string) {
			for _, f := range files {
				_ = os.Chmod(f, 0o400)
			}
			_ = os.Chmod(dir, 0o500)
			t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
		}
	}
	dir = mountTmpfs(t, "8m")
	return dir, func(...string) {
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Skipf("skipped: cannot remount the tmpfs read-only (%v: %s)", err, out)
		}
	}
}

func TestReadOnlyFolder(t *testing.T) {
	dir, seal := readOnlyDir(t)
	path := filepath.Join(dir, "airisk.db")
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, db, richProject("p", "P"))
	_ = db.Close()
	seal(path)

	t.Run("new database", func(t *testing.T) {
		fresh := filepath.Join(dir, "new.db")
		_, err := Open(fresh, Options{})
		if err == nil || !strings.Contains(err.Error(), "could not create the database \""+fresh) || !strings.Contains(err.Error(), "read-only") {
			t.Errorf("Open of a new database in a read-only folder = %v, want a clear read-only error naming it", err)
		}
		if exists(fresh) {
			t.Errorf("a file was created in the read-only folder")
		}
	})
	t.Run("existing database for writing", func(t *testing.T) {
		_, err := Open(path, Options{})
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "open it read-only") {
			t.Errorf("writable Open in a read-only folder = %v, want advice to open it read-only", err)
		}
	})
	t.Run("existing database read-only", func(t *testing.T) {
		db, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("read-only Open in a read-only folder: %v", err)
		}
		defer db.Close()
		if got := mustLoad(t, db, "p"); !reflect.DeepEqual(got, richProject("p", "P")) {
			t.Errorf("read-only Load differs from what was stored")
		}
		if list, err := db.Projects(); err != nil || len(list) != 1 {
			t.Errorf("Projects = %v, %v", list, err)
		}
	})
}

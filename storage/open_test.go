package storage

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"airisk/model"
)

func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", "/config/home")
	t.Setenv("HOME", "/home/someone")
	got, err := DefaultPath()
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := os.UserConfigDir()
	if want := filepath.Join(dir, "airisk", "airisk.db"); got != want {
		t.Errorf("DefaultPath = %q, want %q", got, want)
	}
}

func TestNewFileModes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "made", "for", "us", "airisk.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, db, richProject("p", "P"))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(path, Options{}) // takes the first backup
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	backups, _ := db.Backups()
	if len(backups) != 1 {
		t.Fatalf("backups = %v, want one", backups)
	}
	modes := []struct {
		path string
		want os.FileMode
	}{
		{path, 0o600},
		{filepath.Dir(path), os.ModeDir | 0o700},
		{filepath.Dir(filepath.Dir(path)), os.ModeDir | 0o700},
		{backupDir(path), os.ModeDir | 0o700},
		{backups[0].Path, 0o600},
	}
	for _, m := range modes {
		info, err := os.Stat(m.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode(); got != m.want {
			t.Errorf("mode of %s = %v, want %v", m.path, got, m.want)
		}
	}
}

func TestExistingModeKept(t *testing.T) {
	db := openTest(t, Options{NoBackup: true})
	if err := os.Chmod(db.Path(), 0o640); err != nil {
		t.Fatal(err)
	}
	db = reopen(t, db, Options{NoBackup: true})
	mustCreate(t, db, richProject("p", "P"))
	if info, _ := os.Stat(db.Path()); info.Mode() != 0o640 {
		t.Errorf("mode of an existing database = %v after writing, want the user's 0640 kept", info.Mode())
	}
}

// TestLockedBySecondProcess opens the database in a real second process
// and expects a clear ErrLocked here within two seconds, never a hang.
func TestLockedBySecondProcess(t *testing.T) {
	db := openTest(t, Options{NoBackup: true})
	mustCreate(t, db, richProject("p", "P"))
	path := db.Path()
	_ = db.Close()

	child := helper(t, "hold", path)
	stdin, _ := child.StdinPipe()
	stdout, _ := child.StdoutPipe()
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = stdin.Close(); _ = child.Wait() }()
	waitForLine(t, bufio.NewReader(stdout), "ready")

	for _, opts := range []Options{{}, {ReadOnly: true}} {
		start := time.Now()
		db, err := Open(path, opts)
		elapsed := time.Since(start)
		if err == nil {
			_ = db.Close()
			t.Fatalf("Open(%+v) succeeded while another process holds the database", opts)
		}
		var locked *LockedError
		if !errors.Is(err, ErrLocked) || !errors.As(err, &locked) || locked.Path != path {
			t.Errorf("Open(%+v) = %v, want a LockedError for %s", opts, err, path)
		}
		want := `"` + path + `" is open in another AI Risk Workbench window; close it there or open another database with --db`
		if err.Error() != want {
			t.Errorf("message = %q, want %q", err, want)
		}
		if elapsed > 2*time.Second {
			t.Errorf("Open(%+v) took %v to give up, want under 2s", opts, elapsed)
		}
	}
	_ = stdin.Close()
	if err := child.Wait(); err != nil {
		t.Errorf("the holding process failed: %v", err)
	}
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatalf("Open after the other process closed: %v", err)
	}
	_ = db.Close()
}

func TestDamagedFiles(t *testing.T) {
	good := goodFile(t)
	data, _ := os.ReadFile(good)
	garbagePages := append([]byte{}, data...)
	for i := 2 * os.Getpagesize(); i < len(garbagePages); i++ {
		garbagePages[i] = 0xA5
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"text file", []byte("name,likelihood\nprompt injection,4\n"), "is not an AI Risk Workbench database or is damaged"},
		{"random bytes", randomBytes(64 << 10), "is not an AI Risk Workbench database or is damaged"},
		{"cut to one page", data[:4096], "is not an AI Risk Workbench database or is damaged"},
		{"cut in half", data[:len(data)/2], "was cut short"},
		{"garbage pages", garbagePages, "is damaged"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "airisk.db")
			if err := os.WriteFile(path, tc.data, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, opts := range []Options{{}, {ReadOnly: true}} {
				db, err := Open(path, opts)
				if err == nil {
					_, err = db.Load("p")
					_ = db.Close()
				}
				if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("Open(%+v) = %v, want ErrDamaged naming the file and saying %q", opts, err, tc.want)
				}
			}
			if after, _ := os.ReadFile(path); string(after) != string(tc.data) {
				t.Errorf("opening a damaged file changed it")
			}
		})
	}
}

// goodFile returns a closed database with a few hundred kilobytes of data.
func goodFile(t *testing.T) string {
	t.Helper()
	db := openTest(t, Options{NoBackup: true})
	p := richProject("p", "P")
	for i := range 300 {
		p.Elements = append(p.Elements, model.Element{ID: fmt.Sprintf("x%03d", i),
			Kind: model.KindProcess, Name: "Process", Description: strings.Repeat("words ", 100)})
	}
	mustCreate(t, db, p)
	_ = db.Close()
	return db.Path()
}

func randomBytes(n int) []byte {
	out := make([]byte, n)
	x := uint32(2463534242)
	for i := range out {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		out[i] = byte(x)
	}
	return out
}

func TestForeignBboltFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = bdb.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("widgets")); return err })
	_ = bdb.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "not one of AI Risk Workbench") {
		t.Errorf("Open of another program's bbolt file = %v, want a clear refusal", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Errorf("the other program's file was changed")
	}
}

// TestDamagedProject stores broken data in one project: loading it gives
// ErrDamaged naming it, while the other project and the list still work,
// and Replace mends it.
func TestDamagedProject(t *testing.T) {
	cases := []struct {
		name  string
		key   string
		value string
		want  string
	}{
		{"not JSON", "llm", "{not json", `project "bad"`},
		{"invalid entity", "llm", `{"order":9,"value":{"id":"llm","kind":"toaster","name":"LLM"}}`, `elements[3].kind: unknown kind "toaster"`},
		{"project meta", "", "\x00", `project "bad"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openTest(t, Options{NoBackup: true})
			mustCreate(t, db, richProject("bad", "Bad"))
			mustCreate(t, db, richProject("good", "Good"))
			err := db.bolt.Update(func(tx *bolt.Tx) error {
				pb := tx.Bucket(rootProjects).Bucket([]byte("bad"))
				if tc.key == "" {
					return pb.Bucket(bucketMeta).Put(keyProject, []byte(tc.value))
				}
				return pb.Bucket(bucketElements).Put([]byte(tc.key), []byte(tc.value))
			})
			if err != nil {
				t.Fatal(err)
			}
			_, err = db.Load("bad")
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), `project "bad"`) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load = %v, want ErrDamaged naming the project and saying %q", err, tc.want)
			}
			mustLoad(t, db, "good")
			if list, err := db.Projects(); err != nil || len(list) != 2 || list[0].ID != "bad" || list[1].ID != "good" {
				t.Errorf("Projects = %v, %v; want both", list, err)
			}
			// Replacing the project mends it.
			if err := db.Replace(richProject("bad", "Bad")); err != nil {
				t.Fatal(err)
			}
			mustLoad(t, db, "bad")
		})
	}
}

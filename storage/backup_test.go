package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"airisk/model"
)

// newDBFile makes a database with one project at dir/airisk.db and closes
// it; a new database gets no backup.
func newDBFile(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "airisk.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, db, richProject("p", "P"))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if list, _ := ListBackups(path); len(list) != 0 {
		t.Fatalf("a new database was backed up: %v", list)
	}
	return path
}

// fakeBackup writes a file that looks like a backup taken at when.
func fakeBackup(t *testing.T, dbPath string, when time.Time) string {
	t.Helper()
	dir := backupDir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "airisk-"+when.UTC().Format(backupTimeFormat)+".db")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBackupOnOpenAtMostDaily(t *testing.T) {
	path := newDBFile(t, t.TempDir())
	for range 3 {
		db, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.BackupError(); err != nil {
			t.Errorf("BackupError = %v", err)
		}
		_ = db.Close()
	}
	list, err := ListBackups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("three opens in a day made %d backups, want 1: %v", len(list), list)
	}
	b := list[0]
	wantName := "airisk-" + b.Time.Format(backupTimeFormat) + ".db"
	if filepath.Base(b.Path) != wantName || filepath.Dir(b.Path) != filepath.Join(filepath.Dir(path), "backups") {
		t.Errorf("backup path = %s, want backups/%s beside the database", b.Path, wantName)
	}
	if time.Since(b.Time) > time.Minute || b.Size == 0 {
		t.Errorf("backup time %v, size %d; want now and some bytes", b.Time, b.Size)
	}
	checkFile(t, b.Path)
	restored := openBackupAsDB(t, b.Path)
	mustLoad(t, restored, "p")
}

// openBackupAsDB opens a copy of a backup, read-only, as a database.
func openBackupAsDB(t *testing.T, backup string) *DB {
	t.Helper()
	data, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("open backup: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func TestBackupWhenNewestIsADayOld(t *testing.T) {
	path := newDBFile(t, t.TempDir())
	fakeBackup(t, path, time.Now().Add(-25*time.Hour))
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if list, _ := db.Backups(); len(list) != 2 || time.Since(list[0].Time) > time.Minute {
		t.Fatalf("backups after opening with a day-old one = %v, want a new one first", list)
	}
	// A day later, the next edit takes one more.
	for _, b := range mustBackups(t, db) {
		_ = os.Remove(b.Path)
	}
	db.mu.Lock()
	db.lastBackup = time.Now().Add(-25 * time.Hour)
	db.mu.Unlock()
	edit := model.Change{Summary: "edit", Ops: []model.Op{model.PutProvision(model.ProvisionStatus{ID: "1.1", Status: model.ProvisionMet})}}
	if err := db.Apply("p", edit); err != nil {
		t.Fatal(err)
	}
	if err := db.Apply("p", edit); err != nil {
		t.Fatal(err)
	}
	list := mustBackups(t, db)
	if len(list) != 1 {
		t.Fatalf("backups after two edits a day later = %v, want exactly one", list)
	}
	got, _ := openBackupAsDB(t, list[0].Path).Load("p")
	if got == nil || len(got.Provisions) != 3 {
		t.Errorf("the backup taken on the edit does not hold the edit")
	}
}

func mustBackups(t *testing.T, db *DB) []BackupInfo {
	t.Helper()
	list, err := db.Backups()
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestBackupsKeepTen(t *testing.T) {
	path := newDBFile(t, t.TempDir())
	var fakes []string
	for i := range 12 {
		fakes = append(fakes, fakeBackup(t, path, time.Now().Add(-time.Duration(48+i)*time.Hour)))
	}
	other := filepath.Join(backupDir(path), "notes.txt")
	_ = os.WriteFile(other, []byte("mine"), 0o600)
	partial := filepath.Join(backupDir(path), partialPrefix+"airisk-123.db")
	_ = os.WriteFile(partial, []byte("half"), 0o600)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list := mustBackups(t, db)
	if len(list) != keepBackups {
		t.Fatalf("%d backups kept, want %d", len(list), keepBackups)
	}
	if time.Since(list[0].Time) > time.Minute {
		t.Errorf("newest backup %v is not the one just taken", list[0].Time)
	}
	for i, f := range fakes {
		_, err := os.Stat(f)
		if kept := err == nil; kept != (i < keepBackups-1) {
			t.Errorf("fake backup %d (%s) kept = %v, want %v", i, filepath.Base(f), kept, i < keepBackups-1)
		}
	}
	if !exists(other) {
		t.Errorf("pruning removed a file that is not a backup")
	}
	if exists(partial) {
		t.Errorf("a half-written backup left by a crash was not cleaned up")
	}
}

func TestNoBackupOption(t *testing.T) {
	path := newDBFile(t, t.TempDir())
	db, err := Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Close()
	if list, _ := ListBackups(path); len(list) != 0 {
		t.Errorf("NoBackup still made %v", list)
	}
}

func TestRestore(t *testing.T) {
	path := newDBFile(t, t.TempDir())
	db, err := Open(path, Options{}) // backs up the project as created
	if err != nil {
		t.Fatal(err)
	}
	backup := mustBackups(t, db)[0].Path
	edit := model.Change{Summary: "add", Ops: []model.Op{model.PutElement(model.Element{ID: "later", Kind: model.KindTool, Name: "Later"})}}
	if err := db.Apply("p", edit); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	aside, err := Restore(path, backup)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	if !strings.HasPrefix(aside, path+".before-restore-") {
		t.Errorf("kept aside as %q, want %s.before-restore-<time>", aside, path)
	}
	if info, err := os.Stat(path); err != nil || info.Mode() != 0o600 {
		t.Errorf("restored file: %v, %v; want mode 0600", info, err)
	}
	restored := openBackupAsDB(t, path)
	if p := mustLoad(t, restored, "p"); len(p.Elements) != len(richProject("p", "P").Elements) {
		t.Errorf("restored project has %d elements, want the backup's %d", len(p.Elements), len(richProject("p", "P").Elements))
	}
	if p := mustLoad(t, openBackupAsDB(t, aside), "p"); len(p.Elements) != len(richProject("p", "P").Elements)+1 {
		t.Errorf("the file kept aside lost the later edit")
	}
	checkFile(t, path)
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	dir := t.TempDir()
	path := newDBFile(t, dir)
	garbage := filepath.Join(dir, "garbage.db")
	_ = os.WriteFile(garbage, randomBytes(32<<10), 0o600)
	newer := filepath.Join(dir, "newer.db")
	copyFile(t, path, newer)
	setSchema(t, newer, "9")
	cut := filepath.Join(dir, "cut.db")
	data, _ := os.ReadFile(goodFile(t))
	_ = os.WriteFile(cut, data[:len(data)/2], 0o600)
	cases := []struct {
		name, backup string
		kind         error
	}{
		{"missing", filepath.Join(dir, "nope.db"), ErrNotFound},
		{"garbage", garbage, ErrDamaged},
		{"cut short", cut, ErrDamaged},
		{"newer schema", newer, ErrNewerSchema},
		{"folder", dir, ErrDamaged},
	}
	before, _ := os.ReadFile(path)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			aside, err := Restore(path, tc.backup)
			if !errors.Is(err, tc.kind) || aside != "" {
				t.Fatalf("Restore = %q, %v; want %v", aside, err, tc.kind)
			}
			if !strings.Contains(err.Error(), tc.backup) {
				t.Errorf("message %q should name the backup", err)
			}
			if after, _ := os.ReadFile(path); string(after) != string(before) {
				t.Errorf("a refused restore changed the database")
			}
		})
	}
}

func TestRestoreWhileOpen(t *testing.T) {
	path := newDBFile(t, t.TempDir())
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	backup := mustBackups(t, db)[0].Path
	if _, err := Restore(path, backup); !errors.Is(err, ErrLocked) {
		t.Errorf("Restore while the database is open = %v, want ErrLocked", err)
	}
}

func TestRestoreOverDamagedFile(t *testing.T) {
	path := newDBFile(t, t.TempDir())
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	backup := mustBackups(t, db)[0].Path
	_ = db.Close()
	_ = os.WriteFile(path, []byte("scribbled over"), 0o600)
	aside, err := Restore(path, backup)
	if err != nil {
		t.Fatalf("Restore over a damaged file: %v", err)
	}
	if data, _ := os.ReadFile(aside); string(data) != "scribbled over" {
		t.Errorf("the damaged file was not kept aside as it was")
	}
	mustLoad(t, openBackupAsDB(t, path), "p")
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

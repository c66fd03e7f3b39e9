package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"airisk/model"
)

func TestSnapshots(t *testing.T) {
	db := openTest(t, Options{NoBackup: true})
	original := richProject("p", "P")
	mustCreate(t, db, original)
	start := time.Now().UTC().Add(-time.Second)
	first, err := db.Snapshot("p", "  Before the workshop ")
	if err != nil {
		t.Fatalf("Snapshot: %v", err)
	}
	if first.ID == "" || first.Name != "Before the workshop" || first.User == "" || first.Time.Before(start) {
		t.Errorf("snapshot info = %+v, want an id, the trimmed name, a user and the time", first)
	}
	edit := model.Change{Summary: "add", Ops: []model.Op{model.PutElement(model.Element{ID: "new", Kind: model.KindTool, Name: "New"})}}
	if err := db.Apply("p", edit); err != nil {
		t.Fatal(err)
	}
	second, err := db.Snapshot("p", "After")
	if err != nil {
		t.Fatal(err)
	}
	db = reopen(t, db, Options{NoBackup: true})
	list, err := db.Snapshots("p")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(list, []SnapshotInfo{first, second}) {
		t.Errorf("Snapshots = %+v, want %+v", list, []SnapshotInfo{first, second})
	}
	got, err := db.LoadSnapshot("p", first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, original) {
		t.Errorf("LoadSnapshot(first):\ngot  %+v\nwant %+v", got, original)
	}
	if got, _ := db.LoadSnapshot("p", second.ID); len(got.Elements) != len(original.Elements)+1 {
		t.Errorf("second snapshot has %d elements, want %d", len(got.Elements), len(original.Elements)+1)
	}
	if err := db.DeleteSnapshot("p", first.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.LoadSnapshot("p", first.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("LoadSnapshot of a deleted snapshot = %v, want ErrNotFound", err)
	}
	if err := db.DeleteSnapshot("p", first.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second DeleteSnapshot = %v, want ErrNotFound", err)
	}
	if list, _ := db.Snapshots("p"); len(list) != 1 || list[0].ID != second.ID {
		t.Errorf("Snapshots after delete = %+v, want only %s", list, second.ID)
	}
}

func TestSnapshotNeedsName(t *testing.T) {
	db := openTest(t, Options{NoBackup: true})
	mustCreate(t, db, richProject("p", "P"))
	for _, name := range []string{"", "   ", strings.Repeat("n", model.MaxNameLength+1), "\xff"} {
		if _, err := db.Snapshot("p", name); err == nil || !strings.Contains(err.Error(), "needs a name") {
			t.Errorf("Snapshot(%q) = %v, want a request for a name", name, err)
		}
	}
}

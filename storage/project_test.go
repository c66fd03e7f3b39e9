package storage

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"airisk/model"
)

func TestRichProjectIsValid(t *testing.T) {
	if err := richProject("p", "P").Validate(); err != nil {
		t.Fatalf("the test project itself is invalid:\n%v", err)
	}
}

func TestRoundTripEveryEntity(t *testing.T) {
	db := openTest(t, Options{})
	want := richProject("support", "Support assistant")
	mustCreate(t, db, want)
	if got := mustLoad(t, db, "support"); !reflect.DeepEqual(got, want) {
		t.Errorf("Load after Create:\ngot  %+v\nwant %+v", got, want)
	}
	db = reopen(t, db, Options{})
	if got := mustLoad(t, db, "support"); !reflect.DeepEqual(got, want) {
		t.Errorf("Load after reopening:\ngot  %+v\nwant %+v", got, want)
	}
}

func TestDefaultScoringStaysNil(t *testing.T) {
	db := openTest(t, Options{})
	p := richProject("p", "P")
	p.Scoring = nil
	mustCreate(t, db, p)
	if got := mustLoad(t, db, "p"); got.Scoring != nil {
		t.Errorf("Scoring = %+v, want nil (the default scheme)", got.Scoring)
	}
}

func TestProjectsSortedByName(t *testing.T) {
	db := openTest(t, Options{})
	for _, p := range []struct{ id, name string }{{"g", "gamma"}, {"a2", "Alpha"}, {"b", "beta"}, {"a1", "Alpha"}} {
		mustCreate(t, db, richProject(p.id, p.name))
	}
	list, err := db.Projects()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range list {
		got = append(got, m.ID+":"+m.Name)
	}
	want := []string{"a1:Alpha", "a2:Alpha", "b:beta", "g:gamma"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Projects = %v, want %v", got, want)
	}
}

func TestProjectsEmpty(t *testing.T) {
	db := openTest(t, Options{})
	list, err := db.Projects()
	if err != nil || len(list) != 0 {
		t.Errorf("Projects on a new database = %v, %v; want none, nil", list, err)
	}
}

func TestCreateExisting(t *testing.T) {
	db := openTest(t, Options{})
	mustCreate(t, db, richProject("p", "First"))
	err := db.Create(richProject("p", "Second"))
	if !errors.Is(err, ErrExists) {
		t.Fatalf("second Create = %v, want ErrExists", err)
	}
	if !strings.Contains(err.Error(), `"p"`) || !strings.Contains(err.Error(), db.Path()) {
		t.Errorf("message %q should name the project and the file", err)
	}
	if got := mustLoad(t, db, "p"); got.Meta.Name != "First" {
		t.Errorf("name = %q after a refused Create, want First", got.Meta.Name)
	}
}

func TestCreateInvalid(t *testing.T) {
	db := openTest(t, Options{})
	p := richProject("p", "P")
	p.Flows[0].To = "nowhere"
	err := db.Create(p)
	if err == nil || !strings.Contains(err.Error(), `flows[0].to: unknown element "nowhere"`) {
		t.Fatalf("Create of an invalid project = %v, want the validation problem", err)
	}
	if _, err := db.Load("p"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load after a refused Create = %v, want ErrNotFound", err)
	}
}

func TestNotFound(t *testing.T) {
	db := openTest(t, Options{})
	calls := map[string]func() error{
		"Load":    func() error { _, err := db.Load("nope"); return err },
		"Delete":  func() error { return db.Delete("nope") },
		"Replace": func() error { return db.Replace(richProject("nope", "N")) },
		"Apply": func() error {
			return db.Apply("nope", model.Change{Ops: []model.Op{model.Del(model.EntityElement, "x")}})
		},
		"Log":            func() error { _, err := db.Log("nope"); return err },
		"Snapshot":       func() error { _, err := db.Snapshot("nope", "n"); return err },
		"Snapshots":      func() error { _, err := db.Snapshots("nope"); return err },
		"LoadSnapshot":   func() error { _, err := db.LoadSnapshot("nope", "s1"); return err },
		"DeleteSnapshot": func() error { return db.DeleteSnapshot("nope", "s1") },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			err := call()
			if !errors.Is(err, ErrNotFound) {
				t.Fatalf("got %v, want ErrNotFound", err)
			}
			if !strings.Contains(err.Error(), `"nope"`) {
				t.Errorf("message %q should name the project", err)
			}
		})
	}
}

func TestDelete(t *testing.T) {
	db := openTest(t, Options{})
	mustCreate(t, db, richProject("a", "A"))
	mustCreate(t, db, richProject("b", "B"))
	if _, err := db.Snapshot("a", "before"); err != nil {
		t.Fatal(err)
	}
	if err := db.Delete("a"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	db = reopen(t, db, Options{})
	if _, err := db.Load("a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load of a deleted project = %v, want ErrNotFound", err)
	}
	if _, err := db.Log("a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Log of a deleted project = %v, want ErrNotFound", err)
	}
	list, _ := db.Projects()
	if len(list) != 1 || list[0].ID != "b" {
		t.Errorf("Projects after Delete = %v, want only b", list)
	}
}

func TestReplaceKeepsHistory(t *testing.T) {
	db := openTest(t, Options{})
	mustCreate(t, db, richProject("p", "P"))
	snap, err := db.Snapshot("p", "workshop")
	if err != nil {
		t.Fatal(err)
	}
	next := richProject("p", "P renamed")
	next.Elements = next.Elements[:1]
	next.Flows, next.Risks = nil, next.Risks[1:]
	next.Workshops = nil
	next.Risks[0].Impact = 5
	if err := db.Replace(next); err != nil {
		t.Fatalf("Replace: %v", err)
	}
	got := mustLoad(t, db, "p")
	if got.Meta.Name != "P renamed" || len(got.Elements) != 1 || len(got.Flows) != 0 || len(got.Risks) != 1 {
		t.Errorf("after Replace got %d elements, %d flows, %d risks, name %q; want 1, 0, 1, %q",
			len(got.Elements), len(got.Flows), len(got.Risks), got.Meta.Name, "P renamed")
	}
	if _, err := db.LoadSnapshot("p", snap.ID); err != nil {
		t.Errorf("snapshot lost by Replace: %v", err)
	}
	log, _ := db.Log("p")
	last := log[len(log)-1]
	wantScores := []ScoreChange{
		{Risk: "R-001", Field: "impact", Before: 2, After: 5},
		{Risk: "R-002", Field: "likelihood", Before: 4}, {Risk: "R-002", Field: "impact", Before: 4},
		{Risk: "R-002", Field: "residual_likelihood", Before: 2}, {Risk: "R-002", Field: "residual_impact", Before: 3},
	}
	if len(log) != 2 || last.Summary != "Replaced the whole project" || !reflect.DeepEqual(last.Scores, wantScores) {
		t.Errorf("log after Replace = %+v\nwant 2 entries, the last with scores %+v", log, wantScores)
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	db := openTest(t, Options{})
	mustCreate(t, db, richProject("p", "P"))
	ro := reopen(t, db, Options{ReadOnly: true})
	if got := mustLoad(t, ro, "p"); got.Meta.ID != "p" {
		t.Errorf("read-only Load got %q", got.Meta.ID)
	}
	writes := map[string]func() error{
		"Create":   func() error { return ro.Create(richProject("q", "Q")) },
		"Replace":  func() error { return ro.Replace(richProject("p", "P")) },
		"Delete":   func() error { return ro.Delete("p") },
		"Apply":    func() error { return ro.Apply("p", model.Change{Ops: []model.Op{model.Del(model.EntityFlow, "f1")}}) },
		"Snapshot": func() error { _, err := ro.Snapshot("p", "s"); return err },
	}
	for name, write := range writes {
		if err := write(); err == nil || !strings.Contains(err.Error(), "read-only") {
			t.Errorf("%s on a read-only database = %v, want a read-only error", name, err)
		}
	}
	if _, err := os.Stat(backupDir(ro.Path())); !os.IsNotExist(err) {
		t.Errorf("a read-only open made a backups folder (%v)", err)
	}
}

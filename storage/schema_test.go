package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"airisk/model"
)

// writeV1 builds a version 1 database with raw bbolt: entities stored as
// bare JSON under their ids.
func writeV1(t *testing.T, path string, p *model.Project) {
	t.Helper()
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bolt.Tx) error {
		meta, _ := tx.CreateBucket(rootMeta)
		_ = meta.Put(keySchema, []byte("1"))
		root, _ := tx.CreateBucket(rootProjects)
		pb, err := createProjectBucket(root, p.Meta.ID)
		if err != nil {
			return err
		}
		// Version 1 had no workshop records.
		if err := pb.DeleteBucket(bucketWorkshops); err != nil {
			return err
		}
		put := func(bucket []byte, key string, v any) {
			data, _ := json.Marshal(v)
			if err == nil {
				err = pb.Bucket(bucket).Put([]byte(key), data)
			}
		}
		put(bucketMeta, string(keyProject), p.Meta)
		put(bucketScoring, string(keyScoring), p.Scoring)
		for _, v := range p.Boundaries {
			put(bucketBoundaries, v.ID, v)
		}
		for _, v := range p.Elements {
			put(bucketElements, v.ID, v)
		}
		for _, v := range p.Flows {
			put(bucketFlows, v.ID, v)
		}
		for _, v := range p.Decisions {
			put(bucketDecisions, v.Finding, v)
		}
		for _, v := range p.Risks {
			put(bucketRisks, v.ID, v)
		}
		for _, v := range p.Provisions {
			put(bucketProvisions, v.ID, v)
		}
		entry, _ := json.Marshal(LogEntry{Seq: 1, Time: t0, User: "alice", Summary: "Created"})
		_, _ = pb.Bucket(bucketLog).NextSequence()
		_ = pb.Bucket(bucketLog).Put(binary.BigEndian.AppendUint64(nil, 1), entry)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// sortedByKey returns p with its arrays in key order, as version 1 loaded
// them.
func sortedByKey(p *model.Project) *model.Project {
	p = p.Clone()
	slices.SortFunc(p.Boundaries, func(a, b model.Boundary) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(p.Elements, func(a, b model.Element) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(p.Flows, func(a, b model.Flow) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(p.Decisions, func(a, b model.Decision) int { return cmp.Compare(a.Finding, b.Finding) })
	slices.SortFunc(p.Risks, func(a, b model.Risk) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(p.Provisions, func(a, b model.ProvisionStatus) int { return cmp.Compare(a.ID, b.ID) })
	return p
}

func TestMigrateFromV1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "airisk.db")
	p := richProject("p", "P")
	p.Workshops = nil // version 1 could not hold them
	writeV1(t, path, p)
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open of a version 1 database: %v", err)
	}
	t.Cleanup(func() { _ = db.Close(); checkFile(t, path) })
	if got, want := mustLoad(t, db, "p"), sortedByKey(p); !reflect.DeepEqual(got, want) {
		t.Errorf("migrated project:\ngot  %+v\nwant %+v", got, want)
	}
	if v := schemaOf(t, db); v != strconv.Itoa(schemaVersion) {
		t.Errorf("schema after migration = %q, want %d", v, schemaVersion)
	}
	if log, _ := db.Log("p"); len(log) != 1 || log[0].User != "alice" {
		t.Errorf("log after migration = %+v, want the version 1 entry", log)
	}
	backups, _ := db.Backups()
	if len(backups) != 1 {
		t.Fatalf("backups after migration = %v, want one taken before it", backups)
	}
	if v := schemaOfFile(t, backups[0].Path); v != "1" {
		t.Errorf("the backup taken before the migration has schema %q, want 1", v)
	}
	// New entities go after the migrated ones.
	add := model.PutElement(model.Element{ID: "aaa", Kind: model.KindProcess, Name: "First by id, last by order"})
	if err := db.Apply("p", model.Change{Summary: "add", Ops: []model.Op{add}}); err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, reopen(t, db, Options{}), "p").Elements
	if last := got[len(got)-1].ID; last != "aaa" {
		t.Errorf("element added after migration is at %q's place, want last", last)
	}
}

func TestNewerSchemaRefusedUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "airisk.db")
	db, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	mustCreate(t, db, richProject("p", "P"))
	_ = db.Close()
	setSchema(t, path, strconv.Itoa(schemaVersion+1))
	before, _ := os.ReadFile(path)
	stat, _ := os.Stat(path)
	for _, opts := range []Options{{}, {ReadOnly: true}} {
		db, err := Open(path, opts)
		if err == nil {
			_ = db.Close()
			t.Fatalf("Open(%+v) of a newer database succeeded", opts)
		}
		if !errors.Is(err, ErrNewerSchema) {
			t.Errorf("Open(%+v) = %v, want ErrNewerSchema", opts, err)
		}
		for _, want := range []string{path, "newer version", fmt.Sprintf("schema %d", schemaVersion+1), "left untouched"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("message %q should contain %q", err, want)
			}
		}
	}
	after, _ := os.ReadFile(path)
	stat2, _ := os.Stat(path)
	if !bytes.Equal(before, after) || !stat.ModTime().Equal(stat2.ModTime()) {
		t.Errorf("the newer database was modified")
	}
	if _, err := os.Stat(backupDir(path)); !os.IsNotExist(err) {
		t.Errorf("refusing a newer database still made a backups folder (%v)", err)
	}
}

// setSchema writes the schema key with raw bbolt.
func setSchema(t *testing.T, path, version string) {
	t.Helper()
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bolt.Tx) error { return tx.Bucket(rootMeta).Put(keySchema, []byte(version)) })
	if err != nil {
		t.Fatal(err)
	}
}

func schemaOf(t *testing.T, db *DB) string {
	t.Helper()
	var v string
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(rootMeta).Get(keySchema))
		return nil
	})
	return v
}

// schemaOfFile reads the schema key of a closed database file.
func schemaOfFile(t *testing.T, path string) string {
	t.Helper()
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	var v string
	_ = bdb.View(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(rootMeta).Get(keySchema))
		return nil
	})
	return v
}

func TestReadOnlyOpenOfOlderSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "airisk.db")
	writeV1(t, path, richProject("p", "P"))
	_, err := Open(path, Options{ReadOnly: true})
	if err == nil || !strings.Contains(err.Error(), "open it once without read-only") {
		t.Errorf("read-only Open of a version 1 database = %v, want a request to upgrade it", err)
	}
}

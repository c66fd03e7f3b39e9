package storage

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"airisk/model"
)

// TestApplyEveryOp applies each kind of op through the store and through
// model.Project.Apply, and expects the stored project to equal the one
// edited in memory (except for the Updated time the store sets).
func TestApplyEveryOp(t *testing.T) {
	for _, tc := range everyOpCases() {
		t.Run(tc.name, func(t *testing.T) {
			db := openTest(t, Options{NoBackup: true})
			mustCreate(t, db, richProject("p", "P"))
			want := richProject("p", "P")
			change := model.Change{Summary: tc.name, Ops: tc.ops}
			if _, err := want.Apply(change); err != nil {
				t.Fatalf("the test's change is invalid: %v", err)
			}
			before := time.Now().Add(-time.Second)
			if err := db.Apply("p", change); err != nil {
				t.Fatalf("Apply: %v", err)
			}
			got := mustLoad(t, reopen(t, db, Options{NoBackup: true}), "p")
			if got.Meta.Updated.Before(before) {
				t.Errorf("Updated = %v, want it set to the time of the edit", got.Meta.Updated)
			}
			got.Meta.Updated = want.Meta.Updated
			if !reflect.DeepEqual(got, want) {
				t.Errorf("stored project differs from the one edited in memory:\ngot  %+v\nwant %+v", got, want)
			}
		})
	}
}

// opCase is one edit of TestApplyEveryOp.
type opCase struct {
	name string
	ops  []model.Op
}

// everyOpCases puts, replaces and deletes every kind of entity.
func everyOpCases() []opCase {
	base := richProject("p", "P")
	meta := base.Meta
	meta.Name, meta.Description = "Renamed", "new words"
	scoring := model.DefaultScoring()
	element := base.Elements[1]
	element.Name, element.Props = "Chat service", model.Props{"retrieval_augmented": false}
	risk := base.Risks[0].Clone()
	risk.Likelihood, risk.ResidualImpact, risk.Status = 5, 1, model.RiskInProgress
	return []opCase{
		{"put meta", []model.Op{model.PutMeta(meta)}},
		{"put scoring", []model.Op{model.PutScoring(&scoring)}},
		{"default scoring", []model.Op{model.PutScoring(nil)}},
		{"add boundary", []model.Op{model.PutBoundary(model.Boundary{ID: "dmz", Name: "DMZ", Kind: model.BoundaryTenant})}},
		{"replace boundary", []model.Op{model.PutBoundary(model.Boundary{ID: "corp", Name: "Corp", Kind: model.BoundaryVendor})}},
		{"delete boundary", []model.Op{model.Del(model.EntityBoundary, "internet"), model.PutElement(withBoundary(base.Elements[0], ""))}},
		{"add element", []model.Op{model.PutElement(model.Element{ID: "e9", Kind: model.KindTool, Name: "Refund tool"})}},
		{"replace element", []model.Op{model.PutElement(element)}},
		{"delete element", []model.Op{model.Del(model.EntityFlow, "f2"), model.Del(model.EntityElement, "llm")}},
		{"add flow", []model.Op{model.PutFlow(model.Flow{ID: "f9", From: "llm", To: "chat-app", Name: "Answer"})}},
		{"replace flow", []model.Op{model.PutFlow(model.Flow{ID: "f1", From: "customer", To: "chat-app", Name: "Ask"})}},
		{"delete flow", []model.Op{model.Del(model.EntityFlow, "f1")}},
		{"add decision", []model.Op{model.PutDecision(model.Decision{Finding: "AIT-001@index", Status: model.DecisionAccepted})}},
		{"replace decision", []model.Op{model.PutDecision(model.Decision{Finding: "AIT-013@llm", Status: model.DecisionAccepted})}},
		{"delete decision", []model.Op{model.Del(model.EntityDecision, "AIT-044@chat-app")}},
		{"add risk", []model.Op{model.PutRisk(model.Risk{ID: "R-003", Title: "New", Likelihood: 3, Impact: 3,
			Treatment: model.TreatmentTreat, Status: model.RiskOpen})}},
		{"rescore risk", []model.Op{model.PutRisk(risk)}},
		{"delete risk", []model.Op{model.Del(model.EntityRisk, "R-001")}},
		{"add provision", []model.Op{model.PutProvision(model.ProvisionStatus{ID: "5.4.1", Status: model.ProvisionUnknown})}},
		{"replace provision", []model.Op{model.PutProvision(model.ProvisionStatus{ID: "5.1", Status: model.ProvisionMet, Evidence: "done"})}},
		{"delete provision", []model.Op{model.Del(model.EntityProvision, "2.2")}},
		{"delete then add again goes last", []model.Op{model.Del(model.EntityElement, "index"), model.PutElement(model.Element{ID: "index", Kind: model.KindDataStore, Name: "Index"}),
			model.Del(model.EntityFlow, "f3"), model.PutFlow(model.Flow{ID: "f3", From: "index", To: "chat-app"})}},
	}
}

func withBoundary(e model.Element, b string) model.Element {
	e.Boundary = b
	return e
}

func TestApplyErrors(t *testing.T) {
	element := model.Element{ID: "e1", Kind: model.KindTool, Name: "T"}
	cases := []struct {
		name     string
		ops      []model.Op
		want     string
		notFound bool
	}{
		{"delete missing", []model.Op{model.Del(model.EntityElement, "ghost")}, `there is no element "ghost" to delete`, true},
		{"put without value", []model.Op{{Entity: model.EntityFlow, ID: "f1"}}, `flow "f1": nothing to write`, false},
		{"id mismatch", []model.Op{{Entity: model.EntityElement, ID: "e2", Element: &element}}, `element id "e1" does not match the op's id "e2"`, false},
		{"unknown entity", []model.Op{{Entity: "widget", ID: "w"}}, `unknown entity "widget"`, false},
		{"empty id", []model.Op{{Entity: model.EntityElement, Element: &model.Element{}}}, `element id "" is empty or too long`, false},
		{"delete meta", []model.Op{{Entity: model.EntityMeta, Delete: true}}, "the project itself cannot be deleted", false},
		{"change project id", []model.Op{model.PutMeta(model.ProjectMeta{ID: "other", Name: "O"})}, `the project id cannot change from "p" to "other"`, false},
		{"second op fails", []model.Op{model.PutElement(element), model.Del(model.EntityRisk, "R-404")}, `op 1: there is no risk "R-404"`, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := openTest(t, Options{NoBackup: true})
			mustCreate(t, db, richProject("p", "P"))
			before := dump(t, db)
			err := db.Apply("p", model.Change{Summary: "bad edit", Ops: tc.ops})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Apply = %v, want an error containing %q", err, tc.want)
			}
			if errors.Is(err, ErrNotFound) != tc.notFound {
				t.Errorf("errors.Is(err, ErrNotFound) = %v, want %v", !tc.notFound, tc.notFound)
			}
			if after := dump(t, db); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused edit changed the database: %v", diffKeys(before, after))
			}
		})
	}
}

func TestApplyEmptyChangeWritesNothing(t *testing.T) {
	db := openTest(t, Options{NoBackup: true})
	mustCreate(t, db, richProject("p", "P"))
	before := dump(t, db)
	if err := db.Apply("p", model.Change{Summary: "nothing"}); err != nil {
		t.Fatal(err)
	}
	if after := dump(t, db); !reflect.DeepEqual(after, before) {
		t.Errorf("an empty change wrote %v", diffKeys(before, after))
	}
}

// TestApplyWritesOnlyItsKeys checks the promise that an edit costs the same
// whatever the project's size: only the op's key, the meta and one log
// entry change.
func TestApplyWritesOnlyItsKeys(t *testing.T) {
	db := openTest(t, Options{NoBackup: true})
	mustCreate(t, db, richProject("p", "P"))
	mustCreate(t, db, richProject("q", "Q"))
	before := dump(t, db)
	e := richProject("p", "P").Elements[2]
	e.Name = "Renamed index"
	if err := db.Apply("p", model.Change{Summary: "rename", Ops: []model.Op{model.PutElement(e)}}); err != nil {
		t.Fatal(err)
	}
	got := diffKeys(before, dump(t, db))
	want := []string{"projects/p/elements/index", "projects/p/log/#seq", "projects/p/log/\x00\x00\x00\x00\x00\x00\x00\x02", "projects/p/meta/project"}
	slices.Sort(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("keys written = %q, want %q", got, want)
	}
}

func TestLogRecordsEdits(t *testing.T) {
	db := openTest(t, Options{NoBackup: true})
	mustCreate(t, db, richProject("p", "P"))
	r := richProject("p", "P").Risks[0]
	r.Likelihood, r.ResidualLikelihood, r.Status = 5, 1, model.RiskClosed
	edits := []model.Change{
		{Summary: "Rescore R-002", Ops: []model.Op{model.PutRisk(r)}},
		{Summary: "Add R-003", Ops: []model.Op{model.PutRisk(model.Risk{ID: "R-003", Title: "N", Likelihood: 2, Impact: 3,
			Treatment: model.TreatmentTreat, Status: model.RiskOpen})}},
		{Summary: "Remove R-001 and a flow", Ops: []model.Op{model.Del(model.EntityRisk, "R-001"), model.Del(model.EntityFlow, "f3")}},
	}
	start := time.Now().UTC().Add(-time.Second)
	for _, c := range edits {
		if err := db.Apply("p", c); err != nil {
			t.Fatalf("Apply(%s): %v", c.Summary, err)
		}
	}
	log, err := reopen(t, db, Options{NoBackup: true}).Log("p")
	if err != nil {
		t.Fatal(err)
	}
	want := []LogEntry{
		{Seq: 1, Summary: `Created project "P"`},
		{Seq: 2, Summary: "Rescore R-002", Ops: []LogOp{{Entity: model.EntityRisk, ID: "R-002"}},
			Scores: []ScoreChange{{"R-002", "likelihood", 4, 5}, {"R-002", "residual_likelihood", 2, 1}}},
		{Seq: 3, Summary: "Add R-003", Ops: []LogOp{{Entity: model.EntityRisk, ID: "R-003"}},
			Scores: []ScoreChange{{"R-003", "likelihood", 0, 2}, {"R-003", "impact", 0, 3}}},
		{Seq: 4, Summary: "Remove R-001 and a flow", Ops: []LogOp{{model.EntityRisk, "R-001", true}, {model.EntityFlow, "f3", true}},
			Scores: []ScoreChange{{"R-001", "likelihood", 1, 0}, {"R-001", "impact", 2, 0}}},
	}
	if len(log) != len(want) {
		t.Fatalf("log has %d entries, want %d: %+v", len(log), len(want), log)
	}
	for i, e := range log {
		if e.User == "" || e.Time.Location() != time.UTC || e.Time.Before(start) || e.Time.After(time.Now()) {
			t.Errorf("entry %d: user %q, time %v; want a user and a UTC time of the edit", i, e.User, e.Time)
		}
		e.User, e.Time = "", time.Time{}
		if !reflect.DeepEqual(e, want[i]) {
			t.Errorf("entry %d:\ngot  %+v\nwant %+v", i, e, want[i])
		}
	}
}

// dump reads every key of the database as "bucket/path/key" -> value; a
// bucket's sequence appears as "bucket/path/#seq".
func dump(t testing.TB, db *DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	var walk func(prefix string, b *bolt.Bucket)
	walk = func(prefix string, b *bolt.Bucket) {
		out[prefix+"#seq"] = strconv.FormatUint(b.Sequence(), 10)
		_ = b.ForEach(func(k, v []byte) error {
			if v == nil {
				walk(prefix+string(k)+"/", b.Bucket(k))
			} else {
				out[prefix+string(k)] = string(bytes.Clone(v))
			}
			return nil
		})
	}
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			walk(string(name)+"/", b)
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diffKeys lists the keys whose value differs, sorted.
func diffKeys(a, b map[string]string) []string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			out = append(out, k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

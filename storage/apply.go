package storage

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"airisk/model"
)

// Apply commits one edit to project id in a single transaction: it writes
// only the keys the ops touch, sets the project's Updated time, and appends
// a log entry with the summary, the ops and the risk scores they changed.
// Either all of it is on disk when Apply returns nil, or none of it.
//
// The change must already have been checked against the project with
// model.Project.Apply (the one write path does that); the store checks only
// that each op is well formed. Deleting something that is not stored is
// ErrNotFound. A change without ops writes nothing.
func (db *DB) Apply(id string, c model.Change) error {
	if err := db.checkWritable(); err != nil {
		return err
	}
	if len(c.Ops) == 0 {
		return nil
	}
	now := time.Now().UTC()
	err := db.update(func(tx *bolt.Tx) error {
		pb, err := db.project(tx, id)
		if err != nil {
			return err
		}
		entry := LogEntry{Time: now, Summary: c.Summary}
		for i, op := range c.Ops {
			scores, err := applyOp(pb, op)
			if err != nil {
				return newError(nil, err, "could not apply %q to project %q: op %d: %v", c.Summary, id, i, err)
			}
			entry.Ops = append(entry.Ops, LogOp{Entity: op.Entity, ID: op.ID, Deleted: op.Delete})
			entry.Scores = append(entry.Scores, scores...)
		}
		if err := touch(pb, id, now); err != nil {
			return err
		}
		return db.appendLog(pb, entry)
	})
	if err == nil {
		db.backupIfDue()
	}
	return err
}

// applyOp writes one op into the project bucket and returns the risk score
// changes it makes.
func applyOp(pb *bolt.Bucket, op model.Op) ([]ScoreChange, error) {
	switch op.Entity {
	case model.EntityMeta:
		return nil, putMeta(pb, op)
	case model.EntityScoring:
		return nil, putScoring(pb, op)
	}
	name, ok := entityBuckets[op.Entity]
	if !ok {
		return nil, opError("unknown entity %q", op.Entity)
	}
	b, err := sub(pb, name)
	if err != nil {
		return nil, err
	}
	if op.ID == "" || len(op.ID) > 2*model.MaxIDLength+1 {
		return nil, opError("%s id %q is empty or too long", op.Entity, op.ID)
	}
	old := b.Get([]byte(op.ID))
	if op.Delete {
		return deleteEntity(b, op, old)
	}
	return putEntity(b, op, old)
}

func deleteEntity(b *bolt.Bucket, op model.Op, old []byte) ([]ScoreChange, error) {
	if old == nil {
		return nil, newError(ErrNotFound, nil, "there is no %s %q to delete", op.Entity, op.ID)
	}
	var scores []ScoreChange
	if op.Entity == model.EntityRisk {
		scores = riskScoreChanges(op.ID, storedRisk(old), nil)
	}
	return scores, b.Delete([]byte(op.ID))
}

// putEntity adds or replaces one entity, keeping its place in the array;
// a new one goes after every other.
func putEntity(b *bolt.Bucket, op model.Op, old []byte) ([]ScoreChange, error) {
	value, valueID := opValue(op)
	if value == nil {
		return nil, opError("%s %q: nothing to write", op.Entity, op.ID)
	}
	if valueID != op.ID {
		return nil, opError("%s id %q does not match the op's id %q", op.Entity, valueID, op.ID)
	}
	order, err := recordOrder(old)
	if old == nil || err != nil || order == 0 {
		if order, err = b.NextSequence(); err != nil {
			return nil, err
		}
	}
	data, err := encodeRecord(order, value)
	if err != nil {
		return nil, err
	}
	var scores []ScoreChange
	if op.Entity == model.EntityRisk {
		scores = riskScoreChanges(op.ID, storedRisk(old), op.Risk)
	}
	return scores, b.Put([]byte(op.ID), data)
}

// opValue returns the entity an op puts and its id, nil when the op
// carries none for its Entity.
func opValue(op model.Op) (any, string) {
	switch {
	case op.Entity == model.EntityBoundary && op.Boundary != nil:
		return op.Boundary, op.Boundary.ID
	case op.Entity == model.EntityElement && op.Element != nil:
		return op.Element, op.Element.ID
	case op.Entity == model.EntityFlow && op.Flow != nil:
		return op.Flow, op.Flow.ID
	case op.Entity == model.EntityDecision && op.Decision != nil:
		return op.Decision, op.Decision.Finding
	case op.Entity == model.EntityRisk && op.Risk != nil:
		return op.Risk, op.Risk.ID
	case op.Entity == model.EntityProvision && op.Provision != nil:
		return op.Provision, op.Provision.ID
	case op.Entity == model.EntityWorkshop && op.Workshop != nil:
		return op.Workshop, op.Workshop.ID
	}
	return nil, ""
}

// storedRisk decodes a stored risk record; nil when there is none or it
// cannot be read (the edit then mends it, and its old scores count as 0).
func storedRisk(data []byte) *model.Risk {
	if data == nil {
		return nil
	}
	var r record[model.Risk]
	if json.Unmarshal(data, &r) != nil {
		return nil
	}
	return &r.Value
}

func putMeta(pb *bolt.Bucket, op model.Op) error {
	if op.Delete || op.Meta == nil {
		return opError("the project itself cannot be deleted by an edit")
	}
	b, err := sub(pb, bucketMeta)
	if err != nil {
		return err
	}
	return putJSON(b, keyProject, op.Meta)
}

func putScoring(pb *bolt.Bucket, op model.Op) error {
	b, err := sub(pb, bucketScoring)
	if err != nil {
		return err
	}
	if op.Delete || op.Scoring == nil {
		return b.Delete(keyScoring)
	}
	return putJSON(b, keyScoring, op.Scoring)
}

// touch sets the project's Updated time (to the second) and refuses an
// edit that would change the project's id, which is its bucket's name.
func touch(pb *bolt.Bucket, id string, now time.Time) error {
	m, err := readMeta(pb)
	if err != nil {
		return err
	}
	if m.ID != id {
		return opError("the project id cannot change from %q to %q by an edit; export and import it under the new id", id, m.ID)
	}
	m.Updated = now.Truncate(time.Second)
	return putJSON(pb.Bucket(bucketMeta), keyProject, m)
}

// opError describes a malformed op.
func opError(format string, args ...any) error { return fmt.Errorf(format, args...) }

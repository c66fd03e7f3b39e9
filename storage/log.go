package storage

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"airisk/model"
)

// LogEntry is one committed edit in a project's append-only change log.
type LogEntry struct {
	// Seq numbers the entries of a project from 1, in commit order.
	Seq uint64 `json:"seq"`
	// Time is when the edit was committed, in UTC.
	Time time.Time `json:"time"`
	// User is the operating-system user who made the edit.
	User string `json:"user"`
	// Summary is the change's own description ("Add element Vector store").
	Summary string `json:"summary"`
	// Ops lists what the edit wrote or deleted.
	Ops []LogOp `json:"ops,omitempty"`
	// Scores lists the risk scores the edit changed.
	Scores []ScoreChange `json:"scores,omitempty"`
}

// LogOp names one entity an edit wrote (or deleted).
type LogOp struct {
	Entity  model.Entity `json:"entity"`
	ID      string       `json:"id,omitempty"`
	Deleted bool         `json:"deleted,omitempty"`
}

// ScoreChange records one scored field of a risk before and after an edit.
// Field is likelihood, impact, residual_likelihood or residual_impact; 0
// means unset (a new risk has Before 0, a deleted one After 0).
type ScoreChange struct {
	Risk   string `json:"risk"`
	Field  string `json:"field"`
	Before int    `json:"before"`
	After  int    `json:"after"`
}

// Log returns the change log of a project, oldest entry first.
func (db *DB) Log(id string) ([]LogEntry, error) {
	var out []LogEntry
	err := db.view(func(tx *bolt.Tx) error {
		pb, err := db.project(tx, id)
		if err != nil {
			return err
		}
		lb, err := sub(pb, bucketLog)
		if err != nil {
			return db.damaged(id, err)
		}
		return lb.ForEach(func(k, v []byte) error {
			var e LogEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return db.damaged(id, fmt.Errorf("log entry %x: %w", k, err))
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

// appendLog adds e to the project's log under the next sequence number,
// stamped with the user and (unless set) the current time.
func (db *DB) appendLog(pb *bolt.Bucket, e LogEntry) error {
	lb, err := sub(pb, bucketLog)
	if err != nil {
		return err
	}
	seq, err := lb.NextSequence()
	if err != nil {
		return err
	}
	e.Seq = seq
	e.User = db.user
	if e.Time.IsZero() {
		e.Time = time.Now().UTC()
	}
	key := binary.BigEndian.AppendUint64(nil, seq)
	return putJSON(lb, key, e)
}

// riskScoreChanges lists the scored fields that differ between two states
// of risk id; nil stands for "no such risk".
func riskScoreChanges(id string, before, after *model.Risk) []ScoreChange {
	var b, a model.Scores
	if before != nil {
		b = model.ScoresOf(*before)
	}
	if after != nil {
		a = model.ScoresOf(*after)
	}
	fields := []struct {
		name          string
		before, after int
	}{
		{"likelihood", b.Likelihood, a.Likelihood},
		{"impact", b.Impact, a.Impact},
		{"residual_likelihood", b.ResidualLikelihood, a.ResidualLikelihood},
		{"residual_impact", b.ResidualImpact, a.ResidualImpact},
	}
	var out []ScoreChange
	for _, f := range fields {
		if f.before != f.after {
			out = append(out, ScoreChange{Risk: id, Field: f.name, Before: f.before, After: f.after})
		}
	}
	return out
}

// listScoreChanges compares two registers: risks changed or added in the
// order of after, then the removed ones.
func listScoreChanges(before, after []model.Risk) []ScoreChange {
	old := make(map[string]*model.Risk, len(before))
	for i := range before {
		old[before[i].ID] = &before[i]
	}
	var out []ScoreChange
	for i := range after {
		r := &after[i]
		out = append(out, riskScoreChanges(r.ID, old[r.ID], r)...)
		delete(old, r.ID)
	}
	for i := range before {
		if r, gone := old[before[i].ID]; gone {
			out = append(out, riskScoreChanges(r.ID, r, nil)...)
		}
	}
	return out
}

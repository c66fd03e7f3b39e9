package storage

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"airisk/model"
)

// SnapshotInfo describes a named snapshot of a project.
type SnapshotInfo struct {
	ID   string    `json:"id"`
	Name string    `json:"name"`
	Time time.Time `json:"time"`
	User string    `json:"user"`
}

// snapshotRecord is how a snapshot is stored: a full copy of the project.
type snapshotRecord struct {
	SnapshotInfo
	Project json.RawMessage `json:"project"`
}

// Snapshot stores a full copy of project id under the given name and
// returns its description. The name is required.
func (db *DB) Snapshot(id, name string) (SnapshotInfo, error) {
	if err := db.checkWritable(); err != nil {
		return SnapshotInfo{}, err
	}
	name = strings.TrimSpace(name)
	if name == "" || !utf8.ValidString(name) || utf8.RuneCountInString(name) > model.MaxNameLength {
		return SnapshotInfo{}, fmt.Errorf("a snapshot needs a name of 1 to %d characters", model.MaxNameLength)
	}
	info := SnapshotInfo{Name: name, Time: time.Now().UTC(), User: db.user}
	err := db.update(func(tx *bolt.Tx) error {
		pb, sb, err := db.snapshots(tx, id)
		if err != nil {
			return err
		}
		p, err := readProject(pb)
		if err == nil {
			err = p.Validate()
		}
		if err != nil {
			return db.damaged(id, err)
		}
		seq, err := sb.NextSequence()
		if err != nil {
			return err
		}
		info.ID = fmt.Sprintf("s%d", seq)
		rec := snapshotRecord{SnapshotInfo: info}
		if rec.Project, err = json.Marshal(p); err != nil {
			return err
		}
		return putJSON(sb, []byte(info.ID), rec)
	})
	if err != nil {
		return SnapshotInfo{}, err
	}
	return info, nil
}

// Snapshots lists the snapshots of project id, oldest first.
func (db *DB) Snapshots(id string) ([]SnapshotInfo, error) {
	var out []SnapshotInfo
	err := db.view(func(tx *bolt.Tx) error {
		_, sb, err := db.snapshots(tx, id)
		if err != nil {
			return err
		}
		return sb.ForEach(func(k, v []byte) error {
			var rec snapshotRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return db.damaged(id, fmt.Errorf("snapshot %q: %w", k, err))
			}
			out = append(out, rec.SnapshotInfo)
			return nil
		})
	})
	slices.SortFunc(out, func(a, b SnapshotInfo) int {
		return cmp.Or(a.Time.Compare(b.Time), cmp.Compare(len(a.ID), len(b.ID)), cmp.Compare(a.ID, b.ID))
	})
	return out, err
}

// LoadSnapshot returns the project as snapshot snapID of project id held
// it, validated.
func (db *DB) LoadSnapshot(id, snapID string) (*model.Project, error) {
	var rec snapshotRecord
	err := db.view(func(tx *bolt.Tx) error {
		_, sb, err := db.snapshots(tx, id)
		if err != nil {
			return err
		}
		found, err := getJSON(sb, []byte(snapID), &rec)
		if err != nil {
			return db.damaged(id, fmt.Errorf("snapshot %q: %w", snapID, err))
		}
		if !found {
			return db.noSnapshot(id, snapID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	p := &model.Project{}
	if err := json.Unmarshal(rec.Project, p); err != nil {
		return nil, db.damaged(id, fmt.Errorf("snapshot %q: %w", snapID, err))
	}
	normalizeProps(p)
	if err := p.Validate(); err != nil {
		return nil, db.damaged(id, fmt.Errorf("snapshot %q (%s):\n%w", snapID, rec.Name, err))
	}
	return p, nil
}

// DeleteSnapshot removes snapshot snapID of project id.
func (db *DB) DeleteSnapshot(id, snapID string) error {
	if err := db.checkWritable(); err != nil {
		return err
	}
	return db.update(func(tx *bolt.Tx) error {
		_, sb, err := db.snapshots(tx, id)
		if err != nil {
			return err
		}
		if sb.Get([]byte(snapID)) == nil {
			return db.noSnapshot(id, snapID)
		}
		return sb.Delete([]byte(snapID))
	})
}

// snapshots returns the bucket of project id and its snapshots bucket.
func (db *DB) snapshots(tx *bolt.Tx, id string) (pb, sb *bolt.Bucket, err error) {
	if pb, err = db.project(tx, id); err != nil {
		return nil, nil, err
	}
	if sb, err = sub(pb, bucketSnapshots); err != nil {
		return nil, nil, db.damaged(id, err)
	}
	return pb, sb, nil
}

func (db *DB) noSnapshot(id, snapID string) error {
	return newError(ErrNotFound, nil, "project %q in %q has no snapshot %q", id, db.path, snapID)
}

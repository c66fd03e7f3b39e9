package main

import (
	"airisk/model"
	"airisk/storage"
	"airisk/ui"
)

// uiStore hands the store to the UI, translating the change log and
// snapshot types the UI declares for itself (ui may not import storage).
type uiStore struct{ *storage.DB }

var (
	_ ui.Store        = uiStore{}
	_ ui.HistoryStore = uiStore{}
)

// Log returns the project's change log in the UI's types.
func (s uiStore) Log(id string) ([]ui.LogEntry, error) {
	entries, err := s.DB.Log(id)
	out := make([]ui.LogEntry, 0, len(entries))
	for _, e := range entries {
		le := ui.LogEntry{Seq: e.Seq, Time: e.Time, User: e.User, Summary: e.Summary}
		for _, op := range e.Ops {
			le.Ops = append(le.Ops, ui.LogOp(op))
		}
		for _, sc := range e.Scores {
			le.Scores = append(le.Scores, ui.ScoreChange(sc))
		}
		out = append(out, le)
	}
	return out, err
}

// Snapshot takes a named snapshot.
func (s uiStore) Snapshot(id, name string) (ui.SnapshotInfo, error) {
	info, err := s.DB.Snapshot(id, name)
	return ui.SnapshotInfo(info), err
}

// Snapshots lists the project's snapshots.
func (s uiStore) Snapshots(id string) ([]ui.SnapshotInfo, error) {
	infos, err := s.DB.Snapshots(id)
	out := make([]ui.SnapshotInfo, 0, len(infos))
	for _, info := range infos {
		out = append(out, ui.SnapshotInfo(info))
	}
	return out, err
}

// LoadSnapshot reads a snapshot back as a project.
func (s uiStore) LoadSnapshot(id, snap string) (*model.Project, error) {
	return s.DB.LoadSnapshot(id, snap)
}

// DeleteSnapshot removes a snapshot.
func (s uiStore) DeleteSnapshot(id, snap string) error { return s.DB.DeleteSnapshot(id, snap) }

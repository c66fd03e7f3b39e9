package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"airisk/model"
	"airisk/storage"
	"airisk/storage/xlsx"
	"airisk/threats"
)

// latestWorkshopChanges works out what changed in the project's most
// recent ended workshop whose two snapshots (taken when it started and
// when it ended) are still in the database: the comparison of the two
// states and the findings c raises in one and not the other. It returns
// nil when no workshop qualifies; a workshop whose snapshot was deleted
// is passed over for the one before it.
func latestWorkshopChanges(db *storage.DB, p *model.Project, c *threats.Catalogue) (*xlsx.Changes, error) {
	for _, w := range endedWorkshops(p) {
		before, err := db.LoadSnapshot(p.Meta.ID, w.SnapshotBefore)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read the snapshot taken when workshop %s started: %w", w.ID, err)
		}
		after, err := db.LoadSnapshot(p.Meta.ID, w.SnapshotAfter)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read the snapshot taken when workshop %s ended: %w", w.ID, err)
		}
		return workshopChanges(w, before, after, c), nil
	}
	return nil, nil
}

// endedWorkshops lists the ended workshops with both snapshot ids, the
// latest to end first.
func endedWorkshops(p *model.Project) []model.Workshop {
	var out []model.Workshop
	for _, w := range p.Workshops {
		if !w.Running() && w.SnapshotBefore != "" && w.SnapshotAfter != "" {
			out = append(out, w)
		}
	}
	slices.SortStableFunc(out, func(a, b model.Workshop) int { return b.Ended.Compare(a.Ended) })
	return out
}

// workshopChanges compares the states before and after workshop w.
func workshopChanges(w model.Workshop, before, after *model.Project, c *threats.Catalogue) *xlsx.Changes {
	ch := &xlsx.Changes{
		Title:      fmt.Sprintf("Workshop %s: %s, %s", w.ID, w.Title, w.Started.UTC().Format(time.DateOnly)),
		Comparison: model.Compare(before, after),
	}
	if c != nil {
		was, now := threats.Analyse(before, c), threats.Analyse(after, c)
		ch.FindingsNew, ch.FindingsGone = threats.FindingsNotIn(now, was), threats.FindingsNotIn(was, now)
	}
	return ch
}

// loadWithChanges reads a project like loadModel and, when it comes from
// the database, what changed in its latest workshop (nil otherwise: a
// file carries no snapshots). The database is closed again before the
// caller writes anything, so a long export does not hold it.
func loadWithChanges(e *env, ref string) (*model.Project, *xlsx.Changes, error) {
	if isFile(ref) {
		p, err := loadModel(e, ref)
		return p, nil, err
	}
	c, err := catalogue(e)
	if err != nil {
		return nil, nil, err
	}
	var p *model.Project
	var ch *xlsx.Changes
	err = withDB(e, func(db *storage.DB) error {
		if p, err = resolve(db, ref); err != nil {
			return err
		}
		ch, err = latestWorkshopChanges(db, p, c)
		return err
	})
	return p, ch, err
}

// isFile reports whether ref names an existing file (as loadModel decides).
func isFile(ref string) bool {
	st, err := os.Stat(ref)
	return err == nil && !st.IsDir()
}

// workshopChangesFor works out what changed in the latest workshop of p,
// a project of db, with the catalogue the exports use; for the app.
func workshopChangesFor(e *env, db *storage.DB, p *model.Project) (*xlsx.Changes, error) {
	c, err := catalogue(e)
	if err != nil {
		return nil, err
	}
	return latestWorkshopChanges(db, p, c)
}

package ui

import (
	"fmt"
	"reflect"

	"airisk/model"
)

// restoreChange is the edit that turns the project cur into the snapshot
// snap: a put for every entity the snapshot holds differently or that cur
// lacks, a delete for every entity only cur has. Being an ordinary change,
// a restore is saved like any edit and can be undone.
func restoreChange(cur, snap *model.Project, name string) model.Change {
	c := model.Change{Summary: fmt.Sprintf("Restore snapshot %q", name)}
	if metaDiffers(cur.Meta, snap.Meta) {
		m := snap.Meta
		m.ID, m.Updated = cur.Meta.ID, cur.Meta.Updated
		c.Ops = append(c.Ops, model.PutMeta(m))
	}
	if !reflect.DeepEqual(cur.Scoring, snap.Scoring) {
		c.Ops = append(c.Ops, model.PutScoring(snap.Scoring))
	}
	// The project is validated once all ops are applied, so their order
	// does not matter.
	c.Ops = append(c.Ops, diffOps(cur.Boundaries, snap.Boundaries, model.EntityBoundary,
		func(b model.Boundary) string { return b.ID }, model.PutBoundary)...)
	c.Ops = append(c.Ops, diffOps(cur.Elements, snap.Elements, model.EntityElement,
		func(e model.Element) string { return e.ID }, model.PutElement)...)
	c.Ops = append(c.Ops, diffOps(cur.Flows, snap.Flows, model.EntityFlow,
		func(f model.Flow) string { return f.ID }, model.PutFlow)...)
	c.Ops = append(c.Ops, diffOps(cur.Decisions, snap.Decisions, model.EntityDecision,
		func(d model.Decision) string { return d.Finding }, model.PutDecision)...)
	c.Ops = append(c.Ops, diffOps(cur.Risks, snap.Risks, model.EntityRisk,
		func(r model.Risk) string { return r.ID }, model.PutRisk)...)
	c.Ops = append(c.Ops, diffOps(cur.Provisions, snap.Provisions, model.EntityProvision,
		func(s model.ProvisionStatus) string { return s.ID }, model.PutProvision)...)
	c.Ops = append(c.Ops, keepDecisions(cur, snap, c)...)
	return c
}

// metaDiffers compares the project meta but for its id and the time of the
// last edit, which the store sets itself.
func metaDiffers(a, b model.ProjectMeta) bool {
	a.ID, a.Updated = b.ID, b.Updated
	return !reflect.DeepEqual(a, b)
}

// diffOps lists the puts and deletes that turn list cur into list want.
func diffOps[T any](cur, want []T, entity model.Entity, key func(T) string, put func(T) model.Op) []model.Op {
	have := make(map[string]T, len(cur))
	for _, v := range cur {
		have[key(v)] = v
	}
	var ops []model.Op
	keep := make(map[string]bool, len(want))
	for _, v := range want {
		id := key(v)
		keep[id] = true
		if old, ok := have[id]; !ok || !reflect.DeepEqual(old, v) {
			ops = append(ops, put(v))
		}
	}
	for _, v := range cur {
		if id := key(v); !keep[id] {
			ops = append(ops, model.Del(entity, id))
		}
	}
	return ops
}

// keepDecisions re-puts the snapshot's decisions on elements and flows the
// restore deletes: the workspace's apply drops decisions keyed to deleted
// targets unless the change itself writes them, and the snapshot kept them
// (as stale decisions).
func keepDecisions(cur, snap *model.Project, c model.Change) []model.Op {
	deleted := map[string]bool{}
	written := map[string]bool{}
	for _, op := range c.Ops {
		if op.Delete && (op.Entity == model.EntityElement || op.Entity == model.EntityFlow) {
			deleted[op.ID] = true
		}
		if op.Entity == model.EntityDecision {
			written[op.ID] = true
		}
	}
	var ops []model.Op
	for _, d := range snap.Decisions {
		_, target, ok := model.SplitFindingKey(d.Finding)
		if ok && deleted[target] && !written[d.Finding] {
			ops = append(ops, model.PutDecision(d))
		}
	}
	return ops
}

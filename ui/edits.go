package ui

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"airisk/model"
	"airisk/ui/diagram"
)

// This file builds edits as plain changes, so they are tested without a
// window: the completion of deletes (whatever screen makes them) and copy
// and paste of diagram elements. Adding, moving and deleting on the diagram
// itself are ui/diagram's changes.

// idSet collects every id of elements, flows and boundaries of p.
func idSet(p *model.Project) map[string]bool {
	used := make(map[string]bool, len(p.Elements)+len(p.Flows)+len(p.Boundaries))
	for _, e := range p.Elements {
		used[e.ID] = true
	}
	for _, f := range p.Flows {
		used[f.ID] = true
	}
	for _, b := range p.Boundaries {
		used[b.ID] = true
	}
	return used
}

// uniqueID returns base, or base-2, base-3... whichever is not used yet,
// and marks it used.
func uniqueID(base string, used map[string]bool) string {
	if len(base) > model.MaxIDLength-4 {
		base = strings.TrimRight(base[:model.MaxIDLength-4], "-")
	}
	id := base
	for n := 2; used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	used[id] = true
	return id
}

// deletion is what a change deletes and writes, by entity.
type deletion struct {
	elements, flows, boundaries map[string]bool
	touched                     map[model.Entity]map[string]bool
}

func deletionOf(c model.Change) deletion {
	d := deletion{elements: map[string]bool{}, flows: map[string]bool{}, boundaries: map[string]bool{},
		touched: map[model.Entity]map[string]bool{}}
	for _, op := range c.Ops {
		if d.touched[op.Entity] == nil {
			d.touched[op.Entity] = map[string]bool{}
		}
		d.touched[op.Entity][op.ID] = true
		if !op.Delete {
			continue
		}
		switch op.Entity {
		case model.EntityElement:
			d.elements[op.ID] = true
		case model.EntityFlow:
			d.flows[op.ID] = true
		case model.EntityBoundary:
			d.boundaries[op.ID] = true
		}
	}
	return d
}

// completeDeletes adds to c what its deletions imply, so that the edit is
// valid and its undo restores everything: the flows of deleted elements,
// the decisions keyed to deleted elements and flows, deleted elements
// dropped from the risks that name them, and the contents of deleted
// boundaries moved to the nearest surviving parent. Ops c already has for
// an entity are left alone.
func completeDeletes(p *model.Project, c model.Change) model.Change {
	d := deletionOf(c)
	if len(d.elements)+len(d.flows)+len(d.boundaries) == 0 {
		return c
	}
	out := model.Change{Summary: c.Summary, Ops: slices.Clone(c.Ops)}
	for _, f := range p.Flows {
		if (d.elements[f.From] || d.elements[f.To]) && !d.touched[model.EntityFlow][f.ID] {
			out.Ops = append(out.Ops, model.Del(model.EntityFlow, f.ID))
			d.flows[f.ID] = true
		}
	}
	out.Ops = append(out.Ops, d.decisionOps(p)...)
	out.Ops = append(out.Ops, d.riskOps(p)...)
	out.Ops = append(out.Ops, d.boundaryOps(p)...)
	return out
}

func (d deletion) decisionOps(p *model.Project) []model.Op {
	var ops []model.Op
	for _, dec := range p.Decisions {
		_, target, ok := model.SplitFindingKey(dec.Finding)
		if ok && (d.elements[target] || d.flows[target]) && !d.touched[model.EntityDecision][dec.Finding] {
			ops = append(ops, model.Del(model.EntityDecision, dec.Finding))
		}
	}
	return ops
}

func (d deletion) riskOps(p *model.Project) []model.Op {
	var ops []model.Op
	for _, r := range p.Risks {
		if d.touched[model.EntityRisk][r.ID] || !slices.ContainsFunc(r.Elements, func(id string) bool { return d.elements[id] }) {
			continue
		}
		r = r.Clone()
		r.Elements = slices.DeleteFunc(r.Elements, func(id string) bool { return d.elements[id] })
		ops = append(ops, model.PutRisk(r))
	}
	return ops
}

// boundaryOps moves the elements and boundaries of deleted boundaries to
// the nearest boundary that survives.
func (d deletion) boundaryOps(p *model.Project) []model.Op {
	if len(d.boundaries) == 0 {
		return nil
	}
	parent := make(map[string]string, len(p.Boundaries))
	for _, b := range p.Boundaries {
		parent[b.ID] = b.Parent
	}
	survivor := func(id string) string {
		for n := 0; id != "" && d.boundaries[id] && n <= model.MaxBoundaryDepth+1; n++ {
			id = parent[id]
		}
		if d.boundaries[id] {
			return ""
		}
		return id
	}
	var ops []model.Op
	for _, b := range p.Boundaries {
		if !d.boundaries[b.ID] && d.boundaries[b.Parent] && !d.touched[model.EntityBoundary][b.ID] {
			b.Parent = survivor(b.Parent)
			ops = append(ops, model.PutBoundary(b))
		}
	}
	for _, e := range p.Elements {
		if !d.elements[e.ID] && d.boundaries[e.Boundary] && !d.touched[model.EntityElement][e.ID] {
			e.Props = e.Props.Clone()
			e.Boundary = survivor(e.Boundary)
			ops = append(ops, model.PutElement(e))
		}
	}
	return ops
}

// clipFormat marks clipboard text that holds diagram elements.
const clipFormat = "airisk-clip/1"

// clip is what Copy puts on the clipboard, as JSON so elements can be
// pasted into another project too.
type clip struct {
	Format   string          `json:"format"`
	Elements []model.Element `json:"elements"`
	Flows    []model.Flow    `json:"flows"`
}

// copyClip returns the clipboard text for the given elements and the flows
// between them.
func copyClip(p *model.Project, elements []string) (string, error) {
	in := make(map[string]bool, len(elements))
	for _, id := range elements {
		in[id] = true
	}
	c := clip{Format: clipFormat}
	for _, e := range p.Elements {
		if in[e.ID] {
			c.Elements = append(c.Elements, e)
		}
	}
	for _, f := range p.Flows {
		if in[f.From] && in[f.To] {
			c.Flows = append(c.Flows, f)
		}
	}
	data, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("copy %d elements: %w", len(c.Elements), err)
	}
	return string(data), nil
}

// parseClip reads clipboard text; ok is false for anything that is not a
// copy of diagram elements.
func parseClip(text string) (clip, bool) {
	var c clip
	if !strings.HasPrefix(strings.TrimSpace(text), "{") || json.Unmarshal([]byte(text), &c) != nil ||
		c.Format != clipFormat || len(c.Elements) == 0 {
		return clip{}, false
	}
	for i := range c.Elements {
		c.Elements[i].Props.Normalize()
	}
	for i := range c.Flows {
		c.Flows[i].Props.Normalize()
	}
	return c, true
}

// pasteChange adds copies of the clip's elements and flows with new ids,
// moved by (dx, dy). It returns the new element ids.
func pasteChange(p *model.Project, c clip, dx, dy float64) (model.Change, []string) {
	used := idSet(p)
	ids := make(map[string]string, len(c.Elements))
	var ch model.Change
	var added []string
	var pasted []model.Element
	for _, e := range c.Elements {
		e.Props = e.Props.Clone()
		ids[e.ID] = uniqueID(model.Slug(e.Name), used)
		e.ID = ids[e.ID]
		e.X, e.Y = e.X+dx, e.Y+dy
		if _, ok := p.Boundary(e.Boundary); !ok {
			e.Boundary = ""
		}
		pasted = append(pasted, e)
		added = append(added, e.ID)
	}
	// Pasted elements join the boundaries they land in.
	next := *p
	next.Elements = append(slices.Clone(p.Elements), pasted...)
	member := diagram.Membership(&next)
	for _, e := range pasted {
		if b, ok := member[e.ID]; ok {
			e.Boundary = b
		}
		ch.Ops = append(ch.Ops, model.PutElement(e))
	}
	for _, f := range c.Flows {
		from, okFrom := ids[f.From]
		to, okTo := ids[f.To]
		if !okFrom || !okTo {
			continue
		}
		f.Props = f.Props.Clone()
		f.ID, f.From, f.To = firstFreeFlowID(used), from, to
		ch.Ops = append(ch.Ops, model.PutFlow(f))
	}
	ch.Summary = fmt.Sprintf("Paste %d elements", len(added))
	if len(added) == 1 {
		ch.Summary = "Paste " + c.Elements[0].Name
	}
	return ch, added
}

// firstFreeFlowID returns the first free id f1, f2... and marks it used.
func firstFreeFlowID(used map[string]bool) string {
	for n := 1; ; n++ {
		id := "f" + strconv.Itoa(n)
		if !used[id] {
			used[id] = true
			return id
		}
	}
}

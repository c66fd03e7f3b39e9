package file

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"airisk/model"
)

// WriteThreatDragon writes p as an OWASP Threat Dragon v2 model: one
// diagram with the elements (kinds mapped to Threat Dragon's actor,
// process and store shapes), flows, boundaries as trust boundary boxes,
// and risks as threats on their first element. What Threat Dragon cannot
// hold (kinds, properties, ids, scores, controls, decisions, the
// checklist) is kept under "airisk" keys in the cells' data and at the top
// level, so that ReadThreatDragon restores the project. The output is
// deterministic.
func WriteThreatDragon(w io.Writer, p *model.Project) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("export project %q to Threat Dragon: %w: %w", p.Meta.ID, ErrInvalid, err)
	}
	c := canonical(p)
	out := tdOut{
		Version: tdVersion,
		Summary: tdOutSummary{Title: c.Meta.Name, Owner: c.Meta.Owner, Description: c.Meta.Description},
		Detail: tdOutDetail{
			Contributors: []struct{}{},
			Diagrams:     []tdOutDiagram{tdDiagram(&c)},
			DiagramTop:   1,
			ThreatTop:    len(c.Risks),
		},
		Airisk: &document{Format: FormatVersion, Project: withoutDiagram(c)},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("export project %q to Threat Dragon: %w", p.Meta.ID, err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func tdDiagram(p *model.Project) tdOutDiagram {
	l := layoutForTD(p)
	threats := tdThreats(p)
	depth := p.BoundaryDepths()
	d := tdOutDiagram{
		Title: p.Meta.Name, DiagramType: "STRIDE", Version: tdVersion,
		Thumbnail: "./public/content/images/thumbnail.stride.jpg",
	}
	for _, b := range p.Boundaries {
		d.Cells = append(d.Cells, tdBoxCell(b, l.bound[b.ID], depth[b.ID]))
	}
	for _, e := range p.Elements {
		d.Cells = append(d.Cells, tdElementCell(e, l.elem[e.ID], threats[tdUUID("element", e.ID)]))
	}
	for _, f := range p.Flows {
		d.Cells = append(d.Cells, tdFlowCell(f, threats[tdUUID("flow", f.ID)]))
	}
	if loose := threats[tdLooseCell]; len(loose) > 0 {
		d.Cells = append(d.Cells, tdLooseRisksCell(l, p, loose))
	}
	return d
}

// tdLooseCell is the id of the text cell that carries the risks tied to
// no element or flow; Threat Dragon does not show them, the import reads
// them back.
var tdLooseCell = tdUUID("text", "risks-without-element")

// tdThreats groups the risks, as threats, by the cell they go on.
func tdThreats(p *model.Project) map[string][]tdOutThreat {
	flows := map[string]bool{}
	for _, f := range p.Flows {
		flows[f.ID] = true
	}
	out := map[string][]tdOutThreat{}
	for i, r := range p.Risks {
		cell := tdLooseCell
		_, target, _ := model.SplitFindingKey(r.Finding)
		switch {
		case len(r.Elements) > 0:
			cell = tdUUID("element", r.Elements[0])
		case flows[target]:
			cell = tdUUID("flow", target)
		case target != "" && target != model.ProjectTarget:
			if _, ok := p.Element(target); ok {
				cell = tdUUID("element", target)
			}
		}
		out[cell] = append(out[cell], tdThreatOut(r, i+1))
	}
	return out
}

func tdThreatOut(r model.Risk, number int) tdOutThreat {
	kept := r
	return tdOutThreat{
		ID: tdUUID("risk", r.ID), Number: number, Title: r.Title,
		Status: tdStatusOf(r), Severity: tdSeverityOf(r), ModelType: "STRIDE",
		Description: r.Description, Mitigation: tdMitigationOf(r), Airisk: &kept,
	}
}

func hasOpen(threats []tdOutThreat) bool {
	for _, t := range threats {
		if t.Status == "Open" {
			return true
		}
	}
	return false
}

func ptr[T any](v T) *T { return &v }

// withoutDiagram is the project less what the cells carry.
func withoutDiagram(p model.Project) model.Project {
	p.Boundaries, p.Elements, p.Flows, p.Risks = []model.Boundary{}, []model.Element{}, []model.Flow{}, []model.Risk{}
	return p
}

package file

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"airisk/model"
)

type tdRole int

const (
	roleOther tdRole = iota
	roleElement
	roleFlow
	roleBox
	roleCurve
	roleText
)

// tdShape is what a Threat Dragon cell type means here.
type tdShape struct {
	role tdRole
	word string // for the report: "actor", "trust boundary box"
	kind model.Kind
	w, h float64 // Threat Dragon's default size
}

var (
	tdByType = map[string]tdShape{
		"tm.Actor":       {roleElement, "actor", model.KindExternalEntity, 150, 80},
		"tm.Process":     {roleElement, "process", model.KindProcess, 100, 100},
		"tm.Store":       {roleElement, "store", model.KindDataStore, 150, 75},
		"tm.Flow":        {roleFlow, "flow", "", 0, 0},
		"tm.BoundaryBox": {roleBox, "trust boundary box", "", 500, 400},
		"tm.Boundary":    {roleCurve, "trust boundary line", "", 0, 0},
		"tm.Text":        {roleText, "text", "", 190, 80},
	}
	tdByShape = map[string]string{
		"actor": "tm.Actor", "process": "tm.Process", "store": "tm.Store", "flow": "tm.Flow",
		"trust-boundary-box": "tm.BoundaryBox", "trust-boundary-curve": "tm.Boundary", "td-text-block": "tm.Text",
	}
)

// tdNode is one cell of a Threat Dragon diagram and what it became.
type tdNode struct {
	diagram, index int
	cell           *tdInCell
	data           tdInData
	shape          tdShape
	name           string
	label          string // what the report calls it
	extra          *tdCellExtra
	threats        []tdThreat
	unknown        []string
	rect           rect
	placed         bool
	id             string
	elem, bound    int   // index in the project's elements or boundaries, -1 if none
	flows          []int // indexes of the flows made from it
	// pending holds report items met before the node had its label.
	pending []FidelityItem
}

// tdThreat is a threat with what an earlier export kept of the risk.
type tdThreat struct {
	tdInThreat
	extra *model.Risk
	// extraErr says why kept data could not be read.
	extraErr string
}

func (n *tdNode) path() string {
	return fmt.Sprintf("detail.diagrams[%d].cells[%d]", n.diagram, n.index)
}

// collect reads every diagram's cells into nodes. Diagrams after the first
// are moved to the right of the ones before, so they do not overlap.
func (im *tdImport) collect(in *tdIn, unknown map[[2]int][]string) {
	right := 0.0
	for d := range in.Detail.Diagrams {
		diagram := &in.Detail.Diagrams[d]
		first := len(im.nodes)
		for c := range diagram.Cells {
			im.nodes = append(im.nodes, im.newNode(d, c, &diagram.Cells[c], unknown[[2]int{d, c}]))
		}
		right = im.placeDiagram(d, diagram, im.nodes[first:], right, len(in.Detail.Diagrams))
	}
}

func (im *tdImport) newNode(d, c int, cell *tdInCell, unknown []string) *tdNode {
	n := &tdNode{diagram: d, index: c, cell: cell, unknown: unknown, elem: -1, bound: -1}
	if cell.Data != nil {
		n.data = *cell.Data
	}
	typ := n.data.Type
	if _, ok := tdByType[typ]; !ok {
		typ = tdByShape[cell.Shape]
	}
	n.shape = tdByType[typ]
	if n.shape.word == "" {
		n.shape.word = "cell"
	}
	n.name = oneLine(n.data.Name)
	if n.name == "" {
		n.name = oneLine(labelText(cell))
	}
	n.extra = im.cellExtra(n)
	n.threats = cellThreats(n)
	key := strconv.Itoa(d) + "\x00" + string(cell.ID)
	switch _, dup := im.byKey[key]; {
	case dup && cell.ID != "":
		n.pending = append(n.pending, FidelityItem{Field: "id", Note: fmt.Sprintf("cell id %q is also used by an earlier cell of the diagram; flows that name it go to the earlier one", clip(string(cell.ID), 40))})
	case cell.ID != "":
		im.byKey[key] = n
	}
	return n
}

// labelText finds the text Threat Dragon draws on a cell when data.name
// is missing: attrs.text.text, attrs.headerText.text, or a flow label.
func labelText(cell *tdInCell) string {
	var attrs map[string]struct {
		Text string `json:"text"`
	}
	if json.Unmarshal(cell.Attrs, &attrs) == nil {
		for _, k := range []string{"text", "headerText", "label"} {
			if t := attrs[k].Text; t != "" {
				return t
			}
		}
	}
	var labels []struct {
		Attrs map[string]struct {
			Text string `json:"text"`
		} `json:"attrs"`
	}
	if json.Unmarshal(cell.Labels, &labels) == nil && len(labels) > 0 {
		for _, k := range []string{"labelText", "text", "label"} {
			if t := labels[0].Attrs[k].Text; t != "" {
				return t
			}
		}
	}
	return ""
}

func (im *tdImport) cellExtra(n *tdNode) *tdCellExtra {
	raw := n.data.Airisk
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var x tdCellExtra
	if err := json.Unmarshal(raw, &x); err != nil {
		n.pending = append(n.pending, FidelityItem{Field: "airisk", Note: fmt.Sprintf("the AI Risk Workbench data on this cell could not be read (%v); ignored", err)})
		return nil
	}
	return &x
}

// cellThreats reads the app's data.threats and the schema's cell-level
// threats; a cell-level threat that repeats one of data.threats (same id,
// or same title and description) is read once.
func cellThreats(n *tdNode) []tdThreat {
	var out []tdThreat
	seen := map[string]bool{}
	for _, t := range n.data.Threats {
		seen["id:"+t.ID], seen["text:"+t.Title+"\x00"+t.Description] = t.ID != "", true
		out = append(out, newTDThreat(t))
	}
	for _, t := range n.cell.Threats {
		id := t.ThreatID
		if id == "" {
			id = t.ID
		}
		if seen["id:"+id] || seen["text:"+t.Title+"\x00"+t.Description] {
			continue
		}
		out = append(out, newTDThreat(t))
	}
	return out
}

func newTDThreat(t tdInThreat) tdThreat {
	out := tdThreat{tdInThreat: t}
	if len(t.Airisk) == 0 || string(t.Airisk) == "null" {
		return out
	}
	var r model.Risk
	if err := json.Unmarshal(t.Airisk, &r); err != nil {
		out.extraErr = fmt.Sprintf("the AI Risk Workbench data on this threat could not be read (%v); ignored", err)
		return out
	}
	out.extra = &r
	return out
}

// shortLabel names the cell for the report before it has an id.
func (n *tdNode) shortLabel() string {
	name := n.name
	if name == "" {
		return fmt.Sprintf("%s (cell %s)", n.shape.word, clip(string(n.cell.ID), 40))
	}
	return fmt.Sprintf("%s %q", n.shape.word, clip(name, 60))
}

// placeDiagram works out the cells' rectangles, moved right of earlier
// diagrams by the offset, and returns the new right edge.
func (im *tdImport) placeDiagram(d int, diagram *tdInDiagram, nodes []*tdNode, right float64, total int) float64 {
	minX, maxX := math.Inf(1), math.Inf(-1)
	for _, n := range nodes {
		if n.shape.role == roleElement || n.shape.role == roleBox || n.shape.role == roleText {
			n.rect, n.placed = cellRect(n)
		}
		if n.placed {
			minX, maxX = math.Min(minX, n.rect.x), math.Max(maxX, n.rect.x+n.rect.w)
		}
	}
	label := diagramLabel(diagram, d, total)
	im.diagramItems(label, diagram, total)
	if math.IsInf(minX, 0) {
		return right
	}
	shift := 0.0
	if d > 0 {
		shift = right + 200 - minX
		im.fid.carried(label, "position", "placed to the right of the diagrams before it (moved %g to the right)", shift)
	}
	for _, n := range nodes {
		if n.placed {
			n.rect.x += shift
			n.placed = n.rect.valid()
		}
	}
	return maxX + shift
}

// cellRect reads a cell's position and size, with Threat Dragon's default
// size when the size is missing.
func cellRect(n *tdNode) (rect, bool) {
	if n.cell.Position == nil {
		return rect{}, false
	}
	r := rect{x: n.cell.Position.X, y: n.cell.Position.Y, w: n.shape.w, h: n.shape.h}
	if s := n.cell.Size; s != nil && s.Width > 0 && s.Height > 0 {
		r.w, r.h = s.Width, s.Height
	}
	return r, r.valid()
}

func diagramLabel(d *tdInDiagram, i, total int) string {
	title := oneLine(d.Title)
	if total == 1 {
		return fmt.Sprintf("diagram %q", clip(title, 60))
	}
	return fmt.Sprintf("diagram %d of %d %q", i+1, total, clip(title, 60))
}

func (im *tdImport) diagramItems(label string, d *tdInDiagram, total int) {
	if total > 1 {
		im.fid.carried(label, "cells", "merged into the one diagram of the project")
	}
	if d.Title != "" {
		im.fid.dropped(label, "title", "%q: a project has one diagram, without a title of its own", clip(oneLine(d.Title), 80))
	}
	if d.Description != "" {
		im.fid.dropped(label, "description", "a project has one diagram, without a description of its own")
	}
	if d.DiagramType != "" {
		im.fid.dropped(label, "diagramType", "%q: threats here come from the AI threat catalogue, not a per-diagram method", d.DiagramType)
	}
}

// checkCounts refuses models beyond the project limits before any work
// proportional to their square is done.
func (im *tdImport) checkCounts() error {
	var elements, flows, boundaries, risks int
	for _, n := range im.nodes {
		switch n.shape.role {
		case roleElement:
			elements++
		case roleFlow:
			flows++
			if n.data.IsBidirectional {
				flows++
			}
		case roleBox, roleCurve:
			boundaries++
		}
		risks += len(n.threats)
	}
	for _, c := range []struct {
		what     string
		got, max int
	}{{"elements", elements, model.MaxElements}, {"flows", flows, model.MaxFlows}, {"trust boundaries", boundaries, model.MaxBoundaries}, {"threats", risks, model.MaxRisks}} {
		if c.got > c.max {
			return fileError(im.name, ErrLimit, 0, "", "the model has %d %s; the limit is %d", c.got, c.what, c.max)
		}
	}
	return nil
}

// idSet hands out unique ids: reserved ones first, then derived ones.
type idSet struct {
	used map[string]bool
	next map[string]int
}

func newIDSet() *idSet { return &idSet{used: map[string]bool{}, next: map[string]int{}} }

// reserve claims id; false when it is taken or not a valid id.
func (s *idSet) reserve(id string) bool {
	if model.ValidID(id) != "" || s.used[id] {
		return false
	}
	s.used[id] = true
	return true
}

// derive returns base, or base-2, base-3 ... whichever is free.
func (s *idSet) derive(base string) string {
	if s.reserve(base) {
		return base
	}
	for n := max(s.next[base], 2); ; n++ {
		suffix := "-" + strconv.Itoa(n)
		id := strings.TrimRight(base[:min(len(base), model.MaxIDLength-len(suffix))], "-") + suffix
		if s.reserve(id) {
			s.next[base] = n + 1
			return id
		}
	}
}

// numbered returns the first free id of the form fmt.Sprintf(format, n).
func (s *idSet) numbered(format string) string {
	for n := max(s.next[format], 1); ; n++ {
		if id := fmt.Sprintf(format, n); s.reserve(id) {
			s.next[format] = n + 1
			return id
		}
	}
}

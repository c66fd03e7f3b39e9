package file

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"airisk/model"
)

// build turns the collected nodes into the project: ids first (those kept
// by an earlier export win), then boundaries, elements, their placement,
// flows and risks.
func (im *tdImport) build() {
	im.reserveIDs()
	for _, n := range im.nodes {
		switch n.shape.role {
		case roleBox, roleCurve:
			im.boundary(n)
		case roleElement:
			im.element(n)
		}
	}
	im.placeInBoundaries()
	for _, n := range im.nodes {
		switch n.shape.role {
		case roleFlow:
			im.flow(n)
		case roleText:
			im.setLabel(n, n.shortLabel())
			im.fid.dropped(n.label, "text", "free text on the diagram has no place in the project: %q", clip(oneLine(n.name), 200))
		case roleOther:
			im.setLabel(n, n.shortLabel())
			im.fid.dropped(n.label, "shape", "a %q cell is not one of Threat Dragon's actor, process, store, flow, boundary or text; not imported", clip(n.cell.Shape, 40))
		}
	}
	for _, nt := range im.threatsInOrder() {
		im.threat(nt.node, nt.threat)
	}
	im.restoreExtras()
}

type nodeThreat struct {
	node   *tdNode
	threat tdThreat
	number int
}

// threatsInOrder lists the threats by their Threat Dragon number (the
// order they were written in), those without a number last, in the order
// of the cells.
func (im *tdImport) threatsInOrder() []nodeThreat {
	var out []nodeThreat
	for _, n := range im.nodes {
		for _, t := range n.threats {
			num, err := strconv.Atoi(string(t.Number))
			if err != nil || num <= 0 {
				num = math.MaxInt
			}
			out = append(out, nodeThreat{n, t, num})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].number < out[j].number })
	return out
}

// reserveIDs claims the ids an earlier export kept, so derived ids never
// take them.
func (im *tdImport) reserveIDs() {
	for _, n := range im.nodes {
		if n.extra != nil {
			var ok bool
			switch n.shape.role {
			case roleElement, roleFlow:
				ok = im.nodeIDs.reserve(n.extra.ID)
			case roleBox, roleCurve:
				ok = im.boundaryIDs.reserve(n.extra.ID)
			}
			if ok {
				n.id = n.extra.ID
			}
		}
		for _, t := range n.threats {
			if t.extra != nil && !im.riskIDs.reserve(t.extra.ID) {
				t.extra.ID = ""
			}
		}
	}
}

// nodeID returns the id kept for the node, or derives one from its name.
func (im *tdImport) nodeID(n *tdNode, ids *idSet, fallback string) string {
	if n.id != "" {
		return n.id
	}
	if n.extra != nil {
		n.pending = append(n.pending, FidelityItem{Field: "id", Note: fmt.Sprintf("the id %q kept from AI Risk Workbench is not valid or is used by another cell; a new id was made", clip(n.extra.ID, 70))})
	}
	return ids.derive(slugOr(n.name, fallback))
}

// setLabel names the node in the report, and reports what was noted about
// it before it had a name.
func (im *tdImport) setLabel(n *tdNode, label string) {
	n.label = label
	for _, it := range n.pending {
		im.fid.add(label, it.Field, it.Carried, "%s", it.Note)
	}
	n.pending = nil
}

// text returns s trimmed to max characters, reporting a cut.
func (im *tdImport) text(label, field, s string, max int) string {
	out := clip(s, max)
	if out != strings.TrimSpace(s) {
		im.fid.dropped(label, field, "longer than %d characters; the end was cut", max)
	}
	return out
}

// nameOf returns the node's name for the project, or a stand-in.
func (im *tdImport) nameOf(n *tdNode, stand string) string {
	if n.name == "" {
		im.fid.carried(n.label, "name", "empty in Threat Dragon; named %q", stand)
		return stand
	}
	name := im.text(n.label, "name", n.name, model.MaxNameLength)
	note := "carried"
	switch {
	case strings.TrimSpace(n.data.Name) == "":
		note = "taken from the label drawn on the cell"
	case n.name != strings.TrimSpace(n.data.Name):
		note = "carried, line breaks replaced by spaces"
	}
	im.fid.carried(n.label, "name", "%s", note)
	return name
}

func (im *tdImport) boundary(n *tdNode) {
	n.id = im.nodeID(n, im.boundaryIDs, "boundary")
	im.setLabel(n, fmt.Sprintf("%s -> boundary %s", n.shortLabel(), n.id))
	b := model.Boundary{ID: n.id, Name: im.nameOf(n, "Trust boundary "+n.id), Kind: im.boundaryKind(n)}
	if n.data.Description != "" {
		im.fid.dropped(n.label, "description", "trust boundaries have no description here: %q", clip(oneLine(n.data.Description), 200))
	}
	switch {
	case n.shape.role == roleCurve:
		im.fid.dropped(n.label, "line", "a trust boundary drawn as a line encloses nothing: no element is placed in it and no flow counts as crossing it; redraw it as a box")
	case n.placed:
		r, kept := n.keptModel()
		if !kept {
			r = n.rect
		}
		b.X, b.Y, b.W, b.H = r.x, r.y, r.w, r.h
		im.fid.carried(n.label, "position", "box at %g, %g, %g wide and %g high%s", b.X, b.Y, b.W, b.H, asExported(kept))
	default:
		im.fid.dropped(n.label, "position", "missing or out of range (beyond ±%g), so the box holds nothing", float64(model.MaxCoordinate))
	}
	im.unknownFields(n)
	n.bound = len(im.p.Boundaries)
	im.p.Boundaries = append(im.p.Boundaries, b)
	im.boundaryNode = append(im.boundaryNode, n)
}

// boundaryKind restores a kept kind, or guesses one from the name:
// Threat Dragon boundaries have no kind.
func (im *tdImport) boundaryKind(n *tdNode) model.BoundaryKind {
	if n.extra != nil {
		for _, k := range model.BoundaryKinds {
			if string(k) == n.extra.Kind {
				im.fid.carried(n.label, "kind", "%s, restored from the AI Risk Workbench data", k)
				return k
			}
		}
	}
	name := strings.ToLower(n.name)
	kind := model.BoundaryOrganisation
	for _, g := range []struct {
		word string
		kind model.BoundaryKind
	}{{"internet", model.BoundaryInternet}, {"public", model.BoundaryInternet}, {"sandbox", model.BoundarySandbox},
		{"tenant", model.BoundaryTenant}, {"vendor", model.BoundaryVendor}, {"third", model.BoundaryVendor},
		{"provider", model.BoundaryVendor}, {"saas", model.BoundaryVendor}} {
		if strings.Contains(name, g.word) {
			kind = g.kind
			break
		}
	}
	im.fid.carried(n.label, "kind", "Threat Dragon boundaries have no kind; set to %s from the name: check it", kind)
	return kind
}

// unknownFields reports data fields the import does not understand.
func (im *tdImport) unknownFields(n *tdNode) {
	for _, k := range sortedStrings(n.unknown) {
		im.fid.dropped(n.label, k, "not a Threat Dragon field this import knows; not carried")
	}
}

func asExported(kept bool) string {
	if kept {
		return ", as exported"
	}
	return ""
}

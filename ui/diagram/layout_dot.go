package diagram

import (
	"fmt"
	"strings"

	"airisk/model"
)

// Layout tuning. Positions come back in points (1/72 inch), which are
// taken as diagram units, so node sizes are given in inches.
const (
	// labelFlowLimit is the number of flows above which flow names are left
	// out of the layout: graphviz with labelled edges takes 15 s for 1,000
	// elements, and without them a fraction of that.
	labelFlowLimit = 400
	clusterMargin  = 20 // points between a boundary's edge and its contents
	layoutOrigin   = 40 // where the laid-out diagram starts
)

// LayoutDOT writes the DOT graph that auto-layout hands to graphviz:
// elements as fixed-size boxes, boundaries as nested clusters (an empty one
// holds an invisible placeholder so it keeps a region), flows as edges
// labelled with their wrapped names. The text is deterministic.
func LayoutDOT(p *model.Project) []byte {
	var b strings.Builder
	b.WriteString("digraph \"diagram\" {\n")
	b.WriteString("\tgraph [rankdir=LR, newrank=true, nodesep=0.55, ranksep=0.9, splines=false, margin=0, pad=0, fontname=\"Helvetica\", fontsize=12];\n")
	b.WriteString("\tnode [shape=box, fixedsize=true, label=\"\", fontname=\"Helvetica\"];\n")
	b.WriteString("\tedge [fontname=\"Helvetica\", fontsize=10];\n")
	t := newBoundaryTree(p)
	for _, root := range t.roots {
		writeCluster(&b, p, t, root, 1)
	}
	for _, e := range p.Elements {
		if t.member[e.ID] == "" {
			writeNode(&b, e, 1)
		}
	}
	labels := len(p.Flows) <= labelFlowLimit
	ids := make(map[string]bool, len(p.Elements))
	for _, e := range p.Elements {
		ids[e.ID] = true
	}
	for _, f := range p.Flows {
		if ids[f.From] && ids[f.To] && f.From != f.To {
			writeEdge(&b, f, labels)
		}
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// boundaryTree is the nesting of boundaries as the layout sees it: roots,
// children in project order, and the element lists of each boundary.
type boundaryTree struct {
	roots    []int
	children map[int][]int
	elements map[int][]int
	member   map[string]string // element id -> boundary id it is drawn in
}

func newBoundaryTree(p *model.Project) boundaryTree {
	index := make(map[string]int, len(p.Boundaries))
	for i, b := range p.Boundaries {
		index[b.ID] = i
	}
	t := boundaryTree{children: map[int][]int{}, elements: map[int][]int{}, member: map[string]string{}}
	reach := reachableFromRoots(p, index)
	for i, b := range p.Boundaries {
		parent, ok := index[b.Parent]
		switch {
		case !reach[i]:
			continue
		case b.Parent == "" || !ok:
			t.roots = append(t.roots, i)
		default:
			t.children[parent] = append(t.children[parent], i)
		}
	}
	for i, e := range p.Elements {
		if bi, ok := index[e.Boundary]; ok && reach[bi] {
			t.elements[bi] = append(t.elements[bi], i)
			t.member[e.ID] = e.Boundary
		}
	}
	return t
}

// reachableFromRoots marks the boundaries whose parent chain ends at a
// root within the nesting limit; a boundary caught in a cycle is left out
// of the layout (validation rejects such projects anyway).
func reachableFromRoots(p *model.Project, index map[string]int) map[int]bool {
	ok := make(map[int]bool, len(p.Boundaries))
	for i, b := range p.Boundaries {
		cur, depth := b.Parent, 0
		for cur != "" && depth <= model.MaxBoundaryDepth {
			j, found := index[cur]
			if !found {
				break
			}
			cur = p.Boundaries[j].Parent
			depth++
		}
		ok[i] = depth <= model.MaxBoundaryDepth
	}
	return ok
}

func writeCluster(b *strings.Builder, p *model.Project, t boundaryTree, i, depth int) {
	ind := strings.Repeat("\t", depth)
	bd := p.Boundaries[i]
	fmt.Fprintf(b, "%ssubgraph \"cluster_%d\" {\n", ind, i)
	fmt.Fprintf(b, "%s\tgraph [label=%s, labeljust=l, labelloc=t, margin=%d];\n", ind, quote(bd.Name), clusterMargin)
	for _, c := range t.children[i] {
		writeCluster(b, p, t, c, depth+1)
	}
	for _, e := range t.elements[i] {
		writeNode(b, p.Elements[e], depth+1)
	}
	if len(t.children[i]) == 0 && len(t.elements[i]) == 0 {
		fmt.Fprintf(b, "%s\t%s [style=invis, width=1.5, height=0.6];\n", ind, quote(placeholderName(i)))
	}
	fmt.Fprintf(b, "%s}\n", ind)
}

func placeholderName(boundary int) string { return fmt.Sprintf("empty boundary %d", boundary) }

func writeNode(b *strings.Builder, e model.Element, depth int) {
	w, h := NodeSize(ShapeOf(e.Kind))
	fmt.Fprintf(b, "%s%s [width=%s, height=%s];\n", strings.Repeat("\t", depth), quote(e.ID), inches(w), inches(h))
}

func writeEdge(b *strings.Builder, f model.Flow, labels bool) {
	fmt.Fprintf(b, "\t%s -> %s", quote(f.From), quote(f.To))
	if lines := Wrap(f.Name, FlowLabelSize, flowLabelMaxW, false, 2); labels && len(lines) > 0 {
		fmt.Fprintf(b, " [label=%s]", quote(strings.Join(lines, "\n")))
	}
	b.WriteString(";\n")
}

// inches converts diagram units (points) to inches for graphviz.
func inches(v float64) string { return fmt.Sprintf("%.4f", v/72) }

// quote writes s as a DOT string: backslashes and quotes escaped, line
// breaks as graphviz's \n.
func quote(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "\"", "\\\"", "\r", "", "\n", "\\n")
	return "\"" + r.Replace(s) + "\""
}

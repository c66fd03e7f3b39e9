package file

import (
	"fmt"
	"strconv"

	"airisk/model"
)

// flow carries a Threat Dragon flow over when both its ends are elements.
// A two-way flow becomes two flows, one each way.
func (im *tdImport) flow(n *tdNode) {
	from, whyFrom := im.flowEnd(n, n.cell.Source, "starts")
	to, whyTo := im.flowEnd(n, n.cell.Target, "ends")
	if whyFrom != "" || whyTo != "" || from == to {
		im.flowDropped(n, from, whyFrom, whyTo)
		return
	}
	if n.extra != nil && n.id == "" {
		n.pending = append(n.pending, FidelityItem{Field: "id", Note: fmt.Sprintf("the id %q kept from AI Risk Workbench is not valid or is used by another cell; a new id was made", clip(n.extra.ID, 70))})
	}
	if n.id == "" {
		n.id = im.nodeIDs.numbered("f%d")
	}
	im.setLabel(n, fmt.Sprintf("%s -> flow %s", n.shortLabel(), n.id))
	props := model.Props{}
	if n.extra != nil {
		props = im.cleanProps(n.label, n.extra.Props, "", true)
	}
	f := model.Flow{ID: n.id, From: from.id, To: to.id, Props: props}
	f.Name = im.text(n.label, "name", n.name, model.MaxNameLength)
	if f.Name != "" {
		im.fid.carried(n.label, "name", "carried")
	}
	f.Description = im.text(n.label, "description", n.data.Description, model.MaxTextLength)
	if f.Description != "" {
		im.fid.carried(n.label, "description", "carried")
	}
	im.fid.carried(n.label, "source, target", "from %s to %s", from.id, to.id)
	im.flags(n, tdFlowFlags, "", true, props)
	if n.data.Protocol != "" {
		im.fid.dropped(n.label, "protocol", "%q: no protocol property; mention it in the description if it matters", clip(n.data.Protocol, 80))
	}
	im.scopeFields(n)
	im.unknownFields(n)
	im.addFlow(n, f)
	if n.data.IsBidirectional {
		back := f
		back.ID, back.From, back.To, back.Props = im.nodeIDs.numbered("f%d"), f.To, f.From, props.Clone()
		im.fid.carried(n.label, "isBidirectional", "flows are one-way here: a second flow %s goes from %s to %s", back.ID, back.From, back.To)
		im.addFlow(n, back)
	}
}

func (im *tdImport) addFlow(n *tdNode, f model.Flow) {
	n.flows = append(n.flows, len(im.p.Flows))
	im.p.Flows = append(im.p.Flows, f)
	im.flowNode = append(im.flowNode, n)
}

// flowEnd resolves one end of a flow to an element, or says why not.
func (im *tdImport) flowEnd(n *tdNode, end *tdEnd, verb string) (*tdNode, string) {
	if end == nil || end.Cell == "" {
		return nil, verb + " at a loose point, not at an element"
	}
	to := im.byKey[strconv.Itoa(n.diagram)+"\x00"+end.Cell]
	switch {
	case to == nil:
		return nil, fmt.Sprintf("%s at cell %q, which the diagram does not have", verb, clip(end.Cell, 40))
	case to.shape.role != roleElement || to.elem < 0:
		return nil, fmt.Sprintf("%s at a %s, not at an actor, process or store", verb, to.shape.word)
	}
	return to, ""
}

func (im *tdImport) flowDropped(n *tdNode, from *tdNode, whyFrom, whyTo string) {
	im.setLabel(n, n.shortLabel()+" -> not carried")
	why := whyFrom
	switch {
	case whyFrom != "" && whyTo != "":
		why = whyFrom + "; it " + whyTo
	case whyTo != "":
		why = whyTo
	case why == "":
		why = fmt.Sprintf("starts and ends at the same element %s", from.id)
	}
	im.fid.dropped(n.label, "flow", "a flow here joins two different elements; this one %s", why)
}

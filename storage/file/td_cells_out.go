package file

import (
	"airisk/model"
)

// The cells of an exported diagram, one builder per Threat Dragon shape.

var tdStroke = map[string]any{"stroke": "#333333", "strokeWidth": 1.5, "strokeDasharray": nil}

func tdBoxCell(b model.Boundary, r rect, depth int) tdOutCell {
	return tdOutCell{
		ID: tdUUID("boundary", b.ID), Shape: "trust-boundary-box", ZIndex: -100 + depth, Visible: ptr(true),
		Position: &tdPoint{r.x, r.y}, Size: &tdSize{r.w, r.h},
		Attrs: map[string]any{"headerText": map[string]any{"text": b.Name}},
		Data: tdOutData{
			Type: "tm.BoundaryBox", Name: b.Name, IsTrustBoundary: true,
			Airisk: &tdCellExtra{ID: b.ID, Kind: string(b.Kind), Parent: b.Parent,
				Drawn: &tdRect{r.x, r.y, r.w, r.h}, Model: &tdRect{b.X, b.Y, b.W, b.H}},
		},
	}
}

func tdElementCell(e model.Element, r rect, threats []tdOutThreat) tdOutCell {
	info, _ := model.LookupKind(e.Kind)
	list := append([]tdOutThreat{}, threats...)
	c := tdOutCell{
		ID: tdUUID("element", e.ID), ZIndex: 1, Visible: ptr(true),
		Position: &tdPoint{r.x, r.y}, Size: &tdSize{r.w, r.h},
		Attrs: map[string]any{"text": map[string]any{"text": e.Name}, "body": tdStroke},
		Data: tdOutData{
			Name: e.Name, Description: e.Description, OutOfScope: ptr(false), ReasonOutOfScope: ptr(""),
			HasOpenThreats: hasOpen(threats), Threats: &list,
			Airisk: &tdCellExtra{ID: e.ID, Kind: string(e.Kind), Props: e.Props, Boundary: e.Boundary,
				Drawn: &tdRect{X: r.x, Y: r.y}, Model: &tdRect{X: e.X, Y: e.Y}},
		},
	}
	switch info.Shape {
	case model.ShapeExternal:
		c.Shape, c.Data.Type = "actor", "tm.Actor"
		c.Data.ProvidesAuthentication = ptr(false)
	case model.ShapeProcess:
		c.Shape, c.Data.Type = "process", "tm.Process"
		c.Data.HandlesCardPayment, c.Data.HandlesGoodsOrServices = ptr(false), ptr(false)
		c.Data.IsWebApplication, c.Data.PrivilegeLevel = ptr(false), ptr("")
	default:
		c.Shape, c.Data.Type = "store", "tm.Store"
		c.Attrs = map[string]any{"text": map[string]any{"text": e.Name}, "topLine": tdStroke, "bottomLine": tdStroke}
		c.Data.IsALog, c.Data.IsEncrypted, c.Data.IsSigned = ptr(e.Kind == model.KindLogMonitor), ptr(false), ptr(false)
		c.Data.StoresCredentials, c.Data.StoresInventory = ptr(e.Props.Bool("contains_secrets")), ptr(false)
	}
	return c
}

func tdFlowCell(f model.Flow, threats []tdOutThreat) tdOutCell {
	list := append([]tdOutThreat{}, threats...)
	return tdOutCell{
		ID: tdUUID("flow", f.ID), Shape: "flow", ZIndex: 10,
		Attrs: map[string]any{"line": map[string]any{
			"stroke": "#333333", "strokeWidth": 1.5, "strokeDasharray": nil,
			"targetMarker": map[string]any{"name": "block"}, "sourceMarker": map[string]any{"name": ""},
		}},
		Labels:    []any{tdFlowLabel(f.Name)},
		Connector: "smooth",
		Source:    &tdEnd{Cell: tdUUID("element", f.From)},
		Target:    &tdEnd{Cell: tdUUID("element", f.To)},
		Vertices:  nil,
		Data: tdOutData{
			Type: "tm.Flow", Name: f.Name, Description: f.Description,
			OutOfScope: ptr(false), ReasonOutOfScope: ptr(""), HasOpenThreats: hasOpen(threats),
			IsBidirectional: ptr(false), IsEncrypted: ptr(f.Props.Bool("encrypted")), IsPublicNetwork: ptr(false),
			Protocol: ptr(""), Threats: &list,
			Airisk: &tdCellExtra{ID: f.ID, Props: f.Props},
		},
	}
}

// tdFlowLabel is the label Threat Dragon itself gives a flow.
func tdFlowLabel(text string) map[string]any {
	return map[string]any{
		"markup": []any{
			map[string]any{"tagName": "ellipse", "selector": "labelBody"},
			map[string]any{"tagName": "text", "selector": "labelText"},
		},
		"attrs": map[string]any{
			"labelText": map[string]any{"text": text, "textAnchor": "middle", "textVerticalAnchor": "middle"},
			"labelBody": map[string]any{"ref": "labelText", "refRx": "50%", "refRy": "60%", "fill": "#fff", "strokeWidth": 0},
		},
		"position": 0.5,
	}
}

// tdLooseRisksCell is a text block below the drawing holding the risks
// tied to no element or flow.
func tdLooseRisksCell(l tdLayout, p *model.Project, threats []tdOutThreat) tdOutCell {
	bottom := 0.0
	for _, r := range l.elem {
		bottom = max(bottom, r.y+r.h)
	}
	for _, r := range l.bound {
		bottom = max(bottom, r.y+r.h)
	}
	const text = "Risks not tied to an element (kept here for AI Risk Workbench)"
	list := append([]tdOutThreat{}, threats...)
	return tdOutCell{
		ID: tdLooseCell, Shape: "td-text-block", ZIndex: 11, Visible: ptr(true),
		Position: &tdPoint{40, bottom + 60}, Size: &tdSize{320, 60},
		Attrs: map[string]any{"text": map[string]any{"text": text}},
		Data:  tdOutData{Type: "tm.Text", Name: text, HasOpenThreats: hasOpen(threats), Threats: &list},
	}
}

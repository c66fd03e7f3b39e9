package file

import (
	"fmt"
	"slices"
	"sort"

	"airisk/model"
)

// tdFlag is a Threat Dragon yes/no field: the property it sets when it
// means the same thing here, or why it is not carried.
type tdFlag struct {
	key  string
	on   func(d *tdInData) bool
	prop string
	why  string
}

var tdElementFlags = []tdFlag{
	{"providesAuthentication", func(d *tdInData) bool { return d.ProvidesAuthentication }, "", "no property means \"provides authentication\" (authn_required means its callers must authenticate, which is not the same)"},
	{"handlesCardPayment", func(d *tdInData) bool { return d.HandlesCardPayment }, "", "no payment-card property; consider handles_confidential_data or handles_personal_data"},
	{"handlesGoodsOrServices", func(d *tdInData) bool { return d.HandlesGoodsOrServices }, "", "no matching property"},
	{"isWebApplication", func(d *tdInData) bool { return d.IsWebApplication }, "", "no matching property; set internet_facing if it is reachable from the internet"},
	{"isALog", func(d *tdInData) bool { return d.IsALog }, "", "logs are a kind of element here: change the kind to log_monitor"},
	{"isEncrypted", func(d *tdInData) bool { return d.IsEncrypted }, "", "encryption at rest has no property here (encrypted describes data flows)"},
	{"isSigned", func(d *tdInData) bool { return d.IsSigned }, "", "no matching property"},
	{"storesCredentials", func(d *tdInData) bool { return d.StoresCredentials }, "contains_secrets", ""},
	{"storesInventory", func(d *tdInData) bool { return d.StoresInventory }, "", "no matching property"},
}

var tdFlowFlags = []tdFlag{
	{"isEncrypted", func(d *tdInData) bool { return d.IsEncrypted }, "encrypted", ""},
	{"isPublicNetwork", func(d *tdInData) bool { return d.IsPublicNetwork }, "", "whether a flow crosses a trust boundary is worked out from the boundaries its ends are in; put the public end in an internet boundary"},
}

func (im *tdImport) element(n *tdNode) {
	n.id = im.nodeID(n, im.nodeIDs, n.shape.word)
	kind, kept := keptKind(n)
	im.setLabel(n, fmt.Sprintf("%s -> element %s (%s)", n.shortLabel(), n.id, kind))
	props := im.elementProps(n, kind, kept)
	e := model.Element{ID: n.id, Kind: kind, Name: im.nameOf(n, kind.Name()+" "+n.id), Props: props}
	e.Description = im.text(n.label, "description", n.data.Description, model.MaxTextLength)
	if e.Description != "" {
		im.fid.carried(n.label, "description", "carried")
	}
	if r, kept := n.keptModel(); kept {
		e.X, e.Y = r.x, r.y
		im.fid.carried(n.label, "position", "%g, %g as exported (not moved in Threat Dragon)", e.X, e.Y)
	} else if n.placed {
		e.X, e.Y = n.rect.x, n.rect.y
		im.fid.carried(n.label, "position", "top-left corner %g, %g; the size is not kept", e.X, e.Y)
	} else {
		im.fid.dropped(n.label, "position", "missing or out of range (beyond ±%g); the layout will place it", float64(model.MaxCoordinate))
	}
	im.flags(n, tdElementFlags, kind, false, props)
	im.scopeFields(n)
	if n.data.PrivilegeLevel != "" {
		im.fid.dropped(n.label, "privilegeLevel", "%q: no matching property", clip(n.data.PrivilegeLevel, 80))
	}
	im.unknownFields(n)
	n.elem = len(im.p.Elements)
	im.p.Elements = append(im.p.Elements, e)
	im.elementNode = append(im.elementNode, n)
}

// keptKind is the kind an earlier export kept, or the shape's generic
// kind.
func keptKind(n *tdNode) (model.Kind, bool) {
	if n.extra != nil {
		if _, ok := model.LookupKind(model.Kind(n.extra.Kind)); ok {
			return model.Kind(n.extra.Kind), true
		}
	}
	return n.shape.kind, false
}

// elementProps reports the kind and restores kept properties.
func (im *tdImport) elementProps(n *tdNode, kind model.Kind, kept bool) model.Props {
	switch {
	case kept:
		im.fid.carried(n.label, "kind", "%s, restored from the AI Risk Workbench data", kind)
		return im.cleanProps(n.label, n.extra.Props, kind, false)
	case n.extra != nil && n.extra.Kind != "":
		im.fid.dropped(n.label, "kind", "the kept kind %q is unknown; imported as %s", clip(n.extra.Kind, 40), kind)
	default:
		im.fid.carried(n.label, "type", "a Threat Dragon %s becomes the generic kind %s; refine it into an AI kind where it is one", n.shape.word, kind)
	}
	return model.Props{}
}

// cleanProps keeps the kept properties that are valid for the kind (or
// for flows), reporting each one dropped.
func (im *tdImport) cleanProps(label string, in model.Props, kind model.Kind, onFlow bool) model.Props {
	out := model.Props{}
	for _, name := range in.Keys() {
		info, ok := model.LookupProp(name)
		switch {
		case !ok:
			im.fid.dropped(label, "props."+name, "not a property this version knows")
		case onFlow && !info.Flow, !onFlow && !info.AppliesTo(kind):
			im.fid.dropped(label, "props."+name, "does not apply here")
		default:
			if v, ok := propValue(info, in[name]); ok {
				out[name] = v
			} else {
				im.fid.dropped(label, "props."+name, "the kept value is not one the property allows")
			}
		}
	}
	if len(out) > 0 {
		im.fid.carried(label, "props", "%s restored from the AI Risk Workbench data", plural(len(out), "property", "properties"))
	}
	return out
}

// propValue checks v against the property's type and values, returning
// it in canonical form (sets as []string).
func propValue(info model.PropInfo, v any) (any, bool) {
	switch info.Type {
	case model.PropBool:
		b, ok := v.(bool)
		return b, ok
	case model.PropEnum:
		s, ok := v.(string)
		return s, ok && slices.Contains(info.Values, s)
	case model.PropSet:
		list, ok := v.([]any)
		if !ok {
			return nil, false
		}
		out := make([]string, 0, len(list))
		for _, x := range list {
			s, ok := x.(string)
			if !ok || !slices.Contains(info.Values, s) {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

// flags maps Threat Dragon's yes/no fields. A field that is true sets the
// matching property; one turned off in Threat Dragon clears a property an
// earlier export had set. False is Threat Dragon's default and unset means
// the same here, so false fields are not listed.
func (im *tdImport) flags(n *tdNode, flags []tdFlag, kind model.Kind, onFlow bool, props model.Props) {
	for _, f := range flags {
		on := f.on(&n.data)
		switch {
		case f.prop != "" && on:
			if info, _ := model.LookupProp(f.prop); !onFlow && !info.AppliesTo(kind) {
				im.fid.dropped(n.label, f.key, "%s does not apply to a %s", f.prop, kind.Name())
				continue
			}
			props[f.prop] = true
			im.fid.carried(n.label, f.key, "%s = true", f.prop)
		case f.prop != "" && props.Bool(f.prop):
			delete(props, f.prop)
			im.fid.carried(n.label, f.key, "turned off in Threat Dragon: %s removed", f.prop)
		case on && f.key == "isALog" && kind == model.KindLogMonitor:
			im.fid.carried(n.label, f.key, "the kind is log_monitor")
		case on:
			im.fid.dropped(n.label, f.key, "%s", f.why)
		}
	}
}

// scopeFields reports Threat Dragon's out-of-scope marking.
func (im *tdImport) scopeFields(n *tdNode) {
	reason := ""
	if n.data.ReasonOutOfScope != "" {
		reason = fmt.Sprintf(" (reason given: %q)", clip(oneLine(n.data.ReasonOutOfScope), 200))
	}
	if n.data.OutOfScope || reason != "" {
		im.fid.dropped(n.label, "outOfScope", "a project has no out-of-scope marking; imported like any other%s", reason)
	}
}

func sortedStrings(s []string) []string {
	out := slices.Clone(s)
	sort.Strings(out)
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

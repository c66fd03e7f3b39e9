package ui

import (
	"slices"
	"strings"

	"airisk/model"
	"airisk/threats"
)

// The inspector's edits: each builds one change from the current project
// and hands it to the one write path.

func (in *inspector) apply(c model.Change) {
	if in.updating {
		return
	}
	in.ds.ws.apply(c)
}

func (in *inspector) project() *model.Project { return in.ds.ws.state.Project }

func (in *inspector) onName(target, text string) {
	in.editText(target, strings.TrimSpace(text), true)
}

func (in *inspector) onDescription(target, text string) { in.editText(target, text, false) }

// editText renames or redescribes the element, flow, boundary or project
// the text was typed for.
func (in *inspector) editText(target, text string, name bool) {
	p := in.project()
	field := "description"
	if name {
		field = "name"
	}
	if target == model.ProjectTarget {
		m := p.Meta
		if name {
			m.Name = text
		} else {
			m.Description = text
		}
		in.apply(model.Change{Summary: "Change the project " + field, Ops: []model.Op{model.PutMeta(m)}})
		return
	}
	if e, ok := p.Element(target); ok {
		next := cloneElement(*e)
		if name {
			next.Name = text
		} else {
			next.Description = text
		}
		in.apply(model.Change{Summary: "Change the " + field + " of " + e.Name, Ops: []model.Op{model.PutElement(next)}})
		return
	}
	if f, ok := p.Flow(target); ok {
		next := cloneFlow(*f)
		if name {
			next.Name = text
		} else {
			next.Description = text
		}
		in.apply(model.Change{Summary: "Change the " + field + " of flow " + flowLabel(p, f), Ops: []model.Op{model.PutFlow(next)}})
		return
	}
	if b, ok := p.Boundary(target); ok && name {
		next := *b
		next.Name = text
		in.apply(model.Change{Summary: "Rename boundary " + b.Name, Ops: []model.Op{model.PutBoundary(next)}})
	}
}

func (in *inspector) onOwner(_, text string) {
	m := in.project().Meta
	m.Owner = strings.TrimSpace(text)
	in.apply(model.Change{Summary: "Change the project owner", Ops: []model.Op{model.PutMeta(m)}})
}

func (in *inspector) onStride(on bool) {
	m := in.project().Meta
	m.Packs = slices.DeleteFunc(slices.Clone(m.Packs), func(s string) bool { return s == threats.PackStride })
	summary := "Stop suggesting generic STRIDE threats"
	if on {
		m.Packs = append(m.Packs, threats.PackStride)
		summary = "Suggest generic STRIDE threats"
	}
	in.apply(model.Change{Summary: summary, Ops: []model.Op{model.PutMeta(m)}})
}

func cloneElement(e model.Element) model.Element {
	e.Props = e.Props.Clone()
	if e.Props == nil {
		e.Props = model.Props{}
	}
	return e
}

func cloneFlow(f model.Flow) model.Flow {
	f.Props = f.Props.Clone()
	if f.Props == nil {
		f.Props = model.Props{}
	}
	return f
}

// onKind changes an element's kind, dropping the properties that do not
// apply to the new kind.
func (in *inspector) onKind(label string) {
	e, ok := in.project().Element(in.id)
	if !ok || in.updating {
		return
	}
	var kind model.Kind
	for _, k := range model.Kinds {
		if k.Name == label {
			kind = k.Kind
		}
	}
	if kind == "" || kind == e.Kind {
		return
	}
	next := cloneElement(*e)
	next.Kind = kind
	for name := range next.Props {
		if info, ok := model.LookupProp(name); !ok || !info.AppliesTo(kind) {
			delete(next.Props, name)
		}
	}
	in.apply(model.Change{Summary: "Make " + e.Name + " a " + kind.Name(), Ops: []model.Op{model.PutElement(next)}})
}

// onProp sets or clears one property of the selected element or flow.
func (in *inspector) onProp(info model.PropInfo, v any) {
	if in.updating {
		return
	}
	set := func(props model.Props) {
		switch x := v.(type) {
		case bool:
			if x {
				props[info.Name] = true
			} else {
				delete(props, info.Name)
			}
		case string:
			if x == notSet || x == "" {
				delete(props, info.Name)
			} else {
				props[info.Name] = x
			}
		case []string:
			if len(x) == 0 {
				delete(props, info.Name)
			} else {
				props[info.Name] = slices.Clone(x)
			}
		}
	}
	in.applyProps(info, set)
}

func (in *inspector) applyProps(info model.PropInfo, set func(model.Props)) {
	p := in.project()
	summary := "Set " + words(info.Name)
	if e, ok := p.Element(in.id); ok {
		next := cloneElement(*e)
		set(next.Props)
		in.apply(model.Change{Summary: summary + " on " + e.Name, Ops: []model.Op{model.PutElement(next)}})
		return
	}
	if f, ok := p.Flow(in.id); ok {
		next := cloneFlow(*f)
		set(next.Props)
		in.apply(model.Change{Summary: summary + " on flow " + flowLabel(p, f), Ops: []model.Op{model.PutFlow(next)}})
	}
}

// onEnd reconnects one end of the selected flow.
func (in *inspector) onEnd(from bool, option string) {
	f, ok := in.project().Flow(in.id)
	id := idOf(option)
	if !ok || in.updating || id == "" {
		return
	}
	next := cloneFlow(*f)
	if from {
		next.From = id
	} else {
		next.To = id
	}
	if next.From == f.From && next.To == f.To {
		return
	}
	in.apply(model.Change{Summary: "Reconnect flow " + flowLabel(in.project(), f), Ops: []model.Op{model.PutFlow(next)}})
}

func (in *inspector) onBoundaryKind(v string) {
	b, ok := in.project().Boundary(in.id)
	if !ok || in.updating || model.BoundaryKind(v) == b.Kind {
		return
	}
	next := *b
	next.Kind = model.BoundaryKind(v)
	in.apply(model.Change{Summary: "Make " + b.Name + " a " + v + " boundary", Ops: []model.Op{model.PutBoundary(next)}})
}

func (in *inspector) onParent(option string) {
	b, ok := in.project().Boundary(in.id)
	if !ok || in.updating {
		return
	}
	parent := idOf(option)
	if option == notSet {
		parent = ""
	}
	if parent == b.Parent {
		return
	}
	next := *b
	next.Parent = parent
	in.apply(model.Change{Summary: "Move boundary " + b.Name, Ops: []model.Op{model.PutBoundary(next)}})
}

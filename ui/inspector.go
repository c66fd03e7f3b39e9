package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

// selectionKind says what the diagram has selected.
type selectionKind string

// What the inspector can show.
const (
	selNone     selectionKind = ""
	selElement  selectionKind = "element"
	selFlow     selectionKind = "flow"
	selBoundary selectionKind = "boundary"
	selMany     selectionKind = "many"
)

// notSet is the enum select's option for an unset property.
const notSet = "(not set)"

// inspector is the side panel of the diagram: it edits the selected
// element, flow or boundary, or the project when nothing is selected.
// Every field commits through workspace.apply: checks and selects at once,
// text on Enter or when the field loses focus.
type inspector struct {
	ds       *diagramScreen
	kind     selectionKind
	id       string
	built    string // kind+id+element kind the fields were generated for
	updating bool

	heading     *widget.Label
	icon        *widget.Icon
	name        *commitEntry
	description *commitEntry
	owner       *commitEntry
	kindSelect  *widget.Select
	parent      *widget.Select
	from, to    *widget.Select
	info        *widget.Label
	findings    *widget.Button
	strideCheck *widget.Check
	propFields  map[string]fyne.CanvasObject
	fields      *fyne.Container
	content     fyne.CanvasObject
}

func newInspector(ds *diagramScreen) *inspector {
	in := &inspector{ds: ds, propFields: map[string]fyne.CanvasObject{}}
	in.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	in.heading.Wrapping = fyne.TextWrapWord
	in.icon = widget.NewIcon(nil)
	in.name = newCommitEntry(false, in.onName)
	in.description = newCommitEntry(true, in.onDescription)
	in.description.SetMinRowsVisible(3)
	in.owner = newCommitEntry(false, in.onOwner)
	in.info = helpText("")
	in.findings = widget.NewButtonWithIcon("", theme.WarningIcon(), func() { ds.ws.showFindingsFor(in.id) })
	in.fields = container.NewVBox()
	in.content = container.NewVScroll(container.NewPadded(container.NewVBox(
		container.NewBorder(nil, nil, in.icon, nil, in.heading), in.fields)))
	return in
}

// show displays the selection; the fields are generated again only when
// what is shown changes kind, so typing is never interrupted.
func (in *inspector) show(kind selectionKind, ids []string) {
	in.kind, in.id = kind, ""
	if len(ids) == 1 {
		in.id = ids[0]
	}
	p := in.ds.ws.state.Project
	key := string(kind) + "/" + in.id
	if e, ok := p.Element(in.id); ok && kind == selElement {
		key += "/" + string(e.Kind)
	}
	if key != in.built {
		in.built = key
		in.build(p, len(ids))
	}
	in.updating = true
	defer func() { in.updating = false }()
	in.fill(p, len(ids))
}

func (in *inspector) build(p *model.Project, n int) {
	in.propFields = map[string]fyne.CanvasObject{}
	var objs []fyne.CanvasObject
	switch in.kind {
	case selElement:
		objs = in.elementFields(p)
	case selFlow:
		objs = in.flowFields(p)
	case selBoundary:
		objs = in.boundaryFields(p)
	case selMany:
		objs = []fyne.CanvasObject{helpText("Move them together, copy them (Ctrl+C), or delete them with their flows (Delete).")}
	default:
		objs = in.projectFields()
	}
	in.fields.Objects = objs
	in.fields.Refresh()
}

func field(label string, w fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(sectionTitle(label), w)
}

func (in *inspector) elementFields(p *model.Project) []fyne.CanvasObject {
	var names []string
	for _, k := range model.Kinds {
		names = append(names, k.Name)
	}
	in.kindSelect = widget.NewSelect(names, in.onKind)
	objs := []fyne.CanvasObject{field("Name", in.name), field("Kind", in.kindSelect), in.info,
		field("Description", in.description), in.findings, widget.NewSeparator(), sectionTitle("Properties")}
	if e, ok := p.Element(in.id); ok {
		for _, info := range model.PropsFor(e.Kind) {
			objs = append(objs, in.propField(info))
		}
	}
	return objs
}

func (in *inspector) flowFields(p *model.Project) []fyne.CanvasObject {
	var names []string
	for _, e := range p.Elements {
		names = append(names, elementOption(e))
	}
	in.from = widget.NewSelect(names, func(v string) { in.onEnd(true, v) })
	in.to = widget.NewSelect(names, func(v string) { in.onEnd(false, v) })
	objs := []fyne.CanvasObject{field("Name", in.name), field("From", in.from), field("To", in.to), in.info,
		field("Description", in.description), in.findings, widget.NewSeparator(), sectionTitle("Properties")}
	for _, info := range model.FlowProps() {
		objs = append(objs, in.propField(info))
	}
	return objs
}

func (in *inspector) boundaryFields(p *model.Project) []fyne.CanvasObject {
	var kinds []string
	for _, k := range model.BoundaryKinds {
		kinds = append(kinds, string(k))
	}
	in.kindSelect = widget.NewSelect(kinds, in.onBoundaryKind)
	parents := []string{notSet}
	for _, b := range p.Boundaries {
		if b.ID != in.id {
			parents = append(parents, boundaryOption(b))
		}
	}
	in.parent = widget.NewSelect(parents, in.onParent)
	return []fyne.CanvasObject{field("Name", in.name), field("Kind", in.kindSelect),
		field("Inside boundary", in.parent), in.info}
}

func (in *inspector) projectFields() []fyne.CanvasObject {
	in.strideCheck = widget.NewCheck("Generic STRIDE threats", in.onStride)
	return []fyne.CanvasObject{field("Project name", in.name), field("Owner", in.owner),
		field("Description", in.description), in.strideCheck,
		helpText("Also suggest the generic STRIDE-per-element threats, besides the AI ones."),
		helpText("Select an element, flow or trust boundary on the diagram to edit it here. " +
			"Pick a kind in the palette and click the diagram to add one; drag from an element's connector to draw a flow.")}
}

func elementOption(e model.Element) string { return fmt.Sprintf("%s (%s)", e.Name, e.ID) }

func boundaryOption(b model.Boundary) string { return fmt.Sprintf("%s (%s)", b.Name, b.ID) }

// idOf reads the id back from an "Name (id)" option.
func idOf(option string) string {
	i := strings.LastIndex(option, "(")
	if i < 0 || !strings.HasSuffix(option, ")") {
		return ""
	}
	return option[i+1 : len(option)-1]
}

// propLabel turns a property name into a label ("accepts_untrusted_input"
// -> "Accepts untrusted input").
func propLabel(name string) string {
	s := words(name)
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// propField builds the widget of one property from the vocabulary.
func (in *inspector) propField(info model.PropInfo) fyne.CanvasObject {
	var w fyne.CanvasObject
	switch info.Type {
	case model.PropBool:
		w = widget.NewCheck(propLabel(info.Name), func(on bool) { in.onProp(info, on) })
	case model.PropEnum:
		opts := append([]string{notSet}, info.Values...)
		sel := widget.NewSelect(opts, func(v string) { in.onProp(info, v) })
		w = container.NewVBox(widget.NewLabel(propLabel(info.Name)), sel)
	case model.PropSet:
		cg := widget.NewCheckGroup(info.Values, func(v []string) { in.onProp(info, v) })
		cg.Horizontal = true
		w = container.NewVBox(widget.NewLabel(propLabel(info.Name)), cg)
	}
	in.propFields[info.Name] = w
	help := info.Help
	if info.Control {
		help += " (a control: leave unticked until it is in place)"
	}
	return container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()), w, helpText(help))
}

// fill shows the current values without committing anything.
func (in *inspector) fill(p *model.Project, n int) {
	switch in.kind {
	case selElement:
		in.fillElement(p)
	case selFlow:
		in.fillFlow(p)
	case selBoundary:
		in.fillBoundary(p)
	case selMany:
		in.icon.SetResource(theme.ContentCopyIcon())
		in.heading.SetText(fmt.Sprintf("%d items selected", n))
	default:
		in.icon.SetResource(theme.InfoIcon())
		in.heading.SetText("Project")
		in.name.show(model.ProjectTarget, p.Meta.Name)
		in.owner.show(model.ProjectTarget, p.Meta.Owner)
		in.description.show(model.ProjectTarget, p.Meta.Description)
		in.strideCheck.SetChecked(slices.Contains(p.Meta.Packs, threats.PackStride))
	}
}

func (in *inspector) fillElement(p *model.Project) {
	e, ok := p.Element(in.id)
	if !ok {
		return
	}
	info, _ := model.LookupKind(e.Kind)
	in.icon.SetResource(in.ds.kindIcon(e.Kind))
	in.heading.SetText(info.Name)
	in.name.show(e.ID, e.Name)
	in.description.show(e.ID, e.Description)
	in.kindSelect.SetSelected(info.Name)
	where := "Outside every trust boundary."
	if b, ok := p.Boundary(e.Boundary); ok {
		where = "Inside " + b.Name + "."
	}
	in.info.SetText(info.Description + ". " + where + " Id " + e.ID + ".")
	in.fillProps(e.Props)
	in.fillFindings()
}

func (in *inspector) fillFlow(p *model.Project) {
	f, ok := p.Flow(in.id)
	if !ok {
		return
	}
	in.icon.SetResource(theme.NavigateNextIcon())
	in.heading.SetText("Data flow")
	in.name.show(f.ID, f.Name)
	in.description.show(f.ID, f.Description)
	if e, ok := p.Element(f.From); ok {
		in.from.SetSelected(elementOption(*e))
	}
	if e, ok := p.Element(f.To); ok {
		in.to.SetSelected(elementOption(*e))
	}
	in.info.SetText("Stays inside one trust zone.")
	if p.Crosses(*f) {
		in.info.SetText("Crosses a trust boundary.")
	}
	in.fillProps(f.Props)
	in.fillFindings()
}

func (in *inspector) fillBoundary(p *model.Project) {
	b, ok := p.Boundary(in.id)
	if !ok {
		return
	}
	in.icon.SetResource(in.ds.boundaryIcon())
	in.heading.SetText("Trust boundary")
	in.name.show(b.ID, b.Name)
	in.kindSelect.SetSelected(string(b.Kind))
	in.parent.SetSelected(notSet)
	if parent, ok := p.Boundary(b.Parent); ok {
		in.parent.SetSelected(boundaryOption(*parent))
	}
	n := 0
	for _, e := range p.Elements {
		if e.Boundary == b.ID {
			n++
		}
	}
	in.info.SetText(fmt.Sprintf("%d elements directly inside. Id %s.", n, b.ID))
}

func (in *inspector) fillProps(props model.Props) {
	for name, w := range in.propFields {
		switch x := w.(type) {
		case *widget.Check:
			x.SetChecked(props.Bool(name))
		case *fyne.Container:
			switch v := x.Objects[1].(type) {
			case *widget.Select:
				v.SetSelected(notSet)
				if s := props.String(name); s != "" {
					v.SetSelected(s)
				}
			case *widget.CheckGroup:
				v.SetSelected(props.Set(name))
			}
		}
	}
}

// fillFindings labels the button that opens the target's findings.
func (in *inspector) fillFindings() {
	b := in.ds.badges[in.id]
	in.findings.SetText(fmt.Sprintf("%d open findings", b.Count))
	if b.Count == 1 {
		in.findings.SetText("1 open finding")
	}
	in.findings.Importance = widget.MediumImportance
	if b.Count > 0 {
		in.findings.Importance = widget.WarningImportance
	}
	in.findings.Refresh()
}

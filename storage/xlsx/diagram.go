package xlsx

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png" // DecodeConfig of the diagram picture
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"airisk/model"
)

var elementColumns = []column{
	{"ID", 14, "", kindText},
	{"Name", 26, "", kindText},
	{"Kind", 18, "", kindText},
	{"Boundary", 22, "", kindText},
	{"Description", 46, "", kindText},
}

var flowColumns = []column{
	{"ID", 8, "", kindText},
	{"Name", 26, "", kindText},
	{"From", 22, "", kindText},
	{"To", 22, "", kindText},
	{"From boundary", 18, "", kindText},
	{"To boundary", 18, "", kindText},
	{"Crosses boundary", 10, "", kindCenter},
	{"Description", 40, "", kindText},
}

// fillElements streams the diagram's elements with one column per
// property any element uses (props, in the order of the columns).
func (x *exporter) fillElements(s *stream, props []string) error {
	row := make([]any, len(s.cols))
	for _, e := range x.p.Elements {
		kind := string(e.Kind)
		if info, ok := model.LookupKind(e.Kind); ok {
			kind = info.Name
		}
		copy(row, []any{e.ID, text(e.Name), kind, text(x.boundaryName(e.Boundary)), text(e.Description)})
		propCells(row[len(elementColumns):], e.Props, props)
		if err := s.add(row, rowHeight(rowLines(row, s.cols), 8)); err != nil {
			return err
		}
		x.progress.add(1)
	}
	return nil
}

// fillFlows streams the data flows with their ends, boundaries and
// properties.
func (x *exporter) fillFlows(s *stream, props []string) error {
	row := make([]any, len(s.cols))
	for _, fl := range x.p.Flows {
		from, to := x.elementNames([]string{fl.From}), x.elementNames([]string{fl.To})
		copy(row, []any{fl.ID, text(fl.Name), from, to, text(x.elementBoundary(fl.From)),
			text(x.elementBoundary(fl.To)), yesNo(x.ix.Crosses(fl)), text(fl.Description)})
		propCells(row[len(flowColumns):], fl.Props, props)
		if err := s.add(row, rowHeight(rowLines(row, s.cols), 8)); err != nil {
			return err
		}
		x.progress.add(1)
	}
	return nil
}

func (x *exporter) elementBoundary(id string) string {
	if e, ok := x.ix.Element(id); ok {
		return x.boundaryName(e.Boundary)
	}
	return ""
}

// usedProps lists the property names set on any item, in vocabulary order
// and then, for names outside the vocabulary, alphabetically.
func usedProps[T any](items []T, props func(T) model.Props) []string {
	seen := map[string]bool{}
	for _, it := range items {
		for k := range props(it) {
			seen[k] = true
		}
	}
	var out []string
	for _, info := range model.Properties {
		if seen[info.Name] {
			out = append(out, info.Name)
			delete(seen, info.Name)
		}
	}
	var rest []string
	for k := range seen {
		rest = append(rest, k)
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// withPropColumns appends one column per property, keeping headings
// unique as Excel tables require.
func withPropColumns(base []column, props []string) []column {
	cols := slices.Clone(base)
	used := map[string]bool{}
	for _, c := range base {
		used[headerKey(c.Header)] = true
	}
	for _, name := range props {
		h := name
		for used[headerKey(h)] || strings.TrimSpace(h) == "" {
			h += " (property)"
		}
		used[headerKey(h)] = true
		// Wide enough for the name, which has no spaces to wrap at.
		cols = append(cols, column{h, min(max(12, float64(len(h))+2), 26), "", kindCenter})
	}
	return cols
}

// propCells fills cells with the values of the named properties.
func propCells(cells []any, p model.Props, names []string) {
	for i, name := range names {
		v, ok := p[name]
		if !ok {
			cells[i] = nil
			continue
		}
		switch val := v.(type) {
		case bool:
			cells[i] = yesNo(val)
		case string:
			cells[i] = text(val)
		case []string:
			cells[i] = text(strings.Join(val, ", "))
		default:
			if set := p.Set(name); set != nil {
				cells[i] = text(strings.Join(set, ", "))
			} else {
				cells[i] = fmt.Sprint(val)
			}
		}
	}
}

// diagramWidth is the width in pixels the picture is scaled down to, about
// the printable width of an A4 landscape page.
const diagramWidth = 1000

// writeDiagram places the diagram picture, or says it was not provided.
func (x *exporter) writeDiagram() error {
	const sheet = sheetDiagram
	if err := x.pageSetup(sheet, 0); err != nil {
		return err
	}
	w := &cellWriter{f: x.f, sheet: sheet}
	w.set("A1", "Data-flow diagram: "+x.p.Meta.Name, x.st.title)
	x.progress.add(1)
	if len(x.opt.Diagram) == 0 {
		w.set("A2", "The diagram picture was not provided with this export. The Elements and Flows sheets list the diagram as tables.", x.st.note)
		w.merge("A2", "P2")
		return w.err
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(x.opt.Diagram))
	if err != nil || format != "png" || cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Errorf("%w (%v)", ErrDiagram, firstErr(err, fmt.Errorf("format %q", format)))
	}
	scale := 1.0
	if cfg.Width > diagramWidth {
		scale = float64(diagramWidth) / float64(cfg.Width)
	}
	w.set("A2", "Trust boundaries, elements and data flows as drawn in the app. The Elements and Flows sheets list them as tables.", x.st.note)
	w.merge("A2", "P2")
	if w.err != nil {
		return w.err
	}
	err = x.f.AddPictureFromBytes(sheet, "A4", &excelize.Picture{
		Extension: ".png", File: x.opt.Diagram,
		Format: &excelize.GraphicOptions{AltText: "Data-flow diagram of " + truncateRunes(x.p.Meta.Name, 200),
			ScaleX: scale, ScaleY: scale, LockAspectRatio: true, Positioning: "oneCell"},
	})
	if err != nil {
		return fmt.Errorf("add the diagram picture: %w", err)
	}
	return nil
}

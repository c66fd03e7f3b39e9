package xlsx

import (
	"strings"

	"airisk/model"
	"airisk/threats"
)

// libraryStakeholders are the Code's stakeholders, one filterable column
// each on the Threat library sheet.
var libraryStakeholders = []threats.Stakeholder{"developer", "system_operator", "data_custodian", "end_user", "affected_entity"}

var libraryColumns = func() []column {
	cols := []column{
		{"Threat ID", 10, "", kindText},
		{"Title", 28, "", kindText},
		{"Pack", 8, "", kindCenter},
		{"How it works", 50, "", kindText},
		{"Example", 42, "", kindText},
		{"Phases", 14, "", kindText},
		{"STRIDE", 8, "", kindCenter},
		{"Applies to", 20, "", kindText},
		{"Default likelihood", 11, "", kindCenter},
		{"Default impact", 9, "", kindCenter},
		{"Mitigations", 52, "", kindText},
		{"References", 32, "", kindText},
		{"Provisions", 12, "", kindText},
	}
	for _, s := range libraryStakeholders {
		cols = append(cols, column{stakeholderName(s), 11, "", kindCenter})
	}
	return cols
}()

// fillLibrary streams the whole catalogue for awareness training, with a
// Yes in the column of each stakeholder the threat's provisions fall on.
func (x *exporter) fillLibrary(s *stream) error {
	if x.c != nil {
		row := make([]any, len(libraryColumns))
		for _, t := range x.c.Threats {
			if t == nil {
				continue
			}
			if err := s.add(row, x.libraryRow(row, t)); err != nil {
				return err
			}
			x.progress.add(1)
		}
	}
	return nil
}

// libraryRow fills row with threat t and returns the row height.
func (x *exporter) libraryRow(row []any, t *threats.Threat) float64 {
	pack := t.Pack
	if t.Local {
		pack = "local: " + pack
	}
	mitigations := make([]string, len(t.Mitigations))
	for i, m := range t.Mitigations {
		mitigations[i] = "• " + m.Text
		if len(m.Provisions) > 0 {
			mitigations[i] += " (" + strings.Join(m.Provisions, ", ") + ")"
		}
	}
	provisions := t.Provisions()
	refs := lines(x.referenceLines(t.References))
	applies := appliesTo(t.On)
	copy(row, []any{t.ID, text(t.Title), text(pack), text(t.Description), text(t.Example),
		text(joinStrings(t.Phases, ", ")), text(joinStrings(t.Stride, ", ")), text(applies),
		level(t.Likelihood), level(t.Impact), text(lines(mitigations)), text(refs), text(strings.Join(provisions, ", "))})
	for i, on := range x.stakeholdersOf(provisions) {
		row[13+i] = text(yesBlank(on))
	}
	n := max(estimateLines(t.Description, 50), estimateLines(t.Example, 42), estimateLines(lines(mitigations), 52),
		estimateLines(refs, 32), estimateLines(applies, 20))
	return rowHeight(n, 16)
}

// stakeholdersOf reports, per libraryStakeholders entry, whether any of the
// provisions falls on that stakeholder.
func (x *exporter) stakeholdersOf(provisions []string) []bool {
	out := make([]bool, len(libraryStakeholders))
	if x.c == nil || x.c.Code == nil {
		return out
	}
	for _, id := range provisions {
		p, ok := x.c.Code.Provision(id)
		if !ok {
			continue
		}
		for i, s := range libraryStakeholders {
			for _, ps := range p.Stakeholders {
				if ps == s {
					out[i] = true
				}
			}
		}
	}
	return out
}

// appliesTo names what a threat attaches to, one a line.
func appliesTo(on []string) string {
	out := make([]string, len(on))
	for i, o := range on {
		switch {
		case o == "flow":
			out[i] = "Data flows"
		case o == "project":
			out[i] = "The whole system"
		case strings.HasPrefix(o, "shape:"):
			out[i] = "Any " + strings.ReplaceAll(strings.TrimPrefix(o, "shape:"), "_", " ")
		default:
			out[i] = o
			if info, ok := model.LookupKind(model.Kind(o)); ok {
				out[i] = info.Name
			}
		}
	}
	return lines(out)
}

package xlsx

import (
	"strings"

	"airisk/model"
)

// fillControls streams one row per control.
func (x *exporter) fillControls(s *stream) error {
	row := make([]any, len(controlColumns))
	for i := range x.p.Risks {
		r := &x.p.Risks[i]
		for j, c := range r.Controls {
			copy(row, []any{r.ID, text(r.Title), j + 1, text(c.Title), text(string(c.Status)),
				text(strings.Join(c.Provisions, ", "))})
			lines := max(estimateLines(r.Title, 40), estimateLines(c.Title, 70))
			if err := s.add(row, rowHeight(lines, 8)); err != nil {
				return err
			}
		}
		x.progress.add(len(r.Controls))
	}
	return nil
}

// controlExtras adds the dropdown on Status.
func (x *exporter) controlExtras(s *stream) error {
	return s.dropdown(colControlStatus, enumStrings(model.ControlStatuses), "How far this control has got.", false)
}

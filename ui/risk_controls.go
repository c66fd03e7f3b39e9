package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/model"
	"airisk/threats"
)

// controlRow edits one control of a risk in the risk form.
type controlRow struct {
	title      *widget.Entry
	status     *widget.Select
	provisions *widget.Entry
	removed    bool
	box        *fyne.Container
}

func (f *riskForm) addControl(c model.Control) {
	row := &controlRow{title: widget.NewEntry(), provisions: widget.NewEntry()}
	row.title.SetText(c.Title)
	row.title.SetPlaceHolder("What is done against the risk")
	row.title.Validator = nameValidator("The control's title")
	row.status = valueSelect(model.ControlStatuses, c.Status)
	row.provisions.SetText(strings.Join(c.Provisions, ", "))
	row.provisions.SetPlaceHolder("Provisions, e.g. 2.2, 5.4.1")
	row.provisions.Validator = provisionValidator(f.rs.state.Catalogue)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	remove.Importance = widget.LowImportance
	side := container.NewHBox(container.NewGridWrap(fyne.NewSize(150, row.status.MinSize().Height), row.status),
		container.NewGridWrap(fyne.NewSize(150, row.provisions.MinSize().Height), row.provisions), remove)
	row.box = container.NewBorder(nil, nil, nil, side, row.title)
	remove.OnTapped = func() {
		row.removed = true
		f.controlsBox.Remove(row.box)
	}
	f.controls = append(f.controls, row)
	f.controlsBox.Add(row.box)
}

func (c *controlRow) collect() model.Control {
	return model.Control{
		Title:      strings.TrimSpace(c.title.Text),
		Status:     model.ControlStatus(valueOf(c.status.Selected)),
		Provisions: splitList(c.provisions.Text),
	}
}

// splitList reads a comma or space separated list.
func splitList(s string) []string {
	out := []string{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		out = append(out, f)
	}
	return out
}

// provisionValidator checks provision numbers: their form as the model
// does, and that the Code of Practice has them when the catalogue is known.
func provisionValidator(cat *threats.Catalogue) fyne.StringValidator {
	return func(s string) error {
		for _, p := range splitList(s) {
			if !model.ValidProvisionNumber(p) {
				return fmt.Errorf("%q is not a provision number like 5.1 or 5.4.1", p)
			}
			if cat != nil && cat.Code != nil {
				if _, ok := cat.Code.Provision(p); !ok {
					return fmt.Errorf("the Code of Practice has no provision %s", p)
				}
			}
		}
		return nil
	}
}

package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"airisk/model"
)

// fillRegister streams one row per risk; registerExtras then adds the
// dropdowns on the editable columns and the band colours on the scores.
func (x *exporter) fillRegister(s *stream) error {
	fm := newRegisterFormulas(x.sc)
	row := make([]any, len(registerColumns))
	for i := range x.p.Risks {
		height := x.registerRow(row, &x.p.Risks[i], s.row+1, fm)
		if err := s.add(row, height); err != nil {
			return err
		}
		x.progress.add(1)
	}
	return nil
}

// registerRow fills row with the cells of risk r written at sheet row n and
// returns the row height.
func (x *exporter) registerRow(row []any, r *model.Risk, n int, fm *registerFormulas) float64 {
	tc := x.threatOf(r.Threat)
	controls := controlLines(r.Controls)
	elements := x.elementNames(r.Elements)
	inherent, residual := r.InherentScore(), r.ResidualScore()
	ns := strconv.Itoa(n)
	copy(row, []any{
		r.ID, text(r.Title), text(r.Description), text(elements), text(r.Threat),
		text(tc.stride), text(tc.phases), level(r.Likelihood), level(r.Impact),
		fm.cell(fm.inherent, ns, score(inherent)),
		fm.cell(fm.inherentBand, ns, x.sc.BandName(inherent)),
		text(controls), text(string(controlSummary(r.Controls))), text(strings.Join(controlProvisions(r.Controls), ", ")),
		level(r.ResidualLikelihood), level(r.ResidualImpact),
		fm.cell(fm.residual, ns, score(residual)),
		fm.cell(fm.residualBand, ns, x.sc.BandName(residual)),
		fm.cell(fm.above, ns, aboveAppetite(x.sc, *r)),
		text(string(r.Treatment)), text(r.Owner), text(string(r.Status)),
		excelDate(r.Due), excelDate(r.Review), text(r.Notes), text(tc.references), excelTime(r.Updated),
	})
	// References do not set the height: they are secondary here (the
	// Threat library lists them with names) and would double most rows.
	lines := max(estimateLines(r.Title, 24), estimateLines(r.Description, 36), estimateLines(elements, 16),
		estimateLines(controls, 32), estimateLines(r.Notes, 24), estimateLines(r.Owner, 14), estimateLines(tc.phases, 11))
	return rowHeight(lines, 10)
}

// text is a string cell, or no cell at all when empty.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// level is a 1..5 score cell, or no cell for 0 (not assessed).
func level(v int) any {
	if v == 0 {
		return nil
	}
	return v
}

func score(v int) any {
	if v <= 0 {
		return ""
	}
	return v
}

func aboveAppetite(sc model.Scoring, r model.Risk) string {
	if r.ResidualScore() <= 0 {
		return ""
	}
	return yesNo(sc.AboveAppetite(r))
}

// controlLines numbers the controls one a line: "1. Title".
func controlLines(cs []model.Control) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = strconv.Itoa(i+1) + ". " + c.Title
	}
	return lines(out)
}

// controlSummary is the least advanced status of the controls, so
// "implemented" means every control is; "" when there are none.
func controlSummary(cs []model.Control) model.ControlStatus {
	best := -1
	for _, c := range cs {
		i := slices.Index(model.ControlStatuses, c.Status)
		if best < 0 || (i >= 0 && i < best) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return model.ControlStatuses[best]
}

// controlProvisions is the sorted union of the controls' provisions.
func controlProvisions(cs []model.Control) []string {
	var out []string
	for _, c := range cs {
		for _, p := range c.Provisions {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	slices.SortFunc(out, compareProvisions)
	return out
}

// compareProvisions orders provision numbers part by part ("5.4.1" after
// "5.4", "10.1" after "9.2").
func compareProvisions(a, b string) int {
	for {
		pa, restA, moreA := strings.Cut(a, ".")
		pb, restB, moreB := strings.Cut(b, ".")
		if c := compareProvisionPart(pa, pb); c != 0 {
			return c
		}
		if !moreA || !moreB {
			return partsLeft(restA, moreA) - partsLeft(restB, moreB)
		}
		a, b = restA, restB
	}
}

// compareProvisionPart orders two parts of provision numbers: as numbers
// when both are, else as text.
func compareProvisionPart(a, b string) int {
	na, errA := strconv.Atoi(a)
	nb, errB := strconv.Atoi(b)
	if errA != nil || errB != nil {
		return strings.Compare(a, b)
	}
	return na - nb
}

// partsLeft counts the parts after a cut: none when there was no dot.
func partsLeft(rest string, more bool) int {
	if !more {
		return 0
	}
	return strings.Count(rest, ".") + 1
}

// registerExtras adds the dropdowns and the band colours.
func (x *exporter) registerExtras(s *stream) error {
	if err := x.registerDropdowns(s); err != nil {
		return err
	}
	for _, col := range []string{colInherent, colResidual} {
		i := columnIndex(registerColumns, col)
		ref := cellName(i, 2) + ":" + cellName(i+1, s.lastRow())
		if err := x.bandFormats(sheetRegister, ref, "$"+cellName(i, 2)); err != nil {
			return err
		}
	}
	warn := x.st.warnDxf
	err := x.f.SetConditionalFormat(sheetRegister, s.columnRange(colAboveAppetite), []excelize.ConditionalFormatOptions{
		{Type: "cell", Criteria: "==", Value: `"Yes"`, Format: &warn},
	})
	if err != nil {
		return fmt.Errorf("colour the appetite column: %w", err)
	}
	return nil
}

func (x *exporter) registerDropdowns(s *stream) error {
	levels := []string{"1", "2", "3", "4", "5"}
	lp, ip := levelPrompt("Likelihood", x.sc.LikelihoodLabels), levelPrompt("Impact", x.sc.ImpactLabels)
	blank := " Leave empty while not assessed."
	drops := []struct {
		col    string
		values []string
		prompt string
		blank  bool
	}{
		{string(fieldLikelihood), levels, lp, false},
		{string(fieldImpact), levels, ip, false},
		{string(fieldResidualL), levels, lp + blank, true},
		{string(fieldResidualI), levels, ip + blank, true},
		{string(fieldTreatment), enumStrings(model.Treatments), "How the risk is handled.", false},
		{string(fieldStatus), enumStrings(model.RiskStatuses), "Where the risk stands.", false},
		{string(fieldControlStatus), enumStrings(model.ControlStatuses), "For a risk with one control, its status. With several, set each on the Controls sheet.", true},
	}
	for _, d := range drops {
		if err := s.dropdown(d.col, d.values, d.prompt, d.blank); err != nil {
			return err
		}
	}
	return nil
}

// levelPrompt lists the level names: "1 Rare, 2 Unlikely, ...".
func levelPrompt(what string, labels []string) string {
	parts := make([]string, len(labels))
	for i, l := range labels {
		parts[i] = strconv.Itoa(i+1) + " " + l
	}
	return what + " from 1 to 5: " + strings.Join(parts, ", ") + "."
}

func enumStrings[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// bandFormats colours ref by the band of the score in scoreCell (a
// reference to the top row of ref's score column, "$J2").
func (x *exporter) bandFormats(sheet, ref, scoreCell string) error {
	opts := make([]excelize.ConditionalFormatOptions, len(x.sc.Bands))
	lo := 0
	for i, b := range x.sc.Bands {
		format := x.st.bandDxf[i]
		criteria := fmt.Sprintf("AND(ISNUMBER(%s),%s>%d,%s<=%d)", scoreCell, scoreCell, lo, scoreCell, b.Max)
		if i == len(x.sc.Bands)-1 {
			criteria = fmt.Sprintf("AND(ISNUMBER(%s),%s>%d)", scoreCell, scoreCell, lo)
		}
		opts[i] = excelize.ConditionalFormatOptions{Type: "formula", Criteria: criteria, Format: &format}
		lo = b.Max
	}
	if err := x.f.SetConditionalFormat(sheet, ref, opts); err != nil {
		return fmt.Errorf("colour the score bands of %s: %w", ref, err)
	}
	return nil
}

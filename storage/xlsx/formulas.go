package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"airisk/model"
)

// rowMark stands for the row number in a formula template.
const rowMark = "\x00"

// maxFormula is the longest formula written; a scheme whose band names
// would make the rating formula longer gets plain values instead.
const maxFormula = 8000

// registerFormulas are the Register's derived columns as formula templates,
// so a reviewer who changes a likelihood in Excel sees the score, rating
// and appetite follow. Each cell also carries the value computed here, so
// readers that do not calculate still show it.
type registerFormulas struct {
	inherent, inherentBand, residual, residualBand, above []string
}

func newRegisterFormulas(sc model.Scoring) *registerFormulas {
	ref := func(h string) string { return colName(columnIndex(registerColumns, h)) + rowMark }
	l, i := ref(string(fieldLikelihood)), ref(string(fieldImpact))
	rl, ri := ref(string(fieldResidualL)), ref(string(fieldResidualI))
	in, res := ref(colInherent), ref(colResidual)
	// The likelihood and impact columns sit side by side, as do the
	// residual pair, so COUNT over the pair says whether both are numbers.
	return &registerFormulas{
		inherent:     split(`IF(COUNT(` + l + `:` + i + `)=2,` + l + `*` + i + `,"")`),
		inherentBand: split(`IF(ISNUMBER(` + in + `),` + bandChain(sc, in) + `,"")`),
		residual:     split(`IF(COUNT(` + rl + `:` + ri + `)=2,` + rl + `*` + ri + `,` + in + `)`),
		residualBand: split(`IF(ISNUMBER(` + res + `),` + bandChain(sc, res) + `,"")`),
		above:        split(`IF(ISNUMBER(` + res + `),IF(` + res + `>` + strconv.Itoa(sc.Appetite) + `,"Yes","No"),"")`),
	}
}

// bandChain names the band of the score in cell: nested IFs over the
// band maxima, the last band catching the rest.
func bandChain(sc model.Scoring, cell string) string {
	var b strings.Builder
	for i, band := range sc.Bands {
		if i == len(sc.Bands)-1 {
			b.WriteString(quoteFormula(band.Name))
			break
		}
		b.WriteString("IF(" + cell + "<=" + strconv.Itoa(band.Max) + "," + quoteFormula(band.Name) + ",")
	}
	b.WriteString(strings.Repeat(")", max(len(sc.Bands)-1, 0)))
	return b.String()
}

// quoteFormula makes s a formula string literal.
func quoteFormula(s string) string {
	s = strings.ReplaceAll(s, rowMark, "\uFFFD")
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// split cuts a template at its row marks; nil when the formula is too long
// to write.
func split(template string) []string {
	if len(template) > maxFormula {
		return nil
	}
	return strings.Split(template, rowMark)
}

// cell returns a formula cell for row ns with the cached value v, or just
// v when the template was too long.
func (fm *registerFormulas) cell(parts []string, ns string, v any) any {
	if parts == nil {
		return v
	}
	var b strings.Builder
	b.Grow(len(parts)*len(ns) + len(parts[0])*len(parts))
	for i, p := range parts {
		if i > 0 {
			b.WriteString(ns)
		}
		b.WriteString(p)
	}
	return excelize.Cell{Formula: b.String(), Value: v}
}

package xlsx

import (
	"fmt"
	"strconv"

	"airisk/model"
)

// heatGrid counts risks by likelihood (row) and impact (column), 1..5.
type heatGrid [6][6]int

// heatCounts are the grids and totals of the Heat map sheet.
type heatCounts struct {
	inherent, residual                  heatGrid
	inherentBand, residualBand          []int
	unassessed, above, unscored, closed int
}

func (x *exporter) countHeat() heatCounts {
	hc := heatCounts{inherentBand: make([]int, len(x.sc.Bands)), residualBand: make([]int, len(x.sc.Bands))}
	for _, r := range x.p.Risks {
		if r.Status == model.RiskClosed {
			hc.closed++ // as in the app and the report: closed risks are not drawn
			continue
		}
		if !validLevel(r.Likelihood) || !validLevel(r.Impact) {
			hc.unscored++
			continue
		}
		hc.inherent[r.Likelihood][r.Impact]++
		hc.inherentBand[x.sc.BandIndex(r.InherentScore())]++
		rl, ri := r.Likelihood, r.Impact
		if r.HasResidual() && validLevel(r.ResidualLikelihood) && validLevel(r.ResidualImpact) {
			rl, ri = r.ResidualLikelihood, r.ResidualImpact
		} else {
			hc.unassessed++
		}
		hc.residual[rl][ri]++
		hc.residualBand[x.sc.BandIndex(rl*ri)]++
		if rl*ri > x.sc.Appetite {
			hc.above++
		}
	}
	return hc
}

func validLevel(v int) bool { return v >= 1 && v <= 5 }

// writeHeatMap draws the inherent and residual 5x5 grids side by side with
// the band colours, then the counts per band.
func (x *exporter) writeHeatMap() error {
	const sheet = sheetHeatMap
	if err := x.pageSetup(sheet, 0); err != nil {
		return err
	}
	hc := x.countHeat()
	w := &cellWriter{f: x.f, sheet: sheet}
	w.set("A1", "Heat map: "+x.p.Meta.Name, x.st.title)
	w.set("A2", "Number of risks at each likelihood and impact when the workbook was exported. "+
		"Residual is after controls; a risk whose residual scores are not yet assessed is counted at its inherent scores.", x.st.note)
	w.merge("A2", "M2")
	w.height(2, 32)
	x.heatGrid(w, 0, "Inherent risk (before controls)", &hc.inherent)
	x.heatGrid(w, 7, "Residual risk (after controls)", &hc.residual)
	x.heatTotals(w, &hc)
	widths := []float64{20, 12, 12, 12, 12, 12, 4, 20, 12, 12, 12, 12, 12}
	for i, wd := range widths {
		w.width(i, wd)
	}
	x.progress.add(1)
	return w.err
}

// heatGrid draws one grid with its left column at col.
func (x *exporter) heatGrid(w *cellWriter, col int, title string, g *heatGrid) {
	w.set(cellName(col, 4), title, x.st.subtitle)
	w.set(cellName(col, 5), "Likelihood / Impact", x.st.axis)
	w.height(4, 22)
	for l := 5; l >= 1; l-- {
		row := 5 + (6 - l)
		w.set(cellName(col, row), strconv.Itoa(l)+" "+label(x.sc.LikelihoodLabels, l), x.st.axis)
		w.height(row, 36)
		for i := 1; i <= 5; i++ {
			band := x.sc.BandIndex(model.Score(l, i))
			var v any
			if n := g[l][i]; n > 0 {
				v = n
			}
			w.set(cellName(col+i, row), v, x.st.bandCell[band])
		}
	}
	for i := 1; i <= 5; i++ {
		w.set(cellName(col+i, 5), strconv.Itoa(i)+" "+label(x.sc.ImpactLabels, i), x.st.axis)
	}
	w.height(5, 32)
}

// label returns the name of level v (1..5), "" when the scheme has none.
func label(labels []string, v int) string {
	if v >= 1 && v <= len(labels) {
		return labels[v-1]
	}
	return ""
}

// heatTotals lists the counts per band below the grids.
func (x *exporter) heatTotals(w *cellWriter, hc *heatCounts) {
	row := 13
	w.set(cellName(0, row), "Risks per band", x.st.subtitle)
	row++
	for i, h := range []string{"Band", "Scores", "Inherent", "Residual"} {
		w.set(cellName(i, row), h, x.st.header)
	}
	lo := 1
	for i, b := range x.sc.Bands {
		row++
		w.set(cellName(0, row), b.Name, x.st.bandCell[i])
		w.set(cellName(1, row), fmt.Sprintf("%d to %d", lo, b.Max), x.st.center)
		w.set(cellName(2, row), hc.inherentBand[i], x.st.center)
		w.set(cellName(3, row), hc.residualBand[i], x.st.center)
		lo = b.Max + 1
	}
	row += 2
	facts := []struct {
		label string
		n     int
	}{
		{fmt.Sprintf("Residual score above the appetite of %d", x.sc.Appetite), hc.above},
		{"Residual scores not yet assessed", hc.unassessed},
		{"Risks without valid scores (not drawn)", hc.unscored},
		{"Closed risks (not drawn)", hc.closed},
		{"Risks in the register", len(x.p.Risks)},
	}
	for _, fc := range facts {
		w.set(cellName(0, row), fc.label, x.st.label)
		w.merge(cellName(0, row), cellName(2, row))
		w.set(cellName(3, row), fc.n, x.st.center)
		row++
	}
}

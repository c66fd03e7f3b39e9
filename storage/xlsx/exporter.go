package xlsx

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"airisk/model"
	"airisk/threats"
)

// exporter holds what every sheet of one export needs.
type exporter struct {
	f        *excelize.File
	p        *model.Project
	c        *threats.Catalogue // nil when no catalogue was given
	opt      Options
	now      time.Time
	sc       model.Scoring
	st       *styles
	ix       *model.Index
	elements map[string]string // element id -> name
	bounds   map[string]string // boundary id -> name
	findings []threats.Finding
	threats  map[string]*threatCells
	progress *progress
	// rows holds the data rows of the big sheets by part name (see
	// splicingZip); close removes their files.
	rows map[string]*rowFile
}

// threatCells are the register cells that come from a risk's threat,
// worked out once per threat.
type threatCells struct {
	stride, phases, references string
}

func newExporter(f *excelize.File, p *model.Project, c *threats.Catalogue, opt Options) (*exporter, error) {
	x := &exporter{f: f, p: p, c: c, opt: opt, now: opt.Now, sc: p.EffectiveScoring(), ix: model.NewIndex(p),
		rows: map[string]*rowFile{}}
	if x.now.IsZero() {
		x.now = time.Now()
	}
	x.now = x.now.UTC()
	if len(x.sc.Bands) == 0 {
		x.sc.Bands = model.DefaultScoring().Bands
	}
	var err error
	if x.st, err = newStyles(f, len(x.sc.Bands)); err != nil {
		return nil, err
	}
	x.elements = make(map[string]string, len(p.Elements))
	for _, e := range p.Elements {
		x.elements[e.ID] = e.Name
	}
	x.bounds = make(map[string]string, len(p.Boundaries))
	for _, b := range p.Boundaries {
		x.bounds[b.ID] = b.Name
	}
	if c != nil {
		x.findings = threats.Analyse(p, c)
	}
	x.threats = map[string]*threatCells{}
	x.progress = newProgress(opt.Progress, x.totalRows())
	return x, nil
}

// close removes the temporary files of the rows.
func (x *exporter) close() {
	for _, rf := range x.rows {
		rf.close()
	}
}

// totalRows counts the rows the export writes, for progress.
func (x *exporter) totalRows() int {
	n := len(x.p.Risks) + len(x.p.Elements) + len(x.p.Flows) + len(x.findings) + len(x.p.Decisions) + x.actionRows()
	for _, r := range x.p.Risks {
		n += len(r.Controls)
	}
	if x.c != nil {
		n += len(x.c.Threats)
		if x.c.Code != nil {
			n += len(x.c.Code.Provisions)
		}
	}
	return n + 3 // heat map, diagram, about
}

// threatOf returns the catalogue cells of a threat id, empty when the
// catalogue does not know it.
func (x *exporter) threatOf(id string) *threatCells {
	if tc, ok := x.threats[id]; ok {
		return tc
	}
	tc := &threatCells{}
	if t := x.lookupThreat(id); t != nil {
		tc.stride = joinStrings(t.Stride, ", ")
		tc.phases = joinStrings(t.Phases, ", ")
		tc.references = strings.Join(t.References, ", ")
	}
	x.threats[id] = tc
	return tc
}

func (x *exporter) lookupThreat(id string) *threats.Threat {
	if x.c == nil || id == "" {
		return nil
	}
	t, ok := x.c.Threat(id)
	if !ok {
		return nil
	}
	return t
}

// referenceLines names each reference: "LLM01:2025 Prompt Injection".
func (x *exporter) referenceLines(refs []string) []string {
	out := make([]string, len(refs))
	for i, ref := range refs {
		out[i] = ref
		if x.c == nil {
			continue
		}
		if name := x.c.ReferenceName(ref); name != "" && !strings.Contains(ref, name) {
			out[i] = ref + " " + name
		}
	}
	return out
}

// elementNames lists the names of the element ids, falling back to the id.
func (x *exporter) elementNames(ids []string) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		if n, ok := x.elements[id]; ok && n != "" {
			names[i] = n
		} else {
			names[i] = id
		}
	}
	return lines(names)
}

// boundaryName names a boundary, "" for none.
func (x *exporter) boundaryName(id string) string {
	if id == "" {
		return ""
	}
	if n, ok := x.bounds[id]; ok && n != "" {
		return n
	}
	return id
}

func joinStrings[T ~string](items []T, sep string) string {
	s := make([]string, len(items))
	for i, v := range items {
		s[i] = string(v)
	}
	return strings.Join(s, sep)
}

// progress reports rows written, at most about a hundred times. The big
// sheets are written by two goroutines, hence the lock.
type progress struct {
	mu                sync.Mutex
	fn                func(done, total int)
	done, total, next int
	step              int
}

func newProgress(fn func(done, total int), total int) *progress {
	return &progress{fn: fn, total: total, step: max(total/100, 256)}
}

func (pr *progress) add(n int) {
	pr.mu.Lock()
	defer pr.mu.Unlock()
	pr.done = min(pr.done+n, pr.total)
	if pr.fn != nil && pr.done >= pr.next && pr.done < pr.total {
		pr.fn(pr.done, pr.total)
		pr.next = pr.done + pr.step
	}
}

func (pr *progress) finish() {
	if pr.fn != nil {
		pr.fn(pr.total, pr.total)
	}
}

// excelTime returns t as a date-time cell: the serial number of days and
// fraction since Excel's epoch, in UTC, which the column's format shows as
// YYYY-MM-DD hh:mm. (A time.Time cell would make every streamed row read
// the workbook settings.) nil for the zero time; RFC 3339 text before 1900.
func excelTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	if t.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		return t.Format(time.RFC3339)
	}
	secs := t.Unix() - excelEpoch.Unix()
	return float64(secs/86400) + (float64(secs%86400)+float64(t.Nanosecond())/1e9)/86400
}

// excelEpoch is day 0 of Excel's 1900 date system (as Excel counts, with
// its 1900 leap day, for dates from March 1900).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelDate returns a YYYY-MM-DD date as a date cell: the whole-day serial
// number, which the column's date format shows as YYYY-MM-DD. Text that is
// not such a date stays text; nil when empty.
func excelDate(s string) any {
	if s == "" {
		return nil
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil || d.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		return s
	}
	return int((d.Unix() - excelEpoch.Unix()) / 86400)
}

// pageSetup prepares sheet for printing: A4 landscape, fitted to the page
// width, with row titleRow repeated on every page (0 for none). For a
// streamed sheet it must run before the stream is opened: the sheet
// properties are written when the stream starts.
func (x *exporter) pageSetup(sheet string, titleRow int) error {
	fit := true
	if err := x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("set sheet properties: %w", err)
	}
	size, orient, one, zero := 9, "landscape", 1, 0
	if err := x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return fmt.Errorf("set page layout: %w", err)
	}
	side, edge, hf := 0.4, 0.6, 0.3
	if err := x.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &hf, Footer: &hf}); err != nil {
		return fmt.Errorf("set page margins: %w", err)
	}
	name := strings.ReplaceAll(truncateRunes(x.p.Meta.Name, 80), "&", "&&")
	if err := x.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + name + "&R&A",
		OddFooter: "&LExported " + x.now.Format("2006-01-02 15:04") + " UTC&RPage &P of &N",
	}); err != nil {
		return fmt.Errorf("set header and footer: %w", err)
	}
	if titleRow == 0 {
		return nil
	}
	return x.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, titleRow, titleRow),
	})
}

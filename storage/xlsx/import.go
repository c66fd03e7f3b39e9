package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"airisk/model"
)

// Limits on what a workbook may unpack to, so a small hostile file cannot
// exhaust memory: the whole package; a sheet larger than unzipXMLLimit,
// which excelize spills to a temporary file; and the parts excelize
// holds in memory. An exported register of 100,000 risks unpacks to about
// 300 MiB, nearly all of it in sheets that are spilled.
const (
	unzipLimit    = 1 << 30
	unzipXMLLimit = 64 << 20
	inMemoryLimit = 256 << 20
)

// ReadChanges reads a reviewed workbook's Register and Controls sheets,
// matches their rows to p's risks by Risk ID (and Control #), and compares
// the editable columns with the project. It applies nothing: it returns
// the change report, and a model.Change of PutRisk ops that makes the
// edits, which is empty whenever the report has problems. The error is
// for a file that cannot be read as a workbook at all (ErrTooLarge,
// ErrNotWorkbook, ErrNoRegister).
//
// Values are read as Excel and LibreOffice store them: dates as date
// cells or YYYY-MM-DD text, levels as numbers or level names, and formula
// cells by their last calculated value.
func ReadChanges(r io.Reader, p *model.Project) (rep *ImportReport, ch model.Change, err error) {
	if p == nil {
		return nil, model.Change{}, errors.New("read workbook: no project to compare with")
	}
	data, err := readLimited(r)
	if err != nil {
		return nil, model.Change{}, err
	}
	defer func() {
		if v := recover(); v != nil {
			rep, ch, err = nil, model.Change{}, fmt.Errorf("read workbook: %w (%v)", ErrNotWorkbook, v)
		}
	}()
	if err := checkZip(data); err != nil {
		return nil, model.Change{}, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: unzipLimit, UnzipXMLSizeLimit: unzipXMLLimit})
	if err != nil {
		return nil, model.Change{}, fmt.Errorf("read workbook: %w (%v)", ErrNotWorkbook, err)
	}
	defer f.Close()
	im := newImporter(f, p)
	if err := im.readRegister(); err != nil {
		return nil, model.Change{}, err
	}
	if err := im.readControls(); err != nil {
		return nil, model.Change{}, err
	}
	im.reconcileControls()
	im.findMissing()
	return im.rep, im.change(), nil
}

// readLimited reads at most model.MaxImportBytes.
func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, model.MaxImportBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read workbook: %w", err)
	}
	if int64(len(data)) > model.MaxImportBytes {
		return nil, fmt.Errorf("read workbook: %w of %d MiB", ErrTooLarge, model.MaxImportBytes>>20)
	}
	return data, nil
}

// checkZip looks at the sizes the package declares before excelize unpacks
// it: excelize reserves memory for each part by its declared size, so a
// few hostile bytes could otherwise claim gigabytes. (The zip reader
// refuses parts that unpack to more than they declare.)
func checkZip(data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return fmt.Errorf("read workbook: %w (%v)", ErrNotWorkbook, err)
	}
	var total, inMemory uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		total += size
		name := strings.ToLower(strings.ReplaceAll(zf.Name, "\\", "/"))
		if !strings.HasPrefix(name, "xl/worksheets/sheet") || size <= unzipXMLLimit {
			inMemory += size
		}
		if total > unzipLimit || total < size {
			return fmt.Errorf("read workbook: %w: it unpacks to more than %d MiB", ErrTooLarge, unzipLimit>>20)
		}
		if inMemory > inMemoryLimit {
			return fmt.Errorf("read workbook: %w: its parts other than sheets unpack to more than %d MiB", ErrTooLarge, inMemoryLimit>>20)
		}
	}
	return nil
}

// importer compares one workbook with one project.
type importer struct {
	f        *excelize.File
	p        *model.Project
	sc       model.Scoring
	date1904 bool
	rep      *ImportReport
	index    map[string]int         // risk id -> index in p.Risks
	draft    map[string]*model.Risk // edited copies of the risks
	rows     map[string]int         // risk id -> its Register row
	unknown  map[string]bool
	// regControls are the Register's Control status cells, in row order.
	regControls []regControl
	// controlRows holds the Controls sheet rows by risk and control
	// number, and controlSet the statuses that sheet changed.
	controlRows map[controlKey]int
	controlSet  map[controlKey]model.ControlStatus
	readCtl     bool // whether the Controls sheet was read
}

type regControl struct {
	id     string
	row    int
	status model.ControlStatus
	raw    string
}

type controlKey struct {
	id string
	n  int
}

func newImporter(f *excelize.File, p *model.Project) *importer {
	im := &importer{
		f: f, p: p, sc: p.EffectiveScoring(), rep: &ImportReport{},
		index: make(map[string]int, len(p.Risks)), draft: map[string]*model.Risk{},
		rows: make(map[string]int, len(p.Risks)), unknown: map[string]bool{},
		controlRows: map[controlKey]int{}, controlSet: map[controlKey]model.ControlStatus{},
	}
	for i, r := range p.Risks {
		im.index[r.ID] = i
	}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		im.date1904 = *props.Date1904
	}
	return im
}

// risk returns the risk as edited so far.
func (im *importer) risk(id string) *model.Risk {
	if d, ok := im.draft[id]; ok {
		return d
	}
	return &im.p.Risks[im.index[id]]
}

// edit returns the edited copy of the risk, making it on first use.
func (im *importer) edit(id string) *model.Risk {
	if d, ok := im.draft[id]; ok {
		return d
	}
	d := im.p.Risks[im.index[id]].Clone()
	im.draft[id] = &d
	return &d
}

func (im *importer) addUnknown(what string) {
	if !im.unknown[what] {
		im.unknown[what] = true
		im.rep.Unknown = append(im.rep.Unknown, what)
	}
}

// findMissing lists the risks and controls the file no longer has.
func (im *importer) findMissing() {
	for _, r := range im.p.Risks {
		if _, ok := im.rows[r.ID]; !ok {
			im.rep.Missing = append(im.rep.Missing, r.ID)
		}
		if !im.readCtl {
			continue
		}
		for j := range r.Controls {
			if _, ok := im.controlRows[controlKey{r.ID, j + 1}]; !ok {
				im.rep.Missing = append(im.rep.Missing, fmt.Sprintf("%s control %d", r.ID, j+1))
			}
		}
	}
}

// change builds the PutRisk ops of the edited risks, in project order,
// and checks the result with the model's own validation. It is empty when
// there are problems.
func (im *importer) change() model.Change {
	if len(im.rep.Problems) > 0 || len(im.draft) == 0 {
		return model.Change{}
	}
	ch := model.Change{Ops: make([]model.Op, 0, len(im.draft))}
	for _, r := range im.p.Risks {
		if d, ok := im.draft[r.ID]; ok {
			ch.Ops = append(ch.Ops, model.PutRisk(*d))
		}
	}
	ch.Summary = fmt.Sprintf("Import reviewed workbook: %s to %s", plural(len(im.rep.Changes), "change"), plural(len(ch.Ops), "risk"))
	trial := im.p.Clone()
	if _, err := trial.Apply(ch); err != nil {
		im.validationProblems(err)
		return model.Change{}
	}
	return ch
}

// validationProblems turns the model's objections into row problems.
func (im *importer) validationProblems(err error) {
	var ps model.Problems
	if !errors.As(err, &ps) {
		im.rep.problem(sheetRegister, 0, "", "", err.Error())
		return
	}
	for _, pr := range ps {
		row, column := 0, pr.Path
		var i int
		var rest string
		if n, _ := fmt.Sscanf(pr.Path, "risks[%d].%s", &i, &rest); n == 2 && i >= 0 && i < len(im.p.Risks) {
			row, column = im.rows[im.p.Risks[i].ID], rest
		}
		im.rep.problem(sheetRegister, row, column, "", pr.Message+".")
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// trimmedEqual compares a project value, as a cell holds it, with a value
// read back, ignoring what spreadsheets do to line ends and outer spaces.
func trimmedEqual(project, file string) bool {
	if project == file {
		return true
	}
	held := cellText(project)
	return held == file || strings.TrimSpace(held) == strings.TrimSpace(file)
}

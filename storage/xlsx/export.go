package xlsx

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"airisk/model"
	"airisk/threats"
)

// Options tune an export.
type Options struct {
	// Now is the export time shown in the workbook; zero means time.Now().
	Now time.Time
	// AppVersion is the program version shown on the About sheet.
	AppVersion string
	// Diagram is a PNG picture of the data-flow diagram for the Diagram
	// sheet; nil leaves a sentence saying it was not provided.
	Diagram []byte
	// Progress, when set, is called as rows are written, with the rows
	// done and the rows in all, about a hundred times; the last call has
	// done == total. Calls come one at a time but from the export's own
	// goroutines, so a GUI must hop to its UI goroutine (fyne.Do).
	Progress func(done, total int)
	// Changes is what changed in the latest workshop, for the Changes
	// sheet; nil leaves a sentence saying no comparison was available.
	Changes *Changes
}

// Export writes p as a workbook to w. c is the catalogue the findings,
// Code of Practice and threat library sheets come from; with a nil c they
// are left without it and the About sheet says no catalogue was given.
// The register, controls, findings, elements, flows and library sheets
// are streamed (spilling to temporary files), so a register of 100,000
// risks needs little memory beyond the project itself.
func Export(w io.Writer, p *model.Project, c *threats.Catalogue, opt Options) (err error) {
	if p == nil {
		return errors.New("export workbook: no project")
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("export workbook for project %q: internal error: %v", p.Meta.ID, r)
		}
	}()
	f := excelize.NewFile()
	defer f.Close()
	x, err := newExporter(f, p, c, opt)
	if err != nil {
		return fmt.Errorf("export workbook for project %q: %w", p.Meta.ID, err)
	}
	defer x.close()
	// excelize's WriteTo assembles the whole file in memory before copying
	// it to w (some 35 MiB more at the peak for 100,000 risks); this zip
	// writer writes straight to w instead, leaving that buffer empty, and
	// puts in the rows of the big sheets.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newSplicingZip(newZipWriter(w), x.rows) })
	if err := x.writeAll(); err != nil {
		return fmt.Errorf("export workbook for project %q: %w", p.Meta.ID, err)
	}
	if _, err := f.WriteToBuffer(); err != nil {
		return fmt.Errorf("write workbook for project %q: %w", p.Meta.ID, err)
	}
	x.progress.finish()
	return nil
}

// bigSheet is a sheet streamed row by row: opened, filled, then finished
// as a table with its validations and formats.
type bigSheet struct {
	name, table string
	cols        []column
	frozen      int // leading columns kept in view
	fill        func(*stream) error
	extras      func(*stream) error
	s           *stream
}

func (x *exporter) bigSheets() []*bigSheet {
	elementProps := usedProps(x.p.Elements, func(e model.Element) model.Props { return e.Props })
	flowProps := usedProps(x.p.Flows, func(f model.Flow) model.Props { return f.Props })
	return []*bigSheet{
		{name: sheetRegister, table: "RiskRegister", cols: registerColumns, frozen: 1, fill: x.fillRegister, extras: x.registerExtras},
		{name: sheetControls, table: "ControlsTable", cols: controlColumns, frozen: 1, fill: x.fillControls, extras: x.controlExtras},
		{name: sheetActions, table: "ActionsTable", cols: actionColumns, frozen: 2, fill: x.fillActions, extras: x.actionExtras},
		{name: sheetFindings, table: "FindingsTable", cols: findingColumns, frozen: 1, fill: x.fillFindings},
		{name: sheetElements, table: "ElementsTable", cols: withPropColumns(elementColumns, elementProps), frozen: 2,
			fill: func(s *stream) error { return x.fillElements(s, elementProps) }},
		{name: sheetFlows, table: "FlowsTable", cols: withPropColumns(flowColumns, flowProps), frozen: 2,
			fill: func(s *stream) error { return x.fillFlows(s, flowProps) }},
		{name: sheetLibrary, table: "ThreatLibrary", cols: libraryColumns, frozen: 2, fill: x.fillLibrary},
	}
}

// smallSheets are written cell by cell once the big sheets are done.
var smallSheets = []struct {
	name  string
	write func(*exporter) error
}{
	{sheetHeatMap, (*exporter).writeHeatMap},
	{sheetCode, (*exporter).writeCode},
	{sheetWorkshops, (*exporter).writeWorkshopLog},
	{sheetChanges, (*exporter).writeChanges},
	{sheetDiagram, (*exporter).writeDiagram},
	{sheetAbout, (*exporter).writeAbout},
}

func (x *exporter) writeAll() error {
	if err := x.f.SetSheetName("Sheet1", SheetNames[0]); err != nil {
		return fmt.Errorf("name the register sheet: %w", err)
	}
	for _, name := range SheetNames[1:] {
		if _, err := x.f.NewSheet(name); err != nil {
			return fmt.Errorf("add sheet %s: %w", name, err)
		}
	}
	big := x.bigSheets()
	for _, b := range big {
		var err error
		if b.s, err = x.openStream(b.name, b.cols, b.frozen); err != nil {
			return fmt.Errorf("sheet %s: %w", b.name, err)
		}
	}
	if err := fillBig(big); err != nil {
		return err
	}
	for _, b := range big {
		if err := b.s.finish(b.table, b.extras); err != nil {
			return fmt.Errorf("sheet %s: %w", b.name, err)
		}
	}
	for _, s := range smallSheets {
		if err := s.write(x); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	// The Register, the renamed first sheet, is already the active one.
	// SetActiveSheet would parse every streamed sheet back into memory.
	return x.setDocProps()
}

// fillBig writes the register on a goroutine of its own while this one
// writes the other big sheets: until they are finished, the streams of
// different sheets share nothing, and a big register takes as long as
// the rest together. The Actions sheet goes first: its owners' lists are
// the biggest thing it holds while filling, and every stream already
// filled keeps a buffer of up to 16 MiB until the file is written, so
// filling it before the Controls stream lowers the peak memory (by some
// 30 MiB on 100,000 risks). The order of filling does not show in the
// file: streams are opened and finished in sheet order.
func fillBig(big []*bigSheet) error {
	var wg sync.WaitGroup
	var regErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		regErr = big[0].fillSafely()
	}()
	var err error
	for _, b := range fillOrder(big[1:]) {
		if err = b.fillSafely(); err != nil {
			break
		}
	}
	wg.Wait()
	return firstErr(regErr, err)
}

// fillOrder puts the Actions sheet first, keeping the others in order.
func fillOrder(big []*bigSheet) []*bigSheet {
	out := make([]*bigSheet, 0, len(big))
	for _, b := range big {
		if b.name == sheetActions {
			out = append(out, b)
		}
	}
	for _, b := range big {
		if b.name != sheetActions {
			out = append(out, b)
		}
	}
	return out
}

// fillSafely fills the sheet, turning a panic into an error so that no
// goroutine of the export can bring the program down.
func (b *bigSheet) fillSafely() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("sheet %s: internal error: %v", b.name, r)
		}
	}()
	if err := b.fill(b.s); err != nil {
		return fmt.Errorf("sheet %s: %w", b.name, err)
	}
	return nil
}

func (x *exporter) setDocProps() error {
	// Ask spreadsheets to recalculate on opening, so a register edited by
	// a tool that does not calculate still shows scores that agree.
	full := true
	if err := x.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return fmt.Errorf("set calculation properties: %w", err)
	}
	created := x.now.Format(time.RFC3339)
	err := x.f.SetDocProps(&excelize.DocProperties{
		Title:       "Risk register: " + truncateRunes(x.p.Meta.Name, 200),
		Subject:     "AI risk register and threat model",
		Creator:     "AI Risk Workbench " + x.opt.AppVersion,
		Created:     created,
		Modified:    created,
		Description: truncateRunes(x.p.Meta.Description, 1000),
	})
	if err != nil {
		return fmt.Errorf("set document properties: %w", err)
	}
	return nil
}

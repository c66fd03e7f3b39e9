package xlsx

import (
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"airisk/model"
)

// sheetWorkshops is the sheet of the workshop records and their parking
// lot.
const sheetWorkshops = "Workshop log"

// workshopColumns are the columns of the workshop table. The parking lot
// table below it shares the sheet's column widths, so its columns line up
// with fitting ones here (Item under Title, Raised under End).
var workshopColumns = []column{
	{"Workshop", 11, "", kindText},
	{"Title", 30, "", kindText},
	{"Date", 16, "", kindDate},
	{"Start (UTC)", 16, "", kindCenter},
	{"End (UTC)", 16, "", kindCenter},
	{"Duration", 12, "", kindCenter},
	{"Facilitator", 16, "", kindText},
	{"Attendees", 24, "", kindText},
	{"Decisions", 10, "", kindCenter},
	{"Findings decided", 34, "", kindText},
	{"Risks created", 16, "", kindText},
	{"Risks changed", 16, "", kindText},
	{"Parking lot", 9, "", kindCenter},
	{"Notes", 30, "", kindText},
}

// parkingColumns are the columns of the parking lot table.
var parkingColumns = []column{
	{"Workshop", 11, "", kindText},
	{"Item", 30, "", kindText},
	{"Element", 16, "", kindText},
	{"Owner", 16, "", kindText},
	{"Raised (UTC)", 16, "", kindDateTime},
	{"Done", 12, "", kindCenter},
}

// workshopHead is the row of the workshop table's headings.
const workshopHead = 4

// writeWorkshopLog lists the workshops run on the project, one a row, then
// every question parked in them for follow-up.
func (x *exporter) writeWorkshopLog() error {
	const sheet = sheetWorkshops
	w := &cellWriter{f: x.f, sheet: sheet}
	for i, c := range workshopColumns {
		w.width(i, c.Width)
	}
	w.set("A1", "Workshop log: "+x.p.Meta.Name, x.st.title)
	if len(x.p.Workshops) == 0 {
		w.set("A2", "No workshop has been run on this project yet. Workshops run in the app's workshop mode are recorded here with their parking lot.", x.st.note)
		w.merge("A2", "J2")
		return firstErr(w.err, x.pageSetup(sheet, 0))
	}
	w.set("A2", "One row per workshop run in the app's workshop mode: who was there, how long it took and what it decided. "+
		"The parking lot below lists the questions raised for follow-up. Times are in UTC.", x.st.note)
	w.merge("A2", "J2")
	w.height(2, 32)
	clock, err := x.f.NewStyle(&excelize.Style{CustomNumFmt: ptr("hh:mm"),
		Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}})
	if err != nil {
		return fmt.Errorf("create time style: %w", err)
	}
	last := x.workshopTable(w, clock)
	x.parkingTable(w, last+3)
	if w.err != nil {
		return w.err
	}
	if err := freezeRows(x.f, sheet, workshopHead); err != nil {
		return err
	}
	return x.pageSetup(sheet, workshopHead)
}

// workshopTable writes one row per workshop and returns the last row.
func (x *exporter) workshopTable(w *cellWriter, clock int) int {
	headerRow(w, workshopColumns, workshopHead, x.st.header)
	row := workshopHead
	for _, ws := range x.p.Workshops {
		row++
		cells := x.workshopCells(ws)
		for i, v := range cells {
			style := x.kindStyle(workshopColumns[i].Kind)
			if i == 3 || i == 4 {
				style = clock
			}
			w.set(cellName(i, row), v, style)
		}
		w.height(row, rowHeight(rowLines(cells, workshopColumns), 10))
	}
	w.table("A"+itoa(workshopHead)+":"+cellName(len(workshopColumns)-1, row), "WorkshopLog")
	return row
}

// workshopCells are the cells of one workshop's row.
func (x *exporter) workshopCells(ws model.Workshop) []any {
	var day, end any
	if !ws.Started.IsZero() {
		day = excelDate(ws.Started.UTC().Format(time.DateOnly))
	}
	duration := durationText(ws.Duration(x.now))
	if ws.Running() {
		duration += " so far"
	} else {
		end = excelTime(ws.Ended)
	}
	return []any{text(ws.ID), text(ws.Title), day, excelTime(ws.Started), end, text(duration),
		text(ws.Facilitator), text(strings.Join(ws.Attendees, ", ")), len(ws.Decided),
		text(strings.Join(ws.Decided, ", ")), text(strings.Join(ws.RisksCreated, ", ")),
		text(strings.Join(ws.RisksChanged, ", ")), len(ws.Parking), text(ws.Notes)}
}

// parkingTable writes every parking-lot item under a subtitle at row.
func (x *exporter) parkingTable(w *cellWriter, row int) {
	n := 0
	for _, ws := range x.p.Workshops {
		n += len(ws.Parking)
	}
	w.set(cellName(0, row), fmt.Sprintf("Parking lot (%d)", n), x.st.subtitle)
	w.height(row, 22)
	if n == 0 {
		w.set(cellName(0, row+1), "No question was parked for follow-up.", x.st.note)
		w.merge(cellName(0, row+1), cellName(5, row+1))
		return
	}
	head := row + 1
	headerRow(w, parkingColumns, head, x.st.header)
	row = head
	for _, ws := range x.p.Workshops {
		for _, it := range ws.Parking {
			row++
			element := ""
			if it.Element != "" {
				element = x.elementNames([]string{it.Element})
			}
			cells := []any{text(ws.ID), text(it.Text), text(element), text(it.Owner), excelTime(it.Raised), yesNo(it.Done)}
			for i, v := range cells {
				w.set(cellName(i, row), v, x.kindStyle(parkingColumns[i].Kind))
			}
			w.height(row, rowHeight(rowLines(cells, parkingColumns), 8))
		}
	}
	w.table("A"+itoa(head)+":"+cellName(len(parkingColumns)-1, row), "ParkingLot")
}

// headerRow writes the headings of cols in row.
func headerRow(w *cellWriter, cols []column, row, style int) {
	for i, c := range cols {
		w.set(cellName(i, row), c.Header, style)
	}
	w.height(row, 32)
}

// durationText writes a duration for people: "45 min", "2 h 05 min".
func durationText(d time.Duration) string {
	mins := int(d.Round(time.Minute) / time.Minute)
	if mins < 60 {
		return fmt.Sprintf("%d min", mins)
	}
	return fmt.Sprintf("%d h %02d min", mins/60, mins%60)
}

// freezeRows keeps the first rows of a sheet written cell by cell in view.
func freezeRows(f *excelize.File, sheet string, rows int) error {
	top := cellName(0, rows+1)
	err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: rows, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	})
	if err != nil {
		return fmt.Errorf("freeze the header: %w", err)
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

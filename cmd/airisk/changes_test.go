package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"airisk/model"
	"airisk/storage"
	"airisk/threats"
)

// workshopStart is when the test workshops start.
var workshopStart = time.Date(2026, 11, 21, 14, 0, 0, 0, time.UTC)

// workshopDB stores the sample in a new database at path, takes a snapshot,
// adds a tool called by the agent and closes R-002, takes another, and returns the database
// with the two snapshot ids.
func workshopDB(t *testing.T, path string) (db *storage.DB, before, after string) {
	t.Helper()
	db, err := storage.Open(path, storage.Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	p, err := sampleProject()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Create(p); err != nil {
		t.Fatal(err)
	}
	s1, err := db.Snapshot(p.Meta.ID, "Before workshop Design review")
	if err != nil {
		t.Fatal(err)
	}
	p.Elements = append(p.Elements, model.Element{ID: "search-tool", Kind: model.KindTool, Name: "Web search tool",
		Boundary: "corp", Props: model.Props{"tool_privilege": "read_only"}})
	p.Flows = append(p.Flows, model.Flow{ID: "f99", From: "agent", To: "search-tool", Name: "Search query", Props: model.Props{}})
	p.Risks[1].Status = model.RiskClosed
	if err := db.Replace(p); err != nil {
		t.Fatal(err)
	}
	s2, err := db.Snapshot(p.Meta.ID, "After workshop Design review")
	if err != nil {
		t.Fatal(err)
	}
	return db, s1.ID, s2.ID
}

// recordWorkshops stores the workshop records in the project.
func recordWorkshops(t *testing.T, db *storage.DB, ws ...model.Workshop) {
	t.Helper()
	p, err := db.Load("support-assistant")
	if err != nil {
		t.Fatal(err)
	}
	p.Workshops = ws
	if err := db.Replace(p); err != nil {
		t.Fatal(err)
	}
}

func workshop(id string, ended time.Time, before, after string) model.Workshop {
	return model.Workshop{ID: id, Title: "Session " + id, Attendees: []string{"Ana"}, Started: workshopStart,
		Ended: ended, SnapshotBefore: before, SnapshotAfter: after}
}

func TestLatestWorkshopChanges(t *testing.T) {
	c, err := threats.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	db, s1, s2 := workshopDB(t, filepath.Join(t.TempDir(), "airisk.db"))
	defer db.Close()
	end := workshopStart.Add(2 * time.Hour)
	tests := []struct {
		name      string
		workshops []model.Workshop
		want      string // the title, "" for no changes
	}{
		{"no workshop", nil, ""},
		{"only a running workshop", []model.Workshop{workshop("W-001", time.Time{}, s1, "")}, ""},
		{"ended without snapshots", []model.Workshop{workshop("W-001", end, "", "")}, ""},
		{"ended with both snapshots", []model.Workshop{workshop("W-001", end, s1, s2)}, "Workshop W-001: Session W-001, 2026-11-21"},
		{"the latest to end wins", []model.Workshop{workshop("W-001", end.Add(time.Hour), s1, s2), workshop("W-002", end, s1, s2)},
			"Workshop W-001: Session W-001, 2026-11-21"},
		{"a deleted snapshot passes to the one before", []model.Workshop{workshop("W-001", end, s1, s2),
			workshop("W-002", end.Add(time.Hour), "s99", s2)}, "Workshop W-001: Session W-001, 2026-11-21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recordWorkshops(t, db, tt.workshops...)
			p, err := db.Load("support-assistant")
			if err != nil {
				t.Fatal(err)
			}
			ch, err := latestWorkshopChanges(db, p, c)
			if err != nil {
				t.Fatalf("latestWorkshopChanges: %v", err)
			}
			switch {
			case tt.want == "" && ch != nil:
				t.Errorf("got changes %q, want none", ch.Title)
			case tt.want != "" && ch == nil:
				t.Errorf("got no changes, want %q", tt.want)
			case ch != nil && ch.Title != tt.want:
				t.Errorf("got title %q, want %q", ch.Title, tt.want)
			}
			if ch == nil {
				return
			}
			cmp := ch.Comparison
			if len(cmp.Elements.Added) != 1 || len(cmp.Risks.Statuses) != 1 || cmp.Risks.Statuses[0].After != model.RiskClosed {
				t.Errorf("got comparison %+v, want the tool added and R-002 closed", cmp)
			}
			if len(ch.FindingsNew) == 0 || len(ch.FindingsGone) != 0 {
				t.Errorf("got %d findings new and %d gone, want some new (on the tool) and none gone", len(ch.FindingsNew), len(ch.FindingsGone))
			}
			for _, f := range ch.FindingsNew {
				if f.Target != "search-tool" && f.Target != "f99" && f.Target != model.ProjectTarget {
					t.Errorf("new finding %s is not on the added tool or flow", f.Key)
				}
			}
		})
	}
}

// TestExportWorkbookChanges exports the workbook from the database, where
// the Changes sheet shows the latest workshop, and from a file, where it
// cannot.
func TestExportWorkbookChanges(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "airisk.db")
	db, s1, s2 := workshopDB(t, path)
	recordWorkshops(t, db, workshop("W-001", workshopStart.Add(2*time.Hour), s1, s2))
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, ref, want, stdout string
	}{
		{"from the database", "support-assistant", "What changed: Workshop W-001: Session W-001, 2026-11-21", "The Changes sheet shows what changed in Workshop W-001"},
		{"from a file", sampleFile(t), "What changed", "risks)."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".xlsx")
			r := airisk(t, false, "--db", path, "export", tc.ref, "--xlsx", out)
			if r.code != 0 || !strings.Contains(r.stdout, tc.stdout) {
				t.Fatalf("export: got %+v, want success saying %q", r, tc.stdout)
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got, _ := f.GetCellValue("Changes", "A1"); got != tc.want {
				t.Errorf("Changes!A1: got %q, want %q", got, tc.want)
			}
			if got, _ := f.GetCellValue("Workshop log", "A1"); !strings.HasPrefix(got, "Workshop log") {
				t.Errorf("Workshop log!A1: got %q", got)
			}
		})
	}
}

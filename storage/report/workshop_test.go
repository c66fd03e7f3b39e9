package report

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"airisk/model"
)

// withWorkshops adds two workshops to p (one ended, one still running at
// fixedNow) whose free text is text.
func withWorkshops(p *model.Project, text string) *model.Project {
	t0 := time.Date(2026, 11, 21, 14, 0, 0, 0, time.UTC)
	p.Workshops = []model.Workshop{
		{ID: "W-001", Title: "Design review " + text, Facilitator: "Ana", Attendees: []string{"Ana", "Ben " + text},
			Started: t0, Ended: t0.Add(2*time.Hour + 5*time.Minute), Decided: []string{"AIT-044@chat-app", "AIT-063@agent"},
			RisksCreated: []string{"R-001"}, RisksChanged: []string{"R-002"}, Notes: "Notes " + text,
			Parking: []model.ParkingItem{
				{Text: "Who reviews answers? " + text, Element: "chat-app", Owner: "Ben", Raised: t0.Add(30 * time.Minute)},
				{Text: "Refund cap per day?", Raised: t0.Add(time.Hour), Done: true},
			}},
		{ID: "W-002", Title: "Follow-up", Started: fixedNow.Add(-45 * time.Minute), Attendees: []string{"Ana"},
			Parking: []model.ParkingItem{{Text: "Log retention", Element: "logs", Raised: fixedNow.Add(-10 * time.Minute)}}},
	}
	return p
}

func TestWorkshopLogView(t *testing.T) {
	v := build(withWorkshops(readSample(t), ""), nil, Options{Now: fixedNow}, "")
	want := []workshopRow{
		{ID: "W-001", Title: "Design review ", Date: "2026-11-21", Time: "14:00–16:05", Duration: "2 h 05 min", Facilitator: "Ana",
			Attendees: []string{"Ana", "Ben "}, Decided: []string{"AIT-044@chat-app", "AIT-063@agent"},
			RisksCreated: []string{"R-001"}, RisksChanged: []string{"R-002"}, Parking: 2, Notes: "Notes "},
		{ID: "W-002", Title: "Follow-up", Date: "2026-12-01", Time: "08:45", Duration: "45 min so far", Running: true,
			Attendees: []string{"Ana"}, Parking: 1},
	}
	if !reflect.DeepEqual(v.Workshops, want) {
		t.Errorf("workshops:\ngot  %+v\nwant %+v", v.Workshops, want)
	}
	wantParking := []parkingRow{
		{Workshop: "W-001", Text: "Who reviews answers? ", Element: "Support chat service", Owner: "Ben", Raised: "2026-11-21 14:30"},
		{Workshop: "W-001", Text: "Refund cap per day?", Raised: "2026-11-21 15:00", Done: true},
		{Workshop: "W-002", Text: "Log retention", Element: "Chat logs and monitoring", Raised: "2026-12-01 09:20"},
	}
	if !reflect.DeepEqual(v.Parking, wantParking) {
		t.Errorf("parking lot:\ngot  %+v\nwant %+v", v.Parking, wantParking)
	}
}

func TestWorkshopTimesFollowTheExportZone(t *testing.T) {
	zone := time.FixedZone("UTC+2", 2*60*60)
	v := build(withWorkshops(readSample(t), ""), nil, Options{Now: fixedNow.In(zone)}, "")
	if got := v.Workshops[0].Time; got != "16:00–18:05" {
		t.Errorf("got %q, want the times in the export's zone, 16:00–18:05", got)
	}
}

func TestWorkshopsHTML(t *testing.T) {
	doc, _ := renderHTML(t, withWorkshops(readSample(t), hostile), bundled(t), Options{Now: fixedNow})
	counts := map[string]int{}
	ids := map[string]bool{}
	walk(doc, func(n *html.Node) {
		for _, class := range []string{"workshop", "parked", "action", "owner"} {
			if hasClass(n, class) {
				counts[class]++
			}
		}
		if id, ok := attr(n, "id"); ok {
			ids[id] = true
		}
	})
	want := map[string]int{"workshop": 2, "parked": 3, "action": 2, "owner": 2}
	if !reflect.DeepEqual(counts, want) {
		t.Errorf("got rows %v, want %v", counts, want)
	}
	for _, id := range []string{"sec-actions", "sec-workshops", "sec-parking", "owner-1", "owner-2"} {
		if !ids[id] {
			t.Errorf("no element has id %q", id)
		}
	}
	text := textOf(doc)
	shown := strings.ReplaceAll(hostile, "\r\n", "\n") // as an HTML parser reads line ends
	for _, want := range []string{"Design review " + shown, "Who reviews answers? " + shown, "45 min so far", "14:00–16:05"} {
		if !strings.Contains(text, want) {
			t.Errorf("the page's text lacks %q", want)
		}
	}
}

func TestWorkshopsMarkdown(t *testing.T) {
	md := renderMarkdown(t, withWorkshops(readSample(t), hostile), Options{Now: fixedNow})
	s := section(md, "Workshops")
	ts := tables(s)
	if len(ts) != 2 || len(ts[0]) != 4 || len(ts[1]) != 5 {
		t.Fatalf("got %d tables in Workshops, want the log (2 rows) and the parking lot (3 rows):\n%s", len(ts), s)
	}
	for _, table := range ts {
		want := cellBoundaries(table[0])
		for _, row := range table[1:] {
			if got := cellBoundaries(row); got != want {
				t.Errorf("row has %d cell boundaries, want %d:\n%s", got, want, row)
			}
		}
	}
	for _, want := range []string{"| W-001 Design review &lt;script&gt;", "2026-11-21 14:00–16:05", "2: AIT-044@chat-app, AIT-063@agent",
		"| W-002 | Log retention | Chat logs and monitoring | Not assigned | 2026-12-01 09:20 | Open |", "**W-001 notes:** Notes"} {
		if !strings.Contains(s, want) {
			t.Errorf("the Workshops section lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "<script>") || strings.Contains(s, "\nsecond line") {
		t.Errorf("hostile text is not escaped in the Workshops section")
	}
}

func TestNoWorkshops(t *testing.T) {
	md := renderMarkdown(t, readSample(t), Options{Now: fixedNow})
	if s := section(md, "Workshops"); !strings.Contains(s, "No workshop has been run") {
		t.Errorf("got %q, want a sentence saying no workshop was run", s)
	}
}

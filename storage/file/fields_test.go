package file

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"airisk/model"
)

// TestEveryProjectFieldRoundTrips: the YAML writer, which walks the
// project's fields itself, and the Threat Dragon export, which keeps the
// non-diagram fields aside, both carry every top-level field, including
// ones added to the model after this package was written (workshops).
func TestEveryProjectFieldRoundTrips(t *testing.T) {
	p, err := ReadFile("testdata/canonical.airisk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	p.Workshops = []model.Workshop{{
		ID: "W-001", Title: "Design review", Facilitator: "Ana", Attendees: []string{"Ana", "Ben"},
		Started: time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC), Ended: time.Date(2026, 11, 21, 11, 0, 0, 0, time.UTC),
		Agenda: []string{"chat-app"}, Decided: []string{"AIT-044@chat-app"}, RisksCreated: []string{"R-001"}, RisksChanged: []string{},
		Parking: []model.ParkingItem{{Text: "Who owns the index?", Element: "help-index", Raised: time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)}},
	}}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	v := reflect.ValueOf(*p)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Fatalf("the test project leaves %s empty; fill it so the test covers it", v.Type().Field(i).Name)
		}
	}
	want := canonical(p)
	for _, f := range []Format{JSON, YAML} {
		var buf bytes.Buffer
		if err := Write(&buf, p, f); err != nil {
			t.Fatal(err)
		}
		q, err := Read(&buf, "all-fields")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*q, want) {
			t.Errorf("%s round trip lost something:\n%s", f, projectDiff(t, q, &want))
		}
	}
	q, _, _ := roundTripTD(t, p)
	if !reflect.DeepEqual(*q, want) {
		t.Errorf("Threat Dragon round trip lost something:\n%s", projectDiff(t, q, &want))
	}
}

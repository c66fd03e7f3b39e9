package ui

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"airisk/model"
)

// update rewrites the golden files under testdata/ (go test ./ui -update).
var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// assertMarkup compares the markup of o with testdata/name, or rewrites it
// with -update.
func assertMarkup(t *testing.T, name string, o fyne.CanvasObject) {
	t.Helper()
	path := filepath.Join("testdata", name)
	got := test.RenderObjectToMarkup(o)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (run with -update to create it): %v", path, err)
	}
	if got != string(want) {
		t.Errorf("markup of %s changed; review the difference and run with -update:\n%s", name, firstDiff(got, string(want)))
	}
}

func TestScoringPreviewMarkup(t *testing.T) {
	test.NewTempApp(t)
	grid := heatGrid(model.DefaultScoring(), nil, nil)
	w := test.NewTempWindow(t, grid)
	w.Resize(fyne.NewSize(520, 420))
	assertMarkup(t, "scoring_preview.xml", grid)
}

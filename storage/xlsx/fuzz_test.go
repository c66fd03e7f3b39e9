package xlsx

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// seedDir holds the seed corpus of FuzzReadChanges, in the go test fuzz
// file format; `go test -run TestFuzzSeeds -update` rewrites it.
var seedDir = filepath.Join("testdata", "fuzz", "FuzzReadChanges")

// FuzzReadChanges feeds arbitrary bytes to ReadChanges: it must never
// panic, and whatever it returns must be consistent: no change while there
// are problems, and a change that the model accepts.
func FuzzReadChanges(f *testing.F) {
	p := loadSample(f)
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep, ch, err := ReadChanges(bytes.NewReader(data), p)
		if err != nil {
			if rep != nil || len(ch.Ops) != 0 {
				t.Fatalf("error %v came with a report or ops", err)
			}
			return
		}
		if !rep.OK() && len(ch.Ops) != 0 {
			t.Fatalf("%d ops despite problems %v", len(ch.Ops), rep.Problems)
		}
		if len(ch.Ops) > 0 {
			if _, err := p.Clone().Apply(ch); err != nil {
				t.Fatalf("the change does not apply: %v", err)
			}
		}
	})
}

// seedWorkbooks are the seeds: an exported workbook, a reviewed one with
// changes, one with problems and unknown rows, and one without a Register.
func seedWorkbooks(t *testing.T) map[string][]byte {
	p := loadSample(t)
	exported := exportBytes(t, p, nil, Options{})
	reviewed := newEditor(t, exported)
	reviewed.set(sheetRegister, "R-001", 0, string(fieldOwner), "Alice")
	reviewed.set(sheetRegister, "R-002", 0, string(fieldDue), 46400)
	reviewed.set(sheetControls, "R-001", 1, colControlStatus, "implemented")
	broken := newEditor(t, exported)
	broken.set(sheetRegister, "R-001", 0, string(fieldLikelihood), "9")
	broken.set(sheetRegister, "R-003", 0, string(fieldReview), "31/12/2027")
	must(t, broken.f.SetSheetRow(sheetRegister, "A9", &[]any{"R-404", "Unknown"}))
	empty := excelize.NewFile()
	defer empty.Close()
	must(t, empty.SetSheetRow("Sheet1", "A1", &[]any{"Risk ID", "Owner"}))
	return map[string][]byte{
		"exported": exported, "reviewed": reviewed.bytes(), "problems": broken.bytes(), "no-register": saved(t, empty),
	}
}

func TestFuzzSeeds(t *testing.T) {
	seeds := seedWorkbooks(t)
	if *update {
		must(t, os.MkdirAll(seedDir, 0o755))
		for name, data := range seeds {
			body := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", data)
			must(t, os.WriteFile(filepath.Join(seedDir, name), []byte(body), 0o644))
		}
	}
	p := loadSample(t)
	for name := range seeds {
		raw, err := os.ReadFile(filepath.Join(seedDir, name))
		if err != nil {
			t.Fatalf("seed %s: %v (run go test -run TestFuzzSeeds -update)", name, err)
		}
		lit := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(string(raw)), "go test fuzz v1\n[]byte("), ")")
		data, err := strconv.Unquote(lit)
		if err != nil {
			t.Fatalf("seed %s is not in the fuzz corpus format: %v", name, err)
		}
		_, _, err = ReadChanges(strings.NewReader(data), p)
		if wantErr := name == "no-register"; (err != nil) != wantErr {
			t.Errorf("seed %s: got error %v, want error %v", name, err, wantErr)
		}
	}
}

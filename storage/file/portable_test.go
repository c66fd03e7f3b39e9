package file

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"airisk/model"
)

// sampleProject is the bundled sample, read from the assets folder.
const sampleProject = "../../assets/samples/support-assistant.airisk.yaml"

// TestGoldenRoundTrip: reading a canonical file and writing it again in
// the same syntax gives the same bytes; -update rewrites both goldens
// from the YAML one.
func TestGoldenRoundTrip(t *testing.T) {
	const yamlPath, jsonPath = "testdata/canonical.airisk.yaml", "testdata/canonical.airisk.json"
	if *update {
		p, err := ReadFile(yamlPath)
		if err != nil {
			t.Fatal(err)
		}
		for path, f := range map[string]Format{yamlPath: YAML, jsonPath: JSON} {
			var buf bytes.Buffer
			if err := Write(&buf, p, f); err != nil {
				t.Fatal(err)
			}
			golden(t, path, buf.Bytes())
		}
	}
	for _, tt := range []struct {
		path   string
		format Format
	}{{yamlPath, YAML}, {jsonPath, JSON}} {
		t.Run(string(tt.format), func(t *testing.T) {
			data := mustRead(t, tt.path)
			p, err := Read(bytes.NewReader(data), tt.path)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := Write(&buf, p, tt.format); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), data) {
				t.Errorf("import then export is not byte-identical:\n%s", firstDiff(buf.Bytes(), data))
			}
		})
	}
}

// TestJSONAndYAMLSameProject: the two canonical files hold one project.
func TestJSONAndYAMLSameProject(t *testing.T) {
	y, err := ReadFile("testdata/canonical.airisk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	j, err := ReadFile("testdata/canonical.airisk.json")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(y, j) {
		t.Errorf("JSON and YAML canonical files decode differently:\n%s", projectDiff(t, j, y))
	}
}

// TestCanonicalCoversSpec: the canonical file sets every field of the
// spec, so the round trip tests exercise them all.
func TestCanonicalCoversSpec(t *testing.T) {
	data := string(mustRead(t, "testdata/canonical.airisk.yaml"))
	for _, key := range []string{
		"format:", "project:", "packs:", "created:", "updated:", "boundaries:", "parent:", "w:", "h:",
		"elements:", "description:", "boundary:", "props:", "x:", "y:", "flows:", "from:", "to:", "carries:",
		"decisions:", "finding:", "decided:", "reason:", "risks:", "threat:", "residual_likelihood:",
		"residual_impact:", "treatment:", "owner:", "due:", "review:", "controls:", "provisions:",
		"notes:", "scoring:", "likelihood_labels:", "impact_labels:", "bands:", "appetite:", "evidence:",
	} {
		if !strings.Contains(data, key) {
			t.Errorf("canonical file lacks %q", key)
		}
	}
}

func TestReadBundledSample(t *testing.T) {
	p, err := ReadFile(sampleProject)
	if err != nil {
		t.Fatalf("the bundled sample does not read: %v", err)
	}
	if len(p.Elements) < 12 {
		t.Errorf("sample has %d elements, want at least 12", len(p.Elements))
	}
}

// TestWriteDeterministic: same project, same bytes, whatever the map
// order; nil lists are written as empty ones.
func TestWriteDeterministic(t *testing.T) {
	p, err := ReadFile(sampleProject)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{JSON, YAML} {
		var first []byte
		for i := range 5 {
			var buf bytes.Buffer
			if err := Write(&buf, p, f); err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = buf.Bytes()
			} else if !bytes.Equal(first, buf.Bytes()) {
				t.Fatalf("%s: write %d differs from the first", f, i)
			}
		}
		if !bytes.HasSuffix(first, []byte("\n")) || bytes.HasSuffix(first, []byte("\n\n")) {
			t.Errorf("%s: want exactly one trailing newline", f)
		}
	}
}

func TestWriteEmptyLists(t *testing.T) {
	p := &model.Project{Meta: model.ProjectMeta{ID: "p", Name: "Empty"}, Elements: []model.Element{{ID: "a", Kind: model.KindProcess, Name: "A"}}}
	tests := []struct {
		format Format
		want   []string
	}{
		{JSON, []string{`"boundaries": []`, `"props": {}`, `"risks": []`, `"created": "0001-01-01T00:00:00Z"`}},
		{YAML, []string{"boundaries: []", "props: {}", "risks: []"}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := Write(&buf, p, tt.format); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(buf.String(), w) {
				t.Errorf("%s output lacks %q:\n%s", tt.format, w, buf.String())
			}
		}
	}
	if p.Elements[0].Props != nil {
		t.Errorf("Write changed the project it was given")
	}
}

func TestWriteTimesInUTC(t *testing.T) {
	p, err := ReadFile(sampleProject)
	if err != nil {
		t.Fatal(err)
	}
	p.Meta.Created = time.Date(2026, 1, 2, 12, 0, 0, 0, time.FixedZone("CET", 3600))
	var buf bytes.Buffer
	if err := Write(&buf, p, YAML); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "created: 2026-01-02T11:00:00Z") {
		t.Errorf("created not written in UTC:\n%s", buf.String()[:300])
	}
}

func TestWriteRefusesInvalid(t *testing.T) {
	p := &model.Project{Meta: model.ProjectMeta{ID: "../x", Name: ""}}
	var buf bytes.Buffer
	err := Write(&buf, p, JSON)
	if !errors.Is(err, ErrInvalid) || buf.Len() != 0 {
		t.Errorf("got %v and %d bytes, want ErrInvalid and nothing written", err, buf.Len())
	}
	if err := Write(&buf, &model.Project{Meta: model.ProjectMeta{ID: "p", Name: "P"}}, "toml"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("format toml: got %v, want ErrUnknownFormat", err)
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		data string
		want Kind
	}{
		{"portable yaml", "format: airisk/1\nproject: {}\n", Portable},
		{"portable yaml, format not first", "project: {}\nformat: airisk/1\n", Portable},
		{"portable json", `{"project": {}, "format": "airisk/1"}`, Portable},
		{"portable json with BOM", "\xEF\xBB\xBF{\"format\": \"airisk/1\"}", Portable},
		{"newer portable", "format: airisk/2\n", Portable},
		{"threat dragon", `{"summary": {"title": "x"}, "detail": {"diagrams": []}}`, ThreatDragon},
		{"other json", `{"summary": {}, "detail": {}}`, Unknown},
		{"other yaml", "format: something/1\n", Unknown},
		{"not text", "\x00\x01\x02", Unknown},
		{"broken json", `{"format": "airisk/1"`, Unknown},
		{"empty", "", Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect([]byte(tt.data)); got != tt.want {
				t.Errorf("Detect = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestImport(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	yamlPath := write("p.yaml", string(mustRead(t, "testdata/canonical.airisk.yaml")))
	tdPath := write("m.json", string(mustRead(t, "testdata/threatdragon/schema-form.td.json")))
	otherPath := write("o.txt", "hello: world\n")
	if p, fid, err := Import(yamlPath); err != nil || fid != nil || p.Meta.ID != "support-bot" {
		t.Errorf("portable: got %v, %v, %v; want the project and no report", p != nil, fid, err)
	}
	if p, fid, err := Import(tdPath); err != nil || fid == nil || len(p.Risks) != 2 {
		t.Errorf("Threat Dragon: got %v, %v, %v; want 2 risks and a report", p != nil, fid != nil, err)
	}
	if _, _, err := Import(otherPath); !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), "o.txt") {
		t.Errorf("other file: got %v, want ErrUnknownFormat naming the file", err)
	}
	if _, _, err := Import(filepath.Join(dir, "missing.yaml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: got %v, want not-exist", err)
	}
}

// TestTooLarge: files over the limit are refused before they are read.
func TestTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(model.MaxImportBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for name, read := range map[string]func() error{
		"ReadFile": func() error { _, err := ReadFile(path); return err },
		"Import":   func() error { _, _, err := Import(path); return err },
		"Read":     func() error { _, err := Read(bytes.NewReader(make([]byte, model.MaxImportBytes+1)), "big"); return err },
	} {
		if err := read(); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: got %v, want ErrTooLarge", name, err)
		}
	}
}

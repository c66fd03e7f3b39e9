package threats

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// secondThreat is another valid bundled threat.
var secondThreat = strings.NewReplacer("AIT-900", "AIT-901", "retrieval_augmented and ", "").Replace(validThreat)

const localAdd = `pack: acme
threats:
  - id: ACME-1
    title: Shared service account on the data store
    description: Every job uses one account, so a compromised job reaches all data.
    example: The reporting job's key is leaked and used to read customer records.
    phases: [deployment]
    stride: [E]
    on: [data_store]
    likelihood: 2
    impact: 4
    rationale: House rule from the 2025 audit.
    mitigations:
      - text: Give each job its own least-privilege account.
        provisions: ["2.6"]
`

const localOverride = `threats:
  - id: AIT-900
    title: Retrieved text steers the assistant (house version)
    description: Our own wording.
    example: Our own example.
    phases: [deployment]
    stride: [T]
    on: [ai_app]
    likelihood: 5
    impact: 5
    rationale: Incident in 2026.
    mitigations:
      - text: Our control.
        provisions: ["9.1"]
`

const localDisable = `threats:
  - id: AIT-901
    disabled: true
`

func TestWithLocal(t *testing.T) {
	base := mustLoad(t, map[string]string{"a.yaml": validThreat, "b.yaml": secondThreat})
	local := fstest.MapFS{
		"add.yaml":     {Data: []byte(localAdd)},
		"override.yml": {Data: []byte(localOverride)},
		"disable.yaml": {Data: []byte(localDisable)},
		"notes.txt":    {Data: []byte("not a catalogue file")},
	}
	c, err := base.WithLocal(local, "/home/me/catalogue")
	if err != nil {
		t.Fatalf("WithLocal: %v", err)
	}
	tests := []struct {
		name                string
		id                  string
		wantOK, wantLocal   bool
		wantPack, wantTitle string
	}{
		{"added", "ACME-1", true, true, "acme", "Shared service account on the data store"},
		{"overridden keeps the pack", "AIT-900", true, true, PackAI, "Retrieved text steers the assistant (house version)"},
		{"disabled", "AIT-901", false, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			th, ok := c.Threat(tt.id)
			if ok != tt.wantOK {
				t.Fatalf("Threat(%s) found = %v, want %v", tt.id, ok, tt.wantOK)
			}
			if !ok {
				return
			}
			if th.Local != tt.wantLocal || th.Pack != tt.wantPack || th.Title != tt.wantTitle {
				t.Errorf("got local %v pack %q title %q, want %v %q %q", th.Local, th.Pack, th.Title, tt.wantLocal, tt.wantPack, tt.wantTitle)
			}
		})
	}
	if got := strings.Join(c.Disabled(), ","); got != "AIT-901" {
		t.Errorf("Disabled() = %s, want AIT-901", got)
	}
	if got, want := strings.Join(c.Packs(), ","), "ai,acme"; got != want {
		t.Errorf("Packs() = %s, want %s", got, want)
	}
	if !strings.HasSuffix(c.Version, "+ 3 local") {
		t.Errorf("Version = %q, want a suffix + 3 local", c.Version)
	}
	if th, _ := base.Threat("AIT-900"); th.Local || len(base.Threats) != 2 {
		t.Errorf("the base catalogue changed: AIT-900 local %v, %d threats", th.Local, len(base.Threats))
	}
}

func TestWithLocalErrors(t *testing.T) {
	base := mustLoad(t, map[string]string{"a.yaml": validThreat})
	tests := []struct {
		name  string
		files map[string]string
		want  LoadError
	}{
		{"disable unknown", map[string]string{"x.yaml": strings.Replace(localDisable, "AIT-901", "AIT-999", 1)},
			LoadError{File: "dir/x.yaml", Line: 2, Threat: "AIT-999", Field: "disabled", Msg: "which the catalogue does not have"}},
		{"same id in two local files", map[string]string{"x.yaml": localAdd, "y.yaml": localAdd},
			LoadError{File: "dir/y.yaml", Line: 3, Threat: "ACME-1", Field: "id", Msg: "already used by a local threat at dir/x.yaml line 3"}},
		{"invalid condition", map[string]string{"x.yaml": strings.Replace(localAdd, "    likelihood: 2", "    when: encrypted\n    likelihood: 2", 1)},
			LoadError{File: "dir/x.yaml", Line: 10, Threat: "ACME-1", Field: "when", Msg: "unknown name encrypted"}},
		{"unknown provision", map[string]string{"x.yaml": strings.Replace(localAdd, `"2.6"`, `"2.6.1"`, 1)},
			LoadError{File: "dir/x.yaml", Line: 15, Threat: "ACME-1", Field: "mitigations.provisions", Msg: `"2.6.1" is not a provision`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			local := fstest.MapFS{"good.yaml": {Data: []byte(localOverride)}}
			for name, content := range tt.files {
				local[name] = &fstest.MapFile{Data: []byte(content)}
			}
			c, err := base.WithLocal(local, "dir")
			if c != nil {
				t.Errorf("got a catalogue despite errors")
			}
			assertLoadError(t, err, tt.want)
			if th, _ := base.Threat("AIT-900"); th.Local {
				t.Errorf("the base catalogue changed")
			}
		})
	}
}

func TestWithLocalEmptyFolder(t *testing.T) {
	base := mustLoad(t, map[string]string{"a.yaml": validThreat})
	_, err := base.WithLocal(fstest.MapFS{"readme.md": {Data: []byte("x")}}, "dir")
	if !errors.Is(err, ErrNoThreats) {
		t.Errorf("got %v, want ErrNoThreats", err)
	}
}

func TestVersion(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		want    string // prefix of Version
		wantErr string
	}{
		{"declared", map[string]string{"a.yaml": "version: \"2026.11\"\n" + validThreat}, "2026.11 (1 threat)", ""},
		{"in a file of its own", map[string]string{"a.yaml": validThreat, "version.yaml": "version: \"2026.12\"\n"}, "2026.12 (1 threat)", ""},
		{"computed", map[string]string{"a.yaml": validThreat}, "", ""},
		{"disagreeing", map[string]string{"a.yaml": "version: \"1\"\n" + validThreat, "b.yaml": "version: \"2\"\n"}, "", `version: is "2" but catalogue/a.yaml says "1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(fixture(t, tt.files))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got %v, want an error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if tt.want != "" && c.Version != tt.want {
				t.Errorf("Version = %q, want %q", c.Version, tt.want)
			}
			if tt.want == "" && !strings.HasSuffix(c.Version, " (1 threat)") {
				t.Errorf("Version = %q, want a hash and (1 threat)", c.Version)
			}
		})
	}
}

package file

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"airisk/model"
)

// Format is the syntax a portable model file is written in.
type Format string

// The portable file syntaxes.
const (
	JSON Format = "json"
	YAML Format = "yaml"
)

// Kind is what a file holds, as far as Detect can tell.
type Kind string

// The kinds of file Detect recognises.
const (
	Portable     Kind = "portable"     // an AI Risk Workbench model file, JSON or YAML
	ThreatDragon Kind = "threatdragon" // an OWASP Threat Dragon model (JSON)
	Unknown      Kind = "unknown"
)

// FormatVersion is the format this package writes, and the major version
// it reads (with any minor version, "airisk/1.3").
const FormatVersion = "airisk/1"

// document is the portable file: the format marker, then the project's
// own fields at the top level.
type document struct {
	Format        string `json:"format" yaml:"format"`
	model.Project `yaml:",inline"`
}

var formatPattern = regexp.MustCompile(`^airisk/([0-9]+)(\.[0-9]+)?$`)

// checkFormat accepts "airisk/1" and "airisk/1.x" and explains anything
// else.
func checkFormat(name string, format any, present bool, line int) error {
	if !present {
		return fileError(name, ErrNotModel, line, "format", "is missing; an AI Risk Workbench model file starts with \"format: %s\"", FormatVersion)
	}
	s, ok := format.(string)
	m := formatPattern.FindStringSubmatch(s)
	switch {
	case !ok || m == nil:
		return fileError(name, ErrNotModel, line, "format", "is %s, not %q: this is not an AI Risk Workbench model file", describeValue(format), FormatVersion)
	case m[1] != "1":
		return fileError(name, ErrNewerFormat, line, "format", "is %q: the file was written by a newer version of AI Risk Workbench (this one reads %s); update the program to open it", s, FormatVersion)
	}
	return nil
}

func describeValue(v any) string {
	switch x := v.(type) {
	case string:
		if len(x) > 40 {
			x = x[:40] + "..."
		}
		return `"` + strings.ToValidUTF8(x, "?") + `"`
	case nil:
		return "empty"
	default:
		return "not text"
	}
}

// formatForPath picks the syntax from a file name's extension.
func formatForPath(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return JSON, true
	case ".yaml", ".yml":
		return YAML, true
	}
	return "", false
}

// Detect tells a portable model file (JSON or YAML) from a Threat Dragon
// model. It looks only at the top-level keys and never fails: anything it
// cannot parse is Unknown.
func Detect(data []byte) Kind {
	data = trimBOM(data)
	if firstByte(data) == '{' {
		return detectJSON(data)
	}
	var probe struct {
		Format any `yaml:"format"`
	}
	if err := yaml.Unmarshal(data, &probe); err != nil {
		return Unknown
	}
	if s, ok := probe.Format.(string); ok && strings.HasPrefix(s, "airisk/") {
		return Portable
	}
	return Unknown
}

// present records whether a JSON value was there without keeping it.
type present bool

func (p *present) UnmarshalJSON(b []byte) error {
	*p = string(b) != "null"
	return nil
}

func detectJSON(data []byte) Kind {
	var probe struct {
		Format  any     `json:"format"`
		Summary present `json:"summary"`
		Detail  struct {
			Diagrams present `json:"diagrams"`
		} `json:"detail"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return Unknown
	}
	if s, ok := probe.Format.(string); ok && strings.HasPrefix(s, "airisk/") {
		return Portable
	}
	if probe.Summary && probe.Detail.Diagrams {
		return ThreatDragon
	}
	return Unknown
}

func trimBOM(data []byte) []byte {
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		return data[3:]
	}
	return data
}

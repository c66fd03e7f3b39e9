package threats

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"airisk/model"
)

// The bundled data files, relative to the root of the catalogue's fs.FS.
const (
	codeFile       = "codeofpractice.yaml"
	referencesFile = "references.yaml"
	catalogueDir   = "catalogue"
)

var etsiPattern = regexp.MustCompile(`^5\.[1-5]\.[1-5]-[0-9]{1,2}(\.[0-9]{1,2})?$`)

// loadCode reads and checks the Code of Practice file.
func loadCode(fsys fs.FS, errs *LoadErrors) *Code {
	s := sink{file: codeFile, errs: errs}
	root := readYAML(fsys, codeFile, s)
	if root == nil {
		return nil
	}
	top := fields(root, []string{"note", "principles", "provisions"}, s, "")
	code := &Code{}
	if f, ok := top["note"]; ok {
		code.Note, _ = str(f, s, "")
	}
	if code.Note == "" {
		s.add(root.Line, "", "note", "is missing; it must say that the summaries paraphrase the Code")
	}
	code.Principles = loadPrinciples(top["principles"], s)
	code.Provisions = loadProvisions(top["provisions"], s, code)
	code.buildIndex()
	return code
}

func loadPrinciples(f field, s sink) []Principle {
	if f.value == nil || f.value.Kind != yaml.SequenceNode {
		s.add(f.line, "", "principles", "must be a list of principles")
		return nil
	}
	var out []Principle
	for i, n := range f.value.Content {
		m := fields(n, []string{"number", "title", "summary"}, s, "")
		var p Principle
		p.Number, _ = integer(m["number"], s, "")
		p.Title, _ = str(m["title"], s, "")
		p.Summary, _ = str(m["summary"], s, "")
		if p.Number != i+1 || p.Title == "" || p.Summary == "" {
			s.add(n.Line, "", fmt.Sprintf("principles[%d]", i), "needs number %d, a title and a summary", i+1)
		}
		out = append(out, p)
	}
	return out
}

var provisionKeys = []string{"id", "etsi", "principle", "level", "stakeholders", "phases", "title", "summary"}

func loadProvisions(f field, s sink, code *Code) []Provision {
	if f.value == nil || f.value.Kind != yaml.SequenceNode {
		s.add(f.line, "", "provisions", "must be a list of provisions")
		return nil
	}
	seen := map[string]bool{}
	var out []Provision
	for _, n := range f.value.Content {
		p := loadProvision(n, s, code)
		if seen[p.ID] {
			s.add(n.Line, "", "id", "provision %q is listed twice", p.ID)
		}
		seen[p.ID] = true
		out = append(out, p)
	}
	return out
}

func loadProvision(n *yaml.Node, s sink, code *Code) Provision {
	m := fields(n, provisionKeys, s, "")
	var p Provision
	p.ID, _ = str(m["id"], s, "")
	at := "provision " + p.ID
	p.ETSI, _ = str(m["etsi"], s, "")
	p.Principle, _ = integer(m["principle"], s, "")
	p.Level, _ = str(m["level"], s, "")
	p.Title, _ = str(m["title"], s, "")
	p.Summary, _ = str(m["summary"], s, "")
	if !model.ValidProvisionNumber(p.ID) || !strings.HasPrefix(p.ID, strconv.Itoa(p.Principle)+".") {
		s.add(n.Line, at, "id", "must be a provision number starting with its principle's number")
	}
	if !etsiPattern.MatchString(p.ETSI) {
		s.add(n.Line, at, "etsi", "%q is not an ETSI EN 304 223 designator like \"5.2.1-4.1\"", p.ETSI)
	}
	if p.Level != LevelShall && p.Level != LevelShould {
		s.add(n.Line, at, "level", "must be shall or should, not %q", p.Level)
	}
	if _, ok := code.Principle(p.Principle); !ok {
		s.add(n.Line, at, "principle", "there is no principle %d", p.Principle)
	}
	if p.Title == "" || p.Summary == "" {
		s.add(n.Line, at, "summary", "needs a title and a summary")
	}
	for _, v := range stringList(m["stakeholders"], s, at) {
		if !slices.Contains(Stakeholders, Stakeholder(v)) {
			s.add(n.Line, at, "stakeholders", "unknown stakeholder %q; expected one of %v", v, Stakeholders)
		}
		p.Stakeholders = append(p.Stakeholders, Stakeholder(v))
	}
	p.Phases = phaseList(m["phases"], s, at)
	if len(p.Stakeholders) == 0 || len(p.Phases) == 0 {
		s.add(n.Line, at, "stakeholders", "needs at least one stakeholder and one phase")
	}
	return p
}

// phaseList reads a list of lifecycle phases.
func phaseList(f field, s sink, threat string) []Phase {
	var out []Phase
	for _, v := range stringList(f, s, threat) {
		if !slices.Contains(Phases, Phase(v)) {
			s.add(f.line, threat, f.key, "unknown phase %q; expected one of %v", v, Phases)
			continue
		}
		out = append(out, Phase(v))
	}
	return out
}

// loadReferences reads the names of the reference ids.
func loadReferences(fsys fs.FS, errs *LoadErrors) map[string]string {
	s := sink{file: referencesFile, errs: errs}
	root := readYAML(fsys, referencesFile, s)
	if root == nil {
		return nil
	}
	top := fields(root, []string{"note", "sets"}, s, "")
	sets := top["sets"].value
	if sets == nil || sets.Kind != yaml.SequenceNode {
		s.add(root.Line, "", "sets", "must be a list of reference sets")
		return nil
	}
	names := map[string]string{}
	for _, n := range sets.Content {
		set := fields(n, []string{"name", "ids"}, s, "")
		ids := set["ids"].value
		if ids == nil || ids.Kind != yaml.MappingNode {
			s.add(n.Line, "", "ids", "must map reference ids to names")
			continue
		}
		for i := 0; i+1 < len(ids.Content); i += 2 {
			k, v := ids.Content[i], ids.Content[i+1]
			if _, dup := names[k.Value]; dup || k.Value == "" || v.Value == "" {
				s.add(k.Line, "", k.Value, "is empty or listed twice")
			}
			names[k.Value] = v.Value
		}
	}
	return names
}

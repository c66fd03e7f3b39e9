package threats

import (
	"fmt"
	"io/fs"
	"strings"

	"go.yaml.in/yaml/v3"

	"airisk/model"
)

var (
	fileKeys   = []string{"pack", "version", "threats"}
	threatKeys = []string{"id", "title", "description", "example", "phases", "stride", "on",
		"when", "when_flow", "when_project", "likelihood", "impact", "rationale",
		"mitigations", "references", "disabled"}
)

// entry is one threat as read from a file, before it joins a catalogue.
type entry struct {
	threat   *Threat
	line     int
	disabled bool
}

// threatFile is one catalogue file as read.
type threatFile struct {
	name, pack, version string
	versionLine         int
	packSet             bool // the file names its pack
	data                []byte
	entries             []entry
}

// loader reads and checks threat files against the Code and the reference
// names, collecting every problem.
type loader struct {
	code       *Code
	references map[string]string
	errs       *LoadErrors
}

// readThreatFile reads one file. display is the name used in messages and
// recorded as the threats' File; local marks threats from a user's folder.
// A file may hold only a version.
func (l *loader) readThreatFile(fsys fs.FS, name, display string, local bool) threatFile {
	s := sink{file: display, errs: l.errs}
	tf := threatFile{name: display, pack: "local"}
	root, data := readYAMLData(fsys, name, s)
	tf.data = data
	if root == nil {
		return tf
	}
	top := fields(root, fileKeys, s, "")
	if f, ok := top["version"]; ok {
		tf.version, _ = str(f, s, "")
		tf.versionLine = f.line
	}
	list, ok := top["threats"]
	if !ok && tf.version != "" {
		return tf
	}
	if !ok || list.value.Kind != yaml.SequenceNode {
		s.add(max(list.line, root.Line), "", "threats", "must be a list of threats")
		return tf
	}
	l.readPack(top, root.Line, s, local, &tf)
	for _, n := range list.value.Content {
		tf.entries = append(tf.entries, l.readThreat(n, s, tf.pack, local))
	}
	return tf
}

// readPack reads the file's pack; bundled files must name one.
func (l *loader) readPack(top map[string]field, line int, s sink, local bool, tf *threatFile) {
	f, ok := top["pack"]
	if !ok {
		if !local {
			s.add(line, "", "pack", "is missing; bundled files must say which pack they belong to")
		}
		return
	}
	tf.pack, _ = str(f, s, "")
	tf.packSet = true
	if msg := model.ValidID(tf.pack); msg != "" {
		s.add(f.line, "", "pack", "%s", msg)
	}
}

// readThreat reads and checks one threat.
func (l *loader) readThreat(n *yaml.Node, s sink, pack string, local bool) entry {
	m := fields(n, threatKeys, s, threatID(n))
	t := &Threat{Pack: pack, Local: local, File: s.file}
	e := entry{threat: t, line: n.Line}
	t.ID, _ = str(m["id"], s, "")
	id := t.ID
	if id == "" {
		id = fmt.Sprintf("(threat at line %d)", n.Line)
	}
	if f, ok := m["disabled"]; ok {
		e.disabled, _ = boolean(f, s, id)
		if !local {
			s.add(f.line, id, "disabled", "only local catalogue files may switch threats off")
		}
	}
	l.checkID(t.ID, n.Line, s, pack, local)
	if e.disabled {
		return e
	}
	c := check{sink: s, id: id, line: n.Line, fields: m}
	t.Title = c.text("title", model.MaxNameLength)
	t.Description = c.text("description", model.MaxTextLength)
	t.Example = c.text("example", model.MaxTextLength)
	t.Rationale = c.text("rationale", model.MaxNameLength)
	t.Phases = c.phases()
	t.Stride = c.strides()
	t.On = c.on()
	t.Likelihood = c.level("likelihood")
	t.Impact = c.level("impact")
	t.Mitigations = c.mitigations(pack, l.code)
	t.References = c.references(pack, l.references)
	c.conditions(t)
	return e
}

// threatID reads the id of a threat node for messages, before checking.
func threatID(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" {
			return n.Content[i+1].Value
		}
	}
	return ""
}

// checkID checks an id's form; bundled packs use AIT-nnn and STR-nnn.
func (l *loader) checkID(id string, line int, s sink, pack string, local bool) {
	if msg := model.ValidID(id); msg != "" {
		s.add(line, id, "id", "%s", msg)
		return
	}
	want := map[string]string{PackAI: "AIT-", PackStride: "STR-"}[pack]
	if local || want == "" {
		return
	}
	digits := strings.TrimPrefix(id, want)
	if digits == id || len(digits) != 3 || strings.Trim(digits, "0123456789") != "" {
		s.add(line, id, "id", "threats of the %s pack have ids of the form %s001", pack, want)
	}
}

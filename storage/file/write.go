package file

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"airisk/model"
)

// Write writes p as a portable model file in the given syntax. The output
// is deterministic: arrays in stored order, map keys sorted, two-space
// indent, times in UTC, a trailing newline. An invalid project is refused
// (it could not be read back).
func Write(w io.Writer, p *model.Project, f Format) error {
	if err := p.Validate(); err != nil {
		return fmt.Errorf("write project %q: %w: %w", p.Meta.ID, ErrInvalid, err)
	}
	doc := &document{Format: FormatVersion, Project: canonical(p)}
	var (
		buf bytes.Buffer
		err error
	)
	switch f {
	case JSON:
		err = encodeJSON(&buf, doc)
	case YAML:
		err = encodeYAML(&buf, doc)
	default:
		return fmt.Errorf("write project %q: %w: %q (want json or yaml)", p.Meta.ID, ErrUnknownFormat, f)
	}
	if err != nil {
		return fmt.Errorf("write project %q as %s: %w", p.Meta.ID, f, err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// WriteFile writes p to path, as JSON or YAML by the extension (.json,
// .yaml, .yml). The file is replaced atomically: a reader sees the old file
// or the whole new one, never a part. New files get 0666 less the umask.
func WriteFile(path string, p *model.Project) error {
	f, ok := formatForPath(path)
	if !ok {
		return fmt.Errorf("write %s: %w: the name must end in .json, .yaml or .yml", path, ErrUnknownFormat)
	}
	var buf bytes.Buffer
	if err := Write(&buf, p, f); err != nil {
		return err
	}
	return writeAtomic(path, buf.Bytes())
}

func encodeJSON(w io.Writer, doc *document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// encodeYAML writes the document a top-level key, and a batch of list
// entries, at a time. The YAML library's emitter keeps every event of a
// document until the end, hundreds of bytes each; encoding in pieces keeps
// the memory of a write bounded instead of growing with the project.
func encodeYAML(w io.Writer, doc *document) error {
	if _, err := fmt.Fprintf(w, "format: %s\n", doc.Format); err != nil {
		return err
	}
	v := reflect.ValueOf(doc.Project)
	for i := range v.NumField() {
		name, omit, ok := yamlField(v.Type().Field(i))
		f := v.Field(i)
		var err error
		switch {
		case !ok || omit && f.IsZero() || omit && f.Kind() == reflect.Slice && f.Len() == 0:
		case f.Kind() == reflect.Slice:
			err = yamlList(w, name, f)
		default:
			err = yamlChunk(w, &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{yamlKey(name), yamlNode(f)}}, "")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// yamlField reads a struct field's YAML name and omitempty option; ok is
// false for fields YAML leaves out.
func yamlField(f reflect.StructField) (name string, omit, ok bool) {
	name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	if !f.IsExported() || name == "-" {
		return "", false, false
	}
	if name == "" {
		name = strings.ToLower(f.Name)
	}
	return name, strings.Contains(opts, "omitempty"), true
}

// yamlBatch is how many list entries are encoded together: enough to
// spread the encoder's set-up cost, few enough to bound its memory.
const yamlBatch = 64

// yamlList writes key and its list, encoded in batches and indented
// under the key.
func yamlList(w io.Writer, key string, list reflect.Value) error {
	if list.Len() == 0 {
		_, err := fmt.Fprintf(w, "%s: []\n", key)
		return err
	}
	if _, err := fmt.Fprintf(w, "%s:\n", key); err != nil {
		return err
	}
	for i := 0; i < list.Len(); i += yamlBatch {
		if err := yamlChunk(w, yamlNode(list.Slice(i, min(i+yamlBatch, list.Len()))), "  "); err != nil {
			return err
		}
	}
	return nil
}

// yamlChunk encodes n with the package's YAML style and writes it with
// indent before every non-empty line.
func yamlChunk(w io.Writer, n *yaml.Node, indent string) error {
	flowScalarLists(n)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	out := buf.Bytes()
	if indent != "" {
		out = indentLines(out, indent)
	}
	_, err := w.Write(out)
	return err
}

func indentLines(b []byte, indent string) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/8)
	for _, line := range bytes.SplitAfter(b, []byte("\n")) {
		if len(line) > 0 && line[0] != '\n' {
			out.WriteString(indent)
		}
		out.Write(line)
	}
	return out.Bytes()
}

// flowScalarLists writes lists of one-line scalars (sets, element lists,
// provision numbers, labels) on one line, "[prompts, outputs]", as in the
// spec; lists of mappings stay in block style.
func flowScalarLists(n *yaml.Node) {
	if n.Kind == yaml.SequenceNode && len(n.Content) > 0 && allOneLineScalars(n.Content) {
		n.Style = yaml.FlowStyle
		return
	}
	for _, ch := range n.Content {
		flowScalarLists(ch)
	}
}

func allOneLineScalars(items []*yaml.Node) bool {
	for _, it := range items {
		if it.Kind != yaml.ScalarNode || bytes.ContainsAny([]byte(it.Value), "\n\r") {
			return false
		}
	}
	return true
}

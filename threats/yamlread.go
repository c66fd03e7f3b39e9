package threats

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strconv"

	"go.yaml.in/yaml/v3"

	"airisk/model"
)

// Limits on catalogue files, so a hostile local catalogue cannot exhaust
// memory or time.
const (
	MaxConditionLength = 2000   // characters in one condition
	MaxConditionNodes  = 200    // expression nodes in one condition
	MaxYAMLNodes       = 500000 // YAML nodes in one file
	MaxThreats         = 5000   // threats in one catalogue
)

// readYAML reads name from fsys, refusing files over model.MaxImportBytes,
// and parses it into a node tree. Aliases are refused and nodes counted, so
// alias bombs and giant documents fail early.
func readYAML(fsys fs.FS, name string, s sink) *yaml.Node {
	root, _ := readYAMLData(fsys, name, s)
	return root
}

// readYAMLData is readYAML that also returns the file's bytes.
func readYAMLData(fsys fs.FS, name string, s sink) (*yaml.Node, []byte) {
	f, err := fsys.Open(name)
	if err != nil {
		s.add(0, "", "", "cannot be read: %v", err)
		return nil, nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, model.MaxImportBytes+1))
	if err != nil {
		s.add(0, "", "", "cannot be read: %v", err)
		return nil, nil
	}
	if int64(len(data)) > model.MaxImportBytes {
		s.add(0, "", "", "is larger than %d MB", model.MaxImportBytes>>20)
		return nil, nil
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if err == io.EOF {
			s.add(0, "", "", "is empty")
			return nil, nil
		}
		s.add(0, "", "", "is not valid YAML: %v", err)
		return nil, nil
	}
	if msg := checkTree(&doc); msg != "" {
		s.add(0, "", "", "%s", msg)
		return nil, nil
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		s.add(doc.Line, "", "", "must be a mapping of keys to values at the top level")
		return nil, nil
	}
	return doc.Content[0], data
}

// checkTree walks the tree once, refusing aliases and too many nodes.
func checkTree(root *yaml.Node) string {
	count := 0
	stack := []*yaml.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		count++
		if count > MaxYAMLNodes {
			return fmt.Sprintf("has more than %d YAML nodes", MaxYAMLNodes)
		}
		if n.Kind == yaml.AliasNode {
			return fmt.Sprintf("line %d: YAML aliases (*%s) are not allowed in catalogue files", n.Line, n.Value)
		}
		stack = append(stack, n.Content...)
	}
	return ""
}

// field is one key of a mapping with its value node.
type field struct {
	key   string
	line  int
	value *yaml.Node
}

// fields lists the keys of a mapping node in order, reporting keys that
// are repeated or not in known.
func fields(n *yaml.Node, known []string, s sink, threat string) map[string]field {
	out := map[string]field{}
	if n.Kind != yaml.MappingNode {
		s.add(n.Line, threat, "", "must be a mapping of keys to values")
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if _, dup := out[k.Value]; dup {
			s.add(k.Line, threat, k.Value, "is given twice")
			continue
		}
		if !contains(known, k.Value) {
			s.add(k.Line, threat, k.Value, "is not a known field; expected one of %v", known)
			continue
		}
		out[k.Value] = field{key: k.Value, line: k.Line, value: v}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// str returns a scalar's text; ok is false (and the problem reported)
// when the node is not a scalar.
func str(f field, s sink, threat string) (string, bool) {
	if f.value == nil {
		return "", false
	}
	if f.value.Kind != yaml.ScalarNode || f.value.Tag == "!!null" {
		s.add(f.line, threat, f.key, "must be text")
		return "", false
	}
	return f.value.Value, true
}

// integer returns a whole-number scalar.
func integer(f field, s sink, threat string) (int, bool) {
	if f.value == nil {
		return 0, false
	}
	if f.value.Kind != yaml.ScalarNode || f.value.Tag != "!!int" {
		s.add(f.line, threat, f.key, "must be a whole number")
		return 0, false
	}
	n, err := strconv.Atoi(f.value.Value)
	if err != nil {
		s.add(f.line, threat, f.key, "must be a whole number")
		return 0, false
	}
	return n, true
}

// boolean returns a true/false scalar.
func boolean(f field, s sink, threat string) (bool, bool) {
	if f.value == nil {
		return false, false
	}
	if f.value.Kind != yaml.ScalarNode || f.value.Tag != "!!bool" {
		s.add(f.line, threat, f.key, "must be true or false")
		return false, false
	}
	return f.value.Value == "true" || f.value.Value == "True" || f.value.Value == "TRUE", true
}

// strings returns a sequence of scalars as text.
func stringList(f field, s sink, threat string) []string {
	if f.value == nil {
		return nil
	}
	if f.value.Kind != yaml.SequenceNode {
		s.add(f.line, threat, f.key, "must be a list")
		return nil
	}
	if len(f.value.Content) > model.MaxListLength {
		s.add(f.line, threat, f.key, "has more than %d entries", model.MaxListLength)
		return nil
	}
	out := make([]string, 0, len(f.value.Content))
	for _, item := range f.value.Content {
		if item.Kind != yaml.ScalarNode || item.Tag == "!!null" {
			s.add(item.Line, threat, f.key, "must be a list of text entries")
			return nil
		}
		out = append(out, item.Value)
	}
	return out
}

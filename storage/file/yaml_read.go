package file

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// minAliasAllowance is how many nodes aliases may add to a small file;
// larger files may grow by their own size at most.
const minAliasAllowance = 10000

// decodeYAML decodes a portable file written as YAML. It parses into a
// yaml.Node first, so that nesting and alias expansion are checked before
// anything is expanded and every problem can be given its line.
func decodeYAML(data []byte, name string) (*document, locator, error) {
	root, err := parseYAML(data, name)
	if err != nil {
		return nil, nil, err
	}
	idx := indexYAML(root)
	format, present, line := yamlFormat(root)
	if err := checkFormat(name, format, present, line); err != nil {
		return nil, nil, err
	}
	doc := new(document)
	if err := root.Decode(doc); err != nil {
		return nil, nil, yamlDecodeError(name, err, idx)
	}
	return doc, idx.locate, nil
}

// parseYAML parses exactly one YAML document holding a mapping and checks
// its shape.
func parseYAML(data []byte, name string) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, yamlSyntaxError(name, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, fileError(name, ErrLimit, extra.Line, "", "the file holds more than one YAML document; a model file holds one")
	case !errors.Is(err, io.EOF):
		return nil, yamlSyntaxError(name, err)
	}
	if err := checkYAMLTree(&doc, name); err != nil {
		return nil, err
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fileError(name, ErrInvalid, doc.Line, "", "the file must hold one mapping with format, project, boundaries, elements and so on")
	}
	return doc.Content[0], nil
}

// yamlFormat finds the top-level format key.
func yamlFormat(root *yaml.Node) (value any, present bool, line int) {
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != "format" {
			continue
		}
		if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" {
			return v.Value, true, k.Line
		}
		return struct{}{}, true, k.Line
	}
	return nil, false, root.Line
}

// checkYAMLTree refuses trees nested deeper than maxNesting and alias use
// that would blow the document up when expanded (a "billion laughs").
func checkYAMLTree(doc *yaml.Node, name string) error {
	c := &aliasCheck{memo: map[*yaml.Node]int{}, busy: map[*yaml.Node]bool{}}
	if err := c.scan(doc, 0, name); err != nil {
		return err
	}
	if !c.aliases {
		return nil
	}
	c.limit = c.raw + max(c.raw, minAliasAllowance)
	if _, err := c.expand(doc, name); err != nil {
		return err
	}
	return nil
}

type aliasCheck struct {
	raw, limit int
	aliases    bool
	memo       map[*yaml.Node]int
	busy       map[*yaml.Node]bool
}

// scan counts the nodes as written and checks the nesting depth.
func (c *aliasCheck) scan(n *yaml.Node, depth int, name string) error {
	if depth > maxNesting {
		return fileError(name, ErrLimit, n.Line, "", "mappings and lists nest more than %d deep", maxNesting)
	}
	c.raw++
	if n.Kind == yaml.AliasNode {
		c.aliases = true
		return nil
	}
	for _, ch := range n.Content {
		if err := c.scan(ch, depth+1, name); err != nil {
			return err
		}
	}
	return nil
}

// expand returns how many nodes n stands for with aliases expanded,
// failing as soon as that passes the limit.
func (c *aliasCheck) expand(n *yaml.Node, name string) (int, error) {
	target := n
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return 1, nil
		}
		target = n.Alias
		if c.busy[target] {
			return 0, fileError(name, ErrLimit, n.Line, "", "alias *%s refers to the node that contains it", n.Value)
		}
	}
	if size, ok := c.memo[target]; ok {
		return size, nil
	}
	c.busy[target] = true
	size := 1
	for _, ch := range target.Content {
		s, err := c.expand(ch, name)
		if err != nil {
			return 0, err
		}
		size += s
		if size > c.limit {
			return 0, fileError(name, ErrLimit, ch.Line, "", "aliases expand the document to more than %d nodes; the file looks like an alias bomb and is refused", c.limit)
		}
	}
	delete(c.busy, target)
	if target.Anchor != "" {
		c.memo[target] = size
	}
	return size, nil
}

var (
	yamlLineMsg   = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	yamlTypeError = regexp.MustCompile("^cannot unmarshal !!(\\w+) `(.*)` into (.+)$")
	yamlNoValue   = regexp.MustCompile(`^cannot unmarshal !!(\w+) into (.+)$`)
	yamlDuplicate = regexp.MustCompile(`^mapping key "(.*)" already defined at line (\d+)$`)
)

// yamlSyntaxError turns a parse error into an *Error with its line.
func yamlSyntaxError(name string, err error) error {
	msg := err.Error()
	if m := yamlLineMsg.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return fileError(name, ErrSyntax, line, "", "not valid YAML: %s", m[2])
	}
	return fileError(name, ErrSyntax, 0, "", "not valid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// yamlDecodeError turns decoding errors (wrong types) into problems with
// their line and field path.
func yamlDecodeError(name string, err error, idx *yamlIndex) error {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		if t, ok := idx.badTime(); ok {
			return fileError(name, ErrInvalid, t.node.Line, t.path, "must be a time like 2026-11-20T10:00:00Z (RFC 3339), not %q", t.node.Value)
		}
		return yamlSyntaxError(name, err)
	}
	out := &Error{File: name, Kind: ErrInvalid}
	for _, e := range te.Errors {
		p := Problem{Message: e}
		if m := yamlLineMsg.FindStringSubmatch(e); m != nil {
			p.Line, _ = strconv.Atoi(m[1])
			p.Path = idx.pathFor(p.Line, yamlErrorValue(m[2]))
			p.Message = yamlTypeMessage(m[2])
			if d := yamlDuplicate.FindStringSubmatch(m[2]); d != nil {
				p.Path = idx.keyPath(p.Line, d[1])
				p.Message = fmt.Sprintf("%q is given twice in the same mapping (first on line %s)", d[1], d[2])
			}
		}
		out.Problems = append(out.Problems, p)
	}
	return out
}

// yamlErrorValue is the value a type error quotes, "" when none.
func yamlErrorValue(msg string) string {
	if m := yamlTypeError.FindStringSubmatch(msg); m != nil {
		return m[2]
	}
	return ""
}

// yamlTypeMessage rewrites "cannot unmarshal !!str `abc` into int".
func yamlTypeMessage(msg string) string {
	if m := yamlTypeError.FindStringSubmatch(msg); m != nil {
		return "must be " + goTypeWord(m[3]) + ", not " + yamlValueWord(m[1], m[2])
	}
	if m := yamlNoValue.FindStringSubmatch(msg); m != nil {
		return "must be " + goTypeWord(m[2]) + ", not " + yamlValueWord(m[1], "")
	}
	return msg
}

func yamlValueWord(tag, value string) string {
	switch tag {
	case "map":
		return "a mapping"
	case "seq":
		return "a list"
	case "null":
		return "empty"
	}
	return "`" + value + "`"
}

// goTypeWord says in words what a Go type named in a YAML error expects.
func goTypeWord(t string) string {
	switch {
	case t == "int" || strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number within ±1e308"
	case t == "bool":
		return "true or false"
	case t == "time.Time":
		return "a time like 2026-11-20T10:00:00Z"
	case t == "string" || stringModelTypes[t]:
		return "text"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	}
	return "a mapping"
}

// stringModelTypes are the model's enumerations: strings in the file.
var stringModelTypes = map[string]bool{
	"model.Kind": true, "model.BoundaryKind": true, "model.DecisionStatus": true,
	"model.Treatment": true, "model.RiskStatus": true, "model.ControlStatus": true,
	"model.ProvisionState": true,
}

package file

import (
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// yamlIndex knows the line of every field path of a parsed YAML file.
type yamlIndex struct {
	lines  map[string]int      // path -> line of its key (or list item)
	onLine map[int][]yamlEntry // line -> the keys and items starting on it
	times  []yamlTime          // the values of time fields, in file order
}

// yamlEntry is a key or list item: its path, depth and value.
type yamlEntry struct {
	path  string
	depth int
	value *yaml.Node
}

type yamlTime struct {
	path string
	node *yaml.Node
}

// indexYAML records the line of every path under root. Aliases are not
// followed: an alias's content is indexed where its anchor is.
func indexYAML(root *yaml.Node) *yamlIndex {
	idx := &yamlIndex{lines: map[string]int{}, onLine: map[int][]yamlEntry{}}
	idx.walk(root, "", 0)
	return idx
}

func (idx *yamlIndex) walk(n *yaml.Node, path string, depth int) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			idx.record(k.Line, yamlEntry{p, depth, n.Content[i+1]})
			if isTimeField(p) {
				idx.times = append(idx.times, yamlTime{p, n.Content[i+1]})
			}
			idx.walk(n.Content[i+1], p, depth+1)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			p := path + "[" + strconv.Itoa(i) + "]"
			idx.record(item.Line, yamlEntry{p, depth, item})
			idx.walk(item, p, depth+1)
		}
	}
}

func (idx *yamlIndex) record(line int, e yamlEntry) {
	idx.lines[e.path] = line
	idx.onLine[line] = append(idx.onLine[line], e)
}

// pathFor names the field a decoding error on line is about: the entry
// holding value there when one does, else the deepest entry on the line.
func (idx *yamlIndex) pathFor(line int, value string) string {
	best, depth := "", -1
	for _, e := range idx.onLine[line] {
		if value != "" && e.value.Kind == yaml.ScalarNode && sameValue(e.value.Value, value) {
			return e.path
		}
		if e.depth > depth {
			best, depth = e.path, e.depth
		}
	}
	return best
}

// keyPath returns the path of the key named key on line.
func (idx *yamlIndex) keyPath(line int, key string) string {
	best, depth := "", 1<<30
	for _, e := range idx.onLine[line] {
		if e.depth < depth && (e.path == key || strings.HasSuffix(e.path, "."+key)) {
			best, depth = e.path, e.depth
		}
	}
	return best
}

// locate is the YAML locator.
func (idx *yamlIndex) locate(paths []string) map[string]int { return idx.lines }

// badTime finds the first time field whose value is not a time.
func (idx *yamlIndex) badTime() (yamlTime, bool) {
	for _, t := range idx.times {
		var v time.Time
		if t.node.Decode(&v) != nil {
			return t, true
		}
	}
	return yamlTime{}, false
}

// sameValue compares a node's value with the one quoted in an error,
// which the YAML library shortens to a prefix and "...".
func sameValue(node, quoted string) bool {
	if prefix, cut := strings.CutSuffix(quoted, "..."); cut {
		return strings.HasPrefix(node, prefix)
	}
	return node == quoted
}

package file

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// maxNesting bounds how deep objects and lists may nest in any file we
// read. The portable format needs 6 levels and Threat Dragon about 10.
const maxNesting = 64

// jsonTooDeep returns the offset at which data nests deeper than
// maxNesting, or -1. It looks only at brackets outside strings, so it runs
// before (and protects) any decoding.
func jsonTooDeep(data []byte) int {
	depth, inString, escaped := 0, false, false
	for i, b := range data {
		switch {
		case inString && escaped:
			escaped = false
		case inString && b == '\\':
			escaped = true
		case inString && b == '"':
			inString = false
		case inString:
		case b == '"':
			inString = true
		case b == '{' || b == '[':
			depth++
			if depth > maxNesting {
				return i
			}
		case b == '}' || b == ']':
			depth--
		}
	}
	return -1
}

// jsonValue is one value met while walking a JSON document: its field
// path ("flows[3].to"), its byte span and, for scalars, its token.
type jsonValue struct {
	path       string
	start, end int64
	depth      int
	token      json.Token // nil for objects and lists
}

type jsonFrame struct {
	path    string
	object  bool
	key     string
	index   int
	wantKey bool
	start   int64
}

// walkJSON calls visit for every value of a well-formed document (for
// objects and lists once they close, so their span is known) until visit
// returns false. Numbers come as json.Number.
func walkJSON(data []byte, visit func(jsonValue) bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var stack []jsonFrame
	for {
		before := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return
		}
		start, end := skipSeparators(data, before), dec.InputOffset()
		n := len(stack)
		if n > 0 && stack[n-1].object && stack[n-1].wantKey {
			if key, ok := tok.(string); ok {
				stack[n-1].key, stack[n-1].wantKey = key, false
				continue
			}
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			stack = append(stack, jsonFrame{path: childPath(stack), object: tok == json.Delim('{'), wantKey: true, start: start})
		case json.Delim('}'), json.Delim(']'):
			top := stack[n-1]
			stack = stack[:n-1]
			if !visit(jsonValue{path: top.path, start: top.start, end: end, depth: n - 1}) {
				return
			}
			advance(stack)
		default:
			if !visit(jsonValue{path: childPath(stack), start: start, end: end, depth: n, token: tok}) {
				return
			}
			advance(stack)
		}
	}
}

// childPath is the path of the value about to be read in the innermost
// open container.
func childPath(stack []jsonFrame) string {
	if len(stack) == 0 {
		return ""
	}
	top := stack[len(stack)-1]
	if !top.object {
		return top.path + "[" + strconv.Itoa(top.index) + "]"
	}
	if top.path == "" {
		return top.key
	}
	return top.path + "." + top.key
}

// advance moves the innermost container past the value just read.
func advance(stack []jsonFrame) {
	if len(stack) == 0 {
		return
	}
	top := &stack[len(stack)-1]
	if top.object {
		top.wantKey = true
	} else {
		top.index++
	}
}

func skipSeparators(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// jsonLocator returns a locator over data: the line of each wanted path
// (and its prefixes, for fields the file lacks).
func jsonLocator(data []byte) locator {
	return func(paths []string) map[string]int {
		want := withPrefixes(paths)
		lines := newLineIndex(data)
		found := make(map[string]int, len(want))
		walkJSON(data, func(v jsonValue) bool {
			if want[v.path] {
				found[v.path] = lines.line(v.start)
			}
			return len(found) < len(want)
		})
		return found
	}
}

// jsonPathAt returns the path of the value a decoding error at offset
// concerns, and the line where that value starts: the innermost value
// whose span holds offset, or a deeper scalar that ends just before it
// (the decoder may have read separators and closing brackets past it).
func jsonPathAt(data []byte, offset int64) (string, int) {
	var best, last jsonValue
	bestDepth := -1
	walkJSON(data, func(v jsonValue) bool {
		if v.start < offset && offset <= v.end && v.depth > bestDepth {
			best, bestDepth = v, v.depth
		}
		if v.token != nil && v.end <= offset && v.end >= last.end {
			last = v
		}
		return true
	})
	if last.token != nil && last.depth > bestDepth && onlySeparators(data[last.end:offset]) {
		best, bestDepth = last, last.depth
	}
	lines := newLineIndex(data)
	if bestDepth < 0 {
		return "", lines.line(offset)
	}
	return best.path, lines.line(best.start)
}

func onlySeparators(b []byte) bool {
	return len(bytes.Trim(b, " \t\r\n,:}]")) == 0
}

package file

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"
)

// yamlNode builds the YAML node tree of a value directly, the way the
// YAML library's own encoder would (field names and omitempty from the
// yaml tags, map keys sorted), without its encode-then-parse round trip,
// which costs most of the time of a write. Scalars keep style 0 so the
// encoder still decides plain, quoted or literal as usual.
func yamlNode(v reflect.Value) *yaml.Node {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
		}
		return yamlNode(v.Elem())
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: t.Format(time.RFC3339Nano)}
		}
		return yamlStruct(v)
	case reflect.Map:
		return yamlMap(v)
	case reflect.Slice, reflect.Array:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := range v.Len() {
			n.Content = append(n.Content, yamlNode(v.Index(i)))
		}
		return n
	}
	return yamlScalar(v)
}

func yamlStruct(v reflect.Value) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := range v.NumField() {
		name, omit, ok := yamlField(v.Type().Field(i))
		f := v.Field(i)
		if !ok || omit && yamlEmpty(f) {
			continue
		}
		n.Content = append(n.Content, yamlKey(name), yamlNode(f))
	}
	return n
}

// yamlEmpty is the YAML library's idea of an empty value for omitempty.
func yamlEmpty(v reflect.Value) bool {
	if t, ok := v.Interface().(time.Time); ok {
		return t.IsZero()
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Map, reflect.String, reflect.Array:
		return v.Len() == 0
	}
	return v.IsZero()
}

func yamlMap(v reflect.Value) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	keys := v.MapKeys()
	sort.Slice(keys, func(i, j int) bool { return fmt.Sprint(keys[i].Interface()) < fmt.Sprint(keys[j].Interface()) })
	for _, k := range keys {
		n.Content = append(n.Content, yamlKey(fmt.Sprint(k.Interface())), yamlNode(v.MapIndex(k)))
	}
	return n
}

func yamlKey(name string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name}
}

// yaml11Words are strings YAML 1.1 readers take for booleans, and
// sexagesimal numbers: the library quotes them, and so do we, so other
// tools read them as text too.
var (
	yaml11Words = map[string]bool{
		"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "n": true, "N": true, "no": true, "No": true, "NO": true,
		"on": true, "On": true, "ON": true, "off": true, "Off": true, "OFF": true,
	}
	base60 = regexp.MustCompile(`^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`)
)

func yamlScalar(v reflect.Value) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode}
	switch v.Kind() {
	case reflect.String:
		n.Tag, n.Value = "!!str", v.String()
		if yaml11Words[n.Value] || base60.MatchString(n.Value) {
			n.Style = yaml.DoubleQuotedStyle
		}
	case reflect.Bool:
		n.Tag, n.Value = "!!bool", strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n.Tag, n.Value = "!!int", strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n.Tag, n.Value = "!!int", strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		// Untagged, as the library writes floats: a whole number like 10
		// is written 10 and read back into the float field as 10.
		n.Value = yamlFloat(v.Float())
	default:
		n.Tag, n.Value = "!!str", fmt.Sprint(v.Interface())
	}
	return n
}

func yamlFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return ".inf"
	case math.IsInf(f, -1):
		return "-.inf"
	case math.IsNaN(f):
		return ".nan"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

package file

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"
)

// decodeJSON decodes a portable file written as JSON.
func decodeJSON(data []byte, name string) (*document, locator, error) {
	if err := checkJSONShape(data, name); err != nil {
		return nil, nil, err
	}
	var probe struct {
		Format *any `json:"format"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, nil, jsonError(name, data, err)
	}
	line := 0
	if probe.Format != nil {
		line = lineOf(jsonLocator(data)([]string{"format"}), "format")
	}
	var format any
	if probe.Format != nil {
		format = *probe.Format
	}
	if err := checkFormat(name, format, probe.Format != nil, line); err != nil {
		return nil, nil, err
	}
	doc := new(document)
	if err := decodeJSONStrict(data, doc); err != nil {
		return nil, nil, jsonError(name, data, err)
	}
	return doc, jsonLocator(data), nil
}

// checkJSONShape refuses over-deep nesting before anything decodes it.
func checkJSONShape(data []byte, name string) error {
	if at := jsonTooDeep(data); at >= 0 {
		return fileError(name, ErrLimit, newLineIndex(data).line(int64(at)), "", "objects and lists nest more than %d deep", maxNesting)
	}
	return nil
}

var errTrailing = errors.New("unexpected data after the end of the JSON object")

// decodeJSONStrict decodes one JSON value into v and refuses anything
// after it.
func decodeJSONStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return &trailingError{offset: dec.InputOffset()}
	}
	return nil
}

type trailingError struct{ offset int64 }

func (e *trailingError) Error() string { return errTrailing.Error() }

// jsonError explains a decoding error with the path and line it concerns.
func jsonError(name string, data []byte, err error) error {
	var (
		syntax   *json.SyntaxError
		typeErr  *json.UnmarshalTypeError
		trailing *trailingError
		timeErr  *time.ParseError
	)
	lines := newLineIndex(data)
	switch {
	case errors.As(err, &syntax):
		return fileError(name, ErrSyntax, lines.line(syntax.Offset), "", "not valid JSON: %s", strings.TrimPrefix(syntax.Error(), "json: "))
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return fileError(name, ErrSyntax, len(lines), "", "not valid JSON: the file ends in the middle of a value")
	case errors.As(err, &trailing):
		return fileError(name, ErrSyntax, lines.line(trailing.offset), "", "%s", errTrailing)
	case errors.As(err, &typeErr):
		path, line := jsonPathAt(data, typeErr.Offset)
		if path == "" {
			return fileError(name, ErrInvalid, line, "", "the file must hold one JSON object")
		}
		return fileError(name, ErrInvalid, line, path, "must be %s, not %s", typeWord(typeErr.Type), valueWord(typeErr.Value))
	case errors.As(err, &timeErr):
		path, line := findBadTime(data)
		return fileError(name, ErrInvalid, line, path, "must be a time like 2026-11-20T10:00:00Z (RFC 3339), not %q", timeErr.Value)
	}
	return fileError(name, ErrInvalid, 0, "", "%v", err)
}

// findBadTime finds the first string that a time field could not parse.
func findBadTime(data []byte) (string, int) {
	path, start := "", int64(-1)
	walkJSON(data, func(v jsonValue) bool {
		s, ok := v.token.(string)
		if !ok || !isTimeField(v.path) {
			return true
		}
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			path, start = v.path, v.start
			return false
		}
		return true
	})
	if start < 0 {
		return "", 0
	}
	return path, newLineIndex(data).line(start)
}

// isTimeField reports whether a portable-file path holds a time.
func isTimeField(path string) bool {
	switch {
	case path == "project.created", path == "project.updated":
		return true
	case strings.HasPrefix(path, "decisions[") && strings.HasSuffix(path, "].decided"):
		return true
	case strings.HasPrefix(path, "risks[") && strings.HasSuffix(path, "].updated"):
		return true
	}
	return false
}

var timeType = reflect.TypeOf(time.Time{})

// typeWord says in words what a Go type expects.
func typeWord(t reflect.Type) string {
	if t == nil {
		return "a value of another type"
	}
	if t == timeType {
		return "a time like 2026-11-20T10:00:00Z"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number within ±1e308"
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "a value of another type"
}

// valueWord describes the JSON value the decoder met ("number 1e309").
func valueWord(v string) string {
	switch {
	case strings.HasPrefix(v, "number "):
		return strings.TrimPrefix(v, "number ")
	case v == "string":
		return "text"
	case v == "bool":
		return "true or false"
	case v == "array":
		return "a list"
	case v == "object":
		return "an object"
	}
	return fmt.Sprintf("%s", v)
}

// Package file reads and writes whole projects as files: the portable
// model file of spec/model-format.md (JSON or YAML, format "airisk/1") and
// OWASP Threat Dragon v2 JSON models, in and out.
//
// Everything a person hands us is untrusted: readers check the size, the
// text encoding, the nesting depth and YAML alias expansion before decoding,
// validate the decoded project fully, and return every problem at once with
// the file name, the field path and (where known) the line. A read either
// returns a valid project or an error; it never returns half a project.
// Writers are deterministic: the same project gives the same bytes.
//
// The package imports only the model package and the standard library (plus
// the YAML codec). It must never import storage, threats, ui or fyne.
package file

package report

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"airisk/model"
	"airisk/storage/file"
	"airisk/threats"
)

// DiagramFileName returns the name of the diagram picture written next to
// the Markdown report at path: "report.md" -> "report-diagram.svg".
func DiagramFileName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-diagram.svg"
}

// MarkdownFiles writes the Markdown report to path and, when
// opt.DiagramSVG is set, the diagram next to it as DiagramFileName(path),
// which the report shows as a picture. Each file is written whole or not at
// all (a temporary file renamed into place). It returns the paths written,
// the diagram first; on an error, those written before it.
func MarkdownFiles(path string, p *model.Project, c *threats.Catalogue, opt Options) ([]string, error) {
	if p == nil {
		return nil, ErrNoProject
	}
	var written []string
	var diagramFile string
	if len(opt.DiagramSVG) > 0 {
		svg, err := cleanSVG(opt.DiagramSVG)
		if err != nil {
			return nil, err
		}
		diagramFile = DiagramFileName(path)
		svgPath := filepath.Join(filepath.Dir(path), diagramFile)
		if err := writeFileAtomic(svgPath, []byte(xmlHeader+svg+"\n")); err != nil {
			return nil, err
		}
		written = append(written, svgPath)
	}
	var buf bytes.Buffer
	if err := markdownTo(&buf, p, c, opt, diagramFile); err != nil {
		return written, err
	}
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return written, err
	}
	return append(written, path), nil
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// writeFileAtomic writes data whole or not at all, with the user's umask.
func writeFileAtomic(path string, data []byte) error {
	return file.WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

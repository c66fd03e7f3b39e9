package xlsx

import (
	"io"

	"airisk/model"
	"airisk/storage/file"
	"airisk/threats"
)

// ExportFile writes the workbook to path atomically: it is written to a
// temporary file beside path and renamed over it only when complete, so a
// failed export never leaves half a workbook. The file is created with the
// user's umask, like any document they save.
func ExportFile(path string, p *model.Project, c *threats.Catalogue, opt Options) error {
	return file.WriteAtomic(path, func(w io.Writer) error { return Export(w, p, c, opt) })
}

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"airisk/model"
	"airisk/storage"
	"airisk/storage/file"
	"airisk/storage/report"
	"airisk/storage/xlsx"
	"airisk/ui/diagram"
)

func outFlag(fs *flag.FlagSet) { fs.String("o", "", "output file") }

func cmdRender(e *env, fs *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 1, "airisk render PROJECT -o FILE.svg|.png"); err != nil {
		return err
	}
	out := fs.Lookup("o").Value.String()
	if out == "" {
		return usagef("airisk render needs -o FILE.svg or -o FILE.png")
	}
	p, err := loadModel(e, args[0])
	if err != nil {
		return err
	}
	data, err := renderPicture(p, out)
	if err != nil {
		return err
	}
	return file.WriteAtomic(out, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// renderPicture draws the diagram in the format the file name asks for.
func renderPicture(p *model.Project, path string) ([]byte, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".svg":
		return diagram.RenderSVG(p, diagram.RenderOptions{})
	case ".png":
		return diagram.RenderPNG(p, diagram.RenderOptions{})
	}
	return nil, usagef("cannot draw %q: use a .svg or .png file name", filepath.Base(path))
}

// exportWorkbook writes the Excel workbook of the project ref names (a
// file or a project in the database) and says so. A project from the
// database gets the Changes sheet of its latest workshop.
func exportWorkbook(e *env, ref, path string) error {
	p, changes, err := loadWithChanges(e, ref)
	if err != nil {
		return err
	}
	if err := exportWorkbookTo(e, p, path, nil, changes); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %s (%d risks).\n", path, len(p.Risks))
	if changes != nil {
		fmt.Fprintf(e.stdout, "The Changes sheet shows what changed in %s.\n", changes.Title)
	}
	return nil
}

// exportWorkbookTo writes the Excel workbook with the diagram picture in it,
// reporting progress when asked; changes, when not nil, fills the Changes
// sheet.
func exportWorkbookTo(e *env, p *model.Project, path string, progress func(done, total int), changes *xlsx.Changes) error {
	c, err := catalogue(e)
	if err != nil {
		return err
	}
	png, err := diagram.RenderPNG(p, diagram.RenderOptions{})
	if err != nil {
		return fmt.Errorf("draw the diagram for the workbook: %w", err)
	}
	opt := xlsx.Options{Now: time.Now(), AppVersion: version, Diagram: png, Progress: progress, Changes: changes}
	return xlsx.ExportFile(path, p, c, opt)
}

func importXLSXFlags(fs *flag.FlagSet) {
	fs.Bool("dry-run", false, "show the changes without applying them")
}

func cmdImportXLSX(e *env, fs *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 2, "airisk import-xlsx PROJECT FILE.xlsx [--dry-run]"); err != nil {
		return err
	}
	dry := fs.Lookup("dry-run").Value.String() == "true"
	return withDB(e, func(db *storage.DB) error {
		p, err := resolve(db, args[0])
		if err != nil {
			return err
		}
		f, err := os.Open(args[1])
		if err != nil {
			return fmt.Errorf("open workbook: %w", err)
		}
		defer f.Close()
		rep, change, err := xlsx.ReadChanges(f, p)
		if err != nil {
			return err
		}
		printImportReport(e, args[1], rep)
		if !rep.OK() {
			return fmt.Errorf("%s has %d invalid cells; nothing was applied", filepath.Base(args[1]), len(rep.Problems))
		}
		if dry || len(change.Ops) == 0 {
			return nil
		}
		stampRisks(change, time.Now())
		if _, err := p.Clone().Apply(change); err != nil {
			return fmt.Errorf("apply %s: %w", filepath.Base(args[1]), err)
		}
		if err := db.Apply(p.Meta.ID, change); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Applied %d changes to %d risks.\n", len(rep.Changes), len(change.Ops))
		return nil
	})
}

func printImportReport(e *env, name string, rep *xlsx.ImportReport) {
	w := e.stdout
	fmt.Fprintf(w, "%s: %d changes\n", name, len(rep.Changes))
	for _, c := range rep.Changes {
		fmt.Fprintf(w, "  %s\n", c)
	}
	for _, pr := range rep.Problems {
		fmt.Fprintf(w, "  problem: %s\n", pr)
	}
	for _, id := range rep.Unknown {
		fmt.Fprintf(w, "  unknown risk %s: not in the project, ignored (risks are created in the app)\n", id)
	}
	for _, id := range rep.Missing {
		fmt.Fprintf(w, "  risk %s is not in the workbook: left as it is\n", id)
	}
	for _, what := range rep.Ignored {
		fmt.Fprintf(w, "  %s is not in the workbook: left as it is\n", what)
	}
}

// stampRisks marks every risk a change writes as changed now.
func stampRisks(c model.Change, now time.Time) {
	for _, op := range c.Ops {
		if op.Risk != nil {
			op.Risk.Updated = now.UTC().Truncate(time.Second)
		}
	}
}

func cmdBackups(e *env, _ *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 0, "no arguments"); err != nil {
		return err
	}
	path, err := dbPath(e)
	if err != nil {
		return err
	}
	list, err := storage.ListBackups(path)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintf(e.stdout, "No backups of %s yet.\n", path)
	}
	for _, b := range list {
		fmt.Fprintf(e.stdout, "%s\t%s\t%d bytes\n", b.Path, b.Time.Local().Format("2006-01-02 15:04:05"), b.Size)
	}
	return nil
}

func cmdRestore(e *env, _ *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 1, "airisk restore BACKUP"); err != nil {
		return err
	}
	path, err := dbPath(e)
	if err != nil {
		return err
	}
	aside, err := storage.Restore(path, args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Restored %s from %s.\nThe previous database was kept as %s.\n", path, args[0], aside)
	return nil
}

// dbPath is --db or the default database path.
func dbPath(e *env) (string, error) {
	if e.dbPath != "" {
		return e.dbPath, nil
	}
	return storage.DefaultPath()
}

func cmdReport(e *env, fs *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 1, "airisk report PROJECT -o FILE.html|.md"); err != nil {
		return err
	}
	out := fs.Lookup("o").Value.String()
	ext := strings.ToLower(filepath.Ext(out))
	if ext != ".html" && ext != ".htm" && ext != ".md" {
		return usagef("airisk report needs -o FILE.html or -o FILE.md")
	}
	p, err := loadModel(e, args[0])
	if err != nil {
		return err
	}
	if err := writeReport(e, p, out); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Wrote %s.\n", out)
	return nil
}

// writeReport writes the HTML or Markdown report with the diagram in it.
func writeReport(e *env, p *model.Project, path string) error {
	c, err := catalogue(e)
	if err != nil {
		return err
	}
	svg, err := diagram.RenderSVG(p, diagram.RenderOptions{})
	if err != nil {
		return fmt.Errorf("draw the diagram for the report: %w", err)
	}
	opt := report.Options{Now: time.Now(), AppVersion: version, DiagramSVG: svg}
	if strings.EqualFold(filepath.Ext(path), ".md") {
		_, err := report.MarkdownFiles(path, p, c, opt)
		return err
	}
	return file.WriteAtomic(path, func(w io.Writer) error { return report.HTML(w, p, c, opt) })
}

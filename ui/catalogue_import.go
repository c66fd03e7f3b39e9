package ui

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"airisk/threats"
)

// catalogueFileFilter shows the files a local catalogue is made of.
var catalogueFileFilter = storage.NewExtensionFileFilter([]string{".yaml", ".yml"})

// importFolderDialog asks for a folder of catalogue files to import.
func (s *catalogueScreen) importFolderDialog() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			s.ws.ui.showError(failed(err, "The folder could not be opened"))
			return
		}
		if u != nil {
			s.importPath(u.Path())
		}
	}, s.ws.ui.win)
	d.SetTitleText("Import a local catalogue folder (every .yaml file in it)")
	d.Resize(fyne.NewSize(860, 600))
	d.Show()
}

// importFileDialog asks for one catalogue file to import.
func (s *catalogueScreen) importFileDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.ws.ui.showError(failed(err, "The file could not be opened"))
			return
		}
		if r == nil {
			return
		}
		p := r.URI().Path()
		r.Close()
		s.importPath(p)
	}, s.ws.ui.win)
	d.SetFilter(catalogueFileFilter)
	d.SetTitleText("Import a local catalogue file (YAML)")
	d.Resize(fyne.NewSize(860, 600))
	d.Show()
}

// importPath imports the catalogue folder or file at p.
func (s *catalogueScreen) importPath(p string) bool {
	info, err := os.Stat(p)
	if err != nil {
		s.ws.ui.showError(failed(err, "The catalogue at %s could not be read", p))
		return false
	}
	if info.IsDir() {
		return s.importCatalogue(os.DirFS(p), p)
	}
	if ext := strings.ToLower(filepath.Ext(p)); ext != ".yaml" && ext != ".yml" {
		s.ws.ui.showError(failed(nil, "%s was not imported: catalogue files are YAML files ending in .yaml or .yml", p))
		return false
	}
	dir := filepath.Dir(p)
	return s.importCatalogue(singleFileFS{fsys: os.DirFS(dir), name: filepath.Base(p)}, dir)
}

// importCatalogue adds the catalogue files of fsys to the catalogue in
// use. Every problem is listed and nothing changes when any is found; on
// success the findings are recomputed with the new catalogue.
func (s *catalogueScreen) importCatalogue(fsys fs.FS, origin string) bool {
	before := s.ws.state.Catalogue
	next, err := before.WithLocal(fsys, origin)
	var problems threats.LoadErrors
	switch {
	case errors.As(err, &problems):
		s.problems = showImportProblems(s.ws.ui.win, origin, problems)
		s.ws.setStatus(fmt.Sprintf("Not imported: %s in %s", countNoun(len(problems), "problem"), origin))
		return false
	case err != nil:
		s.ws.ui.showError(failed(err, "The catalogue at %s could not be imported", origin))
		return false
	}
	s.ws.setCatalogue(next)
	s.ws.setStatus(fmt.Sprintf("Imported %s: the findings now use catalogue %s", origin, next.Version))
	s.packSel.SetSelected(packOptionLocal)
	return true
}

// singleFileFS is a folder reduced to one of its files, so a single
// catalogue file can be handed to Catalogue.WithLocal, which reads every
// YAML file of a folder.
type singleFileFS struct {
	fsys fs.FS
	name string
}

// Open opens the one file; anything else does not exist.
func (f singleFileFS) Open(name string) (fs.File, error) {
	if name != f.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return f.fsys.Open(name)
}

// Glob lists the one file when it matches pattern.
func (f singleFileFS) Glob(pattern string) ([]string, error) {
	ok, err := path.Match(pattern, f.name)
	if err != nil || !ok {
		return nil, err
	}
	return []string{f.name}, nil
}

// importProblems is the dialog listing every problem of a catalogue that
// was not imported.
type importProblems struct {
	dialog   *dialog.CustomDialog
	problems threats.LoadErrors
	table    *widget.Table
}

// problemColumns are the problems table's columns and widths.
var problemColumns = []struct {
	title string
	width float32
}{{"File", 140}, {"Line", 52}, {"Threat", 96}, {"Field", 150}, {"Problem", 500}}

// problemColumn is the column that wraps instead of truncating.
const problemColumn = 4

func showImportProblems(w fyne.Window, origin string, problems threats.LoadErrors) *importProblems {
	problems = slices.Clone(problems)
	slices.SortStableFunc(problems, func(a, b threats.LoadError) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	ip := &importProblems{problems: problems}
	ip.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(problems), len(problemColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		ip.updateCell)
	ip.table.ShowHeaderColumn = false
	ip.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		l.SetText(problemColumns[id.Col].title)
	}
	for i, c := range problemColumns {
		ip.table.SetColumnWidth(i, c.width)
	}
	for i, e := range problems {
		ip.table.SetRowHeight(i, problemRowHeight(sentence(e.Msg)))
	}
	noun := "problems"
	if len(problems) == 1 {
		noun = "problem"
	}
	intro := widget.NewLabel(fmt.Sprintf("%d %s in %s. Nothing was imported: fix the files and import them again.",
		len(problems), noun, origin))
	intro.Wrapping = fyne.TextWrapWord
	copyAll := widget.NewButtonWithIcon("Copy the list", theme.ContentCopyIcon(),
		func() { fyne.CurrentApp().Clipboard().SetContent(problemText(problems)) })
	body := container.NewBorder(intro, container.NewHBox(copyAll), nil, nil, ip.table)
	ip.dialog = dialog.NewCustom("The catalogue was not imported", "Close", body, w)
	ip.dialog.Resize(fyne.NewSize(1040, 580))
	ip.dialog.Show()
	return ip
}

func (ip *importProblems) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Col == problemColumn {
		l.Wrapping, l.Truncation = fyne.TextWrapWord, fyne.TextTruncateOff
	} else {
		l.Wrapping, l.Truncation = fyne.TextWrapOff, fyne.TextTruncateEllipsis
	}
	l.SetText(problemCell(ip.problems[id.Row], id.Col))
}

// problemRowHeight is the height of a row whose problem text wraps in
// its column.
func problemRowHeight(text string) float32 {
	pad := theme.InnerPadding()
	size := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{})
	line := fyne.MeasureText("Mg", theme.TextSize(), fyne.TextStyle{}).Height
	width := problemColumns[problemColumn].width - 2*pad
	lines := float32(math.Ceil(float64(size.Width / width * 1.1)))
	return max(1, lines)*line + 2*pad
}

// problemCell is one cell of the problems table.
func problemCell(e threats.LoadError, col int) string {
	switch col {
	case 0:
		return path.Base(filepath.ToSlash(e.File))
	case 1:
		if e.Line > 0 {
			return strconv.Itoa(e.Line)
		}
		return ""
	case 2:
		return e.Threat
	case 3:
		return e.Field
	}
	return sentence(e.Msg)
}

// problemText is the whole list as text, one problem a line, for the
// clipboard.
func problemText(problems threats.LoadErrors) string {
	lines := make([]string, 0, len(problems))
	for _, e := range problems {
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

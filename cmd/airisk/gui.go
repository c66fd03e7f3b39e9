package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"airisk/assets"
	"airisk/model"
	"airisk/storage"
	"airisk/storage/file"
	"airisk/ui"
)

// appID identifies the app to the desktop (preferences, icon); it matches
// FyneApp.toml.
const appID = "uk.airisk.workbench"

// samplePath is the bundled sample project inside assets.FS.
const samplePath = "samples/support-assistant.airisk.yaml"

// gui is the running desktop app.
type gui struct {
	env  *env
	app  fyne.App
	win  fyne.Window
	db   *storage.DB
	open string // project to show first
}

// runGUI opens the desktop app; open names a project to show first.
func runGUI(e *env, open string) error {
	softwareRenderingDefaults()
	a := app.NewWithID(appID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	g := &gui{env: e, app: a, win: a.NewWindow("AI Risk Workbench"), open: open}
	g.win.Resize(fyne.NewSize(1400, 900))
	if err := g.start(); err != nil {
		return err
	}
	g.win.ShowAndRun()
	if g.db != nil {
		return g.db.Close()
	}
	return nil
}

// softwareRenderingDefaults keeps Mesa's software renderer (llvmpipe), used
// where there is no GPU (virtual machines, many locked-down desktops,
// Xvfb), from starting a rasterizer thread per core with its own bins: on
// a 1,000-element diagram that cost about 200 MiB of peak memory for no
// visible gain in a 2D window. Hardware drivers ignore the variable, and a
// value the user set wins.
func softwareRenderingDefaults() {
	if _, set := os.LookupEnv("LP_NUM_THREADS"); !set {
		os.Setenv("LP_NUM_THREADS", "0")
	}
}

// start opens the database and shows the workspace, or explains why the
// database cannot be opened when another window holds it.
func (g *gui) start() error {
	db, readOnly, err := openDBReadable(g.env)
	if errors.Is(err, storage.ErrLocked) {
		showLocked(g.app, g.win, err, g.onOtherDatabase)
		return nil
	}
	if err != nil {
		return err
	}
	g.db = db
	if !readOnly {
		if err := seedSample(db); err != nil {
			return err
		}
	}
	cat, err := catalogue(g.env)
	if err != nil {
		return err
	}
	u := ui.New(g.win, g.app, uiStore{db}, cat, uiIO(g.env, db))
	u.Show()
	g.warn(db, readOnly)
	if g.open == "" {
		return nil
	}
	p, err := resolve(db, g.open)
	if err != nil && !readOnly && g.open == sampleID {
		p, err = restoreSample(db) // make run opens the sample even after it was deleted
	}
	if err != nil {
		return err
	}
	u.Open(p.Meta.ID)
	return nil
}

// sampleID is the id of the bundled sample project.
const sampleID = "support-assistant"

// restoreSample imports the bundled sample again.
func restoreSample(db *storage.DB) (*model.Project, error) {
	p, err := sampleProject()
	if err != nil {
		return nil, err
	}
	return p, db.Create(p)
}

// warn tells the person about a database opened read-only and about a
// failed automatic backup; neither stops the app.
func (g *gui) warn(db *storage.DB, readOnly bool) {
	if readOnly {
		dialog.ShowInformation("Opened read-only",
			"The database "+db.Path()+" is in a read-only folder or on a read-only disk, so it was opened for reading only. "+
				"You can look at every project and export it, but edits cannot be saved. To edit, copy it somewhere writable and open that with --db.", g.win)
	}
	if err := db.BackupError(); err != nil {
		dialog.ShowInformation("Automatic backup failed", "The automatic backup could not be written: "+err.Error(), g.win)
	}
}

// onOtherDatabase switches to the database file the person picked.
func (g *gui) onOtherDatabase(path string) {
	g.env.dbPath = path
	g.open = ""
	if err := g.start(); err != nil {
		showFatal(g.win, err)
	}
}

// seedSample imports the bundled sample into an empty database so the app
// never opens empty.
func seedSample(db *storage.DB) error {
	metas, err := db.Projects()
	if err != nil || len(metas) > 0 {
		return err
	}
	p, err := sampleProject()
	if err != nil {
		return err
	}
	return db.Create(p)
}

func sampleProject() (*model.Project, error) {
	data, err := assets.FS.ReadFile(samplePath)
	if err != nil {
		return nil, fmt.Errorf("read the bundled sample: %w", err)
	}
	return file.Read(bytes.NewReader(data), samplePath)
}

// uiIO hands the UI the file formats it may not import itself. The
// workbook gets the Changes sheet of the project's latest workshop from db.
func uiIO(e *env, db *storage.DB) ui.IO {
	return ui.IO{
		Import: func(path string) (*model.Project, string, error) {
			p, fid, err := file.Import(path)
			if err != nil || fid == nil {
				return p, "", err
			}
			return p, fid.String(), nil
		},
		ExportFile: exportFile,
		Templates:  bundledTemplates,
		ExportWorkbook: func(p *model.Project, path string, progress func(done, total int)) error {
			changes, err := workshopChangesFor(e, db, p)
			if err != nil {
				return err
			}
			return exportWorkbookTo(e, p, path, progress, changes)
		},
	}
}

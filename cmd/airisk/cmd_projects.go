package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	pathpkg "path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"airisk/assets"
	"airisk/model"
	"airisk/storage"
	"airisk/storage/file"
	"airisk/ui"
)

func cmdProjects(e *env, _ *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 0, "no arguments"); err != nil {
		return err
	}
	return withDB(e, func(db *storage.DB) error {
		metas, err := db.Projects()
		if err != nil {
			return err
		}
		for _, m := range metas {
			fmt.Fprintf(e.stdout, "%s\t%s\n", m.ID, m.Name)
		}
		return nil
	})
}

func newFlags(fs *flag.FlagSet) {
	fs.String("template", "", "start from a bundled template (see airisk templates)")
}

func cmdNew(e *env, fs *flag.FlagSet, args []string) error {
	if len(args) == 0 || strings.TrimSpace(strings.Join(args, " ")) == "" {
		return usagef("expected: airisk new NAME [--template ID]")
	}
	name := strings.Join(args, " ")
	p, err := newProject(fs.Lookup("template").Value.String())
	if err != nil {
		return err
	}
	return withDB(e, func(db *storage.DB) error {
		id, err := freshID(db, model.Slug(name))
		if err != nil {
			return err
		}
		now := time.Now().UTC().Truncate(time.Second)
		p.Meta.ID, p.Meta.Name, p.Meta.Created, p.Meta.Updated = id, name, now, now
		if err := p.Validate(); err != nil {
			return fmt.Errorf("new project: %w", err)
		}
		if err := db.Create(p); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, id)
		return nil
	})
}

// newProject returns an empty project, or a copy of the bundled template
// with the given id.
func newProject(templateID string) (*model.Project, error) {
	if templateID == "" {
		return &model.Project{}, nil
	}
	ts, err := bundledTemplates()
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(ts))
	for _, t := range ts {
		if t.ID == templateID {
			return t.Project.Clone(), nil
		}
		ids = append(ids, t.ID)
	}
	return nil, fmt.Errorf("there is no template %q; the templates are %s", templateID, strings.Join(ids, ", "))
}

func cmdTemplates(e *env, _ *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 0, "no arguments"); err != nil {
		return err
	}
	ts, err := bundledTemplates()
	if err != nil {
		return err
	}
	for _, t := range ts {
		fmt.Fprintf(e.stdout, "%s\t%s\n", t.ID, t.Name)
	}
	return nil
}

// templatesDir holds the starter templates inside assets.FS.
const templatesDir = "templates"

// bundledTemplates reads every starter template bundled in assets.FS,
// sorted by name.
func bundledTemplates() ([]ui.Template, error) {
	paths, err := fs.Glob(assets.FS, templatesDir+"/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list the bundled templates: %w", err)
	}
	ts := make([]ui.Template, 0, len(paths))
	for _, path := range paths {
		t, err := readTemplate(path)
		if err != nil {
			return nil, err
		}
		ts = append(ts, t)
	}
	slices.SortFunc(ts, func(a, b ui.Template) int { return strings.Compare(a.Name, b.Name) })
	return ts, nil
}

// readTemplate reads one bundled template; its id is the file's base name.
func readTemplate(path string) (ui.Template, error) {
	data, err := assets.FS.ReadFile(path)
	if err != nil {
		return ui.Template{}, fmt.Errorf("read the bundled template %s: %w", path, err)
	}
	p, err := file.Read(bytes.NewReader(data), path)
	if err != nil {
		return ui.Template{}, err
	}
	id := strings.TrimSuffix(pathpkg.Base(path), ".yaml")
	id = strings.TrimSuffix(id, ".airisk")
	return ui.Template{ID: id, Name: p.Meta.Name, Description: p.Meta.Description, Project: p}, nil
}

func importFlags(fs *flag.FlagSet) {
	fs.Bool("replace", false, "overwrite the project with the same id")
}

func cmdImport(e *env, fs *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 1, "airisk import FILE [--replace]"); err != nil {
		return err
	}
	p, fid, err := file.Import(args[0])
	if err != nil {
		return err
	}
	if fid != nil {
		fmt.Fprint(e.stdout, fid.String())
	}
	replace := fs.Lookup("replace").Value.String() == "true"
	return withDB(e, func(db *storage.DB) error {
		return store(e, db, p, replace)
	})
}

// store writes an imported project: replacing, creating, or creating a copy
// under a fresh id when the id is taken.
func store(e *env, db *storage.DB, p *model.Project, replace bool) error {
	stampTimes(p)
	if replace {
		if _, err := db.Load(p.Meta.ID); err == nil {
			if err := db.Replace(p); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Replaced project %q.\n%s\n", p.Meta.Name, p.Meta.ID)
			return nil
		}
	}
	id, err := freshID(db, p.Meta.ID)
	if err != nil {
		return err
	}
	if id != p.Meta.ID {
		fmt.Fprintf(e.stdout, "A project with id %q already exists; imported as a copy with id %q.\n", p.Meta.ID, id)
		p.Meta.ID = id
	}
	if err := db.Create(p); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Imported %q: %d elements, %d flows, %d risks.\n%s\n",
		p.Meta.Name, len(p.Elements), len(p.Flows), len(p.Risks), p.Meta.ID)
	return nil
}

func exportFlags(fs *flag.FlagSet) {
	fs.String("o", "", "output file: .json, .yaml or .td.json (Threat Dragon)")
	fs.String("xlsx", "", "output Excel workbook")
}

func cmdExport(e *env, fs *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 1, "airisk export PROJECT -o FILE | --xlsx FILE"); err != nil {
		return err
	}
	out, xlsxOut := fs.Lookup("o").Value.String(), fs.Lookup("xlsx").Value.String()
	if (out == "") == (xlsxOut == "") {
		return usagef("airisk export needs exactly one of -o FILE or --xlsx FILE")
	}
	if xlsxOut != "" {
		return exportWorkbook(e, args[0], xlsxOut)
	}
	p, err := loadModel(e, args[0])
	if err != nil {
		return err
	}
	return exportFile(p, out)
}

// exportFile writes p in the format the file name asks for.
func exportFile(p *model.Project, path string) error {
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".td.json"):
		return file.WriteAtomic(path, func(w io.Writer) error { return file.WriteThreatDragon(w, p) })
	case strings.HasSuffix(lower, ".json"), strings.HasSuffix(lower, ".yaml"), strings.HasSuffix(lower, ".yml"):
		return file.WriteFile(path, p)
	}
	return usagef("cannot tell the format of %q: use .json, .yaml or .td.json (or --xlsx)", filepath.Base(path))
}

func cmdValidate(e *env, _ *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 1, "airisk validate FILE"); err != nil {
		return err
	}
	p, _, err := file.Import(args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: valid (%d boundaries, %d elements, %d flows, %d risks)\n",
		args[0], len(p.Boundaries), len(p.Elements), len(p.Flows), len(p.Risks))
	return nil
}

func cmdDelete(e *env, _ *flag.FlagSet, args []string) error {
	if err := wantArgs(args, 1, "airisk delete PROJECT"); err != nil {
		return err
	}
	return withDB(e, func(db *storage.DB) error {
		p, err := resolve(db, args[0])
		if err != nil {
			return err
		}
		if err := db.Delete(p.Meta.ID); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Deleted project %q (%s).\n", p.Meta.Name, p.Meta.ID)
		return nil
	})
}

// stampTimes fills in creation and update times a foreign file lacked.
func stampTimes(p *model.Project) {
	now := time.Now().UTC().Truncate(time.Second)
	if p.Meta.Created.IsZero() {
		p.Meta.Created = now
	}
	if p.Meta.Updated.IsZero() {
		p.Meta.Updated = now
	}
}

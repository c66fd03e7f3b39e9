package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"airisk/model"
	"airisk/storage"
	"airisk/storage/file"
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

func cmdNew(e *env, _ *flag.FlagSet, args []string) error {
	if len(args) == 0 || strings.TrimSpace(strings.Join(args, " ")) == "" {
		return usagef("expected: airisk new NAME")
	}
	name := strings.Join(args, " ")
	return withDB(e, func(db *storage.DB) error {
		id, err := freshID(db, model.Slug(name))
		if err != nil {
			return err
		}
		now := time.Now().UTC().Truncate(time.Second)
		p := &model.Project{Meta: model.ProjectMeta{ID: id, Name: name, Created: now, Updated: now}}
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

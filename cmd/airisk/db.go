package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"airisk/model"
	"airisk/storage"
	"airisk/storage/file"
	"airisk/threats"
)

// openDB opens the database named by --db, or the default one: for
// writing, or for reading only when its folder or disk is read-only, so
// looking things up and exporting still work there (edits then fail with a
// message saying why).
func openDB(e *env) (*storage.DB, error) {
	db, _, err := openDBReadable(e)
	return db, err
}

// openDBReadable is openDB that also says whether it fell back to reading
// only.
func openDBReadable(e *env) (db *storage.DB, readOnly bool, err error) {
	path, err := dbPath(e)
	if err != nil {
		return nil, false, fmt.Errorf("find the default database: %w", err)
	}
	db, err = storage.Open(path, storage.Options{})
	if err == nil || !(errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)) {
		return db, false, err
	}
	db, rerr := storage.Open(path, storage.Options{ReadOnly: true})
	if rerr != nil {
		return nil, false, err
	}
	return db, true, nil
}

// withDB opens the database, runs fn and closes it again.
func withDB(e *env, fn func(db *storage.DB) error) error {
	db, err := openDB(e)
	if err != nil {
		return err
	}
	err = fn(db)
	if cerr := db.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close database: %w", cerr)
	}
	return err
}

// resolve finds a project by id, or by a name no other project shares.
func resolve(db *storage.DB, ref string) (*model.Project, error) {
	metas, err := db.Projects()
	if err != nil {
		return nil, err
	}
	var byName []model.ProjectMeta
	for _, m := range metas {
		if m.ID == ref {
			return db.Load(m.ID)
		}
		if strings.EqualFold(m.Name, ref) {
			byName = append(byName, m)
		}
	}
	switch len(byName) {
	case 1:
		return db.Load(byName[0].ID)
	case 0:
		return nil, fmt.Errorf("no project %q in %s (airisk projects lists them)", ref, db.Path())
	default:
		return nil, fmt.Errorf("%d projects are named %q; use the id instead", len(byName), ref)
	}
}

// loadModel reads a portable file when ref names an existing file, and a
// project from the database otherwise.
func loadModel(e *env, ref string) (*model.Project, error) {
	if st, err := os.Stat(ref); err == nil && !st.IsDir() {
		p, _, err := file.Import(ref)
		return p, err
	}
	var p *model.Project
	err := withDB(e, func(db *storage.DB) error {
		var err error
		p, err = resolve(db, ref)
		return err
	})
	return p, err
}

// catalogue loads the bundled catalogue plus any --catalogue folder.
func catalogue(e *env) (*threats.Catalogue, error) {
	c, err := threats.Bundled()
	if err != nil {
		return nil, fmt.Errorf("load the bundled catalogue: %w", err)
	}
	if e.catalogue == "" {
		return c, nil
	}
	if st, err := os.Stat(e.catalogue); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("--catalogue %s: not a folder", e.catalogue)
	}
	return c.WithLocal(os.DirFS(e.catalogue), e.catalogue)
}

// freshID returns id, or id-2, id-3 ... when taken.
func freshID(db *storage.DB, id string) (string, error) {
	metas, err := db.Projects()
	if err != nil {
		return "", err
	}
	taken := map[string]bool{}
	for _, m := range metas {
		taken[m.ID] = true
	}
	if !taken[id] {
		return id, nil
	}
	for n := 2; ; n++ {
		cand := fmt.Sprintf("%s-%d", trimID(id, 6), n)
		if !taken[cand] {
			return cand, nil
		}
	}
}

func trimID(id string, room int) string {
	if len(id)+room > model.MaxIDLength {
		return id[:model.MaxIDLength-room]
	}
	return id
}

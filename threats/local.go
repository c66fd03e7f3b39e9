package threats

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
)

// WithLocal returns a new catalogue with the user's catalogue files (every
// *.yaml and *.yml at the root of fsys) on top of c: a new id adds a threat,
// a known id replaces the whole entry, and `disabled: true` switches one
// off. Local threats are validated like bundled ones and marked Local.
// origin names the folder in messages. Any problem leaves c as it was and
// returns no catalogue: the error is a LoadErrors, or wraps ErrNoThreats.
func (c *Catalogue) WithLocal(fsys fs.FS, origin string) (*Catalogue, error) {
	names, err := localFiles(fsys)
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("%s: %w", origin, ErrNoThreats)
	}
	var errs LoadErrors
	l := loader{code: c.Code, references: c.references, errs: &errs}
	var files []threatFile
	for _, name := range names {
		files = append(files, l.readThreatFile(fsys, name, origin+"/"+name, true))
	}
	next := &Catalogue{Code: c.Code, references: c.references, byID: maps.Clone(c.byID), disabled: slices.Clone(c.disabled)}
	changed := next.applyLocal(files, &errs)
	next.index(&errs)
	if len(errs) > 0 {
		return nil, errs
	}
	next.Version = fmt.Sprintf("%s + %d local", c.Version, changed)
	return next, nil
}

func localFiles(fsys fs.FS) ([]string, error) {
	yamls, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	ymls, err := fs.Glob(fsys, "*.yml")
	if err != nil {
		return nil, err
	}
	names := append(yamls, ymls...)
	sort.Strings(names)
	return names, nil
}

// applyLocal adds, replaces and disables threats; it returns how many
// entries it applied.
func (c *Catalogue) applyLocal(files []threatFile, errs *LoadErrors) int {
	where := map[string]string{}
	applied := 0
	for _, f := range files {
		s := sink{file: f.name, errs: errs}
		for _, e := range f.entries {
			id := e.threat.ID
			if id == "" {
				continue
			}
			if prev, dup := where[id]; dup {
				s.add(e.line, id, "id", "is already used by a local threat at %s", prev)
				continue
			}
			where[id] = fmt.Sprintf("%s line %d", f.name, e.line)
			if c.applyEntry(e, s, f.packSet) {
				applied++
			}
		}
	}
	sort.Strings(c.disabled)
	return applied
}

// applyEntry applies one local entry. A replacement from a file that names
// no pack stays in the pack of the threat it replaces.
func (c *Catalogue) applyEntry(e entry, s sink, packSet bool) bool {
	id := e.threat.ID
	prev, exists := c.byID[id]
	if !e.disabled {
		if exists && !packSet {
			e.threat.Pack = prev.Pack
		}
		c.byID[id] = e.threat
		return true
	}
	if !exists {
		s.add(e.line, id, "disabled", "switches off %s, which the catalogue does not have", id)
		return false
	}
	delete(c.byID, id)
	c.disabled = append(c.disabled, id)
	return true
}

package threats

import (
	"fmt"
	"hash/fnv"
	"io/fs"
	"slices"
	"sort"
	"sync"

	"airisk/assets"
	"airisk/model"
)

// Catalogue is a loaded, validated threat catalogue with the Code of
// Practice and the reference names it was checked against. It is never
// changed after loading, so it may be shared between goroutines.
type Catalogue struct {
	Threats []*Threat // sorted by id
	Code    *Code
	// Version names the catalogue's edition and size:
	// "2026.11 (109 threats)", "+ 3 local" when local files are added.
	Version string

	byID       map[string]*Threat
	references map[string]string
	disabled   []string
	groups     kindGroups
}

// kindGroups holds the threats grouped by what they attach to, so Analyse
// looks only at the threats that can apply to a target.
type kindGroups struct {
	byKind  map[model.Kind][]*Threat
	flow    []*Threat
	project []*Threat
}

// Load reads codeofpractice.yaml, references.yaml and catalogue/*.yaml from
// fsys and validates them. On failure the error is a LoadErrors listing
// every problem found, or wraps ErrNoThreats.
func Load(fsys fs.FS) (*Catalogue, error) {
	var errs LoadErrors
	code := loadCode(fsys, &errs)
	refs := loadReferences(fsys, &errs)
	if len(errs) > 0 {
		return nil, errs
	}
	names, err := fs.Glob(fsys, catalogueDir+"/*.yaml")
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("%s: %w", catalogueDir, ErrNoThreats)
	}
	l := loader{code: code, references: refs, errs: &errs}
	var files []threatFile
	for _, name := range names {
		files = append(files, l.readThreatFile(fsys, name, name, false))
	}
	c := &Catalogue{Code: code, references: refs, byID: map[string]*Threat{}}
	c.addBundled(files, &errs)
	if len(errs) > 0 {
		return nil, errs
	}
	c.Version = fmt.Sprintf("%s (%s)", edition(files, &errs), plural(len(c.Threats), "threat"))
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// addBundled adds the threats of the bundled files, reporting ids used
// twice.
func (c *Catalogue) addBundled(files []threatFile, errs *LoadErrors) {
	where := map[string]string{}
	for _, f := range files {
		s := sink{file: f.name, errs: errs}
		for _, e := range f.entries {
			id := e.threat.ID
			if prev, dup := where[id]; dup && id != "" {
				s.add(e.line, id, "id", "is already used by a threat at %s", prev)
				continue
			}
			where[id] = fmt.Sprintf("%s line %d", f.name, e.line)
			c.byID[id] = e.threat
		}
	}
	c.index(errs)
}

// index sorts the threats and groups them by target.
func (c *Catalogue) index(errs *LoadErrors) {
	c.Threats = c.Threats[:0]
	for _, t := range c.byID {
		c.Threats = append(c.Threats, t)
	}
	sort.Slice(c.Threats, func(i, j int) bool { return c.Threats[i].ID < c.Threats[j].ID })
	if len(c.Threats) > MaxThreats {
		*errs = append(*errs, LoadError{File: catalogueDir, Msg: fmt.Sprintf("has %d threats; the limit is %d", len(c.Threats), MaxThreats)})
	}
	c.groups = kindGroups{byKind: map[model.Kind][]*Threat{}}
	for _, t := range c.Threats {
		for _, k := range t.Kinds() {
			c.groups.byKind[k] = append(c.groups.byKind[k], t)
		}
		if t.OnFlows() {
			c.groups.flow = append(c.groups.flow, t)
		}
		if t.OnProject() {
			c.groups.project = append(c.groups.project, t)
		}
	}
}

// edition returns the version the files declare (they must agree), or a
// short hash of their content when none declares one.
func edition(files []threatFile, errs *LoadErrors) string {
	version, from := "", ""
	h := fnv.New32a()
	for _, f := range files {
		h.Write([]byte(f.name))
		h.Write(f.data)
		if f.version == "" {
			continue
		}
		if version != "" && f.version != version {
			s := sink{file: f.name, errs: errs}
			s.add(f.versionLine, "", "version", "is %q but %s says %q", f.version, from, version)
		}
		version, from = f.version, f.name
	}
	if version == "" {
		version = fmt.Sprintf("%08x", h.Sum32())
	}
	return version
}

var bundled struct {
	once sync.Once
	cat  *Catalogue
	err  error
}

// Bundled returns the catalogue embedded in the program, loaded once.
func Bundled() (*Catalogue, error) {
	bundled.once.Do(func() { bundled.cat, bundled.err = Load(assets.FS) })
	return bundled.cat, bundled.err
}

// Threat returns the threat with the given id.
func (c *Catalogue) Threat(id string) (*Threat, bool) {
	t, ok := c.byID[id]
	return t, ok
}

// ReferenceName returns the name of a reference id ("LLM01:2025" ->
// "Prompt Injection", "CWE-287" -> "Improper Authentication"), the section
// of a NIST AI 100-2 reference, or "" when the id is unknown.
func (c *Catalogue) ReferenceName(ref string) string {
	if section, ok := cutNIST(ref); ok {
		return section
	}
	return c.references[ref]
}

// Packs lists the packs the catalogue's threats belong to: "ai" and
// "stride" first, then local packs by name.
func (c *Catalogue) Packs() []string {
	var out []string
	for _, t := range c.Threats {
		if !slices.Contains(out, t.Pack) {
			out = append(out, t.Pack)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if rank(out[i]) != rank(out[j]) {
			return rank(out[i]) < rank(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// rank orders packs: ai, stride, then the rest.
func rank(pack string) int {
	switch pack {
	case PackAI:
		return 0
	case PackStride:
		return 1
	}
	return 2
}

// ThreatsByPack returns the threats of one pack, sorted by id.
func (c *Catalogue) ThreatsByPack(pack string) []*Threat {
	var out []*Threat
	for _, t := range c.Threats {
		if t.Pack == pack {
			out = append(out, t)
		}
	}
	return out
}

// Disabled lists the ids of bundled threats that local catalogue files
// switched off, sorted.
func (c *Catalogue) Disabled() []string { return slices.Clone(c.disabled) }

// plural writes "1 threat" or "2 threats".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
